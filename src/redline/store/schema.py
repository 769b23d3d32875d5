"""The store's tables, as numbered migration steps applied in order.

A database remembers in `schema_version` which steps it has had; opening it applies the missing
ones, each in its own transaction, so an old database upgrades itself and a step is never run
twice. Steps are frozen once released: a later change to the tables is a new step at the end,
never an edit of an old one (a database created by the old step would not get the edit).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_ACTOR_COLUMNS = """
    {p}_code VARCHAR, {p}_text VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR, {p}_igo VARCHAR,
    {p}_sectors VARCHAR[]"""

_LOCATION_COLUMNS = (("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
                     ("location_region", "VARCHAR"), ("location_admin1", "VARCHAR"),
                     ("location_feature", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
                     ("location_geonames_id", "BIGINT"), ("location_how", "VARCHAR"))
_LOCATION_SPAN = (("location_start", "INTEGER"), ("location_end", "INTEGER"))

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, event mentions, merged events, quotes and actors", (
        """CREATE TABLE schema_version (
            version INTEGER PRIMARY KEY,
            description VARCHAR NOT NULL,
            applied_at TIMESTAMP NOT NULL)""",
        # seq is the order documents were stored in: the near-duplicate index is rebuilt in that
        # order, so a resumed ingest names the same earlier copy as an uninterrupted one.
        """CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            seq BIGINT NOT NULL,
            fingerprint VARCHAR NOT NULL,
            signature UBIGINT[],
            duplicate_of VARCHAR,
            title VARCHAR,
            date VARCHAR,
            url VARCHAR,
            origin VARCHAR,
            "offset" BIGINT,
            fetched_at VARCHAR,
            text VARCHAR NOT NULL,
            warnings VARCHAR[],
            error VARCHAR,
            num_events INTEGER,
            num_quotes INTEGER,
            ingested_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE event_mentions (
            doc_id VARCHAR NOT NULL,
            event_index INTEGER NOT NULL,
            event_id VARCHAR,
            date VARCHAR,
            modality VARCHAR NOT NULL,
            negated BOOLEAN NOT NULL,
            hypothetical BOOLEAN NOT NULL,""" + _ACTOR_COLUMNS.format(p="source") + "," +
        _ACTOR_COLUMNS.format(p="target") + """,
            cameo VARCHAR NOT NULL,
            cameo_root VARCHAR,
            cameo_label VARCHAR,
            plover VARCHAR,
            plover_mode VARCHAR,
            plover_contexts VARCHAR[],
            goldstein DOUBLE,
            quad_class INTEGER,
            attributed_to VARCHAR,
            sentence_index INTEGER,
            sentence_start INTEGER,
            sentence_end INTEGER,
            sentence_text VARCHAR,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            rule VARCHAR,
            confidence DOUBLE,
            url VARCHAR,
            PRIMARY KEY (doc_id, event_index))""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            global_event_id BIGINT NOT NULL,
            modality VARCHAR NOT NULL,
            first_date VARCHAR,""" + _ACTOR_COLUMNS.format(p="source") + "," +
        _ACTOR_COLUMNS.format(p="target") + """,
            cameo VARCHAR NOT NULL,
            cameo_root VARCHAR,
            cameo_label VARCHAR,
            plover VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            is_root_event BOOLEAN,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            avg_confidence DOUBLE,
            first_doc_id VARCHAR,
            source_url VARCHAR)""",
        """CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL,
            quote_index INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            span_start INTEGER,
            span_end INTEGER,
            sentence_index INTEGER,
            speaker_text VARCHAR,
            speaker_name VARCHAR,
            speaker_role VARCHAR,
            speaker_organization VARCHAR,
            speaker_code VARCHAR,
            speaker_country VARCHAR,
            cue_text VARCHAR,
            event_indices INTEGER[],
            confidence DOUBLE,
            PRIMARY KEY (doc_id, quote_index))""",
        """CREATE TABLE actors (
            doc_id VARCHAR NOT NULL,
            mention_index INTEGER NOT NULL,
            code VARCHAR,
            name VARCHAR,
            country VARCHAR,
            igo VARCHAR,
            sectors VARCHAR[],
            actor_kind VARCHAR,
            mention_kind VARCHAR,
            text VARCHAR,
            span_start INTEGER,
            span_end INTEGER,
            PRIMARY KEY (doc_id, mention_index))""",
    )),
    # Lookups that every ingest batch and the common queries make: fingerprints when a document
    # arrives, mentions by key when events are merged again, events by dyad and by date.
    Migration(2, "indexes for deduplication, event merging and dyad queries", (
        "CREATE INDEX documents_fingerprint ON documents (fingerprint)",
        "CREATE INDEX mentions_key ON event_mentions (source_code, target_code, cameo)",
        "CREATE INDEX mentions_event ON event_mentions (event_id)",
        "CREATE INDEX events_dyad ON events (source_code, target_code)",
        "CREATE INDEX events_key ON events (source_code, target_code, cameo, modality)",
    )),
    # Where: every place a coded document names (resolved to the gazetteer), and where each
    # event happened (`Event.location`), on its mentions and on the merged events (taken from
    # the mention that stands for the event). `location_how` is sentence, document or none.
    Migration(3, "places and event locations", (
        """CREATE TABLE places (
            doc_id VARCHAR NOT NULL,
            place_index INTEGER NOT NULL,
            name VARCHAR,
            feature VARCHAR,
            country VARCHAR,
            region VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonames_id BIGINT,
            contested BOOLEAN,
            text VARCHAR,
            span_start INTEGER,
            span_end INTEGER,
            PRIMARY KEY (doc_id, place_index))""",
        *(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"
          for table, columns in (("event_mentions", _LOCATION_COLUMNS + _LOCATION_SPAN),
                                 ("events", _LOCATION_COLUMNS))
          for column, kind in columns),
    )),
    # Escalation alerts (`redline.alerts`): a row per dyad and day judged rising or surging, with
    # the events that drove it; recomputed as a whole after each ingest. `alert_settings` keeps
    # the one row of settings the alerts were last computed with (JSON of `AlertSettings`) and
    # the number of stored documents then (an ingest that stored nothing need not recompute).
    Migration(4, "escalation alerts", (
        """CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY,
            country_a VARCHAR NOT NULL,
            country_b VARCHAR NOT NULL,
            day VARCHAR NOT NULL,
            level VARCHAR NOT NULL,
            conflict_index DOUBLE,
            baseline DOUBLE,
            change DOUBLE,
            zscore DOUBLE,
            events INTEGER,
            driving_event_ids VARCHAR[],
            created_at TIMESTAMP)""",
        """CREATE TABLE alert_settings (
            id INTEGER PRIMARY KEY,
            settings VARCHAR NOT NULL,
            documents BIGINT NOT NULL,
            computed_at TIMESTAMP NOT NULL)""",
    )),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(con) -> int:
    """The schema version of an open database: 0 for an empty one."""
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", ["schema_version"]
    ).fetchall()[0][0]
    if not has_table:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con, target: int = SCHEMA_VERSION) -> list[int]:
    """Apply the missing steps up to `target` in order; returns the versions applied."""
    applied = []
    version = current_version(con)
    for step in MIGRATIONS:
        if step.version <= version or step.version > target:
            continue
        con.begin()
        try:
            for statement in step.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?, current_timestamp)",
                        [step.version, step.description])
            con.commit()
        except Exception:
            con.rollback()
            raise
        applied.append(step.version)
    return applied
