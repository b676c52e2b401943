"""Kaart / Map: the Netherlands, or the arcs to China, for the ties in the current selection."""

import html

import streamlit as st
from streamlit_folium import st_folium

from twinnings import filters, i18n, maps, safe_text, tables, ui
from twinnings.summary import key_figures

MAP_TABLE_ANCHOR = "kaart-als-tabel"

lang = ui.lang()
data = ui.dataset_or_stop(lang)
config = ui.settings()
selected = ui.current_filter()
selection = filters.apply(selected, data.ties)
places = ui.profile_directory(lang)

st.title(i18n.t("app_title", lang))
st.markdown(i18n.t("app_tagline", lang))
ui.map_intro(lang)
ui.selection_heading(selected, selection, lang)

ui.key_figures_block(key_figures(selection), lang)

view = st.segmented_control(
    i18n.t("view", lang),
    filters.VIEWS,
    default=None if ui.WIDGET["view"] in st.session_state else "nl",
    format_func=lambda v: i18n.t(f"view_{v}", lang),
    key=ui.WIDGET["view"],
    required=True,
    persist_state="session",
    label_visibility="collapsed",
)
if selection.empty:
    st.info(i18n.t("selection_empty", lang))

map_view, credits, labels = ui.home_map(view, selected, selection, data, places, lang)

tools = st.columns([1, 1, 1, 1, 2])
with tools[0]:
    ui.copy_link_button(lang)
with tools[1].popover(i18n.t("embed", lang)):
    ui.embed_code("map", i18n.t("map_frame_title", lang), "", lang)
for column, fmt in zip(tools[2:4], ("png", "svg")):
    with column:
        ui.map_download(view, selected, selection, lang, fmt)
st.markdown(f"[{i18n.t('skip_map', lang)}](#{MAP_TABLE_ANCHOR})")
clicked = st_folium(
    map_view.base,
    feature_group_to_add=map_view.layers,
    height=620,
    use_container_width=True,
    returned_objects=["last_object_clicked_tooltip"],
    key=f"map_{view}",
)
st.markdown(" · ".join([i18n.t("map_caption", lang), i18n.t("map_keys", lang), *credits]))

tooltip = (clicked or {}).get("last_object_clicked_tooltip")
town = maps.clicked_town(labels, tooltip) if view == "nl" else None
if town:
    st.switch_page(ui.PROFILE_PAGE, query_params=ui.profile_params(town, lang))
place = maps.clicked_place(selection, lang, tooltip)
if place:
    side, place_id = place
    place_ties = selection[selection[f"{side}_place_id"] == place_id]
    name = html.unescape(tooltip).strip()
    st.header(safe_text.markdown(i18n.t("selected_place", lang, name=name)), anchor=False)
    st.dataframe(tables.ties_table(place_ties, lang), hide_index=True, width="stretch")
    ui.profile_page_link(place_id, i18n.t("open_profile", lang, name=name), lang)

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
