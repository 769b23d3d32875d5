"""`redline ingest`: inputs -> dedupe -> pipeline -> the store, a batch per transaction.

Why a killed ingest resumes exactly: documents are stored in input order, a batch of consecutive
documents per transaction (its documents, event mentions, quotes, actors, places and the events
merged again, together). What a SIGKILL leaves is therefore the stored documents of a prefix of the
input. A rerun loads what that prefix left (fingerprints, ids, the near-duplicate index rebuilt
in storing order, the next sequence number), skips the stored documents as exact duplicates,
and decides everything after them as the uninterrupted run did.

Where the coding happens is the one thing that varies: in this process (`--workers 1`), in local
worker processes (`--workers N`), or on a Dask cluster (`--dask`, see `store.distributed`). Reading,
deduplication and writing stay here in every case, so the rows stored are the same.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import chain
from typing import Callable, Iterable, Iterator

import pyarrow as pa

from redline.alerts.store import refresh_alerts
from redline.pipeline import Options, Pipeline, chunks
from redline.records import Document
from redline.store.database import DEFAULT_WAIT
from redline.store.merging import batch_keys, count_events, remerge
from redline.store.rows import BATCH_TABLES, BatchRows, StoredDocument, insert
from redline.store.writer import StoreWriter


@dataclass
class IngestSummary:
    """What one ingest did, for the final line on stderr."""
    read: int = 0
    stored: int = 0              # documents committed to the store so far (copies included)
    exact_duplicates: int = 0
    near_duplicates: int = 0
    coded: int = 0
    mentions: int = 0
    quotes: int = 0
    errors: int = 0
    warnings: int = 0            # warnings of the documents coded (each is stored with its document)
    batches: int = 0
    events_in_store: int = 0
    elapsed: float = 0.0
    parts_coded: int = 0         # --dask: batches coded on the cluster in this run
    parts_reused: int = 0        # --dask: batches whose part an interrupted run had left

    def line(self) -> str:
        return (f"{self.read} documents read: {self.exact_duplicates + self.near_duplicates} duplicates "
                f"({self.exact_duplicates} exact, {self.near_duplicates} near), {self.coded} coded "
                f"({self.mentions} event mentions, {self.quotes} quotes), {self.errors} errors, "
                f"{self.warnings} warnings; "
                f"{self.events_in_store} events in the store; {self.elapsed:.1f} s")


@dataclass
class SeenState:
    """What the store already holds, as far as deciding about a new document goes."""
    fingerprints: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    next_seq: int = 0
    near: object = None          # redline.dedupe.documents.NearDuplicates

    @classmethod
    def load(cls, con, threshold: float) -> "SeenState":
        from redline.dedupe.documents import NearDuplicates

        state = cls(near=NearDuplicates(threshold=threshold))
        cursor = con.execute("SELECT id, fingerprint, signature, duplicate_of FROM documents ORDER BY seq")
        while rows := cursor.fetchmany(10_000):
            for doc_id, fp, sig, duplicate_of in rows:
                state.ids.add(doc_id)
                state.fingerprints.add(fp)
                # only originals are in the index: check_and_add never adds a copy
                if duplicate_of is None and sig:
                    state.near.add(doc_id, sig)
        state.next_seq = con.execute("SELECT coalesce(max(seq) + 1, 0) FROM documents").fetchall()[0][0]
        return state

    def store_id(self, doc: Document) -> str:
        """The document's own id unless another stored document has it: then the origin makes it unique."""
        candidate = doc.id
        if candidate in self.ids and doc.origin and doc.origin != doc.id:
            candidate = f"{doc.id}@{doc.origin}"
        base, n = candidate, 2
        while candidate in self.ids:
            candidate = f"{base}#{n}"
            n += 1
        self.ids.add(candidate)
        return candidate


def _classify(documents: Iterable[Document], state: SeenState, summary: IngestSummary,
              on_error: Callable[[Document], None],
              on_read: Callable[[IngestSummary], None] = lambda summary: None) -> Iterator[StoredDocument]:
    """Documents to store, in input order; exact duplicates and unreadable inputs are dropped here."""
    from redline.dedupe.documents import fingerprint, signature

    for doc in documents:
        summary.read += 1
        on_read(summary)
        if doc.error is not None:
            summary.errors += 1
            on_error(doc)
            continue
        fp = fingerprint(doc.text)
        if fp in state.fingerprints:
            summary.exact_duplicates += 1
            continue
        state.fingerprints.add(fp)
        sig = signature(doc.text)
        store_id = state.store_id(doc)
        original = state.near.check_and_add(store_id, sig)
        if original is not None:
            summary.near_duplicates += 1
        item = StoredDocument(doc=doc, store_id=store_id, seq=state.next_seq, fingerprint=fp,
                              signature=sig, duplicate_of=original, coded=original is None)
        state.next_seq += 1
        yield item


def coded(items: Iterable[StoredDocument], make_pipeline: Callable[[], Pipeline]) -> Iterator[StoredDocument]:
    """The same items in the same order, the ones to code passed through the pipeline.

    Only originals go to the pipeline; copies wait in `pending` for the coded documents before
    them. The pipeline returns documents in input order (with workers, as copies), so the next
    item to code in `pending` is always the one the pipeline hands back. The pipeline (and the
    model) is loaded only when a first document needs coding: a re-ingest of stored inputs
    loads nothing. A Dask worker runs its batch through this same function."""
    items = iter(items)
    first = None
    for item in items:
        if item.coded:
            first = item
            break
        yield item
    if first is None:
        return
    pipeline = make_pipeline()
    pending: deque[StoredDocument] = deque()

    def to_code() -> Iterator[Document]:
        for item in chain([first], items):
            pending.append(item)
            if item.coded:
                yield item.doc

    for doc in pipeline.process(to_code()):
        while not pending[0].coded:
            yield pending.popleft()
        item = pending.popleft()
        item.doc = doc
        yield item
    while pending:
        yield pending.popleft()


@dataclass
class CodedBatch:
    """Consecutive stored-to-be documents, coded, as the rows they add to each table.

    `tables` has the documents, event_mentions, quotes, actors and places tables; the documents'
    `ingested_at` is filled when the batch is written. `done` runs once the batch is committed
    (a Dask batch removes its Parquet part there)."""
    items: list[StoredDocument]
    tables: dict[str, pa.Table]
    done: Callable[[], None] = lambda: None


def batch_rows(items: list[StoredDocument]) -> dict[str, pa.Table]:
    """The rows of coded items, as Arrow tables with `ingested_at` left empty."""
    rows = BatchRows()
    for item in items:
        rows.add(item, None)
    return rows.tables()


def _local_batches(items: Iterator[StoredDocument], make_pipeline: Callable[[], Pipeline],
                   batch_size: int) -> Iterator[CodedBatch]:
    for batch in chunks(coded(items, make_pipeline), batch_size):
        yield CodedBatch(batch, batch_rows(batch))


def stamp(tables: dict[str, pa.Table], when: datetime) -> dict[str, pa.Table]:
    """The tables with every document's `ingested_at` set to `when`."""
    documents = tables["documents"]
    column = pa.array([when] * documents.num_rows, pa.timestamp("us"))
    if "ingested_at" in documents.column_names:
        documents = documents.set_column(documents.column_names.index("ingested_at"), "ingested_at", column)
    else:
        documents = documents.append_column("ingested_at", column)
    return {**tables, "documents": documents}


def write_tables(con, tables: dict[str, pa.Table], window_days: int = 1) -> None:
    """Store one batch's rows and merge its events again, all in one transaction."""
    tables = stamp(tables, datetime.now(timezone.utc).replace(tzinfo=None))
    mentions = tables["event_mentions"]
    keys = batch_keys(mentions) if mentions.num_rows else {}
    con.begin()
    try:
        for table in BATCH_TABLES:
            if table in tables:
                insert(con, table, tables[table])
        remerge(con, keys, tables["documents"].column("id").to_pylist(), window_days)
        con.commit()
    except BaseException:
        con.rollback()
        raise


def coding_options(options: Options) -> Options:
    """The options a pipeline for the store is built with: every event is kept, with its modality."""
    return Options(**{**options.__dict__, "modality": "all"})


def ingest(inputs: Iterable[str], db_path: str, options: Options | None = None, *,
           pipeline: Pipeline | None = None, stdin=None, fetch: bool = False, fetcher=None,
           near_threshold: float = 0.8,
           window_days: int = 1, wait: float = DEFAULT_WAIT, dask: str | None = None,
           parts_dir: str | None = None, on_error: Callable[[Document], None] = lambda doc: None,
           on_warning: Callable[[str, list[str]], None] = lambda name, warnings: None,
           on_batch: Callable[[IngestSummary], None] = lambda summary: None,
           on_read: Callable[[IngestSummary], None] = lambda summary: None) -> IngestSummary:
    """Read, deduplicate, code and store `inputs` into the DuckDB store at `db_path`.

    Every event is stored with its modality, so the pipeline given must keep negated and
    hypothetical events (`Options(modality="all")`, the default built here). The store stays
    open between batches until another process asks for it (`store.writer`); `wait` is how long
    to wait for a reader's lock. `fetch` downloads the pages that feed entries link to, with
    `fetcher` (a `sources.fetch.Fetcher`; default: one with the shipped timeouts and per-host
    delay) as for any URL input.

    dask: code the batches on a Dask cluster instead of here: a scheduler address, a scheduler
        file (`.json`) or `local:N` for a local cluster of N worker processes (see
        `redline.store.distributed`); `parts_dir` is where the workers leave each batch as a
        Parquet part (default: `<db_path>.parts` beside the database).
    on_read: called after each document read (for a progress bar); on_batch: after each batch
        stored; on_error: with each document that could not be read or coded; on_warning: with
        the name and the warnings of each document stored with some (empty text, bytes that were
        not UTF-8, a text cut short).

    After the last batch the escalation alerts are recomputed from the whole store when
    documents were stored (`redline.alerts.store.refresh_alerts`, with the settings last used)."""
    from redline.sources.readers import read_inputs

    if dask is not None and pipeline is not None:
        raise ValueError("ingest: give either a loaded pipeline or a Dask address, not both")
    started = time.monotonic()
    summary = IngestSummary()
    options = options or Options()
    batch_size = max(1, options.batch_size)

    def make_pipeline() -> Pipeline:
        return pipeline or Pipeline(coding_options(options))

    with StoreWriter(db_path, wait=wait) as writer:
        with writer.connection() as con:
            state = SeenState.load(con, near_threshold)
        documents = read_inputs(inputs, stdin=stdin, fetch=fetch, fetcher=fetcher)
        items = _classify(documents, state, summary, on_error, on_read)
        if dask is None:
            batches = _local_batches(items, make_pipeline, batch_size)
        else:
            from redline.store.distributed import DaskCoder, default_parts_dir

            coder = DaskCoder(dask, coding_options(options), parts_dir or default_parts_dir(db_path), summary)
            batches = coder.batches(chunks(items, batch_size))
        try:
            _store(batches, writer, summary, window_days, on_error, on_warning, on_batch)
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()      # a Dask run shuts its cluster down here, whether it finished or not
        with writer.connection() as con:
            refresh_alerts(con)      # escalation alerts from the whole store, in one short transaction
            summary.events_in_store = count_events(con)
    summary.elapsed = time.monotonic() - started
    return summary


def _store(batches: Iterable[CodedBatch], writer: StoreWriter, summary: IngestSummary, window_days: int,
           on_error: Callable[[Document], None], on_warning: Callable[[str, list[str]], None],
           on_batch: Callable[[IngestSummary], None]) -> None:
    """Write each batch in its own transaction, counting what it held."""
    for batch in batches:
        with writer.connection() as con:
            write_tables(con, batch.tables, window_days)
        batch.done()
        for item in batch.items:
            if item.coded and item.doc.error is None:
                summary.coded += 1
            elif item.doc.error is not None:
                summary.errors += 1
                on_error(item.doc)
        # the warnings as stored (a Dask worker adds those of coding to the ones of reading)
        docs = batch.tables["documents"].select(["id", "origin", "warnings", "duplicate_of"]).to_pylist()
        for row in docs:
            if row["warnings"] and row["duplicate_of"] is None:
                summary.warnings += len(row["warnings"])
                on_warning(row["origin"] or row["id"], row["warnings"])
        summary.mentions += batch.tables["event_mentions"].num_rows
        summary.quotes += batch.tables["quotes"].num_rows
        summary.batches += 1
        summary.stored += len(batch.items)
        on_batch(summary)
