"""Check a built site (site/ by default): links, anchors, third-party requests, ids.

    guide check-site            # after `mkdocs build`
    guide check-site path/to/site

Checks, each reported as "file:line: problem":
  links       every internal href/src (content, navigation, footer, language switcher)
              points at a file that exists, and every #anchor at an id on that page;
  privacy     nothing is loaded from another origin (script, style, font, image, iframe,
              preload/prefetch, CSS url() and @import);
Exit status 1 when anything is wrong.
"""
from __future__ import annotations

import argparse
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that make the browser fetch something, by tag. (<a href> only navigates.)
LOADING = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "audio": ("src",), "video": ("src", "poster"),
    "source": ("src", "srcset"), "track": ("src",), "input": ("src",), "image": ("href",),
    "use": ("href",),
}
LOADING_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "shortcut",
                "apple-touch-icon", "manifest", "preconnect", "dns-prefetch", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
SKIP_SCHEMES = ("mailto:", "tel:", "sms:", "data:", "javascript:", "blob:")


class _Collector(HTMLParser):
    """Collects ids and (line, tag, attribute, url, loads) for one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str, str, bool]] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        rels = set((attrs.get("rel") or "").lower().split())
        for attr in ("href", "src", "srcset", "data", "poster", "xlink:href"):
            value = attrs.get(attr)
            if not value:
                continue
            loads = attr in LOADING.get(tag, ()) or (tag == "link" and bool(rels & LOADING_RELS))
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if attr == "srcset" else [value]
            self.refs += [(line, tag, attr, url, loads) for url in urls if url]
        for url in _css_urls(attrs.get("style") or ""):
            self.refs.append((line, tag, "style", url, True))
        self._style = tag == "style"

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            for url in _css_urls(data):
                self.refs.append((self.getpos()[0], "style", "url()", url, True))


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def _is_external(url: str) -> bool:
    return url.startswith("//") or bool(re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I))


@lru_cache(maxsize=None)
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def _target(site: Path, page: Path, url: str) -> tuple[Path | None, str]:
    """The file an internal URL points at (None if it does not exist) and its fragment."""
    base = "/" + page.relative_to(site).as_posix()
    parts = urlsplit(urljoin(base, url))
    path = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return (path if path.is_file() else None), unquote(parts.fragment)


def check_links(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site)
        for line, tag, attr, url, _ in _parse(page).refs:
            if url.startswith(SKIP_SCHEMES) or _is_external(url):
                continue
            target, fragment = _target(site, page, url)
            if target is None:
                problems.append(f"{name}:{line}: broken link <{tag} {attr}=\"{url}\">: no such file")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                problems.append(f"{name}:{line}: broken anchor <{tag} {attr}=\"{url}\">: "
                                f"{target.relative_to(site)} has no id \"{fragment}\"")
    return problems


def check_privacy(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        for line, tag, attr, url, loads in _parse(page).refs:
            if loads and _is_external(url):
                problems.append(f"{page.relative_to(site)}:{line}: loads from another origin: <{tag} {attr}=\"{url}\">")
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for match in CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _is_external(url):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{sheet.relative_to(site)}:{line}: CSS loads from another origin: {url}")
    return problems


def contract_pages(site: Path, contract: dict, prefixes: list[str]):
    """(address, built page file or None, what the contract wants, language prefix) for
    every page of a contract (path -> wants) in every language ('' for the default)."""
    for path, wants in contract.items():
        for prefix in prefixes:
            url = "/" + prefix + path.lstrip("/")
            page = site / url.lstrip("/") / "index.html"
            yield url, page if page.is_file() else None, wants, prefix


def check_contract(site: Path, contract: dict[str, list[str]], prefixes: list[str]) -> list[str]:
    """Every contracted path and id exists under every language prefix ('' for English)."""
    problems = []
    for url, page, ids, _ in contract_pages(site, contract, prefixes):
        if page is None:
            problems.append(f"{url}: the page is gone (promised in the link contract)")
            continue
        missing = [i for i in ids if i not in _parse(page).ids]
        if missing:
            problems.append(f"{url}: no section id {', '.join(missing)} (promised in the link contract)")
    return problems


def register(commands) -> None:
    parser = commands.add_parser("check-site", help="check a built site: links, anchors, requests to other sites", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="built site folder (default: site)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site} holds no built site: run `mkdocs build` first")
    problems = check_links(args.site) + check_privacy(args.site)
    print("\n".join(problems) or f"{args.site}: all links, anchors and resources are fine")
    return 1 if problems else 0

