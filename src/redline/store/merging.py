"""Keeping the `events` table equal to the merge of every stored mention.

After a batch adds mentions, the events of each key the batch touched (source, target, CAMEO
code and modality) are merged again from all stored mentions of that key, in the batch's own
transaction: the table is then what merging every mention at once would give, whatever the
batches were and wherever an earlier run was killed. Mentions of different modalities are never
merged together: "Germany sent tanks" and "Germany did not send tanks" are not one event. Only
asserted events keep the merge's id as it is; the others get the modality appended to it.
"""
from __future__ import annotations

import hashlib
from typing import Any

import pyarrow as pa

from redline.store.rows import STR, insert, to_arrow

KEY_COLUMNS = ("source_code", "target_code", "cameo", "modality")
_KEY_MATCH = " AND ".join(f"m.{c} IS NOT DISTINCT FROM k.{c}" for c in KEY_COLUMNS)
_MENTION_COLUMNS = ("doc_id", "event_index", "date", "modality", "source_code", "source_text", "source_name",
                    "source_country", "source_igo", "source_sectors", "target_code", "target_text",
                    "target_name", "target_country", "target_igo", "target_sectors", "cameo", "cameo_root",
                    "cameo_label", "plover", "goldstein", "quad_class", "sentence_index", "sentence_text",
                    "trigger_text", "trigger_start", "trigger_end", "rule", "confidence", "url",
                    "negated", "hypothetical")


def global_event_id(event_id: str) -> int:
    """A positive 60-bit integer for GDELT's numeric GLOBALEVENTID, stable like the event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _keys_table(keys: set[tuple]) -> pa.Table:
    ordered = sorted(keys, key=lambda k: tuple((v is not None, v or "") for v in k))
    return pa.table({c: pa.array([k[i] for k in ordered], STR) for i, c in enumerate(KEY_COLUMNS)})


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
    return row


def remerge(con, keys: set[tuple], window_days: int = 1) -> int:
    """Merge again every event of `keys` (tuples in KEY_COLUMNS order) inside the caller's
    transaction; returns the number of events those keys now have."""
    from redline.dedupe.events import EventMention, merge

    if not keys:
        return 0
    con.register("_redline_keys", _keys_table(keys))
    try:
        cursor = con.execute(
            f"SELECT {', '.join('m.' + c for c in _MENTION_COLUMNS)}, d.seq, d.origin "
            f"FROM event_mentions m JOIN _redline_keys k ON {_KEY_MATCH} JOIN documents d ON d.id = m.doc_id")
        names = [c[0] for c in cursor.description]
        by_group: dict[tuple, list[dict[str, Any]]] = {}
        for values in cursor.fetchall():
            row = dict(zip(names, values))
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

        con.execute(f"DELETE FROM events m USING _redline_keys k WHERE {_KEY_MATCH}")
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
        con.unregister("_redline_keys")


def count_events(con) -> int:
    return con.execute("SELECT count(*) FROM events").fetchall()[0][0]

