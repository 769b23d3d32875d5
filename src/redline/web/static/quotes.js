import { api, documentHref, el, fillTable, showError } from "/static/app.js";

const PAGE = 50;
const form = document.getElementById("quote-form");
const fields = ["speaker", "actor", "text"].map((name) => document.getElementById(`quote-${name}`));
const prev = document.getElementById("quote-prev");
const next = document.getElementById("quote-next");
let offset = 0;

// The filters live in the URL (?speaker=..&actor=..&text=..), so a filtered view can be linked.
const initial = new URLSearchParams(window.location.search);
fields.forEach((box) => { box.value = initial.get(box.name) || ""; });

async function load() {
  const table = document.getElementById("quotes-table");
  const params = Object.fromEntries(fields.map((box) => [box.name, box.value.trim()]));
  try {
    const page = await api("/api/quotes", { ...params, limit: PAGE, offset });
    fillTable(table, [
      ["Date", (q) => q.doc_date || "–"],
      ["Speaker", (q) => el("span", { class: "speaker", title: q.speaker_code || "" }, q.speaker_name || q.speaker_text || "unknown")],
      ["Role", (q) => [q.speaker_role, q.speaker_organization].filter(Boolean).join(", ") || "–"],
      ["Quotation", (q) => el("q", { class: `quotation quote-${q.kind}` }, q.text)],
      ["Article", (q) => el("a", { href: documentHref(q.doc_id), class: "article-link" }, q.doc_title || q.doc_id)],
    ], page.items, "No quotes match.");
    const last = Math.min(offset + page.items.length, page.total);
    document.getElementById("quote-count").textContent =
      page.total ? `${offset + 1}–${last} of ${page.total}` : "0 quotes";
    prev.disabled = offset === 0;
    next.disabled = last >= page.total;
  } catch (e) { showError(table, e); }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  offset = 0;
  const query = new URLSearchParams();
  fields.forEach((box) => { if (box.value.trim()) query.set(box.name, box.value.trim()); });
  history.replaceState(null, "", query.toString() ? `?${query}` : window.location.pathname);
  load();
});
prev.addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
next.addEventListener("click", () => { offset += PAGE; load(); });
load();
