"""The production build (scripts/build.sh, as the README and the publishing workflow run
it) cannot print an address that points nowhere, and stops on every warning."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, chromium_path, copy_project

PUBLISHED = "https://twelve-step-guide.test/"
REPORT_URL = "https://code.twelve-step-guide.test/guide/issues/new"
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]")


def run_build(project: Path, site: Path, site_url: str | None, *args: str,
              report_url: str | None = REPORT_URL) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "REPORT_URL", "REPORT_EMAIL")}
    if site_url is not None:
        env["SITE_URL"] = site_url
    if report_url is not None:
        env["REPORT_URL"] = report_url
    return subprocess.run(["bash", str(project / "scripts" / "build.sh"), *args, str(site)],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture(scope="module")
def production_project(tmp_path_factory) -> Path:
    """A copy of the project that shares this one's installed environment."""
    project = copy_project(tmp_path_factory.mktemp("production") / "project")
    (project / "requirements.txt").write_bytes((ROOT / "requirements.txt").read_bytes())
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "scripts" / "node_modules").symlink_to(ROOT / "scripts" / "node_modules")
    return project


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/", "http://localhost/", "https://guide.example.org/"])
def test_build_refuses_an_address_that_points_nowhere(site_url, tmp_path):
    result = run_build(ROOT, tmp_path / "site", site_url)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "SITE_URL" in result.stderr and "--local" in result.stderr
    assert not (tmp_path / "site").exists(), "nothing is built"


def test_build_refuses_without_a_way_to_report_an_error(tmp_path):
    result = run_build(ROOT, tmp_path / "site", PUBLISHED, report_url=None)
    assert result.returncode == 2 and "REPORT_URL" in result.stderr, result.stderr


@pytest.fixture(scope="module")
def production_site(production_project, tmp_path_factory) -> Path:
    chromium_path()
    site = tmp_path_factory.mktemp("published") / "site"
    result = run_build(production_project, site, PUBLISHED)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_production_build_has_no_loopback_address(production_site):
    found = []
    for path in production_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt", "") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(production_site)}: {m.group(0)}" for m in LOOPBACK.finditer(text)]
    for pdf in production_site.rglob("*.pdf"):
        reader = PdfReader(pdf)
        text = "".join(page.extract_text() or "" for page in reader.pages)
        uris = [annot.get_object().get("/A", {}).get("/URI", "") for page in reader.pages
                for annot in (page.get("/Annots") or [])]
        found += [f"{pdf.relative_to(production_site)}: {where}" for where in [text, *uris] if LOOPBACK.search(str(where))]
        assert any(str(uri).startswith(PUBLISHED) for uri in uris), f"{pdf.name}: no link to the published site"
    assert found == []
    assert PUBLISHED in (production_site / "sitemap.xml").read_text(encoding="utf-8")


def test_production_build_stops_on_a_broken_anchor(production_project, tmp_path):
    page = production_project / "docs" / "es" / "for-professionals.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[roto](first-meeting.md#no-existe)\n", encoding="utf-8")
    try:
        result = run_build(production_project, tmp_path / "site", PUBLISHED)
    finally:
        page.write_text(page.read_text(encoding="utf-8").replace("\n[roto](first-meeting.md#no-existe)\n", ""), encoding="utf-8")
    assert result.returncode != 0
    assert "for-professionals.md" in result.stderr and "no-existe" in result.stderr, result.stderr


def test_report_link_names_the_page_and_its_language(production_site):
    from urllib.parse import parse_qs, urlsplit
    html = (production_site / "es" / "families" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<p class="guide-report">\s*<a href="([^"]+)"', html).group(1).replace("&amp;", "&")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == REPORT_URL
    query = parse_qs(url.query)
    assert f"{PUBLISHED}es/families/" in query["body"][0] and "Idioma: es" in query["body"][0], query
    assert query["title"][0].startswith("Problema en la página: "), query
