// The search page as a reader meets it: builds the sample portal and the
// search fixture site with the bangtin binary given, serves them, and runs
// every query of tests/search/*.json through the real assets/js/search.js in
// headless Chromium. Prints what a first query downloads and how long results
// take; exits 1 when an expectation fails.
//
//   node tests/browser/search.mjs --bangtin build/bangtin [--verbose]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { serve } from "./counting_server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const args = process.argv.slice(2);
const bangtin = path.resolve(args[args.indexOf("--bangtin") + 1] || path.join(repo, "build/bangtin"));
const verbose = args.includes("--verbose");

// The .gz twin the build wrote is what a server sends compressed.
const gzipTwin = (file, body) => (fs.existsSync(file + ".gz") ? fs.statSync(file + ".gz").size : body.length);

function build(source, now) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bangtin-search-"));
  execFileSync(bangtin, ["build", "--source", source, "--output", path.join(out, "site"), "--now", now], { stdio: "pipe" });
  return path.join(out, "site");
}

// Runs one case: the first on a page loads it with ?q= (as a shared link
// would), the next ones on the same page type into the form, as a reader does.
async function results(page, base, c) {
  const url = `${base}${c.page || "/tim-kiem/"}`;
  if (!page.url().startsWith(url + "?")) {
    const params = new URLSearchParams({ q: c.q });
    for (const f of ["kind", "column", "year"]) if (c[f]) params.set(f, c[f]);
    await page.goto(`${url}?${params}`);
  } else {
    await page.evaluate((c) => {
      const root = document.getElementById("tim-kiem"), form = root.querySelector("form");
      root.dataset.state = "";
      form.elements.q.value = c.q;
      for (const f of ["kind", "column", "year"]) form.elements[f].value = c[f] || "";
      form.requestSubmit();
    }, c);
  }
  await page.waitForFunction(() => ["done", "error"].includes(document.getElementById("tim-kiem").dataset.state));
  return page.evaluate(() => ({
    urls: [...document.querySelectorAll(".search-results h2 a")].map((a) => a.getAttribute("href")),
    marks: [...document.querySelectorAll(".search-results li:first-child mark")].map((m) => m.textContent),
    status: document.querySelector(".search-status").textContent,
    timing: JSON.parse(document.getElementById("tim-kiem").dataset.timing || "{}"),
  }));
}

// One expectation, as written in the case files; returns a failure or "".
function check(c, r) {
  const pos = (u) => r.urls.indexOf(u);
  if (c.top3 && !(pos(c.top3) >= 0 && pos(c.top3) < 3)) return `${c.top3} not in the top 3`;
  if (c.first && r.urls[0] !== c.first) return `first is ${r.urls[0]}, not ${c.first}`;
  if (c.before && !(pos(c.before[0]) >= 0 && (pos(c.before[1]) < 0 || pos(c.before[0]) < pos(c.before[1]))))
    return `${c.before[0]} does not come before ${c.before[1]}`;
  for (const u of c.found || []) if (pos(u) < 0) return `${u} not found`;
  for (const u of c.absent || []) if (pos(u) >= 0) return `${u} found but should not be`;
  if (c.count !== undefined && r.urls.length !== c.count) return `${r.urls.length} results, not ${c.count}`;
  if (c.marked && !r.marks.some((m) => m.normalize("NFC").toLowerCase() === c.marked)) return `no <mark>${c.marked}</mark> in the first result`;
  return "";
}

// A long posting list as the build splits it (tests/search/split_term.json,
// kept equal to the build's output by tests/search/terms_test.cc) must come
// back from search.js with every document, weight and spelling.
function checkSplitList(failures) {
  const js = createRequire(import.meta.url)(path.join(repo, "assets/js/search.js"));
  const fixture = JSON.parse(fs.readFileSync(path.join(repo, "tests/search/split_term.json")));
  const spellings = fixture.value.s.length;
  for (let bit = -1; bit < spellings; bit++) {
    const list = js.expand(fixture.value, fixture.docs, bit);
    const got = Array.from(list.docs, (d, i) => [d, list.weights[i], list.exact[i]]);
    const want = fixture.postings.map(([d, w, mask]) => [d, w, bit >= 0 ? (mask >>> bit) & 1 : 0]);
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`split list, spelling ${bit}: search.js reads other postings`);
  }
}

// The last word of a query is also looked up as a beginning: its key, and
// with the word before it the pair's (docs/search.md, "Unfinished words").
function checkParse(failures) {
  const js = createRequire(import.meta.url)(path.join(repo, "assets/js/search.js"));
  const want = [
    ["khai mạc đại h", ["khai", "mac", "dai", "h", "khai mac", "mac dai", "dai h", "h*", "dai h*"]],
    ["Khai mac DAI HỘ", ["khai", "mac", "dai", "ho", "khai mac", "mac dai", "dai ho", "ho*", "dai h*"]],
    ["h", ["h", "h*"]],
    // After a comma the last word has no pair; a long word is looked up by
    // its first ten letters; a CJK bigram is never a beginning.
    ["số, hóa", ["so", "hoa", "hoa*"]],
    ["administrations", ["administrations", "administra*"]],
    ["数字化", ["数字", "字化"]],
  ];
  for (const [q, keys] of want) {
    const got = js.keys(js.parse(q));
    if (JSON.stringify(got) !== JSON.stringify(keys)) failures.push(`keys of "${q}": ${JSON.stringify(got)}, not ${JSON.stringify(keys)}`);
  }
}

// A reader typing, key by key, without pressing Enter: the results follow
// the typing; prints what the whole typing downloaded.
async function checkTyping(browser, site, suite, failures) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}${suite.typed.page || "/tim-kiem/"}`);
  site.sent.length = 0;
  await page.type("#tim-kiem input[name=q]", suite.typed.q, { delay: 40 });
  const want = suite.typed.top3;
  try {
    await page.waitForFunction((u) => [...document.querySelectorAll(".search-results h2 a")].slice(0, 3)
      .some((a) => a.getAttribute("href") === u), want, { timeout: 10000 });
  } catch {
    const got = await page.$$eval(".search-results h2 a", (as) => as.map((a) => a.getAttribute("href")));
    failures.push(`${suite.name}: typing "${suite.typed.q}" does not bring ${want} into the top 3 — got ${got.slice(0, 5).join(" ")}`);
  }
  const idx = site.sent.filter((s) => s.path.includes("/tim-kiem/idx/"));
  console.log(`${suite.name}: typing "${suite.typed.q}" key by key: index ${idx.reduce((n, s) => n + s.bytes, 0)} B in ${idx.length} files`);
  await context.close();
}

async function run() {
  const sample = build(repo, "2026-11-23T12:00:00+07:00");
  const fixture = build(path.join(repo, "tests/sites/valid-search"), "2026-02-01T00:00:00+07:00");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const failures = [];
  checkSplitList(failures);
  checkParse(failures);
  const suites = [
    // budget: what a first query may download from the index (shards and
    // the records shown), uncompressed; about 1.5 times what it takes now
    // (the last word's beginning added a shard or two).
    { name: "sample portal", root: sample, budget: 72 * 1024, perKey: 6 * 1024, more: "và",
      typed: { q: "khai mạc đại h", top3: "/bai-viet/khai-mac-dai-hoi-xiv/" },
      cases: JSON.parse(fs.readFileSync(path.join(repo, "tests/search/queries.json"))) },
    { name: "search fixture", root: fixture, budget: 14 * 1024, perKey: 6 * 1024,
      cases: JSON.parse(fs.readFileSync(path.join(repo, "tests/search/ranking.json"))) },
  ];
  try {
    for (const suite of suites) {
      const site = await serve(suite.root, gzipTwin);
      // A first query on a cold cache: what a reader downloads and waits for.
      const cold = await browser.newContext();
      const first = await cold.newPage();
      site.sent.length = 0;
      const r0 = await results(first, site.url, suite.cases[0]);
      const idx = site.sent.filter((s) => s.path.includes("/tim-kiem/idx/"));
      const sum = (list, k) => list.reduce((n, s) => n + s[k], 0);
      console.log(`${suite.name}: first query "${suite.cases[0].q}": index ${sum(idx, "bytes")} B in ${idx.length} files ` +
                  `(${sum(idx, "gzip")} B gzipped); page and script ${sum(site.sent, "bytes") - sum(idx, "bytes")} B; ` +
                  `after the shards arrived: ranked in ${r0.timing.rank?.toFixed(1)} ms, first result shown at ${r0.timing.first?.toFixed(1)} ms, ` +
                  `all ${r0.timing.shown?.toFixed(1)} ms`);
      if (sum(idx, "bytes") > suite.budget)
        failures.push(`${suite.name}: a first query downloads ${sum(idx, "bytes")} B of index, over ${suite.budget} B`);
      await cold.close();
      // Cases marked "cold" are first queries too: a one-letter beginning
      // must not download a large part of the index: the term shards of one
      // are held to `perKey` for each key it looks up (a shard of about 4 KB,
      // or a split list's), however short its beginning. The records shown
      // cost what any ten results cost.
      const js = createRequire(import.meta.url)(path.join(repo, "assets/js/search.js"));
      for (const c of suite.cases.filter((c) => c.cold)) {
        const context = await browser.newContext();
        site.sent.length = 0;
        await results(await context.newPage(), site.url, c);
        const got = site.sent.filter((s) => s.path.includes("/tim-kiem/idx/"));
        const bytes = sum(got, "bytes"), terms = sum(got.filter((s) => s.path.includes("/idx/t/")), "bytes");
        const keys = js.keys(js.parse(c.q)).length;
        console.log(`${suite.name}: first query "${c.q}": index ${bytes} B in ${got.length} files, ${terms} B of it term shards for ${keys} keys`);
        if (bytes > suite.budget) failures.push(`${suite.name}: a first query "${c.q}" downloads ${bytes} B of index, over ${suite.budget} B`);
        if (terms > keys * suite.perKey)
          failures.push(`${suite.name}: a first query "${c.q}" downloads ${terms} B of term shards for ${keys} keys, over ${suite.perKey} B a key`);
        await context.close();
      }
      if (suite.typed) await checkTyping(browser, site, suite, failures);

      const context = await browser.newContext();
      const page = await context.newPage();
      const shown = [];
      for (const c of suite.cases) {
        const r = await results(page, site.url, c);
        shown.push(r.timing.first || 0);
        const failure = check(c, r);
        if (failure) failures.push(`${suite.name}: "${c.q}"${c.kind ? ` kind=${c.kind}` : ""}: ${failure} — got ${r.urls.slice(0, 5).join(" ")}`);
        if (verbose) console.log(`  ${failure ? "FAIL" : "ok  "} ${c.q} → ${r.urls.slice(0, 3).join(" ")}`);
      }
      shown.sort((a, b) => a - b);
      console.log(`${suite.name}: ${suite.cases.length} queries; first result shown after the shards arrived: ` +
                  `median ${shown[shown.length >> 1].toFixed(1)} ms, max ${shown[shown.length - 1].toFixed(1)} ms`);

      // "More" continues the ranking where the first page stopped: ten more,
      // none shown twice.
      if (suite.more) {
        await results(page, site.url, { q: suite.more });
        const before = await page.$$eval(".search-results h2 a", (as) => as.length);
        await page.click(".search-more");
        await page.waitForFunction((n) => document.querySelectorAll(".search-results li").length > n, before);
        await page.waitForFunction(() => [...document.querySelectorAll(".search-results li")].every((li) => li.querySelector("h2")));
        const urls = await page.$$eval(".search-results h2 a", (as) => as.map((a) => a.getAttribute("href")));
        if (before !== 10 || urls.length <= 10 || new Set(urls).size !== urls.length)
          failures.push(`${suite.name}: "more" after "${suite.more}": ${before} then ${urls.length} results, ${new Set(urls).size} distinct`);
      }

      // Without JavaScript the page still offers a way to the content.
      const nojs = await browser.newContext({ javaScriptEnabled: false });
      const p2 = await nojs.newPage();
      await p2.goto(`${site.url}/tim-kiem/?q=x`);
      const help = await p2.evaluate(() => {
        const box = document.querySelector(".search-no-js");
        return box && getComputedStyle(box).display !== "none" && !!box.querySelector('a[href$="/sitemap.xml"]') &&
               box.querySelectorAll('a[href*="/chuyen-muc/"]').length > 1;
      });
      if (!help) failures.push(`${suite.name}: without JavaScript the page offers no sitemap and column links`);
      await p2.goto(`${site.url}/`);
      if (!(await p2.$('header form[role=search][action$="/tim-kiem/"] input[name=q]')))
        failures.push(`${suite.name}: the home page header has no search form`);
      await nojs.close();
      await context.close();
      site.server.close();
    }
  } finally {
    await browser.close();
    for (const dir of [sample, fixture]) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
  for (const f of failures) console.log("FAIL " + f);
  console.log(failures.length ? `${failures.length} failed` : "all search checks passed");
  return failures.length ? 1 : 0;
}

run().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
