"""Search answers what readers type, in every language: the journeys of
tests/search_journeys.yml, run through the site's real search worker in Chromium."""
from __future__ import annotations

import pytest

from browser import search
from conftest import site_languages
from guide import search_ranking

JOURNEYS = search_ranking.load_journeys()


@pytest.fixture(scope="module")
def report(site, browser):
    return search_ranking.evaluate(site, JOURNEYS, browser)


def test_every_language_has_journeys():
    for locale, prefix in site_languages():
        assert len(JOURNEYS.get(prefix, [])) >= 40, f"{locale}: at least 40 search journeys (tests/search_journeys.yml)"


@pytest.mark.parametrize("prefix", [prefix for _, prefix in site_languages()])
def test_search_puts_the_right_page_first(report, prefix):
    result = report[prefix]
    summary = f"/{prefix}: top-1 {result['top1']:.0%}, top-3 {result['top3']:.0%}\n  " + "\n  ".join(result["misses"])
    assert result["top3"] >= search_ranking.TOP3_FLOOR, summary
    assert result["top1"] >= search_ranking.TOP1_FLOOR, summary


def test_harness_reports_a_page_that_ranks_low(site, browser):
    """The harness is not a rubber stamp: a journey that wants the wrong page misses."""
    wrong = {"": [{"query": "naloxone", "page": "the-twelve-steps/"}]}
    result = search_ranking.evaluate(site, wrong, browser)[""]
    assert result["top3"] == 0 and result["misses"], result


@pytest.mark.parametrize("prefix, query, section", [("", "relapse", "if-you-use-again"),
                                                     ("es/", "recaida", "if-you-use-again")])
def test_the_answering_section_shows_without_expanding(page, base_url, prefix, query, section):
    """In the real search box: the section that answers is a visible result, not folded
    into "N more on this page" (FINDINGS R)."""
    page.goto(base_url + prefix)
    search(page, query)
    visible = page.eval_on_selector_all(
        ".md-search-result__item > a, .md-search-result__item > details[open] a",
        "els => els.map(e => e.href)")
    assert any("after-rehab/?" in href and f"#{section}" in href or href.endswith(f"after-rehab/#{section}")
               for href in visible), visible
