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


@pytest.fixture(scope="session")
def site_url(site):
    """The exported site under a folder prefix, as on https://example.github.io/stedenbanden/."""
    server, url = serve_folder(site.parent)
    yield f"{url}/{site.name}"
    server.shutdown()
