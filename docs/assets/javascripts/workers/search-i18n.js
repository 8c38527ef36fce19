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
 *   QUERY (type 2)  readers' words become the guide's (synonyms of docs/data/search.yml,
 *                   loaded from search-words.js), question words are dropped, and each
 *                   word becomes its accent-folded stem; a stem shorter than four letters
 *                   matches only itself ("recaida" -> "rec" must not find "recursos").
 * and it sees each RESULT (type 3) before the page does: pages are ranked by all they
 * say on the query, and each page's two best-matching sections show first, never
 * hidden behind "N more on this page". Sources sections are not searched.
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
const RESULT = 3;
const SHORT = 4;          // stems shorter than this match whole words only, never as a prefix
const TITLE_BOOST = 5;    // Material's 1000 lets one word in any section title outrank a page about it
let WORDS = { synonyms: {}, stop_words: [] };

/* Lower case, written as readers type it: "Reunión" -> "reunion"; Vietnamese without tone
   marks, and đ -> d, which Unicode does not decompose ("gia đình" -> "gia dinh"); Arabic
   without tashkeel or tatweel, every alef as ا (أ إ آ decompose to ا + a mark; ٱ does not),
   ta marbuta as ha, alef maqsura as ya. */
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const LETTERS = { "đ": "d", "ٱ": "ا", "ة": "ه", "ى": "ي" };
function fold(word) {
  return word.toLowerCase().normalize("NFD").replace(MARKS, "").replace(/[đٱةى]/g, letter => LETTERS[letter]);
}

/* Arabic writes the article (and a preposition or "and" before it) as part of the word:
   "العائلة", "للعائلة", "والعائلة" are all "عائلة". */
const ARTICLE = /^(?:وال|فال|بال|كال|لل|ال)(?=.{2})/;

/* The form both the index and the queries use: folded, then stemmed (the same function
   on both sides, so they always agree). Vietnamese has no stemmer: the folded word. */
function key(word) {
  const stemmer = LANG === "en" ? self.lunr.stemmer : (self.lunr[LANG].stemmer || (token => token));
  const folded = LANG === "ar" ? fold(word).replace(ARTICLE, "") : fold(word);
  return stemmer(new self.lunr.Token(folded, {})).toString();
}

/* Chinese. Material's worker splits every Chinese run of a query by the words of the
   index, but its split drops a run's last character whenever a shorter word starts the
   run ("家人" -> "家"). So Chinese words travel as Latin keys it leaves alone: "hanzi"
   and three base-36 letters per character, on both sides; a key's start is the key of
   the word's start, so Material's trailing wildcard still finds longer words. The
   query is split by the index's own words (jieba's, from the build), longest first. */
const VOCABULARY = new Set();
function hanKey(word) {
  return "hanzi" + [...word].map(char => char.codePointAt(0).toString(36).padStart(3, "0")).join("");
}
function fromHanKey(term) {
  const match = /^hanzi((?:[0-9a-z]{3})+)$/.exec(term);
  return match ? match[1].match(/.{3}/g).map(code => String.fromCodePoint(parseInt(code, 36))).join("") : term;
}
function splitByIndex(run) {
  const words = [];
  for (let i = 0; i < run.length;) {
    let n = Math.min(8, run.length - i);
    while (n > 1 && !VOCABULARY.has(run.slice(i, i + n))) n--;
    words.push(run.slice(i, i + n));
    i += n;
  }
  return words;
}

/* Index side: keep each token, and add its key (and, for a hyphenated word, its parts). */
function addKeys(token) {
  const word = token.toString();
  if (HAN.test(word)) {
    VOCABULARY.add(word);
    return [token, token.clone(() => hanKey(word))];
  }
  const forms = new Set([word, key(word)]);
  if (word.includes("-")) {
    forms.add(key(word.replace(/-/g, "")));
    for (const part of word.split("-").filter(Boolean)) forms.add(part).add(key(part));
  }
  return [...forms].map(form => token.clone(() => form));
}

/* Is this a word a question drops ("the", "how", "de", "qué")? The index's own stop
   words and the language's question words of docs/data/search.yml. */
function isStopWord(word) {
  const filter = LANG === "en" ? self.lunr.stopWordFilter : self.lunr[LANG].stopWordFilter;
  return filter(new self.lunr.Token(word, {})) === undefined || WORDS.stop_words.includes(fold(word));
}

/* Readers' words become the guide's: "bupe" -> "buprenorphine", "al anon" -> "al-anon".
   Whole words only, longer phrases first; a Chinese phrase wherever it stands (Chinese
   has no spaces: "我不想活了" holds "不想活"). */
const HAN = /\p{sc=Han}/u;
function applySynonyms(text) {
  const phrases = Object.keys(WORDS.synonyms).sort((a, b) => b.length - a.length);
  let padded = ` ${text} `;
  for (const phrase of phrases) {
    const [find, put] = HAN.test(phrase) ? [phrase, ` ${WORDS.synonyms[phrase]} `] : [` ${phrase} `, ` ${WORDS.synonyms[phrase]} `];
    padded = padded.split(find).join(put);
  }
  return padded.trim();
}

/* Chinese queries come without spaces. The browser's own dictionary (Intl.Segmenter)
   finds the question words in them, which drop out ("怎么找引导人" -> "找引导人"); the
   rest stays joined, and Material's worker splits it by the words of the index, which
   jieba made at build time ("找引导人" -> "找", "引导人"), so both sides meet on the same
   words. (The browser's dictionary alone would cut words it does not know, such as
   纳洛酮, into single characters.) Without Intl.Segmenter the text goes on as typed. */
const SEGMENTER = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(LANG, { granularity: "word" }) : null;
function segment(text) {
  if (!SEGMENTER || !HAN.test(text)) return text;
  const runs = [""];
  for (const part of SEGMENTER.segment(text)) {
    if (!part.isWordLike || isStopWord(part.segment)) runs.push("");
    else runs[runs.length - 1] += part.segment;
  }
  return runs.filter(Boolean).join(" ");
}

/* Query side. A query with search operators (+ - ~ ^ * : ") keeps them, word by word;
   a plain one is what a reader types: synonyms, then without question words. */
function rewriteQuery(query) {
  const words = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  const plain = !/[+\-~^*:"]/.test(query.replace(/(\p{L})-(\p{L})/gu, "$1$2"));
  const text = plain ? segment(applySynonyms(fold(query).replace(/[^\p{L}\p{N}\s-]/gu, " ").replace(/\s+/g, " "))) : query;
  const kept = text.replace(words, word => (isStopWord(word.toLowerCase()) ? "" : word));
  return (kept.trim() ? kept : text).replace(words, word => {
    const form = key(word.replace(/-/g, ""));
    if (HAN.test(form)) return splitByIndex(form).map(hanKey).join(" ");
    return form.length < SHORT ? `${form}^1` : form;     // ^1: no trailing wildcard (Material adds one to the rest)
  });
}

/* Pages are ranked by their best match plus a quarter of all their other matches: a page
   about the subject, whose sections keep returning to it, comes before a page that
   mentions it once in a strong place. (Material ranks a page by its one best item.)
   A page that has every word of the query comes before one that has only the common
   ones ("meetings on methadone": the page that also says methadone). */
function coverage(group) {
  const terms = new Set(group.flatMap(item => Object.keys(item.terms || {})));
  const found = new Set(group.flatMap(item => Object.keys(item.terms || {}).filter(term => item.terms[term])));
  return terms.size ? found.size / terms.size : 1;
}
const REST = 0.25;
function rankPages(result) {
  const score = group => {
    const [best, ...rest] = group.map(item => item.score).sort((a, b) => b - a);
    return (best + REST * rest.reduce((sum, value) => sum + value, 0)) * coverage(group) ** 2;
  };
  result.items = (result.items || []).map(group => [score(group), group])
    .sort((a, b) => b[0] - a[0]).map(([, group]) => group);
}

/* Each page's best-matching sections (up to SHOWN) go first in its group, with the
   group's top score: Material then shows them, instead of folding them into "N more on
   this page" (it shows only the sections that score as high as the best item). */
const SHOWN = 2;
function promoteBestSections(result) {
  for (const group of result.items || []) {          // "Missing: …" shows Chinese, not keys
    for (const item of group) {
      if (item.terms) item.terms = Object.fromEntries(Object.entries(item.terms).map(([term, found]) => [fromHanKey(term), found]));
    }
  }
  rankPages(result);
  for (const group of result.items || []) {
    const top = group[0].score;
    const best = group.filter(item => item.location.includes("#") && item.score > 0)
      .sort((a, b) => b.score - a.score).slice(0, SHOWN);
    for (const item of best.reverse()) {
      item.score = top;
      group.splice(group.indexOf(item), 1);
      group.unshift(item);
    }
  }
  return result;
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

/* The data's words, folded as queries are (writers may type accents, tone marks or ة). */
function foldWords(words) {
  const synonyms = Object.fromEntries(Object.entries(words.synonyms).map(([typed, ours]) => [fold(typed), ours]));
  return { synonyms, stop_words: words.stop_words.map(fold) };
}

let ready = false;
const waiting = [];

let loading = null;

/* Material's worker loads with the first message (the index, sent once the reader opens
   search), so a page that is only read never downloads it. */
function loadMaterial() {
  const post = self.postMessage;
  self.postMessage = function (message, ...rest) {   // Material's worker answers through this
    if (message && message.type === RESULT) promoteBestSections(message.data);
    return post.call(this, message, ...rest);
  };
  return Promise.resolve(importScripts(new URL("search-words.js", source).href))
    .then(() => { WORDS = foldWords((self.GUIDE_SEARCH_WORDS || {})[LANG] || WORDS); })
    .then(() => importScripts(new URL(params.get("worker"), source).href)).then(() => {
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
    // this language's pages, without their Sources lists (citations match every query)
    message.data.docs = message.data.docs.filter(doc => inLanguage(doc) && !doc.location.endsWith("#sources"));
    config.lang = [LANG];
    config.separator = config.separator.replace("\\-", "");   // keep "al-anon" whole
    config.pipeline = config.pipeline.filter(fn => fn !== "stemmer");
    if (config.fields.title) config.fields.title.boost = TITLE_BOOST;
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
