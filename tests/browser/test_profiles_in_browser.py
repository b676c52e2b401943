"""Profiles in Chromium: a click on any municipality opens its profile; profiles read on desktop and phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_until_idle
from tests.browser.test_charts_in_browser import png_size

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[src*="streamlit_folium"]'
# The centre of a municipality's bounds, in the map frame's pixels (Texel: an island, no marker on it).
CENTRE_OF = """(label) => {
    const map = Object.values(window).find(v => v && v.latLngToContainerPoint && v.eachLayer);
    let point = null;
    map.eachLayer(layer => {
        const tip = layer.getTooltip && layer.getTooltip();
        if (tip && layer.getBounds && tip.getContent() === label) {
            point = map.latLngToContainerPoint(layer.getBounds().getCenter());
        }
    });
    return point && {x: point.x, y: point.y};
}"""


def test_a_click_on_a_municipality_without_ties_opens_its_profile(page, app_url):
    page.goto(f"{app_url}/")
    page.frame_locator(MAP_FRAME).locator(".tw-marker").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    point = frame.evaluate(CENTRE_OF, "Texel (gemeente) · Noord-Holland")
    assert point, "Texel should be on the map with its hover label"
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("location.href.includes('/profiel?place=GM0448')", timeout=30_000)
    page.get_by_role("heading", name="Texel", exact=True).wait_for(timeout=30_000)
    page.get_by_text("Voor Texel is geen band met een Chinese stad of provincie bekend.").wait_for(timeout=20_000)
    wait_until_idle(page)
    screenshot(page, "profile-texel-no-tie")


def test_profile_partner_and_back_with_permalinks(page, app_url):
    page.goto(f"{app_url}/profiel?place=GM0855&lang=en")
    page.get_by_role("heading", name="Tilburg", exact=True).wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_text("Tilburg had 2 known ties with China", exact=False).wait_for(timeout=20_000)
    page.goto(f"{app_url}/profiel?place=320400&lang=en")
    page.get_by_role("heading", name="Changzhou", exact=True).wait_for(timeout=60_000)
    page.go_back()
    page.get_by_role("heading", name="Tilburg", exact=True).wait_for(timeout=60_000)
    assert "place=GM0855" in page.url


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("place", ["PV30", "GM0855"])
def test_profiles_read_on_desktop_and_phone(browser, app_url, width, place):
    context = browser.new_context(viewport={"width": width, "height": 2600})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/profiel?place={place}")
        page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
        wait_until_idle(page)
        page.frame_locator('iframe[src*="streamlit_folium"]').locator(".tw-marker").first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, f"profile-{place}-{width}px")
    finally:
        context.close()


def test_comparison_chart_downloads_at_publication_size(page, app_url):
    page.goto(f"{app_url}/profiel?lang=en")
    chart = page.locator(".stPlotlyChart").first
    chart.locator(".main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    chart.hover()
    with page.expect_download(timeout=30_000) as download:
        chart.get_by_role("button", name="Download plot as a PNG").click()
    assert download.value.suggested_filename == "stedenbanden-provinces.png"
    path = download.value.path()
    with open(path, "rb") as f:
        assert png_size(f.read()) == (2400, 1350)
    download.value.save_as(str(screenshot.__globals__["SCREENSHOTS"] / "provinces-comparison-export.png"))
