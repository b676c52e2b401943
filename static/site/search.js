// Place search without a server: the prebuilt index of the site's language (search-<lang>.json) and
// the same tolerance as the app: accents, apostrophes and spaces folded away, pinyin and Hanzi, and
// small typos (edit distance) once the query has four letters. Results are links to the place pages.
(function () {
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("ul");
  var status = form.querySelector("[role=status]");
  var root = form.getAttribute("data-root");
  var index = null;
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s'’\-]+/g, "");
  }
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var kept = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }
  function near(needle, hay) {
    if (needle.length < 4) return false;
    var allowed = needle.length < 7 ? 1 : 2;
    for (var start = 0; start + needle.length - allowed <= hay.length; start++) {
      for (var len = needle.length - allowed; len <= needle.length + allowed; len++) {
        if (start + len <= hay.length && distance(needle, hay.substr(start, len)) <= allowed) return true;
      }
    }
    return false;
  }
  function show(query) {
    var needle = fold(query);
    list.textContent = "";
    if (!needle || !index) { status.textContent = ""; return; }
    var hits = index.filter(function (p) { return p.k.some(function (k) { return k.indexOf(needle) >= 0; }); });
    if (!hits.length) hits = index.filter(function (p) { return p.k.some(function (k) { return near(needle, k); }); });
    hits.slice(0, 12).forEach(function (p) {
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
  fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
    index = data.map(function (p) { return {n: p.n, u: p.u, k: p.k.map(fold)}; });
    form.hidden = false;
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
})();
