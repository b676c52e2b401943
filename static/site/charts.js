// Draws every chart of a static page with plotly.js, in the layout that fits: the compact one (title and
// notes wrapped, source line under the title) below 760 px, the publication layout above, as the app does.
(function () {
  function draw() {
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      var spec = JSON.parse(document.getElementById(box.getAttribute("data-chart")).textContent);
      var figure = box.clientWidth < 760 ? spec.compact : spec.full;
      box.style.height = (figure.layout.height || 675) + "px";
      Plotly.newPlot(box, figure.data, figure.layout, spec.config);
    });
  }
  // PNG and SVG at publication size of a chart the site has no image files of (a place's own chart):
  // drawn here by plotly.js from the full layout, so the buttons show only where script runs.
  function offerDownloads() {
    document.querySelectorAll("[data-download]").forEach(function (button) {
      button.closest("li").hidden = false;
      button.addEventListener("click", function () {
        var spec = JSON.parse(document.getElementById(button.getAttribute("data-for")).textContent);
        var box = document.createElement("div");
        Plotly.toImage({ data: spec.full.data, layout: spec.full.layout }, {
          format: button.getAttribute("data-download"),
          width: Number(button.getAttribute("data-width")),
          height: Number(button.getAttribute("data-height")),
          scale: Number(button.getAttribute("data-scale")),
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
  function start() { draw(); offerDownloads(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
