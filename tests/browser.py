"""What a person meets in a real browser, as small checks the browser tests share.
Each returns a list of problems naming the page (empty when all is well)."""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_AXE = Axe()


def axe_violations(page, exclude: list[str] | None = None) -> list[str]:
    """axe-core's WCAG A/AA violations on the page, one line per failing element."""
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = _AXE.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{page.url}: {v['id']} ({v['impact']}): {v['help']}: {node['target']}"
            for v in results.response["violations"] for node in v["nodes"]]


def sideways_scroll(page) -> list[str]:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    return [f"{page.url}: scrolls sideways: content is {width}px wide on a {viewport}px screen"] if width > viewport else []


SMALL_TEXT_JS = """() => [...document.querySelectorAll('.md-content p, .md-content li')]
    .filter(e => e.offsetParent !== null && e.textContent.trim().length > 0)
    .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])
    .filter(([, size]) => size < 16)"""


def small_body_text(page) -> list[str]:
    return [f"{page.url}: body text at {size}px (under 16px): {text!r}" for text, size in page.evaluate(SMALL_TEXT_JS)]


FOCUS_JS = """() => {
  let e = document.activeElement;
  if (!e || e === document.body) return null;
  // A visually hidden control (Material's colour-scheme radio) shows focus on the
  // label drawn right after it.
  const next = e.nextElementSibling;
  if (parseFloat(getComputedStyle(e).opacity) === 0 && next && next.tagName === 'LABEL') e = next;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const ring = s.boxShadow && s.boxShadow !== 'none';
  const line = s.textDecorationLine && s.textDecorationLine.includes('underline');
  return {name: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40),
          visible: outline || ring || line};
}"""


def invisible_focus(page, presses: int = 15) -> list[str]:
    """Tab through the first elements of the page; each focused one must show it."""
    problems = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused and not focused["visible"]:
            problems.append(f"{page.url}: focus is not visible on {focused['name']!r}")
    return problems


def search(page, query: str) -> list[str]:
    """Type a query into the site's search with the keyboard; the result links, best first."""
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=10_000)
    page.wait_for_timeout(300)  # let the list settle
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


SMALL_TARGETS_JS = """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
    .filter(e => e.offsetParent !== null)
    .map(e => { const r = e.getBoundingClientRect(); const line = parseFloat(getComputedStyle(e).lineHeight) || 24;
                return [e.textContent.trim(), Math.round(r.width), Math.round(r.height), e.getClientRects().length,
                        e.scrollWidth > e.clientWidth + 1]; })
    .filter(([, w, h, rects, clipped]) => w < 44 || h < 44 || rects > 1 || clipped)"""


def small_call_targets(page) -> list[str]:
    """Call and text links smaller than 44x44 CSS px, or broken across lines (WCAG 2.5.5)."""
    return [f"{page.url}: call/text link {text!r} is {w}x{h}px in {rects} piece(s)" + (", clipped" if clipped else "")
            for text, w, h, rects, clipped in page.evaluate(SMALL_TARGETS_JS)]


BELOW_THE_FOLD_JS = """selector => [...document.querySelectorAll(selector)].map(e => {
    const r = e.getBoundingClientRect();
    const seen = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return [(e.innerText || e.id || e.tagName).trim(), Math.round(r.top), Math.round(r.bottom), Math.round(r.width),
            Math.round(r.height), innerHeight, !!seen && (e.contains(seen) || seen.contains(e))];
  })"""


def not_on_first_screen(page, selector: str, min_size: int = 44) -> list[str]:
    """Elements matching `selector` that are not wholly on the first screen and uncovered
    (by the sticky header, say), or smaller than min_size x min_size px; and a note when
    none matches."""
    found = page.evaluate(BELOW_THE_FOLD_JS, selector)
    if not found:
        return [f"{page.url}: nothing matches {selector}"]
    return [f"{page.url}: {text!r} is at {top}-{bottom}px on a {height}px screen, {w}x{h}px"
            + ("" if seen else ", covered")
            for text, top, bottom, w, h, height, seen in found
            if top < 0 or bottom > height or not seen or w < min_size or h < min_size]


SMALL_JS = """selector => [...document.querySelectorAll(selector)]
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
    .map(e => { const r = e.getBoundingClientRect();
                return [(e.innerText || e.getAttribute('aria-label') || e.className).trim(), Math.round(r.width), Math.round(r.height)]; })
    .filter(([, w, h]) => w < 44 || h < 44)"""


def small_targets(page, selector: str) -> list[str]:
    """Shown elements matching `selector` smaller than 44x44 CSS px (WCAG 2.5.5)."""
    return [f"{page.url}: {selector} {text!r} is {w}x{h}px" for text, w, h in page.evaluate(SMALL_JS, selector)]


def choose_language(page, locale: str) -> None:
    """Open the language menu and choose a language, as a keyboard reader does (focus the
    entry, press Enter). Playwright's click scrolls the page when it brings an entry of
    the sticky header "into view" (seen with the fifth, Arabic, entry), which moves the
    reader's place that the menu is meant to keep; a reader's tap never scrolls."""
    page.click(".md-header__option .md-select > button")
    page.focus(f"a.md-select__link[hreflang={locale}]")
    page.keyboard.press("Enter")


# --- what axe cannot see (WCAG 2.2, FINDINGS §A) -------------------------------------------

FOCUS_PLACE_JS = """async () => {
  // wait for a smooth scroll to the focused element to end
  for (let i = 0, last = -1; i < 90 && scrollY !== last; i++) {
    last = scrollY;
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const header = document.querySelector('.md-header');
  const box = e.getBoundingClientRect(), bar = header.getBoundingClientRect();
  const name = (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40);
  // what the reader sees at the middle of the focused element: the header, if it covers it
  const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const hidden = !header.contains(e) && box.height > 0 && box.top < bar.bottom && !!seen && header.contains(seen);
  return {name, hidden, inHeader: header.contains(e)};
}"""


def focus_under_header(page) -> list[str]:
    """The focused element is not hidden under the sticky header (WCAG 2.4.11)."""
    place = page.evaluate(FOCUS_PLACE_JS)
    return [f"{page.url}: {place['name']!r} has focus under the header"] if place and place["hidden"] else []


INTERACTIVE = ("button", "link", "textbox", "searchbox", "checkbox", "radio", "combobox", "menuitem", "switch", "tab")


def unnamed_controls(snapshot: str) -> list[str]:
    """Controls with no name in a Playwright ARIA snapshot ('- button' with no "name")."""
    pattern = re.compile(rf"^\s*- ({'|'.join(INTERACTIVE)})(?:\s*\[[^\]]*\])*\s*:?\s*$")
    return [line.strip() for line in snapshot.splitlines() if pattern.match(line) or re.match(rf'^\s*- ({"|".join(INTERACTIVE)}) ""', line)]


CONTRAST_JS = """(selectors) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const background = e => {
    const layers = [];
    for (let n = e; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const out = [];
  for (const selector of selectors) {
    for (const e of document.querySelectorAll(selector)) {
      if (!e.getClientRects().length || !e.textContent.trim()) continue;
      const s = getComputedStyle(e);
      const bg = background(e);
      const fg = over(parse(s.color).map((v, i) => i === 3 ? v * parseFloat(s.opacity) : v), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push([selector, e.textContent.trim().slice(0, 30), Math.round((a + 0.05) / (b + 0.05) * 100) / 100]);
      break;
    }
  }
  return out;
}"""


def low_contrast(page, selectors: list[str], floor: float = 4.5) -> list[str]:
    """Text of these elements (the first visible one of each) under the contrast floor (WCAG 1.4.3)."""
    return [f"{page.url}: {selector} {text!r} is {ratio}:1 (needs {floor}:1)"
            for selector, text, ratio in page.evaluate(CONTRAST_JS, selectors) if ratio < floor]
