"""What the build checks and rewrites, page by page: called by the MkDocs hook
(overrides/hooks/mkdocs_hooks.py), which only wires these functions to MkDocs' events.

Plain functions over paths, text and dicts, so another engine could call them too.
Each problem raises BuildError with a message naming the file (and line) and saying
what to fix, in words a content editor understands.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from collections import Counter
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import urljoin

import segno

from . import data, shortcodes
from .pages import read_page

SHORTCODE = re.compile(r"^<!--\s*([a-z-]+)\s*-->\s*$", re.M)


class BuildError(Exception):
    """The build must stop. The message names the file and says what to fix."""


def check_every_page_translated(docs: Path, langs: list[str]) -> None:
    by_lang = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in langs}
    everything = set().union(*by_lang.values())
    missing = [f"docs/{lang}/{page}" for lang in langs for page in sorted(everything - by_lang[lang])]
    if missing:
        raise BuildError("These pages are missing (every page must exist in every language; "
                         "copy the English page and translate it):\n  " + "\n  ".join(missing))


def load_data(langs: list[str], docs: Path) -> dict:
    """Everything the templates and shortcodes read from docs/data/, checked."""
    folder = docs / "data"
    try:
        helplines = data.load_helplines(langs, folder / "helplines.yml")
        defaults = data.default_countries(langs, folder / "helplines.yml")
        box = {country["id"]: (country, data.box_lines(country)) for country in helplines}
        return {
            "helplines": helplines,
            # the urgent-help box: every country's emergency and crisis lines, for the
            # country picker; `urgent` the language's default countries, which show first
            "box": list(box.values()),
            "default_countries": defaults,
            "urgent": {lang: [box[cid] for cid in defaults[lang]] for lang in langs},
            "safety": data.load_safety(langs, folder / "safety.yml"),
            "search_words": data.load_search_words(langs, folder / "search.yml"),
            "glossary": data.load_glossary(langs, folder / "glossary.yml"),
            "handouts": data.load_handouts(langs, docs, folder / "handouts.yml"),
        }
    except data.DataError as err:
        raise BuildError(str(err)) from None


def warn_review_due(docs: Path, langs: list[str]) -> None:
    """Print what is overdue for review (`guide review`): a warning, never a stop, so an
    urgent fix can always be published. Printed, not logged: a strict build stops on logs."""
    from . import review
    for item in review.due_items(dt.date.today(), 0, docs, langs):
        if item.what != "translation":   # an outdated translation is the tests' to stop
            print(f"Review due: {item.where}: {item.what} ({item.detail})", file=sys.stderr)


def check_front_matter(source: Path, name: str, meta: dict) -> None:
    """`meta` is the front matter as the engine read it; `source` the Markdown file."""
    # MkDocs silently ignores front matter that is not valid YAML: say so instead.
    unreadable = read_page(source).errors
    if unreadable:
        raise BuildError(f"{name}:1: {unreadable[0]}. Put quotes around a value that "
                         "contains ': ' or starts with a special character.")
    problems = [f"'{key}' is missing or empty" for key in ("title", "description") if not str(meta.get(key) or "").strip()]
    reviewed = meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        problems.append("'reviewed' must be the date the page was last checked, written YYYY-MM-DD"
                        + (f" (found {reviewed!r})" if reviewed is not None else ""))
    if problems:
        raise BuildError(f"{name}:1: front matter: " + "; ".join(problems))


def expand_shortcodes(markdown: str, lang: str, extra: dict, src_uri: str, source: Path, name: str) -> str:
    """Put each shortcode's Markdown in its place; an unknown shortcode stops the build.
    `src_uri` is the page's path inside its language folder (handouts/first-meeting.md)."""
    def expand(match):
        try:
            return shortcodes.render(match.group(1), lang, extra, src_uri)
        except KeyError:
            text = source.read_text(encoding="utf-8")
            line = text.count("\n", 0, text.find(match.group(0))) + 1
            raise BuildError(f"{name}:{line}: unknown shortcode '{match.group(0).strip()}'. "
                             f"Known: {', '.join(shortcodes.NAMES)}") from None

    return SHORTCODE.sub(expand, markdown)


def check_unique_ids(html: str, name: str) -> None:
    twice = [i for i, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]
    if twice:
        raise BuildError(f"{name}: these ids are used more than once on the page, "
                         f"so links to them are ambiguous: {', '.join(twice)}")


def mark_outbound_links(html: str) -> str:
    """Links to other sites get rel="noopener noreferrer": they learn nothing of where the
    reader came from. A link whose text is its own address gets class="guide-bare", so
    that print does not add the address a second time (guide.css; FINDINGS R)."""
    html = re.sub(r'<a href="(https?://[^"]+)"(?![^>]*\srel=)', r'<a href="\1" rel="noopener noreferrer"', html)

    def bare(match):
        href, rest, text = match.groups()
        if text.strip() == href or text.strip() == html_unescape(href):
            return f'<a class="guide-bare" href="{href}"{rest}>{text}</a>'
        return match.group(0)
    return re.sub(r'<a href="(https?://[^"]+)"([^>]*)>([^<]*)</a>', bare, html)


def localise_headerlinks(html: str, english: str, title: str) -> str:
    """The heading links' tooltip in the page's language (Markdown's toc extension has
    one title for every language), and a name that says which section they link to,
    "Link to this section: Your plan", in place of "¶" (WCAG 2.4.4, FINDINGS §A 13)."""
    pattern = r'(<h[1-6][^>]*>)((?:(?!</h[1-6]>).)*?)(<a class="headerlink" href="[^"]*") title="' + re.escape(english) + '"'

    def one(match):
        heading = re.sub(r"<[^>]+>", "", match.group(2)).strip().replace('"', "&quot;")
        return f'{match.group(1)}{match.group(2)}{match.group(3)} title="{title}" aria-label="{title}: {heading}"'
    return re.sub(pattern, one, html, flags=re.S)


FULL_ADDRESSES = re.compile(r"<!-- full-addresses -->\s*(<ul>.*?</ul>)", re.S)


def published_address(href: str, page_address: str) -> str:
    """A link of a page, as the published address a reader can type: absolute, directory
    style even in the offline edition (families.html -> families/)."""
    address = urljoin(page_address, href)
    path, _, fragment = address.partition("#")
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    path = re.sub(r"\.html$", "/", path)
    return path + (f"#{fragment}" if fragment else "")


def show_full_addresses(html: str, page_address: str, qr: bool) -> str:
    """After each link of a list marked <!-- full-addresses -->: its full published address,
    selectable (and copied by the Copy button guide.js adds); with `qr`, on a printed
    handout, a QR code of it too. `page_address`: the page's published address."""
    def one_list(match):
        def one_link(link):
            address = published_address(link.group(1), page_address)
            code = f'<br><code class="guide-address" dir="ltr">{address}</code>'
            if qr:
                code += segno.make(address, error="m").svg_inline(
                    scale=2, border=1, omitsize=True, svgclass="guide-address-qr").replace(
                    "<svg ", f'<svg role="img" aria-label="QR: {address}" ', 1)
            return link.group(0) + code
        return re.sub(r'<a href="([^"]+)"[^>]*>.*?</a>', one_link, match.group(1), flags=re.S)

    return FULL_ADDRESSES.sub(one_list, html)


def keep_404_per_language(site: Path, lang: str, default: str, last: str) -> None:
    """mkdocs-static-i18n builds every language into one folder, so each build's
    404.html overwrites the last. Move each language's 404 page to its own folder,
    and put the default language's back at the root. Called after each language's build."""
    saved = site / ".404-default.html"
    if lang == default:
        shutil.copy2(site / "404.html", saved)
    elif saved.is_file():
        (site / lang).mkdir(exist_ok=True)
        shutil.move(site / "404.html", site / lang / "404.html")
        shutil.copy2(saved, site / "404.html")
        if lang == last:
            saved.unlink()
