"""Downloads a reporter makes in Chromium: a chart from its camera button as PNG and then SVG, and the map
as a publication image in both formats, each at publication size with a name that carries the selection."""

from __future__ import annotations

import struct

import pytest

from tests.browser.conftest import open_app, wait_until_idle

pytestmark = pytest.mark.browser


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def download(page, button, timeout: int = 30_000) -> tuple[str, bytes]:
    with page.expect_download(timeout=timeout) as started:
        button.click()
    with open(started.value.path(), "rb") as f:
        return started.value.suggested_filename, f.read()


def test_a_chart_downloads_from_its_camera_as_png_and_then_as_svg(page, app_url):
    open_app(page, f"{app_url}/tijdlijn?lang=en")
    chart = page.locator(".stPlotlyChart").first
    chart.hover()
    name, png = download(page, chart.get_by_role("button", name="Download plot as a PNG"))
    assert name == "stedenbanden-begun-ended.png" and png_size(png) == (2400, 1350)
    page.get_by_text("SVG", exact=True).first.click()
    wait_until_idle(page)
    chart = page.locator(".stPlotlyChart").first
    button = chart.get_by_role("button", name="Download plot", exact=True)
    button.wait_for(state="attached", timeout=20_000)
    chart.hover()
    name, svg = download(page, button)
    assert name == "stedenbanden-begun-ended.svg"
    assert b'width="1200"' in svg and b'height="675"' in svg
    assert "Source: Stedenbanden NL–CN" in svg.decode("utf-8")


def test_the_map_downloads_as_a_publication_image_in_both_formats(page, app_url):
    open_app(page, f"{app_url}/?province=PV30")
    name, png = download(page, page.get_by_role("button", name="Download kaart (PNG)"), 60_000)
    assert name == "stedenbanden-kaart-nl-pv30.png" and png_size(png) == (2400, 1350)
    name, svg = download(page, page.get_by_role("button", name="Download kaart (SVG)"), 60_000)
    assert name == "stedenbanden-kaart-nl-pv30.svg"
    text = svg.decode("utf-8")
    assert "Stedenbanden NL–CN: Nederland" in text and "Noord-Brabant" in text and "CBS / Kadaster" in text
