"""Keeping the `events` table equal to the merge of every stored mention.

After a batch adds mentions, the events of each key the batch touched (source, target, CAMEO
code and modality) are merged again, in the batch's own transaction: the table is then what
merging every mention at once would give, whatever the batches were and wherever an earlier run
was killed. Mentions of different modalities are never merged together: "Germany sent tanks"
and "Germany did not send tanks" are not one event. Only asserted events keep the merge's id as
it is; the others get the modality appended to it.

Not every stored mention of a key is merged again, or a long ingest would reload the whole
history of its busiest dyads on every batch. `dedupe.events.merge` anchors each event on its
first day and starts the next one at the first day outside the window, walking the days in
order; so events anchored before the last anchor on or before the batch's earliest day of that
key cannot change. From that anchor on, the key's dated mentions are merged again; mentions
without a date are events of their own document, and only the batch's documents are new.
"""
from __future__ import annotations

import hashlib
from typing import Any

import pyarrow as pa

from redline.store.rows import LOCATION_FIELDS, STR, insert, to_arrow

KEY_COLUMNS = ("source_code", "target_code", "cameo", "modality")
_KEY_MATCH = " AND ".join(f"m.{c} IS NOT DISTINCT FROM k.{c}" for c in KEY_COLUMNS)
_MENTION_COLUMNS = ("doc_id", "event_index", "date", "modality", "source_code", "source_text", "source_name",
                    "source_country", "source_igo", "source_sectors", "target_code", "target_text",
                    "target_name", "target_country", "target_igo", "target_sectors", "cameo", "cameo_root",
                    "cameo_label", "plover", "goldstein", "quad_class", "sentence_index", "sentence_text",
                    "trigger_text", "trigger_start", "trigger_end", "rule", "confidence", "url",
                    "negated", "hypothetical", *(name for name, _ in LOCATION_FIELDS))


def global_event_id(event_id: str) -> int:
    """A positive 60-bit integer for GDELT's numeric GLOBALEVENTID, stable like the event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _keys_table(keys: dict[tuple, str | None]) -> pa.Table:
    """Keys with the earliest day the batch brings for each (null: the batch has only undated mentions)."""
    ordered = sorted(keys, key=lambda k: tuple((v is not None, v or "") for v in k))
    columns = {c: pa.array([k[i] for k in ordered], STR) for i, c in enumerate(KEY_COLUMNS)}
    return pa.table({**columns, "earliest": pa.array([keys[k] for k in ordered], STR)})


def batch_keys(mentions: pa.Table) -> dict[tuple, str | None]:
    """The keys of a batch's mentions, each with its earliest day (ISO), or None when none is dated."""
    from redline.events.dates import parse_iso

    keys: dict[tuple, str | None] = {}
    columns = [mentions.column(c).to_pylist() for c in KEY_COLUMNS]
    for *key, date in zip(*columns, mentions.column("date").to_pylist()):
        day = parse_iso(date)
        key = tuple(key)
        known = keys.get(key)
        if day is not None and (known is None or day.isoformat() < known):
            keys[key] = day.isoformat()
        else:
            keys.setdefault(key, None)
    return keys


def _event_row(merged, modality: str, first: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    event_id = merged.event_id if modality == "asserted" else f"{merged.event_id}-{modality}"
    row = {"event_id": event_id, "global_event_id": global_event_id(event_id), "modality": modality,
           "first_date": merged.first_date}
    for side in ("source", "target"):
        for part in ("code", "text", "name", "country", "igo", "sectors"):
            row[f"{side}_{part}"] = first[f"{side}_{part}"]
    row.update({"cameo": merged.cameo, "cameo_root": first["cameo_root"], "cameo_label": first["cameo_label"],
                "plover": first["plover"], "quad_class": merged.quad_class, "goldstein": merged.goldstein,
                # GDELT's IsRootEvent: reported in a lead sentence of some article
                "is_root_event": any(r["sentence_index"] == 0 for r in rows),
                "num_mentions": merged.num_mentions, "num_articles": merged.num_articles,
                "num_sources": merged.num_sources, "avg_confidence": merged.avg_confidence,
                "first_doc_id": first["doc_id"], "source_url": first["url"] or first["origin"]})
    # where: the location of the mention that stands for the event
    row.update({name: first[name] for name, _ in LOCATION_FIELDS})
    return row


def remerge(con, keys: dict[tuple, str | None], doc_ids: list[str], window_days: int = 1) -> int:
    """Merge again the events of `keys` (tuples in KEY_COLUMNS order, each with the earliest day
    of the batch's mentions, see `batch_keys`) that the batch's documents `doc_ids` can change,
    inside the caller's transaction; returns the number of events merged again."""
    from redline.dedupe.events import EventMention, merge
    from redline.events.dates import parse_iso

    if not keys:
        return 0
    con.register("_redline_keys", _keys_table(keys))
    con.register("_redline_docs", pa.table({"doc_id": pa.array(sorted(set(doc_ids)), STR)}))
    try:
        # the anchor each key's merge starts from: its last event anchored on or before the batch's
        # earliest day; none (NULL) when the batch starts before every event of the key
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _redline_from AS
            SELECT {', '.join('k.' + c for c in KEY_COLUMNS)}, k.earliest,
                   max(m.first_date) FILTER (WHERE m.first_date <= k.earliest) AS anchor
            FROM _redline_keys k LEFT JOIN events m ON {_KEY_MATCH} AND m.first_date IS NOT NULL
            GROUP BY ALL""")
        cursor = con.execute(
            f"SELECT {', '.join('m.' + c for c in _MENTION_COLUMNS)}, d.seq, d.origin, "
            f"m.doc_id IN (SELECT doc_id FROM _redline_docs) AS new_doc "
            f"FROM event_mentions m JOIN _redline_from k ON {_KEY_MATCH} JOIN documents d ON d.id = m.doc_id "
            f"WHERE m.doc_id IN (SELECT doc_id FROM _redline_docs) "
            f"OR (k.earliest IS NOT NULL AND substr(m.date, 1, 10) >= coalesce(k.anchor, ''))")
        names = [c[0] for c in cursor.description]
        by_group: dict[tuple, list[dict[str, Any]]] = {}
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            if not row["new_doc"] and parse_iso(row["date"]) is None:
                continue     # an older document's undated mention: its event cannot change
            by_group.setdefault(tuple(row[c] for c in KEY_COLUMNS), []).append(row)

        events, links = [], []
        for key, rows in by_group.items():
            by_ident = {(r["doc_id"], r["event_index"]): r for r in rows}
            mentions = [EventMention(
                doc_id=r["doc_id"], event_index=r["event_index"], date=r["date"], source_code=r["source_code"],
                target_code=r["target_code"], cameo=r["cameo"], source_country=r["source_country"],
                target_country=r["target_country"], quad_class=r["quad_class"], goldstein=r["goldstein"],
                sentence=r["sentence_text"] or "", trigger=r["trigger_text"] or "",
                confidence=r["confidence"] or 0.0, url=r["url"], origin=r["origin"],
                sentence_index=r["sentence_index"], trigger_start=r["trigger_start"],
                trigger_end=r["trigger_end"], rule=r["rule"], negated=r["negated"],
                hypothetical=r["hypothetical"]) for r in rows]
            for merged in merge(mentions, window_days=window_days):
                group = [by_ident[(m.doc_id, m.event_index)] for m in merged.mentions]
                # the mention that stands for the event: earliest date, then earliest stored document
                first = min(group, key=lambda r: (r["date"] or "", r["seq"], r["event_index"]))
                row = _event_row(merged, key[3], first, group)
                events.append(row)
                links.extend({"doc_id": r["doc_id"], "event_index": r["event_index"],
                              "event_id": row["event_id"]} for r in group)

        # the events merged again: the dated ones from each key's anchor on (none of the batch's
        # documents has an event yet, so their undated ones are new)
        con.execute(f"DELETE FROM events m USING _redline_from k WHERE {_KEY_MATCH} AND k.earliest IS NOT NULL "
                    f"AND m.first_date >= coalesce(k.anchor, '')")
        insert(con, "events", to_arrow("events", events))
        if links:
            link_table = pa.table({"doc_id": pa.array([x["doc_id"] for x in links], STR),
                                   "event_index": pa.array([x["event_index"] for x in links], pa.int32()),
                                   "event_id": pa.array([x["event_id"] for x in links], STR)})
            con.register("_redline_links", link_table)
            try:
                con.execute("UPDATE event_mentions SET event_id = l.event_id FROM _redline_links l "
                            "WHERE event_mentions.doc_id = l.doc_id "
                            "AND event_mentions.event_index = l.event_index "
                            "AND event_mentions.event_id IS DISTINCT FROM l.event_id")
            finally:
                con.unregister("_redline_links")
        return len(events)
    finally:
        con.execute("DROP TABLE IF EXISTS _redline_from")
        con.unregister("_redline_docs")
        con.unregister("_redline_keys")


def count_events(con) -> int:
    return con.execute("SELECT count(*) FROM events").fetchall()[0][0]

