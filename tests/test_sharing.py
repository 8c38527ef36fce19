"""Staff can share a page or a section with a patient: copy a section's link, show the
page's address and a QR code across a desk, in every language."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from browser import axe_violations
from conftest import PHONE, SITE_URL, require, site_pages
from guide.pages import site_languages

PREFIXES = [prefix for _, prefix in site_languages()]


@pytest.fixture
def clipboard_page(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_copy_link_copies_the_published_section_address(clipboard_page, base_url, prefix):
    page = clipboard_page
    page.goto(f"{base_url}{prefix}families/?h=padrino#safety-first")   # as if arrived from search
    button = page.locator("h2#safety-first + .guide-copy")
    button.focus()
    page.keyboard.press("Enter")                                          # reachable by keyboard
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{prefix}families/#safety-first"
    assert button.text_content() != page.locator("#guide-copy").get_attribute("data-copy"), "it says it copied"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_share_shows_the_address_and_a_qr_code_that_scans(page, base_url, prefix, tmp_path):
    require(shutil.which("zbarimg"), "zbar-tools")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}{prefix}first-meeting/")
    assert not any(url.endswith("qr.svg") for url in requests), "the QR image loads only when Share is opened"
    summary = page.locator(".guide-share summary")
    summary.focus()
    page.keyboard.press("Enter")
    image = page.locator(".guide-share img")
    image.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.guide-share img').complete")
    assert page.locator(".guide-share__address").text_content() == f"{SITE_URL}{prefix}first-meeting/"
    shot = tmp_path / "qr.png"
    image.screenshot(path=str(shot))
    assert image.bounding_box()["width"] >= 200, "large enough to scan across a desk"
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True).stdout.strip()
    assert decoded == f"{SITE_URL}{prefix}first-meeting/"
    assert axe_violations(page) == [], "the open Share box and the Copy buttons pass axe"


def test_no_visible_link_text_is_a_file_name(site):
    problems = []
    for path in site_pages(site):
        file = site / path if path.endswith(".html") else site / path / "index.html"
        html = file.read_text(encoding="utf-8")
        for number, line in enumerate(html.splitlines(), 1):
            for text in re.findall(r"<a\b[^>]*>([^<]*)</a>", line):
                if re.search(r"\.md\b", text):
                    problems.append(f"{path or '/'}:{number}: link text {text!r} is a file name")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_link_sheet_codes_scan_to_the_published_sections(site, tmp_path, prefix):
    """The staff link sheet: every link has its full address and a QR code of it."""
    require(shutil.which("pdftoppm"), "poppler-utils")
    require(shutil.which("zbarimg"), "zbar-tools")
    html = (site / f"{prefix}handouts/link-sheet/index.html").read_text(encoding="utf-8")
    addresses = re.findall(r'<code class="guide-address" dir="ltr">([^<]+)</code>', html)
    assert len(addresses) >= 9 and all(a.startswith(SITE_URL + prefix) and "#" in a for a in addresses), addresses
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(site / f"{prefix}handouts/link-sheet-a4.pdf"), str(tmp_path / "p")], check=True)
    decoded = set()
    for image in tmp_path.glob("p*.png"):
        decoded |= set(subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True).stdout.split())
    assert set(addresses) <= decoded, sorted(set(addresses) - decoded)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_useful_links_show_their_full_addresses(site, prefix):
    html = (site / f"{prefix}for-professionals/index.html").read_text(encoding="utf-8")
    section = html[html.index('id="useful-links"'):]
    section = section[:section.index("<h2")] if "<h2" in section else section
    links = re.findall(r'<a href="([^"]+)"[^>]*>[^<]*</a><br><code class="guide-address" dir="ltr">([^<]+)</code>', section)
    assert len(links) >= 10, links
    assert all(address.startswith(SITE_URL + prefix) for _, address in links), links
