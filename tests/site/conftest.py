"""The exported static site and the installed wheel that exports it. Every module here runs on one xdist
worker (tests/conftest.py), so the wheel is built and the site exported once per run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.harness import serve_folder

PUBLISHED_AT = "https://example.org/stedenbanden"  # the test site is built for this address, as for publishing


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel and installed into a new virtualenv: that environment's bin/ folder."""
    from tests.harness import install_wheel

    return install_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def site(installed, tmp_path_factory) -> Path:
    """The static site of the shipped data as the installed wheel exports it from another folder, once per
    run, without the chart images (tests/test_static_site.py draws some of its own). Tests that read it
    share the xdist group "site", so one worker builds it."""
    out = tmp_path_factory.mktemp("site")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    env = {**os.environ, "TWINNINGS_STATIC_BASE_URL": PUBLISHED_AT}
    done = subprocess.run(
        [installed / "twinnings", "export-site", str(out), "--no-images"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return out


HTML_VALIDATE = Path(__file__).resolve().parents[1] / "js"  # installed by `make test` (npm ci --prefix tests/js)


@pytest.fixture(scope="session")
def html_validation(site, tmp_path_factory):
    """html-validate over every page and frame document of the site, started as soon as the site is built:
    the browser tests that come first mostly wait, so it runs beside them. Its process and its JSON report;
    None when html-validate is not installed (the test says so)."""
    binary = HTML_VALIDATE / "node_modules" / ".bin" / "html-validate"
    if not binary.is_file():
        yield None
        return
    report = tmp_path_factory.mktemp("html-validate") / "report.json"
    config = HTML_VALIDATE / ".htmlvalidate.json"
    with report.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [binary, "--config", config, "--formatter", "json", f"{site}/**/*.html"],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
    yield process, report
    process.kill()
    process.communicate()


@pytest.fixture(scope="session")
def site_url(site, html_validation):
    """The exported site under a folder prefix, as on https://example.github.io/stedenbanden/ (and its
    validation under way, `html_validation`)."""
    server, url = serve_folder(site.parent)
    yield f"{url}/{site.name}"
    server.shutdown()
