"""A real `streamlit run` on a free port, and Debian Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SHARED_GEO

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TWINNINGS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(program: list[str], env_extra: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """`python <program>` with Streamlit's server flags on a free local port, once it answers its health check."""
    port = free_port()
    env = {**os.environ, "TWINNINGS_TILES": "none", **env_extra}
    flags = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    process = subprocess.Popen(
        [sys.executable, *program, *flags, "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not start:\n{process.stdout.read().decode() if process.stdout else ''}")


def start_app(env_extra: dict[str, str]) -> tuple[subprocess.Popen, str]:
    return start_streamlit(["-m", "twinnings", "serve"], env_extra)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class names it so)
        """No request log on stderr: benchmark and test output stay readable."""


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A plain, quiet HTTP server for static files on a free local port; call .shutdown() when done."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def app_url():
    geo = {"TWINNINGS_GEO_DIR": str(SHARED_GEO)} if SHARED_GEO.is_dir() else {}
    process, url = start_app(geo)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (make test does as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
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
    process.terminate()
    process.wait(timeout=10)


def wait_until_idle(page, timeout: int = 60_000) -> None:
    """Streamlit has finished its run: nothing stale, no running indicator."""
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        " && window.__twConfig",  # our page script (language, frame titles, styles) has run
        timeout=timeout,
    )
