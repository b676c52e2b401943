"""The app's server memory under waves of readers: does it come back down, or grow wave over wave?

    .venv/bin/python bench/memory_waves.py [--waves 3] [--sessions 8] [--rest 20]

Starts the app, then for each wave opens `--sessions` browser sessions at once (each its own context:
the home map, a profile, the timeline), closes them all, lets the server rest `--rest` seconds and
reads its resident memory (and its children's, from /proc). Prints the idle figure and each wave's
peak and after-rest figures against it. Streamlit keeps a closed session's state for a while and
caches data per process, so a first rise is expected; what matters is whether the after-rest figure
keeps rising.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.harness import launch_chromium, start_app, stop  # noqa: E402

VISIT = ("", "profiel?place=GM0855", "tijdlijn")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    for task in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{task}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


def children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []
    return found + [grandchild for child in found for grandchild in children(child)]


def wave(browser, url: str, sessions: int) -> None:
    contexts = [browser.new_context(viewport={"width": 1366, "height": 900}) for _ in range(sessions)]
    pages = [context.new_page() for context in contexts]
    for path in VISIT:
        for page in pages:
            page.goto(f"{url}/{path}", wait_until="commit")
        for page in pages:
            page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for(timeout=120_000)
    for context in contexts:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waves", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--rest", type=float, default=20)
    args = parser.parse_args()
    server, url = start_app({"TWINNINGS_TILES": "none"})
    try:
        time.sleep(args.rest)
        idle = rss_mb(server.pid)
        print(f"idle: {idle:.0f} MB; {args.waves} waves of {args.sessions} sessions, {args.rest:.0f} s rest after each")
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for number in range(1, args.waves + 1):
                started = time.monotonic()
                wave(browser, url, args.sessions)
                peak = rss_mb(server.pid)
                time.sleep(args.rest)
                rested = rss_mb(server.pid)
                print(
                    f"wave {number}: {time.monotonic() - started - args.rest:5.1f} s, at its end {peak:.0f} MB "
                    f"({peak / idle:.2f}x idle), after rest {rested:.0f} MB ({rested / idle:.2f}x idle)"
                )
            browser.close()
    finally:
        stop(server)


if __name__ == "__main__":
    main()
