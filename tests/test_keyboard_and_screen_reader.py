"""What axe cannot see (WCAG 2.2 AA beyond axe, FINDINGS §A), in every language: a reader
with only a keyboard, on a phone and at 400% zoom, opens the menu, reaches a page,
searches, opens a result, switches language and calls a help line, with focus always
visible and never under the header; every control has a name in the page's language;
the search panel reads at full contrast; forced colours keep focus and the search box;
Esc closes what is open and gives focus back. assets/javascripts/a11y.js and the CSS it
names make these pass."""
from __future__ import annotations

import pytest

from browser import focus_under_header, invisible_focus, low_contrast, search, unnamed_controls
from conftest import PHONE, PREFIXES, sample_search, site_languages, ui

ZOOM_400 = {"width": 320, "height": 256}          # a 1280x1024 screen at 400% zoom
SIZES = {"phone": PHONE, "zoom400": ZOOM_400}
LANGS = site_languages()
ACTIVE = """() => { const e = document.activeElement;
  return {tag: e.tagName, role: e.getAttribute('role'), name: (e.getAttribute('aria-label') || e.textContent || '').trim(),
          href: e.getAttribute('href') || '', expanded: e.getAttribute('aria-expanded'),
          inDrawer: !!e.closest('.md-sidebar--primary'), inResults: !!e.closest('.md-search-result')}; }"""


def tab_until(page, wanted, limit: int = 80, back: bool = False) -> dict:
    """Press Tab until the focused element is what `wanted` accepts; check focus on the way."""
    problems = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        problems += focus_under_header(page)
        active = page.evaluate(ACTIVE)
        if wanted(active):
            assert problems == [], "\n".join(problems)
            return active
    raise AssertionError(f"{page.url}: not reached with {limit} Tab presses")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale, prefix", LANGS)
def test_keyboard_only_journey(page, base_url, locale, prefix, size):
    words = ui(locale)
    page.set_viewport_size(SIZES[size])
    page.goto(base_url + prefix + "first-meeting/")

    # open the menu, reach another page
    menu = tab_until(page, lambda a: a["role"] == "button" and a["name"] == words["menu"])
    assert menu["expanded"] == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.evaluate(ACTIVE)["inDrawer"], "focus moves into the opened menu"
    start = page.url
    tab_until(page, lambda a: a["inDrawer"] and a["tag"] == "A" and a["href"] and "#" not in a["href"]
              and "first-meeting" not in a["href"] and a["href"] not in ("..", "./"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0] != start, timeout=5_000)

    # search, Tab to a result, open it
    query, _ = sample_search(prefix)
    search_name = page.evaluate("document.getElementById('guide-a11y').dataset.search")
    tab_until(page, lambda a: a["role"] == "button" and a["name"] == search_name)
    page.keyboard.press("Enter")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    status = page.eval_on_selector(".md-search-result__meta", "e => [e.getAttribute('role'), e.textContent.trim()]")
    assert status[0] == "status" and status[1], "the result count is in a status region"
    result = tab_until(page, lambda a: a["inResults"], limit=5)
    assert result["name"], "a search result link has a name"
    here = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != here, timeout=5_000)

    # switch language: the menu opens on a press, not on focus
    button = tab_until(page, lambda a: a["tag"] == "BUTTON" and a["expanded"] is not None and not a["inDrawer"])
    assert button["expanded"] == "false" and not page.is_visible(".md-select__link"), "focus alone opens nothing"
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE)["expanded"] == "true"
    other = LANGS[(LANGS.index((locale, prefix)) + 1) % len(LANGS)][0]
    tab_until(page, lambda a: a["tag"] == "A" and page.evaluate("document.activeElement.hreflang") == other, limit=len(LANGS) + 1)
    before = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != before, timeout=5_000)

    # call a help line: the banner's call link, named "Call …" in the page's language
    call = tab_until(page, lambda a: a["href"].startswith("tel:"))
    other_words = ui(other)
    assert call["name"].startswith(other_words["call"]), call


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_focus_is_visible_and_never_under_the_header(page, base_url, prefix, size):
    page.set_viewport_size(SIZES[size])
    page.goto(base_url + prefix + "first-meeting/")
    problems = invisible_focus(page, presses=40)
    for _ in range(40):                                   # and back up, with Shift+Tab
        page.keyboard.press("Shift+Tab")
        problems += focus_under_header(page)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("locale, prefix", LANGS)
def test_every_control_has_a_name_and_the_closed_menu_is_not_there(page, base_url, locale, prefix, scheme):
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + prefix + "first-meeting/")
    snapshot = page.locator("body").aria_snapshot()
    assert unnamed_controls(snapshot) == []
    words = ui(locale)
    assert f'button "{words["menu"]}"' in snapshot and f'button "{words["dark_mode"]}"' in snapshot
    first_meeting_title = page.inner_text("h1")
    assert f'link "{first_meeting_title}"' not in snapshot.split('button "' + words["menu"])[1].split("main")[0], \
        "the closed menu's links are in the accessibility tree"
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    # the language menu names each language in its own language
    assert page.eval_on_selector_all("a.md-select__link", "els => els.every(e => e.lang === e.hreflang)")
    assert page.eval_on_selector_all("a.md-select__link[aria-current]", "els => els.map(e => e.hreflang)") == [locale]
    # search: a named dialog, a live count
    query, _ = sample_search(prefix)
    page.locator('.md-header__button[for="__search"]').click()
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    dialog = page.locator(".md-search").aria_snapshot()
    assert "- dialog" in dialog or page.get_attribute(".md-search", "aria-label"), dialog
    assert "- status" in page.locator("body").aria_snapshot(), "the result count is a status"
    assert unnamed_controls(dialog) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_search_panel_text_has_contrast(page, base_url, prefix, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + prefix)
    search(page, sample_search(prefix)[0])
    texts = [".md-search-result__meta", ".md-search-result mark", ".md-search-result__more summary > div",
             ".md-search-result__article h1", ".md-search-result__article p", ".md-search__input"]
    assert low_contrast(page, texts) == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_forced_colours_keep_focus_and_the_search_box(page, base_url, prefix):
    page.emulate_media(forced_colors="active")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + prefix)
    search(page, sample_search(prefix)[0])
    border = page.eval_on_selector(".md-search__form", "e => parseFloat(getComputedStyle(e).borderTopWidth)")
    assert border >= 1, "the search box has a border in forced colours"
    page.keyboard.press("Tab")
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); "
                            "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; })()")
    assert outline, "the focused search result shows an outline in forced colours"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_escape_closes_each_popover_and_returns_focus(phone, base_url, prefix):
    page = phone
    page.goto(base_url + prefix + "families/")
    for opener, is_open in [('.md-header label[for="__drawer"]', "document.getElementById('__drawer').checked"),
                            (".md-select > button", "document.querySelector('.md-select').classList.contains('guide-open')"),
                            ('.md-header label[for="__search"]', "document.getElementById('__search').checked")]:
        page.focus(opener)
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert page.evaluate(is_open), f"{opener} opens with Enter"
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        assert not page.evaluate(is_open), f"Esc closes {opener}"
        assert page.evaluate("(s) => document.activeElement === document.querySelector(s)", opener), f"focus returns to {opener}"


# --- the checkers catch real faults -------------------------------------------------------

def test_unnamed_control_is_caught(page, base_url):
    page.goto(base_url + "first-meeting/")
    page.evaluate("document.querySelector('.md-content p').insertAdjacentHTML('beforeend', '<button></button>')")
    assert unnamed_controls(page.locator("body").aria_snapshot()) == ["- button"]


def test_focus_under_the_header_is_caught(page, base_url):
    page.set_viewport_size(ZOOM_400)
    page.goto(base_url + "first-meeting/")
    page.add_style_tag(content="* { scroll-margin-top: 0 !important }")
    link = page.locator(".md-content a").nth(5)
    link.evaluate("e => { e.focus(); window.scrollBy(0, e.getBoundingClientRect().top - 10); }")
    assert focus_under_header(page), "a link scrolled under the sticky header"


def test_low_contrast_is_caught(page, base_url):
    page.goto(base_url + "first-meeting/")
    page.evaluate("document.querySelector('.md-content p').style.color = '#bbbbbb'")
    assert low_contrast(page, [".md-content p"])
