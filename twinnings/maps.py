"""Folium builders: frames in, folium maps out.

Builders never touch Streamlit, so tests inspect the map objects and the
benchmarks render them to static HTML. All record text that reaches HTML goes
through `esc`; all JS/CSS comes from `static/` (no CDN); every layer reads
without basemap tiles.
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

from twinnings.geometry import great_circle
from twinnings.i18n import Lang, label, t
from twinnings.model import STATUSES
from twinnings.profiles import last_evidence_text
from twinnings.safe_text import html_text as esc
from twinnings.safe_text import http_url as safe_url
from twinnings.safe_text import script_json
from twinnings.style import (
    ARC_COLOURS,
    CHOROPLETH_BREAKS,
    CHOROPLETH_COLOURS,
    MARKER_OUTLINE,
    SEA_COLOUR,
    STATUS_DASH,
    STATUS_RANK,
    STATUS_STYLE,
    choropleth_class,
)

STATIC_URL = "/app/static/vendor"
JS = [
    ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
    ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
]
CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]

MARKER_SIZE = 18
PROVINCE_MARKER_SIZE = 26

SWATCH_STYLE = "display:inline-block;width:12px;height:12px;border:1px solid #999"

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
            "status": grouped["status"].agg(place_status).to_numpy(),
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
    colour, shape = STATUS_STYLE[status]
    half, r = size / 2, size / 2 - 2
    body = {
        "circle": f'<circle cx="{half}" cy="{half}" r="{r}"/>',
        "square": f'<rect x="2.5" y="2.5" width="{size - 5}" height="{size - 5}"/>',
        "diamond": f'<polygon points="{half},1 {size - 1},{half} {half},{size - 1} 1,{half}"/>',
        "triangle": f'<polygon points="{half},1.5 {size - 1.5},{size - 2} 1.5,{size - 2}"/>',
    }[shape]
    # A dark outer line under a white inner one: one of the two contrasts 3:1 with any province fill.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'aria-hidden="true" focusable="false">'
        f'<g fill="none" stroke="{MARKER_OUTLINE}" stroke-width="3.5">{body}</g>'
        f'<g fill="{colour}" stroke="#ffffff" stroke-width="1.5">{body}</g></svg>'
    )


def years_text(tie: dict, lang: Lang) -> str:
    start = tie["started"][:4] if tie["started"] else t("start_unknown", lang)
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
        partner = tie[f"{partner_side}_name_nl"] if lang == "nl" else tie[f"{partner_side}_name_en"]
        zh = f' <span lang="zh">{esc(tie["cn_name_zh"])}</span>' if partner_side == "cn" else ""
        links = []
        for source_id in tie["source_ids"].split():
            url, publisher, title_text = sources.get(source_id, ("", "", ""))
            if safe_url(url):
                links.append(
                    f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer" '
                    f'title="{esc(title_text)}">{esc(publisher)}</a>'
                )
        basis = tie.get("end_basis") or ""
        end_basis = f"{esc(label('end_basis', basis, lang))}; " if tie["status"] == "ended" and basis else ""
        n_events = (events_per_tie or {}).get(tie["id"], 0)
        events_text = f", {n_events} {esc(t('events_lower', lang))}" if n_events else ""
        rows.append(
            "<li>"
            f'<b class="tw-partner">{esc(partner)}</b>{zh}<br>'
            f"{esc(label('relation', tie['relation_type'], lang))}, {esc(years_text(tie, lang))}, "
            f"<i>{esc(label('status', tie['status'], lang))}</i> "
            f"({end_basis}{esc(t('status_as_of', lang))} {esc(tie['status_as_of'])}){events_text}<br>"
            f'<span class="tw-evidence">{esc(t("last_evidence", lang, when=last_evidence_text(tie, lang)))}</span><br>'
            f"{esc(t('sources', lang))}: {', '.join(links)}"
            + (
                f'<br><a class="tw-correction" href="{esc(correction_of(tie["id"]))}" target="_blank" '
                f'rel="noopener noreferrer">{esc(t("report_correction", lang))}</a>'
                if correction_of
                else ""
            )
            + "</li>"
        )
    link = (
        f'<p style="margin:6px 0 0"><a class="tw-profile" href="{esc(profile_link)}" target="_parent">'
        f"{esc(t('open_profile', lang, name=title_name))} →</a></p>"
        if profile_link and title_name
        else ""
    )
    return (
        f'<div class="tw-popup"><h4 style="margin:0 0 4px">{esc(title)}</h4>'
        f'<ul style="padding-left:16px;margin:0">{"".join(rows)}</ul>{link}</div>'
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


class DataLayer(MacroElement):
    """A MacroElement whose rendered script (with embedded data) is not re-parsed as a template."""

    def render(self, **kwargs) -> None:
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_RawScript(script(self, kwargs)), name=self.get_name())


NARROW_MAP = 600  # px: below this a map folds its legend and credits, and its popups shrink to fit


class Legend(MacroElement):
    """A Leaflet control with the map's key; part of the map script, so it survives embedding. A button
    folds it away: folded from the start on a narrow map, and folded there whenever a popup opens."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "tw-legend");
                var button = L.DomUtil.create("button", "tw-legend-toggle", div);
                var body = L.DomUtil.create("div", "tw-legend-body", div);
                body.id = "tw-legend-" + L.Util.stamp(legend);
                body.innerHTML = {{ this.content }};
                button.type = "button";
                button.textContent = {{ this.label }};
                button.setAttribute("aria-controls", body.id);
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                var chosen = false;
                function show(open) {
                    button.setAttribute("aria-expanded", open ? "true" : "false");
                    body.hidden = !open;
                }
                button.addEventListener("click", function() {
                    chosen = true;
                    show(body.hidden);
                });
                show(map.getSize().x >= {{ this.narrow }});
                map.on("resize", function() { if (!chosen) { show(map.getSize().x >= {{ this.narrow }}); } });
                // before a popup is fitted into a narrow map, the key makes room (see MapAccess)
                map.on("twpopupfit", function() { if (map.getSize().x < {{ this.narrow }}) { show(false); } });
                return div;
            };
            legend.addTo(map);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], lang: Lang) -> None:
        """sections: (title, [(symbol html, text)]); symbol html is ours, text is escaped."""
        super().__init__()
        self._name = "Legend"
        parts = []
        for title, entries in sections:
            parts.append(f"<b>{esc(title)}</b>")
            parts += [f"<div>{symbol} {esc(text)}</div>" for symbol, text in entries]
        self.content = json.dumps("".join(parts))
        self.label = json.dumps(t("legend_toggle", lang))
        self.narrow = NARROW_MAP


# Our own rules for every map document (the app's frame, the static site's pages, embeds alike).
MAP_STYLE = (
    # nothing in a map document scrolls: a wheel over the map (which zooms only after a click) scrolls the
    # page around the frame, not the frame's own document by the pixel of the landing spot after the map
    "html,body{overflow:hidden}"
    ".tw-skip-map{position:absolute;left:-10000px;top:8px;z-index:2000;background:#fff;color:#0b57a4;"
    "padding:6px 10px;font:14px/1.4 sans-serif;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.4)}"
    ".tw-skip-map:focus{left:8px}"
    ".tw-map-end{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    ".leaflet-container a:focus-visible,.leaflet-container button:focus-visible,.tw-skip-map:focus-visible,"
    ".leaflet-container:focus-visible,.tw-marker:focus-visible{outline:3px solid #005A8C;outline-offset:2px}"
    ".tw-legend{background:#fff;padding:4px 8px;border-radius:4px;font:12px/1.5 sans-serif;"
    "box-shadow:0 1px 4px rgba(0,0,0,.3)}"
    ".tw-legend-toggle,.tw-credits-toggle{font:600 12px/1.5 sans-serif;background:#fff;color:#222;"
    "border:1px solid #767676;border-radius:4px;min-height:28px;min-width:28px;cursor:pointer}"
    '.tw-legend-toggle[aria-expanded="true"]{margin-bottom:4px}'
    ".tw-credits-toggle{display:none}"
    ".tw-narrow .tw-credits-toggle{display:block}"
    ".tw-narrow.tw-credits-folded .leaflet-control-attribution{display:none}"
    ".tw-popup{overflow-wrap:anywhere}"
)


class MapAccess(MacroElement):
    """What a keyboard, a phone and a careful reader need from every map. The wheel scrolls the page
    until the map is clicked or focused; a click never scrolls the page. A skip link before the map and a
    landing spot after it pass the map in one step. The map is one Tab stop and the places one more:
    arrow keys move between places (the nearest in that direction), Home and End to the first and last
    by name, Enter opens one; shapes are never Tab stops (the search and the table name them). A popup
    takes focus, fits inside the map clear of its controls, and Escape closes it, giving focus back. A
    narrow map folds its credits behind a button. Reduced motion means no zoom or fade animation."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var text = {{ this.text }};
            var narrowAt = {{ this.narrow }};
            var container = map.getContainer();
            var doc = container.ownerDocument;
            if (!doc.getElementById("tw-map-style")) {
                var style = doc.createElement("style");
                style.id = "tw-map-style";
                style.textContent = {{ this.style }};
                doc.head.appendChild(style);
            }
            var reduced = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
            if (reduced) {
                map._zoomAnimated = false;
                map._fadeAnimated = false;
                map.options.zoomAnimation = map.options.fadeAnimation = map.options.markerZoomAnimation = false;
                container.classList.remove("leaflet-zoom-anim", "leaflet-fade-anim");
                container.classList.add("tw-reduced-motion");
            }
            [["in", text.zoomIn], ["out", text.zoomOut]].forEach(function(pair) {
                var button = container.querySelector(".leaflet-control-zoom-" + pair[0]);
                if (button) {
                    button.title = pair[1];
                    button.setAttribute("aria-label", pair[1]);
                }
            });
            container.setAttribute("role", "region");
            container.setAttribute("aria-label", text.map);
            map.scrollWheelZoom.disable();
            // Leaflet focuses the map on mousedown; in a frame that scrolls the page, so the button is
            // released over another place and the click is lost. Focus without scrolling.
            if (map.keyboard) {
                map.keyboard.disable();
                map.keyboard._onMouseDown = function() {
                    if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
                };
                map.keyboard.enable();
            }
            map.on("click focus", function() { map.scrollWheelZoom.enable(); });
            container.addEventListener("mouseleave", function() { map.scrollWheelZoom.disable(); });

            var skip = doc.createElement("a");
            skip.href = "#";
            skip.className = "tw-skip-map";
            skip.textContent = text.skip;
            var end = doc.createElement("span");
            end.className = "tw-map-end";
            end.tabIndex = -1;
            end.textContent = text.end;
            container.parentNode.insertBefore(skip, container);
            container.parentNode.insertBefore(end, container.nextSibling);
            // Chromium sends Tab from an element outside the Tab order back to the frame's start, so the
            // landing spot is a Tab stop only while it holds focus: the next Tab leaves the map.
            skip.addEventListener("click", function(e) {
                e.preventDefault();
                end.tabIndex = 0;
                end.focus({preventScroll: true});
            });
            end.addEventListener("blur", function() { end.tabIndex = -1; });

            function narrow() { return map.getSize().x < narrowAt; }
            var creditsChosen = false;
            var credits = L.control({position: "bottomright"});
            credits.onAdd = function() {
                var button = L.DomUtil.create("button", "tw-credits-toggle");
                button.type = "button";
                button.textContent = "i";
                button.setAttribute("aria-label", text.credits);
                L.DomEvent.disableClickPropagation(button);
                button.addEventListener("click", function() {
                    creditsChosen = true;
                    foldCredits(!container.classList.contains("tw-credits-folded"));
                });
                return button;
            };
            credits.addTo(map);
            function foldCredits(folded) {
                container.classList.toggle("tw-credits-folded", folded);
                credits.getContainer().setAttribute("aria-expanded", folded ? "false" : "true");
            }
            function fitWidth() {
                container.classList.toggle("tw-narrow", narrow());
                if (!creditsChosen) { foldCredits(narrow()); }
            }
            fitWidth();
            map.on("resize", fitWidth);

            // The places: one Tab stop among them (the last one visited), arrows to move between them.
            var places = [];
            var current = null;
            function nameOf(marker) { return marker._icon.getAttribute("aria-label") || ""; }
            function byName() {
                return places.slice().sort(function(a, b) { return nameOf(a).localeCompare(nameOf(b)); });
            }
            function settle() {
                if (current && places.indexOf(current) < 0) { current = null; }
                if (!current && places.length) { current = byName()[0]; }
                places.forEach(function(m) { m._icon.tabIndex = m === current ? 0 : -1; });
            }
            var settling = null;
            function settleSoon() {
                if (!settling) { settling = setTimeout(function() { settling = null; settle(); }, 0); }
            }
            function visit(marker) {
                current = marker;
                settle();
                var point = map.latLngToContainerPoint(marker.getLatLng());
                var size = map.getSize();
                if (point.x < 40 || point.y < 40 || point.x > size.x - 40 || point.y > size.y - 40) {
                    map.panTo(marker.getLatLng(), {animate: !reduced});
                }
                marker._icon.focus({preventScroll: true});
            }
            function nearest(from, key) {
                var step = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]}[key];
                var origin = map.latLngToLayerPoint(from.getLatLng());
                var best = null, bestScore = Infinity;
                places.forEach(function(m) {
                    if (m === from) { return; }
                    var p = map.latLngToLayerPoint(m.getLatLng());
                    var dx = p.x - origin.x, dy = p.y - origin.y;
                    var along = dx * step[0] + dy * step[1];
                    var across = Math.abs(dx * step[1] - dy * step[0]);
                    if (along <= 0) { return; }
                    var score = along + 2 * across;
                    if (score < bestScore) { best = m; bestScore = score; }
                });
                return best;
            }
            map.on("layeradd", function(e) {
                var layer = e.layer;
                if (layer._path) { layer._path.setAttribute("tabindex", "-1"); }
                if (layer._icon && layer._icon.classList.contains("tw-marker")) {
                    places.push(layer);
                    layer._icon.tabIndex = -1;
                    settleSoon();
                }
            });
            map.on("layerremove", function(e) {
                var at = places.indexOf(e.layer);
                if (at >= 0) { places.splice(at, 1); settleSoon(); }
            });
            container.addEventListener("keydown", function(e) {
                var icon = e.target.closest && e.target.closest(".tw-marker");
                var from = icon && places.filter(function(m) { return m._icon === icon; })[0];
                if (from && /^Arrow/.test(e.key)) {
                    e.preventDefault();
                    e.stopPropagation();
                    var next = nearest(from, e.key);
                    if (next) { visit(next); }
                } else if (from && (e.key === "Home" || e.key === "End")) {
                    e.preventDefault();
                    var sorted = byName();
                    visit(sorted[e.key === "Home" ? 0 : sorted.length - 1]);
                } else if (e.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
                    map.closePopup();
                    e.stopPropagation();
                }
            }, true);

            // A popup as wide and tall as the map allows, panned clear of the zoom buttons and the key.
            function fitPopup(popup) {
                var size = map.getSize();
                var zoom = container.querySelector(".leaflet-control-zoom");
                var left = zoom ? zoom.offsetLeft + zoom.offsetWidth + 6 : 10;
                var bottom = 10;
                container.querySelectorAll(".leaflet-bottom.leaflet-right").forEach(function(corner) {
                    bottom = Math.max(bottom, corner.offsetHeight + 4);
                });
                var width = Math.max(140, Math.min(360, size.x - left - 10 - 50));
                popup.options.maxWidth = width;
                popup.options.minWidth = Math.min(popup.options.minWidth || 50, width);
                popup.options.maxHeight = Math.max(120, size.y - bottom - 10 - 60);
                popup.options.autoPanPaddingTopLeft = L.point(left, 10);
                popup.options.autoPanPaddingBottomRight = L.point(10, bottom);
            }
            if (!L.Popup.prototype.twFits) {
                var openOn = L.Popup.prototype.openOn;
                L.Popup.prototype.twFits = true;
                L.Popup.prototype.openOn = function(target) {
                    var on = target || (this._source && this._source._map);
                    if (on && on.twFitPopup) {
                        on.fire("twpopupfit");
                        on.twFitPopup(this);
                    }
                    return openOn.apply(this, arguments);
                };
            }
            map.twFitPopup = fitPopup;
            map.on("twpopupfit", function() { if (narrow()) { foldCredits(true); } });
            map.on("popupopen", function(e) {
                var element = e.popup.getElement();
                var content = element.querySelector(".leaflet-popup-content");
                var heading = element.querySelector("h4");
                element.setAttribute("role", "dialog");
                if (heading) { element.setAttribute("aria-label", heading.textContent); }
                if (e.popup._source && places.indexOf(e.popup._source) >= 0) {
                    current = e.popup._source;
                    settle();
                }
                content.tabIndex = -1;
                content.focus({preventScroll: true});
            });
            map.on("popupclose", function(e) {
                var active = doc.activeElement;
                var element = e.popup.getElement();
                var source = e.popup._source;
                var lost = !active || active === doc.body || (element && element.contains(active));
                if (lost && source && source._icon) { source._icon.focus({preventScroll: true}); }
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self._name = "MapAccess"
        self.text = script_json(
            {
                "map": t("map_region", lang),
                "skip": t("skip_map_inside", lang),
                "end": t("map_end", lang),
                "credits": t("map_credits_toggle", lang),
                "zoomIn": t("zoom_in", lang),
                "zoomOut": t("zoom_out", lang),
            }
        )
        self.style = script_json(MAP_STYLE)
        self.narrow = NARROW_MAP


class Attribution(MacroElement):
    """A credit in Leaflet's attribution corner, so it travels with screenshots and embeds."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = json.dumps(text)


class WorldBackground(JSCSSMixin, DataLayer):
    """Natural Earth countries from the vendored world-atlas TopoJSON, China highlighted; not interactive."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var topology = {{ this.topology }};
            var countries = topojson.feature(topology, topology.objects.countries);
            L.geoJson(countries, {
                interactive: false,
                style: function(f) {
                    var china = f.id === "156";
                    return {color: "#9a9a9a", weight: 0.6, fillOpacity: 1,
                            fillColor: china ? "#e4dccb" : "#f1f1ee"};
                }
            }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )
    default_js = [("topojson", f"{STATIC_URL}/topojson-client/topojson-client.min.js")]

    def __init__(self, topology: dict) -> None:
        super().__init__()
        self._name = "WorldBackground"
        self.topology = json.dumps(topology, separators=(",", ":"))


def base_map(tiles: str, bounds: list[list[float]], lang: Lang) -> folium.Map:
    """A map that loads Leaflet from our own static folder and uses the configured tiles."""
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25, prefer_canvas=False)
    m.default_js = JS
    m.default_css = CSS
    m.get_root().header._children.clear()  # folium's default CDN <link>/<script> tags
    m.get_root().header.add_child(Element(f"<style>.leaflet-container{{background:{SEA_COLOUR}}}</style>"))
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
            "color": STATUS_STYLE[status[f["properties"]["statcode"]]][0],
            "weight": 0.8,
            "fillColor": STATUS_STYLE[status[f["properties"]["statcode"]]][0],
            "fillOpacity": 0.18,
        },
        interactive=False,
    ).add_to(m)


def marker_size(level: str, side: str) -> int:
    size = PROVINCE_MARKER_SIZE if level in ("provincie", "province", "direct_city") else MARKER_SIZE
    return size - 4 if side == "cn" else size


def place_features(
    ties: pd.DataFrame,
    sources: dict[str, tuple[str, str, str]],
    lang: Lang,
    side: str,
    events_per_tie: dict[str, int] | None = None,
    profile_url: str | None = None,
    correction_of: Callable[[str], str] | None = None,
) -> list[dict]:
    """One GeoJSON point per place on `side`, carrying its escaped hover label and popup.
    `profile_url` holds '{id}' where the place id goes."""
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
                    "name": t("marker_name", lang, name=name, status=label("status", place.status, lang)),
                    "popup": popup_html(
                        t("ties_of", lang, name=name),
                        grouped[place.place_id],
                        sources,
                        lang,
                        partner_side,
                        events_per_tie,
                        profile_url.replace("{id}", place.place_id) if profile_url else None,
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


class PlaceLayer(DataLayer):
    """All markers of one side as a single GeoJSON layer: one JSON blob instead of a script per marker,
    so thousands of places stay fast to build, send and draw. Labels and popups arrive escaped."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var icons = {{ this.icons }};
            L.geoJson({{ this.data }}, {
                pointToLayer: function(feature, latlng) {
                    var p = feature.properties;
                    return L.marker(latlng, {icon: L.divIcon({
                        html: icons[p.status + "-" + p.size],
                        className: "tw-marker tw-marker-" + p.side + " tw-status-" + p.status,
                        iconSize: [p.size, p.size],
                        iconAnchor: [p.size / 2, p.size / 2]
                    })});
                },
                onEachFeature: function(feature, layer) {
                    layer.bindTooltip(feature.properties.label, {sticky: true});
                    layer.bindPopup(feature.properties.popup, {maxWidth: 360});
                    layer.on("add", function() {
                        this._icon.setAttribute("aria-label", feature.properties.name);
                        this._icon.setAttribute("aria-haspopup", "dialog");
                    });
                    // Enter opens the popup AND selects the place, as a click does (Leaflet alone only opens it).
                    layer.off("keypress", layer._onKeyPress, layer);
                    layer.on("keypress", function(e) {
                        if (e.originalEvent.key === "Enter") {
                            layer.fire("click", {latlng: layer.getLatLng(), originalEvent: e.originalEvent});
                        }
                    });
                }
            }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict]) -> None:
        super().__init__()
        self._name = "PlaceLayer"
        self.features = features
        sizes = {f["properties"]["size"] for f in features}
        self.icons = script_json({f"{s}-{n}": marker_svg(s, n) for s in STATUS_STYLE for n in sizes})
        self.data = script_json({"type": "FeatureCollection", "features": features})


def add_place_markers(
    m: folium.Map | folium.FeatureGroup,
    ties: pd.DataFrame,
    sources: dict[str, tuple[str, str, str]],
    lang: Lang,
    side: str,
    events_per_tie: dict[str, int] | None,
    profile_url: str | None = None,
    correction_of: Callable[[str], str] | None = None,
) -> int:
    """The places on `side` as shaped, labelled markers with popups; returns the marker count."""
    features = place_features(ties, sources, lang, side, events_per_tie, profile_url, correction_of)
    PlaceLayer(features).add_to(m)
    return len(features)


class TownLayer(DataLayer):
    """Every municipality, transparent, in a pane above the province shading: hover names it, a click
    reports its label (streamlit-folium) so the page can open its profile. Not in the Tab order: the
    table under the map and the profile search serve keyboards."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            map.createPane("towns").style.zIndex = 410;
            L.geoJson({{ this.data }}, {
                pane: "towns",
                style: function() {
                    return {color: "#555555", weight: 0.4, opacity: 0.6, fillColor: "#000000", fillOpacity: 0};
                },
                onEachFeature: function(feature, layer) {
                    layer.bindTooltip(feature.properties.label, {sticky: true});
                    layer.on("mouseover", function() { layer.setStyle({weight: 2, opacity: 1, color: "#222222"}); });
                    layer.on("mouseout", function() { layer.setStyle({weight: 0.4, opacity: 0.6, color: "#555555"}); });
                }
            }).addTo(map);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, municipalities: dict, labels: dict[str, str]) -> None:
        super().__init__()
        self._name = "TownLayer"
        features = [
            {
                "type": "Feature",
                "geometry": f["geometry"],
                "properties": {"label": esc(labels.get(f["properties"]["statcode"], f["properties"]["statnaam"]))},
            }
            for f in municipalities["features"]
        ]
        self.data = script_json({"type": "FeatureCollection", "features": features})


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


class ArcLayer(DataLayer):
    """Geodesic lines NL -> CN in their own pane, coloured and dashed by status; not interactive."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var styles = {{ this.styles }};
            L.geoJson({{ this.data }}, {
                pane: "arcs",
                interactive: false,
                style: function(feature) { return styles[feature.properties.status]; }
            }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict) -> None:
        super().__init__()
        self._name = "ArcLayer"
        styles = {
            status: {"color": ARC_COLOURS[status], "weight": 2.2, "opacity": 1, "dashArray": STATUS_DASH[status]}
            for status in STATUS_STYLE
        }
        self.styles = script_json(styles)
        self.data = script_json(collection)


def arc_svg(status: str) -> str:
    dash = f' stroke-dasharray="{STATUS_DASH[status]}"' if STATUS_DASH[status] else ""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="26" height="12" aria-hidden="true" focusable="false">'
        f'<line x1="1" y1="6" x2="25" y2="6" stroke="{ARC_COLOURS[status]}" stroke-width="2.2"{dash}/></svg>'
    )


def status_legend(lang: Lang, arcs: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """Status symbols; with `arcs`, the line style of each status beside its marker."""
    return t("legend_title", lang), [
        (marker_svg(s, 12) + (arc_svg(s) if arcs else ""), label("status", s, lang)) for s in STATUSES
    ]


def choropleth_legend(lang: Lang, opacity: float = 1.0) -> tuple[str, list[tuple[str, str]]]:
    """The province classes, their swatches as translucent as the fills over basemap tiles."""
    entries = []
    for colour, (low, high) in zip(CHOROPLETH_COLOURS, CHOROPLETH_BREAKS):
        text = str(low) if low == high else (f"{low}+" if high >= 10_000 else f"{low}–{high}")
        swatch = f'<span style="{SWATCH_STYLE};background:{colour};opacity:{opacity}"></span>'
        entries.append((swatch, text))
    return t("legend_province_ties", lang), entries


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


def nl_view(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    tiles: str = "none",
    provinces: dict | None = None,
    municipalities: dict | None = None,
    events_per_tie: pd.Series | None = None,
    profile_url: str | None = None,
    town_labels: dict[str, str] | None = None,
    bounds: list[list[float]] | None = None,
    correction_of: Callable[[str], str] | None = None,
) -> MapView:
    """The Netherlands view: provinces shaded by ties, places marked by status (shape and colour), and
    every municipality named on hover (`town_labels`: code -> label), so a click can open its profile."""
    base = base_map(tiles, bounds or NL_BOUNDS, lang)
    if municipalities is not None and town_labels:
        TownLayer(municipalities, town_labels).add_to(base)
    layers = folium.FeatureGroup(name="selection")
    events = events_per_tie.to_dict() if events_per_tie is not None else None
    sections = [status_legend(lang)]
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
            "properties": {"status": tie.status},
        }
        for tie in ties.itertuples()
    ]
    return {"type": "FeatureCollection", "features": features}


def cn_view(
    ties: pd.DataFrame,
    sources: pd.DataFrame,
    lang: Lang,
    tiles: str = "none",
    world: dict | None = None,
    events_per_tie: pd.Series | None = None,
    profile_url: str | None = None,
    correction_of: Callable[[str], str] | None = None,
) -> MapView:
    """The Netherlands–China view: a geodesic arc per tie, coloured and dashed by status."""
    base = base_map(tiles, EURASIA_BOUNDS, lang)
    if world is not None:
        WorldBackground(world).add_to(base)
        Attribution(t("world_credit", lang)).add_to(base)
    folium.map.CustomPane("arcs", z_index=450).add_to(base)
    Legend([status_legend(lang, arcs=True)], lang).add_to(base)
    layers = folium.FeatureGroup(name="selection")
    ArcLayer(arcs_geojson(ties)).add_to(layers)
    events = events_per_tie.to_dict() if events_per_tie is not None else None
    lookup = source_lookup(sources)
    if ties["nl_place_id"].nunique() > 1:
        PlaceLayer([dutch_end_feature(ties, lang, profile_url)]).add_to(layers)
    else:
        add_place_markers(layers, ties, lookup, lang, "nl", events, profile_url, correction_of)
    add_place_markers(layers, ties, lookup, lang, "cn", events, profile_url, correction_of)
    return MapView(base, layers)


NL_CENTRE = (52.2, 5.4)  # where the Dutch end of the NL–CN view is drawn


def dutch_end_feature(ties: pd.DataFrame, lang: Lang, profile_url: str | None = None) -> dict:
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
        partners = ", ".join(f"{tie[partner]} ({label('status', tie['status'], lang)})" for _, tie in own.iterrows())
        title = esc(place_label(place, "nl", lang))
        if profile_url:
            href = esc(profile_url.replace("{id}", place.place_id))
            title = f'<a class="tw-profile" href="{href}" target="_parent">{title}</a>'
        items.append(f"<li>{title}: {esc(partners)}</li>")
    popup = (
        f'<div class="tw-popup"><h4 style="margin:0 0 4px">{esc(name)}</h4>'
        f'<ul style="padding-left:16px;margin:0">{"".join(items)}</ul>'
        f'<p style="margin:6px 0 0">{esc(t("dutch_end_hint", lang))}</p></div>'
    )
    status = place_status(places["status"])
    return {
        "type": "Feature",
        "id": "NL",
        "geometry": {"type": "Point", "coordinates": [NL_CENTRE[1], NL_CENTRE[0]]},
        "properties": {
            "label": esc(name),
            "name": t("marker_name", lang, name=name, status=label("status", status, lang)),
            "popup": popup,
            "status": status,
            "size": PROVINCE_MARKER_SIZE,
            "side": "nl",
        },
    }


def cn_map(*args, **kwargs) -> folium.Map:
    return cn_view(*args, **kwargs).combined()
