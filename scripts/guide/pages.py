"""Read the guide's Markdown pages: front matter, prose and headings.

Shared by the build, the commands and the tests, so every check reads a
page the same way. Standard library and PyYAML only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the project folder
DOCS = ROOT / "docs"

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HEADING_ID = re.compile(r"^(#{1,6})\s+(.*?)\s*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)


@dataclass
class Page:
    path: Path
    meta: dict
    body: str
    body_line: int  # line number (1-based) of the first body line in the file
    errors: list[str] = field(default_factory=list)

    @property
    def _parts(self) -> tuple[str, ...]:
        """(language, *path inside the language folder); works outside docs/ too."""
        try:
            return self.path.relative_to(DOCS).parts
        except ValueError:
            return self.path.parts[-2:]

    @property
    def lang(self) -> str:
        return self._parts[0]

    @property
    def slug(self) -> str:
        """The page's path inside its language folder, e.g. 'first-meeting.md'."""
        return "/".join(self._parts[1:])

    def line_of(self, offset: int) -> int:
        """File line number of a character offset into self.body."""
        return self.body_line + self.body.count("\n", 0, offset)


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(path, {}, text, 1, ["no front matter (a '---' block at the top)"])
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        return Page(path, {}, text[match.end():], 1, [f"front matter is not valid YAML: {err}"])
    if not isinstance(meta, dict):
        return Page(path, {}, text[match.end():], 1, ["front matter must be 'key: value' lines"])
    body_line = text.count("\n", 0, match.end()) + 1
    return Page(path, meta, text[match.end():], body_line)


def languages() -> list[str]:
    """The languages mkdocs.yml builds, the default first: ["en", "es"]."""
    return [locale for locale, _ in site_languages()]


def _config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # !ENV as text


def _i18n_languages(config: dict) -> list[dict]:
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return plugin["languages"]


def ui(lang: str) -> dict:
    """The interface words of a language (extra.ui of mkdocs.yml, with the language's own)."""
    config = _config()
    own = next((item.get("extra", {}).get("ui", {}) for item in _i18n_languages(config) if item["locale"] == lang), {})
    return {**config["extra"]["ui"], **own}


def site_languages() -> list[tuple[str, str]]:
    """(locale, URL prefix) of each language mkdocs.yml builds, the default first: [("en", ""), ("es", "es/")]."""
    built = [lang for lang in _i18n_languages(_config()) if lang.get("build", "true") == "true"]
    built.sort(key=lambda lang: lang.get("default") != "true")
    return [(lang["locale"], "" if lang.get("default") == "true" else lang["locale"] + "/") for lang in built]


def pages(lang: str, docs: Path = DOCS) -> list[Page]:
    return [read_page(p) for p in sorted((docs / lang).rglob("*.md"))]


def heading_ids(body: str) -> list[str]:
    """Explicit ids ({#id}) given to headings and to any other block."""
    return re.findall(r"\{[^}\n]*#([\w-]+)[^}\n]*\}", body)


def strip_sources(body: str) -> str:
    """Body without its final Sources section (a list of references is not prose)."""
    return re.split(r"^##\s+.*\{#sources\}\s*$", body, maxsplit=1, flags=re.M)[0]


BLOCK_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+\.\s|>|\||!!!|\?\?\?)")


def _unwrap(text: str) -> list[str]:
    """Lines of text with each wrapped paragraph (or list item) joined into one line, so a
    line break inside a sentence does not end it. Chinese joins without a space."""
    out: list[str] = []
    for line in text.splitlines():
        if out and out[-1].strip() and line.strip() and not BLOCK_START.match(line):
            joiner = "" if HAN.match(out[-1].rstrip()[-1:]) and HAN.match(line.strip()[:1]) else " "
            out[-1] = out[-1].rstrip() + joiner + line.strip()
        else:
            out.append(line)
    return out


def prose(body: str) -> str:
    """The words a reader reads, as plain sentences: markup, links' URLs, ids,
    HTML, code and the Sources section removed. A line (heading, list item,
    table cell) that does not end a sentence gets a full stop, so that it
    counts as a sentence of its own."""
    text = strip_sources(body)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\{[^}\n]*\}", " ", text)                     # attr_list
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)            # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)         # links -> text
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    lines = []
    for line in _unwrap(text):
        line = re.sub(r"^\s*(#{1,6}|[-*+]|\d+\.|>|\|)\s*", "", line)
        line = re.sub(r'^\s*(!!!|\?\?\?\+?)\s*\w+(\s+"([^"]*)")?.*$', r"\3", line)  # admonition title
        line = line.replace("|", ". ").replace("**", "").replace("*", "").replace("_", " ")
        line = line.strip(" -:")
        if not line or set(line) <= set("-:. "):
            continue
        if not re.search(r"[.!?:;…»”\"')。！？：；）؟؛]$", line):
            line += "."
        lines.append(line)
    return "\n".join(lines)


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CHARS_PER_WORD = 1.5  # a Chinese word is 1.5 characters on average: a page's length in English-sized words


def word_count(text: str) -> int:
    """Words of a text; Chinese, written without spaces, counts its characters / 1.5."""
    han = len(HAN.findall(text))
    return len(re.findall(r"\w+", HAN.sub(" ", text))) + round(han / CHARS_PER_WORD)


# Where a sentence ends: . ! ? in most scripts, 。！？ in Chinese, ؟ in Arabic.
SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])[\s»”\"')）」]*(?=\s|$)|(?<=[。！？])")


def sentences(text: str) -> list[str]:
    """The sentences of prose() text (every line ends one)."""
    return [s.strip() for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]
