/* The app's page script (ui/chrome.page_script), run on every page after window.__twConfig is set:
   what Streamlit does not set itself. The page language and title, frame titles (the map's frame named,
   the viewport probe hidden), the label of the menu's opener (a phone folds the navigation into a
   sidebar), the embed mode's class, the 'copy link'
   buttons (Streamlit strips inline handlers), and a guard for links so long that Streamlit drops them
   whole (they come back as ?link=too-long, which gets a notice). */
(function() {
    var c = window.__twConfig;
    var d = window.document;
    var q = window.location.search;
    if (q.length > 512 * 1024 || q.split("&").length > 1000) {
        window.location.replace(window.location.pathname + "?" + c.tooLong);
        return;
    }
    function apply() {
        var c = window.__twConfig;
        d.documentElement.lang = c.lang;
        d.body.classList.toggle("tw-embed", !!c.embed);
        var o = d.querySelector("[data-testid=\"stExpandSidebarButton\"]");
        if (o && o.getAttribute("aria-label") !== c.menu) { o.setAttribute("aria-label", c.menu); }
        var m = o && o.querySelector(".tw-menu-label");
        if (o && !m) {
            m = d.createElement("span");
            m.className = "tw-menu-label";
            m.setAttribute("aria-hidden", "true");
            o.appendChild(m);
        }
        if (m && m.textContent !== c.menu) { m.textContent = c.menu; }
        if (d.title !== c.title) { d.title = c.title; }
        d.querySelectorAll("iframe").forEach(function(f) {
            if ((f.src || "").indexOf("streamlit_folium") >= 0 && f.title !== c.mapFrame) {
                f.title = c.mapFrame;
            } else if ((f.src || "").indexOf("viewport") >= 0) {
                f.title = "";
                f.setAttribute("aria-hidden", "true");
                f.tabIndex = -1;
            }
        });
    }
    apply();
    if (!window.__twObserver) {
        window.__twObserver = new MutationObserver(apply);
        window.__twObserver.observe(d.documentElement, {childList: true, subtree: true, characterData: true});
        d.addEventListener("click", function(e) {
            var b = e.target.closest && e.target.closest(".tw-copy-link");
            if (!b) { return; }
            navigator.clipboard.writeText(window.location.href).then(function() {
                b.textContent = b.getAttribute("data-done");
            });
        });
    }
})();
