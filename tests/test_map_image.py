"""The downloadable map image: size, credits, determinism, safe text and one symbol per place or tie."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from twinnings import __version__
from twinnings.boundaries import EMBEDDED_DIR, read_boundaries, read_world
from twinnings.load import Dataset
from twinnings.map_image import (
    map_image,
    map_png,
    map_svg,
    mpl_colour,
    plain_text,
    topology_features,
    unwrapped,
)
from twinnings.maps import places_of
from twinnings.style import CHOROPLETH_COLOURS

SVG = "{http://www.w3.org/2000/svg}"
TITLE = "Stedenbanden NL–CN op de kaart"
SUBTITLE = "Selectie: alle statussen, 1979–2025"
HOSTILE = "$x^2$ <script>alert(1)</script> Ha&ck"
# Amsterdam, Rotterdam, Almere, Arnhem: five ties, four Chinese partners, four provinces.
FEW_PLACES = ["GM0363", "GM0599", "GM0034", "GM0202"]


@pytest.fixture(scope="module")
def provinces() -> dict:
    return read_boundaries(EMBEDDED_DIR, "provinces")


@pytest.fixture(scope="module")
def municipalities() -> dict:
    return read_boundaries(EMBEDDED_DIR, "municipalities")


@pytest.fixture(scope="module")
def few(dataset: Dataset) -> pd.DataFrame:
    ties = dataset.ties[dataset.ties["nl_place_id"].isin(FEW_PLACES)]
    assert 0 < places_of(ties, "cn").shape[0] <= 12  # few enough for the partners to be labelled
    return ties


@pytest.fixture(scope="module")
def svgs(dataset: Dataset, provinces: dict, municipalities: dict) -> dict[str, bytes]:
    """Both views of the whole dataset as SVG, rendered once for the module."""
    return {
        view: map_svg(view, dataset.ties, provinces, municipalities, TITLE, SUBTITLE, "NOS-test", "nl")
        for view in ("nl", "cn")
    }


@pytest.fixture(scope="module")
def few_images(few: pd.DataFrame, provinces: dict, municipalities: dict) -> dict[tuple[str, str], bytes]:
    """Both views of the few ties in both formats, rendered once for the module: the same arguments as
    `svgs` but the selection, so the two differ only by what is selected."""
    args = (few, provinces, municipalities, TITLE, SUBTITLE, "NOS-test", "nl")
    return {(view, "svg"): map_svg(view, *args) for view in ("nl", "cn")} | {
        (view, "png"): map_png(view, *args) for view in ("nl", "cn")
    }


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR is always the first chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_texts(data: bytes) -> list[str]:
    return ["".join(element.itertext()) for element in ET.fromstring(data).iter(f"{SVG}text")]


def ids_with(data: bytes, prefix: str) -> list[str]:
    return [element.get("id") for element in ET.fromstring(data).iter() if element.get("id", "").startswith(prefix)]


@pytest.mark.parametrize("view", ["nl", "cn"])
def test_png_is_drawn_at_double_resolution(few_images: dict[tuple[str, str], bytes], view: str) -> None:
    assert png_size(few_images[(view, "png")]) == (2400, 1350)


@pytest.mark.parametrize("view", ["nl", "cn"])
def test_svg_is_1200_by_675_with_title_subtitle_and_credits_as_text(svgs: dict[str, bytes], view: str) -> None:
    root = ET.fromstring(svgs[view])
    assert (root.get("width"), root.get("height")) == ("1200pt", "675pt")
    texts = svg_texts(svgs[view])
    assert TITLE in texts
    assert SUBTITLE in texts
    credit = next(text for text in texts if f"v{__version__}" in text)
    assert credit.startswith("NOS-test · ")  # the caller's credit comes first, ours are always added
    if view == "nl":
        assert "CBS / Kadaster (CC BY 4.0)" in credit
        assert "Natural Earth" not in credit
    else:
        assert "Natural Earth" in credit
        assert "CBS" not in credit


def test_the_same_selection_gives_the_same_bytes(
    few: pd.DataFrame, provinces, municipalities, few_images: dict[tuple[str, str], bytes], svgs: dict[str, bytes]
) -> None:
    args = (few, provinces, municipalities, TITLE, SUBTITLE, "NOS-test", "nl")
    for view in ("nl", "cn"):
        # drawn again after the other tests' images, which must leave no trace in the next one
        assert map_svg(view, *args) == few_images[(view, "svg")]
        assert map_png(view, *args) == few_images[(view, "png")]
        # ...and is not a constant: another selection gives another picture.
        assert few_images[(view, "svg")] != svgs[view]


def test_nl_view_has_one_symbol_per_dutch_place(dataset: Dataset, svgs: dict[str, bytes]) -> None:
    expected = sorted(f"tw-marker-{place_id}" for place_id in places_of(dataset.ties, "nl")["place_id"])
    assert len(expected) > 12
    assert sorted(ids_with(svgs["nl"], "tw-marker-")) == expected
    assert ids_with(svgs["nl"], "tw-arc-") == []


def test_cn_view_has_one_arc_per_tie_and_symbols_on_both_ends(dataset: Dataset, svgs: dict[str, bytes]) -> None:
    ties = dataset.ties
    assert sorted(ids_with(svgs["cn"], "tw-arc-")) == sorted(f"tw-arc-{tie_id}" for tie_id in ties["id"])
    places = pd.concat([places_of(ties, "nl"), places_of(ties, "cn")])["place_id"]
    assert sorted(ids_with(svgs["cn"], "tw-marker-")) == sorted(f"tw-marker-{place_id}" for place_id in places)


def test_provinces_are_shaded_by_their_number_of_ties(few_images: dict[tuple[str, str], bytes]) -> None:
    # Noord-Holland has Amsterdam's two ties (class 2–3); Zuid-Holland, Flevoland and Gelderland one each
    # (class 1); the eight other provinces none. Each colour also fills one legend swatch.
    svg = few_images[("nl", "svg")].decode()
    fills = {colour: svg.count(f"fill: {mpl_colour(colour)}") for colour in CHOROPLETH_COLOURS}
    assert list(fills.values()) == [8 + 1, 3 + 1, 1 + 1, 0 + 1, 0 + 1]


def test_few_chinese_partners_are_named_with_hanzi(few: pd.DataFrame, svgs: dict[str, bytes]) -> None:
    svg = map_svg("cn", few, None, None, TITLE, SUBTITLE, "", "en")
    expected = {f"{p.name_en} {p.name_zh}" for p in places_of(few, "cn").itertuples()}
    assert "Shanghai 上海市" in expected
    assert expected <= set(svg_texts(svg))
    # With the whole dataset (more than twelve partners) names would be clutter: none are drawn.
    all_names = set(places_of(few, "cn")["name_zh"])
    assert not any(name in text for text in svg_texts(svgs["cn"]) for name in all_names)


def test_record_text_reaches_the_image_literally(few: pd.DataFrame) -> None:
    ties = few.copy()
    for column in ("nl_name_nl", "cn_name_nl", "cn_name_en"):
        ties[column] = HOSTILE
    for view in ("nl", "cn"):
        svg = map_svg(view, ties, None, None, HOSTILE, HOSTILE, HOSTILE, "nl")
        root = ET.fromstring(svg)  # still well-formed XML
        assert not [e for e in root.iter() if e.tag.split("}")[-1].lower() in ("script", "foreignobject")]
        texts = svg_texts(svg)
        # Labels (with Hanzi on the Chinese side), title, subtitle and credit: all with '$' kept, not as maths.
        assert sum(HOSTILE in text for text in texts) >= 4
        assert b"<script>" not in svg
        assert b"&lt;script&gt;alert(1)&lt;/script&gt; Ha&amp;ck" in svg


def test_an_empty_selection_still_gives_a_map_with_its_key(provinces, municipalities) -> None:
    empty = pd.DataFrame(columns=["id", "status", "nl_place_id", "cn_place_id", "nl_province_id"])
    for view in ("nl", "cn"):
        svg = map_svg(view, empty, provinces, municipalities, TITLE, "", "", "en")
        assert ids_with(svg, "tw-marker-") == ids_with(svg, "tw-arc-") == []
        assert "Standing and use" in svg_texts(svg)


def test_map_image_checks_view_and_format(few: pd.DataFrame) -> None:
    assert png_size(map_image("cn", few, None, None, TITLE, "", "", "nl", fmt="png")) == (2400, 1350)
    with pytest.raises(ValueError, match="view"):
        map_image("world", few, None, None, TITLE, "", "", "nl")
    with pytest.raises(ValueError, match="format"):
        map_image("nl", few, None, None, TITLE, "", "", "nl", fmt="gif")


def test_topojson_arcs_are_decoded_with_deltas_transform_and_reversal() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 2.0], "translate": [10.0, 20.0]},
        # arc 0: (0,0) (4,0) (4,2); arc 1: (4,2) (0,2) (0,0) -- both delta-encoded
        "arcs": [[[0, 0], [4, 0], [0, 2]], [[4, 2], [-4, 0], [0, -2]]],
        "objects": {
            "shapes": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "A", "properties": {"name": "a"}},
                    {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "id": "B"},
                ],
            }
        },
    }
    a, b = topology_features(topology, "shapes")
    ring = [[10.0, 20.0], [12.0, 20.0], [12.0, 24.0], [10.0, 24.0], [10.0, 20.0]]
    assert a["id"] == "A" and a["properties"] == {"name": "a", "id": "A"}
    assert a["geometry"] == {"type": "Polygon", "coordinates": [ring]}
    assert b["geometry"] == {"type": "MultiPolygon", "coordinates": [[ring[::-1]]]}


def test_countries_across_the_antimeridian_no_longer_span_the_globe() -> None:
    countries = {f["properties"]["name"]: f for f in topology_features(read_world())}

    def widest_step(feature: dict) -> float:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        return max(abs(b[0] - a[0]) for polygon in polygons for ring in polygon for a, b in zip(ring, ring[1:]))

    assert widest_step(countries["Russia"]) > 180  # as shipped: a ring jumps from 180° to -180°
    fixed = {f["properties"]["name"]: f for f in unwrapped(countries.values())}
    assert widest_step(fixed["Russia"]) < 30
    assert fixed["Netherlands"] == countries["Netherlands"]


def test_plain_text_drops_invisible_characters_and_cuts_long_names() -> None:
    assert plain_text("zero\u200bwidth\u200f  rlm\n") == "zerowidth rlm"
    assert plain_text("lang " * 100, 12) == "lang lang l…"
    assert plain_text(None) == plain_text(float("nan")) == ""
    assert re.fullmatch(r"\$x\^2\$", plain_text("$x^2$"))


def test_a_map_image_of_a_year_draws_only_that_years_ties_in_its_states(dataset: Dataset) -> None:
    from twinnings import through_time

    svg = map_image("cn", dataset.ties, None, None, "t", "s", "", "nl", fmt="svg", year=2005)
    assert sorted(ids_with(svg, "tw-arc-")) == sorted(
        f"tw-arc-{i}" for i in through_time.ties_in(dataset.ties, 2005)["id"]
    )
    assert b"Banden in het gekozen jaar" in svg and b"nieuw dat jaar" in svg
