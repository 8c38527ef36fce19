"""Build the offline edition: the whole site, every language, in one zip that works
from file:// with no internet (navigation, language menu, search, handout PDFs).

    guide offline [--site site]

Run after `mkdocs build` and `guide handouts`. Builds the site again with
OFFLINE=true (Material's offline plugin: .html links, search without a server, our copy
of the worker shim), slims the theme's stylesheet as the online site's, adds the handout PDFs, and writes
<site>/downloads/12-step-recovery-guide-offline.zip (a folder 12-step-recovery-guide/ inside).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from .pages import ROOT
from .qr_codes import copy_for_offline
from .slim_css import slim_site
from .theme_html import mend_site
from .options import add_site

ZIP_NAME = "12-step-recovery-guide-offline.zip"
FOLDER = "12-step-recovery-guide"


def build_offline(site: Path, out_zip: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / FOLDER
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        # --strict without --quiet: --quiet hides the warnings that --strict counts
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "-f", str(ROOT / "mkdocs.yml"), "-d", str(offline)],
                                env=env, cwd=ROOT, capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(f"the offline build failed:\n{result.stdout}{result.stderr}")
        slim_site(offline)
        mend_site(offline)
        copy_for_offline(site, offline)
        for pdf in site.rglob("handouts/*.pdf"):
            target = offline / pdf.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pdf, target)
        out_zip.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(offline.rglob("*")):
                if path.is_file() and not path.name.endswith(".map"):
                    archive.write(path, path.relative_to(offline.parent).as_posix())
    return out_zip


def register(commands) -> None:
    parser = commands.add_parser("offline", help="build the offline edition (zip)", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    start = time.perf_counter()
    out = build_offline(args.site, args.site / "downloads" / ZIP_NAME)
    print(f"{out.relative_to(args.site)}: {out.stat().st_size / 1024 / 1024:.1f} MB in {time.perf_counter() - start:.1f} s")
    return 0

