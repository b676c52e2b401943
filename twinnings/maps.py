"""Folium builders: frames in, folium maps out.

Builders never touch Streamlit, so tests inspect the map objects and the
benchmarks render them to static HTML. All record text that reaches HTML goes
through an autoescaped template (`templates/map/`, see `markup`) or `esc`; the
maps' own scripts and styles are files in `assets/map/`, inlined into each map
document; Leaflet and its kin come from `static/` (no CDN); every layer reads
without basemap tiles. A map's selection layers can also travel as data (`layer_data`), drawn by one shared
document (`LayerData`): the static site's place maps.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from twinnings import markup, routes, through_time
from twinnings.geometry import great_circle
from twinnings.i18n import Lang, label, t
from twinnings.markup import Markup
from twinnings.model import STATES, year_words
from twinnings.profiles import last_evidence_text, use_text
from twinnings.safe_text import html_text as esc
from twinnings.safe_text import http_url as safe_url
from twinnings.safe_text import script_json
from twinnings.style import (
    ARC_COLOURS,
    CHOROPLETH_BREAKS,
    CHOROPLETH_COLOURS,
    MARKER_OUTLINE,
    SEA_COLOUR,
    STATE_STYLE,
    STATUS_DASH,
    STATUS_RANK,
    choropleth_class,
)

STATIC_URL = "/app/static/vendor"
JS = [("leaflet", f"{STATIC_URL}/leaflet/leaflet.js")]  # nothing in our maps or folium's parts of them uses jQuery
CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]

MARKER_SIZE = 18
PROVINCE_MARKER_SIZE = 26

TILES = {
    "pdok": (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png",
        markup.render("map/credit-pdok.html"),
    ),
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        markup.render("map/credit-osm.html"),
    ),
}
NL_BOUNDS = [[50.75, 3.36], [53.55, 7.22]]
EURASIA_BOUNDS = [[18.0, -2.0], [62.0, 135.0]]


def place_status(statuses: pd.Series) -> str:
    """One status for a place with several ties: the liveliest one wins."""
    return min(statuses, key=STATUS_RANK.__getitem__)


def places_of(ties: pd.DataFrame, side: str) -> pd.DataFrame:
    """One row per Dutch ('nl') or Chinese ('cn') place in `ties`, with combined status and tie count."""
    columns = ["place_id", "name_nl", "name_en", "name_zh", "level", "lat", "lon", "status", "n_ties"]
    if ties.empty:
        return pd.DataFrame(columns=columns)
    grouped = ties.groupby(f"{side}_place_id", sort=True)
    first = grouped.first()
    return pd.DataFrame(
        {
            "place_id": first.index,
            "name_nl": first[f"{side}_name_nl"].to_numpy(),
            "name_en": first[f"{side}_name_en"].to_numpy(),
            "name_zh": first[f"{side}_name_zh"].to_numpy(),
            "level": first[f"{side}_level"].to_numpy(),
            "lat": first[f"{side}_lat"].to_numpy(),
            "lon": first[f"{side}_lon"].to_numpy(),
            "status": grouped["state"].agg(place_status).to_numpy(),
            "n_ties": grouped.size().to_numpy(),
        }
    ).reset_index(drop=True)


def place_label(place: pd.Series | object, side: str, lang: Lang) -> str:
    """The hover label of a place; Chinese places show Hanzi beside the Dutch/English name."""
    get = place.__getitem__ if isinstance(place, pd.Series) else lambda k: getattr(place, k)
    name = get("name_nl") if lang == "nl" else get("name_en")
    if side == "cn":
        return f"{name} {get('name_zh')}".strip()
    return t("province_of", lang, name=get("name_nl")) if get("level") == "provincie" else get("name_nl")


def marker_labels(ties: pd.DataFrame, lang: Lang) -> dict[str, tuple[str, str]]:
    """Hover label -> (side, place id): how a click on a marker is traced back to its place."""
    labels = {}
    for side in ("nl", "cn"):
        for place in places_of(ties, side).itertuples():
            labels[place_label(place, side, lang)] = (side, place.place_id)
    return labels


def clicked_place(ties: pd.DataFrame, lang: Lang, tooltip: str | None) -> tuple[str, str] | None:
    """The (side, place id) of the marker whose hover label streamlit-folium reported as clicked."""
    return marker_labels(ties, lang).get(html.unescape(tooltip or "").strip()) if tooltip else None


def marker_svg(status: str, size: int = MARKER_SIZE) -> str:
    """A place's marker as an SVG: shape and colour by status (templates/map/marker.svg)."""
    colour, shape = STATE_STYLE[status]
    half = size / 2
    return markup.render(
        "map/marker.svg", size=size, half=half, r=half - 2, shape=shape, colour=colour, outline=MARKER_OUTLINE
    )


def years_text(tie: dict, lang: Lang) -> str:
    start = year_words(tie["started"]) if tie["started"] else t("start_unknown", lang)
    if tie["ended"]:
        return f"{start}–{tie['ended'][:4]}"
    return f"{t('since', lang)} {start}" if tie["started"] else start


def popup_html(
    title: str,
    place_ties: list[dict],
    sources: dict[str, tuple[str, str, str]],
    lang: Lang,
    partner_side: str = "cn",
    events_per_tie: dict[str, int] | None = None,
    profile_link: str | None = None,
    title_name: str = "",
    correction_of: Callable[[str], str] | None = None,
) -> str:
    """A place's popup: each partner with kind, years, status, number of events and source links, and a
    link to the place's profile. `place_ties` are tie records; `sources` maps id -> (url, publisher, title)."""
    rows = []
    for tie in sorted(place_ties, key=lambda tie: (tie["started"], tie[f"{partner_side}_name_en"])):
        links = []
        for source_id in tie["source_ids"].split():
            url, publisher, title_text = sources.get(source_id, ("", "", ""))
            if safe_url(url):
                links.append({"url": url, "title": title_text, "publisher": publisher})
        basis = tie.get("end_basis") or ""
        rows.append(
            {
                "partner": tie[f"{partner_side}_name_nl"] if lang == "nl" else tie[f"{partner_side}_name_en"],
                "zh": tie["cn_name_zh"] if partner_side == "cn" else "",
                "relation": label("relation", tie["relation_type"], lang),
                "years": years_text(tie, lang),
                "status": label("status", tie["status"], lang),
                "end_basis": label("end_basis", basis, lang) if tie["status"] == "ended" and basis else "",
                "status_as_of": tie["status_as_of"],
                "events": (events_per_tie or {}).get(tie["id"], 0),
                "evidence": t("last_evidence", lang, when=last_evidence_text(tie, lang))
                if tie["status"] == "ended"
                else use_text(tie, lang),
                "links": links,
                "correction": correction_of(tie["id"]) if correction_of else "",
            }
        )
    return markup.render(
        "map/popup.html",
        title=title,
        rows=rows,
        status_as_of=t("status_as_of", lang),
        events_lower=t("events_lower", lang),
        sources_label=t("sources", lang),
        report_correction=t("report_correction", lang),
        profile_link=profile_link if profile_link and title_name else "",
        open_profile=t("open_profile", lang, name=title_name),
    )


def source_lookup(sources: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    return {row.id: (row.url, row.publisher, row.title) for row in sources.itertuples()}


class _RawScript(Element):
    """Script text passed through untouched: branca would otherwise compile it as a Jinja template,
    which is slow for large data and would evaluate any '{{' in it."""

    _template = Template("{{ this.code }}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class MapScript(MacroElement):
    """A map element whose script is a file of `assets/map/`: the file defines `function`, which the map
    document calls with the element's parent (the map or a feature group) and `arguments`, each a JSON text
    safe inside a script element. The rendered script (with embedded data) is not re-parsed as a template."""

    _template = markup.script_template("map/script.js")
    script_file = ""
    function = ""

    def __init__(self, *arguments: str) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.source = markup.asset(f"map/{self.script_file}")
        self.arguments = list(arguments)

    def render(self, **kwargs) -> None:
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_RawScript(script(self, kwargs)), name=self.get_name())


NARROW_MAP = 600  # px: below this a map folds its legend and credits, and its popups shrink to fit


class Legend(MapScript):
    """A Leaflet control with the map's key (assets/map/legend.js); part of the map script, so it survives
    embedding. A button folds it away: folded from the start on a narrow map, and folded there whenever a
    popup opens."""

    script_file, function = "legend.js", "twLegend"

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], lang: Lang) -> None:
        """sections: (title, [(symbol html, text)]); symbol html is ours, text is escaped."""
        entries = [(title, [(Markup(symbol), text) for symbol, text in rows]) for title, rows in sections]
        self.content = markup.render("map/legend.html", sections=entries)
        super().__init__(script_json(self.content), script_json(t("legend_toggle", lang)), str(NARROW_MAP))


# Our own rules for every map document (the app's frame, the static site's pages, embeds alike).
MAP_STYLE = markup.style("map/map.css")


class MapAccess(MapScript):
    """What a keyboard, a phone and a careful reader need from every map (assets/map/map-access.js, with
    the style sheet assets/map/map.css). The wheel scrolls the page until the map is clicked or focused; a
    click never scrolls the page. A skip link before the map and a landing spot after it pass the map in
    one step. The map is one Tab stop and the places one more: arrow keys move between places (the nearest
    in that direction), Home and End to the first and last by name, Enter opens one; shapes are never Tab
    stops (the search and the table name them). A popup takes focus, fits inside the map clear of its
    controls, and Escape closes it, giving focus back. A narrow map folds its credits behind a button.
    Reduced motion means no zoom or fade animation."""

    script_file, function = "map-access.js", "twMapAccess"

    def __init__(self, lang: Lang) -> None:
        text = {
            "map": t("map_region", lang),
            "skip": t("skip_map_inside", lang),
            "end": t("map_end", lang),
            "credits": t("map_credits_toggle", lang),
            "zoomIn": t("zoom_in", lang),
            "zoomOut": t("zoom_out", lang),
        }
        super().__init__(script_json(text), str(NARROW_MAP), script_json(MAP_STYLE))


class Attribution(MapScript):
    """A credit in Leaflet's attribution corner, so it travels with screenshots and embeds."""

    script_file, function = "attribution.js", "twAttribution"

    def __init__(self, text: str) -> None:
        super().__init__(script_json(text))


# The world's countries: the vendored TopoJSON itself (the app), or the address of its file (the static site,
# whose map documents share the one file: fetched once, cached by the browser).
World = dict | str


class WorldBackground(JSCSSMixin, MapScript):
    """Natural Earth countries from the vendored world-atlas TopoJSON, China highlighted; not interactive."""

    script_file, function = "world-background.js", "twWorldBackground"
    default_js = [("topojson", f"{STATIC_URL}/topojson-client/topojson-client.min.js")]

    def __init__(self, topology: World) -> None:
        super().__init__(script_json(topology))


def base_map(tiles: str, bounds: list[list[float]], lang: Lang) -> folium.Map:
    """A map that loads Leaflet from our own static folder and uses the configured tiles."""
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25, prefer_canvas=False)
    m.default_js = JS
    m.default_css = CSS
    m._template = markup.folium_template("map/map.html")  # folium's, with a viewport the reader may zoom
    m.get_root().header._children.clear()  # folium's default CDN <link>/<script> tags
    m.get_root().header.add_child(Element(markup.render("map/head.html", sea=SEA_COLOUR)))
    if tiles in TILES:
        url, attribution = TILES[tiles]
        folium.TileLayer(url, attr=attribution, name=tiles, max_zoom=18).add_to(m)
    m.fit_bounds(bounds)
    MapAccess(lang).add_to(m)
    return m


def ties_per_province(ties: pd.DataFrame) -> pd.Series:
    return ties.groupby("nl_province_id").size()


def add_province_choropleth(
    m: folium.Map | folium.FeatureGroup, provinces: dict, counts: pd.Series, lang: Lang, opacity: float = 1.0
) -> None:
    """Provinces shaded by the number of ties of their municipalities and the province itself;
    translucent over basemap tiles, opaque without them so the country reads on its own."""

    def style(feature: dict) -> dict:
        count = int(counts.get(feature["properties"]["statcode"], 0))
        return {
            "color": "#666666",
            "weight": 1,
            "fillColor": CHOROPLETH_COLOURS[choropleth_class(count)],
            "fillOpacity": opacity,
        }

    def with_counts(feature: dict) -> dict:
        code = feature["properties"]["statcode"]
        name = feature["properties"]["statnaam"]
        return {**feature, "properties": {"statcode": code, "label": f"{name}: {int(counts.get(code, 0))}"}}

    data = {"type": "FeatureCollection", "features": [with_counts(f) for f in provinces["features"]]}
    folium.GeoJson(
        data,
        name="provinces",
        style_function=style,
        highlight_function=lambda _: {"weight": 2.5, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(["label"], labels=False),
    ).add_to(m)


def add_municipality_outlines(m: folium.Map | folium.FeatureGroup, municipalities: dict, places: pd.DataFrame) -> None:
    """Municipalities with a tie in the selection, tinted by their status; others are not drawn."""
    status = dict(zip(places["place_id"], places["status"]))
    features = [
        {"type": "Feature", "geometry": f["geometry"], "properties": {"statcode": f["properties"]["statcode"]}}
        for f in municipalities["features"]
        if f["properties"]["statcode"] in status
    ]
    if not features:
        return
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="municipalities",
        style_function=lambda f: {
            "color": STATE_STYLE[status[f["properties"]["statcode"]]][0],
            "weight": 0.8,
            "fillColor": STATE_STYLE[status[f["properties"]["statcode"]]][0],
            "fillOpacity": 0.18,
        },
        interactive=False,
    ).add_to(m)


def marker_size(level: str, side: str) -> int:
    size = PROVINCE_MARKER_SIZE if level in ("provincie", "province", "direct_city") else MARKER_SIZE
    return size - 4 if side == "cn" else size


# Where a place's profile is: an address with '{id}' for the place (the app), or a function of the place
# (the static site, whose folders carry slugs).
ProfileUrl = str | Callable[[str], str] | None


def place_href(profile_url: ProfileUrl, place_id: str) -> str | None:
    if profile_url is None:
        return None
    return profile_url(place_id) if callable(profile_url) else profile_url.replace(routes.PLACE_SLOT, place_id)


def place_features(
    ties: pd.DataFrame,
    sources: dict[str, tuple[str, str, str]],
    lang: Lang,
    side: str,
    events_per_tie: dict[str, int] | None = None,
    profile_url: ProfileUrl = None,
    correction_of: Callable[[str], str] | None = None,
) -> list[dict]:
    """One GeoJSON point per place on `side`, carrying its escaped hover label and popup.
    `profile_url` leads to a place's profile (see `place_href`)."""
    partner_side = "cn" if side == "nl" else "nl"
    features = []
    grouped: dict[str, list[dict]] = {}
    for tie in ties.to_dict("records"):
        grouped.setdefault(tie[f"{side}_place_id"], []).append(tie)
    for place in places_of(ties, side).itertuples():
        name = place_label(place, side, lang)
        features.append(
            {
                "type": "Feature",
                "id": place.place_id,
                "geometry": {"type": "Point", "coordinates": [round(place.lon, 4), round(place.lat, 4)]},
                "properties": {
                    "label": esc(name),
                    "place": name,  # plain text, for the name the year control gives a marker
                    "name": t("marker_name", lang, name=name, status=label("state", place.status, lang)),
                    "popup": popup_html(
                        t("ties_of", lang, name=name),
                        grouped[place.place_id],
                        sources,
                        lang,
                        partner_side,
                        events_per_tie,
                        place_href(profile_url, place.place_id),
                        name,
                        correction_of,
                    ),
                    "status": place.status,
                    "size": marker_size(place.level, side),
                    "side": side,
                },
            }
        )
    return features


class PlaceLayer(MapScript):
    """All markers of one side as a single GeoJSON layer: one JSON blob instead of a script per marker,
    so thousands of places stay fast to build, send and draw. Labels and popups arrive escaped."""

    script_file, function = "place-layer.js", "twPlaceLayer"

    def __init__(self, features: list[dict]) -> None:
        self.features = features
        used = sorted({(f["properties"]["status"], f["properties"]["size"]) for f in features})
        self.icons = script_json({f"{status}-{size}": marker_svg(status, size) for status, size in used})
        self.data = script_json({"type": "FeatureCollection", "features": features})
        super().__init__(self.icons, self.data)

    def mark_years(self, ties: pd.DataFrame) -> None:
        """Each place's state in every year (`through_time.year_codes`), for the static map's year control."""
        for feature in self.features:
            side = feature["properties"]["side"]
            own = ties[ties[f"{side}_place_id"] == feature["id"]]
            # the Dutch end of the NL–CN view stands for every Dutch place
            feature["properties"]["years"] = through_time.year_codes(own if len(own) else ties, STATUS_RANK)
        self.data = script_json({"type": "FeatureCollection", "features": self.features})
        self.arguments = [self.icons, self.data]


def add_place_markers(
    m: folium.Map | folium.FeatureGroup,
    ties: pd.DataFrame,
    sources: dict[str, tuple[str, str, str]],
    lang: Lang,
    side: str,
    events_per_tie: dict[str, int] | None,
    profile_url: ProfileUrl = None,
    correction_of: Callable[[str], str] | None = None,
) -> int:
    """The places on `side` as shaped, labelled markers with popups; returns the marker count."""
    features = place_features(ties, sources, lang, side, events_per_tie, profile_url, correction_of)
    PlaceLayer(features).add_to(m)
    return len(features)


class TownLayer(MapScript):
    """Every municipality, transparent, in a pane above the province shading: hover names it, a click
    reports its label (streamlit-folium) so the page can open its profile. Not in the Tab order: the
    table under the map and the profile search serve keyboards."""

    script_file, function = "town-layer.js", "twTownLayer"

    def __init__(self, municipalities: dict, labels: dict[str, str]) -> None:
        features = [
            {
                "type": "Feature",
                "geometry": f["geometry"],
                "properties": {"label": esc(labels.get(f["properties"]["statcode"], f["properties"]["statnaam"]))},
            }
            for f in municipalities["features"]
        ]
        self.data = script_json({"type": "FeatureCollection", "features": features})
        super().__init__(self.data)


def clicked_town(town_labels: dict[str, str], tooltip: str | None) -> str | None:
    """The CBS code of the municipality whose hover label streamlit-folium reported as clicked."""
    if not tooltip:
        return None
    wanted = html.unescape(tooltip).strip()
    return next((code for code, text in town_labels.items() if text == wanted), None)


def bounds_of(collection: dict, code: str) -> list[list[float]] | None:
    """[[south, west], [north, east]] of one feature of a GeoJSON collection, to zoom the map to it."""
    coordinates: list[list[float]] = []

    def walk(value) -> None:
        if value and isinstance(value[0], int | float):
            coordinates.append(value)
        else:
            for item in value:
                walk(item)

    for feature in collection["features"]:
        if feature["properties"].get("statcode") == code:
            walk(feature["geometry"]["coordinates"])
    if not coordinates:
        return None
    lons, lats = [c[0] for c in coordinates], [c[1] for c in coordinates]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


class ArcLayer(MapScript):
    """Geodesic lines NL -> CN in their own pane, coloured and dashed by status; not interactive."""

    script_file, function = "arc-layer.js", "twArcLayer"

    def __init__(self, collection: dict) -> None:
        self.collection = collection
        used = sorted({feature["properties"]["status"] for feature in collection["features"]})
        styles = {
            status: {"color": ARC_COLOURS[status], "weight": 2.2, "opacity": 1, "dashArray": STATUS_DASH[status]}
            for status in used
        }
        self.styles = script_json(styles)
        self.data = script_json(collection)
        super().__init__(self.styles, self.data)

    def mark_years(self, ties: pd.DataFrame) -> None:
        """Each tie's state in every year, for the static map's year control."""
        by_id = ties.set_index("id", drop=False)
        for feature in self.collection["features"]:
            feature["properties"]["years"] = through_time.year_codes(by_id.loc[[feature["id"]]], STATUS_RANK)
        self.data = script_json(self.collection)
        self.arguments = [self.styles, self.data]


def arc_svg(status: str) -> str:
    """A status's line style, for the key (templates/map/arc.svg)."""
    return markup.render("map/arc.svg", colour=ARC_COLOURS[status], dash=STATUS_DASH[status])


def status_legend(lang: Lang, arcs: bool = False, in_a_year: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """Status symbols, today's or a year's; with `arcs`, the line style of each status beside its marker. The
    key names no year: it belongs to the map's base, which stays while the year changes (only the layers are
    swapped)."""
    title = t("year_legend" if in_a_year else "legend_title", lang)
    states = tuple(reversed(through_time.YEAR_STATES)) if in_a_year else STATES
    return title, [(marker_svg(s, 12) + (arc_svg(s) if arcs else ""), label("state", s, lang)) for s in states]


def choropleth_legend(lang: Lang, opacity: float = 1.0) -> tuple[str, list[tuple[str, str]]]:
    """The province classes, their swatches as translucent as the fills over basemap tiles."""
    entries = []
    for colour, (low, high) in zip(CHOROPLETH_COLOURS, CHOROPLETH_BREAKS):
        text = str(low) if low == high else (f"{low}+" if high >= 10_000 else f"{low}–{high}")
        swatch = markup.render("map/swatch.html", colour=colour, opacity=opacity)
        entries.append((swatch, text))
    return t("legend_province_ties", lang), entries


class YearControl(MapScript):
    """The static map's year: a slider from the first tie's year to today and a play button as a Leaflet
    control (assets/map/year-control.js), which shows each place and arc as it was in that year from the
    letters `mark_years` gave them, and the key of a year's states. The map's own address can ask for a
    year (`?year=2010`): what a permalink or an embed of the map in that year opens."""

    script_file, function = "year-control.js", "twYearControl"

    def __init__(self, lang: Lang, sizes: list[int], arcs: bool) -> None:
        states = tuple(reversed(through_time.YEAR_STATES))
        key = markup.render(
            "map/legend.html",
            sections=[(t("year_legend", lang), [(Markup(s[0]), s[1]) for s in status_legend(lang, arcs, True)[1]])],
        )
        config = {
            "years": list(through_time.years()),
            "codes": {code: state for state, code in through_time.CODES.items()},
            "icons": {f"{state}-{size}": marker_svg(state, size) for state in states for size in sizes},
            "arcStyles": {
                state: {"color": ARC_COLOURS[state], "weight": 2.2, "opacity": 1, "dashArray": STATUS_DASH[state]}
                for state in states
            }
            if arcs
            else {},
            "states": {state: label("state", state, lang) for state in states},
            "markerName": t("marker_name", lang, name="{name}", status="{status}"),
            "key": key,
            "label": t("map_year", lang),
            "today": t("map_today", lang),
            "play": t("map_play", lang),
            "pause": t("map_pause", lang),
            "step": PLAY_MS,
        }
        super().__init__(script_json(config))


PLAY_MS = 1500  # a year a step when playing: time to see what changed and to read the year


def mark_years(layers: folium.FeatureGroup, ties: pd.DataFrame) -> None:
    """Every place and arc of `layers` with its state in each year, for the static map's year control."""
    for element in layers._children.values():
        if isinstance(element, PlaceLayer | ArcLayer):
            element.mark_years(ties)


def with_years(view: MapView, ties: pd.DataFrame, lang: Lang) -> MapView:
    """`view` with every place and arc marked by its states through the years and the year control."""
    mark_years(view.layers, ties)
    sizes, arcs = set(), False
    for element in view.layers._children.values():
        if isinstance(element, PlaceLayer):
            sizes |= {feature["properties"]["size"] for feature in element.features}
        arcs = arcs or isinstance(element, ArcLayer)
    YearControl(lang, sorted(sizes), arcs).add_to(view.base)
    return view


@dataclass
class MapView:
    """A map split in two: `base` stays identical while filters change (tiles, panes, background,
    legend), `layers` holds everything that depends on the selection. streamlit-folium then swaps
    only the layers instead of reloading the whole map, and keeps the visitor's zoom and pan."""

    base: folium.Map
    layers: folium.FeatureGroup

    def combined(self) -> folium.Map:
        """One self-contained map (for static HTML, tests and benchmarks)."""
        self.layers.add_to(self.base)
        return self.base

    def document(self, title: str, lang: Lang, assets: str, description: str = "") -> str:
        """The map as a document of its own (the static site's frames): its title and language, its
        scripts inside the body, and Leaflet and the other vendor files from `assets` (a relative
        folder) instead of the app's static address. A frame of another page stays out of search engines;
        with a `description` the document is a page of its own (an embed page), described for them."""
        figure = self.figure(assets)
        figure.title, figure.lang, figure.description = title, lang, description
        figure._template = markup.script_template("map/frame.html")
        return figure.render()

    def parts(self, assets: str) -> MapParts:
        """The map drawn inside a page (the static home page): what goes in the page's head, the map's element,
        and its script to follow the element; without the rules of a document that is nothing but
        the map (map/map.html), and its vendor files from `assets` as in `document`."""
        figure = self.figure(assets)
        for child in figure._children.values():
            child.render(in_page=True)
        return MapParts(*(Markup(part.render()) for part in (figure.header, figure.html, figure.script)))  # noqa: S704 - built from escaped parts

    def figure(self, assets: str):
        """The combined map's figure, its vendor files from `assets` instead of the app's static address."""
        combined = self.combined()
        for element in walk(combined):
            for attr in ("default_js", "default_css"):
                links = getattr(element, attr, None)
                if links:
                    setattr(element, attr, [(name, url.replace(STATIC_URL, assets, 1)) for name, url in links])
        return combined.get_root()


@dataclass(frozen=True)
class MapParts:
    """A map inside a page: its head (Leaflet, styles), its element, its script; each as rendered by folium
    from our templates, record text escaped there."""

    header: Markup
    html: Markup
    script: Markup


def walk(element) -> list:
    """An element and everything under it."""
    found = [element]
    for child in element._children.values():
        found += walk(child)
    return found


def nl_view(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    tiles: str = "none",
    provinces: dict | None = None,
    municipalities: dict | None = None,
    events_per_tie: pd.Series | None = None,
    profile_url: ProfileUrl = None,
    town_labels: dict[str, str] | None = None,
    bounds: list[list[float]] | None = None,
    correction_of: Callable[[str], str] | None = None,
    year: int | None = None,
) -> MapView:
    """The Netherlands view (today, or in `year` when `ties` carry that year's states): provinces shaded by
    ties, places marked by status (shape and colour), and
    every municipality named on hover (`town_labels`: code -> label), so a click can open its profile."""
    base = base_map(tiles, bounds or NL_BOUNDS, lang)
    if municipalities is not None and town_labels:
        TownLayer(municipalities, town_labels).add_to(base)
    layers = folium.FeatureGroup(name="selection")
    events = events_per_tie.to_dict() if events_per_tie is not None else None
    sections = [status_legend(lang, in_a_year=year is not None)]
    if provinces is not None:
        opacity = 1.0 if tiles not in TILES else 0.55
        add_province_choropleth(layers, provinces, ties_per_province(ties), lang, opacity)
        sections.append(choropleth_legend(lang, opacity))
        Attribution(t("boundaries_credit", lang)).add_to(base)
    if municipalities is not None:
        add_municipality_outlines(layers, municipalities, places_of(ties, "nl"))
    add_place_markers(layers, ties, source_lookup(sources), lang, "nl", events, profile_url, correction_of)
    Legend(sections, lang).add_to(base)
    return MapView(base, layers)


def nl_map(*args, **kwargs) -> folium.Map:
    return nl_view(*args, **kwargs).combined()


def arcs_geojson(ties: pd.DataFrame) -> dict:
    """Geodesic lines NL -> CN, one feature per tie, in the order of `ties`."""
    features = [
        {
            "type": "Feature",
            "id": tie.id,
            "geometry": {
                "type": "LineString",
                "coordinates": great_circle(tie.nl_lon, tie.nl_lat, tie.cn_lon, tie.cn_lat, 32),
            },
            "properties": {"status": tie.state},
        }
        for tie in ties.itertuples()
    ]
    return {"type": "FeatureCollection", "features": features}


def cn_view(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    tiles: str = "none",
    world: World | None = None,
    events_per_tie: pd.Series | None = None,
    profile_url: ProfileUrl = None,
    correction_of: Callable[[str], str] | None = None,
    year: int | None = None,
) -> MapView:
    """The Netherlands–China view (today, or in `year`): a geodesic arc per tie, coloured and dashed by status."""
    base = cn_base(lang, tiles, world, year is not None)
    return MapView(base, cn_layers(ties, sources, lang, events_per_tie, profile_url, correction_of))


def cn_base(lang: Lang, tiles: str = "none", world: World | None = None, in_a_year: bool = False) -> folium.Map:
    """What the NL–CN view shows whatever the selection and year: the world, the arcs' pane, the key."""
    base = base_map(tiles, EURASIA_BOUNDS, lang)
    if world is not None:
        WorldBackground(world).add_to(base)
        Attribution(t("world_credit", lang)).add_to(base)
    folium.map.CustomPane("arcs", z_index=450).add_to(base)
    Legend([status_legend(lang, arcs=True, in_a_year=in_a_year)], lang).add_to(base)
    return base


def cn_layers(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    events_per_tie: pd.Series | None = None,
    profile_url: ProfileUrl = None,
    correction_of: Callable[[str], str] | None = None,
) -> folium.FeatureGroup:
    """The selection's layers of the NL–CN view: arcs, and the places at both ends."""
    layers = folium.FeatureGroup(name="selection")
    ArcLayer(arcs_geojson(ties)).add_to(layers)
    events = events_per_tie.to_dict() if events_per_tie is not None else None
    lookup = source_lookup(sources)
    if ties["nl_place_id"].nunique() > 1:
        PlaceLayer([dutch_end_feature(ties, lang, profile_url)]).add_to(layers)
    else:
        add_place_markers(layers, ties, lookup, lang, "nl", events, profile_url, correction_of)
    add_place_markers(layers, ties, lookup, lang, "cn", events, profile_url, correction_of)
    return layers


NL_CENTRE = (52.2, 5.4)  # where the Dutch end of the NL–CN view is drawn


def dutch_end_feature(ties: pd.DataFrame, lang: Lang, profile_url: ProfileUrl = None) -> dict:
    """The Dutch end of the NL–CN view as one marker. At the scale of Eurasia the Dutch places would lie
    on top of each other, a clump nobody can click apart; one marker whose popup lists every Dutch place
    with its partners (and a link to its profile) says the same and stays usable. The Netherlands view
    shows each place on its own."""
    places = places_of(ties, "nl")
    name = t("dutch_end", lang, n=str(len(places)))
    partner = "cn_name_nl" if lang == "nl" else "cn_name_en"
    items = []
    for place in sorted(places.itertuples(), key=lambda p: place_label(p, "nl", lang).casefold()):
        own = ties[ties["nl_place_id"] == place.place_id].sort_values(partner)
        partners = ", ".join(f"{tie[partner]} ({label('state', tie['state'], lang)})" for _, tie in own.iterrows())
        href = place_href(profile_url, place.place_id) or ""
        items.append({"name": place_label(place, "nl", lang), "href": href, "partners": partners})
    popup = markup.render("map/dutch-end-popup.html", title=name, items=items, hint=t("dutch_end_hint", lang))
    status = place_status(places["status"])
    return {
        "type": "Feature",
        "id": "NL",
        "geometry": {"type": "Point", "coordinates": [NL_CENTRE[1], NL_CENTRE[0]]},
        "properties": {
            "label": esc(name),
            "place": name,
            "name": t("marker_name", lang, name=name, status=label("state", status, lang)),
            "popup": popup,
            "status": status,
            "size": PROVINCE_MARKER_SIZE,
            "side": "nl",
        },
    }


def cn_map(*args, **kwargs) -> folium.Map:
    return cn_view(*args, **kwargs).combined()


class LayerData(MapScript):
    """Selection layers drawn from a data file that the map document's address names (assets/map/layer-data.js),
    so one document serves many selections: the static site's one map document per language for every place,
    each place a small JSON file (`layer_data`) beside its page. `path` is where a file lies, relative to the
    document, with '{name}' for the name after the address's '#'. The file can call the drawing functions of
    `drawers` only; their scripts come with this one."""

    script_file, function = "layer-data.js", "twLayerData"
    drawers: tuple[type[MapScript], ...] = (ArcLayer, PlaceLayer)

    def __init__(self, path: str) -> None:
        super().__init__(script_json(path))
        self.source = "\n".join([*(markup.asset(f"map/{kind.script_file}") for kind in self.drawers), self.source])


def layer_data(layers: folium.FeatureGroup) -> str:
    """The data a `LayerData` draws: the calls that the layers' own scripts would make in a document of their
    own, each its function's name and its arguments (JSON, inert inside a script element too)."""
    calls = []
    for element in layers._children.values():
        if not isinstance(element, LayerData.drawers):
            raise TypeError(f"{type(element).__name__} is not drawn from data (LayerData.drawers)")
        calls.append([element.function, *(json.loads(argument) for argument in element.arguments)])
    return script_json({"layers": calls})


def cn_frame(lang: Lang, path: str, world: World | None = None, tiles: str = "none") -> MapView:
    """The NL–CN view whose selection comes from a data file (`LayerData`, `layer_data(cn_layers(...))`, its
    places and arcs marked by `mark_years`), with the year control for whatever the file draws."""
    layers = folium.FeatureGroup(name="selection")
    LayerData(path).add_to(layers)
    base = cn_base(lang, tiles, world)
    YearControl(lang, ALL_MARKER_SIZES, arcs=True).add_to(base)
    return MapView(base, layers)


# Every size a place marker can have (marker_size): a data file may draw any of them.
ALL_MARKER_SIZES = sorted({size - cut for size in (MARKER_SIZE, PROVINCE_MARKER_SIZE) for cut in (0, 4)})
