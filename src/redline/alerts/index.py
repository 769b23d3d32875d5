"""The daily series of a dyad: what happened between two states each day, and how conflictual.

A dyad is an unordered pair of states: events whose `source_country` and `target_country` are
both set and different, either way round (stored as the two ISO3 codes sorted). Only asserted
events count (not negated or hypothetical ones), each on its `first_date`. A dyad is active in a
period when it has at least `AlertSettings.min_events` such events in it.

For a dyad d and a day t:

    score(e)       = w(e) * max(0, -goldstein(e)) * log2(1 + num_articles(e))
                     for each conflict event e (QuadClass 3 or 4), where w(e) is
                     `material_weight` (default 2) for material conflict (QuadClass 4), 1 for
                     verbal conflict (3); an event reported by one article weighs 1, by three
                     articles 2, by seven 3.
    conflict_score = sum of score(e) over the dyad's conflict events of the day
    documents(t)   = stored documents dated t (all of them: any topic, copies included)
    M              = median of documents(t) over the days with at least one stored document
                     (the whole store; 1 when no document has a date)
    volume(t)      = max(volume_floor, documents(t) / M)      (volume_floor defaults to 1)
    conflict_index = conflict_score / volume(t)

So a day with twice the median news volume counts half: doubling the news of a day, and with it
the conflict reported, leaves the index where it was; a quiet day is not inflated (the floor).
Cooperation (QuadClass 1 and 2) never enters the index: it is kept beside it, with the sum and
mean of the Goldstein scores of all the day's events, for timelines.
"""
from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from redline.alerts.settings import AlertSettings

_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
# The events of dyads between two states that happened (a WHERE clause over `events`).
DYAD_EVENTS = (f"modality = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL "
               f"AND source_country <> target_country AND regexp_full_match(first_date, '{_ISO_DAY}')")
DYAD_A = "least(source_country, target_country)"
DYAD_B = "greatest(source_country, target_country)"


def event_score(quad_class: int | None, goldstein: float | None, num_articles: int,
                material_weight: float = 2.0) -> float:
    """One event's contribution to its day's conflict score (0 for cooperation)."""
    if quad_class not in (3, 4):
        return 0.0
    weight = material_weight if quad_class == 4 else 1.0
    return weight * max(0.0, -(goldstein or 0.0)) * math.log2(1 + max(num_articles, 1))


# `event_score` in SQL: the two must stay equal (tests/test_alerts.py checks them against each other).
_SCORE_SQL = ("CASE WHEN quad_class = 4 THEN ? ELSE 1.0 END * greatest(-coalesce(goldstein, 0), 0) "
              "* log2(1 + greatest(num_articles, 1))")


def volume_factor(documents: int, median: float, floor: float = 1.0) -> float:
    """How much busier than usual a day's news was, never below `floor`."""
    if median <= 0:
        return 1.0
    return max(floor, documents / median)


def conflict_index(conflict_score: float, documents: int, median: float, settings: AlertSettings) -> float:
    """A day's conflict score over its volume factor (rounded to 9 decimals, so that the order
    DuckDB summed in does not show)."""
    return round(conflict_score / volume_factor(documents, median, settings.volume_floor), 9)


@dataclass
class DayTotals:
    """A dyad's events of one day, summed."""
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)    # events of QuadClass 1, 2, 3, 4
    events: int = 0                                     # all of them (a few may have no QuadClass)
    goldstein_sum: float = 0.0
    goldstein_n: int = 0                                # events with a Goldstein score
    conflict_events: int = 0
    conflict_score: float = 0.0


def day_totals(events: Iterable[tuple[int | None, float | None, int]], material_weight: float = 2.0) -> DayTotals:
    """Totals of one day's events given as (quad_class, goldstein, num_articles)."""
    counts = [0, 0, 0, 0]
    total = DayTotals()
    for quad, goldstein, articles in events:
        total.events += 1
        if quad in (1, 2, 3, 4):
            counts[quad - 1] += 1
        if goldstein is not None:
            total.goldstein_sum += goldstein
            total.goldstein_n += 1
        if quad in (3, 4):
            total.conflict_events += 1
            total.conflict_score += event_score(quad, goldstein, articles, material_weight)
    total.counts = tuple(counts)
    return total


@dataclass
class DayPoint:
    """One day of a dyad's timeline."""
    date: str
    verbal_cooperation: int         # QuadClass 1
    material_cooperation: int       # QuadClass 2
    verbal_conflict: int            # QuadClass 3
    material_conflict: int          # QuadClass 4
    events: int
    goldstein_sum: float
    goldstein_mean: float | None    # None on a day without events
    conflict_events: int
    conflict_score: float
    documents: int                  # stored documents of the day, any topic
    conflict_index: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def day_point(day: dt.date, totals: DayTotals | None, documents: int, median: float,
              settings: AlertSettings) -> DayPoint:
    t = totals or DayTotals()
    return DayPoint(date=day.isoformat(), verbal_cooperation=t.counts[0], material_cooperation=t.counts[1],
                    verbal_conflict=t.counts[2], material_conflict=t.counts[3], events=t.events,
                    goldstein_sum=round(t.goldstein_sum, 9),
                    goldstein_mean=round(t.goldstein_sum / t.goldstein_n, 9) if t.goldstein_n else None,
                    conflict_events=t.conflict_events, conflict_score=round(t.conflict_score, 9),
                    documents=documents, conflict_index=conflict_index(t.conflict_score, documents, median, settings))


def days(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    for n in range((end - start).days + 1):
        yield start + dt.timedelta(days=n)


def series(totals: dict[dt.date, DayTotals], volume: dict[dt.date, int], median: float,
           start: dt.date, end: dt.date, settings: AlertSettings) -> list[DayPoint]:
    """Every day from `start` to `end` (inclusive); days without events have zeros."""
    return [day_point(day, totals.get(day), volume.get(day, 0), median, settings) for day in days(start, end)]


def median_volume(volume: dict[dt.date, int]) -> float:
    counts = [n for n in volume.values() if n > 0]
    return float(statistics.median(counts)) if counts else 1.0


# -- from the store -------------------------------------------------------------------------------

def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def load_volume(con) -> dict[dt.date, int]:
    """Stored documents per day (by the document's date)."""
    rows = con.execute(f"SELECT substr(date, 1, 10) AS day, count(*) FROM documents "
                       f"WHERE regexp_matches(date, '^{_ISO_DAY}') GROUP BY day").fetchall()
    return {day: n for value, n in rows if (day := _day(value)) is not None}


def first_day(con, volume: dict[dt.date, int]) -> dt.date | None:
    """The first day the store knows of: its first dated document or dyad event."""
    [(first_event,)] = con.execute(f"SELECT min(first_date) FROM events WHERE {DYAD_EVENTS}").fetchall()
    known = [d for d in (_day(first_event), min(volume, default=None)) if d is not None]
    return min(known, default=None)


def _period(since: str | None, until: str | None, dyad: tuple[str, str] | None) -> tuple[str, list[Any]]:
    where, params = DYAD_EVENTS, []
    if since:
        where += " AND first_date >= ?"
        params.append(since)
    if until:
        where += " AND first_date <= ?"
        params.append(until)
    if dyad:
        a, b = sorted(c.upper() for c in dyad)
        where += f" AND {DYAD_A} = ? AND {DYAD_B} = ?"
        params += [a, b]
    return where, params


def dyad_totals(con, settings: AlertSettings, *, since: str | None = None, until: str | None = None,
                dyad: tuple[str, str] | None = None, min_events: int | None = None
                ) -> dict[tuple[str, str], dict[dt.date, DayTotals]]:
    """Day totals of every dyad with at least `min_events` (default: the settings') events in the
    period, keyed by the sorted pair of ISO3 codes."""
    where, params = _period(since, until, dyad)
    sql = f"""
        SELECT {DYAD_A} AS a, {DYAD_B} AS b, first_date AS day,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               count(*), coalesce(fsum(goldstein), 0), count(goldstein),
               count(*) FILTER (WHERE quad_class IN (3, 4)),
               coalesce(fsum({_SCORE_SQL}) FILTER (WHERE quad_class IN (3, 4)), 0)
        FROM events WHERE {where}
        GROUP BY a, b, day
        QUALIFY sum(count(*)) OVER (PARTITION BY a, b) >= ?
        ORDER BY a, b, day"""
    rows = con.execute(sql, [settings.material_weight, *params,
                             settings.min_events if min_events is None else min_events]).fetchall()
    result: dict[tuple[str, str], dict[dt.date, DayTotals]] = {}
    for a, b, value, q1, q2, q3, q4, n, gsum, gn, conflict, score in rows:
        day = _day(value)
        if day is None:
            continue
        result.setdefault((a, b), {})[day] = DayTotals(
            counts=(q1, q2, q3, q4), events=n, goldstein_sum=round(gsum, 9), goldstein_n=gn,
            conflict_events=conflict, conflict_score=round(score, 9))
    return result


def active_dyads(con, settings: AlertSettings | None = None, *, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """The active dyads of the period, most events first: country_a, country_b, events, conflict_events."""
    settings = settings or AlertSettings()
    where, params = _period(since, until, None)
    rows = con.execute(
        f"SELECT {DYAD_A} AS a, {DYAD_B} AS b, count(*) AS n, count(*) FILTER (WHERE quad_class IN (3, 4)) "
        f"FROM events WHERE {where} GROUP BY a, b HAVING count(*) >= ? ORDER BY n DESC, a, b",
        [*params, settings.min_events]).fetchall()
    return [{"country_a": a, "country_b": b, "events": n, "conflict_events": c} for a, b, n, c in rows]


def timeline(con, country_a: str, country_b: str, *, since: str | None = None, until: str | None = None,
             settings: AlertSettings | None = None) -> list[DayPoint]:
    """Every day of the dyad from `since` (default: its first event) to `until` (default: its
    last event), whether or not the dyad is active; [] when it has no events and no bounds."""
    settings = settings or AlertSettings()
    totals = dyad_totals(con, settings, since=since, until=until, dyad=(country_a, country_b),
                         min_events=0).get(tuple(sorted((country_a.upper(), country_b.upper()))), {})
    start = _day(since) or min(totals, default=None)
    end = _day(until) or max(totals, default=None)
    if start is None or end is None or end < start:
        return []
    volume = load_volume(con)
    return series(totals, volume, median_volume(volume), start, end, settings)
