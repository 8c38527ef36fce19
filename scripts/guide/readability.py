"""Print the reading level of every page, so writers see where they stand.

English: Flesch-Kincaid grade (target 8.0 or lower, aim for 6-7).
Spanish: Fernandez-Huerta ease (target 70 or higher).
Computed offline with textstat on the page's prose (see guide/pages.py).

Chinese, Vietnamese and Arabic have no reading-level formula that is validated for health
text and runs offline, so their measure is the mean sentence length, with limits that match
an English page at grade 6-8 (about 15-17 words a sentence):
  Chinese     35 characters (a Chinese word is 1.5 characters on average)
  Vietnamese  25 syllables (Vietnamese writes each syllable apart; a word is 1-2 syllables)
  Arabic      18 words (Arabic joins articles and prepositions to words: fewer, longer words)

    guide readability              # every page, every language
    guide readability docs/es/first-meeting.md
"""
from __future__ import annotations

import argparse
from pathlib import Path

import textstat

from .pages import DOCS, HAN, languages, pages, prose, read_page, sentences, word_count

def mean_sentence_length(text: str) -> float:
    """Words (Chinese: characters) per sentence."""
    parts = sentences(text)
    han = len(HAN.findall(text))
    return (han or word_count(text)) / max(1, len(parts))


# language -> (measure, scoring function, limit, True if higher is better)
TARGETS = {
    "en": ("Flesch-Kincaid grade", textstat.flesch_kincaid_grade, 8.0, False),
    "es": ("Fernandez-Huerta", textstat.fernandez_huerta, 70.0, True),
    "zh": ("characters per sentence", mean_sentence_length, 35.0, False),
    "vi": ("syllables per sentence", mean_sentence_length, 25.0, False),
    "ar": ("words per sentence", mean_sentence_length, 18.0, False),
}


def score(text: str, lang: str) -> float:
    name, formula, limit, higher = TARGETS[lang]
    if formula is not mean_sentence_length:
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
        count = max(1, len(sentences(text)))
        print(f"{'ok  ' if ok else 'FAIL'} {path.relative_to(DOCS.parent)}: {name} {value} "
              f"(target {'>=' if higher else '<='} {limit}); {word_count(text)} words, "
              f"{word_count(text) / count:.1f} words per sentence")
    return failures


def register(commands) -> None:
    parser = commands.add_parser("readability", help="print the reading level of every page", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="Markdown pages (default: all)")
    parser.set_defaults(run=run)


def run(args) -> int:
    paths = [p.resolve() for p in args.files] or [p.path for lang in languages() for p in pages(lang)]
    return 1 if report(paths) else 0

