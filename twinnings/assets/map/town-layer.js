/* Every municipality, transparent, in a pane above the province shading; hover names it (maps.TownLayer). */
/* exported twTownLayer */
/* global L */
function twTownLayer(map, data) {
    map.createPane("towns").style.zIndex = 410;
    L.geoJson(data, {
        pane: "towns",
        style: function() {
            return {color: "#555555", weight: 0.4, opacity: 0.6, fillColor: "#000000", fillOpacity: 0};
        },
        onEachFeature: function(feature, layer) {
            layer.bindTooltip(feature.properties.label, {sticky: true});
            layer.on("mouseover", function() { layer.setStyle({weight: 2, opacity: 1, color: "#222222"}); });
            layer.on("mouseout", function() { layer.setStyle({weight: 0.4, opacity: 0.6, color: "#555555"}); });
        }
    }).addTo(map);
}
