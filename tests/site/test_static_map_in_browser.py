"""The map's keyboard layer, popups, wheel and motion, on the baked home page of the static site at 390 and
1400 px, which draws its map in the page itself. The app's maps run the same code (maps.MapAccess), so this
is where it is tested: a map a keyboard crosses in a few Tab stops, arrow keys to the nearest place, Enter and
Escape, popups that fit the map clear of its controls, a key and credits that fold on a phone, no animation when
asked for none."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAX_TAB_STOPS, apart, inside
from tests.browser.fixtures import new_page
from tests.browser.test_accessibility_in_browser import serious_violations

pytestmark = pytest.mark.browser

MAP = "div.mapframe"  # the home map's box in the page, named as its frame was
IN_MAP = "(e => e.closest('.mapframe') && e.tagName + ' ' + (e.getAttribute('class') || ''))(document.activeElement)"


def home_map(page, site_url: str):
    """The static home page's map once it has given one of its places the places' Tab stop."""
    page.goto(f"{site_url}/nl/")
    the_map = page.locator(MAP)
    expect(the_map.locator('.tw-marker[tabindex="0"]')).to_have_count(1)
    return the_map


def test_tab_crosses_the_map_in_a_few_stops(screen, site_url):
    home_map(screen, site_url)
    screen.get_by_role("link", name="Bekijk de banden op de kaart van China").focus()  # the link before the map
    stops = []
    for _ in range(MAX_TAB_STOPS + 5):
        screen.keyboard.press("Tab")
        stop = screen.evaluate(IN_MAP)
        if not stop:
            break
        stops.append(stop)
    assert len(stops) <= MAX_TAB_STOPS, stops
    assert "leaflet-container" in stops[0]  # the map itself: the page's link before it is its skip link
    assert sum("tw-marker" in stop for stop in stops) == 1  # the places share one stop
    assert not any(stop.startswith("path") for stop in stops)  # shapes are no stops
    expect(screen.get_by_role("link", name="Kaart door de jaren")).to_be_focused()  # focus left the map


def test_the_pages_link_past_the_map_is_its_one_skip_link_and_passes_it_in_one_step(screen, site_url):
    the_map = home_map(screen, site_url)
    skip = screen.get_by_role("link", name="Sla de kaart over: naar de tabel")
    skip.focus()
    skip.press("Enter")
    screen.keyboard.press("Tab")
    expect(screen.locator(".tw-table")).to_be_focused()  # the map's table, after the map
    expect(the_map.locator(".tw-skip-map, .tw-map-end")).to_have_count(0)  # no second skip link inside the map


def test_arrow_keys_move_to_the_nearest_place_and_home_to_the_first_by_name(page, site_url):
    frame = home_map(page, site_url)
    arnhem = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    arnhem.focus()
    start = arnhem.bounding_box()
    page.keyboard.press("ArrowLeft")
    west = frame.locator(".tw-marker:focus")
    expect(west).to_have_count(1)
    assert west.bounding_box()["x"] < start["x"]
    assert west.get_attribute("tabindex") == "0" and arnhem.get_attribute("tabindex") == "-1"
    page.keyboard.press("Home")
    names = frame.locator(".tw-marker").evaluate_all("ms => ms.map(m => m.getAttribute('aria-label'))")
    expect(frame.locator(".tw-marker:focus")).to_have_attribute("aria-label", min(names, key=str.casefold))


def test_enter_opens_an_accessible_dialog_and_escape_gives_focus_back(page, site_url):
    frame = home_map(page, site_url)
    marker = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    marker.focus()
    page.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_have_css("opacity", "1")
    expect(popup).to_have_attribute("role", "dialog")
    expect(frame.locator(".leaflet-popup-content")).to_be_focused()
    assert serious_violations(page) == []
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(marker).to_be_focused()


def test_a_popup_lies_inside_the_map_clear_of_its_controls(screen, site_url):
    frame = home_map(screen, site_url)
    # the place nearest the top-left corner: its popup must move clear of the zoom buttons
    corner = frame.locator(".tw-marker").evaluate_all(
        "ms => ms.map(m => [m.getBoundingClientRect(), m.getAttribute('aria-label')])"
        ".sort((a, b) => (a[0].x + a[0].y) - (b[0].x + b[0].y))[0][1]"
    )
    frame.locator(f'.tw-marker[aria-label="{corner}"]').focus()
    screen.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_have_css("opacity", "1")
    close = frame.locator(".leaflet-popup-close-button")
    expect(close).to_be_visible()
    map_box = frame.locator(".leaflet-container").bounding_box()
    popup_box = popup.bounding_box()
    assert inside(popup_box, map_box), (popup_box, map_box)
    for control in (".leaflet-control-zoom", ".tw-legend", ".leaflet-bottom.leaflet-right", ".tw-year"):
        box = frame.locator(control).bounding_box()
        if box:
            assert apart(popup_box, box), control
    # the close button is the topmost thing where it is drawn: nothing covers it
    close.scroll_into_view_if_needed()
    on_top = close.evaluate(
        "b => { const r = b.getBoundingClientRect(); "
        "return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"
    )
    assert on_top
    if screen.screen_name == "phone":  # on a phone the key and the credits fold away, each behind a named button
        expect(frame.get_by_role("button", name="Legenda")).to_have_attribute("aria-expanded", "false")
        expect(frame.get_by_role("button", name="Bronvermelding van de kaart")).to_have_attribute(
            "aria-expanded", "false"
        )
    close.click()
    expect(popup).to_have_count(0)


def test_the_key_and_the_credits_unfold_on_a_phone(phone, site_url):
    frame = home_map(phone, site_url)
    legend = frame.get_by_role("button", name="Legenda")
    expect(legend).to_have_attribute("aria-expanded", "false")
    expect(frame.locator(".tw-legend-body")).to_be_hidden()
    legend.click()
    expect(frame.locator(".tw-legend-body")).to_be_visible()
    expect(frame.locator(".tw-legend-body")).to_contain_text("Banden per provincie")
    expect(frame.locator(".leaflet-control-attribution")).to_be_hidden()
    frame.get_by_role("button", name="Bronvermelding van de kaart").click()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("CBS")


def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(page, site_url):
    box = home_map(page, site_url).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    zoom = "getComputedStyle(document.querySelector('.leaflet-proxy')).transform"
    before = page.evaluate(zoom)
    wheel_off = "() => Object.values(window).some(v => v && v.scrollWheelZoom && !v.scrollWheelZoom.enabled())"
    assert page.evaluate(wheel_off)
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => window.scrollY > 0", timeout=20_000)  # the wheel went to the page
    assert page.evaluate(zoom) == before


def test_a_reader_who_asks_for_reduced_motion_gets_a_map_without_animations(browser, site_url):
    page = new_page(browser, reduced_motion="reduce")
    try:
        page.goto(f"{site_url}/nl/map-nl.html")
        expect(page.locator(".leaflet-container")).to_have_class(re.compile("tw-reduced-motion"))
        assert page.evaluate("() => !document.querySelector('.leaflet-fade-anim, .leaflet-zoom-anim')")
        page.locator(".tw-marker").first.click()
        expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # at once: no fade
    finally:
        page.context.close()
    plain = new_page(browser)
    plain.goto(f"{site_url}/nl/map-nl.html")
    expect(plain.locator(".leaflet-container")).to_have_class(re.compile("leaflet-fade-anim"))
    plain.context.close()
