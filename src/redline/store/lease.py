"""One read-only connection shared by the requests of a server, given up whenever a writer waits.

A DuckDB file opened afresh starts with an empty buffer cache: on a store of a million events the
first query of each new connection reads and decompresses its columns again, which costs more
than the query itself (about 120 ms of a 200 ms request). So `redline serve` keeps one read-only
connection open across requests, each request using a cursor of its own, and closes it when

- an ingest is waiting for the file (it announces itself: `database.writer_waiting`), so the
  ingest waits no longer than the queries already running;
- it has been idle for `idle` seconds, so other tools find the file free;
- it is older than `max_age` seconds, so a writer that does not announce itself waits at most that.

Requests that arrive while a writer waits let it in first, then open the file again (`open_db`
waits out its lock) and see the store as of its last committed batch.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

from redline.store.database import DEFAULT_WAIT, close_at_exit, let_in, open_db, writer_waiting


class _Held:
    """An open connection and the requests using it."""

    def __init__(self, path: str, wait: float):
        self._opened = open_db(path, read_only=True, wait=wait)
        self.con = self._opened.__enter__()
        self.since = self.last_used = time.monotonic()
        self.users = 0

    def close(self) -> None:
        self._opened.__exit__(None, None, None)


class ReadLease:
    """Read-only cursors on the store at `path` from one shared connection (see the module)."""

    def __init__(self, path: str, *, wait: float = DEFAULT_WAIT, idle: float = 2.0, max_age: float = 10.0,
                 check_every: float = 0.1):
        self.path, self.wait, self.idle, self.max_age = str(path), wait, idle, max_age
        self.check_every = check_every
        self._lock = threading.Lock()
        self._held: _Held | None = None
        self._retired: list[_Held] = []      # given up, closed when their last request ends
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None   # runs while a connection is open
        close_at_exit(self)

    @contextmanager
    def cursor(self) -> Iterator:
        with self._lock:
            self._retire_if_due()
            self._close_retired()
            held = self._held
            if held is not None:
                held.users += 1
        if held is None:
            let_in(self.path, ("writer",), self.wait)   # a new read lock now would keep it out
            with self._lock:
                if self._held is None:
                    self._held = _Held(self.path, self.wait)   # waits out a writer's lock, if any
                    self._start_watching()
                held = self._held
                held.users += 1
        try:
            cursor = held.con.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            with self._lock:
                held.users -= 1
                held.last_used = time.monotonic()
                self._close_retired()

    def close(self) -> None:
        """Stop watching and close the connection (requests still running keep theirs until done)."""
        self._stop.set()
        with self._lock:
            if self._held is not None:
                self._retired.append(self._held)
                self._held = None
            self._close_retired()
            watcher = self._watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join()

    def _start_watching(self) -> None:
        if self._watcher is None and not self._stop.is_set():
            self._watcher = threading.Thread(target=self._watch, daemon=True, name="redline-read-lease")
            self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.check_every):
            with self._lock:
                self._retire_if_due(idle_too=True)
                self._close_retired()
                if self._held is None and not self._retired:
                    self._watcher = None       # nothing open: a new connection starts a new watcher
                    return

    def _retire_if_due(self, idle_too: bool = False) -> None:
        held = self._held
        if held is None:
            return
        now = time.monotonic()
        due = now - held.since > self.max_age or writer_waiting(self.path)
        if idle_too and held.users == 0 and now - held.last_used > self.idle:
            due = True
        if due:
            self._retired.append(held)
            self._held = None

    def _close_retired(self) -> None:
        for held in [h for h in self._retired if h.users == 0]:
            held.close()
            self._retired.remove(held)
