"""WCAG 2.1 AA in Chromium, once per page kind (three of them in English too): axe-core on the page and in its
map's frame, the page's language and its own title, no console error, no request to another host; named markers and
charts; the skip link past the map to its table; the compact chart layout in a narrow window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_FRAME, map_frame, open_app, real_errors
from tests.browser.fixtures import new_page
from tests.browser.views import OpenViews
from twinnings.routes import Link
from twinnings.ui import chrome

pytestmark = pytest.mark.browser

AXE = (Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
# Rules about a whole page (one main landmark, one h1, everything in landmarks) do not apply to the
# map, which is a widget inside the page's own landmarks.
PAGE_LEVEL_RULES = ("landmark-one-main", "page-has-heading-one", "region")
RUN_AXE = """async ([disabled]) => {
    const rules = Object.fromEntries(disabled.map(id => [id, {enabled: false}]));
    const result = await axe.run({exclude: [['iframe']]}, {resultTypes: ['violations'], rules});
    return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""
# One view of each page kind (template): the pages, a profile and the comparison, a chart's and the map's embed.
KINDS = [
    Link(page="map"),
    Link(page="timeline"),
    Link(page="events"),
    Link(page="profile", place="GM0855"),
    Link(page="profile"),
    Link(page="data"),
    Link(show="standing"),
    Link(show="map"),
]
# Every kind in Dutch, the default; in English the kinds this module opens in English anyway. A page kind is one
# template in both languages: tests/test_page_titles.py checks every view's title and every interface string in
# each language, so English pages of the other kinds would load five more app pages for the same checks.
ENGLISH = (Link(page="map"), Link(page="timeline"), Link(show="standing"))
VIEWS = [replace(kind, lang="nl") for kind in KINDS] + [replace(kind, lang="en") for kind in ENGLISH]


def serious_violations(frame, disabled=()) -> list[str]:
    frame.add_script_tag(content=AXE)
    return frame.evaluate(RUN_AXE, [list(disabled)])


def map_violations(page) -> list[str]:
    """axe in the app's map frame; a frame that Streamlit replaces during the run is checked again."""
    from playwright.sync_api import Error

    for _attempt in range(3):
        try:
            return serious_violations(map_frame(page), PAGE_LEVEL_RULES)
        except Error as error:
            if "detached" not in str(error) and "destroyed" not in str(error):
                raise
    raise AssertionError("the map frame kept being replaced while axe ran")


@pytest.fixture(scope="module")
def views(browser, app_url):
    opened = OpenViews(browser, app_url)
    yield opened
    opened.close()


def title_of(link: Link, dataset) -> str:
    place = dataset.places.set_index("id").loc[link.place, f"name_{link.lang}"] if link.place else ""
    return chrome.page_title(link, link.lang, place)


@pytest.mark.parametrize("link", VIEWS, ids=lambda link: link.href() or "home")
def test_each_page_kind_is_accessible_titled_and_quiet_in_each_language(views, link, dataset):
    page = views(link)
    expect(page).to_have_title(title_of(link, dataset))
    assert page.evaluate("document.documentElement.lang") == link.lang
    assert serious_violations(page) == []
    if page.locator(MAP_FRAME).count():
        assert map_violations(page) == []
    assert real_errors(page.errors) == []
    assert page.outside_requests == []


def test_the_map_frame_and_every_marker_have_names(views, dataset):
    page = views(Link(page="map", lang="en"))
    assert "map" in page.locator(MAP_FRAME).get_attribute("title").lower()
    markers = page.frame_locator(MAP_FRAME).locator(".tw-marker")
    expect(markers).to_have_count(dataset.ties["nl_place_id"].nunique())
    names = markers.evaluate_all("ms => ms.map(m => m.getAttribute('aria-label'))")
    assert "Arnhem, status ended" in names
    expect(page.frame_locator(MAP_FRAME).locator(".tw-legend")).to_have_count(1)


def test_charts_are_named_by_their_title_and_summary(views):
    page = views(Link(page="timeline", lang="en"))
    name = '[aria-label^="Ties with China begun and ended per year."]'
    expect(page.locator(f".stPlotlyChart {name}, .stPlotlyChart{name}").first).to_be_attached()


def test_a_chart_embed_shows_its_chart_a_link_back_and_no_menu(views):
    page = views(Link(show="standing", lang="en"))
    expect(page.locator(".stPlotlyChart")).to_have_count(1)
    expect(page.get_by_role("link", name="Full view on Stedenbanden NL–CN")).to_have_count(1)
    # no navigation, filters or language switch: the embed is its chart
    expect(page.locator('[data-testid="stTopNav"], [data-testid="stSidebar"], .st-key-lang')).to_have_count(0)


def test_skip_link_leads_past_the_map_to_its_text_alternative_and_its_csv(views, dataset):
    page = views(Link(page="map", lang="en"))
    skip = page.get_by_role("link", name="Skip the map: to the table")
    skip.focus()
    skip.press("Enter")
    page.wait_for_function("location.hash === '#kaart-als-tabel'", timeout=10_000)
    assert page.locator("#kaart-als-tabel").inner_text().strip() == "The map as a table"
    table = page.get_by_role("region", name=f"Ties on the map ({len(dataset.ties)})")
    table.scroll_into_view_if_needed()
    expect(table.locator("tbody tr")).to_have_count(len(dataset.ties))
    table.focus()  # a scrolling region must be reachable by keyboard
    expect(table).to_be_focused()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="This table as CSV").click()
    with open(download.value.path(), encoding="utf-8-sig") as f:
        assert sum(1 for _ in f) == len(dataset.ties) + 1


def test_a_narrow_desktop_window_gets_the_compact_chart_layout(browser, app_url):
    page = new_page(browser, viewport={"width": 700, "height": 900})  # half a 1400 px screen
    try:
        open_app(page, f"{app_url}/tijdlijn")
        # compact: the source line moves under the title, out of the footer annotation
        title = page.locator(".stPlotlyChart").first.locator(".g-gtitle")
        expect(title).to_contain_text("Bron: Stedenbanden", timeout=30_000)
    finally:
        page.context.close()
