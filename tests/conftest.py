"""Shared fixtures: the shipped package, writable copies of it, and the optional real boundaries."""

from __future__ import annotations

import shutil
import subprocess
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
    done = subprocess.run(
        [installed / "twinnings", "export-site", str(out), "--no-images"], cwd=elsewhere, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return out
