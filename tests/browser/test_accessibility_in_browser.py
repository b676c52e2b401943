"""WCAG 2.1 AA in Chromium: axe-core on every page in both languages (the map's frame too), page
language and titles, named markers and charts, the keyboard path through the map, narrow windows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_idle
from twinnings import routes
from twinnings.routes import Link

pytestmark = pytest.mark.browser

AXE = (Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
MAP_FRAME = 'iframe[src*="streamlit_folium"]'
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
# Every view the registry declares: each page, a profile, every embed (a profile's chart too).
VIEWS = [
    *(Link(page=page.name) for page in routes.PAGES),
    Link(page="profile", place="GM0855"),
    *(Link(show=view.show) for view in routes.EMBEDDABLES),
    Link(show="lifetimes", place="GM0855"),
]
TITLES = {
    "nl": {
        "": "Kaart",
        "tijdlijn": "Tijdlijn",
        "gebeurtenissen": "Gebeurtenissen",
        "profiel": "Profiel",
        "data": "Data & bronnen",
    },
    "en": {
        "": "Map",
        "tijdlijn": "Timeline",
        "gebeurtenissen": "Events",
        "profiel": "Profile",
        "data": "Data & sources",
    },
}


def serious_violations(frame, disabled=()) -> list[str]:
    frame.add_script_tag(content=AXE)
    return frame.evaluate(RUN_AXE, [list(disabled)])


def open_page(page, url: str):
    page.goto(url)
    page.locator(
        '[data-testid="stMainBlockContainer"] h1, [data-testid="stMainBlockContainer"] .stPlotlyChart, '
        'iframe[src*="streamlit_folium"]'
    ).first.wait_for(timeout=60_000)
    wait_until_idle(page)


def drawn(page) -> None:
    """Every chart and the map of the page have drawn: axe then sees the page a reader sees."""
    for chart in page.locator(".stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached(timeout=60_000)
    if page.locator(MAP_FRAME).count():
        expect(page.frame_locator(MAP_FRAME).locator(".leaflet-container")).to_be_attached(timeout=60_000)
    wait_until_idle(page)


def view_id(link: Link) -> str:
    return link.href() or "home"


@pytest.mark.parametrize("link", VIEWS + [replace(view, lang="en") for view in VIEWS[:5]], ids=view_id)
def test_axe_finds_no_serious_violation_in_any_view(page, app_url, link):
    open_page(page, link.url(app_url))
    drawn(page)
    assert serious_violations(page) == []
    if page.locator(MAP_FRAME).count():
        frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        assert serious_violations(frame, PAGE_LEVEL_RULES) == []


def test_axe_finds_no_serious_violation_with_a_popup_open(page, app_url):
    open_page(page, f"{app_url}/?province=PV25")
    marker = page.frame_locator(MAP_FRAME).locator('.tw-marker[aria-label^="Arnhem"]')
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.frame_locator(MAP_FRAME).locator(".leaflet-popup")).to_have_css("opacity", "1")
    wait_until_idle(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    assert serious_violations(frame, PAGE_LEVEL_RULES) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_states_its_language_and_its_own_title(page, app_url, lang):
    app = "Stedenbanden NL–CN" if lang == "nl" else "Sister cities NL–CN"
    for link in (replace(view, lang=lang) for view in VIEWS if not view.show and not view.place):
        open_page(page, link.url(app_url))
        expect(page).to_have_title(f"{TITLES[lang][link.path]} · {app}")
        assert page.evaluate("document.documentElement.lang") == lang
    open_page(page, Link(page="profile", place="GM0855", lang=lang).url(app_url))
    expect(page).to_have_title(f"Tilburg · {app}")
    open_page(page, Link(show="standing", lang=lang).url(app_url))
    standing = "Hoeveel banden met China bestonden er?" if lang == "nl" else "How many ties with China stood?"
    expect(page).to_have_title(f"{standing} · {app}")


def test_map_frame_markers_and_charts_have_names(page, app_url, dataset):
    open_page(page, f"{app_url}/?lang=en")
    frame_element = page.locator(MAP_FRAME)
    assert "map" in frame_element.get_attribute("title").lower()
    markers = page.frame_locator(MAP_FRAME).locator(".tw-marker")
    markers.first.wait_for(timeout=60_000)
    names = markers.evaluate_all("ms => ms.map(m => m.getAttribute('aria-label'))")
    assert len(names) == dataset.ties["nl_place_id"].nunique()
    assert "Arnhem, status ended" in names
    open_page(page, f"{app_url}/tijdlijn?lang=en")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    labels = page.locator(".stPlotlyChart [aria-label], .stPlotlyChart[aria-label]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert any(label.startswith("Ties with China begun and ended per year.") for label in labels)


def test_keyboard_opens_a_place_selects_it_and_escape_returns_focus(page, app_url):
    open_page(page, f"{app_url}/?lang=en&province=PV25")
    frame = page.frame_locator(MAP_FRAME)
    marker = frame.locator('.tw-marker[aria-label^="Arnhem"]')
    marker.wait_for(timeout=60_000)
    marker.focus()
    page.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup")
    popup.wait_for(timeout=10_000)
    assert popup.get_attribute("role") == "dialog"
    content = frame.locator(".leaflet-popup-content")
    assert content.evaluate("e => e === document.activeElement")
    links = content.locator("a").all_inner_texts()
    assert links and all(not text.strip().isdigit() for text in links)  # named by publisher
    page.get_by_role("heading", name="Selected: Arnhem").wait_for(timeout=20_000)
    screenshot(page, "keyboard-popup-open")
    content.focus()
    page.keyboard.press("Escape")
    popup.wait_for(state="detached", timeout=10_000)
    assert marker.evaluate("e => e === document.activeElement")
    screenshot(page, "keyboard-focus-back-on-marker")


def test_skip_link_leads_past_the_map_to_its_text_alternative(page, app_url, dataset):
    open_page(page, f"{app_url}/?lang=en")
    skip = page.get_by_role("link", name="Skip the map: to the table")
    skip.focus()
    screenshot(page, "skip-link-focused")
    skip.press("Enter")
    page.wait_for_function("location.hash === '#kaart-als-tabel'", timeout=10_000)
    heading = page.locator("#kaart-als-tabel")
    assert heading.inner_text().strip() == "The map as a table"
    table = page.get_by_role("region", name=f"Ties on the map ({len(dataset.ties)})")
    table.scroll_into_view_if_needed()
    assert table.locator("tbody tr").count() == len(dataset.ties)
    table.focus()  # a scrolling region must be reachable by keyboard
    assert table.evaluate("e => e === document.activeElement")
    screenshot(page, "map-text-alternative")
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Download this table (CSV)").click()
    with open(download.value.path(), encoding="utf-8-sig") as f:
        assert sum(1 for _ in f) == len(dataset.ties) + 1


def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(page, app_url):
    open_page(page, f"{app_url}/")
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".tw-marker").first.wait_for(timeout=60_000)
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    zoom = "getComputedStyle(document.querySelector('.leaflet-proxy')).transform"
    map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    before = map_frame.evaluate(zoom)
    wheel_off = "() => Object.values(window).some(v => v && v.scrollWheelZoom && !v.scrollWheelZoom.enabled())"
    assert map_frame.evaluate(wheel_off)
    page.mouse.wheel(0, 400)
    # the wheel went to the page: it scrolled (a positive wait), and the map kept its zoom
    page.wait_for_function(
        "() => window.scrollY > 0 || [...document.querySelectorAll('*')].some(e => e.scrollTop > 0)", timeout=20_000
    )
    assert map_frame.evaluate(zoom) == before


def test_a_narrow_desktop_window_gets_the_compact_chart_layout(browser, app_url):
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    try:
        open_page(page, f"{app_url}/tijdlijn")
        chart = page.locator(".stPlotlyChart").first
        chart.locator(".main-svg").first.wait_for(timeout=60_000)
        # compact: the source line moves under the title, out of the footer annotation
        page.wait_for_function(
            "() => !document.querySelector('.stPlotlyChart .annotation[data-index] text')"
            " || ![...document.querySelectorAll('.stPlotlyChart')][0].textContent.includes('Bron: Stedenbanden')"
            " || document.querySelector('.stPlotlyChart .gtitle') && "
            "document.querySelector('.stPlotlyChart .g-gtitle').textContent.includes('Bron')",
            timeout=30_000,
        )
        assert "Bron: Stedenbanden" in chart.locator(".g-gtitle").text_content()
        screenshot(page, "timeline-800px")
    finally:
        context.close()
