"""Debian's Chromium, driven by Playwright: one place for the scripts and the tests."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

FLAGS = [
    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
    # Chromium phones home at start-up; this machine (and a reader's privacy) wants none of it.
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]


NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def path() -> str | None:
    """Debian's Chromium (or another Chromium-based browser on the PATH, e.g. on CI hosts)."""
    return next((found for found in map(shutil.which, NAMES) if found), None)


def launch(playwright):
    executable = path()
    if not executable:
        raise SystemExit("Chromium is not installed: run scripts/setup.sh --browser (or apt-get install chromium)")
    return playwright.chromium.launch(executable_path=executable, args=FLAGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path, handler=_QuietHandler):
    """Serve a folder on 127.0.0.1 (a free port) in a background thread: (server, base URL)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
