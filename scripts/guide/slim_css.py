"""Leave out of Material's stylesheet the rules for features this site never shows
(tabs, cards, Mermaid, code highlighting, ...), and the comments of our own stylesheets
and scripts: a first visit downloads less.

    guide slim-css --site site

Run after the build (scripts/build.sh does). A rule is left out only when one of its
selectors' classes appears nowhere in the built site: not in any page's HTML, and not
in any of its JavaScript (where Material adds classes as it runs). Classes inside
:not(), :is() and :where() never decide. At-rules (@media, @supports) keep what they
hold by the same test; @font-face, @keyframes and the like stay whole.
Our own files (those under docs/assets/) lose their comments and indentation; a
comment that opens with /*! (a licence notice) stays.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from .pages import DOCS
from .options import add_site

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
PARENS = re.compile(r"\([^()]*\)")
TOKEN = re.compile(r"[A-Za-z_][\w-]*")


def used_names(site: Path) -> tuple[set[str], set[str]]:
    """Every class in the pages, every word in the scripts; and the scripts' word
    fragments that end in - or _ (classes the code puts together, "md-tag--" + type)."""
    names: set[str] = set()
    for page in site.rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8", errors="replace")):
            names.update(value.split())
    for script in site.rglob("*.js"):
        names.update(TOKEN.findall(script.read_text(encoding="utf-8", errors="replace")))
    fragments = {name for name in names if name.endswith(("-", "_"))}
    return names, fragments


def _selector_used(selector: str, names: set[str], fragments: set[str]) -> bool:
    outside = selector
    while PARENS.search(outside):
        outside = PARENS.sub("", outside)
    return all(cls in names or any(cls.startswith(f) for f in fragments) for cls in CLASS.findall(outside))


def _split_top(text: str, sep: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([" and 1 or 0
        depth -= char in ")]" and 1 or 0
        if char == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _blocks(css: str):
    """(prelude, body) for each top-level block of a stylesheet (body without braces)."""
    i = 0
    while i < len(css):
        open_at = css.find("{", i)
        if open_at < 0:
            return
        depth, j = 1, open_at + 1
        while depth and j < len(css):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        yield css[i:open_at].strip(), css[open_at + 1:j - 1]
        i = j


def slim(css: str, names: set[str], fragments: set[str]) -> str:
    out = []
    for prelude, body in _blocks(css):
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = slim(body, names, fragments)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _split_top(prelude, ",") if _selector_used(s, names, fragments)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def slim_site(site: Path) -> dict[str, tuple[int, int]]:
    """Slim Material's stylesheets and our own assets in a built site:
    {file: (bytes before, after)}."""
    names, fragments = used_names(site)
    sizes = {}
    for sheet in (site / "assets" / "stylesheets").glob("main.*.min.css"):
        css = sheet.read_text(encoding="utf-8")
        charset = re.match(r'@charset "[^"]*";', css)
        body = css[charset.end():] if charset else css
        result = (charset.group(0) if charset else "") + slim(body, names, fragments)
        sheet.write_text(result, encoding="utf-8")
        sizes[f"assets/stylesheets/{sheet.name}"] = (len(css), len(result))
    return sizes | strip_own_assets(site)


def strip_comments(text: str) -> str:
    """Block comments (except /*! notices), whole-line // comments and indentation."""
    text = re.sub(r"/\*(?!!).*?\*/", "", text, flags=re.S)
    text = re.sub(r"(?m)^[ \t]*//.*\n", "", text)
    return re.sub(r"\n[ \t]+", "\n", text)


def strip_own_assets(site: Path) -> dict[str, tuple[int, int]]:
    """Our stylesheets and scripts in a built site, without their comments."""
    sizes = {}
    for source in sorted((DOCS / "assets").rglob("*")):
        if source.suffix in (".css", ".js") and source.is_file():
            built = site / source.relative_to(DOCS)
            if built.is_file():
                before = built.read_text(encoding="utf-8")
                after = strip_comments(before)
                built.write_text(after, encoding="utf-8")
                sizes[built.relative_to(site).as_posix()] = (len(before), len(after))
    return sizes


def register(commands) -> None:
    parser = commands.add_parser("slim-css", help="drop the theme's CSS rules for features the site never shows",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    for name, (before, after) in slim_site(args.site).items():
        print(f"{name}: {before / 1024:.1f} KB -> {after / 1024:.1f} KB")
    return 0
