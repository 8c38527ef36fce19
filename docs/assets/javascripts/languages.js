/*
 * Switching language keeps the reader's place, and asks no server for files that
 * do not exist; search data loads when the reader opens search, in the page's language
 * only; printing opens collapsed blocks. Loaded at the end of the body, just before Material's bundle.
 */
"use strict";

/* The language menu keeps the reader's place: the section in the address bar while its
   heading is on screen, else the section the reader scrolled to (the last heading near
   the top of the screen). From /after-rehab/, scrolled to "If you use again", the Spanish
   link leads to /es/after-rehab/#if-you-use-again (section ids are the same in every
   language). Runs before Material's handler. */
function sectionInView() {
  const onScreen = element => {
    const top = element.getBoundingClientRect().top;
    return top >= 0 && top < innerHeight;
  };
  const named = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (named && onScreen(named)) return named.id;
  const header = document.querySelector(".md-header");
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  const limit = headerBottom + 0.25 * (innerHeight - headerBottom);
  let current = null;
  for (const heading of document.querySelectorAll(".md-content article :is(h2, h3)[id]")) {
    if (heading.getBoundingClientRect().top > limit) break;
    current = heading.id;
  }
  return current;
}
document.addEventListener("click", event => {
  const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (!link) return;
  const section = sectionInView();
  if (section) link.hash = section;
}, true);

/* The reader opens search: the first focus on the search field. */
const searchOpened = new Promise(resolve => {
  document.addEventListener("focusin", function opened(event) {
    if (event.target.matches && event.target.matches(".md-search__input")) {
      document.removeEventListener("focusin", opened);
      resolve();
    }
  });
});

/* Two of Material's requests (it uses XMLHttpRequest), changed:
   - "sitemap.xml" beside every <link rel="alternate"> (a feature for versioned sites):
     ours are per-page hreflang links with the published address, so those files never
     exist (and from a copy of the site they would go to the internet). Not sent: Material
     is told it failed, and carries on without it.
   - the search index: sent only when the reader opens search, for the page's own
     language (search/search_index.<lang>.json, made by scripts/split_search_index.py;
     where that file is missing, as under `mkdocs serve`, the index of every language). */
const openRequest = XMLHttpRequest.prototype.open;
const sendRequest = XMLHttpRequest.prototype.send;

function siteBase() {
  return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
}

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const base = siteBase();
  const href = new URL(url, location.href).href;
  const siteMap = new URL("sitemap.xml", base).href;
  this.guideIndex = href === new URL("search/search_index.json", base).href ? { method, rest } : null;
  this.guideSkip = href.endsWith("/sitemap.xml") && href !== siteMap;
  return openRequest.call(this, method, url, ...rest);
};

XMLHttpRequest.prototype.send = function (body) {
  if (this.guideSkip) return setTimeout(() => this.dispatchEvent(new ProgressEvent("error")));
  if (!this.guideIndex) return sendRequest.call(this, body);
  const own = new URL(`search/search_index.${document.documentElement.lang}.json`, siteBase()).href;
  searchOpened
    .then(() => fetch(own, { method: "HEAD" }))
    .then(response => response.ok, () => false)
    .then(found => {
      if (found) {
        const type = this.responseType;
        openRequest.call(this, this.guideIndex.method, own, ...this.guideIndex.rest);
        this.responseType = type;
      }
      sendRequest.call(this, body);
    });
};

/* Printing opens every collapsed block, so nothing is missing on paper. */
addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    details.setAttribute("open", "");
    details.dataset.printOpened = "";
  }
});
addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-print-opened]")) {
    details.removeAttribute("open");
    delete details.dataset.printOpened;
  }
});
