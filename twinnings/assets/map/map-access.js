/* What a keyboard, a phone and a careful reader need from every map (maps.MapAccess, which passes the
   texts in the page's language, the width below which the map counts as narrow, and map.css).
   The wheel scrolls the page until the map is clicked or focused; a click never scrolls the page. A skip
   link before the map and a landing spot after it pass the map in one step (unless the page around the map
   has its own). The map is one Tab stop and the places one more: arrow keys move between places (the
   nearest in that direction), Home and End to the first and last by name, Enter opens one; shapes are
   never Tab stops. A popup takes focus, fits inside the map clear of its controls, and Escape closes it,
   giving focus back. A narrow map folds its credits behind a button. Reduced motion means no zoom or fade
   animation. */
/* exported twMapAccess */
/* global L */
function twMapAccess(map, text, narrowAt, css) {
    var container = map.getContainer();
    var doc = container.ownerDocument;
    if (!doc.getElementById("tw-map-style")) {
        var style = doc.createElement("style");
        style.id = "tw-map-style";
        style.textContent = css;
        doc.head.appendChild(style);
    }
    var reduced = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    if (reduced) {
        map._zoomAnimated = false;
        map._fadeAnimated = false;
        map.options.zoomAnimation = map.options.fadeAnimation = map.options.markerZoomAnimation = false;
        container.classList.remove("leaflet-zoom-anim", "leaflet-fade-anim");
        container.classList.add("tw-reduced-motion");
    }
    [["in", text.zoomIn], ["out", text.zoomOut]].forEach(function(pair) {
        var button = container.querySelector(".leaflet-control-zoom-" + pair[0]);
        if (button) {
            button.title = pair[1];
            button.setAttribute("aria-label", pair[1]);
        }
    });
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", text.map);
    map.scrollWheelZoom.disable();
    // Leaflet focuses the map on mousedown; in a frame that scrolls the page, so the button is
    // released over another place and the click is lost. Focus without scrolling.
    if (map.keyboard) {
        map.keyboard.disable();
        map.keyboard._onMouseDown = function() {
            if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
        };
        map.keyboard.enable();
    }
    map.on("click focus", function() { map.scrollWheelZoom.enable(); });
    container.addEventListener("mouseleave", function() { map.scrollWheelZoom.disable(); });

    // A page that draws the map among its own content has a link past it already (data-skip-link-before):
    // one skip link for one map.
    if (!container.closest("[data-skip-link-before]")) {
        var skip = doc.createElement("a");
        skip.href = "#";
        skip.className = "tw-skip-map";
        skip.textContent = text.skip;
        var end = doc.createElement("span");
        end.className = "tw-map-end";
        end.tabIndex = -1;
        end.textContent = text.end;
        container.parentNode.insertBefore(skip, container);
        container.parentNode.insertBefore(end, container.nextSibling);
        // Chromium sends Tab from an element outside the Tab order back to the frame's start, so the
        // landing spot is a Tab stop only while it holds focus: the next Tab leaves the map.
        skip.addEventListener("click", function(e) {
            e.preventDefault();
            end.tabIndex = 0;
            end.focus({preventScroll: true});
        });
        end.addEventListener("blur", function() { end.tabIndex = -1; });
    }

    function narrow() { return map.getSize().x < narrowAt; }
    var creditsChosen = false;
    var credits = L.control({position: "bottomright"});
    credits.onAdd = function() {
        var button = L.DomUtil.create("button", "tw-credits-toggle");
        button.type = "button";
        button.textContent = "i";
        button.setAttribute("aria-label", text.credits);
        L.DomEvent.disableClickPropagation(button);
        button.addEventListener("click", function() {
            creditsChosen = true;
            foldCredits(!container.classList.contains("tw-credits-folded"));
        });
        return button;
    };
    credits.addTo(map);
    function foldCredits(folded) {
        container.classList.toggle("tw-credits-folded", folded);
        credits.getContainer().setAttribute("aria-expanded", folded ? "false" : "true");
    }
    function fitWidth() {
        container.classList.toggle("tw-narrow", narrow());
        if (!creditsChosen) { foldCredits(narrow()); }
    }
    fitWidth();
    map.on("resize", fitWidth);

    // The places: one Tab stop among them (the last one visited), arrows to move between them.
    var places = [];
    var current = null;
    function nameOf(marker) { return marker._icon.getAttribute("aria-label") || ""; }
    function byName() {
        return places.slice().sort(function(a, b) { return nameOf(a).localeCompare(nameOf(b)); });
    }
    function settle() {
        if (current && places.indexOf(current) < 0) { current = null; }
        if (!current && places.length) { current = byName()[0]; }
        places.forEach(function(m) { m._icon.tabIndex = m === current ? 0 : -1; });
    }
    var settling = null;
    function settleSoon() {
        if (!settling) { settling = setTimeout(function() { settling = null; settle(); }, 0); }
    }
    function visit(marker) {
        current = marker;
        settle();
        var point = map.latLngToContainerPoint(marker.getLatLng());
        var size = map.getSize();
        if (point.x < 40 || point.y < 40 || point.x > size.x - 40 || point.y > size.y - 40) {
            map.panTo(marker.getLatLng(), {animate: !reduced});
        }
        marker._icon.focus({preventScroll: true});
    }
    function nearest(from, key) {
        var step = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]}[key];
        var origin = map.latLngToLayerPoint(from.getLatLng());
        var best = null, bestScore = Infinity;
        places.forEach(function(m) {
            if (m === from) { return; }
            var p = map.latLngToLayerPoint(m.getLatLng());
            var dx = p.x - origin.x, dy = p.y - origin.y;
            var along = dx * step[0] + dy * step[1];
            var across = Math.abs(dx * step[1] - dy * step[0]);
            if (along <= 0) { return; }
            var score = along + 2 * across;
            if (score < bestScore) { best = m; bestScore = score; }
        });
        return best;
    }
    map.on("layeradd", function(e) {
        var layer = e.layer;
        if (layer._path) { layer._path.setAttribute("tabindex", "-1"); }
        if (layer._icon && layer._icon.classList.contains("tw-marker")) {
            places.push(layer);
            layer._icon.tabIndex = -1;
            settleSoon();
        }
    });
    map.on("layerremove", function(e) {
        var at = places.indexOf(e.layer);
        if (at >= 0) { places.splice(at, 1); settleSoon(); }
    });
    container.addEventListener("keydown", function(e) {
        var icon = e.target.closest && e.target.closest(".tw-marker");
        var from = icon && places.filter(function(m) { return m._icon === icon; })[0];
        if (from && /^Arrow/.test(e.key)) {
            e.preventDefault();
            e.stopPropagation();
            var next = nearest(from, e.key);
            if (next) { visit(next); }
        } else if (from && (e.key === "Home" || e.key === "End")) {
            e.preventDefault();
            var sorted = byName();
            visit(sorted[e.key === "Home" ? 0 : sorted.length - 1]);
        } else if (e.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
            map.closePopup();
            e.stopPropagation();
        }
    }, true);

    // A popup as wide and tall as the map allows, panned clear of the zoom buttons and the key.
    function fitPopup(popup) {
        var size = map.getSize();
        var zoom = container.querySelector(".leaflet-control-zoom");
        var left = zoom ? zoom.offsetLeft + zoom.offsetWidth + 6 : 10;
        var bottom = 10, top = 10;
        container.querySelectorAll(".leaflet-bottom.leaflet-right").forEach(function(corner) {
            bottom = Math.max(bottom, corner.offsetHeight + 4);
        });
        container.querySelectorAll(".leaflet-top.leaflet-right").forEach(function(corner) {  // the year control
            top = Math.max(top, corner.offsetHeight + 4);
        });
        var width = Math.max(140, Math.min(360, size.x - left - 10 - 50));
        popup.options.maxWidth = width;
        popup.options.minWidth = Math.min(popup.options.minWidth || 50, width);
        popup.options.maxHeight = Math.max(120, size.y - bottom - top - 60);
        popup.options.autoPanPaddingTopLeft = L.point(left, top);
        popup.options.autoPanPaddingBottomRight = L.point(10, bottom);
    }
    if (!L.Popup.prototype.twFits) {
        var openOn = L.Popup.prototype.openOn;
        L.Popup.prototype.twFits = true;
        L.Popup.prototype.openOn = function(target) {
            var on = target || (this._source && this._source._map);
            if (on && on.twFitPopup) {
                on.fire("twpopupfit");
                on.twFitPopup(this);
            }
            return openOn.apply(this, arguments);
        };
    }
    map.twFitPopup = fitPopup;
    map.on("twpopupfit", function() { if (narrow()) { foldCredits(true); } });
    map.on("popupopen", function(e) {
        var element = e.popup.getElement();
        var content = element.querySelector(".leaflet-popup-content");
        var heading = element.querySelector("h4");
        element.setAttribute("role", "dialog");
        if (heading) { element.setAttribute("aria-label", heading.textContent); }
        if (e.popup._source && places.indexOf(e.popup._source) >= 0) {
            current = e.popup._source;
            settle();
        }
        content.tabIndex = -1;
        content.focus({preventScroll: true});
    });
    map.on("popupclose", function(e) {
        var active = doc.activeElement;
        var element = e.popup.getElement();
        var source = e.popup._source;
        var lost = !active || active === doc.body || (element && element.contains(active));
        if (lost && source && source._icon) { source._icon.focus({preventScroll: true}); }
    });
}
