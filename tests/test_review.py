"""Editors see what falls due for review, and a date past due never blocks publishing."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import warnings

from conftest import ROOT
from guide import review

TODAY = dt.date.today()


def test_nothing_is_overdue_for_review():
    """A warning, not a failure: an urgent fix must always be publishable."""
    overdue = [item for item in review.due_items(TODAY, 0) if item.what != "translation"]
    if overdue:
        warnings.warn("due for review:\n" + review.report(overdue, TODAY, markdown=False))


def test_review_lists_expired_pages_help_lines_and_outdated_translations(tmp_path):
    docs = shutil.copytree(ROOT / "docs", tmp_path / "docs")
    old = TODAY - dt.timedelta(days=400)
    page = docs / "es" / "families.md"
    page.write_text(re.sub(r"^reviewed: .*$", f"reviewed: {old}", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    helplines = docs / "data" / "helplines.yml"
    helplines.write_text(re.sub(r"checked: \S+", f"checked: {old}", helplines.read_text(encoding="utf-8"), count=1),
                         encoding="utf-8")
    english = docs / "en" / "about.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")

    items = review.due_items(TODAY, 30, docs)
    text = review.report(items, TODAY, markdown=False)
    assert re.search(r"OVERDUE \S+\s+page\s+docs/es/families\.md \(es\): last reviewed " + str(old), text), text
    assert re.search(r"OVERDUE \S+\s+help line\s+docs/data/helplines\.yml:\d+ \(all\): us-emergency", text), text
    assert re.search(r"now\s+translation\s+\S*docs/es/about\.md \(es\): outdated", text), text
    table = review.report(items, TODAY, markdown=True)
    assert table.startswith("| due | what | where | language | detail |") and "`docs/es/families.md`" in table


def test_review_sees_what_falls_due_within_the_window(tmp_path):
    docs = shutil.copytree(ROOT / "docs", tmp_path / "docs")
    soon = TODAY - dt.timedelta(days=review.data.REVIEW_DAYS - 10)   # due in 10 days
    page = docs / "en" / "about.md"
    page.write_text(re.sub(r"^reviewed: .*$", f"reviewed: {soon}", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    assert any(i.where == "docs/en/about.md" for i in review.due_items(TODAY, 30, docs))
    assert not any(i.where == "docs/en/about.md" for i in review.due_items(TODAY, 5, docs))
