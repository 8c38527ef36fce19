"""Lighthouse scores on a phone: the home page and the first-meeting page of every
language, served by nginx exactly as in production (headers, brotli, gzip).

    guide lighthouse --site site [--runs 3] [--path first-meeting/ ...] [--cpu-slowdown 4]

Runs the Lighthouse pinned in scripts/package-lock.json (installed by scripts/setup.sh
--browser) with Debian's Chromium: mobile, simulated throttling (Lighthouse's default).
Prints performance, accessibility, best practices and SEO per page, each the median of
--runs runs, and the audits that cost points. Exits with 1 if any score is below 100.
Performance depends on this machine's speed (Lighthouse prints its benchmark index);
the other three do not. Not part of the tests for that reason.

Lighthouse slows the CPU down 4 times, which makes a high-end desktop (benchmark index
1500-2000) behave like a mid-tier phone. Its documentation (docs/throttling.md,
"Calibrating the CPU slowdown") suggests 2 times on a low-end desktop (1000-1500) for
the same phone: --cpu-slowdown says which, and the output names the one used.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from . import chromium
from .headers import serve_with_nginx
from .options import add_site
from .pages import ROOT, site_languages

LIGHTHOUSE = ROOT / "scripts" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_once(url: str, out: Path, cpu_slowdown: float) -> dict:
    """One Lighthouse run. Lighthouse sometimes loses the trace of a load (NO_NAVSTART, with
    "Please run Lighthouse again"): a failed run is tried once more."""
    flags = " ".join(["--headless=new", *chromium.FLAGS])
    command = [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={flags}", "--output=json",
               f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:g}",
               f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}"]
    env = {**os.environ, "CHROME_PATH": chromium.path() or ""}
    if subprocess.run(command, env=env).returncode:
        print(f"Lighthouse failed on {url}; trying once more")
        subprocess.run(command, check=True, env=env)
    return json.loads(out.read_text(encoding="utf-8"))


def losses(report: dict) -> list[str]:
    """The audits that cost points, with what Lighthouse says of them."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{category}: {ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".rstrip())
    return found


def measure(site: Path, paths: list[str], runs: int,
            cpu_slowdown: float) -> list[tuple[str, dict[str, int], list[str], float]]:
    results = []
    with serve_with_nginx(site) as base, tempfile.TemporaryDirectory() as tmp:
        for _, prefix in site_languages():
            for path in paths:
                reports = [run_once(base + prefix + path, Path(tmp) / f"{n}.json", cpu_slowdown) for n in range(runs)]
                scores = {c: round(100 * statistics.median(r["categories"][c]["score"] for r in reports))
                          for c in CATEGORIES}
                middle = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
                results.append((f"/{prefix}{path}", scores, losses(middle), middle["environment"]["benchmarkIndex"]))
    return results


def register(commands) -> None:
    parser = commands.add_parser("lighthouse", help="Lighthouse scores on a phone, home and first meeting, every language",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts (default 3)")
    parser.add_argument("--path", action="append", help="a page path to measure (default: '' and first-meeting/)")
    parser.add_argument("--cpu-slowdown", type=float, default=4,
                        help="how many times Lighthouse slows the CPU (default 4, Lighthouse's own; see above)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run scripts/setup.sh --browser")
    results = measure(args.site, args.path or ["", "first-meeting/"], args.runs, args.cpu_slowdown)
    print(f"phone, simulated throttling, CPU slowed down {args.cpu_slowdown:g} times; median of {args.runs} runs")
    print(f"{'page':28} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for page, scores, lost, benchmark in results:
        print(f"{page:28} " + " ".join(f"{scores[c]:>5}" for c in CATEGORIES) + f"   (benchmark index {benchmark:.0f})")
        for line in lost:
            print(f"    {line}")
    return 0 if all(min(scores.values()) == 100 for _, scores, _, _ in results) else 1
