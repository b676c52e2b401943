"""Make the embedded boundaries: a compact copy of the current CBS division that ships with the app.

Input: `nl_provinces_<year>.geojson` and `nl_municipalities_<year>.geojson` as CBS publishes them
(the generalised gebiedsindelingen; on our machines `../shared/geo/`, or the PDOK cache that
`python -m twinnings fetch-boundaries` fills). Each layer is simplified as one coverage in RD New
(neighbours keep sharing their borders; tolerance `boundaries.SIMPLIFY_M` metres), rounded to
`boundaries.PRECISION_DEG` degrees, and reduced to `statcode` and `statnaam` (the same treatment
as a PDOK fetch), plus each municipality's `province`. Output: `twinnings/embedded/`.
CBS / Kadaster, CC BY 4.0 — credited in the README,
the data README and the map's attribution.

    python scripts/embed_boundaries.py ../shared/geo --year 2026
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from twinnings.boundaries import EMBEDDED_DIR, KINDS, simplified


def with_provinces(municipalities: dict, provinces: dict) -> dict:
    """Each municipality gets `province` (the CBS code of the province holding its representative point),
    so a profile can name the province of a municipality that has no row in the data."""
    import geopandas as gpd

    towns = gpd.GeoDataFrame.from_features(municipalities["features"], crs=4326)
    regions = gpd.GeoDataFrame.from_features(provinces["features"], crs=4326)
    points = towns.set_geometry(towns.to_crs(28992).representative_point().to_crs(4326))
    joined = points.sjoin(regions[["statcode", "geometry"]].rename(columns={"statcode": "province"}), how="left")
    province = dict(zip(joined["statcode"], joined["province"]))
    missing = sorted(code for code, pv in province.items() if not isinstance(pv, str))
    if missing:
        raise SystemExit(f"no province found for {', '.join(missing)}")
    for feature in municipalities["features"]:
        feature["properties"]["province"] = province[feature["properties"]["statcode"]]
    return municipalities


def embed(source: Path, year: int, target: Path = EMBEDDED_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    layers = {
        kind: simplified(json.loads((source / f"{prefix}_{year}.geojson").read_text(encoding="utf-8"))["features"])
        for kind, prefix in KINDS.items()
    }
    layers["municipalities"] = with_provinces(layers["municipalities"], layers["provinces"])
    written = []
    for kind, prefix in KINDS.items():
        collection = layers[kind]
        path = target / f"{prefix}_{year}.geojson"
        path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "source", type=Path, help="folder with nl_provinces_<year>.geojson, nl_municipalities_<year>.geojson"
    )
    parser.add_argument("--year", type=int, required=True)
    args = parser.parse_args()
    for path in embed(args.source, args.year):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
