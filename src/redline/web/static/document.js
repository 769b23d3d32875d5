import { api, el, fmt, safeUrl, showError, QUAD } from "/static/app.js";

const view = document.getElementById("document-view");
const docId = view.dataset.docId;
const textBox = document.getElementById("doc-text");

// Annotations over the text: [start, end) with a kind; the text is cut at every boundary and
// each piece is a <span> with the classes of the annotations covering it (they may overlap).
function annotations(doc) {
  const found = [];
  const add = (start, end, kind, info) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start && start >= 0 && end <= doc.text.length) {
      found.push({ start, end, kind, ...info });
    }
  };
  for (const m of doc.mentions) {
    add(m.sentence_start, m.sentence_end, "sentence", { event: m.event_index, label: `event ${m.event_index}: ${m.cameo} ${m.cameo_label || ""}` });
    if (m.trigger_start !== null && m.trigger_text) {
      const end = m.trigger_end ?? m.trigger_start + m.trigger_text.length;
      add(m.trigger_start, end, "trigger", { event: m.event_index, label: `trigger of event ${m.event_index}` });
    }
  }
  for (const a of doc.actors) add(a.span_start, a.span_end, "actor", { label: `actor ${a.code || ""} ${a.name || ""}`.trim() });
  for (const p of doc.places) add(p.span_start, p.span_end, "place", { label: `place ${p.name || ""} ${p.country || ""}`.trim() });
  for (const q of doc.quotes) add(q.span_start, q.span_end, "quote", { label: `quote ${q.quote_index} (${q.speaker_name || q.speaker_text || "unknown"})` });
  return found;
}

function renderText(doc) {
  const spans = annotations(doc);
  const cuts = new Set([0, doc.text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const anchored = new Set();
  textBox.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    for (const s of covering) {
      if (s.kind === "sentence" && s.start === start && !anchored.has(s.event)) {
        anchored.add(s.event);
        textBox.append(el("span", { id: `event-${s.event}`, class: "event-anchor" }));
      }
    }
    const piece = doc.text.slice(start, end);
    if (!covering.length) { textBox.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const events = [...new Set(covering.filter((s) => s.event !== undefined).map((s) => s.event))];
    textBox.append(el("span", {
      class: ["hl", ...kinds].join(" "), title: covering.map((s) => s.label).join("\n"),
      dataset: events.length ? { events: events.join(" ") } : {},
    }, piece));
  }
}

function renderSide(doc) {
  const list = document.getElementById("doc-events");
  list.replaceChildren(...doc.mentions.map((m) => el("li", { id: `event-item-${m.event_index}`, class: `event-item modality-${m.modality}` },
    el("a", { href: `#event-${m.event_index}`, class: "event-select" }, el("code", {}, m.cameo), " ", m.cameo_label || ""),
    el("div", { class: "muted" }, `${m.source_code || "?"} → ${m.target_code || "?"} · ${m.modality}`
      + (m.quad_class ? ` · ${QUAD[m.quad_class]}` : "") + (m.goldstein !== null ? ` · Goldstein ${fmt(m.goldstein, 1)}` : "")),
    m.trigger_text ? el("div", {}, "trigger: ", el("q", {}, m.trigger_text)) : null,
    m.location_name ? el("div", { class: "muted" }, `where: ${m.location_name}`) : null,
  )));
  if (!doc.mentions.length) list.append(el("li", { class: "muted" }, "No events."));

  const quotes = document.getElementById("doc-quotes");
  quotes.replaceChildren(...doc.quotes.map((q) => el("li", { id: `quote-item-${q.quote_index}`, class: "quote-item" },
    el("strong", {}, q.speaker_name || q.speaker_text || "unknown"), q.speaker_role ? ` (${q.speaker_role})` : "", ": ",
    el("q", {}, q.text))));
  if (!doc.quotes.length) quotes.append(el("li", { class: "muted" }, "No quotes."));

  const places = document.getElementById("doc-places");
  const names = [...new Set(doc.places.map((p) => `${p.name || p.text}${p.country ? ` (${p.country})` : ""}`))];
  places.replaceChildren(...names.map((n) => el("li", { class: "place-item" }, n)));
  if (!names.length) places.append(el("li", { class: "muted" }, "No places."));
}

function select() {
  document.querySelectorAll(".selected").forEach((node) => node.classList.remove("selected"));
  const match = /^#event-(\d+)$/.exec(window.location.hash);
  if (!match) return;
  const index = match[1];
  const pieces = [...textBox.querySelectorAll("[data-events]")]
    .filter((node) => node.dataset.events.split(" ").includes(index));
  pieces.forEach((node) => node.classList.add("selected"));
  document.getElementById(`event-item-${index}`)?.classList.add("selected");
  const first = pieces[0] || document.getElementById(`event-${index}`);
  if (first) first.scrollIntoView({ block: "center" });
}

async function load() {
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
    document.getElementById("doc-title").textContent = doc.title || doc.id;
    document.title = `${doc.title || doc.id} · redline`;
    const url = safeUrl(doc.url);
    document.getElementById("doc-meta").replaceChildren(
      [doc.date, doc.origin, `${doc.num_events ?? 0} events`, `${doc.num_quotes ?? 0} quotes`].filter(Boolean).join(" · "),
      url ? " · " : "", url ? el("a", { href: url, id: "doc-url", rel: "noopener noreferrer" }, "source") : "");
    renderText(doc);
    renderSide(doc);
    select();
  } catch (e) {
    const box = document.getElementById("doc-error");
    box.hidden = false;
    box.textContent = e.status === 404 ? `No document with id ${docId}.` : `Could not load the document: ${e.message}`;
  }
}

window.addEventListener("hashchange", select);
load();
