"""Kaart / Map: the Netherlands with every place that has or had a Chinese tie."""

import streamlit as st
from streamlit_folium import st_folium

from twinnings import boundaries, i18n, maps, ui
from twinnings.summary import key_figures

lang = ui.lang()
data = ui.dataset_or_stop(lang)
config = ui.settings()

st.title(i18n.t("app_title", lang))
st.caption(i18n.t("app_tagline", lang))

figures = key_figures(data.ties)
for column, (key, value) in zip(
    st.columns(5),
    [
        ("key_ties", figures.ties),
        ("key_active", figures.active),
        ("key_ended_since_2021", figures.ended_since_2021),
        ("key_nl_places", figures.nl_places),
        ("key_cn_places", figures.cn_places),
    ],
):
    column.metric(i18n.t(key, lang), value)

provinces = boundaries.read_boundaries(config.geo_dir, "provinces")
folium_map = maps.nl_map(data.ties, data.sources, lang, config.tiles, provinces)
st_folium(folium_map, height=640, use_container_width=True, returned_objects=[], key="nl_map")
credits = [i18n.t("map_caption", lang)]
if provinces is not None:
    credits.append(i18n.t("boundaries_credit", lang))
if config.tiles == "pdok":
    credits.append(i18n.t("tiles_credit_pdok", lang))
st.caption(" · ".join(credits))
