"""The place search on any data: the shipped index against a hostile copy with one 6,153-character name,
for the app's search (twinnings/search.py) and the static site's (static/site/search.js, run by node).
Prints median times and the ratio to the shipped data measured in the same run; asserts nothing.

    .venv/bin/python bench/search_bench.py            # the search as it is
    .venv/bin/python bench/search_bench.py --before   # also the static search as it was (slow: many seconds)

Before the search was bounded, the hostile copy froze the static page for more than 25 s on a 300-character
query (0.07 s on the shipped data): its typo matching cost len(name) x len(query)^2 per name, uncut.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from twinnings import DATA_DIR, profiles, search  # noqa: E402
from twinnings.boundaries import EMBEDDED_DIR, read_boundaries  # noqa: E402
from twinnings.load import load  # noqa: E402

HOSTILE_NAME = ("Amsterdam Rotterdam Nijmegen " * 220)[:6153]  # words the queries below nearly match
QUERIES = (
    "tilburg",  # a name that holds it
    "tilbrug",  # a typo: the near-miss pass over every name
    ("amsterdan rotterdan nijmegen " * 11)[:300],  # 300 characters, no name holds it: the near-miss pass
    ("rotterdam" * 34)[:300],  # 300 characters
)


def timed(fn, budget: float = 0.3) -> float:
    """Median milliseconds of `fn()` over repeats within about `budget` seconds (at least one)."""
    times: list[float] = []
    start = time.perf_counter()
    while not times or (len(times) < 200 and time.perf_counter() - start < budget):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def label(query: str) -> str:
    return query[:24] + (f"… ({len(query)})" if len(query) > 24 else "")


def main(before: bool) -> None:
    data = load(DATA_DIR)
    places = profiles.directory(
        data, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), "nl"
    )
    shipped = search.entries(places, "nl")
    hostile = [*shipped, search.Entry("GM9999", f"{HOSTILE_NAME} (gemeente)", "plaats/gm9999-x/", (HOSTILE_NAME,))]
    print(f"app search (Python), {len(shipped)} places; hostile: one more, named with {len(HOSTILE_NAME)} characters")
    base = {query: timed(lambda q=query: search.find(shipped, q)) for query in QUERIES}
    for query in QUERIES:
        worst = timed(lambda q=query: search.find(hostile, q))
        print(
            f"  {label(query):<34} shipped {base[query]:8.3f} ms  hostile {worst:8.3f} ms  {worst / base[query]:6.2f}x"
        )
    node = shutil.which("node")
    if not node:
        print("static search: node is not installed, skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        for name, found_in in (("shipped", shipped), ("hostile", hostile)):
            index = [entry.as_json() for entry in found_in]
            Path(folder, f"search-{name}.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        Path(folder, "queries.json").write_text(json.dumps(QUERIES), encoding="utf-8")
        command = [node, str(ROOT / "bench" / "search_bench.js"), str(ROOT / "static" / "site" / "search.js")]
        command += [folder, str(Path(folder, "queries.json"))] + (["--before"] if before else [])
        rows = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    print("static search (search.js in node)")
    shipped_ms = {row["query"]: row for row in rows if row["index"] == "shipped"}
    for row in rows:
        if row["index"] != "hostile":
            continue
        base_row = shipped_ms[row["query"]]
        line = f"  {row['query']:<34} shipped {base_row['ms']:8.3f} ms  hostile {row['ms']:8.3f} ms"
        line += f"  {row['ms'] / base_row['ms']:6.2f}x"
        if "before_ms" in base_row:
            line += f"   before: shipped {base_row['before_ms']:8.1f} ms"
        if "before_ms" in row:
            line += f", hostile {row['before_ms']:9.1f} ms"
        print(line)


if __name__ == "__main__":
    main("--before" in sys.argv[1:])
