"""Timeline and events pages in Chromium: charts render, the camera button downloads publication size."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from twinnings.filters import Filter, apply, events_in

pytestmark = pytest.mark.browser

# Streamlit's frontend first probes /<page>/_stcore/... on deep links and then falls back to the root.
KNOWN_PROBES = ("/_stcore/health", "/_stcore/host-config")


def console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


def real_errors(errors: list[str]) -> list[str]:
    probes = [e for e in errors if e.startswith("404") and e.endswith(KNOWN_PROBES)]
    unexplained_404s = [e for e in errors if "status of 404" in e][len(probes) :]
    return [e for e in errors if not (e in probes or "status of 404" in e)] + unexplained_404s


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_timeline_renders_three_charts_without_console_errors(page, app_url):
    errors = console_errors(page)
    page.goto(f"{app_url}/tijdlijn?province=PV30")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    expect(page.locator(".stPlotlyChart")).to_have_count(3)
    expect(page.get_by_text("Noord-Brabant, 1979").first).to_be_attached()
    assert real_errors(errors) == []
    screenshot(page, "timeline-pv30")


def test_camera_button_downloads_a_png_of_the_export_size(page, app_url):
    page.goto(f"{app_url}/tijdlijn?lang=en")
    chart = page.locator(".stPlotlyChart").first
    chart.locator(".main-svg").first.wait_for(timeout=60_000)
    chart.hover()
    with page.expect_download(timeout=30_000) as download:
        chart.get_by_role("button", name="Download plot as a PNG").click()
    assert download.value.suggested_filename == "stedenbanden-begun-ended.png"
    with open(download.value.path(), "rb") as f:
        assert png_size(f.read()) == (2400, 1350)


def test_events_page_lists_the_events_of_zuid_holland(page, app_url, dataset):
    errors = console_errors(page)
    page.goto(f"{app_url}/gebeurtenissen?province=PV28&lang=en")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    f = Filter(provinces=("PV28",))
    expected = events_in(f, dataset.events, apply(f, dataset.ties), dataset.places)
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    # the chart's text alternative counts exactly the events the table holds
    expect(page.get_by_text(f"{len(expected)} events; the busiest year")).to_have_count(1)
    newest = expected.sort_values(["date", "id"]).iloc[-1]["title_en"]  # ties on the date broken by id
    page.get_by_text(newest).first.wait_for(state="attached", timeout=30_000)  # in the grid's accessible table
    assert real_errors(errors) == []
    screenshot(page, "events-pv28-en")


def test_svg_format_downloads_an_svg_of_the_export_size(page, app_url):
    page.goto(f"{app_url}/tijdlijn")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    page.get_by_text("SVG", exact=True).first.click()
    chart = page.locator(".stPlotlyChart").first
    button = chart.get_by_role("button", name="Download plot", exact=True)
    button.wait_for(state="attached", timeout=20_000)
    chart.hover()
    with page.expect_download(timeout=30_000) as download:
        button.click()
    assert download.value.suggested_filename == "stedenbanden-begun-ended.svg"
    with open(download.value.path(), encoding="utf-8") as f:
        svg = f.read()
    assert 'width="1200"' in svg and 'height="675"' in svg
    assert "Bron: Stedenbanden NL–CN" in svg
