// Place search without a server, over the prebuilt index of the site's language (search-<lang>.json).
// The rule is the app's, step for step: twinnings/search.py says it in full, and tests/search_cases.json
// holds the cases both must answer alike. In short: accents, case, spaces, apostrophes and hyphens folded
// away ('den haag', 'fryslan', 'xian'), pinyin and Hanzi; names that hold the query first (equal, starting
// with it, holding it); only when none does, near misses from four letters on (1 edit, 2 from seven
// letters; fewer edits first, then names nearer the query's length). The query is cut at 80 characters and a name at 200 folded letters, and a near-miss check is
// one pass over the name, so no data and no query can make a keystroke slow. Results are links.
var twSearch = (function () {
  var MAX_QUERY_LENGTH = 80, KEY_LIMIT = 200, TYPO_MIN = 4, RESULTS = 12;
  var CONTROL = /\p{C}/u, KEPT = /[\p{L}\p{N}]/u, MARK = /\p{M}/u;

  function clean(query) {  // control and format characters dropped, trimmed, at most 80 characters
    var printable = Array.from(query).filter(function (ch) { return !CONTROL.test(ch); }).join("");
    return Array.from(printable.trim()).slice(0, MAX_QUERY_LENGTH).join("");
  }
  // Lower case, NFKD, marks dropped, only letters and digits kept (as an array of characters), at most
  // `limit` of them; a word starts at the first one and at each one after a dropped character that is no mark.
  function foldWords(text, limit) {
    var chars = [], starts = [], gap = true;
    for (var ch of text.toLowerCase().normalize("NFKD")) {
      if (KEPT.test(ch)) {
        if (chars.length >= limit) break;
        if (gap) starts[chars.length] = true;
        chars.push(ch);
        gap = false;
      } else if (!MARK.test(ch)) {
        gap = true;
      }
    }
    return {c: chars, t: chars.join(""), w: starts};
  }
  function needleOf(query) { return foldWords(clean(query), MAX_QUERY_LENGTH); }
  function allowedTypos(needle) {
    if (needle.c.length < TYPO_MIN) return 0;
    return needle.c.length < 7 ? 1 : 2;
  }
  function holds(needle, key) {  // 0: the name is the query, 1: starts with it, 2: holds it, else -1
    if (!needle.t) return -1;
    if (key.t === needle.t) return 0;
    if (key.t.startsWith(needle.t)) return 1;
    return key.t.indexOf(needle.t) >= 0 ? 2 : -1;
  }
  function lacking(needle, text) {  // letters of the needle the name lacks: each costs an edit
    var count = new Map();
    text.forEach(function (ch) { count.set(ch, (count.get(ch) || 0) + 1); });
    var missing = 0;
    needle.forEach(function (ch) {
      var left = count.get(ch) || 0;
      if (left > 0) count.set(ch, left - 1); else missing++;
    });
    return missing;
  }
  // The fewest edits (insert, delete, replace, swap neighbours) turning the needle into a stretch of the
  // name that starts at a word start, when at most `allowed`, else -1: one column per letter of the name,
  // saturated at allowed + 1, jumping to the next word start once two columns are saturated.
  function typos(needle, key, allowed) {
    var a = needle.c, b = key.c, m = a.length, n = b.length;
    if (allowed < 1 || m === 0 || n === 0 || n < m - allowed) return -1;
    if (lacking(a, b) > allowed) return -1;
    var cap = allowed + 1, dead = [], previous = [], before, i;
    for (i = 0; i <= m; i++) { dead.push(cap); previous.push(Math.min(i, cap)); }
    before = dead;
    var best = previous[m], j = 1;
    while (j <= n) {
      if (previous === dead && before === dead && !key.w[j]) {
        var next = j + 1;
        while (next < n && !key.w[next]) next++;
        if (next >= n) break;
        j = next;
        continue;
      }
      var letter = b[j - 1], column = [key.w[j] ? 0 : Math.min(previous[0] + 1, cap)], lowest = column[0];
      for (i = 1; i <= m; i++) {
        var wanted = a[i - 1];
        var cost = Math.min(previous[i] + 1, column[i - 1] + 1, previous[i - 1] + (wanted === letter ? 0 : 1));
        if (i > 1 && j > 1 && wanted === b[j - 2] && a[i - 2] === letter) cost = Math.min(cost, before[i - 2] + 1);
        cost = Math.min(cost, cap);
        column.push(cost);
        if (cost < lowest) lowest = cost;
      }
      best = Math.min(best, column[m]);
      before = previous;
      previous = lowest >= cap ? dead : column;
      j++;
    }
    return best <= allowed ? best : -1;
  }
  function compare(x, y) {  // by code points, as Python compares strings
    for (var i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }
  function prepare(data) {  // the index as loaded: n(ame), u(rl), k(eys), folded once
    return data.map(function (p) {
      return {n: p.n, u: p.u, k: p.k.map(function (k) { return foldWords(k, KEY_LIMIT); }),
              o: foldWords(p.n, KEY_LIMIT).c};
    });
  }
  function find(index, query) {  // every place the query finds, best first
    var needle = needleOf(query), ranked = [];
    if (!needle.t) return [];
    index.forEach(function (p, position) {
      var tier = -1;
      p.k.forEach(function (key) { var h = holds(needle, key); if (h >= 0 && (tier < 0 || h < tier)) tier = h; });
      if (tier >= 0) ranked.push({score: tier, gap: 0, position: position, place: p});
    });
    if (!ranked.length) {
      var allowed = allowedTypos(needle);
      index.forEach(function (p, position) {
        var edits = -1, gap = 0;
        p.k.forEach(function (key) {
          var d = typos(needle, key, allowed), g = Math.abs(key.c.length - needle.c.length);
          if (d >= 0 && (edits < 0 || d < edits || (d === edits && g < gap))) { edits = d; gap = g; }
        });
        if (edits >= 0) ranked.push({score: edits, gap: gap, position: position, place: p});
      });
    }
    ranked.sort(function (x, y) {
      return x.score - y.score || x.gap - y.gap || compare(x.place.o, y.place.o) || x.position - y.position;
    });
    return ranked.map(function (r) { return r.place; });
  }
  return {MAX_QUERY_LENGTH: MAX_QUERY_LENGTH, RESULTS: RESULTS, clean: clean, fold: function (text) {
    return foldWords(text, KEY_LIMIT).t; }, prepare: prepare, find: find};
})();
if (typeof module === "object" && module.exports) module.exports = twSearch;  // node, for the shared cases

(function () {
  if (typeof document === "undefined") return;
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("ul");
  var status = form.querySelector("[role=status]");
  var root = form.getAttribute("data-root");
  var index = null;
  if (!input.hasAttribute("maxlength")) input.setAttribute("maxlength", String(twSearch.MAX_QUERY_LENGTH));
  function show(query) {
    list.textContent = "";
    if (!index) { status.textContent = ""; return; }
    var needle = twSearch.clean(query);
    if (!twSearch.fold(needle)) { status.textContent = ""; return; }
    var hits = twSearch.find(index, needle);
    hits.slice(0, twSearch.RESULTS).forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + p.u;
      link.textContent = p.n;  // text, never markup
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = hits.length ? form.getAttribute("data-found").replace("{n}", hits.length)
                                     : form.getAttribute("data-none");
  }
  // The index is fetched when the reader turns to the search (most readers of a page never do), or at once
  // when the browser brought back a query.
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
        index = twSearch.prepare(data);
        show(input.value);
      });
    }
  }
  ["focus", "pointerdown"].forEach(function (kind) { input.addEventListener(kind, load); });
  input.addEventListener("input", function () { load(); show(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); load(); show(input.value); });
  if (input.value) load();
})();
