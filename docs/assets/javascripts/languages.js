/*
 * Switching language keeps the reader's place, and asks no server for files that
 * do not exist; printing opens collapsed blocks. Loaded in <head>, before Material's bundle.
 */
"use strict";

/* The language menu keeps the section: from /first-meeting/#what-to-bring the Spanish
   link leads to /es/first-meeting/#what-to-bring. (Runs before Material's handler.) */
document.addEventListener("click", event => {
  const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash) link.hash = location.hash;
}, true);

/* Material fetches "sitemap.xml" beside every <link rel="alternate"> (a feature for
   versioned sites). Ours are per-page hreflang links with the published address, so
   those files never exist, and offline they would be requests to the internet.
   Answer them here with an empty sitemap; the site's own sitemap still loads. */
const fetchFromServer = window.fetch.bind(window);
window.fetch = (resource, options) => {
  const base = JSON.parse(document.getElementById("__config").textContent).base;
  const siteMap = new URL("sitemap.xml", new URL(base, location.href)).href;
  const url = new URL(resource instanceof Request ? resource.url : resource, location.href).href;
  if (url.endsWith("/sitemap.xml") && url !== siteMap) {
    return Promise.resolve(new Response('<?xml version="1.0"?><urlset/>', { headers: { "Content-Type": "application/xml" } }));
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
