"""A reader in danger, on a phone, reaches help: the help box fits one screen, every call
link is easy to tap, the country they pick is kept, and "Exit this page" leaves at once."""
from __future__ import annotations

import pytest

from browser import small_call_targets
from conftest import PHONE, site_pages

EXIT_URL = "https://www.bbc.co.uk/weather"  # mkdocs.yml extra.exit_url


def test_help_box_fits_one_phone_screen(phone, base_url, prefixes):
    problems = []
    for prefix in prefixes:
        for path in ("", "families/", "get-help-now/"):
            phone.goto(base_url + prefix + path)
            height = phone.locator("#urgent-help").bounding_box()["height"]
            if height > PHONE["height"]:
                problems.append(f"/{prefix}{path}: the help box is {height:.0f}px tall on a 740px screen")
    assert problems == [], "\n".join(problems)


def test_every_call_link_is_44px_and_on_one_line(phone, site, base_url):
    problems = []
    for path in site_pages(site):
        phone.goto(base_url + path)
        problems += small_call_targets(phone)
    assert problems == [], "\n".join(problems)


def test_call_target_check_catches_a_small_link(phone, base_url):
    phone.goto(base_url)
    phone.add_style_tag(content=".guide-tel { min-height: 0 !important; padding: 0 !important; }")
    assert small_call_targets(phone), "a 17px-high call link should be reported"


def test_country_choice_is_kept_across_pages_and_reload_with_no_request(phone, base_url, prefixes):
    for prefix in prefixes:
        phone.goto(base_url + prefix)
        phone.evaluate("localStorage.clear()")
        phone.reload()
        box = phone.locator("#urgent-help")
        country = box.locator("#guide-country")
        choice = country.locator("option").nth(2).get_attribute("value")
        requests = []

        def record(request):
            requests.append(request.url)

        phone.on("request", record)
        country.select_option(choice)
        phone.wait_for_timeout(200)
        phone.remove_listener("request", record)
        assert requests == [], f"/{prefix}: picking a country sent requests: {requests}"
        visible = box.locator(".guide-lines:visible")
        assert visible.count() == 1 and visible.get_attribute("data-country") == choice
        banner = phone.locator("[data-guide-emergency]")
        assert banner.get_attribute("href") == "tel:" + visible.get_attribute("data-emergency-tel")
        for path in ("families/", "get-help-now/"):
            phone.goto(base_url + prefix + path)
            assert phone.locator("#guide-country").input_value() == choice, f"/{prefix}{path} forgot the country"
        phone.reload()
        shown = phone.locator("#urgent-help .guide-lines:visible")
        assert shown.count() == 1 and shown.get_attribute("data-country") == choice, "a reload forgot the country"
        # /get-help-now/ opens on that country: its help box comes before the page's text.
        box_top = phone.locator("#urgent-help").bounding_box()["y"]
        assert box_top < phone.locator("#overdose").bounding_box()["y"]


def test_without_javascript_the_box_shows_the_default_countries(browser, base_url, prefixes):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for prefix in prefixes:
        page.goto(base_url + prefix)
        assert page.locator("#urgent-help .guide-lines:visible").count() >= 1
        assert page.locator("#guide-country").is_hidden()
    context.close()


@pytest.fixture
def neutral_site(phone):
    """The exit page, answered here: the tests make no request to another site."""
    phone.route(EXIT_URL + "*", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    return phone


@pytest.mark.parametrize("how", ["click", "keyboard focus and Enter", "Shift three times"])
def test_exit_this_page_leaves_at_once(neutral_site, base_url, prefixes, how):
    page = neutral_site
    for prefix in prefixes:
        page.goto(base_url + prefix + "families/")
        exit_link = page.locator(".guide-exit")
        assert exit_link.is_visible()
        if how == "click":
            exit_link.click()
        elif how == "keyboard focus and Enter":
            exit_link.focus()
            page.keyboard.press("Enter")
        else:
            for _ in range(3):
                page.keyboard.press("Shift")
        page.wait_for_url(EXIT_URL + "*")
        assert page.title() == "Weather"
