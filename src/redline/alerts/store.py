"""Alerts in the store: computed from the `events` and `documents` tables, kept in `alerts` with
the events that drove them, listed newest first.

`compute_alerts` recomputes every alert from the whole store and replaces the table's rows in
one transaction, so it can run again at any time (`redline ingest` runs it after its last
batch) and a reader always sees a complete set. The settings it used are kept in
`alert_settings`; `refresh_alerts` recomputes with those when documents were stored since. An
alert keeps the `created_at` of its first computation.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

from redline.alerts.detect import detect
from redline.alerts.index import (DYAD_A, DYAD_B, DYAD_EVENTS, conflict_index, dyad_totals, first_day, load_volume,
                                  median_volume)
from redline.alerts.settings import AlertSettings

ALERT_FIELDS = [("alert_id", pa.string()), ("country_a", pa.string()), ("country_b", pa.string()),
                ("day", pa.string()), ("level", pa.string()), ("conflict_index", pa.float64()),
                ("baseline", pa.float64()), ("change", pa.float64()), ("zscore", pa.float64()),
                ("events", pa.int32()), ("driving_event_ids", pa.list_(pa.string())),
                ("created_at", pa.timestamp("us"))]
COLUMNS = tuple(name for name, _ in ALERT_FIELDS)


@dataclass
class Alert:
    """A dyad's day judged an escalation."""
    alert_id: str
    country_a: str                  # ISO3, the two sorted
    country_b: str
    day: str                        # YYYY-MM-DD
    level: str                      # "rising" or "surge"
    conflict_index: float
    baseline: float                 # mean index of the baseline window
    change: float | None            # conflict_index / baseline - 1; None when the baseline is 0
    zscore: float
    events: int                     # the dyad's conflict events that day
    driving_event_ids: list[str] = field(default_factory=list)   # most mentioned first, at most 20
    created_at: dt.datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def alert_id(country_a: str, country_b: str, day: str, level: str) -> str:
    return hashlib.sha1(f"{country_a}|{country_b}|{day}|{level}".encode()).hexdigest()[:16]


def find_alerts(con, settings: AlertSettings) -> list[Alert]:
    """Every alert of the store under `settings`, without driving events; nothing is written."""
    volume = load_volume(con)
    median = median_volume(volume)
    start = first_day(con, volume)
    found = []
    for (a, b), totals in dyad_totals(con, settings).items():
        first, last = min(totals), max(totals)
        begin = max(start, first - dt.timedelta(days=settings.baseline_days)) if start else first
        # the series of every day from `begin` to `last`, days without events at zero
        values, counts = [0.0] * ((last - begin).days + 1), [0] * ((last - begin).days + 1)
        for day, t in totals.items():
            values[(day - begin).days] = conflict_index(t.conflict_score, volume.get(day, 0), median, settings)
            counts[(day - begin).days] = t.conflict_events
        for d in detect(values, counts, settings):
            day = (begin + dt.timedelta(days=d.position)).isoformat()
            found.append(Alert(alert_id=alert_id(a, b, day, d.level), country_a=a, country_b=b, day=day,
                               level=d.level, conflict_index=round(d.value, 6), baseline=round(d.baseline, 6),
                               change=None if d.change is None else round(d.change, 6),
                               zscore=round(d.zscore, 6), events=d.events))
    return found


def _attach_driving_events(con, alerts: list[Alert], limit: int) -> None:
    """Each alert's conflict events of its day, most mentioned first."""
    if not alerts or limit == 0:
        return
    keys = pa.table({"a": [x.country_a for x in alerts], "b": [x.country_b for x in alerts],
                     "day": [x.day for x in alerts]})
    con.register("_redline_alert_keys", keys)
    try:
        rows = con.execute(f"""
            SELECT k.a, k.b, k.day,
                   list(e.event_id ORDER BY e.num_mentions DESC, e.num_articles DESC, e.event_id)
            FROM events e JOIN _redline_alert_keys k
              ON {DYAD_A} = k.a AND {DYAD_B} = k.b AND e.first_date = k.day
            WHERE {DYAD_EVENTS} AND e.quad_class IN (3, 4)
            GROUP BY k.a, k.b, k.day""").fetchall()
    finally:
        con.unregister("_redline_alert_keys")
    by_key = {(a, b, day): ids[:limit] for a, b, day, ids in rows}
    for x in alerts:
        x.driving_event_ids = by_key.get((x.country_a, x.country_b, x.day), [])


def compute_alerts(con, settings: AlertSettings | None = None) -> list[Alert]:
    """Recompute the store's alerts and replace the stored ones, in one transaction."""
    settings = settings or AlertSettings()
    alerts = find_alerts(con, settings)
    _attach_driving_events(con, alerts, settings.max_driving_events)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    raised = dict(con.execute("SELECT alert_id, created_at FROM alerts").fetchall())
    for x in alerts:
        x.created_at = raised.get(x.alert_id, now)      # when the alert was first raised
    [(documents,)] = con.execute("SELECT count(*) FROM documents").fetchall()
    table = pa.Table.from_pylist([x.as_dict() for x in alerts], schema=pa.schema(ALERT_FIELDS))
    con.begin()
    try:
        con.execute("DELETE FROM alerts")
        if alerts:
            con.register("_redline_alerts", table)
            try:
                con.execute(f"INSERT INTO alerts ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} "
                            "FROM _redline_alerts")
            finally:
                con.unregister("_redline_alerts")
        con.execute("INSERT OR REPLACE INTO alert_settings VALUES (1, ?, ?, ?)",
                    [settings.to_json(), documents, now])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return alerts


def stored_settings(con) -> AlertSettings | None:
    """The settings the stored alerts were computed with; None if they never were."""
    rows = con.execute("SELECT settings FROM alert_settings WHERE id = 1").fetchall()
    return AlertSettings.from_json(rows[0][0]) if rows else None


def refresh_alerts(con) -> list[Alert] | None:
    """Recompute the alerts with the settings last used (the defaults the first time), unless
    they were computed since the last document was stored; None when nothing was done."""
    rows = con.execute("SELECT settings, documents FROM alert_settings WHERE id = 1").fetchall()
    [(documents,)] = con.execute("SELECT count(*) FROM documents").fetchall()
    if rows and rows[0][1] == documents:
        return None
    return compute_alerts(con, AlertSettings.from_json(rows[0][0]) if rows else AlertSettings())


def alert_where(*, dyad: tuple[str, str] | None = None, since: str | None = None, until: str | None = None,
                level: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) that picks stored alerts: a dyad in either order, a
    level (any case), days from `since` to `until` inclusive."""
    parts, params = [], []
    if dyad:
        parts.append("country_a = ? AND country_b = ?")
        params += sorted(c.upper() for c in dyad)
    if since:
        parts.append("day >= ?")
        params.append(since)
    if until:
        parts.append("day <= ?")
        params.append(until)
    if level:
        parts.append("level = ?")
        params.append(level.lower())
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def list_alerts(con, *, dyad: tuple[str, str] | None = None, since: str | None = None,
                until: str | None = None, level: str | None = None, limit: int | None = None) -> list[Alert]:
    """Stored alerts, newest day first (surges before rises on one day, then by z-score)."""
    where, params = alert_where(dyad=dyad, since=since, until=until, level=level)
    sql = (f"SELECT {', '.join(COLUMNS)} FROM alerts{where} "
           "ORDER BY day DESC, level = 'surge' DESC, zscore DESC, country_a, country_b")
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [Alert(**dict(zip(COLUMNS, row))) for row in con.execute(sql, params).fetchall()]


DRIVING_COLUMNS = ("event_id", "first_date", "source_code", "source_name", "target_code", "target_name", "cameo",
                   "cameo_label", "quad_class", "goldstein", "num_mentions", "num_articles", "source_url")


def driving_events(con, alerts: list[Alert]) -> dict[str, dict[str, Any]]:
    """The driving events of `alerts` by event id, each with one sentence that reports it (its
    earliest mention's) under "sentence"."""
    ids = sorted({i for x in alerts for i in x.driving_event_ids})
    if not ids:
        return {}
    rows = con.execute(f"""
        SELECT {', '.join('e.' + c for c in DRIVING_COLUMNS)},
               (SELECT m.sentence_text FROM event_mentions m WHERE m.event_id = e.event_id
                ORDER BY m.date, m.doc_id, m.event_index LIMIT 1)
        FROM events e WHERE list_contains(?, e.event_id)""", [ids]).fetchall()
    return {row[0]: {**dict(zip(DRIVING_COLUMNS, row)), "sentence": row[-1]} for row in rows}
