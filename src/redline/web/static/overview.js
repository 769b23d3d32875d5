import { api, apiAll, dyadHref, el, fillTable, fmt, showError, PLOT_CONFIG } from "/static/app.js";

const dyadColumns = [
  ["Dyad", (d) => el("a", { href: dyadHref(d.country_a, d.country_b), class: "dyad-link" }, d.pair)],
  ["Events", (d) => d.events],
  ["Conflict", (d) => d.conflict_events],
  ["Goldstein mean", (d) => fmt(d.goldstein_mean)],
  ["Last", (d) => d.last_date || "–"],
];

async function dyads(order, id) {
  try {
    const page = await api("/api/dyads", { order, limit: 10 });
    fillTable(document.getElementById(id), dyadColumns, page.items, "No dyads yet.");
  } catch (e) { showError(id, e); }
}

async function alerts() {
  try {
    const page = await api("/api/alerts", { limit: 10 });
    fillTable(document.getElementById("alerts"), [
      ["Day", (a) => a.day || "–"],
      ["Dyad", (a) => (a.country_a && a.country_b
        ? el("a", { href: dyadHref(a.country_a, a.country_b), class: "dyad-link" }, `${a.country_a}-${a.country_b}`) : "–")],
      ["Level", (a) => el("span", { class: `level level-${a.level || "none"}` }, a.level || "–")],
      ["Conflict index", (a) => fmt(a.conflict_index)],
      ["Baseline", (a) => fmt(a.baseline)],
      ["z", (a) => fmt(a.zscore)],
      ["Events", (a) => fmt(a.events)],
    ], page.items, "No alerts.");
  } catch (e) { showError("alerts", e); }
}

async function volume() {
  try {
    const periods = await apiAll("/api/timeline", { interval: "day" });
    Plotly.newPlot("volume-chart", [{
      type: "scatter", mode: "lines", name: "events", x: periods.map((p) => p.period), y: periods.map((p) => p.events),
      line: { color: "#34495e" },
    }, {
      type: "scatter", mode: "lines", name: "conflict (QuadClass 3-4)", x: periods.map((p) => p.period),
      y: periods.map((p) => p.quad3 + p.quad4), line: { color: "#c0392b" },
    }], { margin: { t: 10, r: 10, b: 40, l: 40 }, yaxis: { title: { text: "events" }, rangemode: "tozero" },
      legend: { orientation: "h" } }, PLOT_CONFIG);
  } catch (e) { showError("volume-chart", e); }
}

async function summary() {
  try {
    const health = await api("/api/health");
    document.getElementById("store-summary").textContent =
      `${health.documents} documents, ${health.events} events (redline ${health.version}).`;
  } catch (e) { showError("store-summary", e); }
}

summary();
volume();
dyads("volume", "dyads-volume");
dyads("conflict", "dyads-conflict");
alerts();
