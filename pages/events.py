"""Gebeurtenissen / Events: what happened around the ties in the selection, who acted, with sources."""

import streamlit as st

from twinnings import charts, filters, i18n, model, safe_text, tables, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)
selected = ui.current_filter()
ties = filters.apply(selected, data.ties)

st.title(i18n.t("page_events", lang))
ui.selection_heading(selected, ties, lang)
st.markdown(i18n.t("events_intro", lang))

page_filters = {
    "etype": ("filter_event_type", model.EVENT_TYPES, "event"),
    "direction": ("filter_direction", model.DIRECTIONS, "direction"),
    "actor": ("filter_actor", model.ACTOR_TYPES, "actor"),
}
chosen = {}
for column, (param, (label_key, options, kind)) in zip(st.columns(3), page_filters.items()):
    with column:
        chosen[param] = ui.page_filter(param, i18n.t(label_key, lang), options, kind, lang)
left, right = st.columns([2, 1])
with left:
    include_context = st.toggle(i18n.t("include_context", lang), value=True, key="w_context")
with right:
    fmt = ui.export_format(lang)

events = filters.events_in(selected, data.events, ties, data.places, include_context)
if chosen["etype"]:
    events = events[events["type"].isin(chosen["etype"])]
if chosen["direction"]:
    events = events[events["direction"].isin(chosen["direction"])]
if chosen["actor"]:
    events = events[events["actors"].str.split().map(lambda codes: bool(set(codes) & set(chosen["actor"])))]

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
        if event["actors"]:
            actors = ", ".join(i18n.label("actor", code, lang) for code in event["actors"].split())
            names = f" ({event['actor_names']})" if event["actor_names"] else ""
            st.markdown(safe_text.markdown(f"{i18n.t('col_actors', lang)}: {actors}{names}"))
        st.markdown(tables.source_links_markdown(event["source_ids"], data.sources))
        ui.correction_link("event", table.iloc[rows[0]]["id"], lang)
st.download_button(
    i18n.t("download_events_csv", lang), tables.to_csv_bytes(table), "stedenbanden-nl-cn-events.csv", "text/csv"
)

if not events.empty:
    subtitle = charts.selection_text(selected, lang)
    ui.chart_block(charts.events_by_type_and_year(events, data.sources, subtitle, lang), lang, fmt, "gebeurtenissen")
    ui.chart_block(charts.events_by_actor(events, data.sources, subtitle, lang), lang, fmt, "gebeurtenissen")
st.header(i18n.t("amounts", lang))
amounts = tables.amounts_table(events, data.ties, lang)
if amounts.empty:
    st.markdown(i18n.t("no_amounts", lang))
else:
    st.dataframe(amounts, hide_index=True, width="stretch")
