"""The event database: DuckDB tables for documents, event mentions, merged events, quotes and actors.

- `schema`: the tables as numbered migrations; opening an old database upgrades it.
- `database`: opening the file, waiting for another process's lock (what DuckDB allows).
- `rows`: a coded `Document` as rows (Arrow tables for bulk inserts).
- `merging`: the `events` table kept equal to the merge of every stored mention.
- `ingest`: `redline ingest`, a batch per transaction, idempotent and resumable after SIGKILL.
- `query`: `redline events` filters; `export`: Parquet, CSV, JSONL and GDELT 2.0 tables.

This package is the one place that writes to the store, with `redline.alerts.store`, which
replaces the `alerts` table's rows (computed from the events) after each ingest.
"""
from redline.store.database import DEFAULT_DB, open_db
from redline.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

__all__ = ["DEFAULT_DB", "MIGRATIONS", "SCHEMA_VERSION", "migrate", "open_db"]
