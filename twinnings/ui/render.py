"""The app's face of a page model: one Streamlit function per block kind (`twinnings.blocks`).

A page script builds its model (`twinnings.page_models`) and hands it to `page`; the static site renders
the same model through its templates, so the two faces show the same blocks in the same order. Every
block is drawn inside a container keyed `tw-block-<n>-<kind>`, which a browser test reads to compare
the faces. Record text goes through `safe_text` (Streamlit reads Markdown in text elements).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from twinnings import (
    filters,
    i18n,
    image_formats,
    maps,
    page_models,
    profiles,
    routes,
    safe_text,
    site_render,
    tables,
    through_time,
)
from twinnings.blocks import (
    ChartBlock,
    Details,
    Downloads,
    Figures,
    Heading,
    ImageBlock,
    Links,
    MapBlock,
    Notice,
    PageModel,
    PlaceSearch,
    Sources,
    Table,
    Text,
)
from twinnings.load import Dataset
from twinnings.routes import Link
from twinnings.ui import blocks as ui_blocks
from twinnings.ui import chrome, context, links, state, year_control

MAP_HEIGHT = 620
PHONE_MAP_HEIGHT = 440  # shorter than a phone's screen, so a thumb can still scroll past the map
EMBED_MAP_HEIGHT = 560  # the map's height on an embed page; its snippet's frame fits it
PLACE_MAP_HEIGHT = 380


def page(
    model: PageModel,
    data: Dataset,
    places: pd.DataFrame,
    fmt: str = image_formats.DEFAULT,
    top=None,
    headed: bool = False,
) -> None:
    """The whole model: title and lead (into `top`, a container the page made before its controls, so
    they come first; not again when the page `headed` itself), then each block in order."""
    if not headed:
        title_and_lead(model, top)
    for number, block in enumerate(model.blocks):
        with st.container(key=f"tw-block-{number}-{block.kind}"):
            RENDERERS[block.kind](block, model, data, places, fmt)


def title_and_lead(model: PageModel, top=None) -> None:
    """The title and lead (none in an embed). A page that writes them before anything else under them
    keeps that from moving when they arrive."""
    if model.link.embedded:
        return
    with top if top is not None else st.container():
        st.title(safe_text.markdown(model.title))
        if model.lead:
            st.markdown(f"**{safe_text.markdown(model.lead)}**")


def text(block: Text, model: PageModel, *_) -> None:
    shown = safe_text.markdown(block.text)
    st.markdown(f"**{shown}**" if block.strong else shown)


def heading(block: Heading, *_) -> None:
    st.header(safe_text.markdown(block.text), anchor=block.anchor or False)


def figures(block: Figures, *_) -> None:
    """The key figures in one line of text, on every screen: short on a phone, and Markdown, whose script the
    page has already loaded (Streamlit's metrics load theirs when the page first shows one, and held a 40 px line
    that grew to 76 px and pushed everything under them down)."""
    st.markdown(" · ".join(f"**{value}** {safe_text.markdown(name)}" for name, value in block.items))


def search(block: PlaceSearch, model: PageModel, data: Dataset, places: pd.DataFrame, fmt: str) -> None:
    links.profile_search(places, model.link.lang, block.label, block.help, key=f"search_{model.page_kind}")


def map_block(block: MapBlock, model: PageModel, data: Dataset, places: pd.DataFrame, fmt: str) -> None:
    lang = model.link.lang
    if block.place:
        shown = through_time.on_map(profiles.build(data, places, block.place, lang).shown_ties, block.link.year)
        view = maps.cn_view(
            shown,
            data.sources,
            lang,
            context.settings().tiles,
            context.map_boundaries("cn")[2],
            profile_url=links.profile_url_template(lang),
            year=block.link.year,
        )
        ui_blocks.passive_map(view, PLACE_MAP_HEIGHT, "profile_map")
        year_control.controls(lang)
    elif model.link.embedded:
        selection = filters.apply(block.link.filter, data.ties)
        home = ui_blocks.home_map(block.link, selection, data, places)
        ui_blocks.passive_map(home.view, EMBED_MAP_HEIGHT, "embed_map")
    else:
        home_map(block, model, data, places)
    notes = list(block.notes)
    if context.settings().tiles == "pdok":
        notes.append(i18n.t("tiles_credit_pdok", lang))
    if notes:
        st.markdown(safe_text.markdown(" · ".join(notes)))


def home_map(block: MapBlock, model: PageModel, data: Dataset, places: pd.DataFrame) -> None:
    """The explorer's map: the view switch, the map (a click on a town opens its profile, on a place
    shows its ties), its year, and the reporter's tools: copy link, embed, PNG and SVG at publication size."""
    lang = model.link.lang
    view = st.segmented_control(
        i18n.t("view", lang),
        filters.VIEWS,
        default=None if state.WIDGET["view"] in st.session_state else "nl",
        format_func=lambda v: i18n.t(f"view_{v}", lang),
        key=state.WIDGET["view"],
        required=True,
        persist_state="session",
        label_visibility="collapsed",
    )
    link = replace(block.link, filter=replace(block.link.filter, view=view))
    selection = filters.apply(link.filter, data.ties)
    home = ui_blocks.home_map(link, selection, data, places)
    st.markdown(f"[{i18n.t('skip_map', lang)}](#{page_models.MAP_TABLE_ANCHOR})")
    height = PHONE_MAP_HEIGHT if state.narrow() else MAP_HEIGHT
    clicked = ui_blocks.map_frame(home.view, height, f"map_{view}", ["last_object_clicked_tooltip"])
    year_control.controls(lang)  # under the map, as on a profile: on a phone the map starts in the first screen
    tools = st.columns([1, 1, 1.5, 1.5, 1.5])  # wide enough for "Download kaart (PNG)", "Kaart door de jaren"
    with tools[0]:
        links.copy_link_button(lang)
    with tools[1].popover(i18n.t("embed", lang)):
        links.embed_code(link.embed("map"), block.title, EMBED_MAP_HEIGHT)
    for column, image_format in zip(tools[2:4], image_formats.NAMES):
        with column:
            ui_blocks.map_download(link, selection, image_format)
    with tools[4].popover(i18n.t("through_time_button", lang)):
        ui_blocks.through_time_downloads(data.ties, lang)
    tooltip = (clicked or {}).get("last_object_clicked_tooltip")
    town = maps.clicked_town(home.labels, tooltip) if view == "nl" else None
    if town:
        st.switch_page(routes.PAGE["profile"].script, query_params=Link(page="profile", place=town, lang=lang).query())
    selection = through_time.on_map(selection, link.year)  # what the map shows, for a click on it
    place = maps.clicked_place(selection, lang, tooltip)
    if place:
        side, place_id = place
        name = profiles.name_of(places, place_id) or place_id
        st.header(safe_text.markdown(i18n.t("selected_place", lang, name=name)), anchor=False)
        place_ties = selection[selection[f"{side}_place_id"] == place_id]
        st.dataframe(tables.ties_table(place_ties, lang).drop(columns=["id"]), hide_index=True, width="stretch")
        links.profile_link(place_id, i18n.t("open_profile", lang, name=name), lang)


def chart(block: ChartBlock, model: PageModel, data: Dataset, places: pd.DataFrame, fmt: str) -> None:
    ui_blocks.chart_block(block.kit, fmt, block.tools)


def image(block: ImageBlock, model: PageModel, data: Dataset, places: pd.DataFrame, fmt: str) -> None:
    ui_blocks.image_block(block, data.ties, model.link.lang)


def table(block: Table, model: PageModel, data: Dataset, places: pd.DataFrame, fmt: str) -> None:
    """A grid with its link columns (profile, correction) and its CSV; the map's table as a plain table,
    so the home page does not load the data grid while the map draws."""
    lang = model.link.lang
    frame = block.frame
    columns: dict = {}
    if block.ids:  # the record's id, hidden: what a chosen row and a test read
        frame = frame.assign(id=list(block.ids))
        columns["id"] = None
    if block.profiles:
        profile = i18n.t("col_profile", lang)
        frame = frame.assign(**{profile: [tables.profile_href(place, lang) for place in block.profiles]})
        columns[profile] = links.profile_link_column(lang)
    if block.sources:
        source = i18n.t("col_source", lang)
        frame = frame.assign(**{source: list(block.sources)})
        columns[source] = st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)")
    if block.records:
        correction = i18n.t("col_correction", lang)
        frame = frame.assign(**{correction: [links.correction_url(block.records, i, lang) for i in block.ids]})
        columns[correction] = links.correction_column(lang)
    if not block.grid:
        st.html(site_render.plain_table(frame.drop(columns=["id"], errors="ignore"), block.caption))
    elif block.records == "event":
        event_table(block, frame, columns, model, data)
    else:
        st.dataframe(frame, hide_index=True, width="stretch", column_config=columns, key=f"table_{block.csv_name}")
    st.download_button(
        i18n.t("download_table", lang),
        tables.to_csv_bytes(block.frame),
        f"{block.csv_name}.csv",
        "text/csv",
        key=f"csv_{block.csv_name}",
    )


def event_table(block: Table, frame: pd.DataFrame, columns: dict, model: PageModel, data: Dataset) -> None:
    """Events: a chosen row opens its full summary, who acted, and its sources."""
    lang = model.link.lang
    picked = st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key=f"table_{block.csv_name}",
        column_config=columns,
    )
    st.markdown(i18n.t("events_row_hint", lang))
    rows = picked.selection.rows if picked else []
    if not rows or rows[0] >= len(block.ids):
        return
    event_id = block.ids[rows[0]]
    event = data.events.set_index("id").loc[event_id]
    with st.container(border=True):
        st.markdown(f"**{safe_text.markdown(event[f'title_{lang}'])}**")
        st.markdown(safe_text.markdown(f"{event['date']} · {i18n.label('event', event['type'], lang)}"))
        st.markdown(safe_text.markdown(event[f"summary_{lang}"]))
        if event["actors"]:
            actors = ", ".join(i18n.label("actor", code, lang) for code in event["actors"].split())
            names = f" ({event['actor_names']})" if event["actor_names"] else ""
            st.markdown(safe_text.markdown(f"{i18n.t('col_actors', lang)}: {actors}{names}"))
        st.markdown(tables.source_links_markdown(event["source_ids"], data.sources))


def sources(block: Sources, *_) -> None:
    st.markdown(tables.entries_markdown(block.entries))


def link_list(block: Links, model: PageModel, *_) -> None:
    for label, target in block.items:
        links.view_link(target, label, model.link)


def details(block: Details, model: PageModel, *_) -> None:
    with st.expander(safe_text.markdown(block.summary)):
        if block.document:
            st.markdown(block.text)  # the data package's own Markdown document, not record text
        else:
            for paragraph in block.text.split("\n\n"):
                st.markdown(safe_text.markdown(paragraph))
        for label, target in block.links:
            links.view_link(target, label + " →", model.link)


def notice(block: Notice, *_) -> None:
    st.info(safe_text.markdown(block.text))


def downloads(block: Downloads, model: PageModel, *_) -> None:
    """The data package's files, each a download; the zip holds them all."""
    lang = model.link.lang
    data_dir = context.settings().data_dir
    for column, name in zip(st.columns(3) * ((len(block.files) + 2) // 3), block.files):
        content = (
            context.package_zip(str(data_dir)) if name == page_models.PACKAGE_ZIP else (data_dir / name).read_bytes()
        )
        column.download_button(name, content, name, key=f"download_{name}", help=i18n.t("downloads", lang))


RENDERERS = {
    "text": text,
    "heading": heading,
    "figures": figures,
    "search": search,
    "map": map_block,
    "chart": chart,
    "image": image,
    "table": table,
    "sources": sources,
    "links": link_list,
    "details": details,
    "notice": notice,
    "downloads": downloads,
}


def app_page(model: PageModel, data: Dataset, places: pd.DataFrame, top=None, headed: bool = False) -> None:
    """`page` with the export format control the charts' camera button follows, when the page has charts:
    under the title and lead, which come first."""
    if not headed:
        title_and_lead(model, top)
    fmt = chrome.export_format(model.link.lang) if "chart" in model.kinds else image_formats.DEFAULT
    page(model, data, places, fmt, headed=True)
