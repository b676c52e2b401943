"""Hostile record text on every page and surface stays text: no dialog, no element or link made
from it, no request to another host. The data copy comes from tests/hostile_data.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_FRAME, open_app, wait_until_idle
from tests.hostile_data import EVIL_HOST, INJECTED_ID

pytestmark = pytest.mark.browser
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "style")

# Anything in a document that a record could have created: an injected element, an element whose
# URL attribute points at the attacker's host, or a javascript: link.
FIND_INJECTED = """([host, id, attributes]) => {
    const found = [];
    if (document.getElementById(id)) found.push('#' + id);
    for (const element of document.querySelectorAll('*')) {
        for (const name of attributes) {
            const value = element.getAttribute(name) || '';
            if (value.includes(host)) {  // the context only for a finding: outerHTML of every parent is slow
                const context = (element.parentElement?.outerHTML || "").slice(0, 200);
                found.push(element.tagName + "[" + name + "]=" + value.slice(0, 60) + " in " + context);
            }
            if (name === 'href' && value.trim().toLowerCase().startsWith('javascript:')) found.push('javascript: link');
        }
    }
    for (const script of document.querySelectorAll('script')) {
        if ((script.textContent || '').includes('alert(5)</script>')) found.push('script from record');
    }
    return found;
}"""


def injected(page) -> list[str]:
    """Scan the page and every frame; a frame that Streamlit replaces mid-scan is scanned again."""
    from playwright.sync_api import Error

    for _attempt in range(3):
        try:
            found = []
            for frame in page.frames:
                items = frame.evaluate(FIND_INJECTED, [EVIL_HOST, INJECTED_ID, list(URL_ATTRIBUTES)])
                found += [f"{frame.url[:40]}: {item}" for item in items]
            return found
        except Error as error:
            if "detached" not in str(error):
                raise
            wait_until_idle(page)
    raise AssertionError("frames kept being replaced while scanning")


@pytest.fixture
def watched(page):
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def assert_inert(page) -> None:
    """Run after a positive wait for what would carry an injection (a popup, a hover, a table)."""
    wait_until_idle(page)
    assert page.dialogs == []
    assert injected(page) == []
    assert page.outside_requests == []


def open_map(page, url):
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".tw-marker").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    return frame


def test_map_popups_and_tooltips_of_both_sides_show_hostile_text_as_text(watched, hostile_app_url):
    frame = open_map(watched, f"{hostile_app_url}/?view=cn")  # Dutch and Chinese places, arcs between
    for side in ("nl", "cn"):
        marker = frame.locator(f".tw-marker-{side}").first
        marker.dispatch_event("mouseover")  # markers overlap in the zoomed-out view: no pointer needed
        marker.dispatch_event("click")
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        assert "<img src=//evil.example" in popup.inner_text()
        assert popup.locator("img, b#tw-injected").count() == 0
        wait_until_idle(watched)
        assert_inert(watched)
        frame.locator(".leaflet-popup-close-button").dispatch_event("click")
        frame.locator(".leaflet-popup").wait_for(state="detached", timeout=10_000)
    # the place selected by the click is listed under the map, its heading as text
    expect(watched.locator("h2").filter(has_text="<img src=/").first).to_be_visible()
    assert_inert(watched)


def test_timeline_charts_and_their_hovers_show_hostile_text_as_text(watched, hostile_app_url):
    watched.goto(f"{hostile_app_url}/tijdlijn")
    watched.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(watched)
    lifetimes = watched.locator(".stPlotlyChart").nth(2)
    lifetimes.scroll_into_view_if_needed()
    points = lifetimes.locator(".scatterlayer .trace .points path")
    assert points.count() > 0
    for n in range(min(points.count(), 3)):
        points.nth(n).hover(force=True)
        expect(lifetimes.locator(".hoverlayer .hovertext").first).to_be_attached()
    labels = lifetimes.locator(".ytick text")
    assert labels.first.text_content().startswith("<img src=//evil.exa")
    assert lifetimes.locator("a").count() == 0
    assert_inert(watched)


def test_events_table_row_selection_shows_hostile_text_as_text(watched, hostile_app_url):
    watched.goto(f"{hostile_app_url}/gebeurtenissen")
    table = watched.locator('[data-testid="stDataFrame"]').first
    table.wait_for(timeout=60_000)
    wait_until_idle(watched)
    box = table.bounding_box()
    watched.mouse.click(box["x"] + 12, box["y"] + 36 + 18)  # the row-selection cell of the first row
    details = watched.locator('[data-testid="stMarkdownContainer"] strong').filter(has_text="[inloggen](https:")
    details.first.wait_for(timeout=20_000)
    wait_until_idle(watched)
    assert details.first.locator("a, img, b").count() == 0
    assert_inert(watched)


def test_data_page_tables_and_documents_show_hostile_text_as_text(watched, hostile_app_url):
    open_app(watched, f"{hostile_app_url}/data?lang=en")
    for tab in watched.get_by_role("tab").all():
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        expect(watched.get_by_role("tabpanel").locator('[data-testid="stDataFrame"]').first).to_be_visible()
        assert_inert(watched)


@pytest.mark.parametrize("place", ["GM0855", ""])  # a place's profile, and the comparison
def test_profiles_and_their_search_show_hostile_text_as_text(watched, hostile_app_url, place):
    watched.goto(f"{hostile_app_url}/profiel?place={place}")
    watched.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for(timeout=60_000)
    wait_until_idle(watched)
    if place:
        assert watched.locator("h1").first.inner_text().startswith("<img src=/")
    box = watched.get_by_role("textbox", name="Zoek een gemeente, provincie of Chinese partner")
    box.fill("img")
    box.press("Enter")
    watched.get_by_role("link", name="<img src=", exact=False).first.wait_for(timeout=20_000)
    wait_until_idle(watched)
    assert_inert(watched)


def test_a_link_too_long_for_streamlit_is_replaced_by_a_notice(watched, app_url):
    junk = "&".join(f"k{n}=v" for n in range(1100))
    watched.goto(f"{app_url}/?{junk}")
    # before the page script replaces the link, the first session may show the ignored-parts notice:
    # wait for the notice of the replaced link, which survives the reload
    notice = watched.locator('[data-testid="stAlertContentWarning"]', has_text="te lang")
    notice.wait_for(timeout=60_000)
    assert "te lang" in notice.inner_text()
    wait_until_idle(watched)
    assert "k1=" not in watched.url


def test_a_crafted_embed_link_puts_no_link_on_the_page(watched, app_url):
    # q is clean text (it passes the filter), yet Markdown: the embed's selection line must show it as typed
    watched.goto(f"{app_url}/?embed=true&show=map&q=%5Bx%5D(https%3A%2F%2Fevil.example)")
    watched.frame_locator('iframe[src*="streamlit_folium"]').locator(".leaflet-container").wait_for(timeout=60_000)
    wait_until_idle(watched)
    assert watched.get_by_text("[x](https:", exact=False).count() >= 1
    # the link back to the full view carries q (URL-encoded, to our own app); no link leads elsewhere
    hrefs = watched.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert not [href for href in hrefs if href.startswith(("https://evil.example", "http://evil.example"))]
    assert watched.dialogs == [] and watched.outside_requests == []
