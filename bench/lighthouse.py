"""Lighthouse scores of the static site and the app: performance, accessibility, best practices and SEO,
on a phone (Lighthouse's default, simulated slow 4G and a 4× slower CPU) and a desktop (`--preset desktop`).

    .venv/bin/python bench/lighthouse.py [EXPORT_DIR] [--runs 2] [--only home,events] [--reports DIR] [--no-images]
    .venv/bin/python bench/lighthouse.py --app [--runs 2]     # the app's home and a profile

The site is served by Debian's nginx with the shipped deploy/nginx.conf (as bench/spike.py does; an export
with `--precompress`). Without EXPORT_DIR it is exported first into build/lighthouse-site as it is published:
a full build, with every image, so each chart of all the data shows its build-time picture as on the real
host (the first export draws them all, several minutes; the folder is kept, and a rebuild of unchanged data
redraws nothing but the two home previews). It is published at the address nginx serves it on, so canonical
links and the sitemap point at the page Lighthouse loads, as they do on the real host; an EXPORT_DIR made for
another address fails SEO's canonical audit, and the script says so. `--no-images` exports without images
instead, into build/lighthouse-site-no-images (every chart drawn when it comes into view: the site before the
pictures, and what `export-site --no-images` gives). `--app` starts the app (`python -m twinnings serve`, no
tiles) instead.

Each page kind is measured with each preset `--runs` times; the table shows the better score of the runs
per category, and the worst cumulative layout shift (CLS) of the runs. Under the table, every audit that
cost points in a category below 100, by page. Lighthouse is pinned (LIGHTHOUSE) and run with npx, which
fetches it from the npm registry once; Chromium is Debian's. Scores, not timings: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.spike import nginx_config, wait_for  # noqa: E402
from tests.harness import CHROMIUM, CHROMIUM_FLAGS, free_port, start_app, stop  # noqa: E402

LIGHTHOUSE = "12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
PRESETS = ("mobile", "desktop")
ATTEMPTS = 3  # on a busy machine Lighthouse now and then gives up waiting for Chromium; such a run is repeated
SITE_PAGES = (  # one page of each kind, in Dutch: (kind, path under the site's root)
    ("home", "nl/"),
    ("big place", "nl/plaats/gm0014-groningen/"),  # most ties of a municipality, the longest municipality page
    ("small place", "nl/plaats/gm0106-assen/"),  # one tie: the shortest page with a map and a chart
    ("province", "nl/plaats/pv28-zuid-holland/"),  # the longest page of the site
    ("timeline", "nl/tijdlijn/"),
    ("events", "nl/gebeurtenissen/"),
    ("chart embed", "nl/embed-begun-ended.html"),
    ("map embed", "nl/embed-map-nl.html"),
)
APP_PAGES = (("app home", "/"), ("app profile", "/profiel?place=GM0855"))


@dataclass
class Result:
    scores: dict[str, int]
    cls: list[float]  # cumulative layout shift of each run: the table shows the worst
    lost: dict[str, list[str]]  # category: the audits that cost points, with what they found
    cpu: list[float]  # Lighthouse's benchmark index of the machine at each run (higher: faster, less busy)


def lighthouse(url: str, preset: str, keep: Path | None = None, run: int = 1) -> Result:
    """One Lighthouse run of `url` in headless Chromium."""
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "npx",
            "--yes",
            f"lighthouse@{LIGHTHOUSE}",
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        for attempt in range(1, ATTEMPTS + 1):
            done = subprocess.run(command, env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True)
            if done.returncode == 0:
                break
            failure = done.stderr.strip()[-300:]
            print(f"  Lighthouse failed on {url} ({preset}), attempt {attempt}: {failure}", file=sys.stderr)
        else:
            raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url} ({preset})")
        data = json.loads(report.read_text(encoding="utf-8"))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^a-z0-9]+", "-", url.split("//", 1)[1].lower()).strip("-")
            shutil.copy(report, keep / f"{name}-{preset}-{run}.json")
    if data.get("runtimeError"):
        raise RuntimeError(f"{url}: {data['runtimeError']}")
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    cls = data["audits"]["cumulative-layout-shift"].get("numericValue", 0.0)
    return Result(scores, [cls], lost_points(data), [data["environment"]["benchmarkIndex"]])


def lost_points(data: dict) -> dict[str, list[str]]:
    """What each category lost points on: its weighted audits that did not pass, with their display value."""
    lost = {}
    for name in CATEGORIES:
        audits = []
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                audits.append(f"{ref['id']} {audit['score']:.2f}" + (f" ({shown})" if shown else ""))
        if audits:
            lost[name] = audits
    shifts = [
        f"{item['node'].get('selector', '?')} {item['score']:.3f}"
        for item in data["audits"].get("layout-shifts", {}).get("details", {}).get("items", [])
        if item.get("node")
    ]
    if shifts:
        lost["layout shifts"] = shifts
    return lost


def better(a: Result | None, b: Result) -> Result:
    """The better of two runs: each category's higher score, the lost points of the run with the better
    performance score; the layout shift of both (a page that moves in one run of two moves)."""
    if a is None:
        return b
    best = b if b.scores["performance"] > a.scores["performance"] else a
    scores = {name: max(a.scores[name], b.scores[name]) for name in CATEGORIES}
    return Result(scores, a.cls + b.cls, best.lost, a.cpu + b.cpu)


def measure(pages: list[tuple[str, str]], base: str, runs: int, keep: Path | None) -> None:
    results: dict[tuple[str, str], Result] = {}
    for kind, path in pages:
        for preset in PRESETS:
            result = None
            for run in range(1, runs + 1):
                result = better(result, lighthouse(f"{base}/{path.lstrip('/')}", preset, keep, run))
            results[kind, preset] = result
            scores = " ".join(f"{SHORT[name]} {result.scores[name]}" for name in CATEGORIES)
            cpu = ", ".join(f"{index:.0f}" for index in result.cpu)
            shifts = ", ".join(f"{cls:.3f}" for cls in result.cls)
            print(f"  {kind} ({preset}): {scores}, CLS {shifts}; CPU index {cpu}", file=sys.stderr, flush=True)
    indexes = [index for result in results.values() for index in result.cpu]
    print(
        f"\nLighthouse {LIGHTHOUSE}, {chromium_version()}, better of {runs} run(s); the machine's benchmark index"
        f" {min(indexes):.0f}–{max(indexes):.0f} (Lighthouse calls under 1,000 slow)\n"
    )
    print("| page | preset | performance | accessibility | best practices | SEO | CLS (worst run) |")
    print("|---|---|---|---|---|---|---|")
    for (kind, preset), result in results.items():
        cells = " | ".join(str(result.scores[name]) for name in CATEGORIES)
        print(f"| {kind} | {preset} | {cells} | {max(result.cls):.3f} |")
    print()
    for (kind, preset), result in results.items():
        for name, audits in result.lost.items():
            print(f"{kind} ({preset}) {name}: {'; '.join(audits)}")


def chromium_version() -> str:
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    return " ".join(out.split()[:2])


def published_port(site: Path) -> int | None:
    """The local port an export was published at (its canonical links), if it was made for this bench."""
    home = (site / "nl" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'rel="canonical" href="http://127\.0\.0\.1:(\d+)/', home)
    return int(found.group(1)) if found else None


def export(site: Path, port: int, images: bool = True) -> None:
    """The site as published, with its images (or without), at the address nginx will serve it on,
    precompressed."""
    os.environ["TWINNINGS_STATIC_BASE_URL"] = f"http://127.0.0.1:{port}/"
    from twinnings.static_site import export_site, precompress

    export_site(site, images=images)
    precompress(site)


def run_site(
    site: Path | None, runs: int, pages: list[tuple[str, str]], keep: Path | None, images: bool = True
) -> None:
    if not Path("/usr/sbin/nginx").exists():
        sys.exit("nginx is not installed: apt-get install -y nginx")
    if site is None:
        site = ROOT / "build" / ("lighthouse-site" if images else "lighthouse-site-no-images")
        port = free_port()
        export(site, port, images)
    else:
        port = published_port(site) or free_port()
        if published_port(site) is None:
            print(f"{site} was not exported for http://127.0.0.1:<port>/: SEO's canonical audit will fail")
    with tempfile.TemporaryDirectory() as tmp:
        conf = nginx_config(site.resolve(), port, True, Path(tmp))
        server = subprocess.Popen(["/usr/sbin/nginx", "-c", str(conf), "-p", tmp])
        try:
            wait_for(port)
            measure(pages, f"http://127.0.0.1:{port}", runs, keep)
        finally:
            server.terminate()
            server.wait()


def run_app(runs: int, keep: Path | None) -> None:
    process, url = start_app()
    try:
        measure(list(APP_PAGES), url, runs, keep)
    finally:
        stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="an export-site folder (default: export one)")
    parser.add_argument("--runs", type=int, default=2, help="runs per page and preset; the better one counts")
    parser.add_argument("--only", default="", help="page kinds, comma-separated (e.g. 'home,map embed')")
    parser.add_argument("--reports", type=Path, help="keep each run's Lighthouse JSON report in this folder")
    parser.add_argument("--app", action="store_true", help="the app's home and a profile instead of the site")
    parser.add_argument("--no-images", action="store_true", help="export the site without images (no pictures)")
    args = parser.parse_args()
    if args.app:
        run_app(args.runs, args.reports)
        return
    chosen = {kind.strip() for kind in args.only.split(",") if kind.strip()}
    pages = [(kind, path) for kind, path in SITE_PAGES if not chosen or kind in chosen]
    run_site(args.site, args.runs, pages, args.reports, not args.no_images)


if __name__ == "__main__":
    main()
