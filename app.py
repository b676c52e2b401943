"""Entry point: language switch, the shared filters, navigation, and what every page shares
(page title and language, the notice about a permalink's ignored parts). Each page lives in pages/."""

import streamlit as st

from twinnings import embeds, i18n, ui

st.set_page_config(page_title="Stedenbanden NL–CN", layout="wide")
lang = ui.language_selector()
ui.filter_sidebar(lang)
pages = [
    st.Page("pages/map_page.py", title=i18n.t("page_map", lang), default=True),
    st.Page("pages/timeline.py", title=i18n.t("page_timeline", lang), url_path="tijdlijn"),
    st.Page("pages/events.py", title=i18n.t("page_events", lang), url_path="gebeurtenissen"),
    st.Page("pages/profile.py", title=i18n.t("page_profile", lang), url_path="profiel"),
    st.Page("pages/data_sources.py", title=i18n.t("page_data", lang), url_path="data"),
]
if ui.embedding() and st.query_params.get("show") in embeds.SHOWABLE:
    # an embed shows one chart or map: no navigation, whichever page the link names
    pages = [st.Page("pages/embed.py", title=i18n.t("app_title", lang), default=True)]
navigation = st.navigation(pages, position="hidden" if len(pages) == 1 else "sidebar")
title = f"{navigation.title} · {i18n.t('app_title', lang)}"
st.set_page_config(page_title=title)
ui.page_script(lang, title)
ui.layout()
ui.url_notice(lang)
navigation.run()
