"""A chart's picture on the static site: drawn at build time (kaleido), shown from the first paint in the layout
of its box, and replaced by the interactive chart only when the reader reaches for it, in the same place.

The site's other tests use an export without images, where every chart is drawn when it comes into view; this
module exports a small site of its own (Dutch, one place) with the pictures of one chart, the one the timeline
and its embed open with."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import PHONE, new_page
from tests.harness import serve_folder
from twinnings import charts, site_render

pytestmark = pytest.mark.browser

SHOW = "begun-ended"  # the timeline's first chart: its picture fills a phone's first screen


@pytest.fixture(scope="module")
def pictured_site(tmp_path_factory):
    """The timeline with its first chart's pictures (two SVG drawings, a few seconds), served."""
    from twinnings.static_site import export_site

    out = tmp_path_factory.mktemp("pictured")
    export_site(out, images=False, only=("GM0106",), langs=("nl",), pictures=(SHOW,))
    server, url = serve_folder(out)
    yield url
    server.shutdown()


def swipe_up(page, box) -> None:
    """A finger drawn up over `box`, as a reader scrolls the page past it."""
    cdp = page.context.new_cdp_session(page)
    bounds = box.bounding_box()
    x, y = bounds["x"] + bounds["width"] / 2, bounds["y"] + 300
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 8):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 30 * step}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


@pytest.mark.parametrize("reach", ["tap", "hover", "focus"])
def test_a_chart_shows_its_picture_first_and_the_chart_replaces_it_in_place_when_the_reader_reaches_for_it(
    browser, pictured_site, reach
):
    """A phone reader taps the chart (after scrolling past it with a finger, which leaves the picture), a desktop
    reader points at it or moves the keyboard to it. Before that the chart's box holds the picture of its own
    layout, the other layout's picture is not even fetched, and plotly.js is not loaded although the chart is in
    view; after, the chart stands where the picture was, its box as tall as before."""
    phone = reach == "tap"
    page = new_page(browser, **(PHONE if phone else {"viewport": {"width": 1366, "height": 768}}))
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        page.goto(f"{pictured_site}/nl/tijdlijn/")
        box = page.locator("[data-chart]").first
        shown, other = ("compact", "full") if phone else ("full", "compact")
        picture = box.locator(f'img[data-layout="{shown}"]')
        expect(picture).to_be_visible()
        width = site_render.COMPACT_PICTURE_WIDTH if phone else charts.EXPORT_WIDTH
        expect(picture).to_have_js_property("naturalWidth", width)  # the SVG has arrived and is drawn
        expect(box.locator(f'img[data-layout="{other}"]')).to_be_hidden()
        page.wait_for_load_state("networkidle")
        assert box.bounding_box()["y"] + 200 < page.viewport_size["height"]  # in the first screen
        assert page.evaluate("typeof Plotly") == "undefined" and box.locator(".main-svg").count() == 0
        assert not any(url.endswith(f"/nl/{SHOW}{'' if phone else '-compact'}.svg") for url in fetched)
        height = box.bounding_box()["height"]
        spec = box.evaluate("box => JSON.parse(document.getElementById(box.dataset.chart).textContent)")
        assert height == spec[shown]["layout"]["height"]

        if phone:
            swipe_up(page, box)
            page.wait_for_function("scrollY > 0")  # the finger scrolled the page, over the chart
            expect(box).not_to_have_attribute("aria-busy", "true")  # set as soon as a chart starts to be drawn
            expect(picture).to_be_visible()
            box.tap()
        else:
            box.hover() if reach == "hover" else box.focus()
        expect(box.locator(".main-svg").first).to_be_attached()
        expect(box.locator("img")).to_have_count(0)
        expect(box).to_have_attribute("tabindex", "-1")  # no longer a picture to reach: out of the Tab order
        assert box.bounding_box()["height"] == height
        assert (box.evaluate("box => box._fullLayout.width") < 760) == phone  # the picture's layout, drawn
        assert page.errors == []
    finally:
        page.context.close()
