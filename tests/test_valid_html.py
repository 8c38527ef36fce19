"""Valid HTML: the Nu HTML Checker (the W3C validator's engine) finds no error on any
built page of any language: content pages, handout pages, 404 pages and the offline
edition (FINDINGS §H). Nothing is filtered out."""
from __future__ import annotations

import html
import re
import zipfile

import pytest

from guide import html_validator, offline as build_offline, theme_html
from conftest import build, require

pytestmark = pytest.mark.usefixtures("validator")


@pytest.fixture(scope="module")
def validator():
    require(html_validator.java(), "default-jre-headless")
    if not html_validator.VNU_JAR.is_file():
        require(None, "vnu-jar (npm; scripts/setup.sh --browser installs it)")


def test_every_page_and_the_offline_edition_are_valid_html(site, tmp_path):
    with zipfile.ZipFile(site / "downloads" / build_offline.ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    errors = html_validator.validate(site, tmp_path / build_offline.FOLDER)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:40])


def test_checker_names_the_page_the_line_and_the_error(tmp_path):
    page = tmp_path / "es" / "families" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<!doctype html>\n<html lang="es">\n<title>x</title>\n<p id="a">uno</p>\n'
                    '<p id="a">dos</p>\n<label tabindex="">tres</label>\n</html>\n')
    errors = html_validator.validate(tmp_path)
    assert any(e.startswith("es/families/index.html:5:") and "Duplicate ID" in e for e in errors), errors
    assert any(e.startswith("es/families/index.html:6:") and "tabindex" in e for e in errors), errors


def test_theme_html_mends_what_the_theme_writes():
    theme = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
             '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">Families</label>'
             '<input type="text" name="query" autocomplete="off">')
    mended = theme_html.mend(theme)
    assert 'tabindex=""' not in mended and 'id="__drawer">' in mended
    assert '<input type="text" name="query" autocomplete="off">' in mended   # allowed there: kept


def test_a_description_with_quotes_ampersand_and_angle_bracket_stays_valid(project, tmp_path):
    description = 'Say "no" & <mean> it'
    page = project / "docs" / "en" / "sponsors-and-home-groups.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^description: .*$", "description: '" + description + "'", text, count=1),
                    encoding="utf-8")
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    theme_html.mend_site(out)             # as every build does after mkdocs
    built = (out / "sponsors-and-home-groups" / "index.html").read_text(encoding="utf-8")
    content = re.search(r'<meta name="description" content="([^"]*)">', built).group(1)
    assert html.unescape(content) == description
    assert not html_validator.validate(out / "sponsors-and-home-groups")
