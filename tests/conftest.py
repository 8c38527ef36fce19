"""Shared fixtures: the real site built once, and throw-away copies of the project
for tests that break something on purpose."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide import chromium
from guide.pages import ROOT, site_languages, ui

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")
SITE_URL = "http://127.0.0.1:8000/"   # the build's default SITE_URL (mkdocs.yml), used by the tests' builds


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, as a content editor runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project,
    )


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def languages() -> list[str]:
    return [locale for locale, _ in site_languages()]


@pytest.fixture(scope="session")
def prefixes() -> list[str]:
    """URL prefix of each language: '' for the default, 'es/' for Spanish."""
    return [prefix for _, prefix in site_languages()]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real production site, built once per test run as scripts/build.sh builds it:
    mkdocs build --strict, then the handout PDFs, then the offline zip (in their own
    processes: Playwright's sync API cannot run inside the browser tests' event loop)."""
    if os.environ.get("GUIDE_SITE") and os.environ.get("CI") != "true":   # a site you built, to try a test quickly
        return Path(os.environ["GUIDE_SITE"])
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    for step in ("search-index", "slim-css", "theme-html", "qr", "handouts", "offline"):
        result = subprocess.run([sys.executable, "-m", "guide", step, "--site", str(out)],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{step} failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")


# --- the browser tier -------------------------------------------------------------

def require(path: str | None, package: str) -> str:
    """A tool the tests need: its path. Missing: an error in CI, a skip elsewhere, each
    saying what to install."""
    if path:
        return path
    message = f"{package} is not installed: run scripts/test.sh as root, or `sudo apt-get install {package}`"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def chromium_path() -> str:
    return require(chromium.path(), "chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (Playwright cannot download one here)."""
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": chromium.FLAGS}


@pytest.fixture(scope="session")
def base_url(site):
    """The built site, served over HTTP on 127.0.0.1."""
    server, url = chromium.serve(site)
    yield url
    server.shutdown()


PREFIXES = [prefix for _, prefix in site_languages()]   # for parametrize: every language, none by hand


def sample_search(prefix: str) -> tuple[str, str]:
    """A search in one language: its first journey of tests/search_journeys.yml, as (what
    the reader types, the page that answers it, e.g. 'es/sponsors-and-home-groups/', its prefix included)."""
    from guide.search_ranking import load_journeys

    journey = load_journeys()[prefix][0]
    page = journey["page"]
    return journey["query"], page if isinstance(page, str) else page[0]


PHONE = {"width": 360, "height": 740}   # the phone every phone test reads on


@pytest.fixture
def phone(page):
    """The browser page at phone size."""
    page.set_viewport_size(PHONE)
    return page


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path: '', 'first-meeting/', 'es/', '404.html', …"""
    paths = ["" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return sorted(paths) + sorted(p.relative_to(site).as_posix() for p in site.rglob("404.html"))
