// embed-builder.js: the "Nhúng tin" page. Builds the snippet a ward officer
// copies (an iframe or the widget.js div) from the chosen source, size and
// count, and keeps the live preview in step. Values come from the page's own
// <option> data-* attributes; the snippet is plain text in a <textarea>.
(function () {
  "use strict";
  var doc = document;
  function $(id) { return doc.getElementById(id); }
  function attr(s) { return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); }

  function update() {
    var opt = $("embed-source").selectedOptions[0];
    var n = Math.max(1, parseInt($("embed-count").value, 10) || 5);
    var w = parseInt($("embed-width").value, 10) || 360, h = parseInt($("embed-height").value, 10) || 480;
    var banner = opt.getAttribute("data-banner") === "1";
    var page = opt.value + (banner ? "" : "?n=" + n);
    var code;
    if ($("embed-kind").value === "widget") {
      code = '<div class="bangtin-tin" data-src="' + attr(opt.getAttribute("data-json")) + '" data-n="' + n + '"></div>\n' +
             '<script src="' + attr($("embed-code").getAttribute("data-widget")) + '" async></script>';
    } else {
      code = '<iframe src="' + attr(page) + '" width="' + w + '" height="' + h +
             '" style="border:0;max-width:100%" loading="lazy" title="' + attr(opt.textContent) + '"></iframe>';
    }
    $("embed-code").value = code;
    var frame = $("embed-preview");
    if (frame.getAttribute("src") !== page) frame.setAttribute("src", page);
    frame.width = w;
    frame.height = h;
  }

  doc.addEventListener("DOMContentLoaded", function () {
    var form = $("embed-form");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    $("embed-copy").addEventListener("click", function () {
      var b = this, code = $("embed-code");
      code.select();
      var done = function () { b.textContent = b.getAttribute("data-done"); };
      if (navigator.clipboard) navigator.clipboard.writeText(code.value).then(done, function () { doc.execCommand("copy"); done(); });
      else { doc.execCommand("copy"); done(); }
    });
    update();
  });
})();
