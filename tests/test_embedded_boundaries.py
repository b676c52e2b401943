"""The embedded CBS division: always there, complete, compact, and chosen only when nothing better is."""

from __future__ import annotations

import csv
import json
import shutil

from twinnings import boundaries
from twinnings.boundaries import EMBEDDED_DIR, boundaries_dir, read_boundaries
from twinnings.settings import from_env

MAX_EMBEDDED_BYTES = 400_000


def codes(kind: str) -> set[str]:
    return {f["properties"]["statcode"] for f in read_boundaries(EMBEDDED_DIR, kind)["features"]}


def test_embedded_copy_holds_12_provinces_and_342_municipalities():
    assert codes("provinces") == {f"PV{n}" for n in range(20, 32)}
    assert len(codes("municipalities")) == 342


def test_embedded_municipalities_match_the_cbs_list_and_their_provinces(shared_geo):
    with (shared_geo / "nl_municipalities_2026.csv").open(encoding="utf-8") as f:
        cbs = {row["statcode"]: row["pv_code"] for row in csv.DictReader(f)}
    embedded = {
        f["properties"]["statcode"]: f["properties"]["province"]
        for f in read_boundaries(EMBEDDED_DIR, "municipalities")["features"]
    }
    assert embedded == cbs


def test_embedded_copy_is_compact():
    size = sum(path.stat().st_size for path in EMBEDDED_DIR.glob("*.geojson"))
    assert size <= MAX_EMBEDDED_BYTES, size


def test_without_other_boundaries_the_app_reads_the_embedded_copy(tmp_path):
    assert boundaries_dir(tmp_path / "empty-cache", explicit=False) == EMBEDDED_DIR
    settings = from_env({"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert settings.boundaries_dir == EMBEDDED_DIR


def test_a_cache_with_a_newer_year_wins_over_the_embedded_copy(tmp_path):
    year = boundaries.boundary_year(boundaries.boundary_file(EMBEDDED_DIR, "provinces"))
    for kind, prefix in boundaries.KINDS.items():
        shutil.copy(boundaries.boundary_file(EMBEDDED_DIR, kind), tmp_path / f"{prefix}_{year + 1}.geojson")
    assert boundaries_dir(tmp_path, explicit=False) == tmp_path
    older = tmp_path / "older"
    older.mkdir()
    for kind, prefix in boundaries.KINDS.items():
        shutil.copy(boundaries.boundary_file(EMBEDDED_DIR, kind), older / f"{prefix}_{year - 1}.geojson")
    assert boundaries_dir(older, explicit=False) == EMBEDDED_DIR


def test_a_named_geo_dir_is_used_even_when_empty(tmp_path):
    settings = from_env({"TWINNINGS_GEO_DIR": str(tmp_path)})
    assert settings.boundaries_dir == tmp_path
    assert read_boundaries(settings.boundaries_dir, "provinces") is None


def test_the_script_rebuilds_the_embedded_copy_exactly(shared_geo, tmp_path):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "embed_boundaries.py"
    spec = importlib.util.spec_from_file_location("embed_boundaries", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.embed(shared_geo, 2026, tmp_path):
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(
            (EMBEDDED_DIR / path.name).read_text(encoding="utf-8")
        )
