"""Coding an ingest's batches on a Dask distributed cluster (`redline ingest --dask ADDRESS`).

What runs where, and why:
- the client (the `redline ingest` process) reads the inputs and deduplicates them against the
  store exactly as a local run does: idempotence and near-duplicate marking depend on seeing
  every document in input order, which one process does cheaply and the same way every time;
- each batch of consecutive documents goes to a worker, which codes it with a pipeline it loads
  once per worker process and writes the batch's rows as one Parquet file, a *part*, into the
  parts directory;
- the client merges the parts into the store in input order, one transaction per batch, through
  the same `write_tables` as a local run, so the rows are those of `--workers 1`.

A part is named after its batch's first sequence number and a digest of what the batch holds
(the documents, their store ids and dedupe decisions, the coding options), and written under a
temporary name then renamed, so a part on disk is always whole. An ingest interrupted after parts
were written but before they were merged finds them on its rerun (the same inputs give the same
batches, see `store.ingest`) and merges them without coding them again; a part is deleted once
its batch is committed, and a run that finishes removes what earlier runs left.

The cluster (or the connection to one) is opened only when a first batch needs coding: a rerun
whose batches all have their parts, or whose inputs are all stored, starts nothing.
"""
from __future__ import annotations

import hashlib
import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from redline.errors import RedlineError
from redline.pipeline import Options, Pipeline
from redline.store.atomic import PARTIAL_SUFFIX, replaced
from redline.store.ingest import CodedBatch, IngestSummary, batch_rows, coded
from redline.store.rows import BATCH_TABLES, DOCUMENT_FIELDS, TABLE_FIELDS, StoredDocument

LOCAL_PREFIX = "local:"
MAX_LOCAL_WORKERS = 64
PART_PREFIX = "part-"
PART_SUFFIX = ".parquet"
# carried inside each document row of a part: every table of a batch but the documents themselves
NESTED_TABLES = tuple(t for t in BATCH_TABLES if t != "documents")
CONNECT_TIMEOUT = 30.0
# Options that change how documents are coded; workers and batch_size only change how fast.
_CODING_FIELDS = ("model", "actor_files", "lexicon_files", "place_files", "modality", "quotes", "places", "max_chars",
                  "doc_timeout", "extra")


# -- addresses -------------------------------------------------------------------------------------

def parse_address(address: str) -> tuple[str, Any]:
    """What `--dask` names: ("local", N) for `local:N`, ("file", path) for a scheduler file
    (`*.json`, as `dask scheduler --scheduler-file` writes it), else ("address", address).

    Raises ValueError with a readable reason for a `local:` that is not 1 to 64 workers."""
    address = address.strip()
    if address.startswith(LOCAL_PREFIX):
        count = address[len(LOCAL_PREFIX):]
        if not count.isdigit() or not 1 <= int(count) <= MAX_LOCAL_WORKERS:
            raise ValueError(f"{address!r}: local:N needs N from 1 to {MAX_LOCAL_WORKERS} worker processes")
        return "local", int(count)
    if not address:
        raise ValueError("empty Dask address: give tcp://HOST:PORT, a scheduler file or local:N")
    if address.lower().endswith(".json"):
        return "file", address
    return "address", address


def default_parts_dir(db_path: str) -> str:
    """`<database>.parts` beside the database: on shared storage when the database is."""
    return str(Path(db_path).resolve()) + ".parts"


# -- parts: one Parquet file per batch ---------------------------------------------------------------

def part_name(items: list[StoredDocument], options: Options) -> str:
    """`part-<first seq>-<digest>.parquet`: equal for the same batch coded the same way, whichever
    run made it, and different as soon as a document, a dedupe decision or an option differs."""
    digest = hashlib.sha1()
    digest.update(repr([(name, getattr(options, name)) for name in _CODING_FIELDS]).encode("utf-8"))
    for item in items:
        doc = item.doc
        digest.update(repr((item.seq, item.store_id, item.fingerprint, item.duplicate_of, item.coded, doc.id,
                            doc.title, doc.date, doc.url, doc.origin, doc.offset, doc.fetched_at,
                            list(doc.warnings))).encode("utf-8"))
    return f"{PART_PREFIX}{items[0].seq:012d}-{digest.hexdigest()[:16]}{PART_SUFFIX}"


def part_schema() -> pa.Schema:
    """A document per row (as the documents table, without the storing time, which the merge
    sets) with its event mentions, quotes, actors and places as lists of rows of those tables."""
    fields = [pa.field(name, kind) for name, kind in DOCUMENT_FIELDS if name != "ingested_at"]
    fields += [pa.field(table, pa.list_(pa.struct(TABLE_FIELDS[table]))) for table in NESTED_TABLES]
    return pa.schema(fields)


def to_part(tables: dict[str, pa.Table]) -> pa.Table:
    """The tables of a batch (`store.ingest.batch_rows`) as one table of documents."""
    schema = part_schema()
    documents = tables["documents"]
    ids = documents.column("id").to_pylist()
    data: dict[str, list] = {f.name: documents.column(f.name).to_pylist()
                             for f in schema if f.name not in NESTED_TABLES}
    for table in NESTED_TABLES:
        by_doc: dict[str, list[dict]] = {doc_id: [] for doc_id in ids}
        for row in tables[table].to_pylist():
            by_doc[row["doc_id"]].append(row)
        data[table] = [by_doc[doc_id] for doc_id in ids]
    return pa.Table.from_pydict(data, schema=schema)


def from_part(part: pa.Table) -> dict[str, pa.Table]:
    """The tables of a batch back from its part, rows in the order the batch made them."""
    tables = {"documents": part.drop_columns(list(NESTED_TABLES))}
    for table in NESTED_TABLES:
        rows = part.column(table).combine_chunks().flatten()
        tables[table] = pa.Table.from_struct_array(rows)
    return tables


def write_part(tables: dict[str, pa.Table], path: Path) -> None:
    """Write under a temporary name and rename: a reader never sees half a part. Temporaries of
    killed workers are not swept here (workers on other machines share the directory, and a
    process id says nothing about them) but by `DaskCoder` once a run is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replaced(path, sweep=False) as temporary:
        pq.write_table(to_part(tables), temporary)


def read_part(path: Path) -> dict[str, pa.Table]:
    return from_part(pq.read_table(path, schema=part_schema()))


# -- the worker side -----------------------------------------------------------------------------------

class RemoteError(Exception):
    """A `RedlineError` raised on a worker, carried back to the client (which raises it again):
    its code and values travel, since Dask sends exceptions pickled."""

    def __init__(self, code: str, values: dict[str, Any]):
        super().__init__(code, values)
        self.code = code
        self.values = values

    def __str__(self) -> str:
        return str(RedlineError(self.code, **self.values))


# One pipeline per worker process and coding options, loaded by the first batch that needs it.
# Keyed on every coding option (not only those `shared_pipeline` keys on): a long-lived cluster
# may serve ingests with different options one after the other.
_pipelines: dict[str, Pipeline] = {}


def worker_pipeline(options: Options) -> Pipeline:
    key = repr([(name, getattr(options, name)) for name in _CODING_FIELDS])
    if key not in _pipelines:
        _pipelines[key] = Pipeline(Options(**{**options.__dict__, "workers": 1}))
    return _pipelines[key]


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return "this process"


def code_part(items: list[StoredDocument], options: Options, path: str) -> int:
    """The task a worker runs: code one batch and leave its rows as the part at `path`.
    Returns the number of documents in the part."""
    try:
        done = list(coded(items, lambda: worker_pipeline(options)))
    except RedlineError as e:
        raise RemoteError(e.code, e.values) from None
    try:
        write_part(batch_rows(done), Path(path))
    except OSError as e:
        raise RemoteError("E204", {"path": path, "detail": f"worker {_worker_name()} could not write this "
                                                           f"part: {e.strerror or e}"}) from None
    return len(done)


# -- the client side -----------------------------------------------------------------------------------

@dataclass
class _Job:
    """A batch on its way: its items, where its part is (or will be), and the task coding it."""
    items: list[StoredDocument]
    path: Path
    future: Any = None           # distributed.Future; None when the part was already on disk

    def ready(self) -> bool:
        return self.future is None or self.future.done()


class DaskCoder:
    """Codes batches on a Dask cluster and hands them back as `CodedBatch`es in input order.

    address: as `parse_address` reads it. options: the coding options, as the workers build
    their pipelines from them (actor and lexicon files must exist at the same paths on the
    workers). parts_dir: where the workers write and this process reads the parts."""

    def __init__(self, address: str, options: Options, parts_dir: str, summary: IngestSummary, *,
                 connect_timeout: float = CONNECT_TIMEOUT):
        self.address = address
        self.kind, self.target = parse_address(address)
        self.options = Options(**{**options.__dict__, "workers": 1,
                                  "actor_files": _absolute(options.actor_files),
                                  "lexicon_files": _absolute(options.lexicon_files),
                                  "place_files": _absolute(options.place_files)})
        self.parts_dir = Path(parts_dir).resolve()
        self.summary = summary
        self.connect_timeout = connect_timeout
        self._client = None
        self._cluster = None
        self._in_flight = 1

    # The generator `ingest` pulls batches from; closing it (at the end, or when the ingest
    # stops on an error) cancels what is still running and shuts the cluster down.
    def batches(self, batches: Iterator[list[StoredDocument]]) -> Iterator[CodedBatch]:
        pending: deque[_Job] = deque()
        try:
            for items in batches:
                pending.append(self._start(items))
                while pending and (len(pending) > self._in_flight or pending[0].ready()):
                    yield self._finish(pending.popleft())
            while pending:
                yield self._finish(pending.popleft())
            self._remove_leftovers()
        finally:
            for job in pending:
                if job.future is not None:
                    job.future.cancel()
            self.close()

    def _start(self, items: list[StoredDocument]) -> _Job:
        path = self.parts_dir / part_name(items, self.options)
        if path.exists():
            self.summary.parts_reused += 1
            return _Job(items, path)
        client = self._connect()
        self.summary.parts_coded += 1
        return _Job(items, path, client.submit(code_part, items, self.options, str(path), pure=False))

    def _finish(self, job: _Job) -> CodedBatch:
        if job.future is not None:
            try:
                job.future.result()
            except RemoteError as e:
                raise RedlineError(e.code, **e.values) from None
            except Exception as e:
                raise RedlineError("E204", path=str(job.path),
                                   detail=f"its batch failed on the Dask cluster: {type(e).__name__}: {e}") from e
            finally:
                job.future.release()
        try:
            tables = read_part(job.path)
        except FileNotFoundError:
            raise RedlineError("E204", path=str(job.path),
                               detail="a worker wrote it but this machine does not see it: the parts "
                                      "directory must be on storage shared by this machine and every "
                                      "worker (--parts)") from None
        except (OSError, pa.ArrowException) as e:
            if job.future is not None:
                raise RedlineError("E204", path=str(job.path), detail=f"not a readable part: {e}") from e
            job.path.unlink(missing_ok=True)      # a damaged part from an earlier run: code the batch again
            self.summary.parts_reused -= 1
            return self._finish(self._start(job.items))
        seqs = tables["documents"].column("seq").to_pylist()
        if seqs != [item.seq for item in job.items]:
            raise RedlineError("E204", path=str(job.path),
                               detail=f"holds documents {seqs[:3]}... where the batch has "
                                      f"{[i.seq for i in job.items][:3]}...: remove it and ingest again")
        for item, error in zip(job.items, tables["documents"].column("error").to_pylist()):
            item.doc.id = item.store_id
            item.doc.error = error
        return CodedBatch(job.items, tables, done=lambda: job.path.unlink(missing_ok=True))

    def _connect(self):
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RedlineError("E204", path=self.address,
                               detail="Dask is not installed here: pip install 'dask[distributed]'") from None
        address = _scheduler_address(self.target) if self.kind == "file" else self.target
        try:
            self.parts_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise RedlineError("E204", path=str(self.parts_dir),
                               detail=f"the parts directory cannot be made: {e.strerror or e}") from None
        try:
            if self.kind == "local":
                # one thread per worker: the spaCy model is not meant to be shared by threads,
                # and each worker process then loads it once
                self._cluster = LocalCluster(n_workers=self.target, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.CRITICAL)
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=self.connect_timeout)
            self._client.wait_for_workers(1, timeout=self.connect_timeout)
        except (OSError, TimeoutError, ValueError) as e:
            self.close()
            raise RedlineError("E204", path=self.address,
                               detail=f"no Dask cluster with workers answered within "
                                      f"{self.connect_timeout:g} s ({type(e).__name__}: {e})") from None
        workers = len(self._client.scheduler_info().get("workers", {})) or 1
        # enough batches queued that no worker waits for the next while the client merges one
        self._in_flight = 2 * workers + 1
        return self._client

    def _remove_leftovers(self) -> None:
        """After a complete run nothing in the parts directory is needed: parts of earlier runs
        that were batched or configured differently, and temporary files of killed workers."""
        if not self.parts_dir.is_dir():
            return
        for path in self.parts_dir.iterdir():
            name = path.name
            if (name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)) or \
                    (name.startswith("." + PART_PREFIX) and name.endswith(PARTIAL_SUFFIX)):
                path.unlink(missing_ok=True)

    def close(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        try:
            self.parts_dir.rmdir()      # only when empty: parts still to merge stay for the rerun
        except OSError:
            pass


def _scheduler_address(scheduler_file: str) -> str:
    """The address a scheduler file gives. Read here rather than by Dask, which waits for a
    missing file for ever."""
    import json

    path = Path(scheduler_file)
    if not path.is_file():
        raise RedlineError("E201", path=scheduler_file)
    try:
        address = json.loads(path.read_text(encoding="utf-8"))["address"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise RedlineError("E202", path=scheduler_file,
                           detail=f"not a Dask scheduler file ({type(e).__name__}: {e})") from None
    if not isinstance(address, str) or not address:
        raise RedlineError("E202", path=scheduler_file, detail="not a Dask scheduler file (no address)")
    return address


def _absolute(paths: tuple[str, ...]) -> tuple[str, ...]:
    """Paths the workers can open whatever their working directory."""
    return tuple(str(Path(p).resolve()) if Path(p).exists() else p for p in paths)
