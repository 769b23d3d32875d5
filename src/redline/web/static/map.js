import { apiAll, el, fillTable, showError, PLOT_CONFIG } from "/static/app.js";

const orderBox = document.getElementById("map-order");

// scattergeo without base layers: plotly fetches no topojson (no CDN), the points sit on a graticule.
const GEO = {
  projection: { type: "natural earth" }, showframe: true, showland: false, showocean: false, showlakes: false,
  showrivers: false, showcountries: false, showcoastlines: false, showsubunits: false,
  lataxis: { showgrid: true, dtick: 15 }, lonaxis: { showgrid: true, dtick: 15 },
};

async function load() {
  try {
    const order = orderBox.value;
    const places = (await apiAll("/api/places", { order })).filter((p) => p.lat !== null && p.lon !== null);
    const shown = places.filter((p) => p[order] > 0);
    const most = Math.max(1, ...shown.map((p) => p[order]));
    Plotly.react("map-chart", [{
      type: "scattergeo", mode: "markers", lat: shown.map((p) => p.lat), lon: shown.map((p) => p.lon),
      text: shown.map((p) => `${p.name} (${p.country || "?"}): ${p.events} events, ${p.mentions} mentions`),
      hoverinfo: "text",
      marker: { size: shown.map((p) => 6 + 24 * Math.sqrt(p[order] / most)), color: "#c0392b", opacity: 0.7,
        line: { width: 1, color: "#fff" } },
    }], { geo: GEO, margin: { t: 10, r: 10, b: 10, l: 10 } }, PLOT_CONFIG);
    fillTable(document.getElementById("map-table"), [
      ["Place", (p) => p.name || "–"], ["Country", (p) => p.country || "–"], ["Kind", (p) => p.feature || "–"],
      ["Events", (p) => p.events], ["Mentions", (p) => p.mentions], ["Documents", (p) => p.documents],
      ["Lat, lon", (p) => `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`],
    ], shown, "No located places.");
  } catch (e) { showError("map-chart", e); }
}

orderBox.addEventListener("change", load);
load();
