"""A coded `Document` as rows of the store's tables, in Arrow tables ready for one bulk insert.

Every column is declared with its Arrow type here, so a batch where a column happens to be all
empty still inserts (Arrow cannot guess a type from nulls alone) and the table shapes live in
one place next to `schema.py`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

from redline.records import Actor, Document, Event, Location

STR, INT, BIGINT, FLOAT, BOOL = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
STRINGS = pa.list_(pa.string())


def _actor_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_code", STR), (f"{prefix}_text", STR), (f"{prefix}_name", STR),
            (f"{prefix}_country", STR), (f"{prefix}_igo", STR), (f"{prefix}_sectors", STRINGS)]


DOCUMENT_FIELDS = [("id", STR), ("seq", BIGINT), ("fingerprint", STR), ("signature", pa.list_(pa.uint64())),
                   ("duplicate_of", STR), ("title", STR), ("date", STR), ("url", STR), ("origin", STR),
                   ("offset", BIGINT), ("fetched_at", STR), ("text", STR), ("warnings", STRINGS), ("error", STR),
                   ("num_events", INT), ("num_quotes", INT), ("ingested_at", pa.timestamp("us"))]
# Where an event happened (`Event.location`); mentions also keep the span of the place's mention.
LOCATION_FIELDS = [("location_name", STR), ("location_country", STR), ("location_region", STR),
                   ("location_admin1", STR), ("location_feature", STR), ("location_lat", FLOAT),
                   ("location_lon", FLOAT), ("location_geonames_id", BIGINT), ("location_how", STR)]
LOCATION_SPAN_FIELDS = [("location_start", INT), ("location_end", INT)]
MENTION_FIELDS = [("doc_id", STR), ("event_index", INT), ("date", STR), ("modality", STR), ("negated", BOOL),
                  ("hypothetical", BOOL), *_actor_fields("source"), *_actor_fields("target"),
                  ("cameo", STR), ("cameo_root", STR), ("cameo_label", STR), ("plover", STR), ("plover_mode", STR),
                  ("plover_contexts", STRINGS), ("goldstein", FLOAT), ("quad_class", INT), ("attributed_to", STR),
                  ("sentence_index", INT), ("sentence_start", INT), ("sentence_end", INT), ("sentence_text", STR),
                  ("trigger_text", STR), ("trigger_start", INT), ("trigger_end", INT), ("rule", STR),
                  ("confidence", FLOAT), ("url", STR), *LOCATION_FIELDS, *LOCATION_SPAN_FIELDS]
QUOTE_FIELDS = [("doc_id", STR), ("quote_index", INT), ("kind", STR), ("text", STR), ("span_start", INT),
                ("span_end", INT), ("sentence_index", INT), ("speaker_text", STR), ("speaker_name", STR),
                ("speaker_role", STR), ("speaker_organization", STR), ("speaker_code", STR),
                ("speaker_country", STR), ("cue_text", STR), ("event_indices", pa.list_(pa.int32())),
                ("confidence", FLOAT)]
ACTOR_FIELDS = [("doc_id", STR), ("mention_index", INT), ("code", STR), ("name", STR), ("country", STR), ("igo", STR),
                ("sectors", STRINGS), ("actor_kind", STR), ("mention_kind", STR), ("text", STR),
                ("span_start", INT), ("span_end", INT)]
EVENT_FIELDS = [("event_id", STR), ("global_event_id", BIGINT), ("modality", STR), ("first_date", STR),
                *_actor_fields("source"), *_actor_fields("target"), ("cameo", STR), ("cameo_root", STR),
                ("cameo_label", STR), ("plover", STR), ("quad_class", INT), ("goldstein", FLOAT),
                ("is_root_event", BOOL), ("num_mentions", INT), ("num_articles", INT), ("num_sources", INT),
                ("avg_confidence", FLOAT), ("first_doc_id", STR), ("source_url", STR), *LOCATION_FIELDS]
PLACE_FIELDS = [("doc_id", STR), ("place_index", INT), ("name", STR), ("feature", STR), ("country", STR),
                ("region", STR), ("admin1", STR), ("lat", FLOAT), ("lon", FLOAT), ("geonames_id", BIGINT),
                ("contested", BOOL), ("text", STR), ("span_start", INT), ("span_end", INT)]

TABLE_FIELDS = {"documents": DOCUMENT_FIELDS, "event_mentions": MENTION_FIELDS, "quotes": QUOTE_FIELDS,
                "actors": ACTOR_FIELDS, "places": PLACE_FIELDS, "events": EVENT_FIELDS}
# The tables a batch of coded documents adds rows to (`events` is merged from the mentions).
BATCH_TABLES = ("documents", "event_mentions", "quotes", "actors", "places")


def modality(event: Event) -> str:
    """One word for what the text says about the event: it happened, it did not, or it might."""
    if event.negated:
        return "negated"
    if event.hypothetical:
        return "hypothetical"
    return "asserted"


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_code": None, f"{prefix}_text": None, f"{prefix}_name": None,
                f"{prefix}_country": None, f"{prefix}_igo": None, f"{prefix}_sectors": []}
    return {f"{prefix}_code": actor.code or None, f"{prefix}_text": actor.text, f"{prefix}_name": actor.name,
            f"{prefix}_country": actor.country, f"{prefix}_igo": actor.igo,
            f"{prefix}_sectors": list(actor.sectors)}


def location(loc: Location | None) -> dict[str, Any]:
    """The location columns of a mention: `location_how` "none" and nulls when it has none."""
    if loc is None:
        return {**{name: None for name, _ in LOCATION_FIELDS + LOCATION_SPAN_FIELDS}, "location_how": "none"}
    p = loc.place
    return {"location_name": p.name, "location_country": p.country, "location_region": p.region,
            "location_admin1": p.admin1, "location_feature": p.feature, "location_lat": p.lat,
            "location_lon": p.lon, "location_geonames_id": p.geonames_id, "location_how": loc.how,
            "location_start": loc.start, "location_end": loc.end}


def mention_row(doc: Document, index: int, e: Event) -> dict[str, Any]:
    return {"doc_id": doc.id, "event_index": index, "date": e.date or doc.date, "modality": modality(e),
            "negated": e.negated, "hypothetical": e.hypothetical,
            **_actor("source", e.source), **_actor("target", e.target),
            "cameo": e.cameo, "cameo_root": e.cameo_root, "cameo_label": e.cameo_label, "plover": e.plover,
            "plover_mode": e.plover_mode, "plover_contexts": list(e.plover_contexts),
            "goldstein": e.goldstein, "quad_class": e.quad_class,
            "attributed_to": json.dumps(e.attributed_to, ensure_ascii=False) if e.attributed_to else None,
            "sentence_index": e.sentence.index, "sentence_start": e.sentence.start,
            "sentence_end": e.sentence.end, "sentence_text": e.sentence.text,
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "rule": e.rule, "confidence": e.confidence, "url": doc.url, **location(e.location)}


def quote_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for i, q in enumerate(doc.quotes):
        sp = q.speaker
        actor = sp.actor if sp else None
        rows.append({"doc_id": doc.id, "quote_index": i, "kind": q.kind, "text": q.text,
                     "span_start": q.start, "span_end": q.end, "sentence_index": q.sentence_index,
                     "speaker_text": sp.text if sp else None, "speaker_name": sp.name if sp else None,
                     "speaker_role": sp.role if sp else None,
                     "speaker_organization": sp.organization if sp else None,
                     "speaker_code": actor.code if actor else None,
                     "speaker_country": actor.country if actor else None,
                     "cue_text": q.cue.text if q.cue else None, "event_indices": list(q.events),
                     "confidence": q.confidence})
    return rows


def actor_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"doc_id": doc.id, "mention_index": i, "code": m.actor.code, "name": m.actor.name,
             "country": m.actor.country, "igo": m.actor.igo, "sectors": list(m.actor.sectors),
             "actor_kind": m.actor.kind or None, "mention_kind": m.kind, "text": doc.text[m.start:m.end],
             "span_start": m.start, "span_end": m.end}
            for i, m in enumerate(doc.mentions)]


def place_rows(doc: Document) -> list[dict[str, Any]]:
    """Every place the text names, in the order the places stage gives them."""
    return [{"doc_id": doc.id, "place_index": i, "name": m.place.name, "feature": m.place.feature,
             "country": m.place.country, "region": m.place.region, "admin1": m.place.admin1,
             "lat": m.place.lat, "lon": m.place.lon, "geonames_id": m.place.geonames_id,
             "contested": m.place.contested, "text": doc.text[m.start:m.end], "span_start": m.start, "span_end": m.end}
            for i, m in enumerate(doc.places)]


@dataclass
class StoredDocument:
    """A document as the ingest decided to store it: its id in the store, dedupe data, status."""
    doc: Document
    store_id: str
    seq: int
    fingerprint: str
    signature: list[int]
    duplicate_of: str | None = None
    coded: bool = False


@dataclass
class BatchRows:
    """The rows one batch adds to each table."""
    documents: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)

    def add(self, item: StoredDocument, ingested_at: datetime) -> None:
        doc = item.doc
        if doc.id != item.store_id:
            doc.id = item.store_id       # mentions, quotes and actors must name the stored id
        coded = item.coded and doc.error is None
        self.documents.append({
            "id": item.store_id, "seq": item.seq, "fingerprint": item.fingerprint,
            "signature": item.signature, "duplicate_of": item.duplicate_of, "title": doc.title,
            "date": doc.date, "url": doc.url, "origin": doc.origin,
            "offset": getattr(doc, "offset", None), "fetched_at": getattr(doc, "fetched_at", None),
            "text": doc.text, "warnings": list(doc.warnings), "error": doc.error,
            "num_events": len(doc.events) if coded else None,
            "num_quotes": len(doc.quotes) if coded else None, "ingested_at": ingested_at})
        if not coded:
            return
        self.event_mentions.extend(mention_row(doc, i, e) for i, e in enumerate(doc.events))
        self.quotes.extend(quote_rows(doc))
        self.actors.extend(actor_rows(doc))
        self.places.extend(place_rows(doc))

    def tables(self) -> dict[str, pa.Table]:
        return {name: to_arrow(name, getattr(self, name)) for name in BATCH_TABLES}


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    fields = TABLE_FIELDS[table]
    schema = pa.schema(fields)
    return pa.Table.from_pydict({name: [r[name] for r in rows] for name, _ in fields}, schema=schema)


def insert(con, table: str, data: pa.Table) -> None:
    """Bulk insert an Arrow table (values travel as data, never as SQL text)."""
    if data.num_rows == 0:
        return
    columns = ", ".join(f'"{name}"' for name in data.column_names)
    view = f"_redline_insert_{table}"
    con.register(view, data)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")
    finally:
        con.unregister(view)
