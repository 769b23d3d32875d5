"""`redline ingest` without the per-host delay, for tests that fetch from their own 127.0.0.1 server.

The fetcher waits `host_delay` (1 s) between two requests to one host: polite to news sites, but
a test's feed and its pages all live on one local server, so every ingest would sleep a second
per page. Neither `redline ingest` nor `redline.store.ingest.ingest` takes a fetcher or a delay,
so the tests swap in a `Fetcher` whose default delay is 0 (everything else, timeouts, retries and
User-Agent, stays as shipped):

- in the test process: `with no_host_delay(): ingest(...)`;
- as a process of its own (to be killed with SIGKILL): `python tests/ingest_nodelay.py INPUT...
  --db PATH --fetch`, which runs `redline ingest` with the same arguments.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from redline.sources import fetch


class NoDelayFetcher(fetch.Fetcher):
    """The shipped fetcher with no pause between requests to one host."""

    def __init__(self, **kwargs):
        kwargs.setdefault("host_delay", 0.0)
        super().__init__(**kwargs)


@contextmanager
def no_host_delay() -> Iterator[None]:
    """Fetchers made by the readers inside the block have no per-host delay."""
    shipped = fetch.Fetcher
    fetch.Fetcher = NoDelayFetcher
    try:
        yield
    finally:
        fetch.Fetcher = shipped


if __name__ == "__main__":
    fetch.Fetcher = NoDelayFetcher
    from redline.cli import main

    main(["ingest", *sys.argv[1:]], prog_name="redline")
