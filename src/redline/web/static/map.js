import { apiAll, el, fillTable, showError, PLOT_CONFIG } from "/static/app.js";

const orderBox = document.getElementById("map-order");

// plotly's own base layers come from a CDN: they stay off, and coastlines and borders are drawn as
// lines from static/outlines.json (Natural Earth 1:110m, see scripts/make_outlines.py).
const GEO = {
  projection: { type: "natural earth" }, showframe: true, showland: false, showocean: false, showlakes: false,
  showrivers: false, showcountries: false, showcoastlines: false, showsubunits: false,
  lataxis: { showgrid: true, dtick: 15 }, lonaxis: { showgrid: true, dtick: 15 },
};

let outlines = null;

async function outlineTraces() {
  if (outlines === null) {
    const response = await fetch("/static/outlines.json");
    outlines = response.ok ? await response.json() : { coast: [], borders: [] };
  }
  return [["coast", "#7f8c8d", 1], ["borders", "#bdc3c7", 0.6]].map(([kind, color, width]) => {
    const lon = [], lat = [];
    for (const line of outlines[kind]) {
      for (let i = 0; i < line.length; i += 2) { lon.push(line[i]); lat.push(line[i + 1]); }
      lon.push(null); lat.push(null);        // a gap between lines
    }
    return { type: "scattergeo", mode: "lines", lon, lat, hoverinfo: "skip", showlegend: false,
      line: { color, width } };
  });
}

// The view spans the located places (with a margin, and at least 30 degrees each way).
function framed(points) {
  if (!points.length) return GEO;
  const span = (values, least, lo, hi) => {
    let min = Math.min(...values), max = Math.max(...values);
    const pad = Math.max((least - (max - min)) / 2, (max - min) * 0.15);
    return [Math.max(lo, min - pad), Math.min(hi, max + pad)];
  };
  return { ...GEO, lonaxis: { ...GEO.lonaxis, range: span(points.map((p) => p.lon), 30, -180, 180) },
    lataxis: { ...GEO.lataxis, range: span(points.map((p) => p.lat), 30, -90, 90) } };
}

async function load() {
  try {
    const order = orderBox.value;
    const places = (await apiAll("/api/places", { order })).filter((p) => p.lat !== null && p.lon !== null);
    const shown = places.filter((p) => p[order] > 0);
    const most = Math.max(1, ...shown.map((p) => p[order]));
    Plotly.react("map-chart", [...await outlineTraces(), {
      type: "scattergeo", mode: "markers", showlegend: false, lat: shown.map((p) => p.lat), lon: shown.map((p) => p.lon),
      text: shown.map((p) => `${p.name} (${p.country || "?"}): ${p.events} events, ${p.mentions} mentions`),
      hoverinfo: "text",
      marker: { size: shown.map((p) => 6 + 24 * Math.sqrt(p[order] / most)), color: "#c0392b", opacity: 0.7,
        line: { width: 1, color: "#fff" } },
    }], { geo: framed(shown), margin: { t: 10, r: 10, b: 10, l: 10 } }, PLOT_CONFIG);
    fillTable(document.getElementById("map-table"), [
      ["Place", (p) => p.name || "–"], ["Country", (p) => p.country || "–"], ["Kind", (p) => p.feature || "–"],
      ["Events", (p) => p.events], ["Mentions", (p) => p.mentions], ["Documents", (p) => p.documents],
      ["Lat, lon", (p) => `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`],
    ], shown, "No located places.");
  } catch (e) { showError("map-chart", e); }
}

orderBox.addEventListener("change", load);
load();
