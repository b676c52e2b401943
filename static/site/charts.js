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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
