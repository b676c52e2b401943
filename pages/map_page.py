"""Kaart / Map: the Netherlands, or the arcs to China, for the ties in the current selection."""

from twinnings import page_models
from twinnings.ui import context, render, state

link = state.link("map")
data = context.dataset_or_stop(link.lang)
places = context.profile_directory(link.lang)
render.app_page(page_models.home(link, data, places), data, places)
