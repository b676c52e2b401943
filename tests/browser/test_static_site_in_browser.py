"""The exported static site as a visitor meets it: served from a folder of a plain static host (not its
root), its maps and charts draw, its search works without a server, nothing leaves the host, and axe finds
no serious violation on a page of each kind."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAX_TAB_STOPS, apart, inside, screenshot
from tests.browser.test_accessibility_in_browser import PAGE_LEVEL_RULES, serious_violations
from tests.harness import serve_folder

pytestmark = pytest.mark.browser

# One page of each kind: home, municipality, province, Chinese partner, a place without ties, events,
# the CPAFFC's page, provinces compared, A–Z, data, a chart page, an embed.
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


@pytest.fixture(scope="module")
def site_url(site):
    """The site under a folder prefix, as on https://example.github.io/stedenbanden/."""
    server, url = serve_folder(site.parent)
    yield f"{url}/{site.name}"
    server.shutdown()


def test_static_map_draws_its_markers_with_no_outside_request(page, site_url, dataset):
    page.goto(f"{site_url}/nl/map-nl.html")
    expect(page.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    screenshot(page, "static-map-nl")


def test_static_chart_page_draws_the_chart_with_no_outside_request(page, site_url):
    page.goto(f"{site_url}/en/lifetimes.html")
    page.locator(".main-svg").first.wait_for(timeout=30_000)
    expect(page.get_by_role("figure")).to_have_count(1)
    page.goto(f"{site_url}/en/")
    expect(page.locator("a").first).to_be_visible()
    assert page.locator("a").count() >= 8
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    screenshot(page, "static-index-en")


@pytest.mark.parametrize(
    ("query", "found"),
    [("Tilburg", "Tilburg"), ("xian", "Xi'an"), ("Den Haag", "Den Haag"), ("Tilbrug", "Tilburg"), ("西安", "Xi'an")],
)
def test_the_search_finds_places_without_a_server(page, site_url, query, found):
    page.goto(f"{site_url}/nl/")
    box = page.get_by_role("searchbox", name="Zoek een gemeente, provincie of Chinese partner")
    box.fill(query)
    result = page.get_by_role("search").get_by_role("link", name=found).first
    expect(result).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(found)
    assert page.outside_requests == []


@pytest.mark.parametrize("width", [1400, 390])
def test_the_home_map_is_in_the_first_screen_and_place_pages_read_on_a_phone(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/nl/")
        frame = page.locator("iframe.mapframe")
        expect(page.frame_locator("iframe.mapframe").locator(".tw-marker").first).to_be_attached()
        assert frame.bounding_box()["y"] < 800
        screenshot(page, f"static-home-{width}px")
        page.goto(f"{site_url}/nl/plaats/gm0855-tilburg/")
        chart = page.locator("[data-chart] .main-svg").first
        expect(chart).to_be_attached()
        assert chart.bounding_box()["width"] <= width
        screenshot(page, f"static-tilburg-{width}px")
    finally:
        context.close()


@pytest.mark.parametrize("path", KINDS)
def test_axe_finds_no_serious_violation_on_a_page_of_each_kind(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    for chart in page.locator("[data-chart]").all():
        expect(chart.locator(".main-svg").first).to_be_attached()
    assert serious_violations(page) == []
    for frame in page.frames[1:]:
        frame.locator(".leaflet-container").wait_for(state="attached")
        assert serious_violations(frame, PAGE_LEVEL_RULES) == []
    assert page.outside_requests == []


def test_a_reader_who_asks_for_reduced_motion_gets_a_map_without_animations(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/nl/map-nl.html")
        container = page.locator(".leaflet-container")
        expect(container).to_have_class(re.compile("tw-reduced-motion"))
        assert page.evaluate("() => !document.querySelector('.leaflet-fade-anim, .leaflet-zoom-anim')")
        page.locator(".tw-marker").first.click()
        expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # at once: no fade
    finally:
        context.close()
    plain = browser.new_page()
    plain.goto(f"{site_url}/nl/map-nl.html")
    expect(plain.locator(".leaflet-container")).to_have_class(re.compile("leaflet-fade-anim"))
    plain.close()


def test_on_a_phone_the_static_home_shows_the_map_and_its_popups_fit(phone, site_url):
    phone.goto(f"{site_url}/nl/")
    frame = phone.frame_locator("iframe.mapframe")
    expect(frame.locator('.tw-marker[tabindex="0"]')).to_have_count(1)
    assert phone.locator("iframe.mapframe").bounding_box()["y"] < phone.viewport_size["height"] - 100
    # the keyboard crosses the map in a few stops, from the link just before it onwards
    phone.get_by_role("link", name="Bekijk de banden op de kaart van China").focus()
    stops = 0
    phone.keyboard.press("Tab")
    while phone.evaluate("document.activeElement.tagName") == "IFRAME" and stops <= MAX_TAB_STOPS:
        stops += 1
        phone.keyboard.press("Tab")
    assert 3 <= stops <= MAX_TAB_STOPS
    marker = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    marker.focus()
    phone.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_have_css("opacity", "1")
    expect(frame.locator(".leaflet-popup-close-button")).to_be_visible()
    map_box = frame.locator(".leaflet-container").bounding_box()
    popup_box = popup.bounding_box()
    assert inside(popup_box, map_box)
    assert apart(popup_box, frame.locator(".leaflet-control-zoom").bounding_box())
    phone.locator("iframe.mapframe").scroll_into_view_if_needed()
    screenshot(phone, "static-home-popup-phone")
