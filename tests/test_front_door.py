"""The home page is a front door (FINDINGS R, issue "A front door, not a document"): on
a 360x740 phone, in every language, the ways in, urgent help and search are all on the
first screen, each a large target that leads to the right starting page."""
from __future__ import annotations

import re

import pytest

from browser import not_on_first_screen
from conftest import PREFIXES, sample_search

# Each way in and the page it starts on (the same in every language: ids and paths are).
WAYS = ["what-is-a-12-step-program/", "families/", "for-professionals/", "get-help-now/"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_ways_in_search_and_urgent_help_fit_the_first_phone_screen(phone, base_url, prefix):
    phone.goto(base_url + prefix)
    problems = []
    for selector in (".guide-way", "#guide-q", ".guide-search-box button", 'label[for="guide-q"]',
                     ".guide-banner [data-guide-emergency]"):
        problems += not_on_first_screen(phone, selector, min_size=44 if selector != 'label[for="guide-q"]' else 1)
    hrefs = phone.eval_on_selector_all(".guide-way", "els => els.map(e => e.href)")
    assert hrefs == [base_url + prefix + way for way in WAYS]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_front_door_search_box_finds_pages(phone, base_url, prefix):
    query, page = sample_search(prefix)
    phone.goto(base_url + prefix)
    phone.fill("#guide-q", query)
    phone.press("#guide-q", "Enter")
    phone.wait_for_selector(".md-search-result__item", state="attached", timeout=15_000)
    phone.wait_for_timeout(300)
    results = phone.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any(page in href for href in results[:3]), (query, results[:3])


def test_first_screen_check_catches_a_way_in_pushed_down_or_too_small(phone, base_url):
    phone.goto(base_url)
    phone.add_style_tag(content=".guide-ways { margin-top: 500px }")
    assert "I'm family or a friend" in "\n".join(not_on_first_screen(phone, ".guide-way"))
    phone.goto(base_url)
    phone.add_style_tag(content=".md-typeset .guide-way { min-height: 0; padding: 0; border: 0 }")
    sizes = [re.search(r"(\d+)x(\d+)px", problem).groups() for problem in not_on_first_screen(phone, ".guide-way")]
    assert len(sizes) == len(WAYS) and all(int(height) < 44 for _, height in sizes)
