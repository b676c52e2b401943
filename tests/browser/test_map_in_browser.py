"""The map as a visitor sees it in Chromium: markers, arcs, popups, permalinks, escaping, no outside requests."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_idle
from twinnings.filters import Filter, apply

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[src*="streamlit_folium"]'


def open_map(page, url: str):
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".tw-marker").first.wait_for(timeout=60_000)
    return frame


def test_map_draws_one_marker_per_dutch_place(page, app_url, dataset):
    frame = open_map(page, app_url)
    expect(frame.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    expect(frame.locator(".tw-legend")).to_have_count(1)
    screenshot(page, "map-nl")


def test_marker_count_follows_the_province_in_the_url(page, app_url, dataset):
    frame = open_map(page, f"{app_url}/?province=PV30")
    expected = apply(Filter(provinces=("PV30",)), dataset.ties)["nl_place_id"].nunique()
    expect(frame.locator(".tw-marker")).to_have_count(expected)
    screenshot(page, "map-nl-pv30")


def test_china_view_draws_one_arc_per_tie(page, app_url, dataset):
    frame = open_map(page, f"{app_url}/?view=cn&status=ended&lang=en")
    selected = apply(Filter(statuses=("ended",)), dataset.ties)
    expect(frame.locator(".leaflet-arcs-pane path")).to_have_count(len(selected))
    expect(frame.locator(".tw-marker-cn")).to_have_count(selected["cn_place_id"].nunique())
    screenshot(page, "map-cn-ended-en")


def test_click_on_a_place_opens_a_popup_with_its_partner(page, app_url):
    frame = open_map(page, f"{app_url}/?lang=en")
    frame.locator(".tw-marker").first.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator(".tw-partner").first).to_be_visible()
    assert popup.locator(".tw-partner").first.inner_text().strip()
    expect(frame.locator(".leaflet-popup")).to_have_css("opacity", "1")  # its fade-in has ended
    screenshot(page, "map-popup-en")


def test_changing_a_filter_rewrites_the_url(page, app_url):
    open_map(page, app_url)
    page.get_by_role("textbox", name="Filter op plaatsnaam").fill("Tilburg")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Tilburg**", timeout=20_000)


def test_no_request_leaves_localhost(page, app_url):
    frame = open_map(page, f"{app_url}/?view=cn")
    expect(frame.locator(".leaflet-arcs-pane path").first).to_be_attached()
    wait_until_idle(page)
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []


def test_click_selects_the_place_and_lists_its_ties_under_the_map(page, app_url):
    frame = open_map(page, f"{app_url}/?province=PV30&lang=en")
    frame.locator(".tw-marker").first.click()
    expect(page.get_by_text("Selected:")).to_be_visible()
    # the place's ties as a grid, then the map's text alternative as a plain table
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    expect(page.locator(".tw-table table")).to_have_count(1)
