"""Addresses as users meet them: a copied link, an embed code pasted into an article, the back button
between profiles, a link with ignored parts. Each is opened and must show what it promises."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_FRAME, open_app, settle, wait_until_idle
from tests.browser.fixtures import new_page
from twinnings import filters
from twinnings.filters import Filter

pytestmark = pytest.mark.browser


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
    page = new_page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    try:
        open_app(page, f"{app_url}/?province=PV30&view=cn")
        page.get_by_role("button", name="Kopieer link").click()
        expect(page.get_by_role("button", name="Link gekopieerd")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "province=PV30" in copied and "view=cn" in copied
        other = page.context.new_page()
        other.goto(copied)
        # the copied view: one arc per tie of the selection, one marker per Chinese partner
        selected = filters.apply(Filter(provinces=("PV30",), view="cn"), dataset.ties)
        frame = other.frame_locator(MAP_FRAME)
        expect(frame.locator(".leaflet-arcs-pane path")).to_have_count(len(selected))
        expect(frame.locator(".tw-marker-cn")).to_have_count(selected["cn_place_id"].nunique())
        assert page.outside_requests == []
    finally:
        page.context.close()


def test_an_events_chart_embed_shows_that_chart_with_the_events_filters(page, app_url):
    open_app(page, f"{app_url}/gebeurtenissen?actor=cpaffc&lang=en")
    src, full = embed_code(page)
    assert "/gebeurtenissen/?" not in src and "actor=cpaffc" in src and "show=events" in src
    page.goto(src)
    chart = page.locator(".stPlotlyChart")
    expect(chart).to_have_count(1)
    expect(chart.locator(".gtitle")).to_contain_text("Events around the ties per year")
    expect(chart.locator(".g-gtitle")).to_contain_text("CPAFFC")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.goto(full)
    expect(page.get_by_role("heading", name="What did the CPAFFC do?", exact=True)).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    expect(page.locator('[data-testid="stMultiSelect"]').filter(has_text="CPAFFC")).to_have_count(1)


def test_the_map_embed_code_shows_the_selection_it_was_copied_from(page, app_url, dataset):
    open_app(page, f"{app_url}/?status=ended")
    src, _full = embed_code(page, name="Insluiten")
    page.goto(src)
    ended = filters.apply(Filter(statuses=("ended",)), dataset.ties)["nl_place_id"].nunique()
    expect(page.frame_locator(MAP_FRAME).locator(".tw-marker")).to_have_count(ended)


def test_the_back_button_returns_to_the_profile_and_its_address(page, app_url):
    open_app(page, f"{app_url}/profiel?place=GM0855&lang=en")
    expect(page.get_by_text("Tilburg had 2 known ties with China", exact=False)).to_be_visible()
    page.goto(f"{app_url}/profiel?place=320400&lang=en")
    expect(page.get_by_role("heading", name="Changzhou", exact=True)).to_be_visible(timeout=60_000)
    page.go_back()
    expect(page.get_by_role("heading", name="Tilburg", exact=True)).to_be_visible(timeout=60_000)
    assert "place=GM0855" in page.url


def test_the_notice_about_ignored_parts_stays_while_the_visitor_looks_at_that_view(page, app_url):
    page.goto(f"{app_url}/gebeurtenissen?etype=bogus&province=PV30")
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notice).to_contain_text("etype=bogus", timeout=60_000)
    settle(page)
    expect(notice).to_contain_text("etype=bogus")
    expect(page).to_have_url(re.compile(r"/gebeurtenissen\?province=PV30$"))


# How far the page scrolls inside the frame: the document and every element that scrolls vertically.
OVERFLOW = """() => Math.max(0, ...[document.scrollingElement, ...document.querySelectorAll('*')]
    .filter(e => e === document.scrollingElement || ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
    .map(e => e.scrollHeight - e.clientHeight))"""


def test_an_embed_code_frame_holds_its_chart_without_scrolling(page, app_url):
    open_app(page, f"{app_url}/tijdlijn?lang=en")
    page.get_by_role("button", name="Embed").first.click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code').first
    expect(code).to_contain_text("<iframe")
    page.set_content(f"<!doctype html><html lang='en'><body style='margin:0'>{code.text_content()}</body></html>")
    embedded = page.frame_locator("iframe")
    expect(embedded.get_by_role("link", name="Full view on Stedenbanden NL–CN")).to_be_visible(timeout=60_000)
    expect(embedded.locator(".stPlotlyChart .main-svg").first).to_be_attached()
    frame = page.frames[1]
    wait_until_idle(frame)
    assert frame.evaluate(OVERFLOW) <= 2, "the chart and its link back must fit the snippet's frame"
