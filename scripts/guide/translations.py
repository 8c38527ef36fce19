"""Translation tooling: one script, three commands, every language.

    guide translations check            # structure of every translation
    guide translations status [LANG]    # missing and outdated translations
    guide translations mark LANG PAGE…  # record that a translation is up to date

check   Each translated page has the same section ids, in the same order and at the same
        heading levels, links to the same pages and sections, and has the same admonitions
        (kinds, in order), lists (bulleted or numbered, in order) and tables as its English page.
status  Lists, per language, pages with no translation and translations whose English
        page changed since they were last brought up to date.
mark    A translator's explicit step after reviewing a translation against the current
        English page: records the English page's fingerprint in the translation's front
        matter (`translation_of:`). Nothing marks a translation automatically.
"""
from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

from .pages import DOCS, ROOT, FRONT_MATTER, Page, languages, read_page

DEFAULT = "en"
LINK = re.compile(r"\]\(([^)\s]+\.md(?:#[\w-]+)?)\)")
HEADING = re.compile(r"^(#{2,6})\s.*?\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)


def fingerprint(path: Path) -> str:
    """A short fingerprint of a page's exact text."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)", re.M)
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+\.)\s+\S")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)


def list_blocks(body: str) -> list[str]:
    """The page's lists, in order: "bulleted" or "numbered" (nested lists belong to their list)."""
    kinds, indent, previous = [], None, ""
    for line in body.splitlines():
        item = LIST_ITEM.match(line)
        after_paragraph = bool(previous.strip()) and not previous.lstrip().startswith(("#", "!!!", "???"))
        previous = line                         # "2023. …" continuing a paragraph is text, not a list
        if item and indent is None and not after_paragraph:
            kinds.append("numbered" if item.group(2)[0].isdigit() else "bulleted")
            indent = len(item.group(1))
        elif item or not line.strip():
            continue
        elif indent is not None and len(line) - len(line.lstrip()) <= indent:
            indent = None                       # a paragraph at the list's own level ends it
    return kinds


def _structure(page: Page):
    headings = [(len(level), anchor) for level, anchor in HEADING.findall(page.body)]
    links = sorted(set(LINK.findall(page.body)))
    blocks = {"admonitions": ADMONITION.findall(page.body), "lists": list_blocks(page.body),
              "tables": len(TABLE_RULE.findall(page.body))}
    return headings, links, blocks


def compare(english: Page, translation: Page) -> list[str]:
    """How a translation's structure differs from its English page."""
    problems = []
    (en_heads, en_links, en_blocks), (tr_heads, tr_links, tr_blocks) = _structure(english), _structure(translation)
    where = f"{rel(translation.path)}:{translation.body_line}"
    if [h for _, h in en_heads] != [h for _, h in tr_heads]:
        missing = [h for _, h in en_heads if h not in {x for _, x in tr_heads}]
        extra = [h for _, h in tr_heads if h not in {x for _, x in en_heads}]
        detail = "; ".join(filter(None, [missing and f"missing {missing}", extra and f"not in English {extra}"]))
        problems.append(f"{where}: section ids differ from {rel(english.path)}: {detail or 'same ids, different order'}")
    elif en_heads != tr_heads:
        problems.append(f"{where}: heading levels differ from {rel(english.path)}")
    if en_links != tr_links:
        missing = sorted(set(en_links) - set(tr_links))
        extra = sorted(set(tr_links) - set(en_links))
        detail = "; ".join(filter(None, [missing and f"missing {missing}", extra and f"not in English {extra}"]))
        problems.append(f"{where}: links differ from {rel(english.path)}: {detail}")
    for kind, en_value in en_blocks.items():
        if tr_blocks[kind] != en_value:
            problems.append(f"{where}: {kind} differ from {rel(english.path)}: English has {en_value}, "
                            f"this page {tr_blocks[kind]}")
    return problems


def pairs(lang: str, docs: Path = DOCS):
    """(English page path, translation path) for every English page."""
    for english in sorted((docs / DEFAULT).rglob("*.md")):
        yield english, docs / lang / english.relative_to(docs / DEFAULT)


def check(langs: list[str], docs: Path = DOCS) -> list[str]:
    problems = []
    for lang in langs:
        for english, translated in pairs(lang, docs):
            if translated.is_file():
                problems += compare(read_page(english), read_page(translated))
            else:
                problems.append(f"{rel(translated)}: missing: translate {rel(english)}")
    return problems


def status(langs: list[str], docs: Path = DOCS) -> list[str]:
    """Missing and outdated translations."""
    problems = []
    for lang in langs:
        for english, translated in pairs(lang, docs):
            if not translated.is_file():
                problems.append(f"{rel(translated)}: missing: translate {rel(english)}")
                continue
            recorded = str(read_page(translated).meta.get("translation_of"))  # all digits reads as a number
            if recorded != fingerprint(english):
                problems.append(f"{rel(translated)}: outdated: {rel(english)} changed after this translation was "
                                f"last brought up to date. Update it, then run: guide translations mark {lang} "
                                f"{english.relative_to(docs / DEFAULT).as_posix()}")
    return problems


def mark(lang: str, names: list[str], docs: Path = DOCS) -> None:
    for name in names:
        english, translated = docs / DEFAULT / name, docs / lang / name
        text = translated.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if not match:
            raise SystemExit(f"{rel(translated)}: no front matter to record the translation in")
        head = re.sub(r"^translation_of:.*\n", "", match.group(1) + "\n", flags=re.M)
        head += f'translation_of: "{fingerprint(english)}"  # fingerprint of {DEFAULT}/{name} when last translated\n'
        translated.write_text(f"---\n{head}---\n" + text[match.end():], encoding="utf-8")
        print(f"{rel(translated)}: marked up to date with {rel(english)}")


def register(commands) -> None:
    parser = commands.add_parser("translations", help="translators' tool: check, status, mark", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="structure of every translation matches English")
    st = sub.add_parser("status", help="missing and outdated translations")
    st.add_argument("lang", nargs="?")
    mk = sub.add_parser("mark", help="record that translations are up to date")
    mk.add_argument("lang")
    mk.add_argument("pages", nargs="+", help="page file names, e.g. first-meeting.md")
    parser.set_defaults(run=run)


def run(args) -> int:
    others = [lang for lang in languages() if lang != DEFAULT]
    if args.command == "mark":
        mark(args.lang, args.pages)
        return 0
    if args.command == "status" and args.lang:
        others = [args.lang]
    problems = check(others) if args.command == "check" else status(others)
    print("\n".join(problems) or f"{args.command}: every translation is fine ({', '.join(others)})")
    return 1 if problems else 0

