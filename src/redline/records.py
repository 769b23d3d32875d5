"""The records that flow between redline's stages.

One `Document` travels from the sources through nlp, actors and events to the output; each
stage fills its own fields. Every record turns itself into the JSON shape of the output schema
(`to_dict`), so there is one place where field names are decided.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from redline.errors import message

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class TextSpan:
    """A piece of the document text with its character offsets (end exclusive)."""
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": [self.start, self.end]}


@dataclass(slots=True)
class Actor:
    """Who acts or is acted upon, coded CAMEO-style (`RUSGOV`, `IGOWSTNAT`, `USAMIL`)."""
    text: str
    code: str
    country: str | None = None
    igo: str | None = None
    sectors: list[str] = field(default_factory=list)
    name: str | None = None
    kind: str = ""      # person, group, state, organisation, sector, people (sector words of peoples
    # of several states: "European lawmakers"): how references back find it

    def key(self) -> tuple:
        return (self.code, self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "igo": self.igo,
                "sectors": list(self.sectors), "name": self.name}


@dataclass(slots=True)
class Mention:
    """One place in the text where an actor is named or referred to."""
    actor: Actor
    start: int          # character offsets into the document text
    end: int
    kind: str           # country, igo, person, sector, metonym, pronoun, definite


@dataclass(slots=True)
class SentenceRef:
    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "span": [self.start, self.end], "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer: a country, a first-level region, a city, or a curated region,
    sea, strait or contested area."""
    name: str
    feature: str                # country, admin1, city, region, sea, strait, ... (see places.gazetteer)
    country: str | None         # ISO3 of the state it lies in; None for international waters
    region: str | None          # first-level region it lies in (GeoNames' name), when one
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    population: int = 0
    contested: bool = False
    key: str = ""               # unique in the gazetteer: "gn:703448", "country:UKR", "curated:donbas"
    admin1: str | None = None   # GeoNames' code of its first-level region ("UA.05"), when one

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "feature": self.feature, "country": self.country, "region": self.region,
                "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id}


@dataclass(slots=True)
class PlaceMention:
    """Where the text names a place, and the place it was resolved to."""
    place: Place
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Location:
    """Where an event happened: a place named in its sentence, or the document's focus."""
    place: Place
    start: int                  # the mention the location comes from
    end: int
    how: str                    # sentence, document

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.place.name, "span": [self.start, self.end], "country": self.place.country,
                "region": self.place.region, "feature": self.place.feature, "lat": self.place.lat,
                "lon": self.place.lon, "geonames_id": self.place.geonames_id, "how": self.how}


NO_LOCATION = {"name": None, "span": None, "country": None, "region": None, "feature": None, "lat": None,
               "lon": None, "geonames_id": None, "how": "none"}


@dataclass(slots=True)
class Event:
    """A coded political event with its evidence."""
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_label: str
    plover: str | None
    plover_mode: str | None
    plover_contexts: list[str]
    goldstein: float
    quad_class: int
    trigger: TextSpan
    sentence: SentenceRef
    rule: str
    confidence: float
    negated: bool = False
    hypothetical: bool = False
    attributed_to: dict[str, Any] | None = None
    date: str | None = None
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo, "cameo_root": self.cameo_root, "cameo_label": self.cameo_label,
            "plover": self.plover, "plover_mode": self.plover_mode,
            "plover_contexts": list(self.plover_contexts),
            "goldstein": self.goldstein, "quad_class": self.quad_class,
            "negated": self.negated, "hypothetical": self.hypothetical,
            "attributed_to": self.attributed_to,
            "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
            "rule": self.rule, "confidence": round(self.confidence, 3), "date": self.date,
            "location": self.location.to_dict() if self.location else dict(NO_LOCATION),
        }


@dataclass(slots=True)
class Speaker:
    """Who a quotation comes from: the mention in the text and who it resolves to."""
    text: str
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    organization: str | None = None
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": [self.start, self.end], "name": self.name, "role": self.role,
                "organization": self.organization, "actor": self.actor.to_dict() if self.actor else None}


@dataclass(slots=True)
class Quote:
    """A quotation: direct (in marks), indirect (reported speech) or mixed."""
    text: str
    start: int
    end: int
    kind: str                       # direct, indirect, mixed
    speaker: Speaker | None
    cue: TextSpan | None
    sentence_index: int
    confidence: float
    events: list[int] = field(default_factory=list)   # indices into the document's events

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": [self.start, self.end], "kind": self.kind,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue.to_dict() if self.cue else None, "sentence_index": self.sentence_index,
                "events": list(self.events), "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class Document:
    """An article on its way through the pipeline, and the unit of output."""
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    origin: str | None = None               # where it was read: "file.jsonl:12", "-", a path, a URL
    # Provenance for the store, not part of the output schema: when the page was downloaded
    # (ISO time, UTC) and where the record starts in its origin (byte offset in a WARC file,
    # line in a JSONL file, entry number in a feed).
    fetched_at: str | None = None
    offset: int | None = None
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None                # set when the input could not be processed at all

    def __post_init__(self) -> None:
        # A Python str may hold lone surrogates (JSON's "\ud800" escape, text from the API), which
        # are not Unicode characters: spaCy cannot hash them and the output cannot be written as
        # UTF-8. Each is replaced by U+FFFD, one code point for one, so offsets are unchanged.
        dirty = [name for name in ("id", "text", "title", "date", "url")
                 if isinstance(getattr(self, name), str) and _SURROGATE.search(getattr(self, name))]
        for name in dirty:
            setattr(self, name, _SURROGATE.sub("\ufffd", getattr(self, name)))
        if dirty:
            self.warnings.append(message("W005", fields=", ".join(dirty)))

    def actors_summary(self) -> list[dict[str, Any]]:
        """Every distinct actor of the document with the places it is mentioned."""
        seen: dict[tuple, dict[str, Any]] = {}
        for m in self.mentions:
            entry = seen.get(m.actor.key())
            if entry is None:
                entry = {k: v for k, v in m.actor.to_dict().items() if k != "text"}
                entry["mentions"] = []
                seen[m.actor.key()] = entry
            entry["mentions"].append({"text": self.text[m.start:m.end], "span": [m.start, m.end]})
        return list(seen.values())

    def places_summary(self) -> list[dict[str, Any]]:
        """Every distinct place of the document with the places in the text that name it."""
        seen: dict[str, dict[str, Any]] = {}
        for m in self.places:
            entry = seen.get(m.place.key)
            if entry is None:
                entry = seen[m.place.key] = {**m.place.to_dict(), "mentions": []}
            entry["mentions"].append({"text": m.text, "span": [m.start, m.end]})
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        return {"id": self.id, "title": self.title, "date": self.date, "url": self.url,
                "events": [e.to_dict() for e in self.events],
                "actors": self.actors_summary(), "quotes": [q.to_dict() for q in self.quotes],
                "places": self.places_summary(), "warnings": list(self.warnings)}
