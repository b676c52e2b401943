"""The exported static site as a visitor meets it: served from a folder of a plain static host (not its
root), its maps and charts draw, its search works without a server, nothing leaves the host, and axe finds
no serious violation on a page of each kind."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import PHONE, new_page
from tests.browser.test_accessibility_in_browser import PAGE_LEVEL_RULES, serious_violations
from twinnings import boundaries, routes

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


DESKTOP_1366 = {"viewport": {"width": 1366, "height": 768}}
WIDER_THAN_ITS_BOX = "[...document.querySelectorAll('.tw-table')].filter(t => t.scrollWidth > t.clientWidth).length"


def draw_every_chart(page) -> None:
    for chart in page.locator("[data-chart]").all():
        chart.scroll_into_view_if_needed()  # a chart is drawn when it comes into view
        expect(chart.locator(".main-svg").first).to_be_attached()


@pytest.mark.parametrize("path", KINDS)
def test_a_page_of_each_kind_draws_fits_a_desktop_has_no_serious_violation_and_stays_on_the_host(
    browser, site_url, path
):
    """On a 1366 px desktop, its charts drawn: nothing runs past the right edge, every table fits its box, axe
    finds nothing serious in the page or its map frame, and nothing is asked of another host."""
    page = new_page(browser, **DESKTOP_1366)
    try:
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        draw_every_chart(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP_1366["viewport"]["width"]
        assert page.evaluate(WIDER_THAN_ITS_BOX) == 0
        assert serious_violations(page) == []
        for frame in page.frames[1:]:
            frame.locator(".leaflet-container").wait_for(state="attached")
            assert serious_violations(frame, PAGE_LEVEL_RULES) == []
        assert page.outside_requests == []
    finally:
        page.context.close()


def test_the_static_map_draws_one_marker_per_dutch_place(page, site_url, dataset):
    page.goto(f"{site_url}/nl/map-nl.html")
    expect(page.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []


def test_the_home_page_draws_its_map_itself_and_a_popup_links_to_a_place(page, site_url, dataset):
    """The home map is in the page, not in a frame: named as its frame was, one marker per Dutch place, a
    popup's link (relative to the page's own folder) opens the place's page."""
    page.goto(f"{site_url}/nl/")
    the_map = page.get_by_role("region", name="Interactieve kaart van de banden", exact=False)
    expect(the_map.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    expect(page.locator("iframe")).to_have_count(0)
    # by keyboard, as a click may land where the popup was a moment before: it pans into view as it opens, and a
    # click on the marker beneath it closes it again (2 of 25 loads on a loaded machine)
    the_map.locator('.tw-marker[aria-label^="Arnhem"]').focus()
    page.keyboard.press("Enter")
    the_map.get_by_role("link", name="Profiel van Arnhem").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/plaats/gm0202-arnhem/$"))
    assert page.outside_requests == []


def test_the_home_page_opens_its_map_in_the_year_its_address_asks_for_and_links_the_china_view(page, site_url, dataset):
    from twinnings import through_time

    page.goto(f"{site_url}/nl/?year=2005")
    expect(page.locator(".tw-year-value")).to_have_text("2005")
    in_2005 = through_time.ties_in(dataset.ties, 2005)["nl_place_id"].nunique()
    expect(page.locator(".tw-marker")).to_have_count(in_2005)
    page.get_by_role("link", name="Bekijk de banden op de kaart van China").click()
    expect(page).to_have_url(re.compile(r"/nl/map-cn\.html$"))
    expect(page.locator(".leaflet-arcs-pane path")).to_have_count(len(dataset.ties))
    assert page.errors == []


def test_a_place_map_draws_its_ties_from_the_shared_map_document_and_its_data_and_links_to_places(
    page, site_url, dataset
):
    """Tilburg's map: the language's one place map document, told by its address which place to draw from
    the small data file beside Tilburg's page; the countries come from the shared world file."""
    ties = dataset.ties[dataset.ties["nl_place_id"] == "GM0855"]
    page.goto(f"{site_url}/nl/plaats/gm0855-tilburg/")
    frame = page.frame_locator("iframe.mapframe")
    expect(frame.locator(".tw-marker")).to_have_count(1 + ties["cn_place_id"].nunique())
    expect(frame.locator(".leaflet-arcs-pane path")).to_have_count(len(ties))
    countries = boundaries.read_world()["objects"]["countries"]["geometries"]
    expect(frame.locator(".leaflet-overlay-pane path")).to_have_count(len(countries))
    expect(frame.locator('.tw-marker[tabindex="0"]')).to_have_count(1)  # the keyboard layer holds the places
    assert page.frame(url=re.compile(r"/nl/map-place\.html#gm0855-tilburg$"))
    changzhou = frame.locator('.tw-marker[aria-label^="Changzhou"]')
    changzhou.focus()
    page.keyboard.press("Enter")
    frame.get_by_role("link", name="Profiel van Changzhou").focus()  # a popup's link opens the place's page
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/plaats/320400-changzhou/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Changzhou")
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


def test_a_page_fetches_the_search_index_only_when_the_reader_turns_to_the_search(page, site_url):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/nl/plaats/gm0855-tilburg/")
    expect(page.frame_locator("iframe.mapframe").locator(".tw-marker").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if "/assets/search-" in url]
    with page.expect_request(re.compile(r"/assets/search-nl\.json$")):
        page.get_by_role("searchbox").focus()


def test_no_page_is_wider_than_a_phone(phone, site_url):
    """Every page kind on a 390 px phone, its charts drawn: nothing runs past the right edge of the page (a wide
    table scrolls inside its box). The desktop's width is checked with each kind's accessibility above."""
    for path in KINDS:
        phone.goto(f"{site_url}/{path}")
        draw_every_chart(phone)
        assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"], path


def test_a_phone_shows_the_home_map_in_its_first_screen_below_the_search(phone, site_url):
    phone.goto(f"{site_url}/nl/")
    expect(phone.locator(".tw-marker").first).to_be_attached()
    screen = phone.viewport_size["height"]
    top = phone.locator("div.mapframe").bounding_box()["y"]
    assert top + screen / 3 <= screen, "at least a third of the first screen is map"
    assert phone.get_by_role("searchbox").bounding_box()["y"] < top


# Every trace of a drawn chart has a module in the partial plotly.js bundle (an unknown trace type is
# dropped from the plot with only a console line) and its bars or lines are in the drawing.
UNDRAWN_TRACES = """box => box._fullData.filter(t => t.visible !== false && !t._module).map(t => t.type)"""


def test_the_partial_chart_bundle_draws_every_chart_kind_in_both_layouts(browser, site_url):
    for screen in (DESKTOP_1366, PHONE):
        page = new_page(browser, **screen)
        try:
            for view in routes.CHART_VIEWS:
                page.goto(f"{site_url}/nl/{view}.html")
                chart = page.locator("[data-chart]").first
                chart.scroll_into_view_if_needed()
                expect(chart.locator(".trace").first).to_be_attached()  # a drawn bar or line group
                assert chart.evaluate(UNDRAWN_TRACES) == [], view
                assert chart.evaluate("box => box._fullData.length") == chart.evaluate("box => box.data.length")
            assert page.errors == []
        finally:
            page.context.close()


def test_the_static_map_shows_any_year_by_address_keyboard_and_play(page, site_url, dataset):
    """A tie is on the map only in the years it was there (through_time), whichever way the year is chosen."""
    from twinnings import through_time

    def places_in(year):
        return through_time.ties_in(dataset.ties, year)["nl_place_id"].nunique()

    page.goto(f"{site_url}/nl/map-nl.html?year=2005")
    year = page.locator(".tw-year-value")
    expect(year).to_have_text("2005")
    expect(page.locator(".tw-marker")).to_have_count(places_in(2005))
    slider = page.get_by_role("slider", name="Kaart in het jaar")
    slider.press("ArrowRight")
    expect(year).to_have_text("2006")
    expect(page.locator(".tw-marker")).to_have_count(places_in(2006))
    assert slider.get_attribute("aria-valuetext") == "2006"
    slider.press("End")
    expect(year).to_have_text("vandaag")
    expect(page.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    play = page.get_by_role("button", name="▶ Afspelen")
    play.click()  # from today it starts again at the first tie's year and steps on
    expect(year).to_have_text("1980")
    page.get_by_role("button", name="⏸ Pauzeren").click()
    expect(page.get_by_role("button", name="▶ Afspelen")).to_be_visible()
    assert page.errors == []


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


def test_a_click_on_a_year_of_the_begun_and_ended_chart_opens_the_map_in_that_year(page, site_url):
    page.goto(f"{site_url}/nl/begun-ended.html")
    bar = page.locator("[data-chart] .trace.bars .point path").first
    expect(bar).to_be_attached()
    bar.click(force=True)  # a bar one year wide: plotly takes the click on the plot behind it
    expect(page).to_have_url(re.compile(r"embed-map-nl\.html\?year=\d{4}$"))
    year = page.url.rsplit("=", 1)[1]
    expect(page.locator(".tw-year-value")).to_have_text(year)


def test_a_place_map_shows_its_ties_as_they_were_in_a_year_and_all_of_them_today(page, site_url, dataset):
    from twinnings import through_time

    tilburg = dataset.ties[dataset.ties["nl_place_id"] == "GM0855"]
    in_1997 = through_time.ties_in(tilburg, 1997)
    page.goto(f"{site_url}/nl/map-place.html?year=1997#gm0855-tilburg")
    expect(page.locator(".tw-year-value")).to_have_text("1997")
    expect(page.locator(".tw-marker-cn")).to_have_count(in_1997["cn_place_id"].nunique())
    expect(page.locator(".leaflet-arcs-pane path")).to_have_count(len(in_1997))
    assert 0 < len(in_1997) < len(tilburg)
    page.get_by_role("slider", name="Kaart in het jaar").press("End")  # today: what the data file drew, all back
    expect(page.locator(".tw-year-value")).to_have_text("vandaag")
    expect(page.locator(".tw-marker-cn")).to_have_count(tilburg["cn_place_id"].nunique())
    expect(page.locator(".leaflet-arcs-pane path")).to_have_count(len(tilburg))
