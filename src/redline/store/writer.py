"""The ingest's read-write connection, kept open from batch to batch while nobody else waits.

Opening the DuckDB file costs tens of milliseconds (a new database instance, its catalog read,
the schema checked, the write-ahead log checkpointed at close), which an ingest that opened it
for every batch paid again and again. So an ingest keeps its connection and closes it only when
another process announces that it waits for the file (`database.reader_waiting`, e.g. a query
or `redline serve`; `database.writer_waiting`, another ingest). A watcher thread looks for the
announcement every `check_every` seconds, so a reader waits about that long, or until the
batch being written is committed; the next batch then opens the file again, once the reader
has it (the reader's lock is short, or let go when this writer in turn announces itself).

The connection runs DuckDB on one thread: a batch's writes are small and gain nothing from
parallel execution, whose coordination costs CPU time (about a fifth of the writes' time in
`benchmarks/bench_ingest.py`), and with `--workers N` the other cores are busy coding. Its
memory is capped (`WRITER_MEMORY`): a connection held for a whole ingest otherwise keeps every
block it has touched cached, and its memory grows with the store (after 19,200 short documents,
144 MB more than after the first batch uncapped, 48 MB capped; DuckDB spills to `<store>.tmp`
what a query needs beyond the cap).

A SIGKILL leaves nothing to repair: every batch is committed before the next is coded, and
DuckDB replays its write-ahead log at the next open.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from redline.store.database import (DEFAULT_WAIT, close_at_exit, let_in, open_db, reader_waiting,
                                     writer_waiting)

WRITER_THREADS = 1
WRITER_MEMORY = "128MB"


class StoreWriter:
    """`with writer.connection() as con:` gives the held connection, opening it when needed."""

    def __init__(self, path: str, *, wait: float = DEFAULT_WAIT, check_every: float = 0.05):
        self.path, self.wait, self.check_every = str(path), wait, check_every
        self._lock = threading.Lock()
        self._opened = None          # the open_db context of the held connection
        self._con = None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        close_at_exit(self)

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def connection(self) -> Iterator:
        with self._lock:
            if self._con is None:
                let_in(self.path, ("reader", "writer"), self.wait)   # opening now would keep them out
                self._opened = open_db(self.path, wait=self.wait)   # waits out a reader's lock
                self._con = self._opened.__enter__()
                self._con.execute(f"SET threads TO {WRITER_THREADS}")
                self._con.execute(f"SET memory_limit = '{WRITER_MEMORY}'")
                self._start_watching()
            yield self._con

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            self._release()
            watcher = self._watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join()

    def _others_waiting(self) -> bool:
        return reader_waiting(self.path) or writer_waiting(self.path)

    def _release(self) -> None:
        if self._con is not None:
            opened, self._opened, self._con = self._opened, None, None
            opened.__exit__(None, None, None)

    def _start_watching(self) -> None:
        if self._watcher is None and not self._stop.is_set():
            self._watcher = threading.Thread(target=self._watch, daemon=True, name="redline-store-writer")
            self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.check_every):
            if not self._others_waiting():
                continue
            with self._lock:
                self._release()
                self._watcher = None       # the next open starts a new watcher
                return
