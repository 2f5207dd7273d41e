// Search on /tim-kiem/, answered in the browser from the index bangtin built
// with the site (generator/search/, format in docs/search.md). Only the term
// shards a query needs are fetched, then the file of records (a few to a
// file) of each result shown.
// Words are cut and folded exactly as generator/core/text.cc does, or the
// query would miss what the build indexed.
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = {};
  for (var a = 0; a < 64; a++) DIGIT[ALPHABET.charAt(a)] = a;
  var WORD = /[\p{L}\p{N}\p{M}]/u, MARK = /\p{M}/u, MARKS = /\p{M}/gu;
  var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
  var BREAKS = /[,;:!?()[\]{}"\n“”«»…。，、！？：；]|\.[ \t]/;
  var PAGE = 10;
  // As generator/search/tokenize.h: the longest beginning of a word the
  // index lists, and how much of the second word a pair is listed under.
  var PREFIX_LETTERS = 10, PAIR_PREFIX_LETTERS = 1;

  function lower(s) { return s.normalize("NFC").toLowerCase().normalize("NFC"); }
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").normalize("NFC");
  }

  // Runs of letters, digits and marks; CJK runs apart from the others.
  function words(text) {
    var out = [], open = false, i = 0;
    for (var ch of text) {
      var start = i;
      i += ch.length;
      if (!WORD.test(ch)) { open = false; continue; }
      var cjk = CJK.test(ch), last = out[out.length - 1];
      if (open && (MARK.test(ch) || last.cjk === cjk)) last.end = i;
      else { out.push({ begin: start, end: i, cjk: cjk }); open = true; }
    }
    return out;
  }

  function tokenize(input) {
    var text = input.normalize("NFC"), out = [], prevEnd = -1;
    words(text).forEach(function (w) {
      var word = text.slice(w.begin, w.end);
      var joined = prevEnd >= 0 && !BREAKS.test(text.slice(prevEnd, w.begin));
      prevEnd = w.end;
      if (!w.cjk) { out.push({ exact: lower(word), folded: fold(word), joined: joined, cjk: false }); return; }
      var chars = Array.from(word);
      if (chars.length === 1) { var l = lower(word); out.push({ exact: l, folded: l, joined: false, cjk: true }); return; }
      for (var k = 0; k + 1 < chars.length; k++) {
        var b = lower(chars[k] + chars[k + 1]);
        out.push({ exact: b, folded: b, joined: false, cjk: true });
      }
    });
    return out;
  }

  function numbers(s) {
    var out = [], n = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charAt(i)];
      n += (d & 31) * mul;
      if (d < 32) { out.push(n); n = 0; mul = 1; } else mul *= 32;
    }
    return out;
  }

  function ids(s) {
    var gaps = numbers(s), prev = -1;
    return gaps.map(function (g) { return (prev += g); });
  }

  // A set of documents out of `within` (all when null): gaps; "~" and a
  // bitmap of six documents a character; or "!" and the gaps of the
  // documents of `within` left out. One byte a document, 1 when in the set.
  function set(s, docs, within) {
    var has = new Uint8Array(docs), c = s.charAt(0), i = 0;
    if (c === "~") {
      for (i = 1; i < s.length; i++) {
        var bits = DIGIT[s.charAt(i)];
        for (var j = 0; j < 6; j++) if (bits & (1 << j)) has[(i - 1) * 6 + j] = 1;
      }
      return has;
    }
    // Gaps, read in place: a set can list thousands of documents.
    var on = 1, doc = -1, n = 0, mul = 1;
    if (c === "!") {
      if (within) has.set(within); else has.fill(1);
      on = 0;
      i = 1;
    }
    for (; i < s.length; i++) {
      var d = DIGIT[s.charAt(i)];
      n += (d & 31) * mul;
      if (d < 32) { doc += n; has[doc] = on; n = 0; mul = 1; } else mul *= 32;
    }
    return has;
  }

  // A term's postings from its shard value (docs/search.md): documents
  // ascending, their weights, and whether each uses the spelling number
  // `bit` (-1: none is asked for). A split list gives its tail the shared
  // weight `w`. Typed arrays: a common word is in nearly every document.
  function expand(v, docs, bit) {
    var out, n = 0, i;
    if (typeof v === "string" || Array.isArray(v)) {
      var nums = numbers(typeof v === "string" ? v : v[0]), step = typeof v !== "string" && v.length > 2 ? 3 : 2;
      n = Math.floor(nums.length / step);
      out = { docs: new Int32Array(n), weights: new Uint8Array(n), exact: new Uint8Array(n) };
      for (var doc = -1, i = 0; i < n; i++) {
        out.docs[i] = doc += nums[i * step];
        out.weights[i] = nums[i * step + 1];
        out.exact[i] = bit >= 0 && ((step === 3 ? nums[i * step + 2] : 1) >>> bit) & 1;
      }
      return out;
    }
    var all = set(v.a, docs, null), at = new Int32Array(docs), list = new Int32Array(docs);
    for (i = 0; i < docs; i++) if (all[i]) { at[i] = n; list[n++] = i; }
    out = { docs: list.subarray(0, n), weights: new Uint8Array(n).fill(v.w), exact: new Uint8Array(n) };
    var head = numbers(v.h);
    for (var k = 0, d = -1; k + 1 < head.length; k += 2) out.weights[at[d += head[k]]] = head[k + 1];
    // With one spelling ("e" absent) every document uses it.
    if (bit >= 0 && !v.e) out.exact.fill(bit === 0 ? 1 : 0);
    if (bit >= 0 && v.e) {
      var has = set(v.e[bit], docs, all);
      for (i = 0; i < n; i++) out.exact[i] = has[list[i]];
    }
    return out;
  }

  function shardOf(term, shards) {
    var bytes = new TextEncoder().encode(term), h = 2166136261;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    return h % shards;
  }

  function letters(s, n) { return Array.from(s).slice(0, n).join(""); }

  // The keys a query looks up: its terms, its pairs of neighbouring words and,
  // when it starts a run with a digit, a document number ("128 kh ubnd").
  // The last word may be unfinished, so it is also looked up as a beginning
  // ("đại h": "h*", and with the word before it "dai h*"; docs/search.md).
  function parse(query) {
    var toks = tokenize(query), terms = [], seen = {}, pairs = [], number = "", prefix = null;
    toks.forEach(function (t, i) {
      if (!seen[t.folded]) { seen[t.folded] = 1; terms.push(t); }
      var p = toks[i - 1];
      if (i > 0 && t.joined && !t.cjk && !p.cjk) {
        var key = p.folded + " " + t.folded;
        if (!seen[key]) { seen[key] = 1; pairs.push(key); }
      }
    });
    var last = toks[toks.length - 1], before = toks[toks.length - 2];
    if (last && !last.cjk) {
      var cut = Array.from(last.folded).length > PREFIX_LETTERS;
      prefix = { folded: last.folded, key: letters(last.folded, PREFIX_LETTERS) + "*",
                 exact: cut ? letters(last.exact, PREFIX_LETTERS) : last.exact,
                 pair: null, whole: null };
      if (before && last.joined && !before.cjk) {
        prefix.whole = before.folded + " " + last.folded;
        prefix.pair = before.folded + " " + letters(last.folded, PAIR_PREFIX_LETTERS) + "*";
      }
    }
    for (var i = 0; i < toks.length; i++) {
      if (toks[i].cjk || !/^[0-9]/.test(toks[i].folded)) continue;
      var rest = toks.slice(i);
      if (rest.length > 1 && rest.every(function (t) { return !t.cjk; }))
        number = rest.map(function (t) { return t.folded; }).join("");
      break;
    }
    return { terms: terms, pairs: pairs, number: number, prefix: prefix };
  }

  // Every key a query needs from the shards.
  function keys(q) {
    var out = q.terms.map(function (t) { return t.folded; }).concat(q.pairs, q.number ? [q.number] : []);
    if (q.prefix) out.push(q.prefix.key);
    if (q.prefix && q.prefix.pair) out.push(q.prefix.pair);
    return out;
  }

  // Ranking, most important first: every word found (the last one whole or
  // as a beginning); the document whose own number was typed; more
  // neighbouring pairs (the phrase as typed; the last pair counts half when
  // only its beginning is there); the last word found whole rather than as a
  // beginning; more words with the very marks typed; then the BM25-like
  // weights the build computed; then the newer item (lower number).
  function rank(q, lookup, docs) {
    // One slot per document: a query over common words touches thousands.
    var m = new Uint16Array(docs), n = new Uint8Array(docs), p = new Uint16Array(docs);
    var e = new Uint16Array(docs), s = new Float64Array(docs);
    // w: the last word found whole; wp: its pair found whole.
    var w = new Uint8Array(docs), wp = new Uint8Array(docs);
    function idf(df) { return Math.log(1 + (docs - df + 0.5) / (df + 0.5)); }
    // The postings of `key` (or null) and the idf of the key; with `exact`,
    // which of them use that spelling.
    function postings(key, exact) {
      var v = lookup(key);
      if (v === undefined) return null;
      var bit = -1;
      if (exact !== undefined) {
        var spellings = typeof v === "string" ? [] : Array.isArray(v) ? v.slice(1) : v.s || [];
        var folded = key.charAt(key.length - 1) === "*" ? key.slice(0, -1) : key;
        bit = spellings.length ? spellings.indexOf(exact) : (exact === folded ? 0 : -1);
      }
      var list = expand(v, docs, bit);
      list.idf = idf(list.docs.length);
      return list;
    }
    var last = q.prefix;
    // The loops are inline, not callbacks, with local variables (not ones a
    // closure shares): they run once per posting.
    q.terms.forEach(function (t) {
      var marked = !t.cjk && t.exact !== t.folded, isLast = last && t.folded === last.folded;
      var list = postings(t.folded, t.exact), i, d;
      for (i = 0; list && i < list.docs.length; i++) {
        d = list.docs[i];
        m[d]++;
        if (isLast) w[d] = 1;
        if (marked && list.exact[i]) e[d]++;
        s[d] += list.idf * list.weights[i] * (marked && !list.exact[i] ? 0.5 : 1);
      }
      if (!isLast) return;
      // Then the words it begins, where it is not there whole, at half the
      // weight (a quarter without the typed marks).
      list = postings(last.key, last.exact);
      for (i = 0; list && i < list.docs.length; i++) {
        d = list.docs[i];
        if (w[d]) continue;
        m[d]++;
        if (marked && list.exact[i]) e[d]++;
        s[d] += 0.5 * list.idf * list.weights[i] * (marked && !list.exact[i] ? 0.5 : 1);
      }
    });
    // Pairs count two, so that the last pair begun but not finished counts one.
    q.pairs.forEach(function (key) {
      var list = postings(key), isLast = last && key === last.whole;
      if (!list) return;
      var ds = list.docs, ws = list.weights, f = 1.5 * list.idf;
      for (var i = 0; i < ds.length; i++) { p[ds[i]] += 2; s[ds[i]] += f * ws[i]; if (isLast) wp[ds[i]] = 1; }
    });
    var begun = last && last.pair ? postings(last.pair) : null;
    for (var i = 0; begun && i < begun.docs.length; i++) {
      var d = begun.docs[i];
      if (wp[d]) continue;
      p[d]++;
      s[d] += 0.75 * begun.idf * begun.weights[i];
    }
    var number = q.number ? postings(q.number) : null;
    for (i = 0; number && i < number.docs.length; i++) {
      d = number.docs[i];
      m[d] = q.terms.length; n[d] = 1; p[d] = 2 * q.pairs.length; w[d] = 1; s[d] += 3 * number.idf * number.weights[i];
    }
    // Every document a pair or number reached has a word of the query too.
    var full = [], some = [];
    for (d = 0; d < docs; d++) {
      if (m[d] >= q.terms.length) full.push(d);
      else if (m[d] > 0 && !full.length) some.push(d);
    }
    var list = full.length ? full : some;
    // Negative when document a ranks above b.
    function before(a, b) {
      return m[b] - m[a] || n[b] - n[a] || p[b] - p[a] || w[b] - w[a] || e[b] - e[a] || s[b] - s[a] || a - b;
    }
    return { docs: list, before: before, taken: new Uint8Array(docs), partial: !full.length && list.length > 0 };
  }

  // The next k documents of a ranking, best first, each once: a page shows
  // ten of thousands, and one pass keeping the best ten is far cheaper than
  // sorting them all before the first result can show.
  function best(ranked, k) {
    var top = [], docs = ranked.docs, before = ranked.before;
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      if (ranked.taken[d] || (top.length === k && before(d, top[k - 1]) >= 0)) continue;
      var j = top.length < k ? top.length : k - 1;
      for (; j > 0 && before(d, top[j - 1]) < 0; j--) top[j] = top[j - 1];
      top[j] = d;
    }
    top.forEach(function (d) { ranked.taken[d] = 1; });
    return top;
  }

  // The whole ranking in order (for tools; the page takes it a page at a time).
  function sorted(ranked) { return ranked.docs.slice().sort(ranked.before); }

  // --- In the page ----------------------------------------------------------

  function escape(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Text with the query's words in <mark>; cut to a window around the place
  // where most of them meet when `window` is set.
  function highlight(text, q, window) {
    var want = {}, cjk = [], begins = q.prefix ? q.prefix.folded : null;
    q.terms.forEach(function (t) { if (t.cjk) cjk.push(t.folded); else want[t.folded] = 1; });
    var ws = words(text), match = ws.map(function (w) {
      var s = text.slice(w.begin, w.end);
      if (w.cjk) return cjk.some(function (c) { return lower(s).indexOf(c) >= 0; });
      var f = fold(s);
      return want[f] === 1 || (begins !== null && f.lastIndexOf(begins, 0) === 0);
    });
    var from = 0, to = ws.length;
    if (window && ws.length > window) {
      var best = -1, bestCount = 0;
      for (var i = 0; i < ws.length; i++) {
        if (!match[i]) continue;
        var c = 0;
        for (var j = i; j < Math.min(ws.length, i + 20); j++) if (match[j]) c++;
        if (c > bestCount) { bestCount = c; best = i; }
      }
      from = Math.max(0, best - 8);
      to = Math.min(ws.length, from + window);
    }
    var start = from > 0 ? ws[from].begin : 0, end = to < ws.length ? ws[to - 1].end : text.length;
    var out = from > 0 ? "… " : "", at = start;
    for (var k = from; k < to; k++) {
      if (!match[k]) continue;
      out += escape(text.slice(at, ws[k].begin)) + "<mark>" + escape(text.slice(ws[k].begin, ws[k].end)) + "</mark>";
      at = ws[k].end;
    }
    return out + escape(text.slice(at, end)) + (end < text.length ? " …" : "");
  }

  function start(root) {
    var base = root.dataset.index, version = root.dataset.version;
    var shards = +root.dataset.shards, docs = +root.dataset.docs, group = +root.dataset.group;
    var form = root.querySelector("form"), input = form.elements.q;
    var status = root.querySelector(".search-status"), results = root.querySelector(".search-results");
    var more = root.querySelector(".search-more");
    var cache = new Map(), run = 0, ranked = null, left = 0, q = null, firstShown = 0;
    function get(path) {
      if (!cache.has(path)) {
        cache.set(path, fetch(base + path + "?v=" + version).then(function (r) {
          if (!r.ok) throw new Error(path);
          return r.json();
        }));
      }
      return cache.get(path);
    }
    function say(text) { status.textContent = text; }
    function card(rec) {
      var li = document.createElement("li"), meta = [rec.k, rec.d];
      if (rec.n) meta.push(rec.n);
      var text = rec.x || rec.s || "";
      li.innerHTML = '<h2><a href="' + escape(rec.u) + '">' + highlight(rec.t, q, 0) + "</a></h2>" +
        '<p class="search-meta">' + meta.map(escape).join(" · ") + "</p>" +
        "<p>" + highlight(text, q, 36) + "</p>";
      return li;
    }
    // Cards appear in rank order as their records arrive: the first result
    // need not wait for the tenth.
    function showMore(mine) {
      var next = best(ranked, PAGE);
      left -= next.length;
      more.hidden = true;
      return Promise.all(next.map(function (h) {
        var li = results.appendChild(document.createElement("li"));
        return get("r/" + Math.floor(h / group) + ".json").then(function (recs) {
          var rec = recs[h % group];
          if (mine !== run) return;
          results.replaceChild(card(rec), li);
          if (!firstShown) firstShown = performance.now();
        });
      })).then(function () { if (mine === run) more.hidden = left === 0; });
    }
    function search() {
      var mine = ++run, t0 = performance.now(), tShards = 0, tRank = 0;
      firstShown = 0;
      var params = new URLSearchParams(new FormData(form));
      q = parse(input.value);
      results.textContent = "";
      more.hidden = true;
      root.dataset.state = "busy";
      if (!q.terms.length) { say(""); root.dataset.state = "done"; return Promise.resolve(); }
      say(root.dataset.loading);
      var need = {};
      keys(q).forEach(function (k) { need[shardOf(k, shards)] = 1; });
      var filters = ["kind", "column", "year"].filter(function (f) { return params.get(f); });
      var loads = Object.keys(need).map(function (s) { return get("t/" + s + ".json"); });
      return Promise.all([Promise.all(loads), filters.length ? get("f.json") : null]).then(function (got) {
        if (mine !== run) return;
        tShards = performance.now();
        var byShard = {};
        Object.keys(need).forEach(function (s, i) { byShard[s] = got[0][i]; });
        var result = rank(q, function (k) { return byShard[shardOf(k, shards)][k]; }, docs);
        var list = result.docs;
        filters.forEach(function (f) {
          var allowed = new Set(ids((got[1][f] || {})[params.get(f)] || ""));
          list = list.filter(function (d) { return allowed.has(d); });
        });
        tRank = performance.now();
        say(list.length ? root.dataset.results.replace("{n}", list.length) +
            (result.partial ? " — " + root.dataset.partial : "") : root.dataset.none);
        result.docs = list;
        ranked = result;
        left = list.length;
        return showMore(mine).then(function () {
          var t1 = performance.now();
          root.dataset.state = "done";
          root.dataset.timing = JSON.stringify({ shards: tShards - t0, rank: tRank - tShards,
            first: (firstShown || t1) - tShards, shown: t1 - tShards });
        });
      }).catch(function () {
        if (mine === run) { say(root.dataset.error); root.dataset.state = "error"; }
      });
    }
    var params = new URLSearchParams(location.search);
    ["q", "kind", "column", "year"].forEach(function (f) { if (params.get(f)) form.elements[f].value = params.get(f); });
    var typing = 0;
    function submit() {
      clearTimeout(typing);
      var p = new URLSearchParams(new FormData(form));
      ["kind", "column", "year"].forEach(function (f) { if (!p.get(f)) p.delete(f); });
      history.replaceState(null, "", "?" + p.toString());
      return search();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });
    // Results follow the reader's typing, the last word matched as a
    // beginning; a pause first, so a burst of keys costs one search.
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(submit, 250);
    });
    form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT" && input.value) search(); });
    more.addEventListener("click", function () { showMore(run); });
    root.classList.add("ready");
    if (input.value) search(); else root.dataset.state = "done";
  }

  if (typeof document !== "undefined") {
    var root = document.getElementById("tim-kiem");
    if (root) start(root);
  }
  if (typeof module === "object") module.exports = { tokenize: tokenize, fold: fold, parse: parse, keys: keys, rank: rank, best: best, sorted: sorted, shardOf: shardOf, expand: expand };
})();
