"""Shared fixtures: the shipped package, writable copies of it, and the optional real boundaries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twinnings import DATA_DIR
from twinnings.load import Dataset, load

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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The static site of the shipped data, exported once per run for every test that reads it."""
    from tests.harness import CHROMIUM
    from twinnings.cli import main

    if not Path(CHROMIUM).exists():
        pytest.skip("export-site draws PNG/SVG with Chromium (kaleido): install Debian's chromium")
    out = tmp_path_factory.mktemp("site")
    assert main(["export-site", str(out)]) == 0
    return out
