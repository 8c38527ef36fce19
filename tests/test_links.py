"""Every link, anchor and resource of the built site, in every language."""
from __future__ import annotations

import re
import shutil

import yaml

from guide.safety_checks import check_safety
from guide.site_checks import check_contract, check_links, check_privacy
from conftest import ROOT, SITE_URL

CONTRACT = yaml.safe_load((ROOT / "tests" / "link_contract.yml").read_text(encoding="utf-8"))


def test_every_internal_link_and_anchor_resolves(site):
    assert check_links(site) == []


def test_no_request_to_another_origin(site):
    assert check_privacy(site) == []


def test_link_contract_holds_in_every_language(site, prefixes):
    assert check_contract(site, CONTRACT, prefixes) == []


def test_glossary_contract_lists_every_term():
    glossary = yaml.safe_load((ROOT / "docs/data/glossary.yml").read_text(encoding="utf-8"))
    assert sorted(CONTRACT["/glossary/"]) == sorted(entry["id"] for entry in glossary)


# The checkers themselves catch real faults, naming the file and line.

def _copy(site, tmp_path):
    return shutil.copytree(site, tmp_path / "site")


def test_link_checker_catches_a_broken_link_and_anchor(site, tmp_path):
    copy = _copy(site, tmp_path)
    page = copy / "es/first-meeting/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="../no-such-page/">x</a><a href="../families/#nope">y</a></article>', 1))
    problems = check_links(copy)
    assert any(p.startswith("es/first-meeting/index.html:") and "no-such-page" in p for p in problems), problems
    assert any("es/families/index.html has no id \"nope\"" in p for p in problems), problems


def test_privacy_checker_catches_third_party_script_font_and_css(site, tmp_path):
    copy = _copy(site, tmp_path)
    page = copy / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</head>", '<script src="https://cdn.example.com/a.js"></script>'
                                 '<link rel="preconnect" href="https://fonts.gstatic.com"></head>', 1))
    sheet = next(copy.rglob("guide.css"))
    sheet.write_text(sheet.read_text() + '\n@font-face { src: url("https://fonts.example.com/f.woff2") }\n')
    problems = check_privacy(copy)
    assert any(p.startswith("index.html:") and "cdn.example.com" in p for p in problems), problems
    assert any("fonts.gstatic.com" in p for p in problems), problems
    assert any("guide.css:" in p and "fonts.example.com" in p for p in problems), problems


def test_contract_checker_catches_a_removed_page_and_id(site, tmp_path, prefixes):
    copy = _copy(site, tmp_path)
    shutil.rmtree(copy / "es/fellowships")
    page = copy / "first-meeting/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="what-to-bring"', 'id="bring"'))
    problems = check_contract(copy, CONTRACT, prefixes)
    assert "/es/fellowships/: the page is gone (promised in the link contract)" in problems
    assert "/first-meeting/: no section id what-to-bring (promised in the link contract)" in problems


def outbound_without_rel(site) -> list[str]:
    """Links to other sites that would tell them where the reader came from."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        for match in re.finditer(r"<a\s[^>]*>", page.read_text(encoding="utf-8")):
            tag = match.group(0)
            href = re.search(r'href="(https?://[^"]+)"', tag)
            rel = re.search(r'rel="([^"]*)"', tag)
            if href and not href.group(1).startswith(SITE_URL) and not (
                    rel and {"noopener", "noreferrer"} <= set(rel.group(1).split())):
                problems.append(f"{page.relative_to(site)}: {tag}")
    return problems


def test_outbound_links_carry_noopener_noreferrer(site):
    assert outbound_without_rel(site) == []


def test_outbound_check_catches_a_bare_link(site, tmp_path):
    copy = _copy(site, tmp_path)
    page = copy / "about/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="https://example.org/">x</a></article>', 1))
    assert outbound_without_rel(copy) == ['about/index.html: <a href="https://example.org/">']


# --- the safety contract: what a reader in danger must find, in every language ----------

SAFETY = yaml.safe_load((ROOT / "tests" / "safety_contract.yml").read_text(encoding="utf-8"))


def test_every_page_keeps_its_safety_contract(site, prefixes):
    assert check_safety(site, SAFETY, prefixes) == []


def test_safety_check_names_page_language_and_what_is_missing(site, prefixes, tmp_path):
    broken = shutil.copytree(site, tmp_path / "site")
    page = broken / "es" / "families" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("guide-suicide", "note").replace(' id="safety-first"', ""), encoding="utf-8")
    problems = check_safety(broken, SAFETY, prefixes)
    assert problems == ["/es/families/: missing section #safety-first, suicide-box (tests/safety_contract.yml)"]
