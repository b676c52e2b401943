/* Natural Earth countries from the world-atlas TopoJSON, China highlighted; not interactive
   (maps.WorldBackground, which loads topojson-client). */
/* exported twWorldBackground */
/* global L, topojson */
function twWorldBackground(parent, topology) {
    var countries = topojson.feature(topology, topology.objects.countries);
    L.geoJson(countries, {
        interactive: false,
        style: function(f) {
            var china = f.id === "156";
            return {color: "#9a9a9a", weight: 0.6, fillOpacity: 1,
                    fillColor: china ? "#e4dccb" : "#f1f1ee"};
        }
    }).addTo(parent);
}
