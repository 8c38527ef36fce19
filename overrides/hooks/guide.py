"""MkDocs hook for the guide: small functions, each doing one thing.

- on_config: every page exists in every language; load and check the data files;
  offline, use our copy of the iframe-worker shim instead of Material's CDN one.
- on_page_markdown: check front matter; expand shortcodes (<!-- glossary -->, ...).
- on_page_content: no id used twice on one page; links to other sites get
  rel="noopener noreferrer" (they learn nothing of where the reader came from).
- on_post_build: each language keeps its own 404 page (/404.html, /es/404.html).

Kept small on purpose: another engine may replace MkDocs one day. The data logic lives
in scripts/guide_data.py and the Markdown it renders in scripts/shortcodes.py, which the
scripts and tests use too. Every error names the file and says what to fix.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import guide_data  # noqa: E402
import pages  # noqa: E402
import shortcodes  # noqa: E402

SHORTCODE = re.compile(r"^<!--\s*([a-z-]+)\s*-->\s*$", re.M)


def languages(config) -> list[str]:
    i18n = config.plugins["i18n"].config
    return [lang.locale for lang in i18n.languages if lang.build]


def on_config(config):
    langs = languages(config)
    check_every_page_translated(Path(config.docs_dir), langs)
    try:
        config.extra["helplines"] = guide_data.load_helplines(langs)
        config.extra["urgent"] = {lang: guide_data.urgent_lines(config.extra["helplines"], lang) for lang in langs}
        defaults = guide_data.default_countries(langs)
        config.extra["crisis"] = {lang: guide_data.crisis_lines(config.extra["helplines"], defaults[lang]) for lang in langs}
        config.extra["safety"] = guide_data.load_safety(langs)
        config.extra["glossary"] = guide_data.load_glossary(langs)
        config.extra["handouts"] = guide_data.load_handouts(langs, Path(config.docs_dir))
    except guide_data.DataError as err:
        raise PluginError(str(err)) from None
    if config.extra.get("offline"):
        use_local_polyfills(config)
    return config


def use_local_polyfills(config) -> None:
    """Material's offline plugin loads its file:// worker shim from a CDN, which fails
    with no internet (and would be a third-party request): use the vendored copy."""
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
    config.extra["polyfills"] = polyfills + ["assets/javascripts/iframe-worker-shim.js"]


def check_every_page_translated(docs: Path, langs: list[str]) -> None:
    by_lang = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in langs}
    everything = set().union(*by_lang.values())
    missing = [f"docs/{lang}/{page}" for lang in langs for page in sorted(everything - by_lang[lang])]
    if missing:
        raise PluginError("These pages are missing (every page must exist in every language; "
                          "copy the English page and translate it):\n  " + "\n  ".join(missing))


def source_name(page) -> str:
    return f"docs/{page.file.src_uri}"


def check_front_matter(page) -> None:
    # MkDocs silently ignores front matter that is not valid YAML: say so instead.
    unreadable = pages.read_page(Path(page.file.abs_src_path)).errors
    if unreadable:
        raise PluginError(f"{source_name(page)}:1: {unreadable[0]}. Put quotes around a value that "
                          "contains ': ' or starts with a special character.")
    problems = [f"'{key}' is missing or empty" for key in ("title", "description") if not str(page.meta.get(key) or "").strip()]
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        problems.append("'reviewed' must be the date the page was last checked, written YYYY-MM-DD"
                        + (f" (found {reviewed!r})" if reviewed is not None else ""))
    if problems:
        raise PluginError(f"{source_name(page)}:1: front matter: " + "; ".join(problems))


def on_page_markdown(markdown, page, config, files):
    check_front_matter(page)
    lang = getattr(page.file, "locale", None) or config.theme["language"]

    def expand(match):
        try:
            return shortcodes.render(match.group(1), lang, config.extra, page.file.src_uri)
        except KeyError:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            line = source.count("\n", 0, source.find(match.group(0))) + 1
            raise PluginError(f"{source_name(page)}:{line}: unknown shortcode "
                              f"'{match.group(0).strip()}'. Known: {', '.join(shortcodes.NAMES)}") from None

    return SHORTCODE.sub(expand, markdown)


def on_page_content(html, page, config, files):
    twice = [i for i, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]
    if twice:
        raise PluginError(f"{source_name(page)}: these ids are used more than once on the page, "
                          f"so links to them are ambiguous: {', '.join(twice)}")
    return mark_outbound_links(html)


def mark_outbound_links(html: str) -> str:
    return re.sub(r'<a href="(https?://[^"]+)"(?![^>]*\srel=)', r'<a href="\1" rel="noopener noreferrer"', html)


def on_post_build(config):
    """mkdocs-static-i18n builds every language into one folder, so each build's
    404.html overwrites the last. Move each language's 404 page to its own folder,
    and put the default language's back at the root."""
    site = Path(config.site_dir)
    languages = config.plugins["i18n"].config.languages
    lang = config.theme["language"]
    default = next(language.locale for language in languages if language.default)
    saved = site / ".404-default.html"
    if lang == default:
        shutil.copy2(site / "404.html", saved)
    elif saved.is_file():
        (site / lang).mkdir(exist_ok=True)
        shutil.move(site / "404.html", site / lang / "404.html")
        shutil.copy2(saved, site / "404.html")
        if lang == [language.locale for language in languages if language.build][-1]:
            saved.unlink()
