"""The REST API of `redline serve`: the event store as paginated JSON, with OpenAPI docs (/docs);
the dashboard's pages (redline.web.pages) are mounted on the same app.

Requests read the store through one shared read-only connection (`redline.store.lease`), which
is given up as soon as an ingest waits for the file: an ingest running meanwhile is only delayed
by the queries already running, and every answer is the store as of its last committed batch. Parameters are checked before any query (a bad one is a 422 naming it) and
reach the SQL only as query parameters. Lists are `{"items": [...], "total", "limit", "offset"}`.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, AsyncIterator, Literal

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator

from redline import __version__
from redline.alerts.detect import LEVELS
from redline.errors import RedlineError
from redline.store.lease import ReadLease
from redline.store.query import EventFilter
from redline.web import pages, queries
from redline.web.queries import (ActorActivity, ActorLink, Alert, DocumentDetail, DocumentSummary, Dyad,
                                 DyadPeriod, Event, EventDetail, Health, Page, PlaceActivity, Quote)

DEFAULT_WAIT = 10.0


def _day(value: str) -> str:
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def _iso3(value: str) -> str:
    if len(value) != 3 or not value.isascii() or not value.isalpha():
        raise ValueError(f"{value!r} is not an ISO3 country code (three letters)")
    return value.upper()


def _pair(value: str) -> tuple[str, str]:
    a, sep, b = value.partition("-")
    if not sep:
        raise ValueError(f"{value!r} is not a pair of ISO3 country codes (AAA-BBB)")
    return _iso3(a), _iso3(b)


Day = Annotated[str, AfterValidator(_day)]
ISO3 = Annotated[str, AfterValidator(_iso3)]
Pair = Annotated[str, AfterValidator(_pair)]
Words = Annotated[str, Query(min_length=1, max_length=200)]

Since = Annotated[Day | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[Day | None, Query(description="On or before this day (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows returned at most (1-1000).")]
MAX_OFFSET = 1_000_000_000          # beyond any store; and within the database's 64-bit integers
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows skipped first (at most a billion).")]
Country = Annotated[ISO3 | None, Query(description="ISO3 country code.")]


def create_app(db_path: str, *, wait: float = DEFAULT_WAIT) -> FastAPI:
    """The API over the store at `db_path`; `wait`: seconds a request waits while an ingest
    holds the store (then 503)."""
    lease = ReadLease(str(db_path), wait=wait)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        lease.close()

    app = FastAPI(title="redline", version=__version__, lifespan=lifespan,
                  description="Political events, quotes, actors and places coded from news, read from "
                              "redline's event store. Lists are paginated with `limit` and `offset`.")
    store = lease.cursor

    @app.exception_handler(RedlineError)
    async def unavailable(request: Request, error: RedlineError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(error)})

    @app.get("/api/health", response_model=Health, tags=["store"])
    def health() -> Health:
        """The store can be read: redline's version, the schema version and row counts."""
        with store() as con:
            return queries.health(con)

    @app.get("/api/documents", response_model=Page[DocumentSummary], tags=["documents"])
    def documents(text: Annotated[Words | None, Query(description="Words of the title or text, "
                                                                  "case-insensitive.")] = None,
                  since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Stored documents, newest first (without their text)."""
        with store() as con:
            return queries.list_documents(con, text=text, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"],
             responses={404: {"description": "No such document"}})
    def document(doc_id: Annotated[str, Path(max_length=1000)]):
        """A document with its text, its event mentions (evidence and location), quotes, actors and
        places, each with its character spans in the text."""
        with store() as con:
            found = queries.get_document(con, doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document with id {doc_id!r}")
        return found

    @app.get("/api/events", response_model=Page[EventDetail] | Page[Event], tags=["events"])
    def events(
            actor: Annotated[Words | None, Query(description="Either side: code prefix (RUS matches RUSGOV) "
                                                             "or full name.")] = None,
            dyad: Annotated[list[str] | None, Query(min_length=2, max_length=2,
                                                    description="Source and target, each matched like actor: "
                                                                "give it twice, ?dyad=RUS&dyad=UKR.")] = None,
            code: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$",
                                              description="CAMEO code or prefix (04 matches 040-046).")] = None,
            root: Annotated[int | None, Query(ge=1, le=20, description="CAMEO root, 1-20.")] = None,
            plover: Annotated[Words | None, Query(description="PLOVER event type.")] = None,
            quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
            since: Since = None, until: Until = None,
            modality: Annotated[Literal["asserted", "negated", "hypothetical", "all"], Query()] = "asserted",
            text: Annotated[Words | None, Query(description="Words of a mention's sentence.")] = None,
            located: Annotated[Words | None, Query(description="Where it happened: country (ISO3) or words "
                                                               "of the place's name or region.")] = None,
            mentions: Annotated[bool, Query(description="Include each event's mentions (evidence).")] = False,
            limit: Limit = 100, offset: Offset = 0):
        """Events with the filters of `redline events`, oldest first."""
        f = EventFilter(actor=actor, dyad=(dyad[0], dyad[1]) if dyad else None, code=code,
                        root=str(root) if root else None, plover=plover, quad=quad, since=since, until=until,
                        modality=modality, text=text, located=located)
        with store() as con:
            return queries.list_events(con, f, limit=limit, offset=offset, with_mentions=mentions)

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "No such event"}})
    def event(event_id: Annotated[str, Path(max_length=200)]):
        """One event with its mentions: the documents, sentences, triggers and rules behind it."""
        with store() as con:
            found = queries.get_event(con, event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
        return found

    @app.get("/api/quotes", response_model=Page[Quote], tags=["quotes"])
    def quotes(speaker: Annotated[Words | None, Query(description="Words of the speaker's name.")] = None,
               actor: Annotated[Words | None, Query(description="Speaker's actor code prefix.")] = None,
               doc_id: Annotated[str | None, Query(max_length=1000)] = None,
               text: Annotated[Words | None, Query(description="Words of the quotation.")] = None,
               since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Quotations and reported speech with their speakers, newest document first."""
        with store() as con:
            return queries.list_quotes(con, speaker=speaker, actor=actor, doc_id=doc_id, text=text, since=since,
                                       until=until, limit=limit, offset=offset)

    @app.get("/api/actors", response_model=Page[ActorActivity], tags=["actors"])
    def actors(country: Country = None, since: Since = None, until: Until = None,
               limit: Limit = 100, offset: Offset = 0):
        """The most active actors: events (that happened) with the actor as source and as target."""
        with store() as con:
            return queries.list_actors(con, country=country, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/places", response_model=Page[PlaceActivity], tags=["places"])
    def places(country: Country = None,
               name: Annotated[Words | None, Query(description="Words of the place's name.")] = None,
               order: Annotated[Literal["mentions", "events"], Query()] = "mentions",
               since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Places by the number of times documents name them, or of events located there."""
        with store() as con:
            return queries.list_places(con, country=country, name=name, order=order, since=since, until=until,
                                       limit=limit, offset=offset)

    @app.get("/api/dyads", response_model=Page[Dyad], tags=["dyads"])
    def dyads(order: Annotated[Literal["volume", "conflict"], Query(
                  description="volume: most events first; conflict: most conflict events first.")] = "volume",
              country: Country = None, since: Since = None, until: Until = None,
              limit: Limit = 100, offset: Offset = 0):
        """Pairs of countries by their events in both directions."""
        with store() as con:
            return queries.list_dyads(con, order=order, country=country, since=since, until=until, limit=limit,
                                      offset=offset)

    @app.get("/api/actor-links", response_model=Page[ActorLink], tags=["dyads"])
    def actor_links(order: Annotated[Literal["volume", "conflict"], Query(
                        description="volume: most events first; conflict: most conflict events first.")] = "volume",
                    actor: Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9]+$",
                                                       description="Actor code or its start: RUS, USAGOV.")] = None,
                    since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Pairs of actors (codes such as RUSGOV, USAMIL, NATO) by their events in both directions."""
        with store() as con:
            return queries.list_actor_links(con, order=order, actor=actor and actor.upper(), since=since,
                                            until=until, limit=limit, offset=offset)

    @app.get("/api/dyads/{a}/{b}/timeline", response_model=Page[DyadPeriod], tags=["dyads"])
    def dyad_timeline(a: Annotated[ISO3, Path(description="ISO3 country code.")],
                      b: Annotated[ISO3, Path(description="ISO3 country code.")],
                      interval: Annotated[Literal["day", "week"], Query()] = "day",
                      since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Events between two countries (either direction) per day or week: counts per QuadClass and
        Goldstein sum and mean; periods without events are listed with zeros."""
        with store() as con:
            return queries.dyad_timeline(con, a, b, interval=interval, since=since, until=until, limit=limit,
                                         offset=offset)

    @app.get("/api/timeline", response_model=Page[DyadPeriod], tags=["events"])
    def timeline(interval: Annotated[Literal["day", "week"], Query()] = "day",
                 since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """All events (that happened) per day or week: counts per QuadClass and Goldstein sum and
        mean, as for a dyad; periods without events are listed with zeros."""
        with store() as con:
            return queries.timeline(con, interval=interval, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/alerts", response_model=Page[Alert], tags=["alerts"])
    def alerts(dyad: Annotated[Pair | None, Query(description="Two ISO3 codes, either order: RUS-UKR.")] = None,
               level: Annotated[Literal[LEVELS] | None, Query(description="Alert level.")] = None,
               since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0):
        """Escalation alerts, newest first; empty while the store has no alerts table."""
        with store() as con:
            return queries.list_alerts(con, dyad=dyad, level=level, since=since, until=until, limit=limit,
                                      offset=offset)

    pages.mount(app, store)
    return app
