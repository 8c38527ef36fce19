"""A reader on a phone, or with only a keyboard, can use every page."""
from __future__ import annotations

import pytest

from browser import invisible_focus, search, sideways_scroll, small_body_text, small_targets
from conftest import PREFIXES, sample_search, site_pages



def test_no_page_scrolls_sideways_on_a_phone(phone, site, base_url):
    problems = []
    for path in site_pages(site):
        phone.goto(base_url + path)
        problems += sideways_scroll(phone)
    assert problems == [], "\n".join(problems)


def test_body_text_is_at_least_16px_on_a_phone(phone, site, base_url):
    problems = []
    for path in site_pages(site):
        phone.goto(base_url + path)
        problems += small_body_text(phone)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_skip_link_moves_focus_to_the_content(page, base_url, prefix):
    page.goto(base_url + prefix + "first-meeting/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip, "the first Tab should reach the skip link"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, the next Tab should land inside the page content"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_focus_is_always_visible(page, base_url, prefix):
    page.goto(base_url + prefix + "first-meeting/")
    assert invisible_focus(page, presses=25) == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_search_works_from_the_keyboard(page, base_url, prefix):
    page.goto(base_url + prefix)
    results = search(page, sample_search(prefix)[0])
    assert results, "search should list results"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != base_url + prefix, timeout=5_000)  # Enter opens the result


# The checkers catch real faults.

def test_sideways_scroll_is_caught(phone, base_url):
    phone.goto(base_url + "families/")
    phone.evaluate("() => document.querySelector('.md-content p').insertAdjacentHTML('beforeend', "
                   "'<span style=\"display:inline-block;width:900px\">wide</span>')")
    assert sideways_scroll(phone) != []


def test_small_text_is_caught(phone, base_url):
    phone.goto(base_url + "families/")
    phone.evaluate("() => document.querySelector('.md-content p').style.fontSize = '12px'")
    assert any("12px" in p for p in small_body_text(phone))


def test_invisible_focus_is_caught(page, base_url):
    page.goto(base_url + "first-meeting/")
    page.add_style_tag(content="*:focus, *:focus-visible { outline: none !important; box-shadow: none !important;"
                               " text-decoration: none !important }")
    assert invisible_focus(page, presses=25) != []


# The reader's tap targets, besides the call links (test_help_box.py): at least 44x44 px.
TAP_TARGETS = [".guide-banner a", ".md-header__button", ".guide-copy", ".guide-share summary", ".guide-exit",
               ".guide-way", "#guide-q", ".guide-search-box button"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_tap_target_is_44px_on_a_phone(phone, base_url, prefix):
    problems = []
    for path in ("", "families/", "first-meeting/"):
        phone.goto(base_url + prefix + path)
        phone.wait_for_selector(".guide-copy", state="attached")   # added by guide.js
        for selector in TAP_TARGETS:
            problems += small_targets(phone, selector)
        phone.click(".md-header__option .md-select button")          # the language menu, opened
        problems += small_targets(phone, ".md-select__link")
    assert problems == [], "\n".join(problems)


def test_tap_target_check_catches_a_small_control(phone, base_url):
    phone.goto(base_url + "families/")
    phone.add_style_tag(content=".guide-exit { min-height: 0; padding: 0 }")
    assert small_targets(phone, ".guide-exit")
