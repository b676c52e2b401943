"""The exported static site as a visitor meets it: served from a folder of a plain static host (not its
root), its maps and charts draw, its search works without a server, nothing leaves the host, and axe finds
no serious violation on a page of each kind."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import new_page
from tests.browser.test_accessibility_in_browser import PAGE_LEVEL_RULES, serious_violations

pytestmark = pytest.mark.browser

# One page of each kind: home, municipality, province, Chinese partner, a place without ties, events,
# the CPAFFC's page, provinces compared, A–Z, data, a chart page, an embed, the map frame.
KINDS = [
    "nl/",
    "nl/plaats/gm0855-tilburg/",
    "en/plaats/pv30-noord-brabant/",
    "nl/plaats/320400-changzhou/",
    "nl/plaats/gm0448-texel/",
    "en/gebeurtenissen/",
    "nl/gebeurtenissen/cpaffc/",
    "nl/provincies/",
    "en/plaatsen/",
    "nl/data/",
    "en/tijdlijn/",
    "nl/lifetimes.html",
    "en/embed-standing.html",
]


@pytest.mark.parametrize("path", KINDS)
def test_a_page_of_each_kind_draws_has_no_serious_violation_and_stays_on_the_host(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    for chart in page.locator("[data-chart]").all():
        chart.scroll_into_view_if_needed()  # a chart is drawn when it comes into view
        expect(chart.locator(".main-svg").first).to_be_attached()
    assert serious_violations(page) == []
    for frame in page.frames[1:]:
        frame.locator(".leaflet-container").wait_for(state="attached")
        assert serious_violations(frame, PAGE_LEVEL_RULES) == []
    assert page.outside_requests == []


def test_the_static_map_draws_one_marker_per_dutch_place(page, site_url, dataset):
    page.goto(f"{site_url}/nl/map-nl.html")
    expect(page.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []


@pytest.mark.parametrize(
    ("query", "found"),
    [("Tilburg", "Tilburg"), ("xian", "Xi'an"), ("Den Haag", "Den Haag"), ("Tilbrug", "Tilburg"), ("西安", "Xi'an")],
)
def test_the_search_finds_places_without_a_server(page, site_url, query, found):
    page.goto(f"{site_url}/nl/")
    box = page.get_by_role("searchbox", name="Zoek uw gemeente of provincie, of een Chinese partner")
    box.fill(query)
    result = page.get_by_role("search").get_by_role("link", name=found).first
    expect(result).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(found)
    assert page.outside_requests == []


@pytest.mark.parametrize("width", [1366, 390])
def test_the_home_map_is_in_the_first_screen_and_a_place_page_fits_the_width(browser, site_url, width):
    """On a desktop no table of a place page is cut or scrolls sideways; on a phone the map shows first."""
    page = new_page(browser, viewport={"width": width, "height": 800})
    try:
        page.goto(f"{site_url}/nl/")
        expect(page.frame_locator("iframe.mapframe").locator(".tw-marker").first).to_be_attached()
        assert page.locator("iframe.mapframe").bounding_box()["y"] < 800
        page.goto(f"{site_url}/nl/plaats/gm0855-tilburg/")
        page.locator("[data-chart]").scroll_into_view_if_needed()
        chart = page.locator("[data-chart] .main-svg").first
        expect(chart).to_be_attached()
        assert chart.bounding_box()["width"] <= width
        if width >= 1024:
            overflowing = "[...document.querySelectorAll('.tw-table')].filter(t => t.scrollWidth > t.clientWidth)"
            assert page.evaluate(f"{overflowing}.length") == 0
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_a_chart_below_the_first_screen_keeps_its_place_and_is_drawn_when_it_comes_into_view(browser, site_url, width):
    """Nothing moves when a chart is drawn: its box has the height of the layout it gets (the compact one on a
    phone) from the start. Below the first screen it waits for the reader, and so does the chart library."""
    page = new_page(browser, viewport={"width": width, "height": 800})
    try:
        page.goto(f"{site_url}/nl/plaats/gm0855-tilburg/")
        page.wait_for_load_state("networkidle")
        box = page.locator("[data-chart]")
        assert box.bounding_box()["y"] > 800
        spec = page.evaluate(
            "JSON.parse(document.getElementById(document.querySelector('[data-chart]').dataset.chart).textContent)"
        )
        layout = spec["compact" if width < 760 else "full"]["layout"]
        assert box.bounding_box()["height"] == layout["height"]
        assert box.locator(".main-svg").count() == 0 and page.evaluate("typeof Plotly") == "undefined"
        box.scroll_into_view_if_needed()
        expect(box.locator(".main-svg").first).to_be_attached()
        assert box.bounding_box()["height"] == layout["height"]
        assert page.errors == []
    finally:
        page.context.close()
