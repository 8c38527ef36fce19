"""What readers hit on a phone and a desk (FINDINGS §R), each guarded in Chromium: long
pages list their sections near the top, the table of contents marks one entry, the
menu's sticky title hides what scrolls under it, the ¶ mark never takes a line of its
own, and no word of a worksheet breaks inside at 360 px."""
from __future__ import annotations

import re

import pytest
import yaml

from guide.pages import ROOT, site_languages, ui
from conftest import PREFIXES, PHONE, site_pages

DESKTOP = {"width": 1280, "height": 800}
LONG = "first-meeting/"   # a long page (12 sections) in every language
TOC = re.compile(r'<nav class="md-nav md-nav--secondary".*?</nav>', re.S)


# --- "On this page" -------------------------------------------------------------------------

def test_every_long_page_lists_its_sections_before_the_first(site):
    """Static: each page with `on_this_page_from` sections or more (mkdocs.yml) lists them,
    in order, in its language, before its first section; shorter pages do not."""
    least = int(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
                ["extra"]["on_this_page_from"])
    (default, _), *others = site_languages()
    problems = []
    for path in site_pages(site):
        locale = next((lang for lang, prefix in others if path.startswith(prefix)), default)
        if path.endswith("404.html") or path in ("", *(prefix for _, prefix in others)) or "/handouts/" in f"/{path}":
            continue
        html = (site / path / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        listed = re.search(r'<nav class="guide-on-this-page".*?</nav>', article, re.S)
        toc = TOC.search(html)      # the theme's table of contents: the page's sections
        sections = re.findall(r'href="#([^"]+)"', toc.group(0)) if toc else []
        first = re.search(r'<h2 id="(' + "|".join(map(re.escape, sections)) + ')"', article) if sections else None
        if listed and first and listed.start() > first.start():
            problems.append(f"/{path}: the 'On this page' list comes after the first section")
        if len(sections) >= least and not listed:
            problems.append(f"/{path}: {len(sections)} sections and no 'On this page' list")
        elif listed and len(sections) < least:
            problems.append(f"/{path}: only {len(sections)} sections, yet an 'On this page' list")
        elif listed:
            links = re.findall(r'<li><a href="#([^"]+)"', listed.group(0))
            title = re.search(r'id="guide-on-this-page">([^<]*)<', listed.group(0)).group(1)
            if links != sections:
                problems.append(f"/{path}: the list {links} does not match the sections {sections}")
            if title != ui(locale)["on_this_page"]:
                problems.append(f"/{path}: the list's title {title!r} is not in the page's language")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_on_this_page_shows_on_a_phone_and_leads_to_its_section(page, base_url, prefix):
    page.set_viewport_size(PHONE)
    page.goto(base_url + prefix + LONG)
    listed = page.locator(".guide-on-this-page")
    assert listed.is_visible()
    assert listed.bounding_box()["y"] < 3 * PHONE["height"], "the list is not near the top of the page"
    link = listed.locator("a").nth(3)
    target = link.get_attribute("href")
    link.click()
    page.wait_for_timeout(300)
    box = page.locator(target).bounding_box()
    assert 0 <= box["y"] < PHONE["height"] / 2, f"{target} is at {box['y']}px after the click"
    page.set_viewport_size(DESKTOP)      # beside the theme's own table of contents: not twice
    assert not listed.is_visible()


# --- the table of contents and the menu ----------------------------------------------------

MARKED_JS = """scope => [...document.querySelectorAll(scope + ' a.md-nav__link')]
  .filter(a => a.offsetParent !== null || scope.includes('primary'))
  .filter(a => parseFloat(getComputedStyle(a).borderInlineStartWidth) > 0 || getComputedStyle(a).fontWeight >= 700)
  .map(a => a.textContent.trim())"""

COLOURS_JS = """() => [...new Set([...document.querySelectorAll('.md-sidebar--secondary a.md-nav__link:not(.md-nav__link--active)')]
  .map(a => getComputedStyle(a).color))]"""


def marked_entries(page, scope: str) -> list[str]:
    return page.evaluate(MARKED_JS, scope)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_table_of_contents_marks_one_entry(page, base_url, prefix):
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + prefix + LONG)
    for _ in range(3):
        page.mouse.wheel(0, 1400)
        page.wait_for_timeout(500)
        marked = marked_entries(page, ".md-sidebar--secondary")
        assert len(marked) == 1, f"the table of contents marks {marked}"
        assert len(page.evaluate(COLOURS_JS)) == 1, "sections read and unread look different"
    page.set_viewport_size(PHONE)       # the phone menu: the page, not also its section
    page.wait_for_timeout(300)
    marked = marked_entries(page, ".md-nav--primary")
    assert len(marked) == 1, f"the menu marks {marked}"


def test_table_of_contents_check_catches_two_marked_entries(page, base_url):
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + LONG)
    page.mouse.wheel(0, 2800)
    page.wait_for_timeout(500)
    page.add_style_tag(content=".md-sidebar--secondary .md-nav__link--passed { font-weight: 700 }")
    assert len(marked_entries(page, ".md-sidebar--secondary")) > 1


def test_sticky_menu_title_is_opaque(page, base_url):
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + LONG)
    colour = page.eval_on_selector(".md-nav--primary > .md-nav__title", "e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "entries scrolling under the title show through it"


# --- the ¶ mark and the worksheet ------------------------------------------------------------

MARK_ALONE_JS = """() => [...document.querySelectorAll('.md-typeset :is(h2, h3)[id]')].filter(h => {
    const link = h.querySelector('.headerlink');
    if (!link || h.offsetParent === null) return false;
    const texts = [];
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) if (!link.contains(node) && node.data.trim()) texts.push(node);
    const last = texts.at(-1);
    if (!last) return false;
    const range = document.createRange();              // the heading's last letter
    const end = last.data.trimEnd().length;
    range.setStart(last, end - 1);
    range.setEnd(last, end);
    const letter = [...range.getClientRects()].at(-1);
    const mark = link.getClientRects()[0];
    return Math.abs(letter.top - mark.top) > letter.height / 2;   // not on the same line
  }).map(h => h.id)"""


def marks_alone(page) -> list[str]:
    return page.evaluate(MARK_ALONE_JS)


def test_the_section_mark_never_takes_a_line_of_its_own(page, site, base_url):
    page.set_viewport_size(PHONE)
    problems = []
    for path in site_pages(site):
        page.goto(base_url + path)
        problems += [f"/{path}#{heading}" for heading in marks_alone(page)]
    assert problems == [], "the ¶ mark wraps onto a line of its own under:\n" + "\n".join(problems)


def test_section_mark_check_catches_a_mark_alone(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + LONG)
    page.add_style_tag(content=".md-typeset .headerlink { display: inline-block; margin-left: 15rem !important }")
    assert marks_alone(page)


BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('table :is(td, th)')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const match of node.data.matchAll(/[\\p{Script=Latin}\\p{Script=Arabic}\\p{M}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def broken_words(page) -> list[str]:
    return page.evaluate(BROKEN_WORDS_JS)


def test_no_word_in_a_table_breaks_inside_at_360px(page, site, base_url):
    page.set_viewport_size(PHONE)
    problems = []
    for path in site_pages(site):
        if "handouts/" in path or path.endswith(("for-professionals/", "get-help-now/")):
            page.goto(base_url + path)
            problems += [f"/{path}: {word!r}" for word in broken_words(page)]
    assert problems == [], "words broken inside at 360px:\n" + "\n".join(problems)


def test_broken_word_check_catches_wednesday(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + "handouts/meeting-plan/")
    page.add_style_tag(content="table { table-layout: fixed } th, td { overflow-wrap: anywhere }")
    assert "Wednesday" in broken_words(page)
