"""A real `streamlit run` on a free port, and Debian Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import CHROMIUM, ROOT, launch_chromium, start_app, stop

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# A phone as Chromium emulates it: its width, touch, and a user agent that says Mobile (the app's first guess).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36",
}
MAX_TAB_STOPS = 10  # from a map's entry to the first element after it (issue: phones and keyboards)


@pytest.fixture(scope="session")
def app_url():
    process, url = start_app()
    yield url
    stop(process)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (make test does as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.outside_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:"))
            else page.outside_requests.append(request.url)
        ),
    )
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A page in an emulated phone (PHONE)."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def hostile_app_url(tmp_path_factory):
    """The app on a copy of the data whose every text field carries markup, links and template syntax."""
    from tests.hostile_data import write_hostile_copy

    data = write_hostile_copy(tmp_path_factory.mktemp("hostile") / "data")
    process, url = start_app({"TWINNINGS_DATA_DIR": str(data)})
    yield url
    stop(process)


def wait_until_idle(page, timeout: int = 60_000) -> None:
    """Streamlit has finished its run: nothing stale, no running indicator."""
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        " && window.__twConfig",  # our page script (language, frame titles, styles) has run
        timeout=timeout,
    )


def inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    """Playwright bounding box `inner` lies within `outer` (half a pixel of rounding allowed)."""
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def apart(a: dict, b: dict) -> bool:
    """Two Playwright bounding boxes do not overlap."""
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )
