/* The map's key as a Leaflet control (maps.Legend): `content` is the key's HTML, escaped by the builder; a
   button folds it away, folded from the start on a narrow map and whenever a popup opens there. */
/* exported twLegend */
/* global L */
function twLegend(map, content, label, narrowAt) {
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function() {
        var div = L.DomUtil.create("div", "tw-legend");
        var button = L.DomUtil.create("button", "tw-legend-toggle", div);
        var body = L.DomUtil.create("div", "tw-legend-body", div);
        body.id = "tw-legend-" + L.Util.stamp(legend);
        body.innerHTML = content;
        button.type = "button";
        button.textContent = label;
        button.setAttribute("aria-controls", body.id);
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        var chosen = false;
        function show(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            body.hidden = !open;
        }
        button.addEventListener("click", function() {
            chosen = true;
            show(body.hidden);
        });
        show(map.getSize().x >= narrowAt);
        map.on("resize", function() { if (!chosen) { show(map.getSize().x >= narrowAt); } });
        // before a popup is fitted into a narrow map, the key makes room (see MapAccess)
        map.on("twpopupfit", function() { if (map.getSize().x < narrowAt) { show(false); } });
        return div;
    };
    legend.addTo(map);
}
