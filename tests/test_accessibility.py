"""WCAG 2.2 AA in a real browser: every page, every language, every colour scheme.
Also: no request leaves the machine while a page loads."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import axe_violations
from conftest import site_pages

# Elements excluded from axe, each with why. (None today: the theme fixes in
# docs/assets/stylesheets/guide.css made every page pass.)
AXE_EXCLUDE: list[str] = []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_meets_wcag_aa(page, site, base_url, scheme):
    page.emulate_media(color_scheme=scheme)
    problems = []
    for path in site_pages(site):
        page.goto(base_url + path)
        problems += axe_violations(page, AXE_EXCLUDE)
    assert problems == [], "\n".join(problems)


def test_no_request_leaves_the_machine(page, site, base_url):
    outside = []
    page.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None) and outside.append(r.url))
    for path in site_pages(site):
        page.goto(base_url + path, wait_until="networkidle")
    assert outside == []


# The checker catches real faults.

def test_axe_catches_missing_alt_text_and_unlabelled_button(page, base_url):
    page.goto(base_url + "first-meeting/")
    page.evaluate("""() => {
        const c = document.querySelector('.md-content article');
        c.insertAdjacentHTML('beforeend', '<img src="../assets/x.png"><button></button>');
    }""")
    problems = axe_violations(page)
    assert any("first-meeting/: image-alt" in p for p in problems), problems
    assert any("button-name" in p for p in problems), problems


def test_axe_catches_low_contrast_text(page, base_url):
    page.goto(base_url + "es/")
    page.evaluate("() => document.querySelector('.md-content p').style.color = '#bbbbbb'")
    assert any("color-contrast" in p for p in axe_violations(page))
