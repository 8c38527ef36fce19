"""Check every page of a built site with the Nu HTML Checker (the W3C validator's engine).

    guide validate-html --site site [--site offline-folder ...]

Prints each error as `page:line: message` and exits with 1 if there is any. Runs the
checker pinned in scripts/package-lock.json (npm's vnu-jar) with Debian's Java, both
installed by scripts/setup.sh --browser. Nothing is filtered out: every error counts,
the theme's included (`guide theme-html` mends those after the build).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import ROOT

VNU_JAR = ROOT / "scripts" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str | None:
    return shutil.which("java")


def validate(*folders: Path) -> list[str]:
    """Every error in the HTML files under the folders, as 'page:line: message' with the
    page's path relative to its folder."""
    if not java():
        raise SystemExit("Java is not installed: run scripts/setup.sh --browser (or apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        raise SystemExit(f"The HTML checker is missing ({VNU_JAR}): run scripts/setup.sh --browser")
    result = subprocess.run([java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html",
                             *map(str, folders)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = []
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        for folder in folders:
            if path.is_relative_to(folder.resolve()):
                path = path.relative_to(folder.resolve())
                break
        errors.append(f"{path}:{message.get('lastLine', '?')}: {message['message']}")
    return sorted(errors)


def register(commands) -> None:
    parser = commands.add_parser("validate-html", help="check every built page with the Nu HTML Checker",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, action="append", required=True,
                        help="a built site or offline folder (may be given more than once)")
    parser.set_defaults(run=run)


def run(args) -> int:
    errors = validate(*args.site)
    print("\n".join(errors) if errors else "no errors")
    return 1 if errors else 0
