"""Addresses as users meet them: a copied link, an embed code pasted into an article, a profile found
by search, a link with ignored parts. Each is opened and must show what it promises."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_idle
from twinnings import filters
from twinnings.filters import Filter

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[src*="streamlit_folium"]'


def embed_code(page, button: int = 0, name: str = "Embed") -> tuple[str, str]:
    """Open the n-th 'Embed' popover and return its iframe address and its link back to the full view."""
    page.get_by_role("button", name=name).nth(button).click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code').first
    expect(code).to_contain_text("<iframe")
    text = code.text_content() or ""
    src = html.unescape(re.search(r'src="([^"]+)"', text).group(1))
    full = html.unescape(re.search(r'href="([^"]+)"', text).group(1))
    page.keyboard.press("Escape")
    return src, full


def test_the_copy_link_button_copies_the_address_of_this_view(browser, app_url, dataset):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?province=PV30&view=cn")
        page.frame_locator(MAP_FRAME).locator(".tw-marker").first.wait_for(timeout=60_000)
        wait_until_idle(page)
        button = page.get_by_role("button", name="Kopieer link")
        button.click()
        expect(page.get_by_role("button", name="Link gekopieerd")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "province=PV30" in copied and "view=cn" in copied
        other = context.new_page()
        other.goto(copied)
        selected = filters.apply(Filter(provinces=("PV30",), view="cn"), dataset.ties)
        expect(other.frame_locator(MAP_FRAME).locator(".leaflet-arcs-pane path")).to_have_count(len(selected))
    finally:
        context.close()


def test_an_events_chart_embed_shows_that_chart_with_the_events_filters(page, app_url, dataset):
    page.goto(f"{app_url}/gebeurtenissen?actor=cpaffc&lang=en")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    src, full = embed_code(page)
    assert "/gebeurtenissen/?" not in src and "actor=cpaffc" in src and "show=events" in src
    page.goto(src)
    chart = page.locator(".stPlotlyChart")
    expect(chart).to_have_count(1)
    expect(chart.locator(".gtitle")).to_contain_text("Events around the ties per year")
    expect(chart.locator(".g-gtitle")).to_contain_text("CPAFFC")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.goto(full)
    expect(page.get_by_role("heading", name="Events", exact=True)).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    expect(page.locator('[data-testid="stMultiSelect"]').filter(has_text="CPAFFC")).to_have_count(1)
    screenshot(page, "events-from-embed-full-view")


def test_a_timeline_chart_embed_and_the_map_embed_show_what_they_promise(page, app_url, dataset):
    page.goto(f"{app_url}/tijdlijn?status=ended")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    src, _full = embed_code(page, 1, "Insluiten")  # the second chart: ties standing over time
    page.goto(src)
    expect(page.locator(".stPlotlyChart")).to_have_count(1)
    expect(page.locator(".stPlotlyChart .gtitle")).to_contain_text("Hoeveel banden met China bestonden er?")
    page.goto(f"{app_url}/?status=ended")
    page.frame_locator(MAP_FRAME).locator(".tw-marker").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_role("button", name="Insluiten").click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code').first
    src = html.unescape(re.search(r'src="([^"]+)"', code.text_content() or "").group(1))
    page.goto(src)
    ended = filters.apply(Filter(statuses=("ended",)), dataset.ties)["nl_place_id"].nunique()
    expect(page.frame_locator(MAP_FRAME).locator(".tw-marker")).to_have_count(ended)


def test_a_profile_found_by_search_gets_its_own_address(page, app_url):
    page.goto(f"{app_url}/profiel")
    box = page.get_by_role("textbox", name="Zoek een gemeente, provincie of Chinese partner")
    box.fill("Tilburg")
    box.press("Enter")
    page.get_by_role("link", name="Tilburg (gemeente)").click()
    expect(page.get_by_role("heading", name="Tilburg", exact=True)).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"/profiel\?place=GM0855$"))
    expect(page).to_have_title("Tilburg · Stedenbanden NL–CN")


def test_the_notice_about_ignored_parts_stays_while_the_visitor_looks_at_that_view(page, app_url):
    page.goto(f"{app_url}/gebeurtenissen?etype=bogus&province=PV30")
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notice).to_contain_text("etype=bogus", timeout=60_000)
    wait_until_idle(page)
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    expect(notice).to_contain_text("etype=bogus")
    expect(page).to_have_url(re.compile(r"/gebeurtenissen\?province=PV30$"))


# How far the page scrolls inside the frame: the document and every element that scrolls vertically.
OVERFLOW = """() => Math.max(0, ...[document.scrollingElement, ...document.querySelectorAll('*')]
    .filter(e => e === document.scrollingElement || ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
    .map(e => e.scrollHeight - e.clientHeight))"""


def test_an_embed_code_frame_holds_its_chart_without_scrolling(page, app_url):
    page.goto(f"{app_url}/tijdlijn?lang=en")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_role("button", name="Embed").first.click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code').first
    expect(code).to_contain_text("<iframe")
    page.set_content(f"<!doctype html><html lang='en'><body style='margin:0'>{code.text_content()}</body></html>")
    embedded = page.frame_locator("iframe")
    embedded.get_by_role("link", name="Full view on Stedenbanden NL–CN").wait_for(timeout=60_000)
    expect(embedded.locator(".stPlotlyChart .main-svg").first).to_be_attached()
    frame = page.frames[1]
    wait_until_idle(frame)
    assert frame.evaluate(OVERFLOW) <= 2, "the chart and its link back must fit the snippet's frame"
