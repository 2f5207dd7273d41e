// portal.js: the few things a static page cannot do without script: print,
// share through the phone's share sheet (Zalo has no script-free share
// address), copy the link, and zoom a tall infographic. Loaded with `defer`
// from a file, never inline, so the portal can run under a CSP without
// 'unsafe-inline'. Every control starts `hidden` and is revealed here, so a
// reader without JavaScript never meets a button that does nothing.
(function () {
  "use strict";
  var doc = document;

  function reveal(selector, onClick) {
    var nodes = doc.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].hidden = false;
      nodes[i].addEventListener("click", onClick);
    }
    return nodes.length;
  }

  function say(button, text) {
    var status = button.parentNode.querySelector(".tool-status");
    if (status) status.textContent = text;
  }

  function canonical() {
    var link = doc.querySelector('link[rel="canonical"]');
    return link ? link.href : location.href;
  }

  function copy(button) {
    var url = canonical();
    var done = function () { say(button, button.parentNode.querySelector(".tool-status").getAttribute("data-copied")); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
    } else {
      window.prompt("", url);
    }
  }

  reveal("[data-print]", function () { window.print(); });
  reveal("[data-copy]", function () { copy(this); });

  // The share sheet lists Zalo on phones where it is installed; elsewhere the
  // button copies the link so it can be pasted into a Zalo chat.
  reveal("[data-share]", function () {
    var button = this;
    if (navigator.share) {
      navigator.share({ title: doc.title, url: canonical() }).catch(function () {});
    } else {
      copy(button);
    }
  });

  // Zoom: the infographic is shown at its own pixel width inside a frame that
  // scrolls both ways, so small type can be read on a 360 px screen.
  reveal("[data-zoom]", function () {
    var figure = doc.getElementById(this.getAttribute("data-zoom"));
    if (!figure) return;
    var on = figure.classList.toggle("is-zoomed");
    this.setAttribute("aria-pressed", on ? "true" : "false");
    // The picture's `sizes` says "as wide as the column"; zoomed, it asks for
    // the widest copy instead (the <img>'s width attribute), at its own size.
    var img = figure.querySelector("img");
    if (!img || !img.getAttribute("width")) return;
    var wide = img.getAttribute("width") + "px";
    var parts = figure.querySelectorAll("picture source, picture img");
    for (var i = 0; i < parts.length; i++) {
      var el = parts[i];
      if (!el.hasAttribute("data-sizes")) el.setAttribute("data-sizes", el.getAttribute("sizes") || "");
      el.setAttribute("sizes", on ? wide : el.getAttribute("data-sizes"));
    }
  });
})();
