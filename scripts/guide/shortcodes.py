"""Markdown that the build puts in place of a page's shortcodes.

A shortcode is an HTML comment alone on a line, such as <!-- glossary -->. Each one is
rendered from a data file in the page's language; an unknown one stops the build.
Slots (<!-- handouts -->, <!-- offline -->) stay as they are: the template fills them
in (overrides/partials/slots.html), because their links differ online and offline.
<!-- full-addresses --> stays too: the build shows the full published address of each
link of the list that follows it (build_checks.show_full_addresses).
"""
from __future__ import annotations

import re
import unicodedata


def sort_key(term: str, articles: list[str]) -> str:
    """How a reader of the language looks a term up: quotation marks, a leading article
    («El Libro Grande» under L, «العائلة» under ع) and accents ignored («Límites» before
    «Los…»); Vietnamese đ after d, Arabic hamza forms with their alef."""
    plain = unicodedata.normalize("NFD", term.casefold().replace("đ", "d\uffff"))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"^[\W_]+", "", plain)
    first, _, rest = plain.partition(" ")
    plain = (rest if first in articles and rest else plain).lstrip("\"'«“ ")
    attached = next((a for a in articles if a.endswith("-") and plain.startswith(a[:-1])), None)
    return plain[len(attached) - 1:] if attached and len(plain) > len(attached) else plain


def glossary(lang: str, extra: dict, src: str) -> str:
    """Every term as a section (h2, under the page's h1), in the language's order. A
    language with `glossary_order: english` (Chinese: no alphabet, and readers look up
    the English words they hear at meetings, which each term carries) keeps the order
    of the English terms."""
    articles = extra["ui"].get("glossary_articles", [])
    order = lang if extra["ui"].get("glossary_order") != "english" else "en"
    parts = []
    for entry in sorted(extra["glossary"], key=lambda e: sort_key(e[order]["term"], articles if order == lang else [])):
        text = entry[lang]
        parts.append(f"## {text['term']} {{#{entry['id']}}}\n\n{text['definition'].strip()}\n")
    return "\n".join(parts)


def format_date(date, ui: dict) -> str:
    """A date as the language writes it: "November 27, 2026", «27 de noviembre de 2026»."""
    return ui["date_format"].format(day=date.day, month=ui["months"][date.month - 1], year=date.year)


def ltr(number: str) -> str:
    """A number isolated left to right: its digits never reorder inside Arabic text."""
    return f'<bdi dir="ltr">{number}</bdi>'


def _call(line: dict, lang: str, ui: dict) -> str:
    """'Call 988 · Text 988' as tap-to-call Markdown links."""
    ways = []
    if line.get("call"):
        ways.append(f"[{ui['call']} {ltr(line['call'])}](tel:{line['tel']})")
    if line.get("text"):
        ways.append(f"[{ui['text']} {ltr(line['text'])}](sms:{line['text']})")
    return " · ".join(ways)


def sentences(*texts: str) -> str:
    """Sentences one after another: a space between them, none after Chinese 。"""
    out = ""
    for text in filter(None, texts):
        out += ("" if not out or out.endswith(("。", "！", "？")) else " ") + text
    return out


def _line(line: dict, lang: str, ui: dict) -> str:
    rows = [f"- {_call(line, lang, ui)}"]
    if line.get("tty"):
        rows.append(f"- TTY: [{ltr(line['tty'])}](tel:{line['tty_tel']})")
    rows += [
        f"- {ui['hours']}: {line['hours'][lang]}",
        f"- {ui['languages']}: " + sentences(line["languages"][lang], ui["interpreter"] if line.get("interpreters") else ""),
        f"- {ui['source']}: <{line['source']}> ({ui['checked']} {format_date(line['checked'], ui)})",
    ]
    return f"### {line['name'][lang]} {{#{line['id']}}}\n\n{line['for'][lang]}\n\n" + "\n".join(rows) + "\n"


def helplines(lang: str, extra: dict, src: str) -> str:
    ui = extra["ui"]
    parts = []
    for country in extra["helplines"]:
        parts.append(f"## {country['name'][lang]} {{#{country['id']}}}\n")
        parts += [_line(line, lang, ui) for line in country["lines"]]
    return "\n".join(parts)


def urgent_lines(lang: str, extra: dict, src: str) -> str:
    """The emergency and crisis lines of the language's default countries, one row each
    (for the handouts, where paper has room for no more)."""
    ui = extra["ui"]
    rows = [f"- **{country['name'][lang]}:** " + "; ".join(f"{line['name'][lang]}: {_call(line, lang, ui)}" for line in lines)
            for country, lines in extra["urgent"][lang]]
    # In a block of its own: after a numbered list (the overdose steps), Markdown would
    # otherwise number these rows on as steps 7, 8, 9.
    return '<div class="guide-urgent-lines" markdown>\n\n' + "\n".join(rows) + f"\n\n</div>\n\n{ui['urgent_outside']}\n"


def _relative(src: str, target: str) -> str:
    """A link from page `src` (e.g. handouts/first-meeting.md) to `target` (a .md path)."""
    return "../" * src.count("/") + target


def suicide_box(lang: str, extra: dict, src: str) -> str:
    """The short suicide box: warning signs, what to do, and the crisis lines of the
    language's default countries (docs/data/safety.yml + docs/data/helplines.yml)."""
    ui, box = extra["ui"], extra["safety"]["suicide_box"]
    body = "\n".join(f"    - **{line['name'][lang]}** ({country['name'][lang]}): {_call(line, lang, ui)}"
                     for country, lines in extra["urgent"][lang] for line in lines if line["kind"] == "crisis")
    more = _relative(src, "get-help-now.md#suicide")
    return (f'!!! danger guide-suicide "{box["title"][lang]}"\n\n    {box["text"][lang].strip()}\n\n'
            f"{body}\n\n    [{box['more'][lang]}]({more})\n")


def search_box(lang: str, extra: dict, src: str) -> str:
    """The home page's search box: a plain form that reloads the page with ?q=, which
    the theme's search opens with (guide.js opens it in place when scripts run)."""
    ui = extra["ui"]
    return ('<form class="guide-search-box" role="search" method="get">\n'
            f'<label for="guide-q">{ui["search_label"]}</label>\n'
            '<span class="guide-search-box__row"><input id="guide-q" name="q" type="search" '
            'enterkeyhint="search" spellcheck="false">'
            f'<button type="submit">{ui["search_button"]}</button></span>\n</form>\n')


def slot(name: str):
    return lambda lang, extra, src: f"<!-- {name} -->"


RENDERERS = {"glossary": glossary, "helplines": helplines, "urgent-lines": urgent_lines,
             "full-addresses": slot("full-addresses"),
             "suicide-box": suicide_box, "search-box": search_box,
             "handouts": slot("handouts"), "offline": slot("offline")}
NAMES = sorted(RENDERERS)


def render(name: str, lang: str, extra: dict, src: str) -> str:
    """Markdown for one shortcode. KeyError for an unknown name."""
    return RENDERERS[name](lang, extra, src)
