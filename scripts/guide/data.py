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
MAX_AGE_DAYS = 366  # a help line is re-checked at least every 12 months


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
    age = (today - checked).days
    if age > MAX_AGE_DAYS:
        errors.append(f"{_where(path, item)}: {what} was last checked on {checked}, more than 12 months ago. "
                      "Check it on its source page, then update 'checked'.")
    elif age < 0:
        errors.append(f"{_where(path, item)}: {what} has a 'checked' date in the future ({checked})")


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
            lid = line.get("id", "")
            what = f"help line '{lid}' ({cid})"
            if not re.fullmatch(r"[a-z][a-z0-9-]*", str(lid)) or lid in seen:
                errors.append(f"{_where(path, line)}: a help line needs a unique 'id' in lowercase-with-hyphens")
            seen.add(lid)
            for key in ("name", "for", "hours", "languages"):
                _need_text(path, line, key, langs, errors, what)
            if not (line.get("call") or line.get("text")):
                errors.append(f"{_where(path, line)}: {what} has neither 'call' nor 'text'")
            if line.get("call") and not re.fullmatch(r"\+?\d+", str(line.get("tel", ""))):
                errors.append(f"{_where(path, line)}: {what} needs 'tel': the number to dial, digits only "
                              "(with +country code for long numbers), e.g. '+18006624357'")
            if not str(line.get("source", "")).startswith("https://"):
                errors.append(f"{_where(path, line)}: {what} needs a 'source': the https:// page that confirms it")
            _check_date(path, line, errors, what, today)
            unknown = set(line.get("urgent_box") or []) - set(langs)
            if unknown:
                errors.append(f"{_where(path, line)}: {what} lists unknown languages in 'urgent_box': {sorted(unknown)}")
        if not country.get("lines"):
            errors.append(f"{_where(path, country)}: country '{cid}' has no 'lines'")
    if errors:
        raise DataError("Help-line data has problems:\n  " + "\n  ".join(errors))
    return countries


def urgent_lines(countries: list[dict], lang: str) -> list[tuple[dict, dict]]:
    """(country, line) for each line that a page in `lang` shows in its urgent-help box."""
    return [(country, line) for country in countries for line in country["lines"]
            if lang in (line.get("urgent_box") or [])]


def default_countries(langs: list[str], path: Path = HELPLINES) -> dict[str, list[str]]:
    """Per language, the ids of the countries its readers most likely need (in order)."""
    data = _load(path)
    defaults = data.get("default_countries") if isinstance(data, dict) else None
    return {lang: list((defaults or {}).get(lang) or []) for lang in langs}


def crisis_lines(countries: list[dict], country_ids: list[str]) -> list[tuple[dict, dict]]:
    """(country, line) for every crisis line of the given countries, in their order."""
    by_id = {country["id"]: country for country in countries}
    return [(by_id[cid], line) for cid in country_ids if cid in by_id
            for line in by_id[cid]["lines"] if line.get("kind") == "crisis"]


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
