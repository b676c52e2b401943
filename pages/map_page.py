"""Kaart / Map: the Netherlands, or the arcs to China, for the ties in the current selection."""

import html
from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from twinnings import filters, i18n, maps, routes, safe_text, tables
from twinnings.routes import Link
from twinnings.summary import key_figures
from twinnings.ui import blocks, chrome, context, links, state

MAP_TABLE_ANCHOR = "kaart-als-tabel"
EMBED_MAP_HEIGHT = 560  # the map's height on the embed page (pages/embed.py)
MAP_HEIGHT = 620
PHONE_MAP_HEIGHT = 440  # shorter than a phone's screen, so a thumb can still scroll past the map

link = state.link("map")
lang = link.lang
data = context.dataset_or_stop(lang)
selected = link.filter
selection = filters.apply(selected, data.ties)
places = context.profile_directory(lang)

# Phone first: title, one line, the way to a place, the figures, then the map; the orientation folds away.
st.title(i18n.t("app_title", lang))
st.markdown(i18n.t("app_tagline", lang))
chrome.map_intro(lang)
links.profile_search(places, lang, key="home_q", label_key="home_search")
chrome.selection_heading(selected, selection, lang)

chrome.key_figures_block(key_figures(selection), lang)

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
link = replace(link, filter=replace(selected, view=view))
if selection.empty:
    st.info(i18n.t("selection_empty", lang))

home = blocks.home_map(link, selection, data, places)
st.markdown(f"[{i18n.t('skip_map', lang)}](#{MAP_TABLE_ANCHOR})")
clicked = st_folium(
    home.view.base,
    feature_group_to_add=home.view.layers,
    height=PHONE_MAP_HEIGHT if state.narrow() else MAP_HEIGHT,
    use_container_width=True,
    returned_objects=["last_object_clicked_tooltip"],
    key=f"map_{view}",
)
st.markdown(" · ".join([i18n.t("map_caption", lang), i18n.t("map_keys", lang), *home.credits]))

tools = st.columns([1, 1, 1.5, 1.5, 1])  # wide enough for 'Download kaart (PNG)' in full
with tools[0]:
    links.copy_link_button(lang)
with tools[1].popover(i18n.t("embed", lang)):
    links.embed_code(link.embed("map"), i18n.t("map_frame_title", lang), EMBED_MAP_HEIGHT)
for column, fmt in zip(tools[2:4], ("png", "svg")):
    with column:
        blocks.map_download(link, selection, fmt)

tooltip = (clicked or {}).get("last_object_clicked_tooltip")
town = maps.clicked_town(home.labels, tooltip) if view == "nl" else None
if town:
    profile = Link(page="profile", place=town, lang=lang)
    st.switch_page(routes.PAGE["profile"].script, query_params=profile.query())
place = maps.clicked_place(selection, lang, tooltip)
if place:
    side, place_id = place
    place_ties = selection[selection[f"{side}_place_id"] == place_id]
    name = html.unescape(tooltip).strip()
    st.header(safe_text.markdown(i18n.t("selected_place", lang, name=name)), anchor=False)
    st.dataframe(tables.ties_table(place_ties, lang), hide_index=True, width="stretch")
    links.profile_link(place_id, i18n.t("open_profile", lang, name=name), lang)

st.header(i18n.t("map_table", lang), anchor=MAP_TABLE_ANCHOR)
st.write(i18n.t("map_table_intro", lang))
map_table = tables.map_table(selection, lang)
st.html(tables.html_table(map_table, i18n.t("map_table_caption", lang, n=len(map_table))))
st.download_button(
    i18n.t("download_map_table", lang),
    tables.to_csv_bytes(map_table),
    "stedenbanden-nl-cn-map.csv",
    "text/csv",
)
