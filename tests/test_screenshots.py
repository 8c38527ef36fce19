"""Screenshots for a person to look at after a test run: build/screenshots/ (not committed)."""
from __future__ import annotations

import pytest

from conftest import PHONE, ROOT, site_languages

OUT = ROOT / "build" / "screenshots"
SIZES = {"phone": PHONE, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["", "first-meeting/"])
@pytest.mark.parametrize("lang, prefix", site_languages())
def test_screenshot(page, base_url, lang, prefix, name, size, scheme):
    OUT.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(SIZES[size])
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + prefix + name)
    target = OUT / f"{lang}-{name.strip('/') or 'home'}-{size}-{scheme}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000
