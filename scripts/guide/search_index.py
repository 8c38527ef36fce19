"""Split the search index by language, so a page downloads only its own language's.

    guide search-index [--site site]

Run after `mkdocs build`. mkdocs-static-i18n writes ONE index of every language
(search/search_index.json). This writes search/search_index.<lang>.json for each language,
holding only that language's pages; assets/javascripts/languages.js loads it when the
reader opens search. The merged index stays, for `mkdocs serve` and older pages.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .pages import site_languages
from .options import add_site


def split(site: Path) -> dict[str, int]:
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    langs = site_languages()
    others = [prefix for _, prefix in langs if prefix]
    sizes = {}
    for locale, prefix in langs:
        if prefix:
            docs = [doc for doc in merged["docs"] if doc["location"].startswith(prefix)]
        else:
            docs = [doc for doc in merged["docs"] if not doc["location"].startswith(tuple(others))]
        index = {"config": {**merged["config"], "lang": [locale]}, "docs": docs}
        out = site / "search" / f"search_index.{locale}.json"
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        sizes[locale] = out.stat().st_size
    return sizes


def register(commands) -> None:
    parser = commands.add_parser("search-index", help="split the built search index by language", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    for locale, size in split(args.site).items():
        print(f"search/search_index.{locale}.json: {size / 1024:.0f} KB")
    return 0

