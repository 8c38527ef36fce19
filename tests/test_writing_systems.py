"""Each language as its writing system needs it: every page says its language and
direction, Arabic reads right to left with the layout mirrored, numbers never reorder
inside right-to-left text, and search finds what readers type: Vietnamese without tone
marks, Arabic with any alef, ta marbuta or ha, with or without the article and the
diacritics, Chinese without spaces."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from browser import search, sideways_scroll
from conftest import PHONE, ROOT, site_languages, site_pages

LANGS = site_languages()
_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
_I18N = next(p["i18n"] for p in _CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
DIRECTION = {lang["locale"]: lang.get("theme", {}).get("direction", "ltr") for lang in _I18N["languages"]}
RTL = [(locale, prefix) for locale, prefix in LANGS if DIRECTION[locale] == "rtl"]


def _language_of(path: str) -> str:
    return next((locale for locale, prefix in LANGS if prefix and path.startswith(prefix)), LANGS[0][0])


def test_every_page_says_its_language_and_direction(site):
    problems = []
    for path in site_pages(site):
        file = site / path / "index.html" if not path.endswith(".html") else site / path
        html = file.read_text(encoding="utf-8")
        locale = _language_of(path)
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        direction = re.search(r'<(?:body|html lang="[^"]+") dir="([^"]+)"', html)   # site pages, handouts
        direction = direction.group(1) if direction else "none"
        if lang != locale or direction != DIRECTION[locale]:
            problems.append(f"/{path}: lang={lang!r} dir={direction!r}, expected {locale!r} and {DIRECTION[locale]!r}")
    assert problems == [], "\n".join(problems)


def test_right_to_left_handouts_say_their_direction(site):
    for locale, prefix in RTL:
        html = (site / prefix / "handouts" / "first-meeting" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{locale}" dir="rtl">' in html


# --- numbers isolated in right-to-left text ------------------------------------------------

CALL_LINK = re.compile(r'<a[^>]*href="(?:tel|sms):[^"]*"[^>]*>(.*?)</a>', re.S)


def unisolated_numbers(site, pages) -> list[str]:
    """Call and text links whose digits are not inside <bdi dir="ltr"> (WCAG 1.3.2)."""
    problems = []
    for path in pages:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        for inner in CALL_LINK.findall(html):
            outside = re.sub(r'<bdi dir="ltr">[^<]*</bdi>', "", inner)
            if re.search(r"\d", re.sub(r"<[^>]+>", "", outside)):
                problems.append(f"/{path}: call link {inner.strip()!r} shows digits outside <bdi dir=\"ltr\">")
    return problems


@pytest.mark.skipif(not RTL, reason="no right-to-left language is built")
def test_numbers_never_reorder_on_right_to_left_pages(site):
    pages = [p for p in site_pages(site) if not p.endswith(".html") and any(p.startswith(prefix) for _, prefix in RTL)]
    found = sum(len(CALL_LINK.findall((site / p / "index.html").read_text(encoding="utf-8"))) for p in pages)
    assert found > len(pages), "every page has call links (the banner and the help box)"
    assert unisolated_numbers(site, pages) == []


@pytest.mark.skipif(not RTL, reason="no right-to-left language is built")
def test_a_number_typed_outside_bdi_is_caught(site, tmp_path):
    locale, prefix = RTL[0]
    broken = shutil.copytree(site / prefix / "get-help-now", tmp_path / prefix / "get-help-now")
    page = broken / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r'<bdi dir="ltr">([^<]*)</bdi>', r"\1", html, count=1), encoding="utf-8")
    problems = unisolated_numbers(tmp_path, [f"{prefix}get-help-now/"])
    assert len(problems) == 1 and problems[0].startswith(f"/{prefix}get-help-now/: call link"), problems


# --- the layout mirrors ---------------------------------------------------------------------

@pytest.mark.parametrize("locale, prefix", LANGS)
def test_menu_opens_from_the_reading_side_without_sideways_scroll(page, base_url, locale, prefix):
    page.set_viewport_size(PHONE)
    page.goto(base_url + prefix + "families/")
    assert sideways_scroll(page) == []
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_timeout(500)
    box = page.locator(".md-sidebar--primary").bounding_box()
    if DIRECTION[locale] == "rtl":
        assert abs(box["x"] + box["width"] - PHONE["width"]) <= 1, f"the menu opens from the right: {box}"
    else:
        assert abs(box["x"]) <= 1, f"the menu opens from the left: {box}"
    assert sideways_scroll(page) == []


# --- search as readers type --------------------------------------------------------------------

def _first(page, base_url, prefix, query) -> str:
    page.goto(base_url + prefix)
    results = search(page, query)
    assert results, f"{query!r} found nothing"
    return results[0].removeprefix(base_url).split("?")[0]


def _prefix(locale: str) -> str:
    return dict(LANGS)[locale]


@pytest.mark.skipif("vi" not in dict(LANGS), reason="Vietnamese is not built")
@pytest.mark.parametrize("typed, written", [("gia dinh", "gia đình"), ("qua lieu", "quá liều"), ("nguoi do dau", "người đỡ đầu")])
def test_vietnamese_without_tone_marks_finds_the_words_with_them(page, base_url, typed, written):
    """đ does not decompose under Unicode normalisation: the search folds it to d itself."""
    first = _first(page, base_url, _prefix("vi"), typed)
    page.goto(base_url + first)
    assert written in page.inner_text("article").lower(), f"{typed!r}: {first} lacks {written!r}"


@pytest.mark.skipif("ar" not in dict(LANGS), reason="Arabic is not built")
@pytest.mark.parametrize("forms", [
    ["العائلة", "عائلة", "العائله", "للعائلة", "العَائِلَة"],      # article, ta marbuta or ha, preposition, tashkeel
    ["الانتحار", "انتحار", "الإنتحار", "إنتحار"],                 # any alef
    ["جرعة زائدة", "جرعه زائده", "الجرعة الزائدة"],
])
def test_arabic_as_readers_type_finds_the_same_page(page, base_url, forms):
    found = {form: _first(page, base_url, _prefix("ar"), form) for form in forms}
    assert len(set(found.values())) == 1, found


@pytest.mark.skipif("zh" not in dict(LANGS), reason="Chinese is not built")
@pytest.mark.parametrize("typed, word", [("我儿子喝酒太多怎么办", "喝酒"), ("纳洛酮怎么用", "纳洛酮"), ("怎么找引导人", "引导人")])
def test_chinese_typed_without_spaces_finds_its_words(page, base_url, typed, word):
    """The index is cut into words by jieba at build time; a query by the index's own words."""
    first = _first(page, base_url, _prefix("zh"), typed)
    assert first.startswith(_prefix("zh"))
    page.goto(base_url + first)
    assert word in page.inner_text("article"), f"{typed!r}: {first} lacks {word!r}"
