/* Geodesic lines NL -> CN in the 'arcs' pane, styled by status; not interactive (maps.ArcLayer). */
/* exported twArcLayer */
/* global L */
function twArcLayer(parent, styles, data) {
    L.geoJson(data, {
        pane: "arcs",
        interactive: false,
        style: function(feature) { return styles[feature.properties.status]; }
    }).addTo(parent);
}
