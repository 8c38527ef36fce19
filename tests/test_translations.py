"""Every page exists in every language with the same structure, and every
translation is up to date with its English page."""
from __future__ import annotations

import re
import shutil

import pytest

from guide import translations
from guide.pages import languages

OTHERS = [lang for lang in languages() if lang != translations.DEFAULT]


def test_every_translation_has_the_structure_of_its_english_page():
    assert translations.check(OTHERS) == []


def test_every_translation_is_up_to_date():
    assert translations.status(OTHERS) == []


@pytest.fixture
def docs(tmp_path):
    return shutil.copytree(translations.DOCS, tmp_path / "docs")


def test_missing_section_id_is_caught(docs):
    page = docs / "es" / "first-meeting.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#what-to-bring}", "{#que-llevar}"), encoding="utf-8")
    found = translations.check(["es"], docs)
    assert any("es/first-meeting.md" in p and "missing ['what-to-bring']" in p
               and "not in English ['que-llevar']" in p for p in found), found


def test_missing_link_is_caught(docs):
    page = docs / "es" / "families.md"
    page.write_text(page.read_text(encoding="utf-8").replace("](get-help-now.md)", "](index.md)"), encoding="utf-8")
    found = translations.check(["es"], docs)
    assert any("es/families.md" in p and "links differ" in p and "get-help-now.md" in p for p in found), found


def test_missing_translation_is_caught(docs):
    (docs / "es" / "about.md").unlink()
    assert any(p.endswith("es/about.md: missing: translate docs/en/about.md") or "es/about.md: missing" in p
               for p in translations.check(["es"], docs))
    assert any("es/about.md: missing" in p for p in translations.status(["es"], docs))


def test_english_change_makes_translation_outdated_until_marked(docs):
    assert translations.status(["es"], docs) == []
    english = docs / "en" / "first-meeting.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne new sentence.\n", encoding="utf-8")
    found = translations.status(["es"], docs)
    assert len(found) == 1 and "es/first-meeting.md: outdated" in found[0] and "en/first-meeting.md" in found[0], found
    translations.mark("es", ["first-meeting.md"], docs)
    assert translations.status(["es"], docs) == []


def test_fingerprint_of_digits_only_still_matches(docs, monkeypatch):
    """YAML reads an unquoted all-digit fingerprint as a number: it must still match."""
    monkeypatch.setattr(translations, "fingerprint", lambda path: "904510323737")
    page = docs / "es" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^translation_of:.*$", "translation_of: 904510323737", text, count=1, flags=re.M),
                    encoding="utf-8")
    assert not any("es/about.md" in p for p in translations.status(["es"], docs))
    translations.mark("es", ["about.md"], docs)
    assert 'translation_of: "904510323737"' in page.read_text(encoding="utf-8")


def test_missing_admonition_is_caught(docs):
    page = docs / "es" / "first-meeting.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("!!! warning", "!!! note", 1), encoding="utf-8")   # the safety warning, demoted
    found = translations.check(["es"], docs)
    assert any("es/first-meeting.md" in p and "admonitions differ" in p and "'warning'" in p for p in found), found


def test_list_turned_into_a_paragraph_is_caught(docs):
    page = docs / "es" / "after-rehab.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    lines[first] = lines[first][2:]          # the list's first item becomes a paragraph
    page.write_text("".join(lines), encoding="utf-8")
    found = translations.check(["es"], docs)
    assert any("es/after-rehab.md" in p and "lists differ" in p for p in found), found


def test_a_year_at_the_start_of_a_wrapped_line_is_not_a_list():
    assert translations.list_blocks("Narcan se vende sin receta desde el 29 de marzo\n2023. Kloxxado no.\n") == []
    assert translations.list_blocks("Texto.\n\n1. uno\n2. dos\n\nOtro párrafo.\n\n- a\n") == ["numbered", "bulleted"]
