/*
 * Search in the reader's language: a thin wrapper around Material's search worker.
 * Runs as a real worker, or (offline, from file://) inside the iframe-worker shim,
 * where importScripts is asynchronous and self.location is the page's.
 *
 * overrides/main.html points Material at this file, with the page's language in the
 * URL's #fragment (not the query string: the offline shim appends one):
 *   #lang=es&prefix=es/&others=&worker=search.<hash>.min.js
 * It listens before Material's worker does, so it sees each message first:
 *   SETUP (type 0)  keep only this language's pages; tokenise for this language only;
 *   QUERY (type 2)  turn each word into its accent-folded stem.
 * The index also holds each word's accent-folded stem, so on the Spanish site
 * "reunion" finds "reunión" and "padrinos" finds "padrino"; hyphenated names such as
 * "Al-Anon" are kept whole as well as split. Depends on Material 9's message shapes
 * and lunr 2.3: the browser tests guard every upgrade.
 */
"use strict";

const source = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
const params = new URLSearchParams(source.split("#")[1] || "");
const LANG = params.get("lang") || "en";
const PREFIX = params.get("prefix") || "";
const OTHERS = (params.get("others") || "").split(",").filter(Boolean);
const SETUP = 0;
const QUERY = 2;

/* Lower case, accents removed: "Reunión" -> "reunion". */
function fold(word) {
  return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/* The form both the index and the queries use: folded, then stemmed. */
function key(word) {
  const stemmer = LANG === "en" ? self.lunr.stemmer : self.lunr[LANG].stemmer;
  const folded = fold(word);
  return stemmer(new self.lunr.Token(folded, {})).toString();
}

/* Index side: keep each token, and add its key (and, for a hyphenated word, its parts). */
function addKeys(token) {
  const word = token.toString();
  const forms = new Set([word, key(word)]);
  if (word.includes("-")) {
    forms.add(key(word.replace(/-/g, "")));
    for (const part of word.split("-").filter(Boolean)) forms.add(part).add(key(part));
  }
  return [...forms].map(form => token.clone(() => form));
}

/* Is this a word the index leaves out ("the", "de")? Then the query leaves it out too. */
function isStopWord(word) {
  const filter = LANG === "en" ? self.lunr.stopWordFilter : self.lunr[LANG].stopWordFilter;
  return filter(new self.lunr.Token(word.toLowerCase(), {})) === undefined;
}

/* Query side: each bare word becomes its key; operators (+ - ~ ^ * :) stay. */
function rewriteQuery(query) {
  const words = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  const kept = query.replace(words, word => (isStopWord(word) ? "" : word));
  return (kept.trim() ? kept : query).replace(words, word => key(word.replace(/-/g, "")));
}

/* One highlight per place in the text: several keys can match the same word. */
function dedupeMatches(results) {
  for (const result of results) {
    const seen = new Set();
    const metadata = result.matchData.metadata;
    for (const term of Object.keys(metadata)) {
      for (const field of Object.keys(metadata[term])) {
        const positions = (metadata[term][field].position || []).filter(position => {
          const id = `${field}:${position}`;
          return !seen.has(id) && seen.add(id);
        });
        if (positions.length) metadata[term][field].position = positions;
        else delete metadata[term][field];
      }
      if (!Object.keys(metadata[term]).length) delete metadata[term];
    }
  }
  return results;
}

function inLanguage(doc) {
  return PREFIX
    ? doc.location.startsWith(PREFIX)
    : !OTHERS.some(prefix => doc.location.startsWith(prefix));
}

let ready = false;
const waiting = [];

let loading = null;

/* Material's worker loads with the first message (the index, sent once the reader opens
   search), so a page that is only read never downloads it. */
function loadMaterial() {
  return Promise.resolve(importScripts(new URL(params.get("worker"), source).href)).then(() => {
    wrapLunr();
    ready = true;
    for (const data of waiting.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
  });
}

addEventListener("message", event => {
  if (!ready) {                      // Material's worker is not loaded yet: hold the message
    event.stopImmediatePropagation();
    waiting.push(event.data);
    loading = loading || loadMaterial();
    return;
  }
  const message = event.data;
  if (message.type === SETUP) {
    const { config } = message.data;
    message.data.docs = message.data.docs.filter(inLanguage);
    config.lang = [LANG];
    config.separator = config.separator.replace("\\-", "");   // keep "al-anon" whole
    config.pipeline = config.pipeline.filter(fn => fn !== "stemmer");
  } else if (message.type === QUERY) {
    message.data = rewriteQuery(message.data);
  }
});

/* After Material's worker has loaded lunr: add the keys to every index it builds. */
function wrapLunr() {
  self.lunr.Pipeline.registerFunction(addKeys, "i18nKeys");
  const add = self.lunr.Builder.prototype.add;
  self.lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.pipeline._stack.includes(addKeys)) this.pipeline.add(addKeys);
    return add.call(this, doc, attributes);
  };
  const query = self.lunr.Index.prototype.query;
  self.lunr.Index.prototype.query = function (fn) {
    return dedupeMatches(query.call(this, fn));
  };
}
