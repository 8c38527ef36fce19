"""Search journeys: what readers type, in each language, finds the page they need."""
from __future__ import annotations

import pytest
import yaml

from browser import search
from conftest import ROOT

JOURNEYS = yaml.safe_load((ROOT / "tests" / "search_journeys.yml").read_text(encoding="utf-8"))
CASES = [(lang, j["query"], j["page"]) for lang, journeys in JOURNEYS.items() for j in journeys]


@pytest.mark.parametrize("lang, query, expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_search_finds_the_page_a_reader_needs(page, base_url, lang, query, expected):
    page.goto(base_url + ("" if lang == "en" else f"{lang}/"))
    top3 = [url.split("#")[0].split("?")[0].removeprefix(base_url) for url in search(page, query)][:3]
    wanted = [expected] if isinstance(expected, str) else expected
    assert set(wanted) & set(top3), f"searching {query!r} on the {lang} site: top 3 were {top3}, wanted {wanted}"
