"""A QR code of each page's published address, for its "Share this page" box.

    guide qr --site site

Run after the build. For every page with a canonical link (its published address,
from SITE_URL), writes an SVG beside it: <page>/qr.svg. The offline edition takes the
same images (`guide offline`), so its QR codes point at the published pages too.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import segno

from .options import add_site

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def write_qr_codes(site: Path) -> int:
    written = 0
    for page in site.rglob("index.html"):
        found = CANONICAL.search(page.read_text(encoding="utf-8"))
        if found:
            segno.make(found.group(1), error="m").save(str(page.parent / "qr.svg"), scale=6, border=2)
            written += 1
    return written


def copy_for_offline(site: Path, offline: Path) -> None:
    """The online QR codes, for the offline edition's pages (es/families.html takes
    es/families/qr.svg as es/families.qr.svg; an index.html, its folder's as index.qr.svg)."""
    for page in offline.rglob("*.html"):
        folder = page.parent.relative_to(offline)
        online = site / folder / ("" if page.name == "index.html" else page.stem) / "qr.svg"
        if online.is_file():
            (page.parent / f"{page.stem}.qr.svg").write_bytes(online.read_bytes())


def register(commands) -> None:
    parser = commands.add_parser("qr", help="a QR code of each page's published address (Share box)",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    print(f"{write_qr_codes(args.site)} QR codes")
    return 0
