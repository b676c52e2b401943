"""Data & bronnen: every tie and event in a table, downloads, sources, methodology, changelog."""

import streamlit as st

from twinnings import export, filters, i18n, tables
from twinnings.ui import chrome, context, links, state

link = state.link("data")
lang = link.lang
data = context.dataset_or_stop(lang)
data_dir = context.settings().data_dir
selected = link.filter
selection = filters.apply(selected, data.ties)

st.title(i18n.t("page_data", lang))
chrome.selection_heading(selected, selection, lang)
st.markdown(i18n.t("data_intro", lang))
st.markdown(i18n.t("data_follows_selection", lang, n=str(len(selection)), total=str(len(data.ties))))

ties_tab, events_tab, sources_tab = st.tabs([i18n.t("ties", lang), i18n.t("events", lang), i18n.t("sources", lang)])
with ties_tab:
    ties = links.with_corrections(
        tables.ties_table(selection, lang, with_profile_links=True, sources=data.sources), "tie", lang
    )
    picked = st.dataframe(
        ties,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="data_ties_table",
        column_config=links.record_columns(lang),
    )
    rows = picked.selection.rows if picked else []
    if rows:
        tie = selection.set_index("id").loc[ties.iloc[rows[0]]["id"]]
        st.markdown(tables.source_links_markdown(tie["source_ids"], data.sources))
    else:
        st.markdown(i18n.t("data_pick_row", lang))
    st.download_button(
        i18n.t("download_ties_csv", lang), tables.to_csv_bytes(ties), "stedenbanden-nl-cn-ties.csv", "text/csv"
    )
with events_tab:
    selected_events = filters.events_in(selected, data.events, selection, data.places)
    events = links.with_corrections(
        tables.events_table(selected_events, data.ties, data.places, data.sources, lang), "event", lang
    )
    st.dataframe(
        events,
        hide_index=True,
        width="stretch",
        column_config={
            i18n.t("col_source", lang): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
            **links.record_columns(lang),
        },
    )
    st.download_button(
        i18n.t("download_events_csv", lang), tables.to_csv_bytes(events), "stedenbanden-nl-cn-events.csv", "text/csv"
    )
with sources_tab:
    st.dataframe(
        tables.sources_table(data.sources, lang),
        hide_index=True,
        width="stretch",
        column_config={"URL": st.column_config.LinkColumn("URL")},
    )

st.header(i18n.t("downloads", lang))
left, right = st.columns(2)
left.download_button(
    i18n.t("download_geojson", lang),
    export.package_bytes(data_dir, "twinnings.geojson"),
    "twinnings.geojson",
    "application/geo+json",
)
right.download_button(
    i18n.t("download_package", lang), context.package_zip(str(data_dir)), "stedenbanden-nl-cn.zip", "application/zip"
)
st.header(i18n.t("corrections_title", lang), anchor="correcties")
st.markdown(i18n.t("corrections_text", lang))
st.header(i18n.t("methodology_title", lang))
st.markdown(i18n.t("methodology_summary", lang))
with st.expander(i18n.t("methodology", lang)):
    st.markdown(export.package_document(data_dir, "README.md"))
with st.expander(i18n.t("changelog", lang)):
    st.markdown(export.package_document(data_dir, "CHANGELOG.md"))
st.markdown(i18n.t("licence_note", lang))
