"""How the site's search ranks pages for what readers type: the search-quality harness.

    guide search-rank --site site --lang es "que hago si recae"     # one query, explained
    guide search-rank --site site                                  # every journey: top-1 / top-3

Runs the site's real search (Material's worker wrapped by our search-i18n.js, with the
language's synonyms) in Chromium, on a built site, with no request beyond 127.0.0.1.
A journey (tests/search_journeys.yml) names a query and the page (or pages) that answers
it, and optionally the section (or sections) that must show in the results without
expanding anything.
The report gives top-1 and top-3 per language; the tests hold them to the floors below.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from . import chromium
from .pages import ROOT, site_languages
from .options import add_site

JOURNEYS = ROOT / "tests" / "search_journeys.yml"
TOP3_FLOOR = 1.00   # every journey's page among the first three results
TOP1_FLOOR = 0.90   # and first for at least 90% of them

# In the page: start the site's search worker as Material does, give it the language's
# index, then ask each query. A result is Material's list of groups (one per page, best
# first); each item is a page or a section with its score.
_RUN = """async ([queries]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const lang = document.documentElement.lang;
  let index = await fetch(new URL(`search/search_index.${lang}.json`, base));
  if (!index.ok) index = await fetch(new URL("search/search_index.json", base));
  index = await index.json();
  const worker = new Worker(new URL(config.search, base));
  const next = type => new Promise(resolve => worker.addEventListener("message", function on(event) {
    if (event.data.type === type) { worker.removeEventListener("message", on); resolve(event.data); }
  }));
  worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } });
  await next(1);
  const results = [];
  for (const query of queries) {
    worker.postMessage({ type: 2, data: query });
    const { data } = await next(3);
    results.push(data.items.map(group => group.map(item => ({
      location: item.location, score: item.score, title: item.title.replace(/<[^>]+>/g, ""),
      terms: item.terms }))));
  }
  worker.terminate();
  return results;
}"""


def visible(group: list[dict]) -> list[str]:
    """What Material shows of a page's results without expanding "more on this page":
    the page itself and the sections scoring as high as the group's best (its template)."""
    threshold = group[0]["score"]
    return [item["location"] for item in group if "#" not in item["location"] or item["score"] >= threshold]


def rank(site: Path, queries: dict[str, list[str]], browser=None) -> dict[str, list[list[list[dict]]]]:
    """Per language prefix ('' or 'es/'), the results of each query, in order. `browser`:
    a Playwright browser to use (the tests' own); without it, Chromium is started here."""
    server, url = chromium.serve(site)
    try:
        if browser is not None:
            return _ask(browser, url, queries)
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            own = chromium.launch(playwright)
            try:
                return _ask(own, url, queries)
            finally:
                own.close()
    finally:
        server.shutdown()


def _ask(browser, url: str, queries: dict[str, list[str]]) -> dict:
    page = browser.new_page()
    try:
        out = {}
        for prefix, asked in queries.items():
            page.goto(url + prefix)
            out[prefix] = page.evaluate(_RUN, [asked])
        return out
    finally:
        page.close()


def _pages(group_results: list[list[dict]]) -> list[str]:
    return [group[0]["location"].split("#")[0] for group in group_results]


def judge(journey: dict, results: list[list[dict]]) -> dict:
    """Where the journey's page landed, and whether its section shows."""
    wanted = journey["page"] if isinstance(journey["page"], list) else [journey["page"]]
    pages = _pages(results)
    place = next((i + 1 for i, page in enumerate(pages) if page in wanted), None)
    section_ok = True
    if journey.get("section") and place:
        sections = journey["section"] if isinstance(journey["section"], list) else [journey["section"]]
        shown = visible(results[place - 1])
        section_ok = any(location.endswith("#" + section) for location in shown for section in sections)
    return {"place": place, "section_ok": section_ok, "top": pages[:3]}


def load_journeys(path: Path = JOURNEYS) -> dict[str, list[dict]]:
    """Journeys per language prefix ('' for the default language)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    prefixes = dict(site_languages())
    return {prefixes[lang]: journeys for lang, journeys in data.items()}


def evaluate(site: Path, journeys: dict[str, list[dict]], browser=None) -> dict[str, dict]:
    """Per language prefix: top-1 and top-3 shares, and the journeys that missed."""
    results = rank(site, {prefix: [j["query"] for j in items] for prefix, items in journeys.items()}, browser)
    report = {}
    for prefix, items in journeys.items():
        verdicts = [judge(j, r) for j, r in zip(items, results[prefix])]
        top1 = sum(1 for v in verdicts if v["place"] == 1 and v["section_ok"])
        top3 = sum(1 for v in verdicts if v["place"] and v["place"] <= 3)
        misses = [f"{j['query']!r}: wanted {j['page']}" + (f"#{j['section']}" if j.get("section") else "")
                  + f", got place {v['place']}" + ("" if v["section_ok"] else " (section hidden)") + f"; top 3: {v['top']}"
                  for j, v in zip(items, verdicts) if v["place"] != 1 or not v["section_ok"]]
        report[prefix] = {"journeys": len(items), "top1": top1 / len(items), "top3": top3 / len(items), "misses": misses}
    return report


def register(commands) -> None:
    parser = commands.add_parser("search-rank", help="how search ranks a query, or every journey (top-1/top-3)",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.add_argument("--lang", default=None, help="language code of the query (default: the default language)")
    parser.add_argument("--journeys", type=Path, default=JOURNEYS, help="the journeys file (default: tests/search_journeys.yml)")
    parser.add_argument("query", nargs="?", help="one query to explain; without it, every journey")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site} holds no built site: run scripts/build.sh (or mkdocs build) first")
    if args.query:
        prefixes = dict(site_languages())
        prefix = prefixes[args.lang] if args.lang else next(iter(prefixes.values()))
        for number, group in enumerate(rank(args.site, {prefix: [args.query]})[prefix][0], 1):
            shown = visible(group)
            print(f"{number}. /{group[0]['location'].split('#')[0]}")
            for item in group:
                mark = "  " if item["location"] in shown else "  (in 'more') "
                terms = ", ".join(f"{t}{'' if ok else ' (missing)'}" for t, ok in item["terms"].items())
                print(f"   {mark}{item['score']:9.1f}  {item['title']}  [{item['location']}]  {terms}")
        return 0
    report = evaluate(args.site, load_journeys(args.journeys))
    failed = False
    for prefix, r in report.items():
        print(f"/{prefix}: {r['journeys']} journeys, top-1 {r['top1']:.0%}, top-3 {r['top3']:.0%}")
        for miss in r["misses"]:
            print("   ", miss)
        failed |= r["top3"] < TOP3_FLOOR or r["top1"] < TOP1_FLOOR
    return 1 if failed else 0
