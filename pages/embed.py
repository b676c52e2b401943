"""An embedded chart or map (?embed=true&show=<name>): only that element, with its title, legend and
source line, and a link back to the full view. app.py routes here; the selection comes from the URL."""

import streamlit as st

from twinnings import charts, embeds, filters, i18n, profiles, safe_text, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)
selected = ui.current_filter()
selection = filters.apply(selected, data.ties)
show = st.query_params.get("show", "")
place_id = st.query_params.get("place", "") if show == "lifetimes" else ""

if show == "map":
    map_view, credits, _labels = ui.home_map(selected.view, selected, selection, data, ui.profile_directory(lang), lang)
    st.markdown(f"**{i18n.t('app_title', lang)}** · {safe_text.markdown(charts.selection_text(selected, lang))}")
    ui.passive_map(map_view, 560, "embed_map")
    st.markdown(" · ".join(credits))
    page_path = ""
elif place_id:  # a profile's own chart, whatever the filters
    profile = profiles.build(data, ui.profile_directory(lang), place_id, lang)
    if profile is None:
        st.warning(safe_text.markdown(i18n.t("profile_unknown_place", lang, code=safe_text.shorten(place_id, 20))))
        st.stop()
    chart = charts.place_lifetimes(profile, data.events, data.sources, lang)
    ui.chart_block(chart, lang, "png", "profiel", place_id)
    page_path = "profiel"
else:
    chart = charts.chart_for(show, data, selected, selection, lang)
    ui.chart_block(chart, lang, "png")
    page_path = embeds.PAGE_OF.get(show, "")
shown, extra = ui.shown_selection(place_id)
full = embeds.url(ui.app_base(), page_path, embeds.params(shown, lang, extra))
st.markdown(f"[{i18n.t('open_full_view', lang)} →](<{full}>)")
