"""Opening the DuckDB file: waiting out the other process's lock, and upgrading old schemas.

What DuckDB allows (https://duckdb.org/docs/current/connect/concurrency): one process may hold
a database file read-write, or any number of processes may hold it read-only, never both at
once; inside one process, connections share the database freely. So whoever finds the file
locked waits, retrying with a growing pause, up to `wait` seconds, and says so in a file beside
the store (`<store>.reader` or `<store>.writer`, holding its process id). Whoever keeps the file
open between uses lets go when the other side waits: an ingest between two batches (see
`writer`), `redline serve` between two requests (see `lease`). One-off readers (`redline events`,
`redline export`) open it read-only for the moment of their query. A reader therefore sees the
store as of the last committed batch, and an ingest is delayed, never broken, by a query that
runs meanwhile.
"""
from __future__ import annotations

import atexit
import os
import time
import weakref
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


def _marker(path: str, role: str) -> Path:
    return Path(f"{path}.{role}")


def waiting(path: str, role: str) -> bool:
    """Whether a live process says it waits to open the store at `path` as `role` ("reader" or "writer")."""
    try:
        pid = int(_marker(path, role).read_text())
    except (OSError, ValueError):
        return False
    return process_running(pid)


def writer_waiting(path: str) -> bool:
    return waiting(path, "writer")


def reader_waiting(path: str) -> bool:
    return waiting(path, "reader")


def let_in(path: str, roles: tuple[str, ...], wait: float) -> None:
    """Wait, up to `wait` seconds, while another process says it waits for the store in one of
    `roles`: a holder that opened the file again now would keep it out again."""
    deadline = time.monotonic() + wait
    while any(waiting(path, role) for role in roles) and time.monotonic() < deadline:
        time.sleep(0.01)


# A daemon thread still inside DuckDB when the interpreter finalises aborts the process; so
# whoever holds the store across uses from a watched connection (`lease`, `writer`) is closed
# at exit, while threads may still run.
_HOLDERS: weakref.WeakSet = weakref.WeakSet()


def close_at_exit(holder) -> None:
    """Have `holder.close()` called when the interpreter exits (if it is still alive then)."""
    _HOLDERS.add(holder)


@atexit.register
def _close_holders() -> None:
    for holder in list(_HOLDERS):
        holder.close()


def _connect(path: str, read_only: bool, wait: float):
    import duckdb

    role = "reader" if read_only else "writer"
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
            # said again at every try: another process waiting in the same role may have taken the
            # file over, and removed it, since
            announced = _announce(path, role) or announced
            time.sleep(pause)
            pause = min(pause * 2, 0.1)    # the holder lets go within a moment of the announcement
    finally:
        if announced:
            _withdraw(path, role)


def _announce(path: str, role: str) -> bool:
    try:
        _marker(path, role).write_text(str(os.getpid()))
        return True
    except OSError:          # a store in a read-only directory: holders then let go by age alone
        return False


def _withdraw(path: str, role: str) -> None:
    """Remove the announcement unless another waiting process has put its own in its place."""
    marker = _marker(path, role)
    try:
        if marker.read_text() == str(os.getpid()):
            marker.unlink()
    except OSError:
        pass


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
