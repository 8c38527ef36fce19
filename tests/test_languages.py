"""Each language is a whole site: search in the reader's language, a language menu that
keeps the section, hreflang and canonical links, and a 404 page in every language."""
from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from guide import chromium
from guide.pages import site_languages, ui
from guide.ui_language import check_ui_language, same_in_every_language
from browser import choose_language, search
from conftest import PREFIXES, ROOT, SITE_URL, free_port, sample_search, site_pages

LANGS = site_languages()


# --- search in the reader's language ----------------------------------------------------

def _results(page, base_url, prefix, query):
    page.goto(base_url + prefix)
    return [url.removeprefix(base_url) for url in search(page, query)]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("query", ["Al-Anon", None])   # None: the language's own first journey
def test_search_returns_pages_of_its_own_language_only(page, base_url, prefix, query):
    results = _results(page, base_url, prefix, query or sample_search(prefix)[0])
    others = [p for p in PREFIXES if p and p != prefix]
    assert results and all(url.startswith(prefix) and not url.startswith(tuple(others)) for url in results), results


@pytest.mark.parametrize("typed, word", [("reunion", "reunión"), ("REUNIÓN", "reunión"), ("adiccion", "adicción"),
                                         ("padrinos", "padrino")])
def test_spanish_search_ignores_accents_case_and_plurals(page, base_url, typed, word):
    results = _results(page, base_url, "es/", typed)
    assert results, f"{typed!r} found nothing"
    page.goto(base_url + results[0])
    assert word in page.inner_text("article").lower(), f"{typed!r}: first result {results[0]} lacks {word!r}"


def test_search_highlights_are_not_nested(page, base_url):
    page.goto(base_url + "es/")
    search(page, "padrinos")
    assert page.locator(".md-search-result mark mark").count() == 0


# --- the language menu keeps the section -------------------------------------------------

@pytest.mark.parametrize("number", range(len(LANGS)))
def test_language_menu_keeps_the_section(page, base_url, number):
    """From each language to the next one (the last back to the first)."""
    (_, prefix), (language, target) = LANGS[number], LANGS[(number + 1) % len(LANGS)]
    page.goto(base_url + prefix + "families/#what-helps")
    choose_language(page, language)
    page.wait_for_url(base_url + target + "families/#what-helps")


@pytest.mark.parametrize("prefix", [prefix for _, prefix in site_languages()])
def test_language_menu_keeps_the_section_in_view(phone, base_url, prefix):
    """A reader who scrolled to "If you use again" lands on that section in the other
    language, not at the top and not on the section of the address bar (FINDINGS R)."""
    page = phone
    page.goto(base_url + prefix + "after-rehab/#your-plan")
    page.evaluate("document.getElementById('if-you-use-again').scrollIntoView()")
    page.mouse.wheel(0, 40)
    page.wait_for_timeout(300)
    other = next(p for _, p in site_languages() if p != prefix)
    locale = other.rstrip("/") or site_languages()[0][0]
    choose_language(page, locale)
    page.wait_for_url(f"{base_url}{other}after-rehab/#if-you-use-again")


# --- hreflang and canonical ---------------------------------------------------------------

def test_every_page_has_canonical_and_absolute_hreflang_links(site, languages):
    site_url = SITE_URL
    tags = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"].get("hreflang", {})
    others = tuple(prefix for _, prefix in LANGS if prefix)
    for path in site_pages(site):
        if path.endswith("404.html"):
            continue
        html = (site / path / "index.html").read_text(encoding="utf-8")
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical == [site_url + path], f"{path}: canonical {canonical}"
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
        assert set(alternates) == {tags.get(lang, lang) for lang in languages} | {"x-default"}, f"{path}: hreflang {alternates}"
        assert all(url.startswith(site_url) for url in alternates.values()), alternates
        own = next((prefix for prefix in others if path.startswith(prefix)), "")
        english = site_url + path.removeprefix(own)
        assert alternates["x-default"] == alternates[languages[0]] == english
        for locale, prefix in LANGS[1:]:
            assert alternates[tags.get(locale, locale)] == site_url + prefix + path.removeprefix(own)


# --- 404 in every language, from a server that behaves like a static host ---------------

class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves files; a missing path gets the 404.html of its language folder, with
    status 404 (what Cloudflare Pages does, and nginx/Netlify with the README's settings)."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = self.path.lstrip("/").split("/")[0]
        page = Path(self.directory) / first / "404.html"
        body = (page if page.is_file() else Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def static_host(site):
    server, url = chromium.serve(site, handler=StaticHost)
    yield url
    server.shutdown()


@pytest.mark.parametrize("locale, prefix", LANGS)
def test_mistyped_address_gets_the_404_page_of_its_language(page, static_host, locale, prefix):
    response = page.goto(static_host + prefix + "pimera-reunion/")
    assert response.status == 404
    assert page.inner_text("h1") == ui(locale)["not_found_title"]
    assert page.locator(f'.md-content a[href="/{prefix}"]').count() == 1, "a link home"
    page.keyboard.press("/")
    page.keyboard.type(sample_search(prefix)[0])
    page.wait_for_selector(".md-search-result__item")


# --- search with `mkdocs serve` -------------------------------------------------------------

def test_search_works_with_mkdocs_serve(page, tmp_path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(120):
            try:
                page.goto(url + "es/")
                break
            except Exception:
                time.sleep(0.5)
        results = search(page, "reunion")
        assert results and all("/es/" in r for r in results), results
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- no interface words of the default language on another language's pages --------------

def _same_everywhere() -> dict[str, set[str]]:
    """Per language prefix: the texts it shares with the default language (language names,
    and data such as "Chile" or "Samaritans" that the language writes as English does)."""
    (default, _), *others = site_languages()
    data = [yaml.safe_load((ROOT / "docs" / "data" / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("helplines", "glossary")]
    return {prefix: set(_language_names()).union(*(same_in_every_language(d, [default, locale]) for d in data))
            for locale, prefix in others}


def _language_names() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugins = [p for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    return [language["name"] for language in plugins[0]["i18n"]["languages"]]


def _prefixes():
    default, *others = [prefix for _, prefix in site_languages()]
    return default, others


def test_no_default_language_interface_text_on_other_languages_pages(site):
    default, others = _prefixes()
    assert check_ui_language(site, default, others, _same_everywhere()) == []


def test_interface_check_names_page_line_and_string(site, tmp_path):
    default, others = _prefixes()
    broken = shutil.copytree(site, tmp_path / "site")
    page = broken / others[0] / "families" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>Back to top</p></article>", 1), encoding="utf-8")
    problems = check_ui_language(broken, default, others, _same_everywhere())
    assert len(problems) == 1 and re.match(rf"{others[0]}families/index.html:\d+: .*'Back to top'", problems[0]), problems


# --- window titles (WCAG 2.4.2) ----------------------------------------------------------

def _title(page_file: Path) -> str:
    return re.search(r"<title>([^<]*)</title>", page_file.read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("prefix", [prefix for _, prefix in site_languages()])
def test_home_title_names_the_guide_once_and_404_says_not_found(site, prefix):
    home = _title(site / prefix / "index.html")
    assert " - " not in home, f"/{prefix}: the home page's title repeats the guide's name: {home!r}"
    missing = _title(site / prefix / "404.html")
    assert missing.endswith(" - " + home) and missing != home, f"/{prefix}404.html: title {missing!r}"
    families = _title(site / prefix / "families" / "index.html")
    assert families.endswith(" - " + home) and families.count(home) == 1, families
