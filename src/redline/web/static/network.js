import { apiAll, dyadHref, el, fillTable, fmt, goldsteinColor, showError, PLOT_CONFIG } from "/static/app.js";

const nodesBox = document.getElementById("network-nodes");
const MAX_LINKS = { countries: 5000, actors: 60 };   // actor pairs are many: the busiest only

// One shape for both kinds of edge: the two node names, a label, and the countries' dyad (if any).
async function links(kind) {
  if (kind === "actors") {
    return (await apiAll("/api/actor-links", { order: "volume" }, MAX_LINKS.actors)).map((l) => ({
      ...l, a: l.actor_a, b: l.actor_b,
      title: `${l.actor_a}${l.name_a ? ` (${l.name_a})` : ""} – ${l.actor_b}${l.name_b ? ` (${l.name_b})` : ""}`,
      dyad: l.country_a && l.country_b && l.country_a !== l.country_b ? [l.country_a, l.country_b] : null,
    }));
  }
  return (await apiAll("/api/dyads", { order: "volume" }, MAX_LINKS.countries)).map((d) => ({
    ...d, a: d.country_a, b: d.country_b, title: d.pair, dyad: [d.country_a, d.country_b],
  }));
}

async function load() {
  try {
    const edges = await links(nodesBox.value);
    const names = [...new Set(edges.flatMap((d) => [d.a, d.b]))].sort();
    const events = Object.fromEntries(names.map((c) => [c, 0]));
    for (const d of edges) { events[d.a] += d.events; events[d.b] += d.events; }
    const at = {};   // a circle
    names.forEach((c, i) => {
      const angle = (2 * Math.PI * i) / Math.max(names.length, 1);
      at[c] = [Math.cos(angle), Math.sin(angle)];
    });
    const most = Math.max(1, ...edges.map((d) => d.events));
    const lines = edges.map((d) => ({
      type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
      x: [at[d.a][0], at[d.b][0]], y: [at[d.a][1], at[d.b][1]],
      line: { width: 1 + 9 * (d.events / most), color: goldsteinColor(d.goldstein_mean) },
    }));
    const midpoints = {
      type: "scatter", mode: "markers", name: "links", showlegend: false,
      x: edges.map((d) => (at[d.a][0] + at[d.b][0]) / 2), y: edges.map((d) => (at[d.a][1] + at[d.b][1]) / 2),
      customdata: edges.map((d) => d.dyad),
      text: edges.map((d) => `${d.title}: ${d.events} events, ${d.conflict_events} conflict, Goldstein mean ${fmt(d.goldstein_mean)}`),
      hoverinfo: "text",
      marker: { size: 9, color: edges.map((d) => d.goldstein_mean ?? 0), cmin: -10, cmax: 10,
        colorscale: [[0, goldsteinColor(-10)], [0.5, goldsteinColor(0)], [1, goldsteinColor(10)]],
        colorbar: { title: { text: "Goldstein" } } },
    };
    const biggest = Math.max(1, ...Object.values(events));
    const nodes = {
      type: "scatter", mode: "markers+text", name: "nodes", showlegend: false,
      x: names.map((c) => at[c][0]), y: names.map((c) => at[c][1]), text: names,
      textposition: "top center", hovertext: names.map((c) => `${c}: ${events[c]} events`), hoverinfo: "text",
      marker: { size: names.map((c) => 10 + 20 * Math.sqrt(events[c] / biggest)), color: "#34495e" },
    };
    const axis = { visible: false, range: [-1.3, 1.3] };
    await Plotly.react("network-chart", [...lines, midpoints, nodes], {
      margin: { t: 10, r: 10, b: 10, l: 10 }, xaxis: axis, yaxis: { ...axis, scaleanchor: "x" }, hovermode: "closest",
    }, PLOT_CONFIG);
    fillTable(document.getElementById("network-table"), [
      ["Link", (d) => d.dyad ? el("a", { href: dyadHref(d.dyad[0], d.dyad[1]), class: "dyad-link" }, d.title) : d.title],
      ["Events", (d) => d.events], ["Conflict", (d) => d.conflict_events],
      ["Goldstein mean", (d) => el("span", { class: "swatch-text", style: `color: ${goldsteinColor(d.goldstein_mean)}` },
        fmt(d.goldstein_mean))],
    ], edges, "No links yet.");
  } catch (e) { showError("network-chart", e); }
}

// Bound once, after the first drawing: Plotly.react keeps the chart, and its click handler with it.
load().then(() => {
  const chart = document.getElementById("network-chart");
  if (!chart.on) return;                      // the chart could not be drawn (the error is shown)
  chart.on("plotly_click", (event) => {
    const point = event.points.find((p) => p.customdata);
    if (point) window.location.href = dyadHref(point.customdata[0], point.customdata[1]);
  });
});
nodesBox.addEventListener("change", load);
