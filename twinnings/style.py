"""The house style that maps, charts and map images share: one status, one colour and shape everywhere.

Kept apart from the builders so that a chart does not load folium, and a map image does not load the
interactive map, to learn what colour "ended" is.
"""

from __future__ import annotations

import plotly.colors

# Okabe–Ito colours, told apart by shape as well so the map also reads in grey.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "active": ("#0072B2", "circle"),
    "dormant": ("#E69F00", "square"),
    "ended": ("#D55E00", "diamond"),
    "unknown": ("#7F7F7F", "triangle"),
}
STATUS_COLOURS = {status: colour for status, (colour, _shape) in STATUS_STYLE.items()}
STATUS_DASH = {"active": None, "dormant": "6 4", "ended": "2 4", "unknown": "1 3"}
# Arcs are thin lines: darker shades of the same hues keep 3:1 against land, sea and China (WCAG 1.4.11).
ARC_COLOURS = {"active": "#0072B2", "dormant": "#A66300", "ended": "#C24E00", "unknown": "#666666"}
MARKER_OUTLINE = "#1a1a1a"
# Which status a place with several ties shows: the most alive one.
STATUS_RANK = {status: rank for rank, status in enumerate(("active", "dormant", "unknown", "ended"))}

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
