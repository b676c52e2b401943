"""The house style that maps, charts and map images share: one state, one colour and shape everywhere.

Kept apart from the builders so that a chart does not load folium, and a map image does not load the
interactive map, to learn what colour "ended" is.
"""

from __future__ import annotations

import plotly.colors

# What a tie shows (model.STATES: its use band when in force, else its standing), one colour and shape
# each, Okabe–Ito based and told apart by shape as well, so the map also reads in grey: in force is a
# circle that pales with the years since its last use (an undated one is a triangle), dormant a square,
# ended a diamond.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "in_use": ("#0072B2", "circle"),
    "fading": ("#56B4E9", "circle"),
    "silent": ("#8C8C8C", "circle"),
    "undated": ("#8C8C8C", "triangle"),
    "dormant": ("#E69F00", "square"),
    "ended": ("#D55E00", "diamond"),
}
STATUS_COLOURS = {state: colour for state, (colour, _shape) in STATUS_STYLE.items()}
# What a tie was in a chosen year (through_time.YEAR_STATES), in the same language of shapes: standing ties
# are circles (new ones green), an uncertain start a triangle, an ending a diamond (grey when its year is
# unknown).
YEAR_STATE_STYLE: dict[str, tuple[str, str]] = {
    "new": ("#009E73", "circle"),
    "in_force": ("#0072B2", "circle"),
    "perhaps_begun": ("#56B4E9", "triangle"),
    "ended": STATUS_STYLE["ended"],
    "ended_unknown_year": ("#8C8C8C", "diamond"),
}
# Every state a map can draw, today's and a year's.
STATE_STYLE = {**STATUS_STYLE, **YEAR_STATE_STYLE}
# Filled shapes in charts (bars, areas) cannot show the map's shapes: ended is crossed, and undated, the
# grey of silent, dotted, so the two greys are told apart.
STATUS_FILL_PATTERN = {"ended": "x", "undated": "."}
STATUS_DASH = {
    "in_use": None,
    "fading": "8 3",
    "silent": "1 3",
    "undated": "1 3",
    "dormant": "6 4",
    "ended": "2 4",
    **{"new": None, "in_force": None, "perhaps_begun": "8 3", "ended_unknown_year": "2 4"},  # a year's
}
# Arcs are thin lines: darker shades of the same hues keep 3:1 against land, sea and China (WCAG 1.4.11).
ARC_COLOURS = {
    "in_use": "#0072B2",
    "fading": "#2B7BB0",
    "silent": "#666666",
    "undated": "#666666",
    "dormant": "#A66300",
    "ended": "#C24E00",
    **{"new": "#007A5A", "in_force": "#0072B2", "perhaps_begun": "#2B7BB0", "ended_unknown_year": "#666666"},
}
MARKER_OUTLINE = "#1a1a1a"
# Which state a place with several ties shows: the most alive one.
STATUS_RANK = {
    **{state: rank for rank, state in enumerate(("in_use", "dormant", "fading", "silent", "undated", "ended"))},
    **{"new": 0, "in_force": 1, "perhaps_begun": 2, "ended_unknown_year": 6},  # a year's; "ended" stays 5
}

# Ties per province: classes and a sequential, colour-blind-safe purple scale (ColorBrewer via plotly).
CHOROPLETH_BREAKS = ((0, 0), (1, 1), (2, 3), (4, 6), (7, 10_000))
CHOROPLETH_COLOURS = [
    "#f7f7f7",
    *plotly.colors.sample_colorscale(plotly.colors.sequential.Purples, [0.2, 0.4, 0.6, 0.8]),
]
SEA_COLOUR = "#e3ebf0"
HIGHLIGHT = "#fde9a9"  # behind a selected row in a chart: light, so the bars keep their contrast


def choropleth_class(count: int) -> int:
    """The class (0 = none) a province with `count` ties falls in."""
    return next(i for i, (low, high) in enumerate(CHOROPLETH_BREAKS) if low <= count <= high)
