"""Where the static home page's map loses time against its map document opened alone (benchmark 7c's rest).

    .venv/bin/python bench/home_map_cost.py [EXPORT_DIR] [--loads 9]

Serves an export (built without images when none is given) and loads, alternately, `nl/` and its map frame
`nl/map-nl.html` alone, each in a fresh browser context. For the home page it reads, from the Navigation
Timing of both documents: when the frame's document was asked for (after the page's), when it was parsed
(DOMContentLoaded) and when its first marker was there, all from the page's start; for the frame alone the
same two moments. Medians over the loads after the first (a warm-up), so the three shares of the difference
can be read off: the frame starting late, its parse sharing the thread with the page, its drawing after that.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.harness import CHROMIUM, CHROMIUM_FLAGS, serve_folder  # noqa: E402

PARSED = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


def load_home(browser, base: str) -> dict[str, float]:
    page = browser.new_page()
    page.goto(f"{base}/nl/", wait_until="commit")
    page.frame_locator("iframe.mapframe").locator(".tw-marker").first.wait_for(state="attached")
    frame = next(f for f in page.frames if f.url.endswith("map-nl.html"))
    start = frame.evaluate("performance.timeOrigin") - page.evaluate("performance.timeOrigin")
    timing = {"frame asked for": start, "frame parsed": start + frame.evaluate(PARSED)}
    timing["first marker"] = start + frame.evaluate("performance.now()")
    timing["page parsed"] = page.evaluate(PARSED)
    page.close()
    return timing


def load_alone(browser, base: str) -> dict[str, float]:
    page = browser.new_page()
    page.goto(f"{base}/nl/map-nl.html", wait_until="commit")
    page.locator(".tw-marker").first.wait_for(state="attached")
    timing = {"frame parsed": page.evaluate(PARSED), "first marker": page.evaluate("performance.now()")}
    page.close()
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", nargs="?", type=Path)
    parser.add_argument("--loads", type=int, default=9)
    args = parser.parse_args()
    site = args.export
    if site is None:
        from twinnings.static_site import export_site

        site = Path(tempfile.mkdtemp())
        export_site(site, images=False)
    httpd, base = serve_folder(site)
    home: list[dict[str, float]] = []
    alone: list[dict[str, float]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for _ in range(args.loads):
                home.append(load_home(browser, base))
                alone.append(load_alone(browser, base))
            browser.close()
    finally:
        httpd.shutdown()
    for name, loads in (("home page", home[1:]), ("frame alone", alone[1:])):
        for moment in loads[0]:
            print(f"{name:12s} {moment:16s} {statistics.median(load[moment] for load in loads):7.1f} ms", flush=True)


if __name__ == "__main__":
    main()
