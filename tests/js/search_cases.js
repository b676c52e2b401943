// node tests/js/search_cases.js <search.js> <folder with search-<lang>.json> <cases.json>
// Prints, as JSON, per case the addresses static/site/search.js finds (at most the number it shows), for
// tests/test_search.py to compare with the app's search.
"use strict";
const fs = require("fs");
const path = require("path");
const [script, folder, casesFile] = process.argv.slice(2);
const search = require(path.resolve(script));
const cases = JSON.parse(fs.readFileSync(casesFile, "utf-8")).cases;
const indexes = {};
function indexOf(lang) {
  if (!indexes[lang]) {
    const data = JSON.parse(fs.readFileSync(path.join(folder, `search-${lang}.json`), "utf-8"));
    indexes[lang] = search.prepare(data);
  }
  return indexes[lang];
}
const found = cases.map((c) => {
  const query = c.query.repeat(c.repeat || 1);
  return search.find(indexOf(c.lang), query).slice(0, search.RESULTS).map((p) => p.u);
});
process.stdout.write(JSON.stringify(found));
