"""Places lie where their codes say, checked against real boundaries when ../shared/geo is present."""

from __future__ import annotations

import geopandas as gpd
import pytest

TOLERANCE_M = 2_000  # coastline generalisation puts a few seaside city points just offshore


@pytest.fixture(scope="module")
def nl_areas(shared_geo):
    frames = [gpd.read_file(shared_geo / f) for f in ("nl_provinces_2026.geojson", "nl_municipalities_2026.geojson")]
    areas = gpd.GeoDataFrame(gpd.pd.concat(frames, ignore_index=True), crs=frames[0].crs)
    areas["geometry"] = areas.geometry.make_valid()
    return areas.set_index("statcode").to_crs(28992)


@pytest.fixture(scope="module")
def cn_provinces(shared_geo):
    provinces = gpd.read_file(shared_geo / "china_provinces_ne50m.geojson")
    provinces["geometry"] = provinces.geometry.make_valid()
    return provinces.set_index("name_zh").to_crs(3857)


def points(frame) -> gpd.GeoSeries:
    return gpd.GeoSeries(gpd.points_from_xy(frame["lon"], frame["lat"]), index=frame["id"], crs=4326)


def test_every_dutch_place_lies_inside_its_own_cbs_area_and_province(dataset, nl_areas):
    dutch = dataset.places[dataset.places["country"] == "NL"]
    located = points(dutch).to_crs(28992)
    for place in dutch.itertuples():
        assert nl_areas.loc[place.id, "geometry"].contains(located[place.id]), f"{place.id} {place.name_nl}"
        assert nl_areas.loc[place.province_id, "geometry"].contains(located[place.id]), f"{place.id} province"


def test_every_chinese_place_lies_inside_its_province(dataset, cn_provinces):
    chinese = dataset.places[dataset.places["country"] == "CN"]
    province_name = dict(zip(dataset.places["id"], dataset.places["name_zh"]))
    located = points(chinese).to_crs(3857)
    for place in chinese.itertuples():
        polygon = cn_provinces.loc[province_name[place.province_id], "geometry"]
        distance = polygon.distance(located[place.id])
        assert distance <= TOLERANCE_M, f"{place.id} {place.name_en} is {distance:.0f} m outside its province"
