"""The folium builders: one marker per Dutch place, escaped text, self-hosted assets only."""

from __future__ import annotations

import json
import re

import folium
import pandas as pd
import pytest

from twinnings import boundaries, maps, markup, safe_text


def rendered(m) -> str:
    return m.get_root().render()


def layers(element, kind):
    """Every descendant of `element` of type `kind`, in order."""
    found = []
    for child in element._children.values():
        if isinstance(child, kind):
            found.append(child)
        found += layers(child, kind)
    return found


def test_nl_map_has_one_marker_per_dutch_place(dataset):
    m = maps.nl_map(dataset.ties, dataset.sources, "nl")
    (places,) = layers(m, maps.PlaceLayer)
    assert len(places.features) == dataset.ties["nl_place_id"].nunique()
    assert {f["properties"]["side"] for f in places.features} == {"nl"}


def test_cn_map_has_one_arc_per_tie_and_both_sides_marked(dataset):
    selection = dataset.ties[dataset.ties["status"] == "ended"]
    m = maps.cn_map(selection, dataset.sources, "en", world=None)
    (arcs,) = layers(m, maps.ArcLayer)
    assert arcs.data.count('"LineString"') == len(selection)
    sides = [layer.features for layer in layers(m, maps.PlaceLayer)]
    assert [len(f) for f in sides] == [1, selection["cn_place_id"].nunique()]


def test_cn_map_draws_the_dutch_end_as_one_marker_listing_every_dutch_place(dataset):
    selection = dataset.ties[dataset.ties["status"] == "ended"]
    m = maps.cn_map(selection, dataset.sources, "nl", world=None, profile_url="/profiel?place={id}")
    (dutch, _chinese) = layers(m, maps.PlaceLayer)
    (feature,) = dutch.features
    n = selection["nl_place_id"].nunique()
    assert feature["properties"]["label"] == f"Nederland: {n} overheden"
    popup = feature["properties"]["popup"]
    assert popup.count("<li>") == n
    for place_id in selection["nl_place_id"].unique():
        assert f"/profiel?place={place_id}" in popup
    assert feature["properties"]["status"] == "ended"


def test_a_single_dutch_place_keeps_its_own_marker_in_the_cn_map(dataset):
    tilburg = dataset.ties[dataset.ties["nl_place_id"] == "GM0855"]
    (dutch, _chinese) = layers(maps.cn_map(tilburg, dataset.sources, "nl", world=None), maps.PlaceLayer)
    assert [f["id"] for f in dutch.features] == ["GM0855"]


def test_choropleth_counts_ties_per_province_and_has_a_legend(dataset, shared_geo):
    from twinnings.boundaries import read_boundaries

    provinces = read_boundaries(shared_geo, "provinces")
    m = maps.nl_map(dataset.ties, dataset.sources, "nl", provinces=provinces)
    html = rendered(m)
    counts = maps.ties_per_province(dataset.ties)
    assert f"Noord-Brabant: {counts['PV30']}" in html
    (legend,) = layers(m, maps.Legend)
    assert "Banden per provincie" in legend.content and "7+" in legend.content


def test_choropleth_classes_cover_every_count():
    assert [maps.choropleth_class(n) for n in (0, 1, 2, 3, 4, 6, 7, 50)] == [0, 1, 2, 2, 3, 3, 4, 4]


def test_nl_map_loads_scripts_only_from_the_app_itself(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "en", tiles="none"))
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets, "the map should load Leaflet"
    assert all(url.startswith("/app/static/") for url in assets), assets


def test_a_map_document_loads_no_jquery_and_nothing_in_it_calls_jquery(dataset):
    m = maps.nl_map(dataset.ties, dataset.sources, "nl", tiles="none")
    m.keep_in_front(*layers(m, maps.PlaceLayer))  # the one part of folium's map template that waited for jQuery
    nl = rendered(m)
    assert "objects_in_front" in nl
    for html in (nl, rendered(maps.cn_map(dataset.ties, dataset.sources, "nl", world={"objects": {}}))):
        assert "jquery" not in html.lower() and "$(" not in html


def test_the_world_comes_inside_the_map_or_from_a_file_that_map_documents_share(dataset):
    inside = rendered(maps.cn_map(dataset.ties, dataset.sources, "nl", world=boundaries.read_world()))
    shared = rendered(maps.cn_map(dataset.ties, dataset.sources, "nl", world="../world.json"))
    assert '"arcs":[[' in inside  # the app's map carries the TopoJSON
    assert '"arcs":[[' not in shared and "twWorldBackground(" in shared and ', "../world.json")' in shared
    assert len(shared) < len(inside) - 100_000


def test_layers_travel_as_data_that_one_shared_map_document_draws(dataset):
    tilburg = dataset.ties[dataset.ties["nl_place_id"] == "GM0855"]
    layers = maps.cn_layers(tilburg, dataset.sources, "nl")
    drawn = [[element.function, *map(json.loads, element.arguments)] for element in layers._children.values()]
    assert json.loads(maps.layer_data(layers)) == {"layers": drawn}  # the calls the map's own script would make
    assert [call[0] for call in drawn] == ["twArcLayer", "twPlaceLayer", "twPlaceLayer"]
    shared = rendered(maps.cn_frame("nl", "plaats/{name}/kaart.json", "../world.json").combined())
    assert all(f"function {kind.function}(" in shared for kind in maps.LayerData.drawers)
    table = markup.asset("map/layer-data.js")  # the functions a data file may call, named in the script itself
    assert all(f"{kind.function}: {kind.function}" in table for kind in maps.LayerData.drawers)
    assert re.search(r'twLayerData\(feature_group_\w+, "plaats/\{name\}/kaart.json"\)', shared)
    assert "Tilburg" not in shared
    other = folium.FeatureGroup()
    folium.Marker([52, 5]).add_to(other)
    with pytest.raises(TypeError):
        maps.layer_data(other)


def test_a_layer_carries_the_icons_and_styles_of_what_it_draws_only(dataset):
    tilburg = dataset.ties[dataset.ties["nl_place_id"] == "GM0855"]
    arcs, dutch, chinese = maps.cn_layers(tilburg, dataset.sources, "nl")._children.values()
    assert set(json.loads(arcs.styles)) == set(tilburg["state"])
    assert set(json.loads(chinese.icons)) == {f"{state}-{maps.MARKER_SIZE - 4}" for state in tilburg["state"]}


def test_tiles_none_adds_no_tile_layer(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "nl", tiles="none"))
    assert "L.tileLayer" not in html


def test_pdok_tiles_carry_their_attribution(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "nl", tiles="pdok"))
    assert "service.pdok.nl/brt/achtergrondkaart" in html and "Kadaster" in html


def test_place_status_prefers_the_liveliest_tie():
    assert maps.place_status(pd.Series(["ended", "dormant"])) == "dormant"
    assert maps.place_status(pd.Series(["ended", "in_use", "silent"])) == "in_use"
    assert maps.place_status(pd.Series(["ended", "undated", "fading"])) == "fading"


def test_popup_lists_partners_in_hanzi_and_links_sources(dataset):
    arnhem = dataset.ties[dataset.ties["id"] == "arnhem--wuhan"]
    html = maps.popup_html("Arnhem", arnhem.to_dict("records"), maps.source_lookup(dataset.sources), "nl")
    assert "Wuhan" in html and "武汉市" in html and "beëindigd" in html
    assert 'href="https://' in html


def test_record_text_is_escaped_in_popups_and_tooltips(dataset):
    hostile = "<img src=x onerror=alert(1)>`${x}`\\1{{ 7*7 }}"
    ties = dataset.ties.head(1).assign(nl_name_nl=hostile, cn_name_nl=hostile, cn_name_zh=hostile)
    m = maps.nl_map(ties, dataset.sources, "nl")
    html = rendered(m)
    assert "<img src=x" not in html and "${x}" not in html
    (places,) = layers(m, maps.PlaceLayer)
    properties = places.features[0]["properties"]
    label = "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;&#123;x&#125;&#96;&#92;1&#123;&#123; 7*7 &#125;&#125;"
    assert properties["label"] == label
    assert "<img" not in properties["popup"]
    # the rendered page carries the label exactly as escaped: no template ran over it (no '49')
    assert safe_text.script_json(label) in html
    assert safe_text.script_json(properties["popup"]) in html


def test_only_http_links_are_kept():
    assert maps.safe_url("https://example.org") == "https://example.org"
    assert maps.safe_url("javascript:alert(1)") is None
    assert maps.safe_url("data:text/html,x") is None


def test_base_map_stays_the_same_when_the_selection_changes(dataset):
    from streamlit_folium import _get_map_string

    def base_script(ties):
        view = maps.nl_view(ties, dataset.sources, "nl")
        view.base.get_root().render()
        return _get_map_string(view.base)

    assert base_script(dataset.ties) == base_script(dataset.ties.head(3))


def test_a_clicked_hover_label_leads_back_to_its_place(dataset):
    assert maps.clicked_place(dataset.ties, "nl", "Arnhem") == ("nl", "GM0202")
    assert maps.clicked_place(dataset.ties, "nl", "&#x27;s-Hertogenbosch") == ("nl", "GM0796")
    assert maps.clicked_place(dataset.ties, "en", "Wuhan 武汉市") == ("cn", "420100")
    assert maps.clicked_place(dataset.ties, "nl", "Atlantis") is None
    assert maps.clicked_place(dataset.ties, "nl", None) is None
