"""Gebeurtenissen / Events: what happened around the ties in the selection, who acted, with sources."""

import streamlit as st

from twinnings import page_models
from twinnings.ui import chrome, context, render, state

top = st.container()
link = state.link("events")
data = context.dataset_or_stop(link.lang)
places = context.profile_directory(link.lang)
chrome.event_controls(link.lang)  # the page's own filters and the context switch: part of its address
link = state.link("events")
render.app_page(page_models.events(link, data, places, context.settings().public_url or ""), data, places, top)
