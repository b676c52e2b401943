"""Data & bronnen: every tie in a table, its sources, and downloads."""

import streamlit as st

from twinnings import i18n, tables, ui

lang = ui.lang()
data = ui.dataset_or_stop(lang)

st.title(i18n.t("page_data", lang))
st.write(i18n.t("data_intro", lang))
ties = tables.ties_table(data.ties, lang)
st.dataframe(ties, hide_index=True, use_container_width=True)
st.download_button(
    i18n.t("download_ties_csv", lang),
    tables.to_csv_bytes(ties),
    file_name="stedenbanden-nl-cn-ties.csv",
    mime="text/csv",
)
st.subheader(i18n.t("sources", lang))
st.dataframe(
    tables.sources_table(data.sources, lang),
    hide_index=True,
    use_container_width=True,
    column_config={"URL": st.column_config.LinkColumn("URL")},
)
st.caption(i18n.t("licence_note", lang))
