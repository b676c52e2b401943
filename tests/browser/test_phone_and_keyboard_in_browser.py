"""The app on a 390 px phone and a 1400 px desktop, and with a keyboard only: the map in the first
screen, a map a keyboard crosses in a few Tab stops, popups that fit the map clear of its controls, the
comparison that marks the province asked for, and no animation for a reader who asks for none."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAX_TAB_STOPS, PHONE, SCREENSHOTS, apart, inside, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[src*="streamlit_folium"]'
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(**SCREENS[request.param])
    page = context.new_page()
    page.screen_name = request.param
    yield page
    context.close()


def map_ready(page, url: str):
    """The home map has drawn its places and given one of them the places' Tab stop."""
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator('.tw-marker[tabindex="0"]')).to_have_count(1, timeout=60_000)
    wait_until_idle(page)
    return frame, next(f for f in page.frames if "streamlit_folium" in f.url)


def test_the_home_map_starts_in_the_first_screen(screen, app_url):
    map_ready(screen, f"{app_url}/")
    assert screen.evaluate("window.scrollY") == 0
    top = screen.locator(MAP_FRAME).bounding_box()["y"]
    assert 0 < top < screen.viewport_size["height"] - 100  # room to see the map, not only its edge
    screen.screenshot(path=str(SCREENSHOTS / f"home-first-screen-{screen.screen_name}.png"))
    if screen.screen_name == "phone":
        # the orientation is one line away, the search needs no sidebar
        expect(screen.get_by_text("Wat is een band?")).to_be_visible()
        expect(
            screen.get_by_role("textbox", name="Zoek uw gemeente of provincie, of een Chinese partner")
        ).to_be_visible()
        expect(screen.get_by_role("button", name="Filters en menu")).to_be_visible()


def test_a_profile_starts_with_its_sentence_and_its_map(screen, app_url):
    map_ready(screen, f"{app_url}/profiel?place=GM0855")
    sentence = screen.locator("h4", has_text="Tilburg")
    expect(sentence).to_be_in_viewport()
    top = screen.locator(MAP_FRAME).bounding_box()["y"]
    assert 0 < top < screen.viewport_size["height"] - 100
    screenshot(screen, f"profile-first-screen-{screen.screen_name}")


def test_the_home_search_finds_a_town_without_the_sidebar(phone, app_url):
    map_ready(phone, f"{app_url}/")
    search = phone.get_by_role("textbox", name="Zoek uw gemeente of provincie, of een Chinese partner")
    search.fill("tilburg")
    search.press("Enter")
    found = phone.get_by_role("link", name=re.compile(r"^Tilburg \(gemeente\)"))
    expect(found).to_be_visible(timeout=30_000)
    found.click()
    expect(phone).to_have_url(re.compile(r"/profiel\?place=GM0855"), timeout=30_000)


def test_tab_crosses_the_map_in_a_few_stops(screen, app_url):
    frame, map_frame = map_ready(screen, f"{app_url}/")
    screen.get_by_role("link", name="Sla de kaart over: naar de tabel").focus()
    stops = []
    for _ in range(MAX_TAB_STOPS + 5):
        screen.keyboard.press("Tab")
        if screen.evaluate("document.activeElement.tagName") != "IFRAME":
            break
        stops.append(
            map_frame.evaluate("(e => e.tagName + ' ' + (e.getAttribute('class') || ''))(document.activeElement)")
        )
    assert len(stops) <= MAX_TAB_STOPS, stops
    assert "tw-skip-map" in stops[0]
    assert sum("tw-marker" in stop for stop in stops) == 1  # the places share one stop
    assert not any(stop.startswith("path") for stop in stops)  # shapes are no stops
    assert not screen.evaluate("document.activeElement.closest('iframe')")  # focus left the map


def test_the_skip_link_inside_the_map_passes_it_in_one_step(screen, app_url):
    frame, map_frame = map_ready(screen, f"{app_url}/")
    skip = frame.locator(".tw-skip-map")
    skip.focus()
    expect(skip).to_be_in_viewport()  # visible while focused
    skip.press("Enter")
    expect(frame.locator(".tw-map-end")).to_be_focused()
    screen.keyboard.press("Tab")
    assert screen.evaluate("document.activeElement.tagName") != "IFRAME"


def test_arrow_keys_move_to_the_nearest_place_in_that_direction(screen, app_url):
    frame, map_frame = map_ready(screen, f"{app_url}/")
    arnhem = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    arnhem.focus()
    start = arnhem.bounding_box()
    screen.keyboard.press("ArrowLeft")
    west = frame.locator(".tw-marker:focus")
    expect(west).to_have_count(1)
    assert west.bounding_box()["x"] < start["x"]
    assert west.get_attribute("tabindex") == "0" and arnhem.get_attribute("tabindex") == "-1"
    screen.keyboard.press("Home")
    names = frame.locator(".tw-marker").evaluate_all("ms => ms.map(m => m.getAttribute('aria-label'))")
    expect(frame.locator(".tw-marker:focus")).to_have_attribute("aria-label", min(names, key=str.casefold))


def test_a_popup_lies_inside_the_map_clear_of_its_controls(screen, app_url):
    frame, map_frame = map_ready(screen, f"{app_url}/")
    # the place nearest the top-left corner: its popup must move clear of the zoom buttons
    corner = frame.locator(".tw-marker").evaluate_all(
        "ms => ms.map(m => [m.getBoundingClientRect(), m.getAttribute('aria-label')])"
        ".sort((a, b) => (a[0].x + a[0].y) - (b[0].x + b[0].y))[0][1]"
    )
    marker = frame.locator(f'.tw-marker[aria-label="{corner}"]')
    marker.focus()
    screen.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_have_css("opacity", "1")
    expect(frame.locator(".leaflet-popup-content")).to_be_focused()
    close = frame.locator(".leaflet-popup-close-button")
    expect(close).to_be_visible()
    wait_until_idle(screen)
    map_box = frame.locator(".leaflet-container").bounding_box()
    popup_box = popup.bounding_box()
    assert inside(popup_box, map_box), (popup_box, map_box)
    for control in (".leaflet-control-zoom", ".tw-legend", ".leaflet-bottom.leaflet-right"):
        box = frame.locator(control).bounding_box()
        if box:
            assert apart(popup_box, box), control
    # the close button is the topmost thing where it is drawn: nothing covers it
    on_top = close.evaluate(
        "b => { const r = b.getBoundingClientRect(); "
        "return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"
    )
    assert on_top
    screen.locator(MAP_FRAME).scroll_into_view_if_needed()
    screen.screenshot(path=str(SCREENSHOTS / f"popup-open-{screen.screen_name}.png"))
    if screen.screen_name == "phone":
        # on a phone the key and the credits fold away, each behind a named button
        expect(frame.get_by_role("button", name="Legenda")).to_have_attribute("aria-expanded", "false")
        expect(frame.get_by_role("button", name="Bronvermelding van de kaart")).to_have_attribute(
            "aria-expanded", "false"
        )
    close.click()
    expect(popup).to_have_count(0)


def test_the_key_and_the_credits_unfold_on_a_phone(phone, app_url):
    frame, _ = map_ready(phone, f"{app_url}/")
    legend = frame.get_by_role("button", name="Legenda")
    expect(legend).to_have_attribute("aria-expanded", "false")
    expect(frame.locator(".tw-legend-body")).to_be_hidden()
    legend.click()
    expect(frame.locator(".tw-legend-body")).to_be_visible()
    expect(frame.locator(".tw-legend-body")).to_contain_text("Banden per provincie")
    credits = frame.get_by_role("button", name="Bronvermelding van de kaart")
    expect(frame.locator(".leaflet-control-attribution")).to_be_hidden()
    credits.click()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("CBS")


def test_the_comparison_marks_the_province_asked_for_on_a_phone(phone, app_url):
    phone.goto(f"{app_url}/profiel?province=PV30")
    chart = phone.locator(".stPlotlyChart").first
    expect(chart.locator(".ytick text", has_text="▶ Noord-Brabant")).to_have_count(1, timeout=60_000)
    expect(phone.get_by_text(re.compile(r"Noord-Brabant: \d+ banden, plaats \d+ van 12"))).to_be_visible()
    wait_until_idle(phone)
    screenshot(phone, "comparison-phone")


@pytest.mark.parametrize("path", ["/", "/?embed=true&show=map"])
def test_a_reader_who_asks_for_reduced_motion_gets_no_map_animation(browser, app_url, path):
    context = browser.new_context(reduced_motion="reduce", **PHONE)
    page = context.new_page()
    try:
        frame, _ = map_ready(page, f"{app_url}{path}")
        container = frame.locator(".leaflet-container")
        expect(container).to_have_class(re.compile("tw-reduced-motion"))
        assert "leaflet-zoom-anim" not in container.get_attribute("class")
        assert "leaflet-fade-anim" not in container.get_attribute("class")
    finally:
        context.close()


def test_an_embedded_map_on_a_phone_has_no_menu_opener_and_its_own_skip_link(phone, app_url):
    frame, _ = map_ready(phone, f"{app_url}/?embed=true&show=map")
    expect(frame.locator(".tw-skip-map")).to_have_count(1)
    expect(phone.locator("body.tw-embed")).to_have_count(1)
    expect(phone.locator('[data-testid="stExpandSidebarButton"]')).to_be_hidden()
    title = phone.locator("strong", has_text="Stedenbanden NL–CN")
    expect(title).to_be_visible()
    uncovered = (
        "t => { const r = t.getBoundingClientRect(); return t.contains(document.elementFromPoint(r.x + 2, r.y + 2)) }"
    )
    assert title.evaluate(uncovered)  # no header or button over the embed's title
    screenshot(phone, "embed-map-phone")
