"""The app on a 390 px phone and a 1400 px desktop: the map in the first screen, a town found without
a menu, a profile that starts with its sentence and its map, an embedded map without the app's menu.
The map's keyboard layer is tested on the baked map (test_static_map_in_browser.py): the same code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_FRAME, open_app, settle, wait_until_idle

pytestmark = pytest.mark.browser

HOME_SEARCH = "Zoek uw gemeente of provincie, of een Chinese partner"


# The top of the element is in the unscrolled first screen, with room to see more than its edge. Streamlit may
# redraw the map once the page has reported its width, so this is waited for, not read once.
IN_FIRST_SCREEN = """(selector) => {
    const element = document.querySelector(selector);
    const top = element && element.getBoundingClientRect().top;
    return window.scrollY === 0 && top > 0 && top < window.innerHeight - 100;
}"""


def expect_in_first_screen(page, selector: str) -> None:
    page.wait_for_function(IN_FIRST_SCREEN, arg=selector, timeout=30_000)


def test_the_home_map_starts_in_the_first_screen(screen, app_url):
    open_app(screen, f"{app_url}/")
    expect_in_first_screen(screen, MAP_FRAME)
    if screen.screen_name == "phone":
        # the orientation is one line away, the search and the filters need no menu, the menu opener is named
        expect(screen.get_by_text("Wat is een band?")).to_be_visible()
        expect(screen.get_by_role("textbox", name=HOME_SEARCH)).to_be_visible()
        expect(screen.get_by_role("button", name="Filters", exact=True)).to_be_visible()
        expect(screen.get_by_role("button", name="Menu", exact=True)).to_be_visible()


def test_a_town_found_on_a_phone_opens_its_profile_with_its_sentence_and_map_first(phone, app_url):
    open_app(phone, f"{app_url}/")
    search = phone.get_by_role("textbox", name=HOME_SEARCH)
    search.fill("tilburg")
    search.press("Enter")
    found = phone.get_by_role("link", name=re.compile(r"^Tilburg \(gemeente\)"))
    expect(found).to_be_visible(timeout=30_000)
    found.click()
    expect(phone).to_have_url(re.compile(r"/profiel\?place=GM0855$"), timeout=30_000)
    expect(phone).to_have_title("Tilburg · Stedenbanden NL–CN")
    settle(phone)
    expect(phone.get_by_text(re.compile(r"^Tilburg had 2"))).to_be_in_viewport()
    expect_in_first_screen(phone, MAP_FRAME)


def test_a_profile_on_a_desktop_starts_with_its_sentence_and_its_map(page, app_url):
    open_app(page, f"{app_url}/profiel?place=GM0855")
    expect(page.get_by_text(re.compile(r"^Tilburg had 2"))).to_be_in_viewport()
    expect_in_first_screen(page, MAP_FRAME)


def test_an_embedded_map_on_a_phone_has_no_menu_opener_and_its_own_skip_link(phone, app_url):
    open_app(phone, f"{app_url}/?embed=true&show=map")
    expect(phone.frame_locator(MAP_FRAME).locator(".tw-skip-map")).to_have_count(1)
    expect(phone.locator("body.tw-embed")).to_have_count(1)
    expect(phone.locator('[data-testid="stExpandSidebarButton"]')).to_be_hidden()
    title = phone.locator("strong", has_text="Stedenbanden NL–CN")
    expect(title).to_be_visible()
    uncovered = (
        "t => { const r = t.getBoundingClientRect(); return t.contains(document.elementFromPoint(r.x + 2, r.y + 2)) }"
    )
    assert title.evaluate(uncovered)  # no header or button over the embed's title


def holder(routes: list):
    """A route handler that answers nothing yet: it keeps each request in `routes`."""
    return lambda route: routes.append(route)


def test_nothing_under_a_map_moves_while_the_map_loads(screen, app_url):
    """The map keeps its place from the first paint: before the component's script has arrived (Streamlit draws
    no frame yet) and while streamlit-folium has shrunk its frame to its still empty page (Leaflet not there).
    Both are held back here, so each moment is looked at, not raced."""
    held: dict[str, list] = {"component": [], "leaflet": []}
    patterns = {"component": "**/static/js/ComponentInstance*.js", "leaflet": "**/vendor/leaflet/leaflet.js"}
    for name, pattern in patterns.items():
        screen.route(pattern, holder(held[name]))

    def release(name: str) -> None:
        for route in held[name]:
            route.continue_()
        screen.unroute(patterns[name])

    screen.goto(f"{app_url}/profiel?place=GM0855")
    # the map's box: what lies under it keeps its place as long as the box does (an element further down that
    # Streamlit still shows as a placeholder now and then resolves on its own, map or not)
    box = screen.locator(".st-key-tw-map-profile_map")
    wait_until_idle(screen)
    expect(box).to_be_visible()
    assert screen.locator(MAP_FRAME).count() == 0  # no frame yet
    where = box.bounding_box()
    release("component")
    frame = screen.locator(MAP_FRAME)
    expect(frame).not_to_have_attribute("height", "380")  # streamlit-folium has set its frame to its empty page
    assert box.bounding_box() == where
    release("leaflet")
    expect(frame).to_have_attribute("height", "380")
    expect(screen.frame_locator(MAP_FRAME).locator(".leaflet-container")).to_be_attached()
    assert box.bounding_box() == where
