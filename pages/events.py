"""Gebeurtenissen / Events: what happened around the ties in the selection, with sources."""

import streamlit as st

from twinnings import charts, filters, i18n, model, safe_text, tables, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)
selected = ui.current_filter()
ties = filters.apply(selected, data.ties)

st.title(i18n.t("page_events", lang))
ui.selection_heading(selected, ties, lang)
st.write(i18n.t("events_intro", lang))

left, middle, right = st.columns([2, 2, 1])
types = left.multiselect(
    i18n.t("filter_event_type", lang),
    model.EVENT_TYPES,
    format_func=lambda v: i18n.label("event", v, lang),
    placeholder=i18n.t("all", lang),
    key="w_event_type",
)
directions = middle.multiselect(
    i18n.t("filter_direction", lang),
    model.DIRECTIONS,
    format_func=lambda v: i18n.label("direction", v, lang),
    placeholder=i18n.t("all", lang),
    key="w_direction",
)
with right:
    include_context = st.toggle(i18n.t("include_context", lang), value=True, key="w_context")
    fmt = ui.export_format(lang)

events = filters.events_in(selected, data.events, ties, data.places, include_context)
if types:
    events = events[events["type"].isin(types)]
if directions:
    events = events[events["direction"].isin(directions)]

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
rows = picked.selection.rows if picked else []
if rows:
    event = data.events.set_index("id").loc[table.iloc[rows[0]]["id"]]
    with st.container(border=True):
        st.markdown(f"**{safe_text.markdown(event[f'title_{lang}'])}**")
        st.markdown(safe_text.markdown(f"{event['date']} · {i18n.label('event', event['type'], lang)}"))
        st.markdown(safe_text.markdown(event[f"summary_{lang}"]))
        st.markdown(tables.source_links_markdown(event["source_ids"], data.sources))
st.download_button(
    i18n.t("download_events_csv", lang), tables.to_csv_bytes(table), "stedenbanden-nl-cn-events.csv", "text/csv"
)

if not events.empty:
    ui.chart_block(
        charts.events_by_type_and_year(events, data.sources, charts.selection_text(selected, lang), lang), lang, fmt
    )
st.header(i18n.t("amounts", lang))
amounts = tables.amounts_table(events, data.ties, lang)
if amounts.empty:
    st.markdown(i18n.t("no_amounts", lang))
else:
    st.dataframe(amounts, hide_index=True, width="stretch")
