"""Latency of `redline serve`'s API over a store of one million events (issue 7: p95 under 200 ms
for dyad timelines and event queries).

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--requests 60]

The store is built as in bench_ingest.py (one million events and mentions with the store's own
schema and indexes, actors Zipf-like so a few dyads are busy). The app runs under uvicorn on a
local port and is called over HTTP as a browser would, each request opening the store read-only
as the app always does; the first request of each kind is a warm-up. Reported per endpoint:
median, p95 and max in milliseconds, and the rows returned.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import build_event_store  # noqa: E402

TARGET_P95_MS = 200.0
CASES = {
    "dyad timeline, daily, busy pair": "/api/dyads/RUS/UKR/timeline?interval=day&since=2020-01-01&until=2020-12-31",
    "dyad timeline, weekly, busy pair": "/api/dyads/RUS/UKR/timeline?interval=week&limit=520",
    "dyad timeline, weekly, middling pair": "/api/dyads/IND/PAK/timeline?interval=week&limit=520",
    "events of a dyad, first page": "/api/events?dyad=RUS&dyad=UKR&limit=100",
    "events of a dyad, later page": "/api/events?dyad=RUS&dyad=UKR&limit=100&offset=5000",
    "events by root and dates": "/api/events?root=19&since=2021-01-01&until=2021-03-31&limit=100",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int):
    import uvicorn

    from redline.web.api import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2).read()
            return server, thread
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the API did not start")


def timed_get(url: str) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = json.loads(response.read())
    return (time.perf_counter() - started) * 1000, body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=60, help="Requests per endpoint (after one warm-up).")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="redline-bench-api-") as work:
        db = str(Path(work) / "million.duckdb")
        built = build_event_store(db, a.events)
        port = free_port()
        server, thread = serve(db, port)
        results = {}
        try:
            for name, path in CASES.items():
                url = f"http://127.0.0.1:{port}{path}"
                _, body = timed_get(url)                       # warm-up
                times = [timed_get(url)[0] for _ in range(a.requests)]
                times.sort()
                p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
                results[name] = {"rows": len(body.get("items", [])), "total": body.get("total"),
                                 "median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
                                 "max_ms": round(times[-1], 1)}
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    worst = max(r["p95_ms"] for r in results.values())
    print(json.dumps({"store": built, "endpoints": results,
                      "target": {"p95_ms": f"< {TARGET_P95_MS:g}", "worst_p95_ms": worst,
                                 "met": worst < TARGET_P95_MS}}, indent=2))


if __name__ == "__main__":
    main()
