"""Folium builders: frames in, folium maps out.

Builders never touch Streamlit, so tests can inspect the map objects and the
benchmarks can render them to static HTML. All record text that reaches HTML
goes through `esc`, and all JS/CSS comes from `static/` (no CDN).
"""

from __future__ import annotations

import html
import json

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from twinnings.i18n import Lang, label, t
from twinnings.model import STATUSES

STATIC_URL = "/app/static/vendor"
JS = [
    ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
    ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
]
CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]

# Okabe–Ito colours, told apart by shape as well so the map also reads in grey.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "active": ("#0072B2", "circle"),
    "dormant": ("#E69F00", "square"),
    "ended": ("#D55E00", "diamond"),
    "unknown": ("#7F7F7F", "triangle"),
}
MARKER_SIZE = 18
PROVINCE_MARKER_SIZE = 26
STATUS_RANK = {status: rank for rank, status in enumerate(("active", "dormant", "unknown", "ended"))}

TILES = {
    "pdok": (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png",
        'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a> (PDOK BRT-Achtergrondkaart)',
    ),
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    ),
}
NL_CENTER = (52.2, 5.3)
NL_BOUNDS = [[50.75, 3.36], [53.55, 7.22]]


def esc(text: object) -> str:
    """Escape record text for HTML that folium places inside JS template literals."""
    escaped = html.escape("" if text is None or pd.isna(text) else str(text), quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def safe_url(url: str) -> str | None:
    """The URL if it is http(s), else None: no javascript: or data: links from records."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def place_status(statuses: pd.Series) -> str:
    """One status for a place with several ties: the liveliest one wins."""
    return min(statuses, key=STATUS_RANK.__getitem__)


def dutch_places(ties: pd.DataFrame) -> pd.DataFrame:
    """One row per Dutch place in `ties`, with its combined status and number of ties."""
    if ties.empty:
        return pd.DataFrame(columns=["place_id", "name", "level", "lat", "lon", "status", "n_ties"])
    grouped = ties.groupby("nl_place_id", sort=True)
    return pd.DataFrame(
        {
            "place_id": list(grouped.groups),
            "name": grouped["nl_name_nl"].first().to_numpy(),
            "level": grouped["nl_level"].first().to_numpy(),
            "lat": grouped["nl_lat"].first().to_numpy(),
            "lon": grouped["nl_lon"].first().to_numpy(),
            "status": grouped["status"].agg(place_status).to_numpy(),
            "n_ties": grouped.size().to_numpy(),
        }
    )


def place_label(name: str, level: str, lang: Lang) -> str:
    return t("province_of", lang, name=name) if level == "provincie" else name


def marker_svg(status: str, size: int = 18) -> str:
    colour, shape = STATUS_STYLE[status]
    half, r = size / 2, size / 2 - 2
    body = {
        "circle": f'<circle cx="{half}" cy="{half}" r="{r}"/>',
        "square": f'<rect x="2.5" y="2.5" width="{size - 5}" height="{size - 5}"/>',
        "diamond": f'<polygon points="{half},1 {size - 1},{half} {half},{size - 1} 1,{half}"/>',
        "triangle": f'<polygon points="{half},1.5 {size - 1.5},{size - 2} 1.5,{size - 2}"/>',
    }[shape]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" fill="{colour}" stroke="#ffffff" stroke-width="1.5">{body}</svg>'
    )


def years_text(tie: pd.Series, lang: Lang) -> str:
    start = tie["started"][:4] if tie["started"] else t("start_unknown", lang)
    if tie["ended"]:
        return f"{start}–{tie['ended'][:4]}"
    return f"{t('since', lang)} {start}" if tie["started"] else start


def popup_html(place_name: str, place_ties: pd.DataFrame, sources: pd.DataFrame, lang: Lang) -> str:
    """The popup of one Dutch place: each partner with kind, years, status and source links."""
    by_id = sources.set_index("id")
    rows = []
    for _, tie in place_ties.sort_values(["started", "cn_name_en"]).iterrows():
        partner = tie["cn_name_nl"] if lang == "nl" else tie["cn_name_en"]
        links = []
        for n, source_id in enumerate(tie["source_ids"].split(), start=1):
            if source_id not in by_id.index:
                continue
            source = by_id.loc[source_id]
            url = safe_url(source["url"])
            if url:
                links.append(
                    f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer" '
                    f'title="{esc(source["publisher"])}: {esc(source["title"])}">{n}</a>'
                )
        rows.append(
            "<li>"
            f'<b class="tw-partner">{esc(partner)}</b> <span lang="zh">{esc(tie["cn_name_zh"])}</span><br>'
            f"{esc(label('relation', tie['relation_type'], lang))}, {esc(years_text(tie, lang))}, "
            f"<i>{esc(label('status', tie['status'], lang))}</i> "
            f"({esc(t('status_as_of', lang))} {esc(tie['status_as_of'])})<br>"
            f"{esc(t('sources', lang))}: {' '.join(links)}"
            "</li>"
        )
    return (
        f'<div class="tw-popup"><h4 style="margin:0 0 4px">{esc(t("ties_of", lang, name=place_name))}</h4>'
        f'<ul style="padding-left:16px;margin:0">{"".join(rows)}</ul></div>'
    )


class Legend(MacroElement):
    """A Leaflet control listing the status symbols; part of the map script, so it survives embedding."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "tw-legend");
                div.style.cssText = "background:#fff;padding:6px 8px;border-radius:4px;" +
                    "font:12px/1.5 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)";
                div.innerHTML = {{ this.content }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, title: str, entries: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "Legend"
        items = "".join(f"<div>{marker_svg(status, 12)} {esc(text)}</div>" for status, text in entries)
        self.content = json.dumps(f"<b>{esc(title)}</b>{items}")


def base_map(tiles: str, location: tuple[float, float] = NL_CENTER, zoom: int = 7) -> folium.Map:
    """A map that loads Leaflet from our own static folder and uses the configured tiles."""
    m = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True, prefer_canvas=False)
    m.default_js = JS
    m.default_css = CSS
    if tiles in TILES:
        url, attribution = TILES[tiles]
        folium.TileLayer(url, attr=attribution, name=tiles, max_zoom=18).add_to(m)
    return m


def add_outlines(m: folium.Map, geojson: dict, name: str) -> None:
    """Thin province outlines so the map reads without tiles."""
    folium.GeoJson(
        geojson,
        name=name,
        style_function=lambda _: {"color": "#555555", "weight": 1, "fillColor": "#f2f2ee", "fillOpacity": 1},
        interactive=False,
    ).add_to(m)


def nl_map(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    tiles: str = "none",
    provinces: dict | None = None,
) -> folium.Map:
    """The Netherlands view: one marker per Dutch place, shaped and coloured by status."""
    m = base_map(tiles)
    if provinces is not None:
        add_outlines(m, provinces, "provinces")
    places = dutch_places(ties)
    layer = folium.FeatureGroup(name="places").add_to(m)
    for place in places.itertuples():
        size = PROVINCE_MARKER_SIZE if place.level == "provincie" else MARKER_SIZE
        folium.Marker(
            (place.lat, place.lon),
            icon=folium.DivIcon(
                html=marker_svg(place.status, size),
                icon_size=(size, size),
                icon_anchor=(size // 2, size // 2),
                class_name=f"tw-marker tw-level-{place.level} tw-status-{place.status}",
            ),
            tooltip=esc(place_label(place.name, place.level, lang)),
            popup=folium.Popup(
                popup_html(
                    place_label(place.name, place.level, lang),
                    ties[ties["nl_place_id"] == place.place_id],
                    sources,
                    lang,
                ),
                max_width=360,
            ),
        ).add_to(layer)
    Legend(t("legend_title", lang), [(s, label("status", s, lang)) for s in STATUSES]).add_to(m)
    m.fit_bounds(NL_BOUNDS)
    return m
