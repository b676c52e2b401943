"""A year change on the static site's home map, in Chromium: the time from a new value of the year slider
until the markers of that year are laid out, per step, against redrawing today's map the same way in the
same run.

    .venv/bin/python bench/year_change_bench.py [EXPORT_DIR]

Without EXPORT_DIR it exports the Dutch pages of the shipped data (no images) into a temporary folder. The app's
year change is benchmark 2b of bench/run.py. Nothing here is asserted in tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.harness import CHROMIUM, CHROMIUM_FLAGS, serve_folder  # noqa: E402

# One step in the page itself: set the slider, send its input event, and force the layout of the map, so the
# time is what the reader waits for, not the test driver's round trip.
STEP = """index => {
    const input = document.querySelector('.tw-year-input');
    const start = performance.now();
    input.value = String(index);
    input.dispatchEvent(new Event('input'));
    document.querySelector('.leaflet-container').getBoundingClientRect();
    return performance.now() - start;
}"""


def main() -> None:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        command = [sys.executable, "-m", "twinnings", "export-site", str(site), "--no-images", "--lang", "nl"]
        subprocess.run(command, check=True, capture_output=True)
    server, url = serve_folder(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(f"{url}/nl/map-nl.html")
            expect(page.locator(".tw-year-value")).to_have_text("vandaag")
            last = int(page.locator(".tw-year-input").get_attribute("max"))
            years = [page.evaluate(STEP, index) for _round in range(2) for index in range(last)]
            today = [page.evaluate(STEP, last) for _ in range(len(years))]
            browser.close()
    finally:
        server.shutdown()
    year_ms, today_ms = statistics.median(years), statistics.median(today)
    print(f"year change on the static map, median of {len(years)}: {year_ms:.1f} ms (p95 {p95(years):.1f} ms)")
    print(f"back to today (all markers as drawn), median: {today_ms:.1f} ms; ratio {year_ms / today_ms:.2f}x")


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


if __name__ == "__main__":
    main()
