"""Opening the DuckDB file: waiting out the other process's lock, and upgrading old schemas.

What DuckDB allows (https://duckdb.org/docs/current/connect/concurrency): one process may hold
a database file read-write, or any number of processes may hold it read-only, never both at
once; inside one process, connections share the database freely. So redline's ingest opens the
file only for the moment it writes a batch and closes it while the next batch is being coded,
and readers (`redline events`, `redline export`, a dashboard) open it read-only for the moment
of their query. Whoever finds the file locked waits, retrying with a growing pause, up to
`wait` seconds; a reader therefore sees the store as of the last committed batch, and an
ingest is delayed, never broken, by a query that runs meanwhile. A writer that waits says so in
a file beside the store (`<store>.writer`, holding its process id), so that a reader which keeps
the file open across queries (`redline serve`, see `lease`) knows to let go.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from redline.errors import RedlineError
from redline.store.atomic import process_running
from redline.store.schema import SCHEMA_VERSION, current_version, migrate

DEFAULT_DB = "redline.duckdb"
DEFAULT_WAIT = 60.0


def _is_lock_conflict(error: Exception) -> bool:
    text = str(error).lower()
    return "could not set lock" in text or "conflicting lock" in text


def _writer_file(path: str) -> Path:
    return Path(f"{path}.writer")


def writer_waiting(path: str) -> bool:
    """Whether a live process is waiting to open the store at `path` for writing."""
    try:
        pid = int(_writer_file(path).read_text())
    except (OSError, ValueError):
        return False
    return process_running(pid)


def _connect(path: str, read_only: bool, wait: float):
    import duckdb

    deadline = time.monotonic() + wait
    pause = 0.02
    announced = False
    try:
        while True:
            try:
                return duckdb.connect(path, read_only=read_only)
            except duckdb.Error as e:
                if not _is_lock_conflict(e):
                    raise RedlineError("E203", path=path, detail=f"not a usable DuckDB database: {e}") from e
                if time.monotonic() >= deadline:
                    raise RedlineError("E203", path=path,
                                       detail=f"locked by another process for more than {wait:g} s") from e
            if not read_only and not announced:
                announced = _announce(path)
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
    finally:
        if announced:
            _writer_file(path).unlink(missing_ok=True)


def _announce(path: str) -> bool:
    try:
        _writer_file(path).write_text(str(os.getpid()))
        return True
    except OSError:          # a store in a read-only directory: readers then let go by age alone
        return False


def _check_version(con, path: str) -> int:
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise RedlineError("E203", path=path, detail=f"schema version {version} is newer than this "
                                                     f"redline knows ({SCHEMA_VERSION}); upgrade redline")
    return version


@contextmanager
def open_db(path: str, *, read_only: bool = False, wait: float = DEFAULT_WAIT) -> Iterator:
    """A connection to the store at `path`, closed (and the file lock released) on exit.

    Read-write opens create the file and bring its schema up to date. Read-only opens need an
    existing store; an old one is upgraded first through a short read-write open."""
    path = str(path)
    if read_only:
        if not Path(path).exists():
            raise RedlineError("E201", path=path)
        con = _connect(path, True, wait)
        try:
            outdated = _check_version(con, path) < SCHEMA_VERSION
        except BaseException:
            con.close()
            raise
        if outdated:
            con.close()
            with open_db(path, wait=wait):
                pass
            con = _connect(path, True, wait)
    else:
        con = _connect(path, False, wait)
        try:
            _check_version(con, path)
            migrate(con)
        except BaseException:
            con.close()
            raise
    try:
        yield con
    finally:
        con.close()
