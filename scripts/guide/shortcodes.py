"""Markdown that the build puts in place of a page's shortcodes.

A shortcode is an HTML comment alone on a line, such as <!-- glossary -->. Each one is
rendered from a data file in the page's language; an unknown one stops the build.
Slots (<!-- handouts -->, <!-- offline -->) stay as they are: the template fills them
in (overrides/partials/slots.html), because their links differ online and offline.
"""
from __future__ import annotations


def glossary(lang: str, extra: dict, src: str) -> str:
    parts = []
    for entry in sorted(extra["glossary"], key=lambda e: e[lang]["term"].casefold()):
        text = entry[lang]
        parts.append(f"### {text['term']} {{#{entry['id']}}}\n\n{text['definition'].strip()}\n")
    return "\n".join(parts)


def _line(line: dict, lang: str, ui: dict) -> str:
    rows = []
    if line.get("call"):
        rows.append(f"- {ui['call']}: [{line['call']}](tel:{line['tel']})")
    if line.get("text"):
        rows.append(f"- {ui['text']}: [{line['text']}](sms:{line['text']})")
    if line.get("tty"):
        rows.append(f"- TTY: [{line['tty']}](tel:{line['tty_tel']})")
    rows += [
        f"- {ui['hours']}: {line['hours'][lang]}",
        f"- {ui['languages']}: {line['languages'][lang]}",
        f"- {ui['source']}: <{line['source']}> ({ui['checked']} {line['checked'].isoformat()})",
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
    """The help lines of the urgent-help box for this language, as a short list."""
    ui = extra["ui"]
    rows = []
    for country, line in extra["urgent"][lang]:
        how = f"{ui['call']} **{line['call']}**" if line.get("call") else f"{ui['text']} **{line['text']}**"
        rows.append(f"- **{line['name'][lang]}** ({country['name'][lang]}): {how}. {line['for'][lang]}")
    return "\n".join(rows) + f"\n\n{ui['urgent_outside']}\n"


def _relative(src: str, target: str) -> str:
    """A link from page `src` (e.g. handouts/first-meeting.md) to `target` (a .md path)."""
    return "../" * src.count("/") + target


def suicide_box(lang: str, extra: dict, src: str) -> str:
    """The short suicide box: warning signs, what to do, and the crisis lines of the
    language's default countries (docs/data/safety.yml + docs/data/helplines.yml)."""
    ui, box = extra["ui"], extra["safety"]["suicide_box"]
    rows = []
    for country, line in extra["crisis"][lang]:
        ways = []
        if line.get("call"):
            ways.append(f"[{ui['call']} {line['call']}](tel:{line['tel']})")
        if line.get("text"):
            ways.append(f"[{ui['text']} {line['text']}](sms:{line['text']})")
        rows.append(f"    - **{line['name'][lang]}** ({country['name'][lang]}): " + " · ".join(ways))
    body = "\n".join(rows)
    more = _relative(src, "get-help-now.md#suicide")
    return (f'!!! danger "{box["title"][lang]}"\n\n    {box["text"][lang].strip()}\n\n'
            f"{body}\n\n    [{box['more'][lang]}]({more})\n")


def slot(name: str):
    return lambda lang, extra, src: f"<!-- {name} -->"


RENDERERS = {"glossary": glossary, "helplines": helplines, "urgent-lines": urgent_lines,
             "suicide-box": suicide_box,
             "handouts": slot("handouts"), "offline": slot("offline")}
NAMES = sorted(RENDERERS)


def render(name: str, lang: str, extra: dict, src: str) -> str:
    """Markdown for one shortcode. KeyError for an unknown name."""
    return RENDERERS[name](lang, extra, src)
