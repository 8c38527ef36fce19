"""The safety contract: what a reader in danger must find on a built page, in every
language (tests/safety_contract.yml lists it per page). Called by the tests and by
`guide check-site --safety tests/safety_contract.yml`.

A page's entry names section ids, components and links:
  suicide-box     the suicide box (shortcode <!-- suicide-box -->) with a tap-to-call link
  exit-button     "Exit this page" (front matter `exit_button: true`)
  overdose-steps  numbered steps in the page's #overdose section
  help-box        the urgent-help box, with tap-to-call links and "If you used again"
  links           addresses the page's own text must link to (the help box's links aside),
                  e.g. after-rehab/#if-you-use-again
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from .site_checks import contract_pages


def _section(html: str, section_id: str) -> str:
    """The HTML from the heading with this id to the next heading of the same or a higher level."""
    match = re.search(rf'<h([1-6])[^>]*\sid="{re.escape(section_id)}"', html)
    if not match:
        return ""
    level = int(match.group(1))
    end = re.compile(rf"<h[1-{level}][\s>]").search(html, match.end())
    return html[match.start(): end.start() if end else len(html)]


COMPONENTS = {
    "suicide-box": lambda html: re.search(r'class="admonition danger guide-suicide"(?:(?!</div>\s*</div>).)*?href="(tel|sms):', html, re.S),
    "exit-button": lambda html: 'class="guide-exit"' in html,
    "overdose-steps": lambda html: "<ol>" in _section(html, "overdose"),
    "help-box": lambda html: all(re.search(rf'id="urgent-help"(?:(?!</aside>).)*{want}', html, re.S)
                                 for want in ('href="tel:', 'href="[^"]*#if-you-use-again"')),
}
HELP_BOX = re.compile(r'<aside class="guide-urgent".*?</aside>', re.S)


def _links(html: str, page_url: str) -> set[str]:
    """Every href of the page, as a site path with its #fragment (e.g. /es/after-rehab/#x)."""
    return {urljoin(page_url, href) for href in re.findall(r'href="([^"]+)"', HELP_BOX.sub("", html))}


def check_safety(site: Path, contract: dict, prefixes: list[str]) -> list[str]:
    """Problems as "<page> (<language prefix>): what is missing"."""
    problems = []
    for url, file, wants, prefix in contract_pages(site, contract, prefixes):
        if file is None:
            problems.append(f"{url}: the page is missing (the safety contract needs it)")
            continue
        html = file.read_text(encoding="utf-8")
        missing = [f"section #{i}" for i in wants.get("ids", []) if f' id="{i}"' not in html]
        missing += [name for name in wants.get("components", []) if not COMPONENTS[name](html)]
        links = _links(html, url)
        missing += [f"a link to /{prefix}{target}" for target in wants.get("links", [])
                    if "/" + prefix + target not in links]
        if missing:
            problems.append(f"{url}: missing {', '.join(missing)} (tests/safety_contract.yml)")
    return problems
