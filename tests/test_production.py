"""The published site behind a real web server (Debian's nginx, from the generated
configuration, with gzip and exactly the published headers), driven in Chromium: light,
closed, and still working."""
from __future__ import annotations

import os
import re
import shutil
import statistics
import urllib.request
from pathlib import Path

import pytest

from guide import headers as security_headers
from browser import search
from conftest import ROOT, require, site_languages, site_pages, ui

BUDGET = 80 * 1024      # bytes a first visit may transfer, compressed (brotli, as browsers ask for it)
REPORT = ROOT / "build" / "page-weight.txt"


@pytest.fixture(scope="module")
def nginx(site):
    require(security_headers.nginx_binary(), "nginx-light")
    require(Path(security_headers.BROTLI_MODULE).is_file() and security_headers.BROTLI_MODULE, "libnginx-mod-http-brotli-filter")
    with security_headers.serve_with_nginx(site) as url:
        yield url


def _get(url: str, gzip: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        return urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        return error


def test_published_headers_are_served(nginx, site):
    expected = security_headers.headers(site)
    for path in ("", "es/first-meeting/", "no-such-page/", "assets/javascripts/workers/search-i18n.js"):
        response = _get(nginx + path)
        for name, value in expected.items():
            assert response.headers.get(name) == value, f"/{path}: {name}"
    for path in ("assets/stylesheets/guide.css", "search/search_index.en.json"):
        response = _get(nginx + path)
        for name, value in expected.items():
            wanted = value if name in security_headers.EVERY_FILE else None
            assert response.headers.get(name) == wanted, f"/{path}: {name}"


def test_strict_policy_for_scripts(site):
    policy = security_headers.csp(site)
    scripts = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"):
        assert directive in policy


def test_text_is_served_gzip_compressed(nginx):
    for path in ("", "es/", "assets/stylesheets/guide.css", "search/search_index.es.json"):
        assert _get(nginx + path).headers.get("Content-Encoding") == "gzip", path


@pytest.mark.parametrize("path, content_type", [
    ("downloads/12-step-recovery-guide-offline.zip", "application/zip"),
    *[(f"{prefix}handouts/first-meeting-a4.pdf", "application/pdf") for _, prefix in site_languages()],
    ("handouts/meeting-plan-letter.pdf", "application/pdf"),
])
def test_downloads_have_the_right_content_type(nginx, path, content_type):
    response = _get(nginx + path)
    assert response.status == 200 and response.headers.get("Content-Type") == content_type
    assert len(response.read()) > 1000


@pytest.mark.parametrize("locale, prefix", site_languages())
def test_404_in_the_right_language_with_status_404(nginx, locale, prefix):
    response = _get(nginx + prefix + "no-such-page/", gzip=False)
    assert response.status == 404
    assert f"<h1>{ui(locale)['not_found_title']}" in response.read().decode("utf-8")


CSP_LISTENER = """document.addEventListener('securitypolicyviolation',
  e => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI));"""


def transferred(context) -> list[int]:
    """Bytes received for each request of a browser context (pages and their workers):
    response headers plus the body as sent (gzip-compressed)."""
    received = []

    def finished(request):
        sizes = request.sizes()
        received.append(sizes["responseHeadersSize"] + sizes["responseBodySize"])
    context.on("requestfinished", finished)
    return received


def test_every_page_has_no_csp_violation_and_fits_the_budget(browser, nginx, site):
    weights, problems = {}, []
    for path in site_pages(site):
        context = browser.new_context()          # a first visit: nothing cached
        page = context.new_page()
        page.add_init_script(CSP_LISTENER)
        received = transferred(context)
        console = []
        page.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
        page.goto(nginx + path, wait_until="networkidle")
        page.wait_for_timeout(200)
        violations = page.evaluate("window.__violations || []") + console
        if violations:
            problems.append(f"/{path}: {violations}")
        weights[path] = sum(received)
        if weights[path] > BUDGET:
            problems.append(f"/{path}: a first visit transfers {weights[path]} bytes, over the {BUDGET}-byte budget")
        context.close()
    heaviest = max(weights, key=weights.get)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("".join(f"{size:>7} /{path}\n" for path, size in sorted(weights.items(), key=lambda kv: -kv[1]))
                      + f"heaviest /{heaviest}: {weights[heaviest]} bytes; median {statistics.median(weights.values()):.0f} bytes\n")
    print(f"\npage weight: heaviest /{heaviest} {weights[heaviest]} B, median {statistics.median(weights.values()):.0f} B")
    assert problems == [], "\n".join(problems)


def test_search_and_language_menu_work_under_the_policy(page, nginx):
    page.add_init_script(CSP_LISTENER)
    page.goto(nginx + "es/first-meeting/#what-to-bring")
    results = search(page, "padrinos")
    assert results and all("/es/" in r for r in results)
    page.keyboard.press("Escape")
    page.click(".md-header__option .md-select > button")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_url(nginx + "first-meeting/#what-to-bring")
    assert page.evaluate("window.__violations || []") == []


# The budget and the policy catch real faults.

def test_budget_check_catches_a_heavy_page(browser, nginx, site, tmp_path):
    heavy = site / "heavy-test-page"
    heavy.mkdir()
    (heavy / "index.html").write_text("<!doctype html><title>x</title><p>" + os.urandom(200_000).hex() + "</p>")
    try:
        context = browser.new_context()
        received = transferred(context)
        context.new_page().goto(nginx + "heavy-test-page/", wait_until="networkidle")
        assert sum(received) > BUDGET
        context.close()
    finally:
        shutil.rmtree(heavy)


def test_policy_blocks_an_injected_inline_script(page, nginx, site):
    bad = site / "csp-test-page"
    bad.mkdir()
    (bad / "index.html").write_text("<!doctype html><title>x</title><script>document.title='ran'</script>")
    try:
        page.add_init_script(CSP_LISTENER)
        page.goto(nginx + "csp-test-page/")
        assert page.title() == "x"
        assert any("script-src" in v for v in page.evaluate("window.__violations || []"))
    finally:
        shutil.rmtree(bad)


def test_slim_css_drops_only_rules_no_page_or_script_can_use():
    from guide.slim_css import slim
    css = (".md-typeset .tabbed-set{a:1}.md-typeset p{b:2}.md-typeset :not(.unused) h1{c:3}"
           "@media screen{.md-grid{d:4}.mermaid{e:5}}@keyframes spin{to{f:6}}.md-tag--x{g:7}")
    kept = slim(css, names={"md-typeset", "md-grid"}, fragments={"md-tag--"})
    assert kept == (".md-typeset p{b:2}.md-typeset :not(.unused) h1{c:3}@media screen{.md-grid{d:4}}"
                    "@keyframes spin{to{f:6}}.md-tag--x{g:7}")


def test_comment_stripping_keeps_licence_notices_and_code():
    from guide.slim_css import strip_comments
    source = "/*! MIT notice */\n/* a comment */\nconst a = 1;  // kept: code on the line\n  // a whole-line comment\n  let url = 'https://x.org/';\n"
    assert strip_comments(source) == "/*! MIT notice */\n\nconst a = 1;  // kept: code on the line\nlet url = 'https://x.org/';\n"


def blocking_scripts(html: str) -> list[tuple[int, str]]:
    """The scripts that hold up the first paint, with their line: any loaded from a file
    without defer or async (Lighthouse: render-blocking). Inline scripts are a few bytes."""
    found = []
    for match in re.finditer(r"<script\b[^>]*>", html):
        tag = match.group(0)
        if re.search(r"\ssrc=", tag) and not re.search(r"\s(defer|async)\b", tag):
            found.append((html.count("\n", 0, match.start()) + 1, tag))
    return found


def test_no_script_holds_up_the_first_paint(site):
    found = [f"{page.relative_to(site)}:{line}: {tag}"
             for page in sorted(site.rglob("*.html"))
             for line, tag in blocking_scripts(page.read_text(encoding="utf-8"))]
    assert not found, "scripts without defer:\n" + "\n".join(found[:20])


def test_deferred_scripts_keep_the_order_they_depend_on(site):
    """languages.js before Material's bundle (its request guard), guide.js and a11y.js after it."""
    for _, prefix in site_languages():
        html = (site / prefix / "first-meeting" / "index.html").read_text(encoding="utf-8")
        sources = [src.rsplit("/", 1)[-1] for src in re.findall(r'<script\b[^>]*\ssrc="([^"]+)"', html)]
        assert [name.split(".")[0] for name in sources] == ["languages", "bundle", "guide", "a11y"], prefix


def test_blocking_script_check_names_the_line():
    html = '<p>\n<script src="a.js"></script>\n<script src="b.js" defer></script><script>1</script>\n<script async src="c.js">'
    assert blocking_scripts(html) == [(2, '<script src="a.js">')]
