"""Entry point: navigation, the top row (the shared filters, the language switch), and what every page
shares (page title and language, the notice about a permalink's ignored parts). Each page lives in pages/;
which pages exist, and where, is declared once in `twinnings.routes`."""

import streamlit as st

from twinnings import i18n, profiles, routes
from twinnings.ui import chrome, context, state

st.set_page_config(page_title="Stedenbanden NL–CN", layout="wide")
state.keep_opening_address()
state.seed_once()
lang = state.lang()  # the language switch is drawn under the navigation, whose page titles need it first
pages = {
    page.name: st.Page(
        page.script, title=i18n.t(page.title_key, lang), url_path=page.path or None, default=page.name == routes.HOME
    )
    for page in routes.PAGES
}
show = st.query_params.get("show")
if state.embedding() and show in routes.EMBEDDABLE:
    # an embed shows one chart or map: no navigation, whichever page the link names
    pages = {routes.HOME: st.Page(routes.EMBED_SCRIPT, title=i18n.t("app_title", lang), default=True)}
# at the top, not in a sidebar: Streamlit's first frame has none, and on a desktop a sidebar arriving pushes the
# whole page to the right (bench/README.md, the app's layout shift)
navigation = st.navigation(list(pages.values()), position="hidden" if len(pages) == 1 else "top")
page = next(name for name, candidate in pages.items() if candidate.url_path == navigation.url_path)
link = state.settle(page, lang)
place_name = profiles.name_of(context.profile_directory(lang), link.place) if link.place else ""
title = chrome.page_title(link, lang, place_name)
st.set_page_config(page_title=title)
chrome.top_bar(link, lang, title)
state.layout()
chrome.url_notice(lang)
navigation.run()
st.space("xlarge")  # the page's bottom inset: the theme's is 0, so Streamlit's first, narrow frame has an empty column
state.layout_probe()  # after the page: nothing under it moves while its frame loads
