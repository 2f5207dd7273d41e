// widget.js: the portal's latest news on a ward or commune site without an
// iframe. The ward pastes one <div> and this script (published at a stable
// address, /nhung/widget.js):
//
//   <div class="bangtin-tin" data-src="https://PORTAL/nhung/chuyen-muc/KEY.json" data-n="5"></div>
//   <script src="https://PORTAL/nhung/widget.js" async></script>
//
// It reads the JSON the build writes next to each embed page and draws the
// same list (thumbnail, date, title) or the running campaign banner. Text is
// set with textContent, never parsed as HTML, so a title cannot inject script
// into the ward's page; links open the portal in a new tab; no cookies.
(function () {
  "use strict";
  var doc = document;
  var css = ".bangtin-tin{font:inherit;max-width:100%}.bangtin-tin ol{list-style:none;margin:0;padding:0}" +
    ".bangtin-tin li{border-bottom:1px solid #e4e0da}.bangtin-tin li a{display:flex;gap:.6em;padding:.5em 0;" +
    "color:inherit;text-decoration:none}.bangtin-tin li a:hover span.t{text-decoration:underline}" +
    ".bangtin-tin img{flex:0 0 96px;width:96px;height:64px;object-fit:cover;border-radius:3px}" +
    ".bangtin-tin time{display:block;font-size:.8em;opacity:.75}.bangtin-tin span.t{font-weight:600}" +
    ".bangtin-tin .h{font-weight:700;margin:0 0 .3em}.bangtin-tin .b img{width:100%;height:auto;flex:none;border-radius:0}";

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function link(href) {
    var a = el("a");
    // Only http(s) links: a tampered JSON file cannot smuggle javascript: URLs.
    if (/^https?:\/\//.test(href)) a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    return a;
  }

  function drawList(box, data, n) {
    var head = el("p", "h");
    var h = link(data.url);
    h.textContent = data.title;
    head.appendChild(h);
    box.appendChild(head);
    var list = el("ol");
    var items = data.items || [];
    for (var i = 0; i < items.length && i < n; i++) {
      var it = items[i], li = el("li"), a = link(it.url);
      if (it.image && it.image.src) {
        var img = el("img");
        img.src = it.image.src;
        img.alt = "";
        img.loading = "lazy";
        a.appendChild(img);
      }
      var text = el("span");
      var time = el("time", "", it.day);
      time.setAttribute("datetime", it.date);
      text.appendChild(time);
      text.appendChild(el("span", "t", it.title));
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    }
    box.appendChild(list);
  }

  function drawBanners(box, data) {
    var now = Date.now();
    var banners = data.banners || [];
    for (var i = 0; i < banners.length; i++) {
      var b = banners[i];
      var start = Date.parse(b.start), end = Date.parse(b.end);
      if ((start && now < start) || (end && now >= end)) continue;  // same dates on every ward's site
      var a = link(b.link), img = el("img");
      a.className = "b";
      img.src = b.image;
      img.alt = b.alt || "";
      a.appendChild(img);
      box.appendChild(a);
    }
  }

  function fill(box) {
    if (box.getAttribute("data-done")) return;
    box.setAttribute("data-done", "1");
    var n = parseInt(box.getAttribute("data-n"), 10) || 5;
    var req = new XMLHttpRequest();
    req.open("GET", box.getAttribute("data-src"));
    req.onload = function () {
      if (req.status !== 200) return;
      var data;
      try { data = JSON.parse(req.responseText); } catch (e) { return; }
      if (data.banners) drawBanners(box, data); else drawList(box, data, n);
    };
    req.send();
  }

  function start() {
    if (!doc.getElementById("bangtin-tin-css")) {
      var style = el("style");
      style.id = "bangtin-tin-css";
      style.textContent = css;
      doc.head.appendChild(style);
    }
    var boxes = doc.querySelectorAll(".bangtin-tin[data-src]");
    for (var i = 0; i < boxes.length; i++) fill(boxes[i]);
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start); else start();
})();
