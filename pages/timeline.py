"""Tijdlijn / Timeline: when ties began and ended, how many stood, and each tie's life with its events."""

from twinnings import page_models
from twinnings.ui import context, render, state

link = state.link("timeline")
data = context.dataset_or_stop(link.lang)
places = context.profile_directory(link.lang)
render.app_page(page_models.timeline(link, data, places, context.settings().public_url or ""), data, places)
