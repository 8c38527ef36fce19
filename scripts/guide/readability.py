"""Print the reading level of every page, so writers see where they stand.

English: Flesch-Kincaid grade (target 8.0 or lower, aim for 6-7).
Spanish: Fernandez-Huerta ease (target 70 or higher).
Computed offline with textstat on the page's prose (see guide/pages.py).

    guide readability              # every page, every language
    guide readability docs/es/first-meeting.md
"""
from __future__ import annotations

import argparse
from pathlib import Path

import textstat

from .pages import DOCS, languages, pages, prose, read_page, word_count

# language -> (formula name, scoring function, limit, True if higher is better)
TARGETS = {
    "en": ("Flesch-Kincaid grade", textstat.flesch_kincaid_grade, 8.0, False),
    "es": ("Fernandez-Huerta", textstat.fernandez_huerta, 70.0, True),
}


def score(text: str, lang: str) -> float:
    name, formula, limit, higher = TARGETS[lang]
    textstat.set_lang(lang)
    return round(formula(text), 1)


def passes(value: float, lang: str) -> bool:
    _, _, limit, higher = TARGETS[lang]
    return value >= limit if higher else value <= limit


def report(paths: list[Path]) -> int:
    failures = 0
    for path in paths:
        page = read_page(path)
        lang = page.lang
        if lang not in TARGETS:
            print(f"{path}: no reading-level formula for language '{lang}'")
            continue
        text = prose(page.body)
        value = score(text, lang)
        name, _, limit, higher = TARGETS[lang]
        ok = passes(value, lang)
        failures += not ok
        sentences = max(1, textstat.sentence_count(text))
        print(f"{'ok  ' if ok else 'FAIL'} {path.relative_to(DOCS.parent)}: {name} {value} "
              f"(target {'>=' if higher else '<='} {limit}); {word_count(text)} words, "
              f"{word_count(text) / sentences:.1f} words per sentence")
    return failures


def register(commands) -> None:
    parser = commands.add_parser("readability", help="print the reading level of every page", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="Markdown pages (default: all)")
    parser.set_defaults(run=run)


def run(args) -> int:
    paths = [p.resolve() for p in args.files] or [p.path for lang in languages() for p in pages(lang)]
    return 1 if report(paths) else 0

