"""What falls due for review: pages whose `reviewed` date, help lines whose `checked`
date, and translations whose English page changed. Editors run it; a weekly workflow
(.github/workflows/review.yml) puts it in an issue; the build and the tests warn.

    guide review                  # what is due within 30 days, or overdue
    guide review --days 60
    guide review --markdown       # the same, as Markdown for an issue

A page is reviewed, and a help line re-checked, at least every 12 months. A date past
due never stops the build: an urgent fix must always be publishable.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import data, translations
from .pages import DOCS, languages, pages

DEFAULT_DAYS = 30


@dataclass
class Due:
    what: str        # "page", "help line", "translation"
    where: str       # docs/es/families.md, docs/data/helplines.yml:42
    language: str
    due: dt.date | None
    detail: str


def _due_date(date: dt.date) -> dt.date:
    return date + dt.timedelta(days=data.REVIEW_DAYS)


def due_items(today: dt.date, days: int, docs: Path = DOCS, langs: list[str] | None = None) -> list[Due]:
    """Everything due on or before today + days (overdue included), per language."""
    horizon = today + dt.timedelta(days=days)
    langs = langs or languages()
    items = []
    for lang in langs:
        for page in pages(lang, docs):
            reviewed = page.meta.get("reviewed")
            if isinstance(reviewed, dt.date) and _due_date(reviewed) <= horizon:
                items.append(Due("page", f"docs/{lang}/{page.slug}", lang, _due_date(reviewed),
                                 f"last reviewed {reviewed}"))
    countries = data.load_helplines(langs, docs / "data" / "helplines.yml", today)
    for country in countries:
        for line in country["lines"]:
            if _due_date(line["checked"]) <= horizon:
                items.append(Due("help line", f"docs/data/helplines.yml:{line['__line__']}", "all",
                                 _due_date(line["checked"]), f"{line['id']}: last checked {line['checked']} on {line['source']}"))
    others = [lang for lang in langs if lang != translations.DEFAULT]
    for problem in translations.status(others, docs):
        where, _, detail = problem.partition(": ")
        lang = re.search(r"docs/([^/]+)/", where)
        items.append(Due("translation", where, lang.group(1) if lang else "", None, detail))
    return sorted(items, key=lambda item: (item.due or today, item.where))


def report(items: list[Due], today: dt.date, markdown: bool) -> str:
    if not items:
        return "Nothing is due for review."
    lines = ["| due | what | where | language | detail |", "|---|---|---|---|---|"] if markdown else []
    for item in items:
        when = "now" if item.due is None else ("OVERDUE " if item.due < today else "") + item.due.isoformat()
        if markdown:
            lines.append(f"| {when} | {item.what} | `{item.where}` | {item.language} | {item.detail} |")
        else:
            lines.append(f"{when:>18}  {item.what:<11} {item.where} ({item.language}): {item.detail}")
    return "\n".join(lines)


def register(commands) -> None:
    parser = commands.add_parser("review", help="pages, help lines and translations due for review",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"look this many days ahead (default {DEFAULT_DAYS})")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table, for an issue")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args) -> int:
    today = args.today or dt.date.today()
    print(report(due_items(today, args.days), today, args.markdown))
    return 0
