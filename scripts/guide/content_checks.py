"""Check the guide's Markdown pages the way an editor would, before anyone reads them.

    guide check                 # every page, every language
    guide check docs/es/families.md

Each problem is printed as "file:line: what is wrong". Checks:
  reading    English Flesch-Kincaid grade <= 8.0; Spanish Fernandez-Huerta >= 70
  words      no stigmatising word in our own voice, members' labels only in quotation
             marks; one form per term, no calque (docs/data/terms.yml)
  wording    no official wording of the Twelve Steps or Twelve Traditions
  page       "In short" box; a Sources section with an
             https link; at least 300 words of prose (home, glossary, handouts aside).
             A printable handout (template: handout.html) is short by design and links
             to its full page: it needs only `reviewed` and its `page`.
  numbers    no phone number typed in a page (they live in docs/data/helplines.yml)
  breaks     no line break inside a Chinese paragraph (the browser shows it as a space)
Exit status 1 when anything is wrong.
"""
from __future__ import annotations

import argparse
import functools
import datetime as dt
import re
from pathlib import Path

from . import data as guide_data
from . import readability
from .pages import ROOT, Page, languages, pages, prose, read_page, ui, word_count

MIN_WORDS = 300
SHORT_PAGES = {"index.md", "glossary.md", "handouts.md"}  # no minimum length

QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')

# Distinctive phrases of the official Twelve Steps and Traditions (AA's English and
# Spanish texts). The guide paraphrases; it never reproduces them.
OFFICIAL_WORDING = [
    "powerless over alcohol", "lives had become unmanageable", "power greater than ourselves",
    "restore us to sanity", "turn our will and our lives over", "searching and fearless moral inventory",
    "exact nature of our wrongs", "entirely ready to have god remove", "humbly asked him to remove",
    "made a list of all persons we had harmed", "made direct amends", "except when to do so would injure",
    "continued to take personal inventory", "promptly admitted it", "improve our conscious contact",
    "having had a spiritual awakening", "carry this message to alcoholics", "practice these principles in all our affairs",
    "our common welfare should come first", "one ultimate authority", "but trusted servants",
    "the only requirement for a.a. membership", "each group should be autonomous", "primary purpose—to carry its message",
    "lend the a.a. name", "fully self-supporting, declining outside contributions", "forever nonprofessional",
    "ought never be organized", "no opinion on outside issues", "attraction rather than promotion",
    "spiritual foundation of all our traditions", "principles before personalities",
    "impotentes ante el alcohol", "vidas se habían vuelto ingobernables", "poder superior a nosotros mismos",
    "devolvernos el sano juicio", "minucioso y audaz inventario moral", "naturaleza exacta de nuestros defectos",
    "enteramente dispuestos a dejar que dios", "humildemente le pedimos que nos liberase",
    "lista de todas aquellas personas a quienes habíamos ofendido", "reparamos directamente",
    "despertar espiritual como resultado", "practicar estos principios en todos nuestros asuntos",
]

# A phone number: 3+ digit groups separated by spaces, dots or hyphens (e.g. 1-800-662-4357),
# or any number from the help-line data written out.
# Letters around it may be Chinese (no spaces): only Latin letters and digits make it part of a word.
PHONE = re.compile(r"(?<![A-Za-z0-9_/.,#=-])\+?\d{1,4}(?:[ .-]\d{2,4}){2,}(?![A-Za-z0-9_/])")


def _find(page: Page, pattern: str, text: str | None = None, flags=re.I):
    body = page.body if text is None else text
    return [(page.line_of(m.start()), m.group(0)) for m in re.finditer(pattern, body, flags)]


def check_reading(page: Page) -> list[str]:
    if page.lang not in readability.TARGETS:
        return []
    name, _, limit, higher = readability.TARGETS[page.lang]
    value = readability.score(prose(page.body), page.lang)
    if readability.passes(value, page.lang):
        return []
    return [f"{page.path}:1: reading level: {name} {value}, target {'>=' if higher else '<='} {limit}. "
            "Use shorter sentences and more common words (`guide readability` shows the score)."]


def check_words(page: Page, terms: dict[str, list[dict]]) -> list[str]:
    """The words of docs/data/terms.yml that the guide avoids, in our own voice."""
    problems = []
    masked = QUOTED.sub(lambda m: " " * len(m.group(0)), page.body)  # quoted words are allowed
    masked = re.sub(r"\]\([^)]*\)|<https?://[^>]*>|\{[^}\n]*\}", lambda m: " " * len(m.group(0)), masked)  # URLs, ids
    for term in terms.get(page.lang, []):
        flags = 0 if term.get("case") else re.I
        for line, word in _find(page, term["avoid"], masked, flags):
            if term["kind"] == "stigma":
                problems.append(f"{page.path}:{line}: stigmatising word '{word}': write '{term['use']}' instead, "
                                "or put a member's own words in quotation marks")
            else:
                problems.append(f"{page.path}:{line}: '{word}': write '{term['use']}' instead ({term['why']}; "
                                "docs/data/terms.yml)")
    return problems


# A line break inside a paragraph between two Chinese characters shows as a space in the
# browser (Chinese is written without spaces): keep each Chinese paragraph on one line.
HAN_LINE_BREAK = re.compile(r"[\u3400-\u9fff，。：；！？、）」”]\n[ \t]*(?![-*+] |\d+\. |#|!!!|\?\?\?|\||>|<)(?=\**\[?[\u3400-\u9fff（「“])")


def check_line_breaks(page: Page) -> list[str]:
    return [f"{page.path}:{page.line_of(m.start())}: a line break between Chinese characters shows as a space: "
            "join the two lines" for m in HAN_LINE_BREAK.finditer(page.body)]


def check_official_wording(page: Page) -> list[str]:
    problems = []
    for phrase in OFFICIAL_WORDING:
        pattern = r"\W+".join(re.escape(word) for word in re.findall(r"[\w.]+", phrase))
        for line, _ in _find(page, pattern):
            problems.append(f"{page.path}:{line}: official fellowship wording '{phrase}': "
                            "paraphrase it in our own plain words and link the official text")
    return problems


def check_page(page: Page, today: dt.date) -> list[str]:
    # A review date past due is reported by `guide review` and warned about, never a failure:
    # it must not block an urgent fix from being published.
    problems = [f"{page.path}:1: {error}" for error in page.errors]
    if page.meta.get("template") == "handout.html":
        if not (page.path.parent.parent / str(page.meta.get("page"))).is_file():
            problems.append(f"{page.path}:1: a handout needs 'page': the page it summarises, e.g. first-meeting.md")
        return problems
    title = ui(page.lang).get("in_short")  # the summary box's title, per language (mkdocs.yml)
    if title and not re.search(rf'^!!! \w+ "{re.escape(title)}"', page.body, re.M):
        problems.append(f"{page.path}:{page.body_line}: no summary box: start the page with !!! abstract \"{title}\"")
    sources = re.search(r"^##\s+.*\{#sources\}\s*$", page.body, re.M)
    if not sources:
        problems.append(f"{page.path}:{page.line_of(len(page.body))}: no Sources section: end with '## Sources {{#sources}}'")
    elif "https://" not in page.body[sources.end():]:
        problems.append(f"{page.path}:{page.line_of(sources.start())}: the Sources section has no https:// link")
    words = word_count(prose(page.body))
    if page.slug not in SHORT_PAGES and words < MIN_WORDS:
        problems.append(f"{page.path}:1: only {words} words of prose: a content page needs at least {MIN_WORDS}")
    return problems


def check_numbers(page: Page, known: set[str]) -> list[str]:
    problems = []
    masked = re.sub(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|\{#[^}]*\}", lambda m: " " * len(m.group(0)), page.body)
    for line, number in _find(page, PHONE.pattern, masked, 0):
        problems.append(f"{page.path}:{line}: phone number '{number}' typed in a page: "
                        "help lines live in docs/data/helplines.yml; link get-help-now.md instead")
    for digits in sorted(known, key=len, reverse=True):
        for line, number in _find(page, rf"(?<![A-Za-z0-9_/.,-])(?<!\d[ \u00a0]){re.escape(digits)}(?![A-Za-z0-9_/.,-])", masked, 0):
            problems.append(f"{page.path}:{line}: help-line number '{number}' typed in a page: "
                            "link get-help-now.md instead (every page also shows the urgent-help box)")
    return sorted(set(problems))


@functools.lru_cache(maxsize=None)
def terms() -> dict[str, list[dict]]:
    return guide_data.load_terms(languages())


def check(page: Page, known_numbers: set[str], today: dt.date) -> list[str]:
    return (check_page(page, today) + check_reading(page) + check_words(page, terms())
            + check_official_wording(page) + check_numbers(page, known_numbers) + check_line_breaks(page))


def known_numbers() -> set[str]:
    """Every number of the help-line data (the same in every language; the build checks the data)."""
    return guide_data.phone_numbers(guide_data.raw_countries())


def register(commands) -> None:
    parser = commands.add_parser("check", help="check pages as an editor would: reading level, words, official wording, page shape, typed numbers", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="Markdown pages (default: all)")
    parser.set_defaults(run=run)


def run(args) -> int:
    todo = [read_page(p.resolve()) for p in args.files] or [p for lang in languages() for p in pages(lang)]
    numbers, today = known_numbers(), dt.date.today()
    problems = [problem for page in todo for problem in check(page, numbers, today)]
    print("\n".join(p.replace(str(ROOT) + "/", "") for p in problems) or f"{len(todo)} pages: no problems")
    return 1 if problems else 0

