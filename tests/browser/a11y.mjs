// axe-core over the built portal in Debian's headless Chromium: every page of
// pages.txt at a phone width (360 px) and a PC width (1280 px), WCAG 2.0 and
// 2.1 A and AA rules. Prints each violation with the elements it names and
// exits 1 when there is any.
//
//   node tests/browser/a11y.mjs SITE_DIR [PAGES_FILE]   (default: pages.txt, the sample portal's)
import { chromium } from "playwright-core";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] || "public");
const pages = fs.readFileSync(path.resolve(here, process.argv[3] || "pages.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
const axeSource = fs.readFileSync(path.join(here, "node_modules/axe-core/axe.min.js"), "utf8");
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
                ".png": "image/png", ".jpg": "image/jpeg", ".vtt": "text/vtt", ".ogg": "audio/ogg", ".mp4": "video/mp4" };

// Serves the site as a web server would: folders → index.html, misses → 404.html.
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p.endsWith("/")) p += "index.html";
  const file = path.join(site, p);
  if (file.startsWith(site) && fs.existsSync(file) && fs.statSync(file).isFile()) {
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  } else {
    res.writeHead(404, { "Content-Type": TYPES[".html"] });
    res.end(fs.readFileSync(path.join(site, "404.html")));
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let violations = 0;
try {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    // The YouTube frame is third-party and offline here; block it so the check
    // is about our page, not about the network.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(origin + p, { waitUntil: "load" });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                                   resultTypes: ["violations"] }));
      for (const v of result.violations) {
        violations += v.nodes.length;
        console.log(`${p} @${width}px: ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")}  ${n.failureSummary.split("\n").slice(1, 2).join("")}`);
      }
      console.log(`checked ${p} @${width}px: ${result.violations.length} rules violated, ${result.passes?.length ?? 0} passed`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`axe-core: ${violations} violations on ${pages.length} pages at 360 and 1280 px`);
process.exit(violations === 0 ? 0 : 1);
