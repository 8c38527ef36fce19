"""MkDocs hook for the guide: wiring only. Each event calls the guide package
(scripts/guide/build_checks.py), where the logic lives, so it can move to another
engine one day; an error there becomes a build-stopping PluginError naming the file.

- on_config: every page exists in every language; data files loaded and checked; what
  is overdue for review printed as a warning (never a stop);
  offline, our copy of the iframe-worker shim instead of Material's CDN one.
- on_page_markdown: front matter checked; shortcodes (<!-- glossary -->, ...) expanded.
- on_page_content: no id used twice on a page; heading links' tooltip in the page's
  language; outbound links get rel="noopener noreferrer".
- on_post_build: each language keeps its own 404 page.
"""
from __future__ import annotations

from pathlib import Path

from guide import build_checks
from mkdocs.exceptions import PluginError


def _languages(config) -> list[str]:
    return [lang.locale for lang in config.plugins["i18n"].config.languages if lang.build]


def _name(page) -> str:
    return f"docs/{page.file.src_uri}"


def _stop_on_error(event):
    def wrapped(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except build_checks.BuildError as err:
            raise PluginError(str(err)) from None
    return wrapped


@_stop_on_error
def on_config(config):
    langs = _languages(config)
    build_checks.check_every_page_translated(Path(config.docs_dir), langs)
    config.extra.update(build_checks.load_data(langs, Path(config.docs_dir)))
    build_checks.warn_review_due(Path(config.docs_dir), langs)
    if config.extra.get("offline"):
        # Material's offline plugin loads its file:// worker shim from a CDN, which fails
        # with no internet (and would be a third-party request): use the vendored copy.
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
        config.extra["polyfills"] = polyfills + ["assets/javascripts/iframe-worker-shim.js"]
    return config


@_stop_on_error
def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path)
    build_checks.check_front_matter(source, _name(page), page.meta)
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    inside = page.file.src_uri.split("/", 1)[-1]  # the path inside docs/<lang>/, e.g. handouts/first-meeting.md
    return build_checks.expand_shortcodes(markdown, lang, config.extra, inside, source, _name(page))


@_stop_on_error
def on_page_content(html, page, config, files):
    build_checks.check_unique_ids(html, _name(page))
    english = config.mdx_configs["toc"]["permalink_title"]
    html = build_checks.localise_headerlinks(html, english, config.extra["ui"]["permalink_title"])
    published = config.site_url + page.url if config.use_directory_urls else config.site_url + page.file.dest_uri
    html = build_checks.show_full_addresses(html, published, qr=page.meta.get("template") == "handout.html")
    return build_checks.mark_outbound_links(html)


def on_post_build(config):
    languages = config.plugins["i18n"].config.languages
    default = next(language.locale for language in languages if language.default)
    last = [language.locale for language in languages if language.build][-1]
    build_checks.keep_404_per_language(Path(config.site_dir), config.theme["language"], default, last)
