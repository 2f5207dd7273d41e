// A static server over a built site that notes what it sends: path, bytes
// and the gzipped size (from `gzipSize(file, body)`, after the answer, so
// measuring adds nothing to the time a page waits). Shared by
// tests/browser/search.mjs and bench/search.mjs, which count what a search
// downloads.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json",
                ".css": "text/css", ".xml": "application/xml" };

// Resolves to { server, sent, url }; `sent` grows with each answer.
export function serve(root, gzipSize) {
  const sent = [];
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(root, p);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" }).end(body);
    sent.push({ path: p, bytes: body.length, gzip: gzipSize(file, body) });
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, sent, url: `http://127.0.0.1:${server.address().port}` })));
}
