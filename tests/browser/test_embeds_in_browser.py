"""Embeds in Chromium: one chart or map, no sidebar, and the snippet's iframe loads it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_idle
from twinnings import embeds
from twinnings.filters import Filter
from twinnings.routes import Link

pytestmark = pytest.mark.browser


def test_an_embed_url_shows_one_chart_and_no_sidebar(page, app_url):
    page.goto(f"{app_url}/?embed=true&show=lifetimes&province=PV30&lang=en")
    page.locator(".stPlotlyChart .main-svg").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    expect(page.locator(".stPlotlyChart")).to_have_count(1)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_role("link", name="Full view on Stedenbanden NL–CN")).to_have_count(1)
    screenshot(page, "embed-lifetimes-pv30")


def test_a_profile_chart_embed_shows_that_place_and_links_to_its_profile(page, app_url):
    page.goto(f"{app_url}/?embed=true&show=lifetimes&place=GM0855&province=PV20&lang=en")
    chart = page.locator(".stPlotlyChart .main-svg").first
    chart.wait_for(timeout=60_000)
    wait_until_idle(page)
    expect(page.locator(".stPlotlyChart")).to_have_count(1)
    assert "Tilburg" in (page.locator(".stPlotlyChart .main-svg").first.text_content() or "")
    expect(page.locator(".stPlotlyChart .ytick")).to_have_count(2)  # Tilburg's two ties, the province filter ignored
    link = page.get_by_role("link", name="Full view on Stedenbanden NL–CN")
    full = urlparse(link.get_attribute("href") or "")
    assert full.path == "/profiel" and parse_qs(full.query) == {"lang": ["en"], "place": ["GM0855"]}
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    screenshot(page, "embed-profile-lifetimes-tilburg")


def test_the_snippet_iframe_loads_the_embedded_map(page, app_url):
    code = embeds.snippet(app_url, Link(filter=Filter(view="cn"), lang="en", show="map"), "Map of the ties")
    page.set_content(f"<!doctype html><html lang='en'><body><h1>Article</h1>{code}</body></html>")
    embedded = page.frame_locator("iframe[title='Map of the ties']")
    embedded.frame_locator('iframe[src*="streamlit_folium"]').locator(".tw-marker").first.wait_for(timeout=60_000)
    assert embedded.locator(".stPlotlyChart").count() == 0
    assert page.outside_requests == []
    screenshot(page, "embed-snippet-map")


@pytest.mark.parametrize("fmt", ["PNG", "SVG"])
def test_the_map_downloads_as_a_publication_image(page, app_url, fmt):
    from tests.browser.test_charts_in_browser import png_size

    page.goto(f"{app_url}/?province=PV30")
    page.get_by_role("button", name=f"Download kaart ({fmt})").wait_for(timeout=60_000)
    wait_until_idle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=f"Download kaart ({fmt})").click()
    assert download.value.suggested_filename == f"stedenbanden-kaart-nl-pv30.{fmt.lower()}"
    with open(download.value.path(), "rb") as f:
        content = f.read()
    if fmt == "PNG":
        assert png_size(content) == (2400, 1350)
    else:
        svg = content.decode("utf-8")
        assert "Stedenbanden NL–CN: Nederland" in svg and "Noord-Brabant" in svg
        assert "CBS / Kadaster" in svg
