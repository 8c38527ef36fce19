"""Print every handout, in every language, to PDF (US Letter and A4), with Chromium.

    guide handouts [--site site]

Run after `mkdocs build`. For each handout of docs/data/handouts.yml and each language,
opens <site>/<lang>/handouts/<id>/ over a local server, puts in the QR code of the
handout's page (its published address in that language), points every link at its
published address (not at the local server it is printed from), and writes
<site>/<lang>/handouts/<id>-letter.pdf and <id>-a4.pdf: tagged for screen readers, with
the page's language and bookmarks from its headings. Stops with an error if a handout
does not fit on one or two pages.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import segno
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from . import chromium
from . import data as guide_data
from .pages import ROOT, site_languages
from .options import add_site

SIZES = {"letter": "Letter", "a4": "A4"}
MARGIN = {"top": "14mm", "bottom": "14mm", "left": "16mm", "right": "16mm"}
MAX_PAGES = 2


# Each link of the printed page, made absolute against the page's published address (its
# canonical link), so a link in the PDF never points at the local server it was printed from.
PUBLISHED_LINKS = """links => {
  const published = document.querySelector('link[rel="canonical"]').href;
  for (const link of links) link.href = new URL(link.getAttribute("href"), published).href;
}"""


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, border=2, omitsize=True)


def build(site: Path) -> list[Path]:
    langs = site_languages()
    handouts = guide_data.load_handouts([locale for locale, _ in langs], ROOT / "docs")
    written = []
    server, base = chromium.serve(site)
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            page.emulate_media(media="print")
            for locale, prefix in langs:
                for item in handouts:
                    page.goto(f"{base}{prefix}handouts/{item['id']}/", wait_until="load")
                    url = page.get_attribute(".handout-qr", "data-url")
                    page.eval_on_selector(".handout-qr", "(el, svg) => { el.innerHTML = svg; "
                                          "const s = el.querySelector('svg'); s.setAttribute('role', 'img'); "
                                          "s.setAttribute('aria-label', el.dataset.url); }", qr_svg(url))
                    page.eval_on_selector_all("a[href]", PUBLISHED_LINKS)
                    for size, paper in SIZES.items():
                        out = site / f"{prefix}handouts" / f"{item['id']}-{size}.pdf"
                        page.pdf(path=str(out), format=paper, margin=MARGIN, print_background=True,
                                 tagged=True, outline=True)
                        pages = len(PdfReader(out).pages)
                        if pages > MAX_PAGES:
                            raise SystemExit(f"docs/{locale}/handouts/{item['id']}.md: the {paper} PDF has {pages} pages; "
                                             f"a handout must fit on {MAX_PAGES}. Shorten it.")
                        written.append(out)
            browser.close()
    finally:
        server.shutdown()
    return written


# What the PDFs are made from: when none of it changes, `--for-serve` makes nothing.
SERVE_INPUTS = ("docs/*/handouts/*.md", "docs/data/*.yml", "overrides/handout.html",
                "docs/assets/stylesheets/handout.css", "mkdocs.yml")
SERVE_STAMP = ROOT / "build" / "serve-pdfs.sha256"


def for_serve() -> str:
    """The PDFs for `mkdocs serve` (scripts/serve.sh): built once into build/serve-site and
    copied beside the handout pages in docs/<lang>/handouts/ (ignored by git), so no
    handout link 404s while writing. Built again only when a handout's inputs change."""
    digest = hashlib.sha256()
    for pattern in SERVE_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.read_bytes())
    if SERVE_STAMP.is_file() and SERVE_STAMP.read_text() == digest.hexdigest():
        return "handout PDFs: up to date"
    site = ROOT / "build" / "serve-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        return "handout PDFs: not made, the build has errors (mkdocs serve shows them)"
    written = build(site)
    for locale, prefix in site_languages():
        for pdf in (site / prefix / "handouts").glob("*.pdf"):
            shutil.copy2(pdf, ROOT / "docs" / locale / "handouts" / pdf.name)
    SERVE_STAMP.write_text(digest.hexdigest())
    return f"handout PDFs: {len(written)} made for the local server"


def register(commands) -> None:
    parser = commands.add_parser("handouts", help="print every handout to PDF (Letter and A4)", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.add_argument("--for-serve", action="store_true",
                        help="make them for `mkdocs serve` (into docs/<lang>/handouts/, once, cached)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.for_serve:
        print(for_serve())
        return 0
    start = time.perf_counter()
    written = build(args.site)
    for pdf in written:
        print(f"{pdf.relative_to(args.site)}: {len(PdfReader(pdf).pages)} page(s), {pdf.stat().st_size / 1024:.0f} KB")
    print(f"{len(written)} PDFs in {time.perf_counter() - start:.1f} s")
    return 0

