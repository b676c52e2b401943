"""App pages opened once per test module and shared by the tests that only look at them."""

from __future__ import annotations

from tests.browser.conftest import open_app
from tests.browser.fixtures import new_page
from twinnings.routes import Link


class OpenViews:
    """Each address opened once, in its own desktop page, on first use; closed with the module."""

    def __init__(self, browser, app_url: str) -> None:
        self.browser, self.app_url, self.pages = browser, app_url, {}

    def __call__(self, link: Link):
        url = link.url(self.app_url)
        if url not in self.pages:
            page = new_page(self.browser)
            open_app(page, url)
            self.pages[url] = page
        return self.pages[url]

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()
