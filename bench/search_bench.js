// node bench/search_bench.js <search.js> <folder with search-shipped.json and search-hostile.json> <queries.json> [--before]
// Median milliseconds of the static site's search (static/site/search.js) per query on each index, as JSON.
// With --before, also the search as it was before it was bounded (a Levenshtein window over every stretch
// of every name, no cut of the query): on the hostile index that takes many seconds.
"use strict";
const fs = require("fs");
const path = require("path");
const [script, folder, queriesFile, flag] = process.argv.slice(2);
const search = require(path.resolve(script));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf-8"));

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function timed(fn, budget) {  // median of repeats within about `budget` ms (at least one run, at most 200)
  const times = [];
  const start = process.hrtime.bigint();
  while (!times.length || (times.length < 200 && Number(process.hrtime.bigint() - start) / 1e6 < budget)) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

// The search before it was bounded, as static/site/search.js had it.
const before = (function () {
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s'’\-]+/g, "");
  }
  function distance(a, b) {
    const row = [];
    for (let j = 0; j <= b.length; j++) row.push(j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let k = 1; k <= b.length; k++) {
        const kept = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }
  function near(needle, hay) {
    if (needle.length < 4) return false;
    const allowed = needle.length < 7 ? 1 : 2;
    for (let start = 0; start + needle.length - allowed <= hay.length; start++) {
      for (let len = needle.length - allowed; len <= needle.length + allowed; len++) {
        if (start + len <= hay.length && distance(needle, hay.substr(start, len)) <= allowed) return true;
      }
    }
    return false;
  }
  return {
    prepare: (data) => data.map((p) => ({n: p.n, u: p.u, k: p.k.map(fold)})),
    find(index, query) {
      const needle = fold(query);
      let hits = index.filter((p) => p.k.some((k) => k.indexOf(needle) >= 0));
      if (!hits.length) hits = index.filter((p) => p.k.some((k) => near(needle, k)));
      return hits;
    },
  };
})();

const results = [];
for (const name of ["shipped", "hostile"]) {
  const data = JSON.parse(fs.readFileSync(path.join(folder, `search-${name}.json`), "utf-8"));
  const now = search.prepare(data);
  const old = flag === "--before" || name === "shipped" ? before.prepare(data) : null;
  for (const query of queries) {
    const row = {index: name, query: query.slice(0, 24) + (query.length > 24 ? `… (${query.length})` : "")};
    row.ms = timed(() => search.find(now, query), 300);
    row.found = search.find(now, query).length;
    if (old) row.before_ms = timed(() => before.find(old, query), 300);
    results.push(row);
  }
}
process.stdout.write(JSON.stringify(results));
