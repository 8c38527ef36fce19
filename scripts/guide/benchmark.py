"""Build-speed benchmark (not a test): how the build grows with pages and languages.

    guide benchmark [--repeat 3]

Builds the real site, then the same site with every page copied once more (twice the
pages), and prints the HTML build time per page per language for each, then the time of
each production step (search split, headers, handout PDFs, offline zip) on the real site.
Goal: linear in pages and languages, at most 50 ms per page per language for the HTML.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .pages import ROOT, site_languages

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def project_copy(dest: Path, copies: int) -> int:
    """A copy of the project whose docs hold `copies` copies of every page; returns pages per language."""
    for part in ("mkdocs.yml", "overrides", "scripts"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("node_modules"))
        else:
            shutil.copy2(src, dest / part)
    shutil.copytree(ROOT / "docs", dest / "docs")
    for locale, _ in site_languages():
        originals = sorted((dest / "docs" / locale).glob("*.md"))
        for n in range(1, copies):
            for page in originals:
                text = page.read_text(encoding="utf-8").replace("<!-- glossary -->", "").replace("<!-- helplines -->", "")
                (page.parent / f"{page.stem}-copy{n}.md").write_text(text, encoding="utf-8")
    return len(list((dest / "docs" / site_languages()[0][0]).rglob("*.md")))


def html_build(project: Path, site: Path, repeat: int) -> float:
    # Not --strict: the extra pages are not in the navigation (a warning, not a failure here).
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return statistics.median(timed(command, project) for _ in range(repeat))


def register(commands) -> None:
    parser = commands.add_parser("benchmark", help="time the build (not a test)", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="builds per measurement (median)")
    parser.set_defaults(run=run)


def run(args) -> int:
    langs = len(site_languages())
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, 2):
            project = Path(tmp) / f"x{copies}"
            project.mkdir()
            pages = project_copy(project, copies)
            seconds = html_build(project, project / "site", args.repeat)
            print(f"HTML: {pages} pages x {langs} languages in {seconds:.2f} s = "
                  f"{seconds / (pages * langs) * 1000:.1f} ms per page per language")
        site = Path(tmp) / "x1" / "site"
        for step in ("search-index", "headers", "handouts", "offline"):
            seconds = timed([sys.executable, "-m", "guide", step, "--site", str(site)], ROOT)
            print(f"{step}: {seconds:.2f} s")
    return 0

