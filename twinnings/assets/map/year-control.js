/* The map in a chosen year (maps.YearControl): a slider from the first tie's year to today and a play
   button, as a Leaflet control. Every place marker and arc carries a letter a year (`years`, from
   through_time: the one rule of both faces); a year shows what each was then, or leaves it out. Today
   restores the map as drawn. The map's address may ask for a year: `?year=2010`. Playing steps one year at
   a time (no animation), so reduced motion is respected; it stops at today or when paused.
   The map as drawn is today's, so a map opened on today is left alone: restyling every layer of the home
   map cost as much as drawing its markers. Layers are taken in the first time a year needs them, and a
   data file's layers when they arrive, each with its look as drawn, which is what today restores. */
/* exported twYearControl */
/* global L */
function twYearControl(map, config) {
    var last = config.years.length;  // the slider's last stop is today
    var markers = [], arcs = [], shaded = [], known = {};
    var todayKey = null, timer = null, shown = last;

    function collect() {
        map.eachLayer(function(layer) {
            var p = layer.feature && layer.feature.properties;
            if (!p || known[L.Util.stamp(layer)]) { return; }
            known[L.Util.stamp(layer)] = true;
            if (p.years !== undefined && layer.setIcon) {
                markers.push({layer: layer, icon: layer.options.icon, name: p.name});
            } else if (p.years !== undefined) {
                arcs.push({layer: layer, style: Object.assign({}, layer.options)});
            } else if (layer.setStyle && p.statcode) {  // provinces shaded by ties, towns outlined by state
                shaded.push({layer: layer, style: {opacity: layer.options.opacity, fillOpacity: layer.options.fillOpacity},
                             outline: !p.label});
            }
        });
    }

    function named(layer, name) {
        if (layer._icon) { layer._icon.setAttribute("aria-label", name); }
    }

    function show(index) {
        if (index === last && shown === last) { return; }
        collect();
        shown = index;
        var year = index < last ? config.years[index] : null;
        markers.forEach(function(m) {
            var p = m.layer.feature.properties;
            var state = year === null ? "" : config.codes[p.years.charAt(index)];
            if (year !== null && !state) { m.layer.remove(); return; }
            if (!map.hasLayer(m.layer)) { m.layer.addTo(map); }
            if (year === null) {
                m.layer.setIcon(m.icon);
                named(m.layer, m.name);
                return;
            }
            m.layer.setIcon(L.divIcon({
                html: config.icons[state + "-" + p.size],
                className: "tw-marker tw-marker-" + p.side + " tw-status-" + state,
                iconSize: [p.size, p.size],
                iconAnchor: [p.size / 2, p.size / 2]
            }));
            named(m.layer, config.markerName.replace("{name}", p.place).replace("{status}", config.states[state]));
        });
        arcs.forEach(function(a) {
            var state = year === null ? "" : config.codes[a.layer.feature.properties.years.charAt(index)];
            if (year !== null && !state) { a.layer.remove(); return; }
            if (!map.hasLayer(a.layer)) { a.layer.addTo(map); }
            a.layer.setStyle(year === null ? a.style : config.arcStyles[state]);
        });
        // the provinces' shading and the towns' outlines are today's: a year's map leaves them out
        shaded.forEach(function(s) {
            s.layer.setStyle(year === null ? s.style : {fillOpacity: 0, opacity: s.outline ? 0 : s.style.opacity});
        });
        var key = map.getContainer().querySelector(".tw-legend-body");
        if (key) {
            if (todayKey === null) { todayKey = key.innerHTML; }
            key.innerHTML = year === null ? todayKey : config.key;  // both are the builder's own escaped HTML
        }
    }

    function yearText(index) { return index < last ? String(config.years[index]) : config.today; }

    var control = L.control({position: "topright"});
    control.onAdd = function() {
        var box = L.DomUtil.create("div", "tw-year leaflet-bar");
        var label = L.DomUtil.create("label", "tw-year-label", box);
        var input = L.DomUtil.create("input", "tw-year-input", box);
        var output = L.DomUtil.create("output", "tw-year-value", box);
        var play = L.DomUtil.create("button", "tw-year-play", box);
        input.id = "tw-year-" + L.Util.stamp(control);
        label.htmlFor = input.id;
        label.textContent = config.label;
        input.type = "range";
        input.min = "0";
        input.max = String(last);
        input.step = "1";
        output.htmlFor = input.id;
        output.setAttribute("aria-hidden", "true");  // the slider itself says its year (aria-valuetext)
        play.type = "button";
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        L.DomEvent.on(box, "keydown", L.DomEvent.stopPropagation);  // arrows move the year, not the map

        function set(index) {
            input.value = String(index);
            input.setAttribute("aria-valuetext", yearText(index));
            output.textContent = yearText(index);
            show(index);
        }
        function stop() {
            clearInterval(timer);
            timer = null;
            play.textContent = config.play;
        }
        input.addEventListener("input", function() { set(Number(input.value)); });
        play.addEventListener("click", function() {
            if (timer !== null) { stop(); return; }
            if (Number(input.value) >= last - 1) { set(0); }
            play.textContent = config.pause;
            timer = setInterval(function() {
                var next = Number(input.value) + 1;
                set(next);
                if (next >= last) { stop(); }
            }, config.step);
        });
        play.textContent = config.play;
        var asked = Number(new URLSearchParams(location.search).get("year"));
        var start = config.years.indexOf(asked);
        // after the rest of the map's script has drawn the layers this control changes, and again when a data
        // file's layers arrive (layer-data.js)
        setTimeout(function() { set(start >= 0 ? start : last); }, 0);
        map.on("twlayers", function() { set(Number(input.value)); });
        return box;
    };
    control.addTo(map);
}
