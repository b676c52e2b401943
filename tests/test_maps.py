"""The folium builders: one marker per Dutch place, escaped text, self-hosted assets only."""

from __future__ import annotations

import re

import pandas as pd

from twinnings import maps


def rendered(m) -> str:
    return m.get_root().render()


def test_nl_map_has_one_marker_per_dutch_place(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "nl"))
    assert html.count("L.marker(") == dataset.ties["nl_place_id"].nunique()


def test_nl_map_loads_scripts_only_from_the_app_itself(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "en", tiles="none"))
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets, "the map should load Leaflet"
    assert all(url.startswith("/app/static/") for url in assets), assets


def test_tiles_none_adds_no_tile_layer(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "nl", tiles="none"))
    assert "L.tileLayer" not in html


def test_pdok_tiles_carry_their_attribution(dataset):
    html = rendered(maps.nl_map(dataset.ties, dataset.sources, "nl", tiles="pdok"))
    assert "service.pdok.nl/brt/achtergrondkaart" in html and "Kadaster" in html


def test_place_status_prefers_the_liveliest_tie():
    assert maps.place_status(pd.Series(["ended", "dormant"])) == "dormant"
    assert maps.place_status(pd.Series(["ended", "active", "unknown"])) == "active"
    assert maps.place_status(pd.Series(["ended", "unknown"])) == "unknown"


def test_popup_lists_partners_in_hanzi_and_links_sources(dataset):
    arnhem = dataset.ties[dataset.ties["id"] == "arnhem--wuhan"]
    html = maps.popup_html("Arnhem", arnhem, dataset.sources, "nl")
    assert "Wuhan" in html and "武汉市" in html and "beëindigd" in html
    assert 'href="https://' in html


def test_record_text_is_escaped_in_popups_and_tooltips(dataset):
    hostile = "<img src=x onerror=alert(1)>`${x}`\\1"
    ties = dataset.ties.head(1).assign(nl_name_nl=hostile, cn_name_nl=hostile, cn_name_zh=hostile)
    html = rendered(maps.nl_map(ties, dataset.sources, "nl"))
    assert "<img src=x" not in html
    assert "${x}" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_only_http_links_are_kept():
    assert maps.safe_url("https://example.org") == "https://example.org"
    assert maps.safe_url("javascript:alert(1)") is None
    assert maps.safe_url("data:text/html,x") is None
