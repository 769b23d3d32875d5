"""`redline events`: finding stored events by actor, dyad, code, date, modality, words and place.

Filters become one parameterised WHERE clause over `events`; `--text` looks into the sentences of
an event's mentions, `--located` at where the event happened. The evidence (every mention with its sentence, trigger and rule) is fetched
for the events found, so a JSON answer can be traced back to the articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

MODALITIES = ("asserted", "negated", "hypothetical", "all")


@dataclass
class EventFilter:
    """Which events to return; None (or empty) means no condition on that field."""
    actor: str | None = None            # code prefix (RUS matches RUSGOV) or exact name, either side
    dyad: tuple[str, str] | None = None  # (source, target), each matched like `actor`
    code: str | None = None             # CAMEO code or prefix (04 matches 040..046)
    root: str | None = None             # CAMEO root, 1..20
    plover: str | None = None           # PLOVER type
    quad: int | None = None             # QuadClass 1..4
    since: str | None = None            # first date, ISO, inclusive
    until: str | None = None
    modality: str = "asserted"
    text: str | None = None             # words in a mention's sentence (case-insensitive)
    located: str | None = None          # location country (ISO3), or words of the location's name or region
    limit: int | None = 100
    offset: int = 0                     # events skipped first (for pages)


def _side(side: str) -> str:
    return f"(starts_with(e.{side}_code, ?) OR lower(e.{side}_name) = lower(?))"


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (or '') and its parameters, in order."""
    parts: list[str] = []
    params: list[Any] = []
    if f.actor:
        parts.append(f"({_side('source')} OR {_side('target')})")
        params += [f.actor.upper(), f.actor] * 2
    if f.dyad:
        source, target = f.dyad
        parts.append(f"{_side('source')} AND {_side('target')}")
        params += [source.upper(), source, target.upper(), target]
    if f.code:
        parts.append("starts_with(e.cameo, ?)")
        params.append(f.code)
    if f.root:
        parts.append("e.cameo_root = ?")
        params.append(f.root.zfill(2))
    if f.plover:
        parts.append("upper(e.plover) = upper(?)")
        params.append(f.plover)
    if f.quad is not None:
        parts.append("e.quad_class = ?")
        params.append(f.quad)
    if f.since:
        parts.append("e.first_date >= ?")
        params.append(f.since)
    if f.until:
        parts.append("e.first_date <= ?")
        params.append(f.until)
    if f.modality != "all":
        parts.append("e.modality = ?")
        params.append(f.modality)
    if f.text:
        parts.append("EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id "
                     "AND contains(lower(m.sentence_text), lower(?)))")
        params.append(f.text)
    if f.located:
        parts.append("(e.location_country = upper(?) OR contains(lower(e.location_name), lower(?)) "
                     "OR contains(lower(e.location_region), lower(?)))")
        params += [f.located] * 3
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


EVENT_COLUMNS = ("event_id", "global_event_id", "modality", "first_date", "source_code", "source_name",
                 "source_country", "target_code", "target_name", "target_country", "cameo", "cameo_root",
                 "cameo_label", "plover", "quad_class", "goldstein", "num_mentions", "num_articles",
                 "num_sources", "avg_confidence", "source_url", "location_name", "location_country",
                 "location_region", "location_feature", "location_lat", "location_lon", "location_geonames_id",
                 "location_how")
EVIDENCE_COLUMNS = ("event_id", "doc_id", "event_index", "date", "source_text", "target_text",
                    "sentence_index", "sentence_text", "trigger_text", "trigger_start", "rule", "confidence",
                    "url", "location_name", "location_how", "location_start", "location_end")


def find_events(con, f: EventFilter, with_mentions: bool = False) -> list[dict[str, Any]]:
    """Events matching `f`, oldest first; with their mentions under "mentions" when asked."""
    where, params = where_clause(f)
    columns = ', '.join('e.' + c for c in EVENT_COLUMNS)
    order = " ORDER BY e.first_date NULLS LAST, e.event_id"
    if f.limit or f.offset:
        # A page is picked on the sort keys alone and only its rows are read whole: sorting every
        # match with all its columns to keep a hundred costs twice as much on a busy dyad.
        page = f"SELECT e.rowid AS row_id FROM events e{where}{order}"
        if f.limit:
            page += " LIMIT ?"
            params.append(f.limit)
        if f.offset:
            page += " OFFSET ?"
            params.append(f.offset)
        sql = f"SELECT {columns} FROM events e JOIN ({page}) page ON e.rowid = page.row_id{order}"
    else:
        sql = f"SELECT {columns} FROM events e{where}{order}"
    events = [dict(zip(EVENT_COLUMNS, row)) for row in con.execute(sql, params).fetchall()]
    if with_mentions:
        attach_mentions(con, events)
    return events


def count_matching(con, f: EventFilter) -> int:
    """How many events match `f`, whatever its limit and offset."""
    where, params = where_clause(f)
    return con.execute(f"SELECT count(*) FROM events e{where}", params).fetchall()[0][0]


def attach_mentions(con, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put each event's mentions (its evidence, EVIDENCE_COLUMNS but event_id) under "mentions"."""
    if not events:
        return events
    by_id = {e["event_id"]: e for e in events}
    for e in events:
        e["mentions"] = []
    rows = con.execute(
        f"SELECT {', '.join('m.' + c for c in EVIDENCE_COLUMNS)} FROM event_mentions m "
        "WHERE list_contains(?, m.event_id) ORDER BY m.date, m.doc_id, m.event_index",
        [list(by_id)]).fetchall()
    for row in rows:
        mention = dict(zip(EVIDENCE_COLUMNS, row))
        by_id[mention.pop("event_id")]["mentions"].append(mention)
    return events


def _who(code: str | None, name: str | None) -> str:
    label = code or "?"
    return f"{label} ({name})" if name else label


def _where(e: dict[str, Any]) -> str:
    name = e.get("location_name")
    if not name:
        return ""
    country = e.get("location_country")
    return f"{name} ({country})" if country and e.get("location_feature") != "country" else name


def events_table(events: list[dict[str, Any]], width: int | None = None) -> str:
    """A table for people: one event per line. The events' locations are a last column when some
    event has one and the lines stay within `width` characters (None: no limit)."""
    header = ("DATE", "SOURCE", "TARGET", "CODE", "LABEL", "QUAD", "MENTIONS", "ARTICLES", "SOURCES", "LOCATION")
    caps = (10, 30, 30, 5, 40, 4, 8, 8, 7, 28)
    rows = [header] + [(e["first_date"] or "-", _who(e["source_code"], e["source_name"]),
                        _who(e["target_code"], e["target_name"]), e["cameo"],
                        (e["cameo_label"] or "") + ("" if e["modality"] == "asserted" else f" ({e['modality']})"),
                        str(e["quad_class"] or ""), str(e["num_mentions"]), str(e["num_articles"]),
                        str(e["num_sources"]), _where(e)) for e in events]
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate(caps)]
    without = sum(widths[:-1]) + 2 * (len(widths) - 2)
    if not any(r[-1] for r in rows[1:]) or (width is not None and without + 2 + widths[-1] > width):
        rows, widths = [r[:-1] for r in rows], widths[:-1]      # no room, or nothing to show
    lines = ["  ".join(c[:w].ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    if len(rows) == 1:
        lines.append("(no events)")
    return "\n".join(lines)


def events_json(events: list[dict[str, Any]]) -> str:
    return json.dumps(events, ensure_ascii=False, indent=2, default=str)
