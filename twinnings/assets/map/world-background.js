/* Natural Earth countries from the world-atlas TopoJSON, China highlighted; not interactive
   (maps.WorldBackground, which loads topojson-client). `topology` is the TopoJSON itself, or the address
   of its file: then the countries are drawn once it arrives, under the arcs and markers in their panes. */
/* exported twWorldBackground */
/* global L, topojson */
function twWorldBackground(parent, topology) {
    function draw(topology) {
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
    if (typeof topology === "string") {
        fetch(topology).then(function(response) { return response.json(); }).then(draw);
    } else {
        draw(topology);
    }
}
