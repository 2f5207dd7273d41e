// embed-page.js: trims an embed page (/nhung/…) to the number of items the
// ward chose in its snippet (?n=5), and hides a campaign banner outside its
// run of dates even when the portal has not been rebuilt yet. Without script
// the page simply shows every item it lists.
(function () {
  "use strict";
  var m = /[?&]n=(\d+)/.exec(location.search);
  var now = Date.now();
  document.addEventListener("DOMContentLoaded", function () {
    if (m) {
      var n = parseInt(m[1], 10), items = document.querySelectorAll(".embed-item");
      for (var i = n; i < items.length; i++) items[i].hidden = true;
    }
    var banners = document.querySelectorAll(".embed-banner-link");
    for (var j = 0; j < banners.length; j++) {
      var s = Date.parse(banners[j].getAttribute("data-start")), e = Date.parse(banners[j].getAttribute("data-end"));
      if ((s && now < s) || (e && now >= e)) banners[j].hidden = true;
    }
  });
})();
