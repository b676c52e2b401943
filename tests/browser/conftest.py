"""The app for browser tests: a real `streamlit run` on a free port per xdist worker (also one on hostile
data), and how a test waits for it. Chromium and its pages come from tests/browser/fixtures.py."""

from __future__ import annotations

import pytest

from tests.harness import start_app, stop

MAX_TAB_STOPS = 10  # from a map's entry to the first element after it (issue: phones and keyboards)
MAP_FRAME = 'iframe[src*="streamlit_folium"]'
# Streamlit's frontend first probes /<page>/_stcore/... on deep links and then falls back to the root.
KNOWN_PROBES = ("/_stcore/health", "/_stcore/host-config")


@pytest.fixture(scope="session")
def app_url():
    process, url = start_app()
    yield url
    stop(process)


@pytest.fixture(scope="session")
def hostile_app_url(tmp_path_factory):
    """The app on a copy of the data whose every text field carries markup, links and template syntax."""
    from tests.hostile_data import write_hostile_copy

    data = write_hostile_copy(tmp_path_factory.mktemp("hostile") / "data")
    process, url = start_app({"TWINNINGS_DATA_DIR": str(data)})
    yield url
    stop(process)


def wait_until_idle(page, timeout: int = 60_000) -> None:
    """Streamlit has finished its run: nothing stale, no running indicator."""
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        " && window.__twConfig",  # our page script (language, frame titles, styles) has run
        timeout=timeout,
    )


def open_app(page, url: str) -> None:
    """Open an app address and wait until its run is done and every chart and the map have drawn. Each step
    has a minute: on a busy machine Streamlit's server can take more than Playwright's default 30 s to serve
    its bundle to a new browser context."""
    page.goto(url, timeout=60_000)
    settle(page)


def settle(page) -> None:
    """Until the app's run is done and every chart and the map on the page have drawn."""
    from playwright.sync_api import expect

    page.locator(
        f'[data-testid="stMainBlockContainer"] h1, [data-testid="stMainBlockContainer"] .stPlotlyChart, {MAP_FRAME}'
    ).first.wait_for(timeout=60_000)
    wait_until_idle(page)
    for chart in page.locator(".stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached(timeout=60_000)
    if page.locator(MAP_FRAME).count():
        expect(page.frame_locator(MAP_FRAME).locator(".leaflet-container")).to_be_attached(timeout=60_000)
    wait_until_idle(page)


def map_frame(page):
    """The app's map frame as a Playwright Frame (for evaluate), once its map is there."""
    frame = page.locator(MAP_FRAME).element_handle(timeout=60_000).content_frame()
    frame.wait_for_selector(".leaflet-container", state="attached", timeout=60_000)
    return frame


def real_errors(errors: list[str]) -> list[str]:
    """Console errors and failed responses, without the 404s of Streamlit's known probes on deep links."""
    probes = [e for e in errors if e.startswith("404") and e.endswith(KNOWN_PROBES)]
    unexplained_404s = [e for e in errors if "status of 404" in e][len(probes) :]
    return [e for e in errors if not (e in probes or "status of 404" in e)] + unexplained_404s


def inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    """Playwright bounding box `inner` lies within `outer` (half a pixel of rounding allowed)."""
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def apart(a: dict, b: dict) -> bool:
    """Two Playwright bounding boxes do not overlap."""
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )
