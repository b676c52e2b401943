"""Data & bronnen: every tie, event and source of the selection, downloads, corrections, methodology."""

from twinnings import export, page_models
from twinnings.ui import context, render, state

link = state.link("data")
data = context.dataset_or_stop(link.lang)
places = context.profile_directory(link.lang)
data_dir = context.settings().data_dir
readme = export.package_document(data_dir, "README.md")
changelog = export.package_document(data_dir, "CHANGELOG.md")
render.app_page(page_models.data_page(link, data, places, readme, changelog), data, places)
