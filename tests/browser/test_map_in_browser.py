"""The app's map as a visitor uses it in Chromium: a click or Enter on a place selects it under the map, a
click on a municipality without ties opens its profile, a filter rewrites the address. The map's own
keyboard layer, popups, wheel and motion are tested on the baked map (test_static_map_in_browser.py): same code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_FRAME, map_frame, open_app

pytestmark = pytest.mark.browser

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


def test_a_click_on_a_place_opens_its_popup_and_lists_its_ties_under_the_map(page, app_url):
    open_app(page, f"{app_url}/?province=PV30&lang=en")
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".tw-marker").first.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator(".tw-partner").first).not_to_be_empty()
    expect(frame.locator(".leaflet-popup")).to_have_css("opacity", "1")  # its fade-in has ended
    expect(page.get_by_text("Selected:")).to_be_visible()
    # the place's ties as a grid, then the map's text alternative as a plain table
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    expect(page.locator(".tw-table table")).to_have_count(1)


def test_enter_on_a_place_opens_a_named_dialog_and_selects_it(page, app_url):
    open_app(page, f"{app_url}/?lang=en&province=PV25")
    frame = page.frame_locator(MAP_FRAME)
    marker = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    marker.focus()
    page.keyboard.press("Enter")
    expect(frame.locator(".leaflet-popup")).to_have_attribute("role", "dialog")
    content = frame.locator(".leaflet-popup-content")
    expect(content).to_be_focused()
    links = content.locator("a").all_inner_texts()
    assert links and all(not text.strip().isdigit() for text in links)  # named by publisher
    expect(page.get_by_role("heading", name="Selected: Arnhem")).to_be_visible(timeout=20_000)


def test_a_click_on_a_municipality_without_ties_opens_its_profile(page, app_url):
    open_app(page, f"{app_url}/")
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator('.tw-marker[tabindex="0"]')).to_have_count(1)  # the map has settled its places
    point = map_frame(page).evaluate(CENTRE_OF, "Texel (gemeente) · Noord-Holland")
    assert point, "Texel should be on the map with its hover label"
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    expect(frame.locator(".leaflet-tooltip")).to_contain_text("Texel")  # the pointer is on Texel
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page.get_by_role("heading", name="Texel", exact=True)).to_be_visible(timeout=30_000)
    assert "/profiel?place=GM0448" in page.url
    expect(page.get_by_text("Voor Texel is geen band met een Chinese stad of provincie bekend.")).to_be_visible()


def test_changing_a_filter_rewrites_the_address_and_counts_it(page, app_url):
    open_app(page, app_url)
    page.get_by_role("button", name="Filters", exact=True).click()
    page.get_by_role("textbox", name="Filter op plaatsnaam").fill("Tilburg")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Tilburg**", timeout=20_000)
    expect(page.get_by_role("button", name="Filters (1)", exact=True)).to_be_visible()


def test_cleared_filters_stay_cleared_when_the_language_changes(page, app_url):
    """The browser keeps a widget's last value and sends it with the next change: a reset must set the
    filters, or the language switch brings them back."""
    open_app(page, f"{app_url}/?province=PV30")
    page.get_by_role("button", name="Filters (1)", exact=True).click()
    page.get_by_role("button", name="Alle filters wissen").click()
    expect(page.get_by_role("button", name="Filters", exact=True)).to_be_visible()
    expect(page).not_to_have_url(re.compile("province"))
    page.keyboard.press("Escape")
    page.get_by_test_id("stButtonGroup").get_by_text("en", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sister cities NL–CN")
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
    expect(page.get_by_role("button", name="Filters", exact=True)).to_be_visible()
    assert "province" not in page.url
