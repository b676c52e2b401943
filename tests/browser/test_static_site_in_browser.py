"""The exported static site, served by http.server on localhost: maps and charts draw, nothing leaves."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.harness import serve_folder

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(site):
    server, url = serve_folder(site)
    yield url
    server.shutdown()


def test_static_map_draws_its_markers_with_no_outside_request(page, site_url, dataset):
    page.goto(f"{site_url}/nl/map-nl.html")
    expect(page.locator(".tw-marker")).to_have_count(dataset.ties["nl_place_id"].nunique())
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    screenshot(page, "static-map-nl")


def test_static_chart_page_draws_the_chart_with_no_outside_request(page, site_url):
    page.goto(f"{site_url}/en/lifetimes.html")
    page.locator(".main-svg").first.wait_for(timeout=30_000)
    expect(page.get_by_role("figure")).to_have_count(1)
    page.goto(f"{site_url}/en/index.html")
    assert page.locator("a").count() >= 8
    assert page.outside_requests == []
    screenshot(page, "static-index-en")
