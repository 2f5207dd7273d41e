// Side by side on one built portal: where Pagefind and bangtin put the
// expected item of each query of tests/search/queries.json. A measurement,
// not a test (Pagefind is not a dependency of bangtin): run it by hand.
//
//   npm install --prefix /tmp/pf pagefind@1.6.0
//   build/bangtin build --source . --output /tmp/portal --now 2026-11-23T12:00:00+07:00
//   node tests/browser/compare_pagefind.mjs /tmp/portal /tmp/pf/node_modules/.bin/pagefind
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2]);
const pagefind = process.argv[3];
const cases = JSON.parse(fs.readFileSync(path.join(here, "../search/queries.json"))).filter((c) => !c.kind);

execFileSync(pagefind, ["--site", site], { stdio: "pipe" });
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p.endsWith("/")) p += "index.html";
  const file = path.join(site, p);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" }).end(fs.readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const rows = [];
for (const c of cases) {
  const lang = c.page && c.page.startsWith("/en/") ? "/en" : "";
  await page.goto(`${base}${lang}/tim-kiem/?${new URLSearchParams({ q: c.q })}`);
  await page.waitForFunction(() => document.getElementById("tim-kiem").dataset.state === "done");
  const ours = await page.$$eval(".search-results h2 a", (as) => as.map((a) => a.getAttribute("href")));
  // Pagefind picks the index of the page's language from <html lang>.
  const theirs = await page.evaluate(async (q) => {
    const pf = await import("/pagefind/pagefind.js");
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return data.map((d) => d.url.replace(/index\.html$/, ""));
  }, c.q);
  const rank = (list) => (list.indexOf(c.top3) < 0 ? "—" : String(list.indexOf(c.top3) + 1));
  rows.push({ q: c.q, expect: c.top3, bangtin: rank(ours), pagefind: rank(theirs), pagefindTop: theirs[0] || "(none)" });
}
await browser.close();
server.close();
console.log("| query | expected | bangtin | Pagefind | Pagefind's first |\n| --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.q} | ${r.expect} | ${r.bangtin} | ${r.pagefind} | ${r.pagefindTop} |`);
const top3 = (k) => rows.filter((r) => r[k] !== "—" && +r[k] <= 3).length;
console.log(`\nexpected item in the top 3: bangtin ${top3("bangtin")}/${rows.length}, Pagefind ${top3("pagefind")}/${rows.length}`);
