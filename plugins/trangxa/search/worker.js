/* trangxa: the search worker of Material's search box, answering from the Pagefind index.
 *
 * Material's page script talks to its worker in four messages (setup, ready, query, result)
 * and draws the results itself; this file speaks the same messages, so the header's search
 * box, its result list and its keyboard use stay Material's. Instead of one index holding
 * every page, Pagefind fetches only the parts of the index a query's words need, so what a
 * phone downloads stays small however many posts the site has.
 *
 * Two indexes: the first holds every page, the newest posts by their title and the opening of
 * their summary; the second the title and whole text of every post. The first answers at once,
 * with any older post whose title is the query on top (title files, below). When it finds
 * fewer pages than a screen holds, the second is asked next and the posts it adds are listed
 * below; the first answer then says more is coming (`pending`), so a page that waits for the
 * whole answer knows to wait. The second index is written in shards, each by its own
 * Pagefind run so that the build's memory stays bounded, the newest posts in the first. The
 * worker asks the newest shard first and lists what it finds at once; the other shards are
 * asked only when the screen is not yet full, and what each finds is added below as it
 * arrives.
 */
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

// Results whose text is fetched and shown: the ten Material draws at once. Each costs a request.
const SHOWN = 10;

// The index of the whole text of posts, asked when the first index finds fewer pages than
// SHOWN. Asking it for every query would fetch, for common words, the parts of an index that
// lists their every place in thousands of posts (bench/README.md). The build writes the
// number of its shards, pagefind-body/0/, pagefind-body/1/…: 0 for a site without posts.
const FIRST_BUNDLE = "pagefind/";
const BODY_SHARDS = 1;
const BODY_BUNDLES = Array.from({ length: BODY_SHARDS }, (_, shard) => `pagefind-body/${shard}/`);
// The most results of the second index whose text is fetched for one query, besides the
// first ten of each shard.
const BODY_LOOK = 30;

// The first index holds only the newest posts; the older ones are found by their words in the
// second, below the first index's pages. Typed as its whole title, an older post comes first:
// the build files each under a hash of its title in small files, search-titles/0.json,
// search-titles/1.json…, and writes their number here (0 when the first index holds every
// post). A query fetches the one file its hash names, beside the first index's parts.
const TITLE_FILES = 0;
const TITLES_DIR = "search-titles/";

// A code or number typed alone ("2.046") may be held by only a few old posts, which the shards
// would find only after all of them answer. The build files each word holding a digit that at
// most a screen of posts hold, with those posts, under a hash of the word in
// search-codes/0.json, search-codes/1.json…, and writes their number here.
const CODE_FILES = 0;
const CODES_DIR = "search-codes/";

// Material asks at every key press. Waiting until typing pauses this long, and for at least
// two letters, spares a phone the index parts of every prefix typed on the way ("c", "ca").
const SETTLE_MS = 250;
const MIN_LENGTH = 2;

// This file is served from assets/javascripts/workers/ below the site's root.
const ROOT = new URL("../../../", self.location.href);

const engines = new Map();
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

/** A title or a query in the form compared to find a title typed whole, with or without marks. */
function titleKey(text) {
  return fold(plain(text));
}

/** FNV-1a (32 bits) of a text's UTF-8 bytes: the build numbers title files the same way. */
function titleHash(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

const keyFiles = new Map();

/** The file of a folder of title or code files a key's hash names, fetched once. */
function keyFile(folder, count, key) {
  const name = `${folder}${titleHash(key) % count}.json`;
  if (!keyFiles.has(name)) {
    const loading = fetchFile(new URL(name, ROOT).href).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return response.json();
    });
    // A failed download is tried again on the next query.
    loading.catch(() => keyFiles.delete(name));
    keyFiles.set(name, loading);
  }
  return keyFiles.get(name);
}

/** The title file a query's hash names; an empty list when the site has none. */
function titleFile(key) {
  return TITLE_FILES === 0 ? Promise.resolve([]) : keyFile(TITLES_DIR, TITLE_FILES, key);
}

/** A page's path below the server: Pagefind gives a page's address in full, the title and
 * code files from the site's root, and a page listed from either is listed once. */
function pathOf(page) {
  return new URL(page.url, ROOT).pathname;
}

/** A result listed from a title or code file: the address, title and summary's opening. */
function listedResult([url, title, excerpt], position) {
  return { page: { url, meta: { title }, content: excerpt }, excerpt, position, tier: 0 };
}

/** Older posts whose title is the query, as ranked results; none when the file fails. */
async function titled(query) {
  const key = titleKey(query);
  if (key.length < MIN_LENGTH) return [];
  try {
    const entries = await titleFile(key);
    return entries.filter(([, title]) => titleKey(title) === key).map(listedResult);
  } catch (error) {
    console.error("Tìm kiếm lỗi:", error);
    return [];
  }
}

/** The posts holding a query of one word with a digit, newest first, from its code file;
 * none for other queries, for a word more posts hold, or when the file fails. */
async function coded(query) {
  const key = titleKey(query);
  if (CODE_FILES === 0 || key.includes(" ") || !/\p{Nd}/u.test(key)) return [];
  try {
    const words = await keyFile(CODES_DIR, CODE_FILES, key);
    return Object.hasOwn(words, key) ? words[key].map(listedResult) : [];
  } catch (error) {
    console.error("Tìm kiếm lỗi:", error);
    return [];
  }
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

const OPTIONS = { excerptLength: 24 };

// Pagefind's script and its WebAssembly are the same for every index the build writes; the
// shards of the second index hold only their word lists and page texts. One copy of the
// script, from the first index, runs an instance per index, and the WebAssembly is fetched
// once: each instance asks for it beside its own index, and this worker answers with the first
// index's file (a 68 KB download per shard otherwise).
const WASM_FILE = /\/(wasm\.[^/]+\.pagefind)$/;
const wasmFiles = new Map();
const fetchOfWorker = self.fetch;
const fetchFile = (...request) => fetchOfWorker.apply(self, request);

self.fetch = (input, init) => {
  const address = new URL(typeof input === "string" ? input : input.url, ROOT);
  const wasm = address.pathname.match(WASM_FILE);
  if (!wasm) return fetchFile(input, init);
  const name = wasm[1];
  if (!wasmFiles.has(name)) {
    const bytes = fetchFile(new URL(`${FIRST_BUNDLE}${name}`, ROOT).href).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return response.arrayBuffer();
    });
    bytes.catch(() => wasmFiles.delete(name));
    wasmFiles.set(name, bytes);
  }
  // A Response copies the bytes it is made from: every instance reads its own.
  return wasmFiles.get(name).then((bytes) => new Response(bytes));
};

let script = null;

/** Pagefind's script, loaded once. */
function pagefindScript() {
  if (script === null) {
    script = import(new URL(`${FIRST_BUNDLE}pagefind.js`, ROOT).href);
    // A failed download is tried again on the next query.
    script.catch(() => {
      script = null;
    });
  }
  return script;
}

/**
 * The Pagefind search of the first index or of one shard of the second, loaded on first use,
 * resolved once its index description is read. Instances of one script share the one
 * compiled WebAssembly the script keeps, which the first instance compiles; the others start
 * once it is ready, as a second compile begun meanwhile would replace it under the first.
 */
function pagefind(bundle) {
  if (!engines.has(bundle)) {
    const loading = (async () => {
      const module = await pagefindScript();
      if (bundle !== FIRST_BUNDLE) await pagefind(FIRST_BUNDLE);
      const engine = module.createInstance({ ...OPTIONS, basePath: new URL(bundle, ROOT).href });
      // An empty query returns once the instance has its WebAssembly and index description.
      await engine.preload("");
      return engine;
    })();
    loading.catch(() => engines.delete(bundle));
    engines.set(bundle, loading);
  }
  return engines.get(bundle);
}

/**
 * The first SHOWN pages the first index finds, with their text, and how many it found. Fewer
 * than SHOWN means the second index will be asked: the newest shard's parts for the words
 * start loading now, while the first index's texts do, instead of after them.
 */
async function lookUp(query) {
  const found = await (await pagefind(FIRST_BUNDLE)).search(query);
  const results = found ? found.results : [];
  if (BODY_SHARDS > 0 && results.length < SHOWN) {
    pagefind(BODY_BUNDLES[0])
      .then((engine) => engine.preload(query))
      .catch(() => {});
  }
  const pages = await Promise.all(results.slice(0, SHOWN).map((result) => result.data()));
  return { pages, count: results.length };
}

/** Pages in the order shown: by tier, then in Pagefind's order. */
function rank(query, pages) {
  return pages
    .map((page, position) => {
      const excerpt = excerptOf(page);
      return { page, position, excerpt, tier: tier(query, page.meta.title || "", excerpt) };
    })
    .sort((a, b) => a.tier - b.tier || a.position - b.position);
}

/** Material's result: a list of pages, each a list holding that page. */
function itemsOf(query, ranked) {
  const terms = {};
  for (const word of plain(query).split(" ")) if (word) terms[word] = true;
  return ranked.map(({ page, excerpt }, rank) => [
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
}

// Tone marks: old and new spelling put them on different vowels ("hoà", "hòa").
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Words as written, each with its tone mark moved to its end, so both spellings agree. */
function spelled(text) {
  return plain(text)
    .normalize("NFD")
    .split(" ")
    .map((word) => word.replace(TONES, "") + (word.match(TONES) || []).join(""))
    .join(" ");
}

/** Whether the query was typed with marks, so pages are to hold its words as written. */
function typedWithMarks(query) {
  return plain(query) !== fold(plain(query));
}

/**
 * Whether a result's title or excerpt holds every word of the query, the last one perhaps cut
 * short as while typing; as written when the query has marks, else without marks. Pagefind
 * also returns pages by words spelled a little differently ("ớt" for "otp", "khung" for
 * "khử"): those do not hold it.
 */
function holdsWords(query, { page, excerpt }) {
  const form = typedWithMarks(query) ? spelled : (text) => fold(plain(text));
  return holdsAll(form(`${page.meta.title || ""} ${excerpt}`), form(query));
}

/** Whether a text's words hold every word of a query in the same form, the last one
 * perhaps as the start of a longer word. */
function holdsAll(text, query) {
  const words = text.split(" ");
  const wanted = query.split(" ");
  const last = wanted.pop();
  return (
    wanted.every((word) => words.includes(word)) && words.some((word) => word.startsWith(last))
  );
}

/** Whether a post's title and whole text hold every word of the query, as holdsWords asks:
 * the excerpt Pagefind chose may show another of the words it matched ("phần" for "phan"). */
function textHoldsWords(query, page) {
  const text = (page.content || "").split(FOLDED_SENTINEL)[0];
  return holdsWords(query, { page, excerpt: escapeHtml(text) });
}

/** Whether a page's title and whole text hold the query's words without marks, the last one
 * perhaps as the start of a longer word: how Pagefind finds a page by the words typed. */
function holdsAsPrefix(query, page) {
  const text = `${page.meta.title || ""} ${page.content || ""}`;
  return holdsAll(fold(plain(text)), fold(plain(query)));
}

/**
 * The first index's pages for a query, best first, and whether the second is to be asked:
 * when the first finds fewer pages than a screen holds, or none holding the words as typed
 * ("chuồng" typed with marks is not found by pages that only hold "chương").
 */
async function answer(query) {
  if (plain(query).length < MIN_LENGTH) return { ranked: [], deeper: false };
  const { pages, count } = await lookUp(query);
  const ranked = rank(query, pages);
  const found = ranked.some((result) => holdsWords(query, result));
  return { ranked, deeper: BODY_SHARDS > 0 && (count < SHOWN || !found) };
}

/**
 * One shard's results for a query, and whether it found them by the words as typed. A shard
 * holding no word that starts as a query word shortens it ("2.046" to "2", "lụt" to "lu")
 * and answers with near matches; its best result then does not hold the words. A shard that
 * cannot be read answers nothing; the others still do. The texts of the first `ahead` results
 * are asked together with the best one's: the newest shard, asked alone, is read at once when
 * it holds the words, and one round trip less on a slow network is worth ten small texts.
 */
async function searchShard(bundle, query, dataOf, ahead) {
  try {
    const found = await (await pagefind(bundle)).search(query);
    const results = found ? found.results : [];
    for (const result of results.slice(1, ahead)) dataOf(result).catch(() => {});
    const exact = results.length > 0 && holdsAsPrefix(query, await dataOf(results[0]));
    return { results, exact };
  } catch (error) {
    console.error("Tìm kiếm lỗi:", bundle, error);
    return { results: [], exact: false };
  }
}

/** The values of promises in the order they settle. */
async function* inArrivalOrder(promises) {
  const waiting = new Map(promises.map((promise, key) => [key, promise.then((value) => [key, value])]));
  while (waiting.size > 0) {
    const [key, value] = await Promise.race(waiting.values());
    waiting.delete(key);
    yield value;
  }
}

/**
 * Posts the whole text holds, in parts as shards answer, each part to be listed below the
 * ones before so that nothing already on screen moves. Shards hold the newest posts first and
 * are asked in turn while the screen is not full (the `listed` pages already on it holding the
 * words count): the newest alone, then the next alone, then every other at once, each listed
 * as it answers; when nothing on screen holds the words after the newest, every other at
 * once. Words common in older posts fill the screen from the second shard, without every
 * shard's parts for them (about 180 KB a word a shard at 10,000 posts). Pagefind
 * matches a word with and without marks and as the start of longer words ("khử" finds "khu",
 * "khung"), so a part lists only posts holding the words as typed; a shard's results are read
 * ten at a time until ten such posts are found, at most BODY_LOOK in all (and the first ten of
 * every shard). The posts found only as Pagefind matches come last, in what the generator
 * returns. A shard that shortened the words is left out when any shard found them as typed,
 * or its near matches, ranked on a title word, would crowd out the posts asked for; when none
 * did, the near matches of all are what is returned, ranked together by Pagefind's score.
 */
async function* bodyParts(query, seen, listed) {
  const fetched = new Map();
  const dataOf = (result) => {
    if (!fetched.has(result)) fetched.set(result, result.data());
    return fetched.get(result);
  };
  let typedCount = listed;
  let read = 0;
  let exact = false;
  const other = [];
  const shortened = [];

  async function readResults(results) {
    const typed = [];
    const limit = Math.min(results.length, BODY_LOOK);
    for (let start = 0; start < limit && typedCount < SHOWN; start += SHOWN) {
      if (start > 0 && read >= BODY_LOOK) break;
      const batch = results.slice(start, Math.min(start + SHOWN, limit)).map(dataOf);
      read += batch.length;
      const pages = (await Promise.all(batch)).filter((page) => !seen.has(pathOf(page)));
      for (const result of rank(query, pages)) {
        if (textHoldsWords(query, result.page)) {
          typed.push(result);
          typedCount += 1;
        } else {
          other.push(result);
        }
      }
    }
    return typed;
  }

  async function take(shard) {
    if (!shard.exact) {
      shortened.push(shard);
      return [];
    }
    exact = true;
    return readResults(shard.results);
  }

  async function* ask(bundles, ahead) {
    const asked = bundles.map((bundle) => searchShard(bundle, query, dataOf, ahead));
    for await (const shard of inArrivalOrder(asked)) {
      const part = await take(shard);
      if (part.length > 0) yield part;
      // Enough posts are listed: the answer is whole without the shards still to answer.
      if (typedCount >= SHOWN) break;
    }
  }

  yield* ask(BODY_BUNDLES.slice(0, 1), SHOWN);
  // With posts holding the words on screen, the next shard is asked alone before the rest, so
  // a word common in older posts costs one more shard's parts. With none, the citizen is still
  // waiting for a first post with the words: every older shard is asked at once, a round of
  // requests sooner (bench/README.md: "2.046", held by a few old posts).
  const older = BODY_BUNDLES.slice(1);
  const stages = typedCount > 0 ? [older.slice(0, 1), older.slice(1)] : [older];
  for (const stage of stages) {
    if (stage.length === 0 || typedCount >= SHOWN) break;
    yield* ask(stage, 1);
  }
  if (exact) return other;
  const near = shortened
    .flatMap((shard) => shard.results)
    .sort((a, b) => b.score - a.score);
  const typed = await readResults(near);
  return [...typed, ...other];
}

/**
 * Answers one query: the first index's pages at once; then, when the second index is to be
 * asked, the posts its shards find, added below as each shard answers, every answer but the
 * last saying more is coming (`pending`). The pages the first index found by the words as
 * typed stay on top, the ones found by words spelled differently at the bottom. Stops without
 * a last answer when a newer query is waiting: that one answers what is owed.
 */
async function respond(query) {
  let shown = [];
  const send = (pending) => {
    const data = { items: itemsOf(query, shown) };
    if (pending) data.pending = true;
    if (owed > 0) settle(data);
    // An earlier answer is on screen and said more is coming: this is more.
    else self.postMessage({ type: RESULT, data });
  };
  try {
    // The title and code files are fetched while the first index answers.
    const titles = titled(query);
    const codes = coded(query);
    const first = await answer(query);
    const top = await titles;
    const paths = new Set(top.map(({ page }) => pathOf(page)));
    const held = (await codes).filter(({ page }) => !paths.has(pathOf(page)));
    for (const { page } of held) paths.add(pathOf(page));
    if (waiting > 0) return;
    const fresh = first.ranked.filter(({ page }) => !paths.has(pathOf(page)));
    const ranked = [...top, ...held, ...fresh];
    if (!first.deeper) {
      shown = ranked;
    } else {
      // Posts from the code file hold the word in their text, whatever their summary shows.
      const holding = ranked.filter((result) => held.includes(result) || holdsWords(query, result));
      const rest = ranked.filter((result) => !holding.includes(result));
      // Pages whose text holds the words though their excerpt does not show them all.
      const inText = rest.filter(({ page }) => holdsAsPrefix(query, page));
      // Pages found by a word Pagefind shortened ("2.04" for "2.046") do not hold the words:
      // they are listed only when no page does, and not while the shards may still find one.
      const near = rest.filter((result) => !inText.includes(result));
      const body = [];
      shown = [...holding, ...inText];
      // Nothing found at first: the list waits for the second index rather than showing
      // "no result" for a moment.
      if (shown.length > 0) send(true);
      const seen = new Set(ranked.map(({ page }) => pathOf(page)));
      // Pages whose text holds the words fill the screen too, whether or not their excerpt
      // shows all of them.
      const listed = ranked.filter(
        (result) => held.includes(result) || textHoldsWords(query, result.page),
      ).length;
      const parts = bodyParts(query, seen, listed);
      for (;;) {
        const next = await parts.next();
        if (waiting > 0) return;
        if (next.done) {
          const any = holding.length + inText.length + body.length > 0;
          shown = [...holding, ...body, ...next.value, ...inText, ...(any ? [] : near)];
          break;
        }
        body.push(...next.value);
        shown = [...holding, ...body, ...inText];
        send(true);
      }
    }
  } catch (error) {
    console.error("Tìm kiếm lỗi:", error);
    if (waiting > 0) return;
  }
  send(false);
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
    await respond(query);
  }
  busy = false;
}

let preloaded = "";

/**
 * The words typed in full so far (a space follows them) are words the coming query will
 * hold: their parts of the first index load while the citizen types the rest, instead of
 * after typing pauses. Only the first index: the second is asked for few queries, and
 * loading its parts for every query would cost most citizens bytes they never use.
 */
function preloadTyped(text) {
  const end = text.lastIndexOf(" ");
  const typed = end > 0 ? text.slice(0, end).trim() : "";
  if (plain(typed).length < MIN_LENGTH || typed === preloaded) return;
  preloaded = typed;
  pagefind(FIRST_BUNDLE)
    .then((engine) => engine.preload(typed))
    .catch(() => {});
}

/** Answer every question still owed with this result. */
function settle(data) {
  for (; owed > 0; owed -= 1) self.postMessage({ type: RESULT, data });
}

// The page says when the search box opens (trangxa.js), before the first key: the first
// index's scripts, settings and word list load then, while the citizen starts to type, and
// the word list of the newest shard of the second (a few KB), asked first when a query's
// words are only in the text of posts. The page cannot reach this worker itself, which
// Material's script starts and keeps.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel("trangxa-search").addEventListener("message", (event) => {
    if (event.data !== "open") return;
    for (const bundle of [FIRST_BUNDLE, ...BODY_BUNDLES.slice(0, 1)]) {
      pagefind(bundle).catch(() => {});
    }
  });
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest = String(message.data);
    waiting += 1;
    // The first key typed starts loading the first index's scripts while typing goes on.
    if (latest.trim()) pagefind(FIRST_BUNDLE).catch(() => {});
    preloadTyped(latest);
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
