"""No words of another language's interface on a page: the check behind "no English left
in a Spanish page" (tooltips, buttons, labels, dates, licence lines...).

The interface words are taken from the default language's build, not from a hand list:
every text and every title/aria-label/placeholder/alt that stands on nearly every page of
that language is interface. Then each page of every other language is searched for them.
Called by the tests; each problem names the page, the line and the string.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-md-state")
SHARE = 0.8   # on at least 80% of the default language's pages: interface, not content


class _Strings(HTMLParser):
    """(line, string) for each text node and labelled attribute a reader meets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value and value.strip():
                self.found.append((self.getpos()[0], value.strip()))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.found.append((self.getpos()[0], text))


def strings(page: Path) -> list[tuple[int, str]]:
    parser = _Strings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def _pages(site: Path, prefix: str, others: list[str]) -> list[Path]:
    folder = site / prefix if prefix else site
    found = sorted(folder.rglob("*.html"))
    if not prefix:   # the default language sits at the root, beside the other languages' folders
        found = [p for p in found if not any(p.relative_to(site).as_posix().startswith(o) for o in others)]
    return found


def interface_strings(site: Path, prefix: str, others: list[str], keep: set[str]) -> set[str]:
    """The strings on nearly every page of a language: its interface. `keep` are strings
    that are the same in every language (language names in the menu), left out."""
    pages = _pages(site, prefix, others)
    counts = Counter(text for page in pages for text in {s for _, s in strings(page)})
    chrome = {text for text, n in counts.items() if n >= SHARE * len(pages)}
    not_found = site / prefix / "404.html"   # a page made only of interface
    chrome |= {text for _, text in strings(not_found)} if not_found.is_file() else set()
    return {text for text in chrome if re.search(r"[^\W\d_]{3,}", text) and text.rstrip(":").strip() not in keep}


def same_in_every_language(value, langs: list[str]) -> set[str]:
    """Texts a data file gives identically in every language (country and service names
    such as "Chile" or "Samaritans"): not untranslated, just the same."""
    found: set[str] = set()
    if isinstance(value, dict):
        texts = [value.get(lang) for lang in langs]
        if all(isinstance(text, str) for text in texts) and len(set(texts)) == 1:
            found.add(texts[0].strip())
        for item in value.values():
            found |= same_in_every_language(item, langs)
    elif isinstance(value, list):
        for item in value:
            found |= same_in_every_language(item, langs)
    return found


def check_ui_language(site: Path, default: str, others: list[str], keep: dict[str, set[str]]) -> list[str]:
    """Every page of each other language, searched for the default language's interface.
    `keep`: per language prefix, the texts it writes as the default language does (see
    same_in_every_language): "Chile" is Chile in Spanish, 智利 in Chinese."""
    english = interface_strings(site, default, others, set.intersection(*keep.values()) if keep else set())
    problems = []
    for prefix in others:
        for page in _pages(site, prefix, []):
            for line, text in strings(page):
                if text in english and text.rstrip(":").strip() not in keep.get(prefix, set()):
                    problems.append(f"{page.relative_to(site)}:{line}: interface text of the default "
                                    f"language: {text!r}")
    return problems
