"""Mend the two things in Material's own HTML that the Nu HTML Checker rejects, on
every built page (our templates and Markdown are kept valid at the source).

    guide theme-html --site site

Run after the build (scripts/build.sh does). Material 9's templates write:
- tabindex="" on the labels of menu sections (partials/nav-item.html sets tabindex
  only for some labels and prints it empty for the others). An empty tabindex is not
  a number; with no tabindex at all, the label behaves exactly as the browser already
  treats the empty one: not a Tab stop. So the empty attribute is removed.
- autocomplete="off" on its two hidden checkboxes (the menu and search switches,
  base.html), where the attribute is not allowed. It kept Firefox from restoring an
  open menu on reload; a11y.js now closes both switches when a page is shown.
Both live outside any template block, so a template override would mean copying
Material's whole base.html and nav-item.html; a post-build step is smaller and
moves with any engine.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from .options import add_site

EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def mend(html: str) -> str:
    html = EMPTY_TABINDEX.sub(r"\1", html)
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def mend_site(site: Path) -> int:
    """Mend every page of a built site; the number of pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        before = page.read_text(encoding="utf-8")
        after = mend(before)
        if after != before:
            page.write_text(after, encoding="utf-8")
            changed += 1
    return changed


def register(commands) -> None:
    parser = commands.add_parser("theme-html", help="mend the theme's HTML that the validator rejects",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    print(f"{mend_site(args.site)} pages mended")
    return 0
