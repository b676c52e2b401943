"""The framework floor: a Streamlit script that shows only the home map with st_folium, nothing else.
The app's home page is measured against it (bench/run.py, benchmark 5)."""

from streamlit_folium import st_folium

from twinnings import boundaries, maps, profiles
from twinnings.load import load

data = load()
provinces = boundaries.read_boundaries(boundaries.EMBEDDED_DIR, "provinces")
municipalities = boundaries.read_boundaries(boundaries.EMBEDDED_DIR, "municipalities")
places = profiles.directory(data, municipalities, provinces, "nl")
labels = {row.id: row.name for row in places[places["level"] == "gemeente"].itertuples()}
events = data.events.groupby("tie_id").size()
view = maps.nl_view(data.ties, data.sources, "nl", "none", provinces, municipalities, events, "/p?{id}", labels)
st_folium(
    view.base,
    feature_group_to_add=view.layers,
    height=620,
    use_container_width=True,
    returned_objects=["last_object_clicked_tooltip"],
)
