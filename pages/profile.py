"""Profiel / Profile: one place on one screen (/profiel?place=<id>), or the twelve provinces compared."""

import streamlit as st

from twinnings import i18n, page_models, safe_text
from twinnings.ui import chrome, context, links, render, state

link = state.link("profile")
lang = link.lang
data = context.dataset_or_stop(lang)
places = context.profile_directory(lang)
public_url = context.settings().public_url or ""
place = page_models.place(link, data, places, public_url) if link.place else None
# the comparison's order is its sort control's, which the session holds before the control is drawn
model = place or page_models.provinces(link, data, places, public_url)
render.title_and_lead(model)  # first: nothing under it moves when it arrives
asked = link.place or state.asked_place()
if asked and place is None:
    st.warning(safe_text.markdown(i18n.t("profile_unknown_place", lang, code=safe_text.shorten(asked, 20))))
if place is None:
    chrome.comparison_sort(lang)  # part of the address: the table's order
else:
    st.markdown(i18n.t("profile_ignores_filters", lang))
    links.static_place_link(link.place, context.profile_directory("nl"), lang)
render.app_page(model, data, places, headed=True)
