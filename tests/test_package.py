"""The published package: generated files current, Frictionless-valid, RFC 7946 GeoJSON."""

from __future__ import annotations

import json

from twinnings import DATA_DIR
from twinnings.build import generated
from twinnings.geometry import great_circle


def test_generated_files_are_current():
    stale = [name for name, content in generated(DATA_DIR).items() if (DATA_DIR / name).read_text("utf-8") != content]
    assert stale == [], f"run `python -m twinnings build`: stale {stale}"


def test_frictionless_accepts_the_descriptor_on_disk():
    from frictionless import validate

    report = validate(str(DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_ties_geojson_has_one_line_per_tie_with_top_level_ids(dataset):
    collection = json.loads((DATA_DIR / "twinnings.geojson").read_text("utf-8"))
    assert "crs" not in collection
    ids = [f["id"] for f in collection["features"]]
    assert sorted(ids) == sorted(dataset.ties["id"])
    for feature in collection["features"]:
        coordinates = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "LineString" and len(coordinates) >= 2
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in coordinates)
        assert feature["properties"]["id"] == feature["id"]


def test_tie_lines_start_in_the_netherlands_and_end_in_china(dataset):
    collection = json.loads((DATA_DIR / "twinnings.geojson").read_text("utf-8"))
    for feature in collection["features"]:
        (lon0, lat0), (lon1, lat1) = feature["geometry"]["coordinates"][0], feature["geometry"]["coordinates"][-1]
        assert 3 < lon0 < 8 and 50 < lat0 < 54
        assert 73 < lon1 < 135 and 18 < lat1 < 54


def test_great_circle_bends_north_of_the_straight_line():
    points = great_circle(4.48, 51.92, 121.47, 31.23, n=9)
    middle_lat = points[len(points) // 2][1]
    assert middle_lat > (51.92 + 31.23) / 2 + 10, "the geodesic from Rotterdam to Shanghai passes over Siberia"


def test_places_geojson_has_every_place(dataset):
    collection = json.loads((DATA_DIR / "places.geojson").read_text("utf-8"))
    assert sorted(f["id"] for f in collection["features"]) == sorted(dataset.places["id"])


def test_every_tie_and_event_cites_a_source(dataset):
    known = set(dataset.sources["id"])
    for frame in (dataset.ties, dataset.events):
        cited = frame["source_ids"].str.split()
        assert cited.map(len).gt(0).all()
        assert all(set(ids) <= known for ids in cited)


def test_actor_codes_are_declared_in_the_descriptor_and_labelled():
    from twinnings import model
    from twinnings.i18n import STRINGS
    from twinnings.package import descriptor

    events = next(r for r in descriptor()["resources"] if r["name"] == "events")
    actors = next(f for f in events["schema"]["fields"] if f["name"] == "actors")
    assert actors["constraints"]["pattern"] == model.ACTORS_PATTERN
    assert all(code in actors["description"] for code in model.ACTOR_TYPES)
    for code in model.ACTOR_TYPES:
        assert set(STRINGS[f"actor_{code}"]) == {"nl", "en"}
