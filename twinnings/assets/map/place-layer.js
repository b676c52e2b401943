/* All markers of one side as one GeoJSON layer (maps.PlaceLayer): `icons` maps status-size to an SVG, and
   each feature carries its escaped label, accessible name and popup. */
/* exported twPlaceLayer */
/* global L */
function twPlaceLayer(parent, icons, data) {
    L.geoJson(data, {
        pointToLayer: function(feature, latlng) {
            var p = feature.properties;
            return L.marker(latlng, {icon: L.divIcon({
                html: icons[p.status + "-" + p.size],
                className: "tw-marker tw-marker-" + p.side + " tw-status-" + p.status,
                iconSize: [p.size, p.size],
                iconAnchor: [p.size / 2, p.size / 2]
            })});
        },
        onEachFeature: function(feature, layer) {
            layer.bindTooltip(feature.properties.label, {sticky: true});
            layer.bindPopup(feature.properties.popup, {maxWidth: 360});
            layer.on("add", function() {
                this._icon.setAttribute("aria-label", feature.properties.name);
                this._icon.setAttribute("aria-haspopup", "dialog");
            });
            // Enter opens the popup AND selects the place, as a click does (Leaflet alone only opens it).
            layer.off("keypress", layer._onKeyPress, layer);
            layer.on("keypress", function(e) {
                if (e.originalEvent.key === "Enter") {
                    layer.fire("click", {latlng: layer.getLatLng(), originalEvent: e.originalEvent});
                }
            });
        }
    }).addTo(parent);
}
