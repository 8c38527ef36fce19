"""The guide's data files: help lines and glossary, loaded and checked.

One module serves the build (guide.build_checks), the commands and the tests.
Every problem is reported as "file:line: what is wrong and how to fix it", in words
a content editor understands.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .pages import DOCS

HELPLINES = DOCS / "data" / "helplines.yml"
GLOSSARY = DOCS / "data" / "glossary.yml"
HANDOUTS = DOCS / "data" / "handouts.yml"
SAFETY = DOCS / "data" / "safety.yml"
SEARCH = DOCS / "data" / "search.yml"
TERMS = DOCS / "data" / "terms.yml"
REVIEW_DAYS = 366  # a page is reviewed, and a help line re-checked, at least every 12 months


class DataError(Exception):
    """A data file is wrong. The message names the file and line."""


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line each mapping starts on."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _load(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise DataError(f"{path}: the file is missing") from None
    except yaml.YAMLError as err:
        raise DataError(f"{path}: not valid YAML: {err}") from None


def _name(path: Path) -> str:
    """docs/data/<file>.yml, as an editor knows it (in whichever copy of the project)."""
    return path.relative_to(path.parents[2]).as_posix()


def _where(path: Path, item: dict) -> str:
    return f"{_name(path)}:{item.get('__line__', '?')}"


def _need_text(path, item, key, langs, errors, what):
    value = item.get(key)
    if not isinstance(value, dict):
        errors.append(f"{_where(path, item)}: {what} has no '{key}' (give it in every language: {', '.join(langs)})")
        return
    for lang in langs:
        if not str(value.get(lang) or "").strip():
            errors.append(f"{_where(path, item)}: {what} has no '{key}' in language '{lang}'")


def _check_date(path, item, errors, what, today):
    checked = item.get("checked")
    if not isinstance(checked, dt.date):
        errors.append(f"{_where(path, item)}: {what} has no valid 'checked' date. Add the date (YYYY-MM-DD) "
                      "on which someone last confirmed it on its source page.")
        return
    # Checked more than 12 months ago: `guide review` reports it and the build warns; it
    # never stops the build (an urgent fix must always be publishable).
    if (today - checked).days < 0:
        errors.append(f"{_where(path, item)}: {what} has a 'checked' date in the future ({checked})")


# What a help line is for, in the order a country lists them: emergency first.
KINDS = ("emergency", "crisis", "addiction", "domestic-violence", "sexual-assault", "poison", "other")
FIRST_KINDS = KINDS[:4]  # these four come first, in this order; the others after them, in any order
BOX_KINDS = ("emergency", "crisis")  # the lines of the urgent-help box and banner


def _check_line(path, line, cid, langs, seen, errors, today) -> None:
    lid = line.get("id", "")
    what = f"help line '{lid}' ({cid})"
    if not re.fullmatch(r"[a-z][a-z0-9-]*", str(lid)) or lid in seen:
        errors.append(f"{_where(path, line)}: a help line needs a unique 'id' in lowercase-with-hyphens")
    seen.add(lid)
    if line.get("kind") not in KINDS:
        errors.append(f"{_where(path, line)}: {what} needs a 'kind', one of: {', '.join(KINDS)}")
    for key in ("name", "for", "hours", "languages"):
        _need_text(path, line, key, langs, errors, what)
    if not (line.get("call") or line.get("text")):
        errors.append(f"{_where(path, line)}: {what} has neither 'call' nor 'text'")
    if line.get("call") and not re.fullmatch(r"\+?\d+", str(line.get("tel", ""))):
        errors.append(f"{_where(path, line)}: {what} needs 'tel': the number to dial, digits only "
                      "(with +country code for long numbers), e.g. '+18006624357'")
    if not str(line.get("source", "")).startswith("https://"):
        errors.append(f"{_where(path, line)}: {what} needs a 'source': the https:// page that confirms it")
    option = line.get("option")
    if option is not None and (not isinstance(option, dict) or set(option) - {"__line__"} - set(langs)):
        errors.append(f"{_where(path, line)}: {what}: 'option' is a short note per language, e.g. "
                      "{es: \"en español, marque 2\"}, in the site's languages only")
    _check_date(path, line, errors, what, today)


def _check_order(path, country, cid, errors) -> None:
    """Emergency number first, then crisis, addiction and domestic-violence lines."""
    lines = country.get("lines") or []
    if not any(line.get("kind") == "emergency" for line in lines):
        errors.append(f"{_where(path, country)}: country '{cid}' has no emergency number: add its line "
                      "with 'kind: emergency' first (a reader in danger must always find it)")
        return
    ranks = [FIRST_KINDS.index(k) if k in FIRST_KINDS else len(FIRST_KINDS) for k in (l.get("kind") for l in lines)]
    for line, before, rank in zip(lines[1:], ranks, ranks[1:]):
        if rank < before:
            errors.append(f"{_where(path, line)}: help line '{line.get('id')}' ({cid}) is out of order: list a "
                          f"country's lines as {', '.join(FIRST_KINDS)}, then the others")


def load_helplines(langs: list[str], path: Path = HELPLINES, today: dt.date | None = None) -> list[dict]:
    """Countries, each with its lines. Raises DataError listing every problem."""
    today = today or dt.date.today()
    data = _load(path)
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, list) or not countries:
        raise DataError(f"{_name(path)}: expected a 'countries:' list")
    errors: list[str] = []
    seen: set[str] = set()
    for country in countries:
        cid = country.get("id", "")
        if not re.fullmatch(r"[a-z][a-z0-9-]*", str(cid)):
            errors.append(f"{_where(path, country)}: a country needs an 'id' in lowercase-with-hyphens (its link anchor)")
        _need_text(path, country, "name", langs, errors, f"country '{cid}'")
        for line in country.get("lines") or []:
            _check_line(path, line, cid, langs, seen, errors, today)
        _check_order(path, country, cid, errors)
    ids = {country.get("id") for country in countries}
    defaults = data.get("default_countries")
    for lang in langs:
        chosen = (defaults or {}).get(lang) if isinstance(defaults, dict) else None
        if not chosen or not isinstance(chosen, list):
            errors.append(f"{_where(path, defaults if isinstance(defaults, dict) else data)}: 'default_countries' needs "
                          f"'{lang}': the countries its readers most likely need, e.g. [united-states]")
        elif set(chosen) - ids:
            errors.append(f"{_where(path, defaults)}: 'default_countries' for '{lang}' names unknown countries: "
                          f"{sorted(set(chosen) - ids)}")
    if errors:
        raise DataError("Help-line data has problems:\n  " + "\n  ".join(errors))
    return countries


def default_countries(langs: list[str], path: Path = HELPLINES) -> dict[str, list[str]]:
    """Per language, the ids of the countries its readers most likely need, in order
    (checked by load_helplines)."""
    defaults = _load(path)["default_countries"]
    return {lang: list(defaults[lang]) for lang in langs}


def box_lines(country: dict) -> list[dict]:
    """A country's lines for the urgent-help box: its emergency and crisis lines."""
    return [line for line in country["lines"] if line.get("kind") in BOX_KINDS]


def load_safety(langs: list[str], path: Path = SAFETY) -> dict:
    """The safety boxes (e.g. suicide_box), each text given in every language."""
    data = _load(path)
    if not isinstance(data, dict) or not data:
        raise DataError(f"{_name(path)}: expected boxes such as 'suicide_box:'")
    errors: list[str] = []
    for name, box in data.items():
        if name == "__line__":
            continue
        for key in ("title", "text", "more"):
            _need_text(path, box, key, langs, errors, f"box '{name}'")
        if not str(box.get("source", "")).startswith("https://"):
            errors.append(f"{_where(path, box)}: box '{name}' needs a 'source': the https:// page its advice comes from")
    if errors:
        raise DataError("Safety-box data has problems:\n  " + "\n  ".join(errors))
    return data


def load_search_words(langs: list[str], path: Path = SEARCH) -> dict:
    """Per language: `synonyms` (what readers type -> the guide's words) and `stop_words`
    (words a question drops), as plain lower-case text for the search worker."""
    data = _load(path)
    errors: list[str] = []
    out = {}
    for lang in langs:
        words = (data or {}).get(lang) if isinstance(data, dict) else None
        if not isinstance(words, dict):
            errors.append(f"{_name(path)}: no words for language '{lang}' (give it 'synonyms:' and 'stop_words:')")
            continue
        synonyms = words.get("synonyms") or {}
        bad = [key for key, value in synonyms.items() if key != "__line__" and
               (not isinstance(value, str) or not value.strip() or key != key.lower())]
        if bad:
            errors.append(f"{_where(path, synonyms)}: synonyms for '{lang}' need a lower-case key and some words: {bad}")
        out[lang] = {"synonyms": {k: v for k, v in synonyms.items() if k != "__line__"},
                     "stop_words": str(words.get("stop_words") or "").split()}
    if errors:
        raise DataError("Search data has problems:\n  " + "\n  ".join(errors))
    return out


def load_terms(langs: list[str], path: Path = TERMS) -> dict[str, list[dict]]:
    """Per language, the words to avoid: each with `avoid` (a pattern), `use`, `why`, `kind`."""
    data = _load(path)
    errors: list[str] = []
    for lang in langs:
        entries = (data or {}).get(lang) if isinstance(data, dict) else None
        if not isinstance(entries, list):
            errors.append(f"{_name(path)}: no word list for language '{lang}'")
            continue
        for entry in entries:
            missing = [key for key in ("avoid", "use", "why") if not str(entry.get(key) or "").strip()]
            if missing or entry.get("kind") not in ("stigma", "term"):
                errors.append(f"{_where(path, entry)}: a word needs 'avoid', 'use', 'why' and a 'kind' "
                              f"(stigma or term); missing: {', '.join(missing) or 'kind'}")
                continue
            try:
                re.compile(entry["avoid"])
            except re.error as err:
                errors.append(f"{_where(path, entry)}: 'avoid' is not a valid pattern: {err}")
    if errors:
        raise DataError("Word list has problems:\n  " + "\n  ".join(errors))
    return {lang: data[lang] for lang in langs}


def load_glossary(langs: list[str], path: Path = GLOSSARY) -> list[dict]:
    """Glossary entries, each with a term and a definition in every language."""
    data = _load(path)
    if not isinstance(data, list) or not data:
        raise DataError(f"{_name(path)}: expected a list of terms")
    errors: list[str] = []
    seen: set[str] = set()
    for entry in data:
        tid = entry.get("id", "")
        if not re.fullmatch(r"[a-z][a-z0-9-]*", str(tid)) or tid in seen:
            errors.append(f"{_where(path, entry)}: a term needs a unique 'id' in lowercase-with-hyphens")
        seen.add(tid)
        for lang in langs:
            text = entry.get(lang)
            if not isinstance(text, dict) or not text.get("term") or not text.get("definition"):
                errors.append(f"{_where(path, entry)}: term '{tid}' needs a 'term' and a 'definition' in language '{lang}'")
    if errors:
        raise DataError("Glossary data has problems:\n  " + "\n  ".join(errors))
    return data


def load_handouts(langs: list[str], docs: Path, path: Path = HANDOUTS) -> list[dict]:
    """Handouts, each with a title in every language and a page that exists."""
    data = _load(path)
    if not isinstance(data, list) or not data:
        raise DataError(f"{_name(path)}: expected a list of handouts")
    errors: list[str] = []
    for item in data:
        hid = item.get("id", "")
        if not re.fullmatch(r"[a-z][a-z0-9-]*", str(hid)):
            errors.append(f"{_where(path, item)}: a handout needs an 'id' in lowercase-with-hyphens")
        _need_text(path, item, "title", langs, errors, f"handout '{hid}'")
        if not (docs / langs[0] / str(item.get("page", ""))).is_file():
            errors.append(f"{_where(path, item)}: handout '{hid}' has no 'page' that exists (e.g. first-meeting.md)")
    if errors:
        raise DataError("Handout data has problems:\n  " + "\n  ".join(errors))
    return data


def raw_countries(path: Path = HELPLINES) -> list[dict]:
    """The countries of the help-line data as written, not checked (load_helplines checks them)."""
    return (_load(path) or {}).get("countries") or []


def phone_numbers(countries: list[dict]) -> set[str]:
    """Every number and text code in the data, as digits only (for the typed-number test)."""
    found = set()
    for country in countries:
        for line in country["lines"]:
            for key in ("call", "text", "tel", "tty", "tty_tel"):
                digits = re.sub(r"\D", "", str(line.get(key) or ""))
                if digits:
                    found.add(digits)
    return found
