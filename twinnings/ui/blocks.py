"""A chart or a map with what comes beside it, the same way on every page and in every embed.
The assembly itself is `presentation` (shared with the static site); `render` calls these."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from twinnings import boundaries, charts, i18n, image_formats, presentation, routes, safe_text
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
    st.plotly_chart(
        chart.figure,
        theme=None,
        config=charts.export_config(kit.download_name, fmt, kit.height, lang),
        key=f"chart_{chart.name}",
        alt=kit.alt,
    )
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
    """'Download kaart' as PNG or SVG at publication size, drawn on the server only when clicked."""
    from twinnings import map_image

    lang, view = link.lang, link.filter.view
    geo_dir = context.settings().boundaries_dir
    title = f"{i18n.t('app_title', lang)}: {i18n.t(f'view_{view}', lang)}"
    subtitle = charts.selection_text(link.filter, lang)
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
        )

    st.download_button(
        i18n.t("download_map", lang, fmt=fmt.upper()),
        draw,
        f"{routes.export_name(f'stedenbanden-kaart-{view}', link)}.{fmt}",
        image_formats.BY_NAME[fmt].media_type,
        key=f"download_map_{fmt}",
        on_click="ignore",
    )
