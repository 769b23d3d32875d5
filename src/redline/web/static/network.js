import { apiAll, dyadHref, el, fillTable, fmt, goldsteinColor, showError, PLOT_CONFIG } from "/static/app.js";

async function load() {
  try {
    const dyads = await apiAll("/api/dyads", { order: "volume" });
    const countries = [...new Set(dyads.flatMap((d) => [d.country_a, d.country_b]))].sort();
    const events = Object.fromEntries(countries.map((c) => [c, 0]));
    for (const d of dyads) { events[d.country_a] += d.events; events[d.country_b] += d.events; }
    const at = {};   // a circle
    countries.forEach((c, i) => {
      const angle = (2 * Math.PI * i) / Math.max(countries.length, 1);
      at[c] = [Math.cos(angle), Math.sin(angle)];
    });
    const most = Math.max(1, ...dyads.map((d) => d.events));
    const edges = dyads.map((d) => ({
      type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
      x: [at[d.country_a][0], at[d.country_b][0]], y: [at[d.country_a][1], at[d.country_b][1]],
      line: { width: 1 + 9 * (d.events / most), color: goldsteinColor(d.goldstein_mean) },
    }));
    const midpoints = {
      type: "scatter", mode: "markers", name: "dyads", showlegend: false,
      x: dyads.map((d) => (at[d.country_a][0] + at[d.country_b][0]) / 2),
      y: dyads.map((d) => (at[d.country_a][1] + at[d.country_b][1]) / 2),
      customdata: dyads.map((d) => [d.country_a, d.country_b]),
      text: dyads.map((d) => `${d.pair}: ${d.events} events, ${d.conflict_events} conflict, Goldstein mean ${fmt(d.goldstein_mean)}`),
      hoverinfo: "text",
      marker: { size: 9, color: dyads.map((d) => d.goldstein_mean ?? 0), cmin: -10, cmax: 10,
        colorscale: [[0, goldsteinColor(-10)], [0.5, goldsteinColor(0)], [1, goldsteinColor(10)]],
        colorbar: { title: { text: "Goldstein" } } },
    };
    const nodes = {
      type: "scatter", mode: "markers+text", name: "countries", showlegend: false,
      x: countries.map((c) => at[c][0]), y: countries.map((c) => at[c][1]), text: countries,
      textposition: "top center", hovertext: countries.map((c) => `${c}: ${events[c]} events in dyads`), hoverinfo: "text",
      marker: { size: countries.map((c) => 10 + 20 * Math.sqrt(events[c] / Math.max(1, ...Object.values(events)))),
        color: "#34495e" },
    };
    const axis = { visible: false, range: [-1.3, 1.3] };
    await Plotly.newPlot("network-chart", [...edges, midpoints, nodes], {
      margin: { t: 10, r: 10, b: 10, l: 10 }, xaxis: axis, yaxis: { ...axis, scaleanchor: "x" }, hovermode: "closest",
    }, PLOT_CONFIG);
    document.getElementById("network-chart").on("plotly_click", (event) => {
      const point = event.points.find((p) => p.customdata);
      if (point) window.location.href = dyadHref(point.customdata[0], point.customdata[1]);
    });
    fillTable(document.getElementById("network-table"), [
      ["Dyad", (d) => el("a", { href: dyadHref(d.country_a, d.country_b), class: "dyad-link" }, d.pair)],
      ["Events", (d) => d.events], ["Conflict", (d) => d.conflict_events],
      ["Goldstein mean", (d) => el("span", { class: "swatch-text", style: `color: ${goldsteinColor(d.goldstein_mean)}` },
        fmt(d.goldstein_mean))],
    ], dyads, "No dyads yet.");
  } catch (e) { showError("network-chart", e); }
}

load();
