"""Bounding the time one document may cost: `time_limit(seconds)` around a piece of coding.

A news stream holds the odd pathological document (a table of ten thousand names, a page of
repeated markup) on which a stage can spend minutes. The pipeline codes each document under a
time limit, and a document that exceeds it is skipped with an error instead of stalling the run.

The exception has to be raised in the thread that codes, wherever that is:
- in a process's main thread (a serial run, each `--workers N` process) an interval timer's
  SIGALRM does it; Python runs the handler between two bytecodes of the main thread, and a
  signal also cuts short a blocking call such as a sleep or a read;
- signals reach only the main thread, so elsewhere (a Dask worker runs its tasks in a thread
  of its own, a web server its requests) a timer thread raises the exception asynchronously in
  the coding thread (`PyThreadState_SetAsyncExc`); it is noticed at the next bytecode of that
  thread, so a blocking call finishes first.
Both are noticed between bytecodes: pure-Python stages (redline's own) stop at once, and spaCy's
parse returns to Python between its layers often enough to be stopped too. A single call into C
that never returns cannot be interrupted from inside the process.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class TimeLimitExceeded(BaseException):
    """Raised in the coding thread when its time is up.

    A BaseException, like KeyboardInterrupt: an `except Exception` on the way (a component
    guarding against its own bugs) must not swallow it and go on."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in this thread if the block runs longer than `seconds`.
    None or 0: no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    if _alarm_free():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


def _alarm_free() -> bool:
    """SIGALRM can serve: this is the main thread and nobody else's interval timer is running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def expire(signum, frame):
        if armed:      # a signal delivered while the block was being left must not escape it
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: a handler set outside Python, which cannot be put back; the default is the nearest
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Have `thread_id` raise `exception` at its next bytecode (None withdraws a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire():
        with lock:
            if state["active"]:
                state["fired"] = True
                _raise_in(target, TimeLimitExceeded)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:
                # the block ended (or is ending with the exception) while it was pending: it
                # must not go off later, in code that has no limit
                _raise_in(target, None)
