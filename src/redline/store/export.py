"""`redline export`: the store's tables as Parquet (partitioned by month), CSV or JSON lines, and
its events and mentions as GDELT 2.0's event table (61 columns) and mentions table (16 columns).

GDELT's columns that redline has nothing for (ethnic and religion codes, tone, the geography of
the actors, translation info) are left empty rather than guessed. The action's geography
(ActionGeo_*) is the event's location, with GDELT's FIPS 10-4 country codes; the other exports
keep ISO3 in `location_country` (and `country` for places) and add the FIPS code beside it
(`location_fips`, `country_fips`). GDELT files carry no header line, and neither do these.

An export appears whole or not at all: it is written under a temporary name beside `out` and
renamed into place when complete (`store.atomic`), so an export killed at any moment leaves no
file or directory at `out` that could pass for a finished one, and running it again writes
exactly what an uninterrupted run does.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
from contextlib import contextmanager
from typing import IO, Any, Iterator
from urllib.parse import urlsplit

from redline.store.atomic import replaced

TABLES = ("events", "mentions", "documents", "quotes", "actors", "places")
FORMATS = ("parquet", "csv", "jsonl", "gdelt-events", "gdelt-mentions")

_MONTH = ("CASE WHEN regexp_matches({col}, '^[0-9]{{4}}-[0-9]{{2}}') THEN substr({col}, 1, 7) "
          "ELSE 'unknown' END AS year_month")
_DOCUMENT_COLUMNS = ("id", "seq", "fingerprint", "duplicate_of", "title", "date", "url", "origin", '"offset"',
                     "fetched_at", "text", "warnings", "error", "num_events", "num_quotes", "ingested_at")

# ISO3 -> FIPS 10-4 code and name of each country (see `_countries`), registered while exporting.
_COUNTRIES = "_redline_countries"

# Each table's rows in a stable order, with the month a row belongs to (for Parquet partitions).
_TABLE_SQL = {
    "events": "SELECT e.*, c.fips AS location_fips, " + _MONTH.format(col="e.first_date") +
              f" FROM events e LEFT JOIN {_COUNTRIES} c ON c.iso3 = e.location_country"
              " ORDER BY e.first_date NULLS LAST, e.event_id",
    "mentions": "SELECT m.*, c.fips AS location_fips, " + _MONTH.format(col="m.date") +
                f" FROM event_mentions m JOIN documents d ON d.id = m.doc_id"
                f" LEFT JOIN {_COUNTRIES} c ON c.iso3 = m.location_country ORDER BY d.seq, m.event_index",
    "documents": f"SELECT {', '.join('d.' + c for c in _DOCUMENT_COLUMNS)}, " + _MONTH.format(col="d.date") +
                 " FROM documents d ORDER BY d.seq",
    "quotes": "SELECT q.*, " + _MONTH.format(col="d.date") +
              " FROM quotes q JOIN documents d ON d.id = q.doc_id ORDER BY d.seq, q.quote_index",
    "actors": "SELECT a.*, " + _MONTH.format(col="d.date") +
              " FROM actors a JOIN documents d ON d.id = a.doc_id ORDER BY d.seq, a.mention_index",
    "places": "SELECT p.*, c.fips AS country_fips, " + _MONTH.format(col="d.date") +
              f" FROM places p JOIN documents d ON d.id = p.doc_id LEFT JOIN {_COUNTRIES} c ON c.iso3 = p.country"
              " ORDER BY d.seq, p.place_index",
}
# the exports that need the country table
_WITH_COUNTRIES = {"events", "mentions", "places", "gdelt-events"}

# When an event was added: the earliest storing time of the documents that mention it.
_ADDED = ("SELECT m.event_id, min(d.ingested_at) AS date_added FROM event_mentions m "
          "JOIN documents d ON d.id = m.doc_id WHERE m.event_id IS NOT NULL GROUP BY m.event_id")

GDELT_EVENT_COLUMNS = 61
GDELT_MENTION_COLUMNS = 16


def _rows(cursor, size: int = 5_000) -> Iterator[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    while chunk := cursor.fetchmany(size):
        for values in chunk:
            yield dict(zip(names, values))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_text(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_parquet(con, table: str, out: str) -> int:
    """Hive-style month partitions (`year_month=2022-03/`) under the directory `out`."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    relation = con.sql(_TABLE_SQL[table])
    # a streaming reader keeps memory flat; DuckDB 2 names it to_arrow_reader, 1.x fetch_arrow_reader
    reader = (getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader)(50_000)
    count = 0

    def counted():
        nonlocal count
        for batch in reader:
            count += batch.num_rows
            yield batch

    # preserve_order: the files hold their rows in the query's order, the same in every run
    ds.write_dataset(counted(), out, schema=reader.schema, format="parquet",
                     partitioning=ds.partitioning(pa.schema([("year_month", pa.string())]), flavor="hive"),
                     existing_data_behavior="overwrite_or_ignore", basename_template="part-{i}.parquet",
                     preserve_order=True)
    return count


def write_csv(con, table: str, out: IO[str]) -> int:
    cursor = con.execute(_TABLE_SQL[table])
    names = [c[0] for c in cursor.description if c[0] != "year_month"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    count = 0
    for row in _rows(cursor):
        writer.writerow([_text(row[n]) if not isinstance(row[n], str) else row[n] for n in names])
        count += 1
    return count


def write_jsonl(con, table: str, out: IO[str]) -> int:
    cursor = con.execute(_TABLE_SQL[table])
    count = 0
    for row in _rows(cursor):
        row.pop("year_month", None)
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _stamp(when: dt.datetime | None) -> str:
    return when.strftime("%Y%m%d%H%M%S") if when else ""


def _actor(row: dict[str, Any], side: str) -> list[str]:
    sectors = list(row[f"{side}_sectors"] or [])[:3]
    sectors += [""] * (3 - len(sectors))
    return [row[f"{side}_code"] or "", row[f"{side}_name"] or row[f"{side}_text"] or "",
            row[f"{side}_country"] or "", row[f"{side}_igo"] or "",
            "", "", "",                             # ethnic, religion 1 and 2: not coded by redline
            *sectors]


# GDELT's geographic resolution types
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
_NO_GEO = [""] * 8


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def action_geo(row: dict[str, Any]) -> list[str]:
    """GDELT's eight ActionGeo_* columns for an event's location: Type, FullName, CountryCode
    (FIPS 10-4), ADM1Code (FIPS country + first-level code, "UP07"; "USGA" for a US state),
    ADM2Code (empty: redline resolves no second-level regions), Lat, Long, FeatureID (the
    GeoNames id; for a curated place without one, GDELT's area code: the ADM1 code, or the
    country's).

    Countries are type 1, first-level regions 5 (2 in the US), cities 4 (3 in the US). Curated
    regions, seas and straits are 5 when they lie in one first-level region, else 1 with their
    country when they have one, else 4 with their coordinates and no country (open sea)."""
    feature = row.get("location_feature")
    if not feature or row.get("location_how") == "none":
        return list(_NO_GEO)
    iso3, fips = row.get("location_country"), row.get("location_fips") or ""
    admin1 = row.get("location_admin1")
    us = iso3 == "USA"
    adm1 = f"{fips}{admin1.split('.', 1)[1]}" if fips and admin1 and "." in admin1 else ""
    name, region, country = row.get("location_name"), row.get("location_region"), row.get("location_country_name")
    if feature == "country":
        kind, parts, adm1 = GEO_COUNTRY, [country or name], fips
    elif feature == "admin1":
        kind, parts = GEO_US_STATE if us else GEO_WORLD_STATE, [name, country]
    elif feature == "city":
        kind, parts = GEO_US_CITY if us else GEO_WORLD_CITY, [name, region, country]
    elif admin1:
        kind, parts = GEO_US_STATE if us else GEO_WORLD_STATE, [name, region, country]
    elif iso3:
        kind, parts, adm1 = GEO_COUNTRY, [name, country], fips
    else:
        kind, parts = GEO_WORLD_CITY, [name]
    geonames_id = row.get("location_geonames_id")
    feature_id = str(geonames_id) if geonames_id is not None else (adm1 or fips)
    return [str(kind), ", ".join(p for p in parts if p), fips, adm1, "",
            _coordinate(row.get("location_lat")), _coordinate(row.get("location_lon")), feature_id]


def gdelt_event_row(row: dict[str, Any]) -> list[str]:
    day = _day(row["first_date"])
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    cols = [str(row["global_event_id"]),
            day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
            str(day.year) if day else "", fraction,
            *_actor(row, "source"), *_actor(row, "target"),
            "1" if row["is_root_event"] else "0",
            row["cameo"], row["cameo"][:3], row["cameo_root"] or "", _text(row["quad_class"]),
            _text(row["goldstein"]), str(row["num_mentions"]), str(row["num_sources"]),
            str(row["num_articles"]), "",                        # AvgTone: redline measures no tone
            *([""] * 16),                                        # actor geography: not coded
            *action_geo(row),                                    # where the event happened
            _stamp(row["date_added"]), row["source_url"] or ""]
    assert len(cols) == GDELT_EVENT_COLUMNS
    return [_text(c) for c in cols]


def write_gdelt_events(con, out: IO[str]) -> int:
    cursor = con.execute(f"SELECT e.*, a.date_added, c.fips AS location_fips, c.name AS location_country_name "
                         f"FROM events e LEFT JOIN ({_ADDED}) a USING (event_id) "
                         f"LEFT JOIN {_COUNTRIES} c ON c.iso3 = e.location_country "
                         "WHERE e.modality = ? ORDER BY e.first_date NULLS LAST, e.event_id", ["asserted"])
    count = 0
    for row in _rows(cursor):
        out.write("\t".join(gdelt_event_row(row)) + "\n")
        count += 1
    return count


def _source_name(url: str | None, origin: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    if host:
        return host[4:] if host.startswith("www.") else host
    return origin or ""


def _seen(row: dict[str, Any]) -> dt.datetime | None:
    """When the article was seen: its download time if it was fetched, else when it was stored."""
    fetched = row["fetched_at"]
    if fetched:
        try:
            when = dt.datetime.fromisoformat(fetched.replace("Z", "+00:00"))
            return when.astimezone(dt.timezone.utc).replace(tzinfo=None) if when.tzinfo else when
        except ValueError:
            pass
    return row["ingested_at"]


def gdelt_mention_row(row: dict[str, Any]) -> list[str]:
    confidence = row["confidence"]
    cols = [str(row["global_event_id"]), _stamp(row["date_added"]), _stamp(_seen(row)),
            "1" if row["url"] else "",                          # MentionType 1 WEB; files have no type
            _source_name(row["url"], row["origin"]), row["url"] or row["origin"] or "",
            str(row["sentence_index"] + 1) if row["sentence_index"] is not None else "",  # 1-based
            "", "",                                             # actor offsets: events keep no actor span
            _text(row["trigger_start"]), "1",                  # InRawText: coded from the text as given
            str(max(10, min(100, round(confidence * 100)))) if confidence is not None else "",
            str(row["doc_len"]), "", "", ""]                    # tone, translation, extras
    assert len(cols) == GDELT_MENTION_COLUMNS
    return [_text(c) for c in cols]


def write_gdelt_mentions(con, out: IO[str]) -> int:
    cursor = con.execute(
        "SELECT e.global_event_id, a.date_added, d.fetched_at, d.ingested_at, d.url, d.origin, "
        "m.sentence_index, m.trigger_start, m.confidence, length(d.text) AS doc_len "
        f"FROM event_mentions m JOIN events e ON e.event_id = m.event_id JOIN documents d ON d.id = m.doc_id "
        f"LEFT JOIN ({_ADDED}) a ON a.event_id = e.event_id "
        "WHERE e.modality = ? ORDER BY e.first_date NULLS LAST, e.event_id, d.seq, m.event_index",
        ["asserted"])
    count = 0
    for row in _rows(cursor):
        out.write("\t".join(gdelt_mention_row(row)) + "\n")
        count += 1
    return count


def _countries():
    """ISO3, FIPS 10-4 code and name of every country of the gazetteer, as an Arrow table."""
    import pyarrow as pa

    from redline.places.gazetteer import load

    gaz = load()
    codes = sorted(gaz.countries)
    return pa.table({"iso3": pa.array(codes, pa.string()),
                     "fips": pa.array([gaz.fips.get(c) for c in codes], pa.string()),
                     "name": pa.array([gaz.countries[c].name for c in codes], pa.string())})


@contextmanager
def country_codes(con) -> Iterator[None]:
    """The country table the exports join on, registered on `con` for the time of the block."""
    con.register(_COUNTRIES, _countries())
    try:
        yield
    finally:
        con.unregister(_COUNTRIES)


def export(con, fmt: str, out: str, table: str = "events", stdout: IO[str] | None = None) -> int:
    """Write `table` (or the GDELT tables) to `out` in `fmt`; returns the rows written.

    `out` is a directory for Parquet (new, or empty: it is replaced) and a file (or `-` with
    `stdout`) for the others. Either appears at `out` only once complete."""
    if (fmt if fmt.startswith("gdelt") else table) in _WITH_COUNTRIES:
        with country_codes(con):
            return _export(con, fmt, out, table, stdout)
    return _export(con, fmt, out, table, stdout)


def _export(con, fmt: str, out: str, table: str, stdout: IO[str] | None) -> int:
    if fmt == "parquet":
        with replaced(out, directory=True) as temporary:
            return write_parquet(con, table, str(temporary))
    if out == "-" and stdout is not None:
        return _write_text(con, fmt, table, stdout)
    if os.path.exists(out) and not os.path.isfile(out):
        # a pipe or a device (/dev/stdout, <(...)): a stream, which nothing could take for a whole file
        with open(out, "w", encoding="utf-8", newline="") as f:
            return _write_text(con, fmt, table, f)
    with replaced(out) as temporary, open(temporary, "w", encoding="utf-8", newline="") as f:
        return _write_text(con, fmt, table, f)


def _write_text(con, fmt: str, table: str, f: IO[str]) -> int:
    if fmt == "csv":
        return write_csv(con, table, f)
    if fmt == "jsonl":
        return write_jsonl(con, table, f)
    if fmt == "gdelt-events":
        return write_gdelt_events(con, f)
    if fmt == "gdelt-mentions":
        return write_gdelt_mentions(con, f)
    raise ValueError(f"unknown export format {fmt!r}")
