"""What a map or chart is shown with, assembled once for both faces (the app and the static site).

A chart travels with its download name, its data, its text alternative and its embed link; a home
map with its credits and the hover labels that lead a click to a profile. The app's blocks and the
static site's pages call these functions, so the two cannot drift apart. Pure: no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from twinnings import charts, maps, provinces, routes, tables, through_time
from twinnings.i18n import Lang, t
from twinnings.routes import Link


@dataclass(frozen=True)
class ChartKit:
    """A chart and everything shown beside it."""

    chart: charts.Chart
    embed: Link
    download_name: str
    csv: bytes

    @property
    def alt(self) -> str:
        return f"{self.chart.title.rstrip('.?!')}. {self.chart.summary}"

    @property
    def height(self) -> int:
        return int(self.chart.figure.layout.height or charts.EXPORT_HEIGHT)


def chart_kit(chart: charts.Chart, link: Link, public_url: str | None = None) -> ChartKit:
    """`chart` as shown in the view `link`: download names carry the selection, and with a public
    address the source line inside the figure carries the permalink."""
    if public_url:
        chart = charts.with_source_suffix(chart, link.url(public_url))
    show = routes.show_of(chart.name)
    return ChartKit(chart, link.embed(show), routes.export_name(chart.name, link), tables.to_csv_bytes(chart.data))


def town_labels(places: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Hover labels of every municipality on the NL map: name and province."""
    towns = places[places["level"] == "gemeente"]
    names = provinces.names(lang)
    return {
        row.id: t("municipality_label", lang, name=row.name, province=names.get(row.province_id, ""))
        for row in towns.itertuples()
    }


@dataclass(frozen=True)
class HomeMap:
    view: maps.MapView
    credits: list[str]
    labels: dict[str, str]


def home_map(
    link: Link,
    selection: pd.DataFrame,
    data,
    places: pd.DataFrame,
    tiles: str,
    boundaries: tuple[dict | None, dict | None, maps.World | None],
    profile_url: maps.ProfileUrl,
    correction_of: Callable[[str], str] | None = None,
) -> HomeMap:
    """The home map of a view and selection (the app's map page and embed, the static site's maps), today or
    in the link's year: `boundaries` are (provinces, municipalities, world: the TopoJSON or its file's
    address); one selected province is zoomed to."""
    lang = link.lang
    selection = through_time.on_map(selection, link.year)
    province_shapes, municipalities, world = boundaries
    events_per_tie = data.events.groupby("tie_id").size()
    labels = town_labels(places, lang)
    if link.filter.view == "cn":
        view = maps.cn_view(
            selection, data.sources, lang, tiles, world, events_per_tie, profile_url, correction_of, link.year
        )
        credits = [t("world_credit", lang)] if world is not None else []
    else:
        chosen = link.filter.provinces
        bounds = maps.bounds_of(province_shapes, chosen[0]) if len(chosen) == 1 and province_shapes else None
        view = maps.nl_view(
            selection,
            data.sources,
            lang,
            tiles,
            province_shapes,
            municipalities,
            events_per_tie,
            profile_url,
            labels,
            bounds,
            correction_of,
            link.year,
        )
        credits = [t("boundaries_credit", lang)] if province_shapes is not None else []
    if tiles == "pdok":
        credits.append(t("tiles_credit_pdok", lang))
    return HomeMap(view, credits, labels)


# The map through the years as files: stem -> formats, the first the one a page shows. The stem is the file's
# name on the static site (under the language's folder) and, after 'stedenbanden-', a download's.
THROUGH_TIME_ANIMATION, THROUGH_TIME_PANELS = "through-time", "through-time-panels"
THROUGH_TIME_FILES = {THROUGH_TIME_ANIMATION: ("gif", "webp"), THROUGH_TIME_PANELS: ("png", "svg")}
THROUGH_TIME_SIZE = {THROUGH_TIME_ANIMATION: (1200, 675), THROUGH_TIME_PANELS: (1200, 520)}  # as shown, CSS px


def through_time_images(
    ties: pd.DataFrame,
    provinces: dict | None,
    municipalities: dict | None,
    lang: Lang,
    source: str = "",
    wanted: tuple[tuple[str, str], ...] | None = None,
) -> dict[tuple[str, str], bytes]:
    """The map through the years (`twinnings.map_image`) as (stem, format) -> bytes: every file of
    THROUGH_TIME_FILES, or the `wanted` ones. The animation's frames are drawn once for both its formats."""
    from twinnings import map_image

    wanted = wanted or tuple((stem, fmt) for stem, formats in THROUGH_TIME_FILES.items() for fmt in formats)
    frames = None
    files = {}
    for stem, fmt in wanted:
        if stem == THROUGH_TIME_ANIMATION:
            frames = frames or map_image.year_frames(ties, provinces, municipalities, lang, source)
            files[stem, fmt] = map_image.map_animation(ties, provinces, municipalities, lang, fmt, source, frames)
        elif stem == THROUGH_TIME_PANELS:
            files[stem, fmt] = map_image.map_small_multiples(ties, provinces, municipalities, lang, fmt, source)
        else:
            raise ValueError(f"unknown image {stem!r}; images: {', '.join(THROUGH_TIME_FILES)}")
    return files
