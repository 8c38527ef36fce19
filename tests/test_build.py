"""The site builds strictly, and bad input stops the build with a message naming the file."""
from __future__ import annotations

import re

import pytest

from conftest import build


def test_site_builds_with_strict(site):
    assert (site / "index.html").is_file()
    assert (site / "es" / "index.html").is_file()


def _break(project, relpath, change):
    path = project / relpath
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def _build_fails(project, tmp_path, *expected):
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    for text in expected:
        assert text in output, f"the error should mention {text!r}:\n{output}"
    return output


def test_broken_link_stops_build(project, tmp_path):
    _break(project, "docs/es/first-meeting.md", lambda s: s + "\n[roto](no-such-page.md)\n")
    _build_fails(project, tmp_path, "es/first-meeting.md", "no-such-page.md")


def test_broken_anchor_stops_build(project, tmp_path):
    _break(project, "docs/en/families.md", lambda s: s + "\n[gone](first-meeting.md#no-such-section)\n")
    _build_fails(project, tmp_path, "families.md", "no-such-section")


def test_page_missing_in_one_language_stops_build(project, tmp_path):
    (project / "docs/es/about.md").unlink()
    _build_fails(project, tmp_path, "docs/es/about.md", "missing")


def test_duplicated_id_stops_build(project, tmp_path):
    _break(project, "docs/en/first-meeting.md", lambda s: s + "\n## Again {#what-to-bring}\n\nText.\n")
    _build_fails(project, tmp_path, "docs/en/first-meeting.md", "what-to-bring")


@pytest.mark.parametrize("key", ["reviewed", "title", "description"])
def test_front_matter_without_required_key_stops_build(project, tmp_path, key):
    _break(project, "docs/es/first-meeting.md", lambda s: re.sub(rf"^{key}:.*\n", "", s, count=1, flags=re.M))
    _build_fails(project, tmp_path, "docs/es/first-meeting.md", f"'{key}'")


def test_reviewed_that_is_not_a_date_stops_build(project, tmp_path):
    _break(project, "docs/en/about.md", lambda s: re.sub(r"^reviewed:.*$", "reviewed: last spring", s, count=1, flags=re.M))
    _build_fails(project, tmp_path, "docs/en/about.md", "YYYY-MM-DD")


def test_help_line_without_check_date_stops_build(project, tmp_path):
    _break(project, "docs/data/helplines.yml", lambda s: s.replace("        checked: 2", "        verified: 2", 1))
    output = _build_fails(project, tmp_path, "docs/data/helplines.yml:", "us-emergency", "'checked'")
    assert re.search(r"helplines\.yml:\d+", output)


def test_help_line_checked_over_a_year_ago_warns_but_never_stops_the_build(project, tmp_path):
    """An expired date must never block an urgent fix: the build says what is due, and builds."""
    _break(project, "docs/data/helplines.yml", lambda s: s.replace("checked: 2026-", "checked: 2020-", 1))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Review due: docs/data/helplines\.yml:\d+: help line \(us-emergency: last checked 2020-", result.stderr), result.stderr


def test_unknown_shortcode_stops_build(project, tmp_path):
    _break(project, "docs/en/glossary.md", lambda s: s + "\n<!-- glosary -->\n")
    _build_fails(project, tmp_path, "docs/en/glossary.md", "unknown shortcode")


def test_country_without_emergency_number_stops_build(project, tmp_path):
    _break(project, "docs/data/helplines.yml", lambda s: s.replace("kind: emergency", "kind: other", 1))
    output = _build_fails(project, tmp_path, "has no emergency number")
    assert re.search(r"docs/data/helplines\.yml:\d+: country 'united-states' has no emergency number", output)


def test_help_line_without_source_stops_build(project, tmp_path):
    _break(project, "docs/data/helplines.yml", lambda s: s.replace("        source: https://", "        # source: https://", 1))
    output = _build_fails(project, tmp_path, "needs a 'source'")
    assert re.search(r"docs/data/helplines\.yml:\d+: help line '[a-z0-9-]+' \(united-states\) needs a 'source'", output)


def test_help_lines_out_of_order_stop_build(project, tmp_path):
    """A country lists its emergency number first: a crisis line before it stops the build."""
    def swap(text):
        first = text.index("      - id:", text.index("\n    lines:\n"))
        second = text.index("      - id:", first + 1)
        third = text.index("      - id:", second + 1)
        return text[:first] + text[second:third] + text[first:second] + text[third:]
    _break(project, "docs/data/helplines.yml", swap)
    _build_fails(project, tmp_path, "docs/data/helplines.yml:", "is out of order")
