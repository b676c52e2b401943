"""Gebeurtenissen / Events: what happened around the ties in the selection, who acted, with sources."""

from dataclasses import replace

import streamlit as st

from twinnings import charts, filters, i18n, safe_text, tables
from twinnings.ui import blocks, chrome, context, links, state

link = state.link("events")
lang = link.lang
data = context.dataset_or_stop(lang)
selected = link.filter
ties = filters.apply(selected, data.ties)

st.title(i18n.t("page_events", lang))
chrome.selection_heading(selected, ties, lang)
st.markdown(i18n.t("events_intro", lang))

link = replace(link, events=chrome.event_filters(lang))
left, right = st.columns([2, 1])
with left:
    include_context = st.toggle(i18n.t("include_context", lang), value=True, key="w_context")
with right:
    fmt = chrome.export_format(lang)

events = filters.apply_events(link.events, filters.events_in(selected, data.events, ties, data.places, include_context))
if events.empty:
    st.info(i18n.t("events_none", lang))

table = tables.events_table(events, data.ties, data.places, data.sources, lang)
picked = st.dataframe(
    table.drop(columns=[i18n.t("col_sources", lang)]),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="events_table",
    column_config={
        i18n.t("col_source", lang): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
        "id": None,
    },
)
st.markdown(i18n.t("events_row_hint", lang))
rows = picked.selection.rows if picked else []
if rows and rows[0] < len(table):
    event = data.events.set_index("id").loc[table.iloc[rows[0]]["id"]]
    with st.container(border=True):
        st.markdown(f"**{safe_text.markdown(event[f'title_{lang}'])}**")
        st.markdown(safe_text.markdown(f"{event['date']} · {i18n.label('event', event['type'], lang)}"))
        st.markdown(safe_text.markdown(event[f"summary_{lang}"]))
        if event["actors"]:
            actors = ", ".join(i18n.label("actor", code, lang) for code in event["actors"].split())
            names = f" ({event['actor_names']})" if event["actor_names"] else ""
            st.markdown(safe_text.markdown(f"{i18n.t('col_actors', lang)}: {actors}{names}"))
        st.markdown(tables.source_links_markdown(event["source_ids"], data.sources))
        links.correction_link("event", table.iloc[rows[0]]["id"], lang)
st.download_button(
    i18n.t("download_events_csv", lang), tables.to_csv_bytes(table), "stedenbanden-nl-cn-events.csv", "text/csv"
)

if not events.empty:
    subtitle = charts.selection_text(selected, lang, link.events)
    blocks.chart_block(charts.events_by_type_and_year(events, data.sources, subtitle, lang), link, fmt)
    blocks.chart_block(charts.events_by_actor(events, data.sources, subtitle, lang), link, fmt)
st.header(i18n.t("amounts", lang))
amounts = tables.amounts_table(events, data.ties, lang)
if amounts.empty:
    st.markdown(i18n.t("no_amounts", lang))
else:
    st.dataframe(amounts, hide_index=True, width="stretch")
