"""Local boundary files (CBS gebiedsindelingen) for outlines and choropleths.

Boundaries are never committed: they are fetched into a cache folder, or read
from a folder named by TWINNINGS_GEO_DIR. The app works without them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

KINDS = {"provinces": "nl_provinces", "municipalities": "nl_municipalities"}


def boundary_file(geo_dir: Path, kind: str) -> Path | None:
    """The newest `nl_<kind>_<year>.geojson` in geo_dir, or None."""
    prefix = KINDS[kind]
    candidates = sorted(
        (p for p in Path(geo_dir).glob(f"{prefix}_*.geojson") if re.fullmatch(rf"{prefix}_\d{{4}}\.geojson", p.name)),
        key=lambda p: p.name,
    )
    return candidates[-1] if candidates else None


@lru_cache(maxsize=8)
def _read(path: Path, mtime: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_boundaries(geo_dir: Path, kind: str) -> dict | None:
    """The GeoJSON of `kind` from geo_dir, or None when it has not been fetched."""
    path = boundary_file(geo_dir, kind)
    return _read(path, path.stat().st_mtime) if path else None
