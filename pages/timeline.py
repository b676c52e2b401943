"""Tijdlijn / Timeline: when ties began and ended, how many stood, and each tie's life with its events."""

import streamlit as st

from twinnings import charts, filters, i18n
from twinnings.ui import blocks, chrome, context, state

link = state.link("timeline")
lang = link.lang
data = context.dataset_or_stop(lang)
ties = filters.apply(link.filter, data.ties)

st.title(i18n.t("page_timeline", lang))
chrome.selection_heading(link.filter, ties, lang)
fmt = chrome.export_format(lang)
if ties.empty:
    st.info(i18n.t("selection_empty", lang))
    st.stop()
for build in (charts.begun_and_ended, charts.standing_over_time, charts.lifetimes):
    blocks.chart_block(build(ties, data.events, data.sources, link.filter, lang), link, fmt)
