/* Selection layers drawn from a data file (maps.LayerData): one map document for many selections. The
   document's address names the data after its '#' ('map-place.html#gm0855-tilburg'); `path` says where
   that file lies, relative to the document ('plaats/{name}/kaart.json'). The file's `layers` are the calls
   the layers' own scripts would make in a document of their own (maps.layer_data): a drawing function's
   name and its arguments. Only the drawing functions named here can be called; their scripts come first
   (arc-layer.js, place-layer.js). */
/* exported twLayerData */
/* global twArcLayer, twPlaceLayer */
function twLayerData(parent, path) {
    var drawers = {twArcLayer: twArcLayer, twPlaceLayer: twPlaceLayer};
    var name = location.hash.slice(1);  // a slug: letters, digits and hyphens, nothing to decode
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) { return; }
    fetch(path.replace("{name}", name)).then(function(response) {
        if (!response.ok) { throw new Error(response.status + " " + response.url); }
        return response.json();
    }).then(function(data) {
        data.layers.forEach(function(call) {
            if (Object.prototype.hasOwnProperty.call(drawers, call[0])) {
                drawers[call[0]].apply(null, [parent].concat(call.slice(1)));
            }
        });
        (parent._map || parent).fire("twlayers");  // drawn: the year control (year-control.js) takes them in
    });
}
