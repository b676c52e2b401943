"""The map as a downloadable image: frames and GeoJSON in, PNG or SVG bytes out.

Reporters need a picture they can drop into an article, with its key and credits inside the image so
they travel with it. The picture is drawn on the server with matplotlib (shapes projected by geopandas),
mirroring the symbols of the interactive maps in `twinnings.maps`, so the download reads like the
screen it came from.

Rendering uses `Figure` objects and the Agg canvas directly, never pyplot, so no global figure state is
shared between Streamlit's script threads. The few rcParams that are read at save time (SVG hash salt,
SVG text mode, fonts) are set under one lock: matplotlib's rcParams are process-global.
"""

from __future__ import annotations

import io
import re
import textwrap
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import shapely
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox
from PIL import Image, ImageColor
from pyproj import Transformer

from twinnings import __version__, image_formats, through_time
from twinnings.geometry import great_circle
from twinnings.i18n import Lang, label, t
from twinnings.maps import NL_BOUNDS, places_of, ties_per_province
from twinnings.model import STATES
from twinnings.style import (
    ARC_COLOURS,
    CHOROPLETH_BREAKS,
    CHOROPLETH_COLOURS,
    MARKER_OUTLINE,
    SEA_COLOUR,
    STATE_STYLE,
    STATUS_DASH,
    STATUS_RANK,
    YEAR_STATE_STYLE,
    choropleth_class,
)
from twinnings.through_time import YEAR_STATES

View = Literal["nl", "cn"]
Format = Literal["png", "svg"]

# 1200 x 675 points; SVG keeps points as its unit, PNG is drawn at twice that (2400 x 1350 pixels).
WIDTH_PT, HEIGHT_PT = 1200, 675
PNG_SCALE = 2
FIG_SIZE_IN = (WIDTH_PT / 72, HEIGHT_PT / 72)

RD_NEW = "EPSG:28992"
# Lambert conformal conic through the mid-latitudes of the Netherlands–China band: shapes stay true and
# great circles bend as readers expect, unlike plain lon/lat which stretches Europe sideways.
EURASIA_CRS = "+proj=lcc +lat_0=40 +lon_0=65 +lat_1=25 +lat_2=55 +datum=WGS84 +units=m +no_defs"
EURASIA_BOX = (-2.0, 18.0, 135.0, 62.0)  # lon/lat; as the interactive map's EURASIA_BOUNDS
WORLD_CLIP = (-40.0, -10.0, 180.0, 85.0)  # cut the world before projecting: no antimeridian wrap-around
CHINA_ID = "156"
LAND_COLOUR, CHINA_COLOUR, BORDER_COLOUR = "#f1f1ee", "#e4dccb", "#9a9a9a"
TEXT_COLOUR, MUTED_COLOUR = "#1a1a1a", "#555555"

# matplotlib falls back glyph by glyph along this list, so "Wuhan 武汉市" renders in one label.
# Families that are not installed are dropped so matplotlib does not warn about them on every call.
FONT_WISH = ("Noto Sans", "Noto Sans CJK SC", "DejaVu Sans")
MARKERS = {"circle": "o", "square": "s", "diamond": "D", "triangle": "^"}
# Diamonds and triangles look larger/smaller than a circle of the same nominal size.
MARKER_SCALE = {"circle": 1.0, "square": 0.85, "diamond": 0.75, "triangle": 1.2}
LABEL_LIMIT = 12  # label the places when a selection has at most this many (more would be clutter)
NAME_MAX = 40  # characters of a record name in a label; the rest becomes an ellipsis

CREDITS = {
    "data": {"nl": "Data: Stedenbanden NL–CN v{version}", "en": "Data: Stedenbanden NL–CN v{version}"},
    "nl": {"nl": "Grenzen: CBS / Kadaster (CC BY 4.0)", "en": "Boundaries: CBS / Kadaster (CC BY 4.0)"},
}

_LOCK = threading.Lock()


def mpl_colour(css: str) -> str:
    """A CSS colour as matplotlib reads it: plotly's scales give 'rgb(r, g, b)', matplotlib wants hex."""
    match = re.fullmatch(r"\s*rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)\s*", css)
    if not match:
        return css
    return "#" + "".join(f"{round(float(v)):02x}" for v in match.groups())


def font_families() -> list[str]:
    """The wished font families that are installed, DejaVu Sans (bundled with matplotlib) as the floor."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [family for family in FONT_WISH if family in installed] or ["DejaVu Sans"]


def rc_params() -> dict:
    """Settings that make the output reproducible (fixed SVG ids, no dates) and keep SVG text as text."""
    return {
        "svg.hashsalt": "twinnings-map",
        "svg.fonttype": "none",
        "font.family": font_families(),
        "text.usetex": False,
        "axes.unicode_minus": False,
        "path.simplify": True,
    }


def plain_text(value: object, limit: int | None = None) -> str:
    """Record text as it should reach the image: no control or invisible format characters (fonts draw
    them as boxes), whitespace collapsed, cut to `limit` characters. Mathtext is switched off where the
    text is drawn, so '$' stays a dollar sign."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def source_line(view: View, lang: Lang, source: str = "") -> str:
    """The credit printed inside the image: the caller's text, the data version and the map's base data."""
    parts = [plain_text(source)] if plain_text(source) else []
    parts.append(CREDITS["data"][lang].format(version=__version__))
    parts.append(CREDITS["nl"][lang] if view == "nl" else t("world_credit", lang))
    return " · ".join(parts)


# --- geometry -------------------------------------------------------------------------------------


def topology_features(topology: dict, name: str = "countries") -> list[dict]:
    """GeoJSON features from one object of a TopoJSON topology (as world-atlas ships Natural Earth).

    Arcs are delta-encoded integers when the topology is quantized (`transform` present); rings list arc
    indices, where a negative index ~i means arc i walked backwards. Shared points between consecutive
    arcs are written once."""
    transform = topology.get("transform")
    arcs: list[np.ndarray] = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)[:, :2]
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)

    def ring(indices: Sequence[int]) -> list[list[float]]:
        coords: list[list[float]] = []
        for index in indices:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            coords.extend(points.tolist() if not coords else points[1:].tolist())
        return coords

    features = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            coordinates = [ring(r) for r in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                # also as a property: GeoDataFrame.from_features keeps properties, not feature ids
                "properties": {**(geometry.get("properties") or {}), "id": geometry.get("id")},
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        )
    return features


def unwrapped(features: Iterable[dict]) -> list[dict]:
    """Features whose rings no longer jump across the antimeridian (Russia, Fiji in Natural Earth).

    A ring that steps from 180° to -180° is a polygon spanning the whole globe on a flat map, drawn as a
    line across Asia. Unwrapped, the ring runs continuously past 180° and a clip at 180° cuts it cleanly."""

    def ring(coords: list) -> list:
        xy = np.asarray(coords, dtype=float)
        if len(xy) == 0 or np.abs(np.diff(xy[:, 0])).max(initial=0) <= 180:
            return coords
        xy[:, 0] = np.unwrap(xy[:, 0], period=360)
        if xy[:, 0].min() < -180:
            xy[:, 0] += 360
        return xy.tolist()

    result = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        polygons = [[ring(r) for r in polygon] for polygon in polygons]
        coordinates = polygons[0] if geometry["type"] == "Polygon" else polygons
        result.append({**feature, "geometry": {"type": geometry["type"], "coordinates": coordinates}})
    return result


def projected(features: Iterable[dict], crs: str, clip: tuple[float, float, float, float] | None = None):
    """Features as a GeoDataFrame in `crs`, optionally cut to a lon/lat box first."""
    frame = gpd.GeoDataFrame.from_features(list(features), crs="EPSG:4326")
    if clip is not None:
        frame["geometry"] = shapely.clip_by_rect(frame.geometry.values, *clip)
        frame = frame[~frame.geometry.is_empty]
    return frame.to_crs(crs)


def polygon_path(geometry) -> MplPath:
    """One matplotlib path for a (multi)polygon, holes included, so each area is one SVG element."""
    vertices, codes = [], []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 3:
                continue
            vertices.append(xy)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY])
    if not vertices:
        return MplPath(np.zeros((1, 2)), [MplPath.MOVETO])
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def add_areas(ax: Axes, frame: gpd.GeoDataFrame, faces: Sequence[str] | str, edge: str, width: float, z: float):
    ax.add_collection(
        PathCollection(
            [polygon_path(g) for g in frame.geometry],
            facecolors=faces,
            edgecolors=edge,
            linewidths=width,
            zorder=z,
        ),
        autolim=False,
    )


def fit_extent(ax: Axes, x: Sequence[float], y: Sequence[float], margin: float = 0.04) -> None:
    """Limits around the points, widened on one axis so the data aspect equals the axes' box aspect:
    one map unit is as long across as up, and the map fills its box without letterboxing."""
    x0, x1, y0, y1 = min(x), max(x), min(y), max(y)
    pad = margin * max(x1 - x0, y1 - y0)
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    box = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    box_ratio = (box.width * fig_w) / (box.height * fig_h)
    if (x1 - x0) / (y1 - y0) < box_ratio:
        grow = ((y1 - y0) * box_ratio - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = ((x1 - x0) / box_ratio - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="datalim")


# --- symbols --------------------------------------------------------------------------------------


def marker_area(status: str, diameter: float, style: dict[str, tuple[str, str]] = STATE_STYLE) -> float:
    """Scatter size (points²) of a status symbol of nominal `diameter` points."""
    return (diameter * MARKER_SCALE[style[status][1]]) ** 2


def dash_pattern(status: str, width: float) -> tuple | str:
    """The interactive map's SVG dash (pixels) as a matplotlib dash, undoing matplotlib's scaling by width."""
    dash = STATUS_DASH[status]
    if not dash:
        return "solid"
    return (0, tuple(float(v) / width for v in dash.split()))


def add_markers(
    ax: Axes,
    places: pd.DataFrame,
    xy: np.ndarray,
    diameter: dict[str, float],
    z: float = 6,
    style: dict[str, tuple[str, str]] = STATE_STYLE,
    gid: str = "tw-marker-{}",
    outline: float = 1.1,
) -> list[PathCollection]:
    """One scatter per place, so each symbol carries its own SVG id (`gid` with the place id: 'tw-marker-<place
    id>'), in the colour and shape `style` gives its `status`. Returns the symbols, in the order of `places`."""
    drawn = []
    for (x, y), place in zip(xy, places.itertuples()):
        colour, shape = style[place.status]
        drawn.append(
            ax.scatter(
                [x],
                [y],
                s=marker_area(place.status, diameter.get(place.level, diameter["default"]), style),
                marker=MARKERS[shape],
                c=colour,
                edgecolors=MARKER_OUTLINE,
                linewidths=outline,
                zorder=z,
                gid=gid.format(place.place_id),
            )
        )
    return drawn


def place_name(place, side: str, lang: Lang) -> str:
    """A label's text: the place's name; Chinese places add their Hanzi, as on the interactive map."""
    name = plain_text(place.name_nl if lang == "nl" or side == "nl" else place.name_en, NAME_MAX)
    if side == "cn":
        return f"{name} {plain_text(place.name_zh, NAME_MAX)}".strip()
    return name


LABEL_STYLE = {
    "fontsize": 9.5,
    "color": TEXT_COLOUR,
    "zorder": 8,
    "parse_math": False,
    "annotation_clip": False,
    "bbox": {"boxstyle": "round,pad=0.18", "fc": "white", "ec": "none", "alpha": 0.85},
}
BESIDE = [
    ((7, 0), "left", "center"),
    ((-7, 0), "right", "center"),
    ((0, 7), "center", "bottom"),
    ((0, -7), "center", "top"),
    ((6, 6), "left", "bottom"),
    ((-6, 6), "right", "bottom"),
    ((6, -6), "left", "top"),
    ((-6, -6), "right", "top"),
]


def place_labels(ax: Axes, canvas: FigureCanvasAgg, places: pd.DataFrame, xy: np.ndarray, side: str, lang: Lang):
    """Names of a few places: beside their markers when they all find a free spot, otherwise (a cluster
    such as the Randstad or southern Jiangsu) listed in a column beside the cluster with leader lines,
    because overlapping names are unreadable and a reporter cannot fix them in a PNG."""
    renderer = canvas.get_renderer()
    texts, crowded = labels_beside(ax, renderer, places, xy, side, lang)
    if crowded:
        for text in texts:
            text.remove()
        labels_in_column(ax, renderer, places, xy, side, lang)


def labels_beside(ax: Axes, renderer, places: pd.DataFrame, xy: np.ndarray, side: str, lang: Lang):
    """Each name in the first spot around its marker that overlaps neither an earlier name nor a marker
    and stays inside the map. Returns the texts and whether any of them had no free spot."""
    inside = ax.get_window_extent(renderer)
    markers = [Bbox.from_bounds(px - 5, py - 5, 10, 10) for px, py in ax.transData.transform(xy)]
    taken: list[Bbox] = []
    texts = []
    crowded = False
    for i in np.argsort(-places["n_ties"].to_numpy(), kind="stable"):
        others = taken + [b for j, b in enumerate(markers) if j != i]
        for offset, ha, va in BESIDE:
            text = ax.annotate(
                place_name(places.iloc[i], side, lang),
                xy=xy[i],
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                **LABEL_STYLE,
            )
            box = text.get_window_extent(renderer).expanded(1.06, 1.15)
            if inside.contains(*box.p0) and inside.contains(*box.p1) and not any(box.overlaps(b) for b in others):
                break
            if (offset, ha, va) != BESIDE[-1]:
                text.remove()
            else:
                crowded = True
        texts.append(text)
        taken.append(box)
    return texts, crowded


def labels_in_column(ax: Axes, renderer, places: pd.DataFrame, xy: np.ndarray, side: str, lang: Lang) -> None:
    """The names stacked top to bottom in marker order, right of the cluster (left when the right has
    no room), each joined to its marker by a thin line; the order keeps the lines from crossing much."""
    inside = ax.get_window_extent(renderer)
    display = ax.transData.transform(xy)
    order = np.argsort(-display[:, 1], kind="stable")
    names = [place_name(places.iloc[i], side, lang) for i in order]
    probe = ax.text(0, 0, "\n".join(names), fontsize=LABEL_STYLE["fontsize"], parse_math=False)
    extent = probe.get_window_extent(renderer)
    probe.remove()
    step = extent.height / len(names) * 1.45
    x, ha = display[:, 0].max() + 40, "left"
    if x + extent.width > inside.x1 - 8:
        x, ha = display[:, 0].min() - 40, "right"
    span = step * (len(names) - 1)
    top = min(max(display[:, 1].mean() + span / 2, inside.y0 + span + 12), inside.y1 - 12)
    for k, (i, name) in enumerate(zip(order, names)):
        ax.annotate(
            name,
            xy=xy[i],
            xytext=ax.transData.inverted().transform((x, top - k * step)),
            textcoords="data",
            ha=ha,
            va="center",
            arrowprops={"arrowstyle": "-", "color": MUTED_COLOUR, "lw": 0.7, "shrinkA": 3, "shrinkB": 5},
            **LABEL_STYLE,
        )


# --- page furniture ---------------------------------------------------------------------------------


def wrapped(text: str, width: int, lines: int) -> str:
    """`text` wrapped to at most `lines` lines of `width` characters, the overflow as an ellipsis."""
    parts = textwrap.wrap(plain_text(text), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "\n".join(parts)


def add_header(fig: Figure, canvas: FigureCanvasAgg, title: str, subtitle: str) -> float:
    """Title and subtitle at the top left; returns the figure y (0–1) where the space below them begins."""
    renderer = canvas.get_renderer()
    height = figure_height(fig)
    x, top = 24 / WIDTH_PT, 1 - 18 / height
    heading = fig.text(
        x, top, wrapped(title, 90, 2), fontsize=21, fontweight="bold", color=TEXT_COLOUR, va="top", parse_math=False
    )
    bottom = fig.transFigure.inverted().transform(heading.get_window_extent(renderer).p0)[1]
    if plain_text(subtitle):
        sub = fig.text(
            x,
            bottom - 6 / height,
            wrapped(subtitle, 160, 2),
            fontsize=12,
            color=MUTED_COLOUR,
            va="top",
            parse_math=False,
            linespacing=1.35,
        )
        bottom = fig.transFigure.inverted().transform(sub.get_window_extent(renderer).p0)[1]
    return bottom - 12 / height


def figure_height(fig: Figure) -> float:
    """The figure's height in points (675 for the map; the small multiples are lower)."""
    return float(fig.get_size_inches()[1] * 72)


def add_footer(fig: Figure, text: str) -> None:
    fig.text(
        24 / WIDTH_PT, 10 / figure_height(fig), text, fontsize=9.5, color=MUTED_COLOUR, va="bottom", parse_math=False
    )


def status_handles(lang: Lang, arcs: bool, in_a_year: bool = False) -> list[Line2D]:
    """Legend entries in the map's symbols, today's or a year's; with `arcs`, the line style of each status
    through the marker."""
    handles = []
    for status in tuple(reversed(YEAR_STATES)) if in_a_year else STATES:
        colour, shape = STATE_STYLE[status]
        line = {"color": ARC_COLOURS[status], "linestyle": dash_pattern(status, 1.8)} if arcs else {}
        handles.append(symbol_handle(colour, shape, label("state", status, lang), **line))
    return handles


def symbol_handle(colour: str, shape: str, text: str, color: str = "none", linestyle: tuple | str = "none") -> Line2D:
    """A legend entry: the map's symbol (and, with `color` and `linestyle`, a line through it)."""
    return Line2D(
        [0],
        [0],
        color=color,
        linewidth=1.8,
        linestyle=linestyle,
        marker=MARKERS[shape],
        markersize=9 * MARKER_SCALE[shape],
        markerfacecolor=colour,
        markeredgecolor=MARKER_OUTLINE,
        markeredgewidth=1.1,
        label=text,
    )


def choropleth_handles() -> list[Patch]:
    handles = []
    for colour, (low, high) in zip(CHOROPLETH_COLOURS, CHOROPLETH_BREAKS):
        text = str(low) if low == high else (f"{low}+" if high >= 10_000 else f"{low}–{high}")
        handles.append(Patch(facecolor=mpl_colour(colour), edgecolor="#666666", linewidth=0.8, label=text))
    return handles


def add_legend(fig: Figure, handles: list, title: str, anchor: tuple[float, float], loc: str, **kwargs) -> Legend:
    legend = Legend(
        fig,
        handles,
        [h.get_label() for h in handles],
        loc=loc,
        bbox_to_anchor=anchor,
        bbox_transform=fig.transFigure,
        title=title,
        fontsize=11,
        title_fontproperties={"size": 11.5, "weight": "bold"},
        alignment="left",
        frameon=True,
        framealpha=0.92,
        edgecolor="#cccccc",
        borderpad=0.7,
        borderaxespad=0,
        labelspacing=0.55,
        handlelength=2.6 if kwargs.pop("wide", False) else 1.4,
        **kwargs,
    )
    for text in [*legend.get_texts(), legend.get_title()]:
        text.set_parse_math(False)
    fig.legends.append(legend)
    return legend


# --- the two views ------------------------------------------------------------------------------------


def nl_axes(fig: Figure, top: float) -> Axes:
    """The map in the middle of the picture; the key sits in the left column under the title."""
    return fig.add_axes((0.2, 36 / HEIGHT_PT, 0.6, top - 36 / HEIGHT_PT))


NL_MARKERS = {"provincie": 15, "default": 10.5}  # symbol diameters (points) on the national map
_TO_RD = Transformer.from_crs("EPSG:4326", RD_NEW, always_xy=True)


def nl_base(ax: Axes, provinces: dict | None, municipalities: dict | None, face: Callable[[str], str]) -> None:
    """What every map of the Netherlands stands on: provinces filled with `face(province code)`, thin
    municipality outlines, province borders on top, the limits fitted to the country (RD New)."""
    ax.set_axis_off()
    (s, w), (n, e) = NL_BOUNDS
    xs, ys = _TO_RD.transform([w, e, w, e], [s, s, n, n])
    if provinces is not None:
        frame = projected(provinces["features"], RD_NEW)
        add_areas(ax, frame, [face(code) for code in frame["statcode"]], "none", 0, 1)
        xs, ys = [frame.total_bounds[0], frame.total_bounds[2]], [frame.total_bounds[1], frame.total_bounds[3]]
    if municipalities is not None:
        add_areas(ax, projected(municipalities["features"], RD_NEW), "none", "#8c8c8c", 0.3, 2)
    if provinces is not None:
        add_areas(ax, projected(provinces["features"], RD_NEW), "none", "#4d4d4d", 0.9, 3)
    fit_extent(ax, xs, ys, margin=0.02)


def nl_places(places: pd.DataFrame) -> pd.DataFrame:
    """Dutch places in drawing order: provinces first, as they are bigger and a town's symbol on top of one
    stays visible."""
    is_province = places["level"] == "provincie"
    return pd.concat([places[is_province], places[~is_province]]).reset_index(drop=True)


def rd_points(places: pd.DataFrame) -> np.ndarray:
    return np.column_stack(_TO_RD.transform(places["lon"].to_numpy(float), places["lat"].to_numpy(float)))


def draw_nl(
    fig: Figure,
    canvas: FigureCanvasAgg,
    top: float,
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    lang: Lang,
    in_a_year: bool = False,
) -> None:
    """Provinces shaded by ties, thin municipality outlines, one status symbol per Dutch place (RD New)."""
    ax = nl_axes(fig, top)
    counts = ties_per_province(ties) if not ties.empty else pd.Series(dtype=int)

    def shade(code: str) -> str:
        return mpl_colour(CHOROPLETH_COLOURS[choropleth_class(int(counts.get(code, 0)))])

    nl_base(ax, provinces, municipalities, shade)
    places = nl_places(places_of(ties, "nl"))
    xy = rd_points(places)
    add_markers(ax, places, xy, NL_MARKERS)
    if 0 < len(places) <= LABEL_LIMIT:
        place_labels(ax, canvas, places, xy, "nl", lang)
    key_title = t("year_legend" if in_a_year else "legend_title", lang)
    legend = add_legend(fig, status_handles(lang, False, in_a_year), key_title, (24 / WIDTH_PT, top), "upper left")
    below = fig.transFigure.inverted().transform(legend.get_window_extent(canvas.get_renderer()).p0)[1]
    if provinces is not None:
        add_legend(
            fig, choropleth_handles(), t("legend_province_ties", lang), (24 / WIDTH_PT, below - 0.03), "upper left"
        )


def draw_cn(
    fig: Figure,
    canvas: FigureCanvasAgg,
    top: float,
    ties: pd.DataFrame,
    world: dict | None,
    lang: Lang,
    in_a_year: bool = False,
):
    """Natural Earth background with China highlighted, a geodesic arc per tie, places on both ends."""
    ax = fig.add_axes((0, 40 / HEIGHT_PT, 1, top - 40 / HEIGHT_PT))
    ax.set_axis_off()
    ax.add_artist(Rectangle((0, 0), 1, 1, transform=ax.transAxes, color=SEA_COLOUR, zorder=0))
    to_map = Transformer.from_crs("EPSG:4326", EURASIA_CRS, always_xy=True)
    w, s, e, n = EURASIA_BOX
    edge = np.linspace(0, 1, 24)
    box_lon = np.concatenate([w + (e - w) * edge, np.full(24, e), w + (e - w) * edge, np.full(24, w)])
    box_lat = np.concatenate([np.full(24, s), s + (n - s) * edge, np.full(24, n), s + (n - s) * edge])
    # Fit to the lower corners and the NL–China band rather than the whole lon/lat box: in a conic the
    # box's top edge bows far north, which would waste the picture on the Arctic.
    keep = box_lat <= 56
    lons = list(box_lon[keep])
    lats = list(box_lat[keep])
    for side in ("nl", "cn"):
        if not ties.empty:
            lons += list(ties[f"{side}_lon"].astype(float))
            lats += list(ties[f"{side}_lat"].astype(float))
    xs, ys = to_map.transform(lons, lats)
    fit_extent(ax, xs, ys, margin=0.01)
    if world is not None:
        frame = projected(unwrapped(topology_features(world)), EURASIA_CRS, clip=WORLD_CLIP)
        faces = [CHINA_COLOUR if str(i) == CHINA_ID else LAND_COLOUR for i in frame["id"]]
        add_areas(ax, frame, faces, BORDER_COLOUR, 0.5, 1)
    for tie in ties.itertuples():
        line = np.asarray(great_circle(tie.nl_lon, tie.nl_lat, tie.cn_lon, tie.cn_lat, 48))
        x, y = to_map.transform(line[:, 0], line[:, 1])
        ax.plot(
            x,
            y,
            color=ARC_COLOURS[tie.state],
            linewidth=1.6,
            linestyle=dash_pattern(tie.state, 1.6),
            zorder=4,
            gid=f"tw-arc-{tie.id}",
            solid_capstyle="round",
        )
    for side, size in (("nl", 6.5), ("cn", 8.5)):
        places = places_of(ties, side)
        xy = np.column_stack(to_map.transform(places["lon"].to_numpy(float), places["lat"].to_numpy(float)))
        add_markers(ax, places, xy, {"default": size})
        if side == "cn" and 0 < len(places) <= LABEL_LIMIT:
            place_labels(ax, canvas, places, xy, "cn", lang)
    add_legend(
        fig,
        status_handles(lang, True, in_a_year),
        t("year_legend" if in_a_year else "legend_title", lang),
        (24 / WIDTH_PT, 52 / HEIGHT_PT),
        "lower left",
        wide=True,
    )


def map_image(
    view: View,
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    title: str,
    subtitle: str,
    source: str,
    lang: Lang,
    fmt: Format = "png",
    world: dict | None = None,
    year: int | None = None,
) -> bytes:
    """The current map view of `ties` as a PNG (2400 x 1350 px) or SVG (1200 x 675 pt) with title,
    subtitle, key and credits inside it.

    view: 'nl' (provinces shaded by ties, municipality outlines, a status symbol per Dutch place) or
    'cn' (Natural Earth world, China highlighted, a geodesic arc per tie).
    provinces/municipalities: CBS GeoJSON as `boundaries.read_boundaries` returns it (NL view; None
    leaves the layer out). world: a world-atlas TopoJSON (CN view; default the vendored one).
    title/subtitle: shown as plain text (the subtitle describes the selection); source: the caller's
    credit, printed before the data version and the boundary/world credit this module always adds.
    year: the map as it stood then (through_time.on_map); `ties` are today's either way.
    Same input, same bytes: reporters can re-download without their CMS seeing a new picture."""
    if view not in ("nl", "cn"):
        raise ValueError(f"unknown map view {view!r}; expected 'nl' or 'cn'")
    if fmt not in image_formats.NAMES:
        raise ValueError(f"unknown image format {fmt!r}; expected 'png' or 'svg'")
    ties = through_time.on_map(ties, year)
    in_a_year = year is not None
    with _LOCK, matplotlib.rc_context(rc_params()):
        fig = Figure(figsize=FIG_SIZE_IN, dpi=72, facecolor="white")
        canvas = FigureCanvasAgg(fig)
        top = add_header(fig, canvas, title, subtitle)
        if view == "nl":
            draw_nl(fig, canvas, top, ties, provinces, municipalities, lang, in_a_year)
        else:
            if world is None:
                from twinnings.boundaries import read_world

                world = read_world()
            draw_cn(fig, canvas, top, ties, world, lang, in_a_year)
        add_footer(fig, source_line(view, lang, source))
        return saved(fig, fmt)


def saved(fig: Figure, fmt: Format) -> bytes:
    """The figure as PNG at double resolution or SVG, without dates or versions, so the same picture gives the
    same bytes."""
    out = io.BytesIO()
    if fmt == "png":
        fig.savefig(out, format="png", dpi=72 * PNG_SCALE, metadata={"Software": None})
    else:
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


# The two formats a reporter downloads: PNG at double resolution (2400 x 1350 px), SVG with text kept as text.
map_png = partial(map_image, fmt="png")
map_svg = partial(map_image, fmt="svg")


# --- the map through the years ------------------------------------------------------------------------
# The national map year by year (through_time: which ties were there and as what), as an animation and as
# small multiples. Both stand on the national map's own base, symbols and page furniture; the animation draws
# its base, key and credits once and only the symbols, the year and its counts per frame.

YEAR_KEY = tuple(reversed(YEAR_STATES))  # the key reads from the most certain down, as the interactive map's
PANEL_MARKERS = {"provincie": 9.0, "default": 6.5}  # the small multiples' maps are about a third as tall
PANEL_HEIGHT_PT = 520
FRAME_MS, LAST_FRAME_MS = 800, 3000  # a year a reader can follow; the last one held
GIF_COLOURS = 64
AnimationFormat = Literal["gif", "webp"]


def year_places(ties: pd.DataFrame, year: int) -> pd.DataFrame:
    """The Dutch places on the map of `year` (through_time.on_map), one row each, with `status` the year state of
    its liveliest tie (as on the interactive map) and `n_ties` its ties that year, in drawing order: provinces
    first, then the liveliest on top. Exactly the symbols a year's map draws."""
    places = places_of(through_time.on_map(ties, year), "nl")
    order = places.assign(_town=places["level"] != "provincie", _rank=-places["status"].map(STATUS_RANK))
    return places.loc[order.sort_values(["_town", "_rank"], kind="stable").index].reset_index(drop=True)


def year_handles(lang: Lang) -> list[Line2D]:
    return [symbol_handle(*YEAR_STATE_STYLE[state], label("state", state, lang)) for state in YEAR_KEY]


def land(_code: str) -> str:
    """A year's map shades no province: its base stays the same from year to year."""
    return LAND_COLOUR


def draw_year(ax: Axes, ties: pd.DataFrame, year: int, diameter: dict[str, float], outline: float = 1.1):
    """The symbols of `year` on a national map's axes (ids 'tw-marker-<year>-<place id>')."""
    places = year_places(ties, year)
    return add_markers(
        ax, places, rd_points(places), diameter, style=YEAR_STATE_STYLE, gid=f"tw-marker-{year}-{{}}", outline=outline
    )


@dataclass(frozen=True)
class YearFrame:
    """One frame of the animation: its year, the ids of the symbols drawn ('tw-marker-<year>-<place id>',
    one per place) and the picture (RGB, 1200 x 675 pixels)."""

    year: int
    markers: tuple[str, ...]
    image: Image.Image


def year_frames(
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    lang: Lang,
    source: str = "",
    years: Iterable[int] | None = None,
) -> list[YearFrame]:
    """The national map of each year (default: through_time.years()) at 1200 x 675 pixels: title, key with the
    rule for uncertain starts, credits and the map's base drawn once; per year only its symbols, the year and
    its counts, drawn over a copy of the base (blitting)."""
    years = list(through_time.years() if years is None else years)
    first, last = years[0], years[-1]
    with _LOCK, matplotlib.rc_context(rc_params()):
        fig = Figure(figsize=FIG_SIZE_IN, dpi=72, facecolor="white")
        canvas = FigureCanvasAgg(fig)
        title = t("through_time_title", lang, first=str(first), last=str(last))
        top = add_header(fig, canvas, title, t("through_time_subtitle", lang))
        ax = nl_axes(fig, top)
        nl_base(ax, provinces, municipalities, land)
        key = add_legend(fig, year_handles(lang), t("through_time_legend", lang), (24 / WIDTH_PT, top), "upper left")
        below = fig.transFigure.inverted().transform(key.get_window_extent(canvas.get_renderer()).p0)[1]
        note = wrapped(t("through_time_note", lang, n=str(through_time.unknown_starts(ties))), 34, 9)
        fig.text(
            24 / WIDTH_PT,
            below - 14 / HEIGHT_PT,
            note,
            fontsize=10,
            color=MUTED_COLOUR,
            va="top",
            linespacing=1.4,
            parse_math=False,
        )
        right = 1 - 24 / WIDTH_PT
        year_label = fig.text(
            right,
            top,
            "",
            fontsize=56,
            fontweight="bold",
            color=TEXT_COLOUR,
            ha="right",
            va="top",
            animated=True,
            parse_math=False,
        )
        count_label = fig.text(
            right,
            top - 72 / HEIGHT_PT,
            "",
            fontsize=13,
            color=TEXT_COLOUR,
            ha="right",
            va="top",
            animated=True,
            parse_math=False,
        )
        add_footer(fig, source_line("nl", lang, source))
        canvas.draw()
        base = canvas.copy_from_bbox(fig.bbox)
        frames = []
        for year in years:
            canvas.restore_region(base)
            symbols = draw_year(ax, ties, year, NL_MARKERS)
            year_label.set_text(str(year))
            count_label.set_text(through_time.counts_text(ties, year, lang))
            for artist in (*symbols, year_label, count_label):
                fig.draw_artist(artist)
            image = Image.fromarray(np.asarray(canvas.buffer_rgba())[..., :3].copy())
            frames.append(YearFrame(year, tuple(symbol.get_gid() for symbol in symbols), image))
            for symbol in symbols:
                symbol.remove()
        return frames


def frame_palette(frames: Sequence[Image.Image]) -> np.ndarray:
    """One palette for every frame, so a colour does not flicker from year to year: the picture's own colours
    exactly (white, land, lines, text, each state's symbol), the rest (the soft edges of lines, symbols and
    letters) from the first and last frames."""
    exact = ["#ffffff", LAND_COLOUR, TEXT_COLOUR, MUTED_COLOUR, MARKER_OUTLINE, "#4d4d4d", "#8c8c8c", "#cccccc"]
    exact += [colour for colour, _shape in YEAR_STATE_STYLE.values()]
    colours = list(dict.fromkeys(ImageColor.getrgb(colour) for colour in exact))
    first, last = frames[0], frames[-1]
    sample = Image.new("RGB", (first.width, first.height * 2), "white")
    sample.paste(first, (0, 0))
    sample.paste(last, (0, first.height))
    adaptive = sample.quantize(GIF_COLOURS - len(colours), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    flat = adaptive.getpalette()[: 3 * (GIF_COLOURS - len(colours))]
    colours += [tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)]
    return np.asarray(colours, dtype=np.uint8)


def with_palette(image: Image.Image, palette: np.ndarray) -> Image.Image:
    """`image` in `palette`'s colours, each pixel the nearest one exactly (Pillow's own mapping works on
    reduced colours, which turns white into the near-white beside it)."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int32)
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]
    found, inverse = np.unique(packed, return_inverse=True)
    rgb = np.stack([found >> 16, (found >> 8) & 255, found & 255], axis=1)
    nearest = ((rgb[:, None, :] - palette[None, :, :].astype(np.int32)) ** 2).sum(axis=2).argmin(axis=1)
    result = Image.fromarray(nearest[inverse].reshape(packed.shape).astype(np.uint8), "P")
    result.putpalette(palette.flatten().tolist())
    return result


def map_animation(
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    lang: Lang,
    fmt: AnimationFormat = "gif",
    source: str = "",
    frames: Sequence[YearFrame] | None = None,
) -> bytes:
    """The national map year by year from the first tie to the release (through_time.years()) as an animated
    GIF (64 colours) or WebP (lossless, full colour), 1200 x 675 pixels, FRAME_MS a year and the last year held
    LAST_FRAME_MS, looping. `frames` from year_frames, to write both formats from one drawing. Same input, same
    bytes."""
    if fmt not in ("gif", "webp"):
        raise ValueError(f"unknown animation format {fmt!r}; expected 'gif' or 'webp'")
    frames = frames or year_frames(ties, provinces, municipalities, lang, source)
    durations = [FRAME_MS] * (len(frames) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    if fmt == "gif":
        palette = frame_palette([frame.image for frame in frames])
        images = [with_palette(frame.image, palette) for frame in frames]
        images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=durations, loop=0)
    else:  # lossless in full colour: flat areas and unchanged pixels cost next to nothing
        images = [frame.image for frame in frames]
        images[0].save(
            out, "WEBP", save_all=True, append_images=images[1:], duration=durations, loop=0, lossless=True, method=4
        )
    return out.getvalue()


def map_small_multiples(
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    lang: Lang,
    fmt: Format = "png",
    source: str = "",
    years: Sequence[int] | None = None,
) -> bytes:
    """The national map in a few years side by side (default through_time.panel_years()), each panel with its
    year above and its counts below, one key with the rule for uncertain starts under them, title and credits:
    a PNG (2400 x 1040 px) or SVG (1200 x 520 pt). Same input, same bytes."""
    if fmt not in image_formats.NAMES:
        raise ValueError(f"unknown image format {fmt!r}; expected 'png' or 'svg'")
    years = tuple(through_time.panel_years() if years is None else years)
    height = PANEL_HEIGHT_PT
    with _LOCK, matplotlib.rc_context(rc_params()):
        fig = Figure(figsize=(WIDTH_PT / 72, height / 72), dpi=72, facecolor="white")
        canvas = FigureCanvasAgg(fig)
        listed = ", ".join(str(year) for year in years)
        top = add_header(
            fig, canvas, t("through_time_panels_title", lang, years=listed), t("through_time_subtitle", lang)
        )
        gap, margin = 16, 24
        width = (WIDTH_PT - 2 * margin - gap * (len(years) - 1)) / len(years)
        low, high = 140 / height, top - 36 / height
        for number, year in enumerate(years):
            x = (margin + number * (width + gap)) / WIDTH_PT
            ax = fig.add_axes((x, low, width / WIDTH_PT, high - low))
            nl_base(ax, provinces, municipalities, land)
            draw_year(ax, ties, year, PANEL_MARKERS, outline=0.8)
            middle = x + width / WIDTH_PT / 2
            fig.text(
                middle,
                top - 4 / height,
                str(year),
                fontsize=20,
                fontweight="bold",
                color=TEXT_COLOUR,
                ha="center",
                va="top",
                parse_math=False,
            )
            fig.text(
                middle,
                low - 4 / height,
                through_time.counts_text(ties, year, lang),
                fontsize=11,
                color=TEXT_COLOUR,
                ha="center",
                va="top",
                parse_math=False,
            )
        add_legend(
            fig,
            year_handles(lang),
            t("through_time_legend", lang),
            (margin / WIDTH_PT, 62 / height),
            "lower left",
            ncols=len(YEAR_KEY),
        )
        note = wrapped(t("through_time_note", lang, n=str(through_time.unknown_starts(ties))), 190, 2)
        fig.text(
            margin / WIDTH_PT,
            54 / height,
            note,
            fontsize=10,
            color=MUTED_COLOUR,
            va="top",
            linespacing=1.35,
            parse_math=False,
        )
        add_footer(fig, source_line("nl", lang, source))
        return saved(fig, fmt)
