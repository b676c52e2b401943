"""Profiel / Profile: one place on one screen (/profiel?place=<id>), or the twelve provinces compared."""

import streamlit as st

from twinnings import i18n, page_models, safe_text
from twinnings.ui import chrome, context, links, render, state

top = st.container()
link = state.link("profile")
lang = link.lang
data = context.dataset_or_stop(lang)
places = context.profile_directory(lang)
public_url = context.settings().public_url or ""
model = page_models.place(link, data, places, public_url) if link.place else None
asked = link.place or state.asked_place()
if asked and model is None:
    st.warning(safe_text.markdown(i18n.t("profile_unknown_place", lang, code=safe_text.shorten(asked, 20))))
if model is None:
    chrome.comparison_sort(lang)  # part of the address: the table's order
    model = page_models.provinces(state.link("profile"), data, places, public_url)
else:
    st.markdown(i18n.t("profile_ignores_filters", lang))
    links.static_place_link(link.place, context.profile_directory("nl"), lang)
render.app_page(model, data, places, top)
