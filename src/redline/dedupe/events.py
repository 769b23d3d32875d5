"""Merging mentions of one event across documents into one event, with GDELT's counts.

Twenty articles reporting that Russia shelled Kharkiv on Monday are one event with twenty
mentions, not twenty events. As in GDELT 2.0, an event is identified by its source, target and
CAMEO code and a date window; `num_mentions` counts every mention (repeats within a document
included), `num_articles` the distinct documents and `num_sources` the distinct source sites.
Every mention is kept on the event, so an analyst can trace it back to its sentences.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

from redline.events.dates import parse_iso
from redline.records import Document, Event

_LINE_SUFFIX = re.compile(r":\d+$")     # "feed.jsonl:12" -> the file is the source, not the line


@dataclass(slots=True)
class EventMention:
    """One coded event in one document: the evidence that an event happened."""
    doc_id: str
    event_index: int                    # position of the event in its document's `events`
    date: str | None                    # ISO day of the event (its own date, else the document's)
    source_code: str | None
    target_code: str | None
    cameo: str
    source_country: str | None = None
    target_country: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    sentence: str = ""                  # the sentence text
    trigger: str = ""                   # the trigger text
    confidence: float = 0.0
    url: str | None = None
    origin: str | None = None           # where the document was read, for documents without a URL
    sentence_index: int | None = None
    trigger_start: int | None = None    # character offsets of the trigger in the document text
    trigger_end: int | None = None
    rule: str | None = None
    negated: bool = False
    hypothetical: bool = False

    @classmethod
    def from_event(cls, document: Document, event_index: int, event: Event) -> "EventMention":
        return cls(
            doc_id=document.id, event_index=event_index, date=event.date or document.date,
            source_code=event.source.code if event.source else None,
            target_code=event.target.code if event.target else None,
            cameo=event.cameo,
            source_country=event.source.country if event.source else None,
            target_country=event.target.country if event.target else None,
            quad_class=event.quad_class, goldstein=event.goldstein,
            sentence=event.sentence.text, trigger=event.trigger.text, confidence=event.confidence,
            url=document.url, origin=document.origin, sentence_index=event.sentence.index,
            trigger_start=event.trigger.start, trigger_end=event.trigger.end, rule=event.rule,
            negated=event.negated, hypothetical=event.hypothetical)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def mentions_of(document: Document) -> list[EventMention]:
    """Every event of a coded document as a mention."""
    return [EventMention.from_event(document, i, e) for i, e in enumerate(document.events)]


def event_key(m: EventMention) -> tuple:
    """What makes two mentions candidates for the same event: who did what to whom."""
    return (m.source_code, m.target_code, m.cameo)


def source_of(m: EventMention) -> str:
    """The source site of a mention: the URL's host (without `www.`), else the file it was read
    from, else the document itself."""
    if m.url:
        host = (urlsplit(m.url).hostname or "").lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    if m.origin:
        return _LINE_SUFFIX.sub("", m.origin)
    return m.doc_id


@dataclass(slots=True)
class MergedEvent:
    """One event, with every mention that reports it."""
    event_id: str
    source_code: str | None
    target_code: str | None
    cameo: str
    first_date: str | None              # None only for mentions with no date (merged per document)
    num_mentions: int
    num_articles: int
    num_sources: int
    mentions: list[EventMention] = field(default_factory=list)
    avg_confidence: float = 0.0
    goldstein: float | None = None
    quad_class: int | None = None
    source_country: str | None = None
    target_country: str | None = None
    last_date: str | None = None

    @property
    def key(self) -> tuple:
        return (self.source_code, self.target_code, self.cameo)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def event_id(key: tuple, first_date: str | None, doc_id: str | None = None) -> str:
    """Stable id: the same key and first date always give the same id, whatever else was merged."""
    when = first_date if first_date is not None else f"undated\x1f{doc_id}"
    parts = ["" if part is None else str(part) for part in key] + [when]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _sortable(key: tuple) -> tuple:
    return tuple((part is not None, part or "") for part in key)


def _unique(mentions: Iterable[EventMention]) -> list[EventMention]:
    """One mention per (doc_id, event_index): the same mention given twice (a re-read document)
    counts once. Conflicting copies keep the one with the smallest repr, whatever the input order."""
    chosen: dict[tuple[str, int], EventMention] = {}
    for m in mentions:
        ident = (m.doc_id, m.event_index)
        kept = chosen.get(ident)
        if kept is None or (kept != m and repr(m) < repr(kept)):
            chosen[ident] = m
    return list(chosen.values())


def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def _merged(key: tuple, group: list[EventMention], first_date: str | None) -> MergedEvent:
    days = sorted(m.date[:10] for m in group if parse_iso(m.date) is not None)
    return MergedEvent(
        event_id=event_id(key, first_date, None if first_date is not None else group[0].doc_id),
        source_code=key[0], target_code=key[1], cameo=key[2], first_date=first_date,
        num_mentions=len(group), num_articles=len({m.doc_id for m in group}),
        num_sources=len({source_of(m) for m in group}), mentions=group,
        avg_confidence=math.fsum(m.confidence for m in group) / len(group),
        goldstein=_first(m.goldstein for m in group), quad_class=_first(m.quad_class for m in group),
        source_country=_first(m.source_country for m in group),
        target_country=_first(m.target_country for m in group),
        last_date=days[-1] if days else None)


def merge(mentions: Iterable[EventMention], window_days: int = 1) -> list[MergedEvent]:
    """Group mentions into events: the same key, dated within `window_days` of the group's first mention.

    Groups are anchored on their first mention (not chained), so a story repeated every day for a
    week is several events, as in GDELT. Mentions without a usable date cannot be placed in time
    and are merged only with the same key in the same document. The result (groups, ids, counts and
    the order of events and of their mentions) does not depend on the order of the input.
    """
    if window_days < 0:
        raise ValueError(f"window_days must be 0 or more, got {window_days!r}")
    by_key: dict[tuple, list[tuple[dt.date | None, EventMention]]] = {}
    for m in _unique(mentions):
        by_key.setdefault(event_key(m), []).append((parse_iso(m.date), m))

    events: list[MergedEvent] = []
    for key in sorted(by_key, key=_sortable):
        dated = sorted(((d, m) for d, m in by_key[key] if d is not None),
                       key=lambda dm: (dm[0], dm[1].doc_id, dm[1].event_index))
        undated = sorted((m for d, m in by_key[key] if d is None), key=lambda m: (m.doc_id, m.event_index))
        group: list[EventMention] = []
        start: dt.date | None = None
        for day, m in dated:
            if start is not None and (day - start).days > window_days:
                events.append(_merged(key, group, start.isoformat()))
                group = []
                start = None
            if start is None:
                start = day
            group.append(m)
        if group:
            events.append(_merged(key, group, start.isoformat()))
        per_document: dict[str, list[EventMention]] = {}
        for m in undated:
            per_document.setdefault(m.doc_id, []).append(m)
        events.extend(_merged(key, ms, None) for ms in per_document.values())
    events.sort(key=lambda e: (e.first_date is None, e.first_date or "", _sortable(e.key),
                               e.mentions[0].doc_id))
    return events
