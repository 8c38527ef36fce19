"""Command-line options that several `guide` commands share."""
from __future__ import annotations

from pathlib import Path

from .pages import ROOT


def add_site(parser) -> None:
    """--site: the built site a build step works on."""
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
