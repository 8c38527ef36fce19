/*
 * Switching language keeps the reader's place, and asks no server for files that
 * do not exist; search data loads when the reader opens search, in the page's language
 * only; printing opens collapsed blocks. Loaded in <head>, before Material's bundle.
 */
"use strict";

/* The language menu keeps the section: from /first-meeting/#what-to-bring the Spanish
   link leads to /es/first-meeting/#what-to-bring. (Runs before Material's handler.) */
document.addEventListener("click", event => {
  const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash) link.hash = location.hash;
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

/* Two of Material's requests, answered differently:
   - "sitemap.xml" beside every <link rel="alternate"> (a feature for versioned sites):
     ours are per-page hreflang links, so those files never exist (and offline they
     would be requests to the internet). Answered here with an empty sitemap.
   - the search index: loaded only when the reader opens search, and only the page's
     own language (search/search_index.<lang>.json, made by scripts/split_search_index.py;
     under `mkdocs serve` the file is missing and the index of every language is used). */
const fetchFromServer = window.fetch.bind(window);
window.fetch = (resource, options) => {
  const base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
  const url = new URL(resource instanceof Request ? resource.url : resource, location.href).href;
  if (url.endsWith("/sitemap.xml") && url !== new URL("sitemap.xml", base).href) {
    return Promise.resolve(new Response('<?xml version="1.0"?><urlset/>', { headers: { "Content-Type": "application/xml" } }));
  }
  if (url === new URL("search/search_index.json", base).href) {
    const own = new URL(`search/search_index.${document.documentElement.lang}.json`, base);
    return searchOpened
      .then(() => fetchFromServer(own, options))
      .then(response => (response.ok ? response : fetchFromServer(resource, options)));
  }
  return fetchFromServer(resource, options);
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
