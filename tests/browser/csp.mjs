// The portal's pages as nginx serves them (docs/nginx.conf, with its
// Content-Security-Policy header) in Debian's headless Chromium: each page
// must load with no CSP violation (the securitypolicyviolation events the page
// fires, collected from before its first script) and no console error or
// uncaught exception. Third-party requests (the YouTube frame) never leave
// the machine: they get an empty page. Prints what it found per page and
// exits 1 when there is anything.
//
//   node tests/browser/csp.mjs ORIGIN PATH...      e.g. http://127.0.0.1:8080 / /bai-viet/x/
import { chromium } from "playwright-core";

const [origin, ...paths] = process.argv.slice(2);
if (!origin || paths.length === 0) {
  console.error("usage: node csp.mjs ORIGIN PATH...");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let problems = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !url.href.startsWith(origin + "/"), (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>x</title>" }));
  // Registered before any of the page's own code runs.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || "?"}:${e.lineNumber}`));
  });
  for (const p of paths) {
    const page = await context.newPage();
    const found = [];
    page.on("console", (m) => { if (m.type() === "error") found.push(`console error: ${m.text()}`); });
    page.on("pageerror", (e) => found.push(`uncaught: ${e.message}`));
    const response = await page.goto(origin + p, { waitUntil: "networkidle" });
    const csp = response.headers()["content-security-policy"] || "";
    if (!csp.includes("script-src 'self'")) found.push(`no Content-Security-Policy with script-src 'self' (got "${csp}")`);
    if (response.status() !== 200) found.push(`status ${response.status()}`);
    await page.waitForTimeout(300);  // late scripts and their requests
    for (const v of await page.evaluate(() => window.__csp)) found.push(`CSP violation: ${v}`);
    for (const f of found) console.log(`${p}: ${f}`);
    console.log(`checked ${p}: ${found.length} problems`);
    problems += found.length;
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
}
console.log(`csp: ${problems} problems on ${paths.length} pages`);
process.exit(problems === 0 ? 0 : 1);
