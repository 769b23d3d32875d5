import { apiAll, documentHref, el, fillTable, fmt, showError, PLOT_CONFIG, QUAD, QUAD_COLORS } from "/static/app.js";

const view = document.getElementById("dyad-view");
const { a, b } = view.dataset;
const intervalBox = document.getElementById("dyad-interval");
const goldsteinBox = document.getElementById("dyad-goldstein");
let periods = [];

function draw() {
  const x = periods.map((p) => p.period);
  const key = goldsteinBox.value;
  const bars = [1, 2, 3, 4].map((q) => ({
    type: "bar", name: QUAD[q], x, y: periods.map((p) => p[`quad${q}`]), marker: { color: QUAD_COLORS[q] },
  }));
  const line = {
    type: "scatter", mode: "lines+markers", name: key === "goldstein_sum" ? "Goldstein sum" : "Goldstein mean",
    x, y: periods.map((p) => p[key]), yaxis: "y2", connectgaps: false, line: { color: "#222" },
  };
  Plotly.react("dyad-chart", [...bars, line], {
    barmode: "stack", margin: { t: 10, r: 50, b: 40, l: 40 }, legend: { orientation: "h" },
    yaxis: { title: { text: "events" }, rangemode: "tozero" },
    yaxis2: { title: { text: line.name }, overlaying: "y", side: "right", zeroline: true },
  }, PLOT_CONFIG);
}

async function timeline() {
  try {
    periods = await apiAll(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`,
      { interval: intervalBox.value });
    draw();
  } catch (e) { showError("dyad-chart", e); }
}

async function events() {
  const table = document.getElementById("dyad-events");
  try {
    const [ab, ba] = await Promise.all([
      apiAll("/api/events", { dyad: [a, b], mentions: true }),
      apiAll("/api/events", { dyad: [b, a], mentions: true }),
    ]);
    const seen = new Set();
    const items = [...ab, ...ba].filter((e) => !seen.has(e.event_id) && seen.add(e.event_id))
      .sort((x, y) => String(x.first_date).localeCompare(String(y.first_date)));
    document.getElementById("dyad-event-count").textContent = `(${items.length})`;
    fillTable(table, [
      ["Date", (e) => e.first_date || "–"],
      ["Source", (e) => el("span", { title: e.source_name || "" }, e.source_code || "–")],
      ["Event", (e) => el("span", {}, el("code", {}, e.cameo), " ", e.cameo_label || "")],
      ["Target", (e) => el("span", { title: e.target_name || "" }, e.target_code || "–")],
      ["Quad", (e) => el("span", { class: `quad quad-${e.quad_class}` }, QUAD[e.quad_class] || "–")],
      ["Goldstein", (e) => fmt(e.goldstein, 1)],
      ["Where", (e) => e.location_name || "–"],
      ["Evidence", (e) => el("span", { class: "evidence" }, (e.mentions || []).map((m, i) => [
        i ? ", " : "",
        el("a", { href: documentHref(m.doc_id, m.event_index), class: "evidence-link", title: m.sentence_text || "" },
          `${m.doc_id}#${m.event_index}`),
      ]))],
    ], items, "No events between these two countries.");
    table.querySelectorAll("tbody tr").forEach((row, i) => {
      if (items[i]) { row.id = `event-row-${items[i].event_id}`; row.classList.add("event-row"); }
    });
  } catch (e) { showError(table, e); }
}

intervalBox.addEventListener("change", timeline);
goldsteinBox.addEventListener("change", draw);
timeline();
events();
