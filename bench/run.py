"""Benchmarks for the map (issue targets in brackets). Prints measurements and ratios, asserts nothing.

    .venv/bin/python bench/run.py            # all
    .venv/bin/python bench/run.py server     # only the server-side ones (no browser)
    .venv/bin/python bench/run.py site       # only the static site's (7)
    .venv/bin/python bench/run.py readers    # only 7d: 20 readers at once, static site and app

1. markers drawn in Chromium: the app vs a static folium HTML file of the same layers   [<= 1.5x]
2. filter change to re-rendered map, median over repeats                                [<= 300 ms]
3. synthetic 100x dataset (5,000 ties): map build, filter selection                     [<= 2 s, <= 50 ms]
4. bytes of the home map sent to the browser (gzip), every municipality clickable       [<= 300 KB]
5. the app's home map vs the framework floor (the same map alone in Streamlit)          [<= 1.1x]
6. static site: map page vs plain folium HTML [<= 1.5x]; chart page vs bare plotly HTML [<= 1.5x]
7. static site at scale: build/rebuild; a profile's first view [<= 150 KB gz]; home map vs plain folium
   [<= 1.5x]; p95 of 20 readers at once vs one [<= 1.5x], the app's figure beside it
8. the static site's maps: what the export weighs; what a place page loads in Chromium, its first view
   without the chart library [<= 150 KB gz] and everything [<= 500 KB gz]; home map vs plain folium [<= 1.2x]

    .venv/bin/python bench/run.py frames [EXPORT_DIR]   # only 8 (exports without images unless given a folder)
    .venv/bin/python bench/run.py weight [FACTOR]       # the export's weight by kind of file, on FACTOR x the data

Each timing is compared with a baseline measured in the same run on the same machine,
so the ratios stay meaningful on slower or busier machines.
"""

from __future__ import annotations

import gzip
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import CHROMIUM, CHROMIUM_FLAGS, serve_folder, start_app, start_streamlit  # noqa: E402
from twinnings import DATA_DIR, boundaries, filters, maps, profiles, through_time  # noqa: E402
from twinnings.load import load  # noqa: E402

REPEATS = 5
MAP_FRAME = 'iframe[src*="streamlit_folium"]'


def timed(fn, repeats: int = REPEATS) -> tuple[float, object]:
    """Median seconds of `fn()` over repeats, and its last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def report(name: str, value: float, unit: str, baseline: float | None = None, target: float | None = None) -> None:
    parts = [f"{name:<52} {value:10.3f} {unit}"]
    if baseline:
        parts.append(f"baseline {baseline:.3f} {unit}  ratio {value / baseline:5.2f}x")
    if target is not None:
        parts.append(f"target <= {target} {unit}: {'ok' if value <= target else 'MISSED'}")
    print("  ".join(parts), flush=True)


def synthetic(ties: pd.DataFrame, factor: int = 100, seed: int = 7) -> pd.DataFrame:
    """`factor` copies of the real ties, spread over ~340 Dutch and ~1,500 Chinese synthetic places."""
    rng = np.random.default_rng(seed)
    copies = []
    for n in range(factor):
        copy = ties.copy()
        copy["id"] = copy["id"] + f"-x{n}"
        nl = rng.integers(0, 340, len(copy))
        cn = rng.integers(0, 1500, len(copy))
        copy["nl_place_id"] = [f"GM{9000 + i % 1000:04d}" for i in nl]
        copy["nl_name_nl"] = copy["nl_name_en"] = [f"Gemeente {i}" for i in nl]
        copy["nl_level"] = "gemeente"
        copy["nl_lat"] = 51.0 + (nl % 20) * 0.12
        copy["nl_lon"] = 3.6 + (nl // 20) * 0.2
        copy["cn_place_id"] = [f"{100000 + i}" for i in cn]
        copy["cn_name_nl"] = copy["cn_name_en"] = [f"City {i}" for i in cn]
        copy["cn_lat"] = 22.0 + (cn % 40) * 0.5
        copy["cn_lon"] = 100.0 + (cn // 40) * 0.8
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def server_benchmarks() -> None:
    data = load(DATA_DIR)
    geo = boundaries.EMBEDDED_DIR  # what the app reads out of the box
    provinces = boundaries.read_boundaries(geo, "provinces")
    municipalities = boundaries.read_boundaries(geo, "municipalities")
    big = synthetic(data.ties)
    print(f"real ties: {len(data.ties)}, synthetic ties: {len(big)}, boundaries: embedded")

    query = filters.Filter(provinces=("PV28", "PV30"), statuses=("active", "ended"), year_from=1995, query="gemeente 1")
    base_sel, _ = timed(lambda: filters.apply(query, data.ties))
    big_sel, _ = timed(lambda: filters.apply(query, big))
    report("3b filter selection, real data", base_sel * 1000, "ms")
    report("3b filter selection, 100x synthetic", big_sel * 1000, "ms", base_sel * 1000, 50)

    def build(ties, view):
        if view == "cn":
            m = maps.cn_map(ties, data.sources, "nl", "none", boundaries.read_world())
        else:
            m = maps.nl_map(ties, data.sources, "nl", "none", provinces, municipalities)
        return m.get_root().render()

    for view in ("nl", "cn"):
        base_build, _ = timed(lambda view=view: build(data.ties, view), 3)
        big_build, _ = timed(lambda view=view: build(big, view), 1)
        report(f"3a map build+render ({view}), real data", base_build, "s")
        report(f"3a map build+render ({view}), 100x synthetic", big_build, "s", base_build, 2)

    # 4: the home map exactly as the app sends it: choropleth, every municipality clickable, all markers
    places = profiles.directory(data, municipalities, provinces, "nl")
    labels = {row.id: row.name for row in places[places["level"] == "gemeente"].itertuples()}
    view = maps.nl_view(
        data.ties, data.sources, "nl", "none", provinces, municipalities, None, "/profiel?place={id}", labels
    )
    page = view.combined().get_root().render().encode()
    report("4 map bytes, every municipality clickable", len(page) / 1024, "KB")
    report("4 same, gzip (as sent with compression)", len(gzip.compress(page)) / 1024, "KB", target=300)


def static_copy(folder: Path, data) -> Path:
    """The home page's NL map with the same layers (choropleth, every municipality named on hover, markers
    with their popups) as folium writes it, with the vendored assets: the plain file the app's and the
    site's maps are measured against."""
    import shutil

    from twinnings import presentation
    from twinnings.routes import Link

    geo = boundaries.EMBEDDED_DIR
    provinces = boundaries.read_boundaries(geo, "provinces")
    municipalities = boundaries.read_boundaries(geo, "municipalities")
    places = profiles.directory(data, municipalities, provinces, "nl")
    home = presentation.home_map(
        Link(lang="nl"), data.ties, data, places, "none", (provinces, municipalities, None), "/profiel?place={id}"
    )
    shutil.copytree(ROOT / "static", folder / "app" / "static")
    (folder / "map.html").write_text(home.view.combined().get_root().render(), encoding="utf-8")
    return folder / "map.html"


def browser_benchmarks() -> None:
    import tempfile

    from playwright.sync_api import sync_playwright

    data = load(DATA_DIR)
    n_markers = data.ties["nl_place_id"].nunique()
    folder = Path(tempfile.mkdtemp())
    static_copy(folder, data)

    httpd, static_base = serve_folder(folder)
    static_url = f"{static_base}/map.html"
    process, app_url = start_app()  # on the embedded boundaries, as visitors get it
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)

            def time_static() -> float:
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(static_url)
                page.wait_for_function(f"document.querySelectorAll('.tw-marker').length === {n_markers}")
                elapsed = time.perf_counter() - start
                page.close()
                return elapsed

            def time_app() -> float:
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(app_url)
                page.frame_locator(MAP_FRAME).locator(".tw-marker").nth(n_markers - 1).wait_for(timeout=60_000)
                elapsed = time.perf_counter() - start
                page.close()
                return elapsed

            time_app()  # warm the server's caches, as a visitor after the first would find them
            static_s = statistics.median(time_static() for _ in range(REPEATS))
            app_s = statistics.median(time_app() for _ in range(REPEATS))
            report("1 markers drawn, static folium HTML", static_s, "s")
            report("1 markers drawn, the app", app_s, "s", static_s, round(1.5 * static_s, 3))

            page = browser.new_page()
            page.goto(app_url)
            page.frame_locator(MAP_FRAME).locator(".tw-marker").first.wait_for(timeout=60_000)
            box = page.get_by_role("textbox", name="Filter op plaatsnaam")
            changes = []
            for query in ["Tilburg", "Rotterdam", "Eindhoven", "Breda", "Groningen", "Weert"] * 2:
                expected = filters.apply(filters.Filter(query=query), data.ties)["nl_place_id"].nunique()
                start = time.perf_counter()
                box.fill(query)
                box.press("Enter")
                page.wait_for_function(
                    """n => { const frames = document.querySelectorAll('iframe[src*="streamlit_folium"]');
                              const doc = frames.length === 1 && frames[0].contentDocument;
                              return doc && doc.querySelectorAll('.tw-marker').length === n; }""",
                    arg=expected,
                    timeout=30_000,
                )
                changes.append(time.perf_counter() - start)
            report(
                "2 filter change to re-rendered map, median",
                statistics.median(changes) * 1000,
                "ms",
                static_s * 1000,
                300,
            )
            year_benchmark(browser, app_url, data, statistics.median(changes))
            floor_benchmark(browser, app_url)
            site_benchmarks(browser, data, static_s)
            browser.close()
    finally:
        process.terminate()
        httpd.shutdown()


MARKERS_IN_FRAME = """n => { const frames = document.querySelectorAll('iframe[src*="streamlit_folium"]');
    const doc = frames.length === 1 && frames[0].contentDocument;
    return doc && doc.querySelectorAll('.tw-marker').length === n; }"""


def year_benchmark(browser, app_url: str, data, filter_s: float) -> None:
    """2b: the map's year moved on by the arrow key until the map shows that year's places, against a filter
    change (2) in the same run; and whether the map document stayed (only its layers swapped)."""
    page = browser.new_page()
    page.goto(f"{app_url}/?year=2000")
    page.frame_locator(MAP_FRAME).locator(".tw-marker").first.wait_for(timeout=60_000)
    page.locator(MAP_FRAME).element_handle().content_frame().evaluate("window.__twBench = 1")
    thumb = page.get_by_role("slider", name="Kaart in het jaar")
    steps = []
    for year in range(2001, 2013):
        expected = through_time.ties_in(data.ties, year)["nl_place_id"].nunique()
        start = time.perf_counter()
        thumb.press("ArrowRight")
        page.wait_for_function(MARKERS_IN_FRAME, arg=expected, timeout=30_000)
        steps.append(time.perf_counter() - start)
    kept = page.locator(MAP_FRAME).element_handle().content_frame().evaluate("window.__twBench === 1")
    page.close()
    report("2b year change to re-rendered map, median", statistics.median(steps) * 1000, "ms", filter_s * 1000)
    print(f"   the map document stayed across the year changes: {kept}")


def time_until(browser, url: str, condition: str, frame: str | None = None, wait_until: str = "load") -> float:
    """Seconds from asking for `url` until the last element matching `condition` shows; with the default
    `wait_until` also until the page's load event (the rest of the page read, its deferred scripts run)."""
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until=wait_until)
    if frame:
        page.frame_locator(frame).locator(condition).last.wait_for(timeout=60_000)
    else:
        page.locator(condition).last.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def floor_benchmark(browser, app_url: str) -> None:
    """5: the app's home page against the framework floor (only the same map in Streamlit), loads
    interleaved so both meet the same machine."""
    import tempfile

    # Streamlit serves static/ from beside the script it runs: give the floor the app's static folder.
    floor_dir = Path(tempfile.mkdtemp())
    (floor_dir / "floor_app.py").write_text((ROOT / "bench" / "floor_app.py").read_text("utf-8"), "utf-8")
    (floor_dir / "static").symlink_to(ROOT / "static")
    try:
        floor, floor_url = start_streamlit(
            ["-m", "streamlit", "run", str(floor_dir / "floor_app.py"), "--server.enableStaticServing", "true"], {}
        )
    except RuntimeError as error:
        print(f"5 skipped: the floor app did not start ({error})")
        return
    try:
        for url in (app_url, floor_url):  # warm both servers, as a visitor after the first finds them
            time_until(browser, url, ".tw-marker", MAP_FRAME)
        app_times, floor_times = [], []
        for _ in range(REPEATS):
            app_times.append(time_until(browser, app_url, ".tw-marker", MAP_FRAME))
            floor_times.append(time_until(browser, floor_url, ".tw-marker", MAP_FRAME))
        floor_s, app_s = statistics.median(floor_times), statistics.median(app_times)
        report("5 markers drawn, framework floor (map only)", floor_s, "s")
        report("5 markers drawn, the app vs the floor", app_s, "s", floor_s, round(1.1 * floor_s, 3))
    finally:
        floor.terminate()


def site_benchmarks(browser, data, static_s: float) -> None:
    """6: the static site's map and chart pages against a plain folium page and a bare plotly page of the
    same figure."""
    import tempfile

    from twinnings import charts
    from twinnings.static_site import export_site

    site = Path(tempfile.mkdtemp())
    export_site(site)
    chart = charts.lifetimes(data.ties, data.events, data.sources, filters.Filter(), "en")
    (site / "bare-chart.html").write_text(chart.figure.to_html(include_plotlyjs="assets/plotly.min.js"), "utf-8")

    httpd, base = serve_folder(site)
    try:
        map_s = statistics.median(time_until(browser, f"{base}/nl/map-nl.html", ".tw-marker") for _ in range(REPEATS))
        report("6a markers drawn, static site map page", map_s, "s", static_s, round(1.5 * static_s, 3))
        bare_s = statistics.median(time_until(browser, f"{base}/bare-chart.html", ".main-svg") for _ in range(REPEATS))
        page_s = statistics.median(
            time_until(browser, f"{base}/en/lifetimes.html", ".main-svg") for _ in range(REPEATS)
        )
        report("6b chart drawn, bare plotly HTML", bare_s, "s")
        report("6b chart drawn, static site chart page", page_s, "s", bare_s, round(1.5 * bare_s, 3))
    finally:
        httpd.shutdown()


READERS = 20
FIRST_VIEW = (  # what a profile page needs before its map shows; plotly.js loads after (deferred, cached)
    "{page}/index.html",
    "assets/site.css",
    "nl/map-place.html",  # the language's one place map document
    "{page}/kaart.json",  # the place's map data
    "app/static/vendor/leaflet/leaflet.js",
    "app/static/vendor/leaflet/leaflet.css",
    "app/static/vendor/topojson-client/topojson-client.min.js",
    "app/static/vendor/world-atlas/countries-110m.json",
)


async def readers(url: str, condition: str, frame: str | None, n: int) -> list[float]:
    """Seconds until `condition` shows in `frame` (or the page itself) for `n` readers loading `url` at the same
    moment."""
    import asyncio

    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)

        async def one() -> float:
            context = await browser.new_context()
            page = await context.new_page()
            start = time.perf_counter()
            await page.goto(url, timeout=300_000)
            await (page.frame_locator(frame) if frame else page).locator(condition).first.wait_for(timeout=300_000)
            elapsed = time.perf_counter() - start
            await context.close()
            return elapsed

        times = list(await asyncio.gather(*(one() for _ in range(n))))
        await browser.close()
    return times


def fetches(base: str, page: str, n: int, rounds: int = 5) -> list[float]:
    """Seconds to fetch a profile page's first view (every file of FIRST_VIEW) for `n` readers at once:
    what the server carries, without the readers' own rendering on this machine's two cores."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def one(_: int) -> float:
        start = time.perf_counter()
        for name in FIRST_VIEW:
            with urllib.request.urlopen(f"{base}/{name.format(page=page)}", timeout=60) as response:
                response.read()
        return time.perf_counter() - start

    with ThreadPoolExecutor(max_workers=n) as pool:
        return [t for _ in range(rounds) for t in pool.map(one, range(n))]


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def static_site_benchmarks(with_app: bool = True) -> None:
    """7: the static site as the public face: build and rebuild time, a profile page's first view in
    bytes, time to map on its home page against a plain folium file, and 20 readers at once against one
    (with the app's figure for the same load beside it)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from twinnings.static_site import export_site

    data = load(DATA_DIR)
    site = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    export_site(site)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    export_site(site)
    rebuild_s = time.perf_counter() - start
    report("7a full build of the static site (first)", build_s, "s")
    report("7a rebuild with unchanged data", rebuild_s, "s", build_s)
    page = "nl/plaats/gm0855-tilburg"
    first_view = sum(len(gzip.compress((site / name.format(page=page)).read_bytes())) for name in FIRST_VIEW)
    report("7b a profile page's first view, gzipped", first_view / 1024, "KB", None, 150)
    folder = Path(tempfile.mkdtemp())
    static_copy(folder, data)
    (site / "plain").symlink_to(folder)
    httpd, base = serve_folder(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            plain_s = statistics.median(
                time_until(browser, f"{base}/plain/map.html", ".tw-marker") for _ in range(REPEATS)
            )
            home_s = statistics.median(time_until(browser, f"{base}/nl/", ".tw-marker") for _ in range(REPEATS))
            browser.close()
        report("7c markers drawn, plain folium HTML", plain_s, "s")
        report("7c markers drawn, static site home page", home_s, "s", plain_s, round(1.5 * plain_s, 3))
        fetch_one = fetches(base, page, 1)
        fetch_crowd = fetches(base, page, READERS)
        report("7e a profile's first view fetched, one reader", statistics.median(fetch_one), "s")
        report(
            f"7e the same, p95 of {READERS} readers at once (server only)",
            p95(fetch_crowd),
            "s",
            statistics.median(fetch_one),
            None,
        )
        static_crowd = static_readers(base)
    finally:
        httpd.shutdown()
    if with_app:
        app_readers(static_crowd)


def static_readers(base: str) -> float:
    """7d, the static site: one reader, then READERS at once, loading its home page until the markers of its
    map are drawn. Returns the crowd's p95."""
    import asyncio

    alone = asyncio.run(readers(f"{base}/nl/", ".tw-marker", None, 1))[0]
    crowd = p95(asyncio.run(readers(f"{base}/nl/", ".tw-marker", None, READERS)))
    report("7d static home, one reader", alone, "s")
    report(f"7d static home, p95 of {READERS} readers at once", crowd, "s", alone, round(1.5 * alone, 3))
    return crowd


def app_readers(static_crowd: float) -> None:
    """7d, the app in the same run: one reader, then READERS at once, on its home page until the markers of
    its map are drawn, after one warm load (a running server has its caches filled); its p95 against the
    static site's."""
    import asyncio

    process, app_url = start_app()
    try:
        asyncio.run(readers(app_url, ".tw-marker", MAP_FRAME, 1))  # warm
        alone = asyncio.run(readers(app_url, ".tw-marker", MAP_FRAME, 1))[0]
        crowd = p95(asyncio.run(readers(app_url, ".tw-marker", MAP_FRAME, READERS)))
    finally:
        process.terminate()
    report("7d the app, one reader", alone, "s")
    report(f"7d the app, p95 of {READERS} readers at once", crowd, "s", alone)
    report("7d the app's p95 against the static site's", crowd, "s", static_crowd)


def readers_benchmarks() -> None:
    """7d alone: the static home page (an export without images, Dutch only: the home page and its map are
    the same) and the app's, each for one reader and READERS at once. The readers are headless Chromium
    pages on the same two cores as the server, so both figures measure the readers' rendering too."""
    import tempfile

    from twinnings.static_site import export_site

    site = Path(tempfile.mkdtemp())
    export_site(site, images=False, langs=("nl",))
    httpd, base = serve_folder(site)
    try:
        static_crowd = static_readers(base)
    finally:
        httpd.shutdown()
    app_readers(static_crowd)


def synthetic_package(factor: int, seed: int = 7):
    """The shipped data with `factor` times the ties, as a dataset that grew: each extra copy of a tie joins a
    Chinese place's copy (a new partner nearby, in the same province) to a Dutch municipality drawn at random
    from all 342, with copies of the tie's events. Sources stay as shipped."""
    from twinnings import load as loader

    rng = np.random.default_rng(seed)
    raw = loader.read_raw(DATA_DIR)
    places, ties, events = raw["places"], raw["ties"], raw["events"]
    geo = boundaries.EMBEDDED_DIR
    towns = boundaries.read_boundaries(geo, "municipalities")["features"]
    known = set(places["id"])
    dutch = []
    for town in towns:
        code = town["properties"]["statcode"]
        if code not in known:
            (south, west), (north, east) = maps.bounds_of({"features": [town]}, code)
            name = town["properties"]["statnaam"]
            row = dict.fromkeys(places.columns, "")
            row.update(id=code, country="NL", level="gemeente", name_nl=name, name_en=name)
            row.update(parent_id=town["properties"]["province"], lat=f"{(south + north) / 2:.4f}")
            row.update(lon=f"{(west + east) / 2:.4f}")
            dutch.append(row)
    codes = [town["properties"]["statcode"] for town in towns]
    chinese = places[places["country"] == "CN"]
    place_copies, tie_copies, event_copies = [places, pd.DataFrame(dutch)], [ties], [events]
    for n in range(1, factor):
        copy = chinese.copy()
        copy["id"] = copy["id"] + f"{n:02d}"
        for column in ("name_nl", "name_en", "name_pinyin"):
            copy[column] = copy[column] + f" {n + 1}"
        copy["lat"] = (copy["lat"].astype(float) + rng.uniform(-1, 1, len(copy))).round(4).astype(str)
        copy["lon"] = (copy["lon"].astype(float) + rng.uniform(-1, 1, len(copy))).round(4).astype(str)
        place_copies.append(copy)
        tied = ties.copy()
        tied["id"] = tied["id"] + f"-x{n}"
        tied["cn_place_id"] = tied["cn_place_id"] + f"{n:02d}"
        tied["nl_place_id"] = rng.choice(codes, len(tied))
        tie_copies.append(tied)
        happened = events[events["tie_id"] != ""].copy()
        happened["id"] = happened["id"] + f"-x{n}"
        happened["tie_id"] = happened["tie_id"] + f"-x{n}"
        event_copies.append(happened)
    places = loader._typed_places(pd.concat(place_copies, ignore_index=True))
    events = pd.concat(event_copies, ignore_index=True)
    ties = loader._typed_ties(pd.concat(tie_copies, ignore_index=True), places, events)
    return loader.Dataset(places, ties, loader._typed_events(events), raw["sources"])


def weight_benchmark(factor: int = 1) -> None:
    """8: what the export weighs on the shipped data, or on a `factor` times larger synthetic dataset
    (`synthetic_package`), without the chart images (their number grows with the places that have ties:
    a preview each), by kind of file, and how long the build took."""
    import tempfile
    from unittest import mock

    from twinnings import static_site

    site = Path(tempfile.mkdtemp())
    data = synthetic_package(factor) if factor > 1 else load(DATA_DIR)
    start = time.perf_counter()
    with mock.patch.object(static_site, "load", lambda _data_dir: data):
        static_site.export_site(site, images=False)
    print(
        f"8 {factor}x data: {len(data.ties)} ties, {len(data.events)} events; build without images "
        f"{time.perf_counter() - start:.0f} s",
        flush=True,
    )
    export_weight(site)
    kinds: dict[str, list[int]] = {}
    for path in (p for p in site.rglob("*") if p.is_file()):
        parts = path.relative_to(site).parts
        if len(parts) > 3 and parts[1] == "plaats":
            tied = (path.parent / "kaart.json").exists()
            kind = f"place pages {'with' if tied else 'without'} ties: {path.suffix}"
        elif parts[0] in ("nl", "en"):
            kind = "home, sections, charts, maps: " + path.suffix
        else:
            kind = f"{parts[0]}/" if len(parts) > 1 else "root files"
        kinds.setdefault(kind, []).append(path.stat().st_size)
    for kind, sizes in sorted(kinds.items(), key=lambda item: -sum(item[1])):
        print(f"8   {kind:<48} {len(sizes):6} files {sum(sizes) / 1e6:8.2f} MB", flush=True)
    tied_places = len(list(site.glob("nl/plaats/*/kaart.json")))
    print(f"8 places with ties per language: {tied_places} (each draws a 1200x630 preview in a full build)")


def export_weight(site: Path) -> None:
    """What the export weighs: all of it, and its map documents and map data."""
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"]
    maps_only = [p for p in files if p.name.startswith(("map-", "embed-map-", "kaart."))]
    total = sum(p.stat().st_size for p in files)
    print(f"8 export: {len(files)} files, {total / 1e6:.1f} MB", flush=True)
    print(
        f"8 of which map frames and map data: {len(maps_only)} files, "
        f"{sum(p.stat().st_size for p in maps_only) / 1e6:.1f} MB",
        flush=True,
    )


def loaded(browser, url: str, frame: str) -> tuple[list[str], list[str]]:
    """The addresses a page and its frames request: its first view (until its map's markers are drawn and the
    network is idle) and everything (after the reader has scrolled each chart into view and it is drawn)."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.frame_locator(frame).locator(".tw-marker").last.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    first = list(dict.fromkeys(requested))
    for chart in page.locator("[data-chart]").all():
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.close()
    return first, list(dict.fromkeys(requested))


FRAME_REPEATS = 21


def frames_benchmarks(site: Path | None = None) -> None:
    """8: the static site's maps. The export's weight; the files a place page loads in Chromium, gzipped as
    the site's precompressed files are (first view: all but the chart library, which is deferred); the home
    page's map (7c, drawn in the page itself) and its map document alone (6a, what embeds and the China view's
    link open) against a plain folium file of the same layers, loads interleaved in a shuffled order after one
    warm load of each, so all meet the same machine. Markers drawn is timed until the last marker shows, as a
    reader sees it; the home page reads on below its map after that, so its load event is timed apart."""
    import tempfile
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    from twinnings.static_site import export_site

    if site is None:
        site = Path(tempfile.mkdtemp())
        export_site(site, images=False)
    export_weight(site)
    folder = Path(tempfile.mkdtemp())
    static_copy(folder, load(DATA_DIR))
    (site / "plain").symlink_to(folder)
    httpd, base = serve_folder(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for place in ("nl/plaats/gm0855-tilburg/", "nl/plaats/320400-changzhou/"):
                first_urls, urls = loaded(browser, f"{base}/{place}", "iframe.mapframe")
                sizes, first = {}, 0
                for url in urls:
                    path = site / urlsplit(url).path.removeprefix("/")
                    path = path / "index.html" if path.is_dir() else path
                    name, size = path.relative_to(site).as_posix(), len(gzip.compress(path.read_bytes()))
                    first += size if url in first_urls and name not in sizes else 0
                    sizes[name] = size
                print(f"8 {place} loads: " + ", ".join(f"{n} {s / 1024:.1f}" for n, s in sizes.items()), flush=True)
                report(f"8 {place} first view, gzipped", first / 1024, "KB", None, 150)
                report(f"8 {place} everything, gzipped", sum(sizes.values()) / 1024, "KB", None, 500)
            urls = {
                "plain": f"{base}/plain/map.html",
                "frame": f"{base}/nl/map-nl.html",
                "home": f"{base}/nl/",
            }
            times: dict[str, list[float]] = {name: [] for name in urls}
            loaded_times: dict[str, list[float]] = {name: [] for name in urls}
            for round_ in range(FRAME_REPEATS + 1):
                order = list(urls.items())
                random.Random(round_).shuffle(order)  # no page always right after another: that showed in medians
                for name, url in order:
                    times[name].append(time_until(browser, url, ".tw-marker", wait_until="commit"))
                    loaded_times[name].append(time_until(browser, url, ".tw-marker"))
            browser.close()
        plain_s, frame_s, home_s = (statistics.median(times[name][1:]) for name in urls)
        target = round(1.2 * plain_s, 3)
        report("8 markers drawn, plain folium HTML", plain_s, "s")
        report("8 (6a) markers drawn, the home map document alone (map-nl.html)", frame_s, "s", plain_s, target)
        report("8 (7c) markers drawn, the site's home page", home_s, "s", plain_s, target)
        plain_s, frame_s, home_s = (statistics.median(loaded_times[name][1:]) for name in urls)
        report("8 markers drawn and loaded, plain folium HTML", plain_s, "s")
        report("8 (6a) markers drawn and loaded, map-nl.html", frame_s, "s", plain_s)
        report("8 (7c) markers drawn and loaded, the site's home page", home_s, "s", plain_s)
    finally:
        httpd.shutdown()
        (site / "plain").unlink()


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else "all"
    if only == "weight":
        weight_benchmark(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
        sys.exit(0)
    if only == "frames":
        frames_benchmarks(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
        sys.exit(0)
    if only == "site":
        static_site_benchmarks()
        sys.exit(0)
    if only == "readers":  # 7d alone: 20 readers at once on the static home page and on the app's
        readers_benchmarks()
        sys.exit(0)
    if only == "app":  # 1, 2, 5, 6: the app's own pages and their floors, without the site's build (7)
        browser_benchmarks()
        sys.exit(0)
    if only == "floor":  # 5 alone
        from playwright.sync_api import sync_playwright

        process, url = start_app()
        try:
            with sync_playwright() as p:
                floor_benchmark(p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS), url)
        finally:
            process.terminate()
        sys.exit(0)
    server_benchmarks()
    if only == "all":
        if Path(CHROMIUM).exists():
            browser_benchmarks()
            static_site_benchmarks()
        else:
            print(f"browser benchmarks skipped: no Chromium at {CHROMIUM}")
