"""Print places.csv rows for Dutch CBS codes, with a point inside each area.

Curator tool, run when a new Dutch place enters the data. Points are the
representative point of the CBS 2026 boundary (always inside the polygon,
unlike a centroid), computed in RD New and stored in WGS84. Needs boundary
files: `python -m twinnings fetch-boundaries` or TWINNINGS_GEO_DIR.

    python scripts/nl_place_rows.py GM0599 PV28 >> data/places.csv
"""

from __future__ import annotations

import csv
import sys

import geopandas as gpd

from twinnings.boundaries import boundary_file
from twinnings.model import PLACES
from twinnings.settings import from_env

# Everyday names where the CBS name is the formal one, and English exonyms.
NAME_NL = {"'s-Gravenhage": "Den Haag"}
NAME_EN = {
    "'s-Gravenhage": "The Hague",
    "Noord-Holland": "North Holland",
    "Zuid-Holland": "South Holland",
    "Noord-Brabant": "North Brabant",
    "Fryslân": "Friesland",
}


def rows(codes: list[str]) -> list[dict[str, str]]:
    geo_dir = from_env().geo_dir
    frames = []
    for kind in ("provinces", "municipalities"):
        path = boundary_file(geo_dir, kind)
        if path is None:
            sys.exit(f"no {kind} boundaries in {geo_dir}: run fetch-boundaries or set TWINNINGS_GEO_DIR")
        frames.append(gpd.read_file(path).assign(year=path.stem[-4:]))
    areas = gpd.GeoDataFrame(gpd.pd.concat(frames, ignore_index=True), crs=frames[0].crs).set_index("statcode")
    province_of = _province_of(areas)
    out = []
    for code in codes:
        if code not in areas.index:
            sys.exit(f"{code} is not a CBS code in the boundary files")
        area = areas.loc[[code]]
        point = area.to_crs(28992).geometry.make_valid().representative_point().to_crs(4326).iloc[0]
        name = area["statnaam"].iloc[0]
        out.append(
            {
                "id": code,
                "country": "NL",
                "level": "provincie" if code.startswith("PV") else "gemeente",
                "name_nl": NAME_NL.get(name, name),
                "name_en": NAME_EN.get(name, NAME_NL.get(name, name)),
                "parent_id": "" if code.startswith("PV") else province_of[code],
                "lat": f"{point.y:.4f}",
                "lon": f"{point.x:.4f}",
                "coord_source": f"cbs-{area['year'].iloc[0]}-representative-point",
            }
        )
    return out


def _province_of(areas: gpd.GeoDataFrame) -> dict[str, str]:
    """Province of each municipality: the province polygon containing its representative point."""
    rd = areas.to_crs(28992)
    rd["geometry"] = rd.geometry.make_valid()
    provinces = rd[rd.index.str.startswith("PV")]
    municipalities = rd[rd.index.str.startswith("GM")]
    points = gpd.GeoDataFrame(geometry=municipalities.representative_point(), crs=rd.crs)
    joined = gpd.sjoin(points, provinces[["geometry"]].rename_axis("province"), predicate="within")
    return joined.iloc[:, -1].to_dict()


if __name__ == "__main__":
    writer = csv.DictWriter(sys.stdout, fieldnames=PLACES.columns, lineterminator="\n")
    for row in rows(sys.argv[1:]):
        writer.writerow(row)
