// Screenshots of a built portal at a phone width (360 px) and a PC width
// (1280 px), in Debian's headless Chromium, for docs/screenshots/ and for
// looking at the layout by eye. Every image is loaded first (lazy ones too),
// so the pictures show as a reader would see them after scrolling.
//
//   node tests/browser/screenshots.mjs SITE_DIR OUT_DIR [site-path ...]
import { chromium } from "playwright-core";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const [siteArg, outArg, ...given] = process.argv.slice(2);
const site = path.resolve(siteArg), out = path.resolve(outArg);
const pages = given.length ? given
  : ["/", "/bai-viet/khai-mac-dai-hoi-xiv/", "/infographic/5-buoc-nop-ho-so-truc-tuyen/", "/van-ban/"];
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg" };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p.endsWith("/")) p += "index.html";
  const file = path.join(site, p);
  const found = file.startsWith(site) && fs.existsSync(file) && fs.statSync(file).isFile();
  res.writeHead(found ? 200 : 404, { "Content-Type": TYPES[path.extname(found ? file : ".html")] || "application/octet-stream" });
  res.end(fs.readFileSync(found ? file : path.join(site, "404.html")));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(origin + p, { waitUntil: "load" });
      await page.evaluate(async () => {
        for (const img of document.images) img.loading = "eager";
        await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
      });
      const name = (p.replace(/^\/|\/$/g, "").replace(/\//g, "-") || "home") + `-${width}.png`;
      // Full page, but capped: the README needs the top of a page, not all of it.
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), width === 360 ? 3200 : 2600);
      await page.screenshot({ path: path.join(out, name), clip: { x: 0, y: 0, width, height } , fullPage: true });
      console.log(path.join(out, name));
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
