"""The store as the API and the dashboard show it: one small function per resource.

Every function takes an open connection (read-only is enough) and returns typed rows:
dataclasses, lists of them as a `Page` (the rows asked for, and how many there are in all).
User values only ever travel as query parameters; the SQL text is built from constants.
Counts over events (actors, places, dyads, timelines) take the events that happened
(`modality = 'asserted'`), as `redline events` does by default.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta, timezone
from typing import Any, Generic, TypeVar

from redline.store.query import (EVENT_COLUMNS, EVIDENCE_COLUMNS, EventFilter, attach_mentions,
                                 count_matching, find_events)

T = TypeVar("T")
ASSERTED = "e.modality = 'asserted'"


@dataclass
class Page(Generic[T]):
    """`limit` rows from `offset` on, of `total` rows in all."""
    items: list[T]
    total: int
    limit: int
    offset: int


# -- rows -------------------------------------------------------------------------------------------

@dataclass
class DocumentSummary:
    id: str
    title: str | None
    date: str | None
    url: str | None
    origin: str | None
    duplicate_of: str | None      # the earlier stored copy of a near-duplicate (which is not coded)
    num_events: int | None
    num_quotes: int | None
    length: int                   # characters of text
    error: str | None
    warnings: list[str] | None
    ingested_at: datetime | None  # UTC

    def __post_init__(self):
        # The store keeps UTC without a zone; an RFC 3339 date-time must say which zone it is in.
        if self.ingested_at is not None and self.ingested_at.tzinfo is None:
            self.ingested_at = self.ingested_at.replace(tzinfo=timezone.utc)


@dataclass
class DocumentEventMention:
    """An event as one document reports it, with the spans that show it in the text:
    the sentence (sentence_start..sentence_end), the trigger, and where it happened."""
    event_index: int
    event_id: str | None
    date: str | None
    modality: str
    negated: bool
    hypothetical: bool
    source_code: str | None
    source_text: str | None
    source_name: str | None
    source_country: str | None
    source_igo: str | None
    source_sectors: list[str] | None
    target_code: str | None
    target_text: str | None
    target_name: str | None
    target_country: str | None
    target_igo: str | None
    target_sectors: list[str] | None
    cameo: str
    cameo_root: str | None
    cameo_label: str | None
    plover: str | None
    plover_mode: str | None
    plover_contexts: list[str] | None
    goldstein: float | None
    quad_class: int | None
    attributed_to: dict[str, Any] | None   # whose claim it is: text, span, name, code
    sentence_index: int | None
    sentence_start: int | None
    sentence_end: int | None
    sentence_text: str | None
    trigger_text: str | None
    trigger_start: int | None
    trigger_end: int | None
    rule: str | None
    confidence: float | None
    url: str | None
    location_name: str | None
    location_country: str | None
    location_region: str | None
    location_admin1: str | None
    location_feature: str | None
    location_lat: float | None
    location_lon: float | None
    location_geonames_id: int | None
    location_how: str | None
    location_start: int | None
    location_end: int | None


@dataclass
class Quote:
    doc_id: str
    quote_index: int
    kind: str
    text: str
    span_start: int | None
    span_end: int | None
    sentence_index: int | None
    speaker_text: str | None
    speaker_name: str | None
    speaker_role: str | None
    speaker_organization: str | None
    speaker_code: str | None
    speaker_country: str | None
    cue_text: str | None
    event_indices: list[int] | None
    confidence: float | None
    doc_date: str | None
    doc_title: str | None
    doc_url: str | None


@dataclass
class ActorMention:
    mention_index: int
    code: str | None
    name: str | None
    country: str | None
    igo: str | None
    sectors: list[str] | None
    actor_kind: str | None
    mention_kind: str | None
    text: str | None
    span_start: int | None
    span_end: int | None


@dataclass
class PlaceMention:
    place_index: int
    name: str | None
    feature: str | None
    country: str | None
    region: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    contested: bool | None
    text: str | None
    span_start: int | None
    span_end: int | None


@dataclass
class DocumentDetail(DocumentSummary):
    fetched_at: str | None
    text: str
    mentions: list[DocumentEventMention]
    quotes: list[Quote]
    actors: list[ActorMention]
    places: list[PlaceMention]


@dataclass
class Event:
    """A merged event: one row of `events` (the columns of `redline events --json`)."""
    event_id: str
    global_event_id: int
    modality: str
    first_date: str | None
    source_code: str | None
    source_name: str | None
    source_country: str | None
    target_code: str | None
    target_name: str | None
    target_country: str | None
    cameo: str
    cameo_root: str | None
    cameo_label: str | None
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    num_mentions: int
    num_articles: int
    num_sources: int
    avg_confidence: float | None
    source_url: str | None
    location_name: str | None
    location_country: str | None
    location_region: str | None
    location_feature: str | None
    location_lat: float | None
    location_lon: float | None
    location_geonames_id: int | None
    location_how: str | None


@dataclass
class Evidence:
    """One report of an event: the document, its sentence, trigger and rule."""
    doc_id: str
    event_index: int
    date: str | None
    source_text: str | None
    target_text: str | None
    sentence_index: int | None
    sentence_text: str | None
    trigger_text: str | None
    trigger_start: int | None
    rule: str | None
    confidence: float | None
    url: str | None
    location_name: str | None
    location_how: str | None
    location_start: int | None
    location_end: int | None


@dataclass
class EventDetail(Event):
    mentions: list[Evidence]


@dataclass
class ActorActivity:
    code: str
    name: str | None              # the name most often given with the code, if any
    country: str | None
    events: int                   # events with the actor on either side
    as_source: int
    as_target: int


@dataclass
class PlaceActivity:
    name: str | None
    country: str | None
    feature: str | None
    region: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: int                 # times a document names the place
    documents: int
    events: int                   # events located there


@dataclass
class Dyad:
    pair: str                     # "AAA-BBB", the two ISO3 codes in alphabetical order
    country_a: str
    country_b: str
    events: int                   # in both directions
    conflict_events: int          # QuadClass 3 (verbal conflict) or 4 (material conflict)
    mentions: int
    goldstein_sum: float
    goldstein_mean: float | None
    first_date: str | None
    last_date: str | None


@dataclass
class ActorLink:
    pair: str                     # "A B", the two actor codes in alphabetical order
    actor_a: str
    actor_b: str
    name_a: str | None            # the name most events give the actor, if any
    name_b: str | None
    country_a: str | None         # ISO3, or None for an international organisation
    country_b: str | None
    events: int                   # in both directions
    conflict_events: int
    mentions: int
    goldstein_sum: float
    goldstein_mean: float | None


@dataclass
class DyadPeriod:
    period: str                   # first day of the period (weeks start on Monday)
    events: int
    quad1: int                    # verbal cooperation
    quad2: int                    # material cooperation
    quad3: int                    # verbal conflict
    quad4: int                    # material conflict
    goldstein_sum: float
    goldstein_mean: float | None


@dataclass
class Alert:
    alert_id: str | None
    country_a: str | None
    country_b: str | None
    day: str | None
    level: str | None
    conflict_index: float | None
    baseline: float | None
    change: float | None
    zscore: float | None
    events: int | None
    driving_event_ids: list[str]


@dataclass
class Health:
    status: str
    version: str
    schema_version: int
    documents: int
    events: int


def _names(cls) -> list[str]:
    return [f.name for f in fields(cls)]


assert tuple(_names(Event)) == EVENT_COLUMNS, "Event must list query.EVENT_COLUMNS"
assert ("event_id", *_names(Evidence)) == EVIDENCE_COLUMNS, "Evidence must list query.EVIDENCE_COLUMNS"


def _select(cls, alias: str, computed: dict[str, str] | None = None, skip: tuple[str, ...] = ()) -> str:
    """The SELECT list for the fields of `cls`: `alias.field`, or an expression from `computed`."""
    computed = computed or {}
    return ", ".join(f"{computed[n]} AS {n}" if n in computed else f"{alias}.{n}"
                     for n in _names(cls) if n not in skip)


def _rows(con, cls, sql: str, params: list[Any]) -> list:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [cls(**dict(zip(columns, row))) for row in cursor.fetchall()]


def _page(con, cls, sql: str, params: list[Any], order: str, limit: int, offset: int) -> Page:
    """`sql` (without ORDER BY) as a page of `cls` rows, with the count of all its rows."""
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
    items = _rows(con, cls, f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    return Page(items=items, total=total, limit=limit, offset=offset)


def _where(parts: list[str]) -> str:
    return (" WHERE " + " AND ".join(parts)) if parts else ""


# -- documents --------------------------------------------------------------------------------------

_DOC_COMPUTED = {"length": "length(d.text)"}


def _days(parts: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
    """Bound the day in `column` (ISO text, a date or a timestamp) by `since` and `until`, inclusive."""
    if since:
        parts.append(f"left({column}, 10) >= ?")
        params.append(since)
    if until:
        parts.append(f"left({column}, 10) <= ?")
        params.append(until)


def _event_dates(parts: list[str], params: list[Any], since: str | None, until: str | None) -> None:
    _days(parts, params, "e.first_date", since, until)


def list_documents(con, *, text: str | None = None, since: str | None = None, until: str | None = None,
                   limit: int = 100, offset: int = 0) -> Page[DocumentSummary]:
    """Documents, newest first; `text` is looked for in the title and text (case-insensitive),
    `since` and `until` bound the document's day (inclusive)."""
    parts, params = [], []
    if text:
        parts.append("(contains(lower(d.text), lower(?)) OR contains(lower(coalesce(d.title, '')), lower(?)))")
        params += [text, text]
    _days(parts, params, "d.date", since, until)
    sql = f"SELECT {_select(DocumentSummary, 'd', _DOC_COMPUTED)}, d.seq AS seq FROM documents d{_where(parts)}"
    page = _page(con, dict, sql, params, "date DESC NULLS LAST, seq DESC", limit, offset)
    page.items = [DocumentSummary(**{k: v for k, v in row.items() if k != "seq"}) for row in page.items]
    return page


def get_document(con, doc_id: str) -> DocumentDetail | None:
    """A document with its text and everything found in it, each with its character spans."""
    rows = _rows(con, dict, f"SELECT {_select(DocumentSummary, 'd', _DOC_COMPUTED)}, d.fetched_at, d.text "
                            "FROM documents d WHERE d.id = ?", [doc_id])
    if not rows:
        return None
    mentions = _rows(con, dict, f"SELECT {_select(DocumentEventMention, 'm')} FROM event_mentions m "
                                "WHERE m.doc_id = ? ORDER BY m.event_index", [doc_id])
    mentions = [DocumentEventMention(**{**m, "attributed_to": _json_object(m["attributed_to"])}) for m in mentions]
    quotes = _rows(con, Quote, f"{_QUOTE_SELECT} WHERE q.doc_id = ? ORDER BY q.quote_index", [doc_id])
    actors = _rows(con, ActorMention, f"SELECT {_select(ActorMention, 'a')} FROM actors a "
                                      "WHERE a.doc_id = ? ORDER BY a.mention_index", [doc_id])
    places = _rows(con, PlaceMention, f"SELECT {_select(PlaceMention, 'p')} FROM places p "
                                      "WHERE p.doc_id = ? ORDER BY p.place_index", [doc_id])
    return DocumentDetail(**rows[0], mentions=mentions, quotes=quotes, actors=actors, places=places)


def _json_object(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    try:
        found = json.loads(value)
    except ValueError:
        return {"text": value}
    return found if isinstance(found, dict) else {"text": value}


# -- events -----------------------------------------------------------------------------------------

def list_events(con, f: EventFilter, *, limit: int = 100, offset: int = 0,
                with_mentions: bool = False) -> Page[Event] | Page[EventDetail]:
    """Events matching `f` (the filters of `redline events`), oldest first."""
    query = EventFilter(**{**f.__dict__, "limit": limit, "offset": offset})
    found = find_events(con, query, with_mentions=with_mentions)
    kind = EventDetail if with_mentions else Event
    items = [_event(kind, e) for e in found]
    return Page(items=items, total=count_matching(con, query), limit=limit, offset=offset)


def _event(kind, row: dict[str, Any]):
    if kind is EventDetail:
        return EventDetail(**{**row, "mentions": [Evidence(**m) for m in row["mentions"]]})
    return Event(**row)


def get_event(con, event_id: str) -> EventDetail | None:
    """One event with every mention of it (its evidence)."""
    rows = _rows(con, dict, f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e "
                            "WHERE e.event_id = ?", [event_id])
    if not rows:
        return None
    return _event(EventDetail, attach_mentions(con, rows)[0])


# -- quotes -----------------------------------------------------------------------------------------

_QUOTE_SELECT = (f"SELECT {_select(Quote, 'q', {'doc_date': 'd.date', 'doc_title': 'd.title', 'doc_url': 'd.url'})}"
                 " FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id")


def list_quotes(con, *, speaker: str | None = None, actor: str | None = None, doc_id: str | None = None,
                text: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 100, offset: int = 0) -> Page[Quote]:
    """Quotations, newest document first. `speaker`: words of the speaker's name (or of the words
    naming them, "officials"), case-insensitive; `actor`: the speaker's actor code prefix;
    `text`: words of the quotation."""
    parts, params = [], []
    if speaker:
        parts.append("(contains(lower(coalesce(q.speaker_name, '')), lower(?)) "
                     "OR contains(lower(coalesce(q.speaker_text, '')), lower(?)))")
        params += [speaker, speaker]
    if actor:
        parts.append("starts_with(q.speaker_code, upper(?))")
        params.append(actor)
    if doc_id:
        parts.append("q.doc_id = ?")
        params.append(doc_id)
    if text:
        parts.append("contains(lower(q.text), lower(?))")
        params.append(text)
    _days(parts, params, "d.date", since, until)
    sql = f"{_QUOTE_SELECT}{_where(parts)}"
    return _page(con, Quote, sql, params, "doc_date DESC NULLS LAST, doc_id, quote_index", limit, offset)


# -- actors and places ------------------------------------------------------------------------------

def list_actors(con, *, country: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 100, offset: int = 0) -> Page[ActorActivity]:
    """The most active actors: how many events (that happened) each actor code is a side of."""
    parts, params = [ASSERTED], []
    _event_dates(parts, params, since, until)
    where = _where(parts)
    outer, outer_params = [], []
    if country:
        outer.append("s.country = ?")
        outer_params.append(country)
    sql = f"""
        WITH sides AS (
            SELECT e.event_id, e.source_code AS code, e.source_name AS name, e.source_country AS country,
                   1 AS src, 0 AS tgt FROM events e{where} AND e.source_code IS NOT NULL
            UNION ALL
            SELECT e.event_id, e.target_code, e.target_name, e.target_country, 0, 1
                   FROM events e{where} AND e.target_code IS NOT NULL),
        names AS (
            SELECT code, name, row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, name) AS rank
            FROM sides WHERE name IS NOT NULL GROUP BY code, name),
        activity AS (
            SELECT s.code, min(s.country) AS country, count(DISTINCT s.event_id) AS events,
                   sum(s.src)::INTEGER AS as_source, sum(s.tgt)::INTEGER AS as_target
            FROM sides s{_where(outer)} GROUP BY s.code)
        SELECT a.code, n.name, a.country, a.events, a.as_source, a.as_target
        FROM activity a LEFT JOIN names n ON n.code = a.code AND n.rank = 1"""
    return _page(con, ActorActivity, sql, params + params + outer_params, "events DESC, code", limit, offset)


def list_places(con, *, country: str | None = None, name: str | None = None, order: str = "mentions",
                since: str | None = None, until: str | None = None,
                limit: int = 100, offset: int = 0) -> Page[PlaceActivity]:
    """Places by how often documents name them (`order="mentions"`) or by how many events
    happened there (`order="events"`). `since`/`until` bound the documents' day and the events'
    first day; `name`: words of the place's name (case-insensitive)."""
    doc_parts, doc_params = [], []
    _days(doc_parts, doc_params, "d.date", since, until)
    event_parts, event_params = [ASSERTED, "e.location_name IS NOT NULL"], []
    _event_dates(event_parts, event_params, since, until)
    outer, outer_params = [], []
    if country:
        outer.append("country = ?")
        outer_params.append(country)
    if name:
        outer.append("contains(lower(name), lower(?))")
        outer_params.append(name)
    sql = f"""
        WITH named AS (
            SELECT p.name, p.country, p.feature, any_value(p.region) AS region, any_value(p.lat) AS lat,
                   any_value(p.lon) AS lon, any_value(p.geonames_id) AS geonames_id,
                   count(*) AS mentions, count(DISTINCT p.doc_id) AS documents
            FROM places p JOIN documents d ON d.id = p.doc_id{_where(doc_parts)}
            GROUP BY p.name, p.country, p.feature),
        located AS (
            SELECT e.location_name AS name, e.location_country AS country, e.location_feature AS feature,
                   any_value(e.location_region) AS region, any_value(e.location_lat) AS lat,
                   any_value(e.location_lon) AS lon, any_value(e.location_geonames_id) AS geonames_id,
                   count(*) AS events
            FROM events e{_where(event_parts)}
            GROUP BY e.location_name, e.location_country, e.location_feature),
        joined AS (
            SELECT coalesce(n.name, l.name) AS name, coalesce(n.country, l.country) AS country,
                   coalesce(n.feature, l.feature) AS feature, coalesce(n.region, l.region) AS region,
                   coalesce(n.lat, l.lat) AS lat, coalesce(n.lon, l.lon) AS lon,
                   coalesce(n.geonames_id, l.geonames_id) AS geonames_id,
                   coalesce(n.mentions, 0) AS mentions, coalesce(n.documents, 0) AS documents,
                   coalesce(l.events, 0) AS events
            FROM named n FULL OUTER JOIN located l ON n.name = l.name
                 AND n.country IS NOT DISTINCT FROM l.country AND n.feature IS NOT DISTINCT FROM l.feature)
        SELECT * FROM joined{_where(outer)}"""
    first = "events DESC, mentions DESC" if order == "events" else "mentions DESC, events DESC"
    return _page(con, PlaceActivity, sql, doc_params + event_params + outer_params,
                 f"{first}, name, country NULLS LAST, feature NULLS LAST", limit, offset)


# -- dyads ------------------------------------------------------------------------------------------

# What a pair of countries or actors did to each other, over the events grouped for it.
_PAIR_MEASURES = """count(*) AS events, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict_events,
               sum(num_mentions)::BIGINT AS mentions, round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean"""


def _pair_ranking(order: str) -> str:
    """`volume`: most events first; `conflict`: most conflict events, then the lowest Goldstein sum."""
    return ("conflict_events DESC, goldstein_sum, events DESC" if order == "conflict"
            else "events DESC, conflict_events DESC") + ", pair"


def _pair_where(column: str, match: str, value: str | None, since: str | None,
                until: str | None) -> tuple[str, list[Any]]:
    """Events between two different known values of `column` (country, code) in the dates, with
    `value` on either side when given (`match`: the test of one side, `{side}` and a parameter)."""
    source, target = f"e.source_{column}", f"e.target_{column}"
    parts = [ASSERTED, f"{source} IS NOT NULL", f"{target} IS NOT NULL", f"{source} <> {target}"]
    params: list[Any] = []
    _event_dates(parts, params, since, until)
    if value:
        parts.append(f"({match.format(side=source)} OR {match.format(side=target)})")
        params += [value, value]
    return _where(parts), params


def list_dyads(con, *, order: str = "volume", country: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0) -> Page[Dyad]:
    """Pairs of countries by their events in both directions (events inside one country left out),
    ranked by `_pair_ranking(order)`."""
    where, params = _pair_where("country", "{side} = ?", country, since, until)
    sql = f"""
        SELECT least(e.source_country, e.target_country) || '-' || greatest(e.source_country, e.target_country)
                   AS pair,
               least(e.source_country, e.target_country) AS country_a,
               greatest(e.source_country, e.target_country) AS country_b,
               {_PAIR_MEASURES},
               min(e.first_date) AS first_date, max(e.first_date) AS last_date
        FROM events e{where}
        GROUP BY country_a, country_b"""
    return _page(con, Dyad, sql, params, _pair_ranking(order), limit, offset)


def list_actor_links(con, *, order: str = "volume", actor: str | None = None, since: str | None = None,
                     until: str | None = None, limit: int = 100, offset: int = 0) -> Page[ActorLink]:
    """Pairs of actors (by code: RUSGOV, USAMIL, NATO...) by their events in both directions,
    ranked as `list_dyads` ranks pairs of countries; `actor` keeps the links of actors whose
    code starts with it."""
    where, params = _pair_where("code", "starts_with({side}, ?)", actor, since, until)
    sql = f"""
        WITH sides AS (
            SELECT least(e.source_code, e.target_code) AS actor_a, greatest(e.source_code, e.target_code) AS actor_b,
                   CASE WHEN e.source_code < e.target_code THEN e.source_name ELSE e.target_name END AS name_a,
                   CASE WHEN e.source_code < e.target_code THEN e.target_name ELSE e.source_name END AS name_b,
                   CASE WHEN e.source_code < e.target_code THEN e.source_country ELSE e.target_country END AS country_a,
                   CASE WHEN e.source_code < e.target_code THEN e.target_country ELSE e.source_country END AS country_b,
                   e.quad_class, e.num_mentions, e.goldstein
            FROM events e{where})
        SELECT actor_a || ' ' || actor_b AS pair, actor_a, actor_b, mode(name_a) AS name_a, mode(name_b) AS name_b,
               min(country_a) AS country_a, min(country_b) AS country_b, {_PAIR_MEASURES}
        FROM sides GROUP BY actor_a, actor_b"""
    return _page(con, ActorLink, sql, params, _pair_ranking(order), limit, offset)


_PERIOD_DAYS = {"day": 1, "week": 7}


def _period_start(day: date, interval: str) -> date:
    return day - timedelta(days=day.weekday()) if interval == "week" else day


def dyad_timeline(con, a: str, b: str, *, interval: str = "day", since: str | None = None,
                  until: str | None = None, limit: int = 100, offset: int = 0) -> Page[DyadPeriod]:
    """The events between countries `a` and `b` (ISO3, either direction) per day or week
    (weeks start on Monday), oldest first. Every period from `since` (else the first with an
    event) to `until` (else the last with an event) is listed, the ones without events with zeros."""
    return _timeline(con, ["((e.source_country = ? AND e.target_country = ?) OR "
                           "(e.source_country = ? AND e.target_country = ?))"], [a, b, b, a],
                     interval=interval, since=since, until=until, limit=limit, offset=offset)


def timeline(con, *, interval: str = "day", since: str | None = None, until: str | None = None,
             limit: int = 100, offset: int = 0) -> Page[DyadPeriod]:
    """All events (that happened) per day or week, oldest first, periods without events with
    zeros: the store's volume over time, as `dyad_timeline` counts it for one pair."""
    return _timeline(con, [], [], interval=interval, since=since, until=until, limit=limit, offset=offset)


def _timeline(con, where: list[str], where_params: list[Any], *, interval: str, since: str | None,
              until: str | None, limit: int, offset: int) -> Page[DyadPeriod]:
    parts = [ASSERTED, "e.day IS NOT NULL", *where]
    params: list[Any] = list(where_params)
    if since:
        parts.append("e.day >= CAST(? AS DATE)")
        params.append(since)
    if until:
        parts.append("e.day <= CAST(? AS DATE)")
        params.append(until)
    period = "date_trunc('week', e.day)::DATE" if interval == "week" else "e.day"
    rows = con.execute(f"""
        SELECT {period} AS period, count(*),
               count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2),
               count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4),
               round(coalesce(sum(e.goldstein), 0), 3), round(avg(e.goldstein), 3)
        FROM (SELECT *, TRY_CAST(left(first_date, 10) AS DATE) AS day FROM events) e{_where(parts)}
        GROUP BY period""", params).fetchall()
    by_period = {row[0]: row[1:] for row in rows}
    first = _period_start(date.fromisoformat(since), interval) if since else min(by_period, default=None)
    last = _period_start(date.fromisoformat(until), interval) if until else max(by_period, default=None)
    step = _PERIOD_DAYS[interval]
    total = (last - first).days // step + 1 if first is not None and last is not None and last >= first else 0
    items = []
    for i in range(offset, min(total, offset + limit)):
        start = first + timedelta(days=i * step)
        events, q1, q2, q3, q4, g_sum, g_mean = by_period.get(start, (0, 0, 0, 0, 0, 0.0, None))
        items.append(DyadPeriod(period=start.isoformat(), events=events, quad1=q1, quad2=q2, quad3=q3, quad4=q4,
                                goldstein_sum=float(g_sum), goldstein_mean=g_mean))
    return Page(items=items, total=total, limit=limit, offset=offset)


# -- alerts -----------------------------------------------------------------------------------------

ALERT_COLUMNS = tuple(_names(Alert))


def list_alerts(con, *, dyad: tuple[str, str] | None = None, level: str | None = None, since: str | None = None,
                until: str | None = None, limit: int = 100, offset: int = 0) -> Page[Alert]:
    """Escalation alerts from the `alerts` table (see `redline.alerts.store`), newest day first,
    strongest first; no rows while the store has no such table. `dyad`: two ISO3 codes, either
    order; `level` case-insensitive; `since`, `until`: the first and last day (inclusive)."""
    from redline.alerts.store import alert_where

    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'alerts'").fetchall()
    if not exists[0][0]:
        return Page(items=[], total=0, limit=limit, offset=offset)
    where, params = alert_where(dyad=dyad, since=since, until=until, level=level)
    page = _page(con, dict, f"SELECT {', '.join(ALERT_COLUMNS)} FROM alerts{where}", params,
                 "day DESC, zscore DESC NULLS LAST, country_a, country_b, alert_id", limit, offset)
    page.items = [Alert(**{**row, "driving_event_ids": list(row["driving_event_ids"] or [])}) for row in page.items]
    return page


# -- health -----------------------------------------------------------------------------------------

def health(con) -> Health:
    from redline import __version__
    from redline.store.schema import current_version

    documents = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    return Health(status="ok", version=__version__, schema_version=current_version(con),
                  documents=documents, events=events)
