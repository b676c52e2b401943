/* A credit in Leaflet's attribution corner, so it travels with screenshots and embeds (maps.Attribution). */
/* exported twAttribution */
function twAttribution(map, text) {
    map.attributionControl.addAttribution(text);
}
