"""A chart or a map with what comes beside it, the same way on every page and in every embed.
The assembly itself is `presentation` (shared with the static site); `render` calls these."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from twinnings import boundaries, charts, i18n, image_formats, presentation, routes, safe_text, through_time
from twinnings.blocks import ImageBlock
from twinnings.routes import Link
from twinnings.ui import context, links, state


def chart_block(kit: presentation.ChartKit, fmt: str, tools: bool = True) -> None:
    """A chart with its text alternative and, with `tools`, its data download, embed code and table.
    Downloads are named after the view (its selection, or a profile's place)."""
    lang = kit.embed.lang
    chart = kit.chart
    narrow = state.narrow()
    if narrow:
        chart = charts.compact(chart)
    opens_map = kit.embed.show in routes.YEAR_VIEWS and not kit.embed.place and not state.embedding()
    event = st.plotly_chart(
        chart.figure,
        theme=None,
        config=charts.export_config(kit.download_name, fmt, kit.height, lang),
        key=f"chart_{chart.name}",
        alt=kit.alt,
        on_select="rerun" if opens_map else "ignore",
        selection_mode="points",
    )
    if opens_map:
        open_map_of_year(event, lang)
        st.markdown(safe_text.markdown(i18n.t("chart_year_hint", lang)))  # a caption's grey fails contrast
    st.markdown(safe_text.markdown(chart.summary))
    if narrow and chart.notes:
        st.markdown(safe_text.markdown(" · ".join(chart.notes)))
    if not tools:
        return
    left, middle, right = st.columns([1, 1, 2])
    left.download_button(
        i18n.t("chart_data", lang), kit.csv, f"{kit.download_name}.csv", "text/csv", key=f"download_{chart.name}"
    )
    with middle.popover(i18n.t("embed", lang)):
        links.embed_code(kit.embed, chart.title, kit.height)
    with right.expander(i18n.t("chart_table", lang)):
        st.dataframe(chart.data, hide_index=True, width="stretch")


def open_map_of_year(event, lang: i18n.Lang) -> None:
    """A click on a year of a chart over the years opens the map in that year."""
    points = (event or {}).get("selection", {}).get("points", [])
    year = round(points[0]["x"]) if points and isinstance(points[0].get("x"), int | float) else None
    if year in through_time.years():
        st.session_state[state.YEAR_KEY] = year
        st.switch_page(routes.PAGE[routes.HOME].script, query_params=Link(lang=lang, year=year).query())


def home_map(link: Link, selection: pd.DataFrame, data, places: pd.DataFrame) -> presentation.HomeMap:
    """The home map of the view and selection in `link` (the map page and its embed)."""
    config = context.settings()

    def correct(tie_id: str) -> str:
        return links.correction_url("tie", tie_id, link.lang)

    return presentation.home_map(
        link,
        selection,
        data,
        places,
        config.tiles,
        context.map_boundaries(link.filter.view),
        links.profile_url_template(link.lang),
        correct,
    )


# A frame sits on its line's baseline: at Streamlit's font size the line box holds 8 px under it, until the
# page's style sheet aligns it to the top (assets/app/page.css); a larger font makes that gap larger.
FRAME_LINE_GAP = 8


def map_frame(view, height: int, key: str, returned_objects: list[str]):
    """A folium map in the app (streamlit-folium), what it returns. Its container has the map's height from
    the start: Streamlit draws the frame only once the component's script has arrived, and while the map
    loads streamlit-folium sets the frame to the height of its still empty page, nothing, so without it
    everything under the map would move down, up and down again."""
    with st.container(height=height + FRAME_LINE_GAP, border=False, key=f"tw-map-{key}"):
        return st_folium(
            view.base,
            feature_group_to_add=view.layers,
            height=height,
            use_container_width=True,
            returned_objects=returned_objects,
            key=key,
        )


def passive_map(view, height: int, key: str) -> None:
    """A map that reports nothing back to the page (a profile's map, an embedded map): no reruns on clicks."""
    map_frame(view, height, key, [])


def map_download(link: Link, selection: pd.DataFrame, fmt: str) -> None:
    """'Download kaart' as PNG or SVG at publication size, drawn on the server only when clicked; in the
    link's year when it has one (`selection` is today's ties)."""
    from twinnings import map_image

    lang, view = link.lang, link.filter.view
    geo_dir = context.settings().boundaries_dir
    title = f"{i18n.t('app_title', lang)}: {i18n.t(f'view_{view}', lang)}"
    subtitle = charts.selection_text(link.filter, lang)
    if link.year is not None:
        title = f"{title}, {link.year}"
        subtitle = f"{i18n.t('map_in_year', lang, year=str(link.year))} · {subtitle}"
    public = context.settings().public_url
    source = link.url(public) if public else ""

    def draw() -> bytes:
        return map_image.map_image(
            view,
            selection,
            boundaries.read_boundaries(geo_dir, "provinces"),
            boundaries.read_boundaries(geo_dir, "municipalities"),
            title,
            subtitle,
            source,
            lang,
            fmt=fmt,
            year=link.year,
        )

    st.download_button(
        i18n.t("download_map", lang, fmt=fmt.upper()),
        draw,
        f"{routes.export_name(f'stedenbanden-kaart-{view}', link)}.{fmt}",
        image_formats.BY_NAME[fmt].media_type,
        key=f"download_map_{fmt}",
        on_click="ignore",
    )


@st.cache_data(show_spinner=False, max_entries=8)  # both languages' GIF, PNG and SVG: a few MB at most
def through_time_file(stem: str, fmt: str, ties: pd.DataFrame, lang: i18n.Lang, geo_dir: str) -> bytes:
    """One file of the map through the years, drawn once per process and language (the data is read-only)."""
    folder = Path(geo_dir)
    shapes = (boundaries.read_boundaries(folder, "provinces"), boundaries.read_boundaries(folder, "municipalities"))
    return presentation.through_time_images(ties, *shapes, lang, wanted=((stem, fmt),))[stem, fmt]


def through_time_button(stem: str, fmt: str, text: str, ties: pd.DataFrame, lang: i18n.Lang) -> None:
    """A download of the map through the years, drawn only when clicked (then kept)."""
    geo_dir = str(context.settings().boundaries_dir)

    def draw() -> bytes:
        return through_time_file(stem, fmt, ties, lang, geo_dir)

    st.download_button(
        text,
        draw,
        f"stedenbanden-{stem}-{lang}.{fmt}",
        image_formats.MEDIA_TYPES[fmt],
        key=f"download_{stem}_{fmt}",
        on_click="ignore",
    )


def through_time_downloads(ties: pd.DataFrame, lang: i18n.Lang) -> None:
    """Beside the map's own downloads: the map through the years of all ties, as the animation (GIF) and the
    small multiples (PNG, SVG)."""
    years = through_time.years()
    st.caption(i18n.t("through_time_downloads_help", lang, first=str(years[0]), last=str(years[-1])))
    animation, panels = presentation.THROUGH_TIME_ANIMATION, presentation.THROUGH_TIME_PANELS
    through_time_button(animation, "gif", i18n.t("through_time_download_animation", lang, fmt="GIF"), ties, lang)
    for fmt in presentation.THROUGH_TIME_FILES[panels]:
        text = i18n.t("through_time_download_panels", lang, fmt=fmt.upper())
        through_time_button(panels, fmt, text, ties, lang)


def image_block(block: ImageBlock, ties: pd.DataFrame, lang: i18n.Lang) -> None:
    """A publication image (the static site's page of the map through the years shows them): the image, its
    caption and a download per format."""
    geo_dir = str(context.settings().boundaries_dir)
    shown = through_time_file(block.name, block.formats[0], ties, lang, geo_dir)
    st.image(shown, caption=block.caption)
    st.caption(safe_text.markdown(block.alt))
    for fmt in block.formats:
        through_time_button(block.name, fmt, fmt.upper(), ties, lang)
