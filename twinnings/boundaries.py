"""Boundary files: the CBS gebiedsindelingen, embedded or fetched from PDOK, and the world background.

The project embeds a compact, coverage-simplified copy of the current CBS division
(`twinnings/embedded/`, made by `scripts/embed_boundaries.py`), so the map always shows the
Netherlands, offline too. `fetch` downloads the generalised CBS provinces and municipalities of
a year from PDOK's OGC API into a cache, simplified the same way and written atomically, so a
failed download never damages a working cache. `boundaries_dir` picks which copy the app reads.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import requests

from twinnings import STATIC_DIR

PDOK_URL = "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1"
COLLECTIONS = {"provinces": "provincie_gegeneraliseerd", "municipalities": "gemeente_gegeneraliseerd"}
KINDS = {"provinces": "nl_provinces", "municipalities": "nl_municipalities"}
PAGE_LIMIT = 1000
TIMEOUT_S = 30
ATTEMPTS = 3
SIMPLIFY_M = 100  # tolerance in RD New metres; CBS's layers are already generalised
PRECISION_DEG = 0.0001  # about 10 m
WORLD_FILE = STATIC_DIR / "vendor" / "world-atlas" / "countries-110m.json"
EMBEDDED_DIR = Path(__file__).parent / "embedded"


class FetchError(Exception):
    """A download that could not complete; the message says what failed and what to do."""


def boundary_file(geo_dir: Path, kind: str) -> Path | None:
    """The newest `nl_<kind>_<year>.geojson` in geo_dir, or None."""
    prefix = KINDS[kind]
    pattern = re.compile(rf"{prefix}_\d{{4}}\.geojson")
    candidates = sorted(p for p in Path(geo_dir).glob(f"{prefix}_*.geojson") if pattern.fullmatch(p.name))
    return candidates[-1] if candidates else None


def boundary_year(path: Path | None) -> int:
    return int(path.stem.rsplit("_", 1)[1]) if path else 0


def boundaries_dir(geo_dir: Path, explicit: bool) -> Path:
    """Where the app reads boundaries: a folder the visitor named (TWINNINGS_GEO_DIR), else the PDOK
    cache when it holds a newer year than the embedded copy, else the embedded copy."""
    if explicit:
        return Path(geo_dir)
    cached = min((boundary_year(boundary_file(geo_dir, kind)) for kind in KINDS), default=0)
    embedded = min(boundary_year(boundary_file(EMBEDDED_DIR, kind)) for kind in KINDS)
    return Path(geo_dir) if cached > embedded else EMBEDDED_DIR


@lru_cache(maxsize=8)
def _read(path: Path, mtime: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_boundaries(geo_dir: Path, kind: str) -> dict | None:
    """The GeoJSON of `kind` from geo_dir, or None when it has not been fetched."""
    path = boundary_file(geo_dir, kind)
    return _read(path, path.stat().st_mtime) if path else None


def read_world() -> dict:
    """Natural Earth countries (world-atlas 110m TopoJSON), vendored under static/."""
    return _read(WORLD_FILE, WORLD_FILE.stat().st_mtime)


def _get_json(session: requests.Session, url: str, params: dict | None, sleep: Callable[[float], None]) -> dict:
    """One page, retried on timeouts, connection errors and 5xx; 4xx and bad JSON fail at once."""
    last_error = ""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            response = session.get(url, params=params, timeout=TIMEOUT_S)
        except (requests.ConnectionError, requests.Timeout) as error:
            last_error = f"{type(error).__name__}: {error}"
        else:
            if response.status_code >= 500:
                last_error = f"HTTP {response.status_code} from {response.url}"
            elif response.status_code != 200:
                raise FetchError(f"HTTP {response.status_code} from {response.url}")
            else:
                try:
                    return response.json()
                except ValueError as error:
                    raise FetchError(f"truncated or invalid JSON from {response.url}: {error}") from error
        if attempt < ATTEMPTS:
            sleep(2 ** (attempt - 1))
    raise FetchError(f"gave up after {ATTEMPTS} attempts: {last_error}")


def fetch_collection(
    base_url: str,
    collection: str,
    year: int,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[dict]:
    """Every feature of a collection for a year, following `rel=next` links page by page."""
    session = session or requests.Session()
    url: str | None = f"{base_url.rstrip('/')}/collections/{collection}/items"
    params: dict | None = {"f": "json", "jaarcode": str(year), "limit": str(PAGE_LIMIT)}
    features: list[dict] = []
    seen: set[str] = set()
    while url:
        if url in seen:
            raise FetchError(f"the server links back to a page already read: {url}")
        seen.add(url)
        page = _get_json(session, url, params, sleep)
        if page.get("type") != "FeatureCollection" or not isinstance(page.get("features"), list):
            raise FetchError(f"{url} did not return a GeoJSON FeatureCollection")
        returned = page.get("numberReturned")
        if returned is not None and returned != len(page["features"]):
            raise FetchError(f"truncated page from {url}: {len(page['features'])} of {returned} features")
        features += page["features"]
        url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)
        params = None  # a next link carries its own query
    if not features:
        raise FetchError(f"no {collection} features for {year}: is the year published yet?")
    return features


def simplified(features: list[dict]) -> dict:
    """Features as a coverage-simplified GeoJSON FeatureCollection with statcode/statnaam only."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame.from_features(features, crs=4326)
    missing = {"statcode", "statnaam"} - set(frame.columns)
    if missing:
        raise FetchError(f"features lack the properties {sorted(missing)}")
    rd = frame.to_crs(28992)
    rd["geometry"] = rd.geometry.buffer(0).simplify_coverage(SIMPLIFY_M)
    out = rd[["statcode", "statnaam", "geometry"]].to_crs(4326)
    out["geometry"] = out.geometry.set_precision(PRECISION_DEG)
    collection = json.loads(out.to_json(drop_id=True))
    for feature in collection["features"]:
        feature["id"] = feature["properties"]["statcode"]
    return collection


def fetch(
    geo_dir: Path,
    year: int,
    base_url: str = PDOK_URL,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Path]:
    """Download both layers, then replace the cached files together; nothing is written on failure."""
    geo_dir = Path(geo_dir)
    collections = {
        kind: simplified(fetch_collection(base_url, name, year, session, sleep)) for kind, name in COLLECTIONS.items()
    }
    geo_dir.mkdir(parents=True, exist_ok=True)
    staged = []
    for kind, collection in collections.items():
        handle, tmp = tempfile.mkstemp(dir=geo_dir, prefix=".fetch-", suffix=".geojson")
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        staged.append((Path(tmp), geo_dir / f"{KINDS[kind]}_{year}.geojson"))
    for tmp, target in staged:
        os.replace(tmp, target)
    return [target for _, target in staged]
