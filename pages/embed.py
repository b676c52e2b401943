"""An embedded chart or map (?embed=true&show=<name>): only that element, with its title, legend and
source line, and a link back to the full view. app.py routes here; the view comes from the address."""

from twinnings import page_models
from twinnings.ui import context, render, state

link = state.link()
data = context.dataset_or_stop(link.lang)
places = context.profile_directory(link.lang)
model = page_models.embed(link, data, places, context.settings().public_url or "")
render.page(model, data, places)
