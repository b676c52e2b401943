"""An embedded chart or map (?embed=true&show=<name>): only that element, with its title, legend and
source line, and a link back to the full view. app.py routes here; the view comes from the address."""

import streamlit as st

from twinnings import charts, filters, i18n, profiles, routes, safe_text
from twinnings.ui import blocks, context, links, state

link = state.link()
lang = link.lang
data = context.dataset_or_stop(lang)
selection = filters.apply(link.filter, data.ties)
if selection.empty and link.show in routes.TIE_VIEWS and not link.place:
    st.info(i18n.t("selection_empty", lang))

if link.show == "map":
    home = blocks.home_map(link, selection, data, context.profile_directory(lang))
    st.markdown(f"**{i18n.t('app_title', lang)}** · {safe_text.markdown(charts.selection_text(link.filter, lang))}")
    blocks.passive_map(home.view, 560, "embed_map")  # map_page.EMBED_MAP_HEIGHT: its snippet's frame fits it
    st.markdown(" · ".join(home.credits))
elif link.place:  # a profile's own chart, whatever the filters
    profile = profiles.build(data, context.profile_directory(lang), link.place, lang)
    if profile is None:
        st.warning(safe_text.markdown(i18n.t("profile_unknown_place", lang, code=safe_text.shorten(link.place, 20))))
        st.stop()
    blocks.chart_block(charts.place_lifetimes(profile, data.events, data.sources, lang), link, "png")
else:
    chart = charts.chart_for(link.show, data, link.filter, selection, lang, link.events)
    if chart.data.empty and link.show in routes.EVENT_VIEWS:
        st.info(i18n.t("events_none", lang))
    blocks.chart_block(chart, link, "png")
full = link.full_view().url(links.app_root())
st.markdown(f"[{i18n.t('open_full_view', lang)} →](<{full}>)")
