"""Debian Chromium driven by Playwright, and pages in it, for every browser test (tests/browser/ and the
static site's in tests/site/): a plugin of tests/conftest.py, so each worker starts one browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import CHROMIUM, launch_chromium

# A phone as Chromium emulates it: its width, touch, and a user agent that says Mobile (the app's first guess).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36",
}
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}
LOCAL = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


@pytest.fixture(scope="session", autouse=True)
def patient_expectations():
    """Expectations wait up to 20 s (Playwright's default is 5): a busy 2-core CI machine running two
    workers, each with its app server and browser, can take that long for a rerun; passing runs never wait."""
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (make test does as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        yield instance
        instance.close()


def new_page(browser, **context_options):
    """A page in a context of its own that records requests to other hosts and console errors."""
    context = browser.new_context(**{**DESKTOP, "accept_downloads": True, **context_options})
    page = context.new_page()
    page.outside_requests = []
    page.errors = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else page.outside_requests.append(r.url))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: page.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser):
    """A page in an emulated phone (PHONE)."""
    page = new_page(browser, **PHONE)
    yield page
    page.context.close()


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page on a phone and, in the test's second run, on a desktop; its `screen_name` says which."""
    page = new_page(browser, **SCREENS[request.param])
    page.screen_name = request.param
    yield page
    page.context.close()
