/* trangxa: the search worker of Material's search box, answering from the Pagefind index.
 *
 * Material's page script talks to its worker in four messages (setup, ready, query, result)
 * and draws the results itself; this file speaks the same messages, so the header's search
 * box, its result list and its keyboard use stay Material's. Instead of one index holding
 * every page, Pagefind fetches only the parts of the index a query's words need, so what a
 * phone downloads stays small however many posts the site has.
 */
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

// Results whose text is fetched and shown: the ten Material draws at once. Each costs a request.
const SHOWN = 10;

// Material asks at every key press. Waiting until typing pauses this long, and for at least
// two letters, spares a phone the index parts of every prefix typed on the way ("c", "ca").
const SETTLE_MS = 250;
const MIN_LENGTH = 2;

// This file is served from assets/javascripts/workers/ below the site's root.
const ROOT = new URL("../../../", self.location.href);

let engine = null;
let latest = "";
let waiting = 0;
let owed = 0;
let busy = false;
let timer = null;

/** Letters without tone and vowel marks, and đ as d: what citizens type on phones. */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
}

/** Lower case, composed, punctuation as single spaces: the text ranking compares. */
function plain(text) {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/[^\p{L}\p{N}.]+|\.(?!\p{N})/gu, " ")
    .trim();
}

/** Whether a text holds a phrase as whole words. */
function holds(text, phrase) {
  return ` ${text} `.includes(` ${phrase} `);
}

/**
 * How a result ranks against the query, lower first: the page whose title is the query
 * (typed with or without marks), then titles holding the query as written, then titles
 * holding it folded, then text holding it (as written when typed with marks); Pagefind's order
 * decides the rest.
 */
function tier(query, title, excerpt) {
  const exact = plain(query);
  const folded = fold(exact);
  const heading = plain(title);
  if (fold(heading) === folded) return 0;
  const marked = exact !== folded;
  if (marked && holds(heading, exact)) return 1;
  if (holds(fold(heading), folded)) return 2;
  const text = plain(excerpt);
  if (marked ? holds(text, exact) : holds(fold(text), folded)) return 3;
  return 4;
}

// Starts the hidden line of each page that lists its words with đ written with d.
const FOLDED_SENTINEL = "⁂";

/** The excerpt Pagefind chose, without the hidden line; the page's opening if nothing is left. */
function excerptOf(page) {
  const excerpt = page.excerpt || "";
  const cut = excerpt.indexOf(FOLDED_SENTINEL);
  const shown = cut < 0 ? excerpt : excerpt.slice(0, cut).trim();
  if (shown.replace(/<[^>]*>/g, "").trim()) return shown;
  const content = (page.content || "").split(FOLDED_SENTINEL)[0];
  return escapeHtml(content.split(/\s+/).slice(0, 24).join(" "));
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pagefind() {
  if (engine === null) {
    engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(async (module) => {
      await module.options({ excerptLength: 24 });
      await module.init();
      return module;
    });
    // A failed download is tried again on the next query.
    engine.catch(() => {
      engine = null;
    });
  }
  return engine;
}

/** Material's result for one query: a list of pages, each a list holding that page. */
async function answer(query) {
  if (plain(query).length < MIN_LENGTH) return { items: [] };
  const found = await (await pagefind()).search(query);
  if (!found) return { items: [] };
  const data = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
  const ranked = data
    .map((page, position) => ({
      page,
      position,
      excerpt: excerptOf(page),
      tier: tier(query, page.meta.title || "", excerptOf(page)),
    }))
    .sort((a, b) => a.tier - b.tier || a.position - b.position);
  const terms = {};
  for (const word of plain(query).split(" ")) if (word) terms[word] = true;
  const items = ranked.map(({ page, excerpt }, rank) => [
    {
      location: page.url.startsWith(ROOT.pathname)
        ? page.url.slice(ROOT.pathname.length)
        : page.url,
      title: escapeHtml(page.meta.title || page.url),
      text: excerpt,
      score: ranked.length - rank,
      terms,
    },
  ]);
  return { items };
}

/**
 * Answers queries one at a time. Material asks again at every key press; a query overtaken
 * by a newer one is answered with the newer one's result, so every question gets an answer
 * and the list shown is always that of the text in the box.
 */
async function drain() {
  busy = true;
  while (waiting > 0) {
    const query = latest;
    owed += waiting;
    waiting = 0;
    let result;
    try {
      result = await answer(query);
    } catch (error) {
      console.error("Tìm kiếm lỗi:", error);
      result = { items: [] };
    }
    if (waiting === 0) {
      for (; owed > 0; owed -= 1) self.postMessage({ type: RESULT, data: result });
    }
  }
  busy = false;
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest = String(message.data);
    waiting += 1;
    if (busy) return;
    clearTimeout(timer);
    if (plain(latest).length < MIN_LENGTH) {
      // Nothing to look up (the empty box Material asks about when the worker is ready):
      // answered at once, with every question still waiting.
      for (owed += waiting, waiting = 0; owed > 0; owed -= 1) {
        self.postMessage({ type: RESULT, data: { items: [] } });
      }
    } else {
      timer = setTimeout(drain, SETTLE_MS);
    }
  }
});
