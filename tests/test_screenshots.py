"""Screenshots for a person to look at after a test run: build/screenshots/ (not committed)."""
from __future__ import annotations

import pytest

from conftest import PHONE, ROOT

OUT = ROOT / "build" / "screenshots"
SIZES = {"phone": PHONE, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["", "first-meeting/", "es/", "es/first-meeting/"])
def test_screenshot(page, base_url, path, size):
    OUT.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(SIZES[size])
    page.goto(base_url + path)
    lang = "es" if path.startswith("es/") else "en"
    target = OUT / f"{lang}-{path.removeprefix('es/').strip('/') or 'home'}-{size}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000
