"""Tijdlijn / Timeline: when ties began and ended, how many stood, and each tie's life with its events."""

import streamlit as st

from twinnings import charts, filters, i18n, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)
selected = ui.current_filter()
ties = filters.apply(selected, data.ties)

st.title(i18n.t("page_timeline", lang))
ui.selection_heading(selected, ties, lang)
fmt = ui.export_format(lang)
if ties.empty:
    st.info(i18n.t("selection_empty", lang))
    st.stop()
for build in (charts.begun_and_ended, charts.standing_over_time, charts.lifetimes):
    ui.chart_block(build(ties, data.events, data.sources, selected, lang), lang, fmt, "tijdlijn")
