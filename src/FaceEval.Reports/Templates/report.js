// Draws every chart of the report from the one JSON data block. Rows that name a face get that face's
// embedded crop as "image", which the tooltip (vega-tooltip) shows as a picture.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var crops = (data.crops && data.crops.images) || {};
  var state = { ready: false, failed: [], views: {} };
  window.faceevalReport = state;

  function attachCrops(node) {
    if (Array.isArray(node)) { node.forEach(attachCrops); return; }
    if (!node || typeof node !== "object") { return; }
    if (node.data && Array.isArray(node.data.values)) {
      node.data.values.forEach(function (row) {
        if (row && row.face !== undefined && row.face !== null && crops[row.face]) { row.image = crops[row.face]; }
      });
    }
    Object.keys(node).forEach(function (k) { if (k !== "data") { attachCrops(node[k]); } });
  }

  var charts = [];
  data.sections.forEach(function (s) { s.charts.forEach(function (c) { charts.push(c); }); });
  Promise.all(charts.map(function (chart) {
    var spec = chart.spec;
    attachCrops(spec);
    return vegaEmbed("#chart-" + chart.id, spec, { renderer: "svg", actions: false })
      .then(function (result) { state.views[chart.id] = result.view; })
      .catch(function (error) { state.failed.push(chart.id); console.error("chart " + chart.id + ": " + error); });
  })).then(function () {
    state.ready = true;
    document.body.setAttribute("data-charts", state.failed.length ? "failed" : "ready");
  });
})();
