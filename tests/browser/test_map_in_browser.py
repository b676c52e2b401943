"""The map as a visitor sees it in Chromium: markers, popups, and no request leaving the machine."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def open_map(page, url: str):
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".tw-marker").first.wait_for(timeout=60_000)
    return frame


def test_map_draws_one_marker_per_dutch_place(page, app_url, dataset):
    frame = open_map(page, app_url)
    assert frame.locator(".tw-marker").count() == dataset.ties["nl_place_id"].nunique()
    screenshot(page, "map-nl")


def test_click_on_a_place_opens_a_popup_with_its_partner(page, app_url):
    frame = open_map(page, f"{app_url}/?lang=en")
    frame.locator(".tw-marker").first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert popup.locator(".tw-partner").count() >= 1
    assert popup.locator(".tw-partner").first.inner_text().strip()
    screenshot(page, "map-popup-en")


def test_no_request_leaves_localhost(page, app_url):
    open_map(page, app_url)
    page.wait_for_timeout(1500)
    assert page.outside_requests == []
