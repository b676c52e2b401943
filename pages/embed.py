"""An embedded chart or map (?embed=true&show=<name>): only that element, with its title, legend and
source line, and a link back to the full view. app.py routes here; the selection comes from the URL."""

import streamlit as st

from twinnings import charts, embeds, filters, i18n, safe_text, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)
selected = ui.current_filter()
selection = filters.apply(selected, data.ties)
show = st.query_params.get("show", "")

if show == "map":
    map_view, credits, _labels = ui.home_map(selected.view, selected, selection, data, ui.profile_directory(lang), lang)
    st.markdown(f"**{i18n.t('app_title', lang)}** · {safe_text.markdown(charts.selection_text(selected, lang))}")
    ui.passive_map(map_view, 560, "embed_map")
    st.markdown(" · ".join(credits))
    title, page_path = i18n.t("map_frame_title", lang), ""
else:
    chart = charts.chart_for(show, data, selected, selection, lang)
    ui.chart_block(chart, lang, "png")
    title, page_path = chart.title, embeds.PAGE_OF.get(show, "")
full = embeds.url(ui.app_base(), page_path, embeds.params(selected, lang))
st.markdown(f"[{i18n.t('open_full_view', lang)} →](<{full}>)")
