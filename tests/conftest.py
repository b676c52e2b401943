"""Shared fixtures: the shipped package, writable copies of it, and the optional real boundaries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from twinnings import DATA_DIR
from twinnings.load import Dataset, load

# Property tests draw the same examples on every run: CI runs once, and a test that passes or fails at
# random is a bug. New cases come from widening a strategy or adding an explicit example, on purpose.
settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("repeatable")

pytest_plugins = ["tests.browser.fixtures"]  # Chromium and its pages, one browser per worker

SHARED_GEO = Path(__file__).resolve().parents[2] / "shared" / "geo"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped package, for seeding faults."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def shared_geo() -> Path:
    """Real CBS/Natural Earth boundaries from ../shared/geo; tests needing them skip without it."""
    if not (SHARED_GEO / "nl_provinces_2026.geojson").is_file():
        pytest.skip(f"real boundary files not present at {SHARED_GEO} (they are not part of the repository)")
    return SHARED_GEO


def pytest_xdist_make_scheduler(config, log):
    """Each test module runs on one worker, so the pages, servers and data it shares are made once, and every
    module under tests/site/ on the same worker, which builds the wheel and exports the site once."""
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return SITE_TESTS if module.startswith(SITE_TESTS) else module

    return ByModule(config, log)


SITE_TESTS = "tests/site/"
