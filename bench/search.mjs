// What a reader's first query downloads, on a built site, through the real
// assets/js/search.js in headless Chromium: every file fetched under
// /tim-kiem/idx/ until the results are shown (term shards, postings tails,
// result records), uncompressed and gzipped (level 9, as the build's .gz
// twins), and the time from the shards' arrival to the first result.
// Each query runs in a fresh browser context, so nothing is cached ("first");
// then all again typed into one open page ("warm", as tests/browser/search.mjs
// measures the sample portal).
//
//   node bench/search.mjs --site OUT [--queries FILE] [--json]
//
// The queries default to bench/search_queries.txt (one a line). bench/search
// builds a corpus first and then runs this. Needs tests/browser/node_modules
// (bash .ci/setup --deps-only).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const require = createRequire(path.join(repo, "tests/browser/package.json"));
const { chromium } = require("playwright-core");
const { serve } = await import(path.join(repo, "tests/browser/counting_server.mjs"));

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const root = path.resolve(opt("--site", ""));
const queryFile = opt("--queries", path.join(here, "search_queries.txt"));
const queries = fs.readFileSync(queryFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  if (!fs.existsSync(path.join(root, "tim-kiem/index.html"))) throw new Error(`no built site with /tim-kiem/ at ${root}`);
  const site = await serve(root, (file, body) => zlib.gzipSync(body, { level: 9 }).length);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const rows = [];
  try {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.url}/tim-kiem/`);
      site.sent.length = 0;
      await page.goto(`${site.url}/tim-kiem/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => ["done", "error"].includes(document.getElementById("tim-kiem").dataset.state));
      const r = await page.evaluate(() => ({
        timing: JSON.parse(document.getElementById("tim-kiem").dataset.timing || "{}"),
        results: document.querySelectorAll(".search-results h2 a").length,
        status: document.querySelector(".search-status").textContent,
      }));
      const idx = site.sent.filter((s) => s.path.includes("/tim-kiem/idx/"));
      const sum = (k, f = () => true) => idx.filter(f).reduce((n, s) => n + s[k], 0);
      rows.push({ q, files: idx.length, bytes: sum("bytes"), gzip: sum("gzip"),
                  terms: sum("bytes", (s) => !s.path.includes("/idx/r/")), records: sum("bytes", (s) => s.path.includes("/idx/r/")),
                  first: r.timing.first || 0, rank: r.timing.rank || 0, status: r.status });
      await context.close();
    }
    // Then as a reader who keeps the page open: each query typed into the
    // form of one page (warm script; shards of earlier queries cached).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/tim-kiem/`);
    for (const row of rows) {
      const timing = await page.evaluate(async (q) => {
        const root = document.getElementById("tim-kiem"), form = root.querySelector("form");
        root.dataset.state = "";
        form.elements.q.value = q;
        form.requestSubmit();
        while (!["done", "error"].includes(root.dataset.state)) await new Promise((ok) => setTimeout(ok, 5));
        return JSON.parse(root.dataset.timing || "{}");
      }, row.q);
      row.warm = timing.first || 0;
    }
    await context.close();
  } finally {
    await browser.close();
    site.server.close();
  }
  if (args.includes("--json")) {
    console.log(JSON.stringify(rows, null, 1));
    return;
  }
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log("   KB  gzipKB  terms  records files  rank ms first ms  warm ms  query");
  for (const r of rows)
    console.log(`${kb(r.bytes)} ${kb(r.gzip)} ${kb(r.terms)} ${kb(r.records)} ${String(r.files).padStart(4)} ` +
                `${r.rank.toFixed(1).padStart(8)} ${r.first.toFixed(1).padStart(8)} ${r.warm.toFixed(1).padStart(8)}  ${r.q} (${r.status})`);
  for (const k of ["bytes", "gzip", "first", "warm"]) {
    const xs = rows.map((r) => r[k]);
    const fmt = (n) => (k === "first" || k === "warm" ? `${n.toFixed(1)} ms` : `${(n / 1024).toFixed(1)} KB`);
    console.log(`${k.padEnd(6)} worst ${fmt(Math.max(...xs))}, median ${fmt(median(xs))}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
