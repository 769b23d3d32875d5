// Shared helpers of the dashboard's views. Data from the API is untrusted (article text above
// all): the DOM is built with createElement and textContent only, never from HTML strings.

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.append(key, v);
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || response.statusText);
    const error = new Error(`${response.status}: ${detail}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// Every page of a list endpoint, up to `max` items.
export async function apiAll(path, params = {}, max = 5000) {
  const items = [];
  for (let offset = 0; offset < max; offset += 1000) {
    const page = await api(path, { ...params, limit: 1000, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

// For the rare place a string must go into markup (none of the views needs it).
export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// el("a", {href: "/x", class: "y"}, "text", child): attributes set one by one, children as text nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only http(s) links from data (no javascript: URLs).
export function safeUrl(value) {
  try {
    const url = new URL(String(value), window.location.origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function dyadHref(a, b) {
  return `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
}

export function documentHref(docId, eventIndex) {
  const path = `/documents/${encodeURIComponent(docId)}`;
  return eventIndex === undefined || eventIndex === null ? path : `${path}#event-${eventIndex}`;
}

export function fmt(value, digits = 2) {
  if (value === null || value === undefined) return "–";
  return typeof value === "number" && !Number.isInteger(value) ? value.toFixed(digits) : String(value);
}

// Fill <table> `table` with a header and a row per item; columns: [label, item => cell content].
export function fillTable(table, columns, items, empty = "Nothing to show.") {
  table.replaceChildren();
  table.append(el("thead", {}, el("tr", {}, columns.map(([label]) => el("th", {}, label)))));
  const body = el("tbody");
  if (!items.length) body.append(el("tr", { class: "empty" }, el("td", { colspan: columns.length }, empty)));
  for (const item of items) {
    body.append(el("tr", {}, columns.map(([, cell]) => el("td", {}, cell(item)))));
  }
  table.append(body);
}

export function showError(target, error) {
  const node = typeof target === "string" ? document.getElementById(target) : target;
  if (!node) return;
  const message = el("p", { class: "error" }, `Could not load: ${error.message || error}`);
  if (node.tagName === "TABLE") node.replaceChildren(el("caption", { class: "error" }, message.textContent));
  else node.replaceChildren(message);
}

export const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
export const QUAD_COLORS = { 1: "#74add1", 2: "#4575b4", 3: "#f46d43", 4: "#a50026" };

// Goldstein -10 (red) .. 0 (grey) .. +10 (green).
export function goldsteinColor(value) {
  if (value === null || value === undefined) return "#999999";
  const t = Math.max(-1, Math.min(1, value / 10));
  const mix = (a, b, s) => Math.round(a + (b - a) * s);
  const [grey, red, green] = [[150, 150, 150], [200, 30, 30], [30, 150, 60]];
  const end = t < 0 ? red : green;
  const s = Math.abs(t);
  return `rgb(${mix(grey[0], end[0], s)}, ${mix(grey[1], end[1], s)}, ${mix(grey[2], end[2], s)})`;
}

export const PLOT_CONFIG = { responsive: true, displaylogo: false };
