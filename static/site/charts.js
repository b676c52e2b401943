// Draws every chart of a static page with plotly.js, in the layout that fits: the compact one (title and
// notes wrapped, source line under the title) below 760 px, the publication layout above, as the app does.
// A chart is drawn when it comes into view, and plotly.js (assets/plotly.min.js, beside this file) is loaded
// then, or as soon as the reader starts to scroll or use the keyboard: a reader who never reaches a chart
// does not wait for the library to run. Each chart's box keeps its height from the first paint (site.css:
// the heights of both layouts are on the box), so nothing below it moves when it is drawn.
// A chart with a picture (an SVG drawn at build time in the layout of its box, `data-picture`) shows it
// until the reader reaches for the chart: the pointer enters or presses it, a finger taps it (a finger that
// only scrolls the page over it does not), or the keyboard moves to it. Only then are plotly.js loaded and the
// chart drawn over the picture, which then goes. A box is aria-busy while its chart is being drawn.
(function () {
  var PLOTLY = document.currentScript.src.replace(/charts\.js(\?.*)?$/, "plotly.min.js");
  var loading = null;
  function plotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function spec(id) {  // both layouts with the style template the page sends once
    var chart = JSON.parse(document.getElementById(id).textContent);
    if (chart.template) { chart.full.layout.template = chart.template; chart.compact.layout.template = chart.template; }
    return chart;
  }
  // One chart per task once the library is there, so a page of several charts is no single long task.
  function draw(box) {
    box.setAttribute("aria-busy", "true");
    plotly().then(function (Plotly) {
      setTimeout(function () {
        var chart = spec(box.getAttribute("data-chart"));
        var figure = box.clientWidth < 760 ? chart.compact : chart.full;
        box.style.height = (figure.layout.height || 675) + "px";
        Plotly.newPlot(box, figure.data, figure.layout, chart.config).then(function () {
          box.removeAttribute("aria-busy");
          if (box.hasAttribute("data-picture")) unpicture(box);
          var map = box.getAttribute("data-year-map");  // a chart over the years opens the map of a year
          if (map) {
            box.on("plotly_click", function (event) {
              location.href = map.replace("{year}", String(Math.round(event.points[0].x)));
            });
          }
        });
      });
    });
  }
  // The picture gives way to the drawn chart; the box, no longer a picture, leaves the Tab order (focus stays).
  function unpicture(box) {
    Array.prototype.slice.call(box.querySelectorAll(":scope > img")).forEach(function (img) { img.remove(); });
    box.removeAttribute("data-picture");
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
    box.setAttribute("tabindex", "-1");
  }
  var REACH = ["pointerenter", "pointerdown", "click", "focus"];
  function drawWhenReached(box) {
    function reached(event) {
      if (event.type !== "click" && event.pointerType === "touch") return;  // a finger may be scrolling past
      REACH.forEach(function (kind) { box.removeEventListener(kind, reached); });
      draw(box);
    }
    REACH.forEach(function (kind) { box.addEventListener(kind, reached, {passive: true}); });
  }
  function drawWhenSeen(boxes) {
    if (!boxes.length) return;
    if (!("IntersectionObserver" in window)) { boxes.forEach(draw); return; }
    var watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { watcher.unobserve(entry.target); draw(entry.target); }
      });
    });
    boxes.forEach(function (box) { watcher.observe(box); });
    ["scroll", "keydown", "pointerdown"].forEach(function (kind) {
      window.addEventListener(kind, function () { plotly(); }, {once: true, passive: true});
    });
  }
  // PNG and SVG at publication size of a chart the site has no image files of (a place's own chart):
  // drawn here by plotly.js from the full layout, so the buttons show only where script runs.
  function offerDownloads() {
    document.querySelectorAll("[data-download]").forEach(function (button) {
      button.closest("li").hidden = false;
      button.addEventListener("click", function () {
        var chart = spec(button.getAttribute("data-for"));
        var box = document.createElement("div");
        plotly().then(function (Plotly) {
          return Plotly.toImage({ data: chart.full.data, layout: chart.full.layout }, {
            format: button.getAttribute("data-download"),
            width: Number(button.getAttribute("data-width")),
            height: Number(button.getAttribute("data-height")),
            scale: Number(button.getAttribute("data-scale")),
          });
        }).then(function (url) {
          var link = document.createElement("a");
          link.href = url;
          link.download = button.getAttribute("data-name") + "." + button.getAttribute("data-download");
          box.appendChild(link);
          link.click();
        });
      });
    });
  }
  function start() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
    boxes.filter(function (box) { return box.hasAttribute("data-picture"); }).forEach(drawWhenReached);
    drawWhenSeen(boxes.filter(function (box) { return !box.hasAttribute("data-picture"); }));
    offerDownloads();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
