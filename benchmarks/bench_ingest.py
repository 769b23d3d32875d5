"""Benchmarks of `redline ingest` and the event store (issue 5), measured side by side in one run.

    .venv/bin/python benchmarks/bench_ingest.py [--only throughput,workers,memory,query] [--rounds 3]

Prints one JSON summary with four measurements and whether each meets the issue's target:

- throughput: the corpus of benchmarks/corpus.py (240 articles) written as a JSONL file and
  ingested into a fresh store, against spaCy's own `nlp.pipe` over the same texts with the same
  model and batch size (target: at least 0.8). Both sides have the model loaded already. A
  third side runs redline's pipeline over the same JSONL file without the store, so the gap
  splits into what the coding stages cost and what the store (dedupe, rows, DuckDB) costs.
  Rounds alternate to share the machine's noise; the best round of each side is compared, in
  wall-clock time and in the CPU time of this (single) process; the target is judged on CPU time,
  which the neighbours of a shared machine do not inflate (the wall ratio is printed beside it).
  One more ingest runs under cProfile, and its time is summed by stage (--no-profile skips it).
- workers: the same ingest with `--workers 2` against `--workers 1` (target: 1.7 times), end
  to end (model loading included on both sides, as a user sees it) and in the steady state
  (documents stored per second from the first stored batch to the last).
- memory: peak RSS of an ingest process at 1,000 and at 20,000 short generated documents
  (target: within 20%). Each ingest runs in its own fresh process (this script, re-invoked with
  --child-ingest), which reports its own peak RSS (VmHWM) and its RSS along the way.
- query: one million events (and one mention each) inserted with DuckDB straight into a fresh
  store's tables, with the store's own schema and indexes; then `redline.store.query.find_events`
  for a dyad (target: under 200 ms), warm and on a fresh read-only connection, and the
  `redline events --dyad` command as a user runs it (interpreter start-up included).

Not part of `make test`: it takes several minutes and its numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import COUNTRIES, NAMES, build_corpus  # noqa: E402

TARGETS = {"throughput_ratio": 0.8, "workers_speedup": 1.7, "memory_growth": 0.20, "dyad_query_ms": 200.0}
SECTIONS = ("throughput", "workers", "memory", "query")


# -- inputs ------------------------------------------------------------------------------------

def write_jsonl(records: list[dict[str, Any]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# Short wire items, two or three sentences each, for the memory runs: cheap to generate and to
# parse, but each one coded (events, actors, quotes) like a real item. Real states and capitals
# from corpus.py; the people are corpus.py's invented names.
SHORT_TEMPLATES = [
    "{Acap}, {month} {day} - {Aadj} forces shelled {Bplace} on {weekday}, killing {n} people, {B}'s "
    "defence ministry said. {person}, a regional official, said {m} homes were damaged.",
    "{Aadj} Foreign Minister {person} met his {Badj} counterpart in {Acap} on {weekday} to discuss "
    "{issue}. Both sides agreed to hold another round of talks within {n} days.",
    "{A_} imposed sanctions on {n} {Badj} officials on {weekday}, accusing {B} of {accusation}. "
    "The government in {Bcap} condemned the move and threatened to retaliate.",
    "{A_} pledged {n} million dollars in humanitarian aid to {B} on {weekday}, {person} said. "
    "The money will help {m},000 displaced families in {Bplace}.",
    "Thousands of protesters rallied outside the {Badj} embassy in {Acap} on {weekday} to denounce "
    "{B}'s {policy}. Police arrested {n} people, a spokesman said.",
    "{Acap}, {month} {day} - {A_} accused {B} of {accusation} on {weekday} and expelled {n} {Badj} "
    "diplomats. \"We will not tolerate this,\" {person} told reporters.",
    "{Aadj} troops seized {n} villages near {Bplace} on {weekday}, {B}'s army said. {person} said "
    "{m} soldiers had been captured and urged {A} to withdraw.",
    "{A_} and {B} signed an agreement on {issue} in {Acap} on {weekday}. {person} said the deal would "
    "take effect within {n} days.",
]
ISSUES = ["border security", "grain exports", "energy supplies", "a prisoner exchange", "the disputed border",
          "fishing rights", "refugee returns", "a ceasefire", "trade tariffs", "water sharing"]
ACCUSATIONS = ["spying", "interfering in its elections", "supporting rebels", "violating the ceasefire",
               "cyber attacks on its banks", "smuggling weapons across the border"]
POLICIES = ["military build-up", "treatment of minorities", "new visa rules", "border closures",
            "arrest of journalists"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def short_documents(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """`n` distinct short dated items {id, title, date, text}, the same for the same n and seed."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    seen: set[str] = set()
    docs = []
    while len(docs) < n:
        a, b = rng.sample(COUNTRIES, 2)
        day = start + dt.timedelta(days=rng.randrange(3650))
        slots = {"A_": a[0][0].upper() + a[0][1:], "A": a[0], "Aadj": a[1], "Acap": a[2].upper(),
                 "B": b[0], "Badj": b[1], "Bcap": b[2], "Bplace": rng.choice(b[3]),
                 "person": rng.choice(NAMES[a[4]]), "weekday": WEEKDAYS[day.weekday()],
                 "month": MONTHS[day.month - 1], "day": day.day, "n": rng.randrange(2, 400),
                 "m": rng.randrange(2, 90), "issue": rng.choice(ISSUES),
                 "accusation": rng.choice(ACCUSATIONS), "policy": rng.choice(POLICIES)}
        text = rng.choice(SHORT_TEMPLATES).format(**slots)
        if text in seen:
            continue
        seen.add(text)
        docs.append({"id": f"short-{len(docs) + 1:05d}", "title": text.split(".")[0][:60],
                     "date": day.isoformat(), "text": text})
    return docs


# -- helpers -----------------------------------------------------------------------------------

def fresh(path: Path) -> str:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
    return str(path)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    """This process's high-water RSS since it started its program. Linux keeps `ru_maxrss` across
    fork and exec, so a child of a big parent would report the parent's size; VmHWM belongs to
    the process's own address space. Elsewhere, ru_maxrss it is."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024     # bytes on macOS, KiB elsewhere


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process, and of its children that have ended."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def wait_for_quiet(limit: float, threshold: float = 0.7) -> dict[str, Any]:
    """Wait (up to `limit` seconds) for the 1-minute load average to fall below `threshold`:
    other processes on the machine share its cores with every side of a ratio, unevenly."""
    started = time.monotonic()
    while limit > 0 and os.getloadavg()[0] >= threshold and time.monotonic() - started < limit:
        time.sleep(5)
    return {"waited_s": round(time.monotonic() - started), "load_avg_1min_at_start": round(os.getloadavg()[0], 2)}


def batch_clock(marks: list[tuple[float, int]]):
    """An `on_batch` callback that records (time, documents stored) after every stored batch
    (`summary.read` runs ahead of what is stored when workers pull documents early)."""
    def on_batch(summary) -> None:
        marks.append((time.perf_counter(), summary.stored))
    return on_batch


def steady_rate(marks: list[tuple[float, int]]) -> float | None:
    """Documents per second from the first stored batch to the last: start-up excluded."""
    if len(marks) < 3:
        return None
    (t0, n0), (t1, n1) = marks[0], marks[-1]
    return (n1 - n0) / (t1 - t0) if t1 > t0 else None


# -- 1. throughput against spaCy -----------------------------------------------------------------

def bench_throughput(args, work: Path) -> dict[str, Any]:
    from redline.nlp.model import load_stock
    from redline.pipeline import Options, Pipeline
    from redline.sources.readers import read_inputs
    from redline.store.ingest import ingest

    articles = build_corpus(args.articles)
    corpus = write_jsonl(articles, work / "corpus.jsonl")
    texts = [a["text"] for a in articles]
    # what `redline ingest` builds: every modality is stored
    pipe = Pipeline(Options(batch_size=args.batch_size, modality="all"))
    nlp = load_stock(pipe.options.model)     # spaCy's pipeline as shipped, none of redline's changes
    list(nlp.pipe(texts[:10]))                                     # warm up every side
    list(pipe.process(read_inputs([str(write_jsonl(articles[:10], work / "warm.jsonl"))])))

    def spacy_side() -> None:
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):
            pass

    def pipeline_side() -> None:
        for _doc in pipe.process(read_inputs([str(corpus)])):
            pass

    sides = ("spacy", "pipeline_without_store", "ingest")
    wall: dict[str, list[float]] = {side: [] for side in sides}
    cpu: dict[str, list[float]] = {side: [] for side in sides}
    summary = None
    for r in range(args.rounds):
        db = fresh(work / f"throughput-{r}.duckdb")
        runs = {"spacy": spacy_side, "pipeline_without_store": pipeline_side,
                "ingest": lambda: ingest([str(corpus)], db, pipeline=pipe)}
        for side in sides:
            cpu_before = time.process_time()
            seconds, out = timed(runs[side])
            cpu[side].append(time.process_time() - cpu_before)
            wall[side].append(seconds)
            if side == "ingest":
                summary = out
    best_wall = {side: min(v) for side, v in wall.items()}
    best_cpu = {side: min(v) for side, v in cpu.items()}
    n = len(texts)
    result = {
        "articles": n, "characters": sum(map(len, texts)),
        "coded": summary.coded, "event_mentions": summary.mentions, "quotes": summary.quotes,
        "events_in_store": summary.events_in_store,
        "rounds_wall_seconds": {side: [round(x, 2) for x in v] for side, v in wall.items()},
        "rounds_cpu_seconds": {side: [round(x, 2) for x in v] for side, v in cpu.items()},
        "best_wall_seconds": {side: round(v, 2) for side, v in best_wall.items()},
        "best_cpu_seconds": {side: round(v, 2) for side, v in best_cpu.items()},
        "docs_per_s_wall": {side: round(n / v, 1) for side, v in best_wall.items()},
        # wall clock is what a user waits for, but on a shared machine it swings with the
        # neighbours; the CPU time a one-process run spends is what the program itself costs
        "throughput_ratio_wall": round(best_wall["spacy"] / best_wall["ingest"], 3),
        "throughput_ratio_cpu": round(best_cpu["spacy"] / best_cpu["ingest"], 3),
        "pipeline_without_store_ratio_cpu": round(best_cpu["spacy"] / best_cpu["pipeline_without_store"], 3),
        # the ingest's CPU time beyond spaCy's: redline's coding stages, then the store
        "cpu_over_spacy_seconds": {
            "coding_stages": round(best_cpu["pipeline_without_store"] - best_cpu["spacy"], 2),
            "store_dedupe_and_rows": round(best_cpu["ingest"] - best_cpu["pipeline_without_store"], 2)},
        "ingest_cpu_per_wall_best_round": round(cpu["ingest"][wall["ingest"].index(best_wall["ingest"])]
                                                / best_wall["ingest"], 2),
    }
    if args.profile:
        db = fresh(work / "profile.duckdb")
        result["profile"] = profile_ingest(lambda: ingest([str(corpus)], db, pipeline=pipe), args.profile_top)
    return result


STAGES = [  # (stage, substrings of a profiled function's file or name), first match wins
    ("store: duckdb", ("duckdb",)),
    ("store: redline.store", ("redline/store/",)),
    ("dedupe: redline.dedupe (MinHash)", ("redline/dedupe/", "datasketch")),
    ("sources: reading JSONL", ("redline/sources/", "json/")),
    ("redline: actors", ("redline/actors/",)),
    ("redline: events", ("redline/events/",)),
    ("redline: quotes", ("redline/quotes/",)),
    ("redline: pipeline glue", ("redline/pipeline.py", "redline/extensions.py", "redline/nlp/")),
    ("spaCy: neural nets (thinc)", ("thinc",)),
    ("spaCy: tokenizer, matcher, rules, parser/NER decoding", ("spacy",)),
    ("arrow", ("pyarrow",)),
]


# Functions whose cumulative time tells where an ingest goes (file name, function name).
KEY_FUNCTIONS = {("pipeline.py", "_finish"), ("ingest.py", "write_tables"), ("ingest.py", "write_batch"),
                 ("ingest.py", "batch_rows"), ("ingest.py", "_classify"), ("ingest.py", "load"),
                 ("merging.py", "remerge"), ("database.py", "open_db"), ("rows.py", "insert"),
                 ("documents.py", "signature"), ("documents.py", "check_and_add"),
                 ("documents.py", "fingerprint"), ("readers.py", "jsonl_documents")}


def stage_of(func: tuple[str, int, str]) -> str:
    where = f"{func[0]}:{func[2]}".replace("\\", "/")
    for stage, needles in STAGES:
        if any(n in where for n in needles):
            return stage
    return "other (python built-ins, numpy, gc)"


def profile_ingest(run: Callable[[], Any], top: int) -> dict[str, Any]:
    """Self time of every function of one profiled ingest, summed by stage, and the top costs.

    cProfile cannot see inside Cython code that was compiled without profiling hooks (spaCy's
    parser and NER decoding, its tokenizer): that time counts as the self time of the Python
    function that called it, `spacy/util.py:_pipe`, which is why it is a large entry."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in stats.values())
    by_stage: dict[str, float] = {}
    for func, (_cc, _nc, tt, _ct, _callers) in stats.items():
        stage = stage_of(func)
        by_stage[stage] = by_stage.get(stage, 0.0) + tt

    def name(func) -> str:
        path, line, fn = func
        short = path.split("site-packages/")[-1].split("/src/")[-1]
        return f"{short}:{line}({fn})" if path != "~" else fn

    ranked = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    cumulative = {name(f): round(v[3], 2) for f, v in stats.items()
                  if (Path(f[0]).name, f[2]) in KEY_FUNCTIONS or f"{Path(f[0]).parent.name}/{Path(f[0]).name}:{f[2]}"
                  in {"spacy/language.py:pipe", "actors/component.py:__call__", "events/component.py:__call__",
                      "quotes/component.py:__call__"}}
    return {
        "profiled_seconds": round(total, 2),
        "self_time_by_stage": {k: {"seconds": round(v, 2), "share": round(v / total, 3)}
                               for k, v in sorted(by_stage.items(), key=lambda kv: -kv[1])},
        "top_self_time": [{"function": name(f), "calls": v[1], "self_seconds": round(v[2], 2),
                           "cumulative_seconds": round(v[3], 2)} for f, v in ranked],
        "cumulative_of_key_functions": dict(sorted(cumulative.items(), key=lambda kv: -kv[1])),
    }


# -- 2. two workers against one --------------------------------------------------------------

def bench_workers(args, work: Path) -> dict[str, Any]:
    from redline.pipeline import Options
    from redline.store.ingest import ingest

    corpus = write_jsonl(build_corpus(args.worker_articles), work / "workers.jsonl")
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for r in range(args.worker_rounds):
        for workers in (1, 2):
            marks: list[tuple[float, int]] = []
            db = fresh(work / f"workers-{workers}-{r}.duckdb")
            options = Options(workers=workers, batch_size=args.batch_size, modality="all")
            cpu_before = cpu_seconds()
            started = time.perf_counter()
            summary = ingest([str(corpus)], db, options,
                             on_batch=batch_clock(marks))
            seconds = time.perf_counter() - started
            parent_cpu, children_cpu = (after - before for after, before in zip(cpu_seconds(), cpu_before))
            runs[workers].append({"seconds": seconds, "steady_docs_per_s": steady_rate(marks) or 0.0,
                                  "first_batch_after_s": marks[0][0] - started if marks else 0.0,
                                  # the ingest process itself: with workers, what does not run in them
                                  # (reading, dedupe, pickling, rows, DuckDB writes, merging)
                                  "ingest_process_cpu_s": parent_cpu, "worker_processes_cpu_s": children_cpu,
                                  "cores_busy": (parent_cpu + children_cpu) / seconds,
                                  "coded": summary.coded})
    best = {w: {"seconds": min(x["seconds"] for x in rs),
                "steady_docs_per_s": max(x["steady_docs_per_s"] for x in rs),
                "first_batch_after_s": min(x["first_batch_after_s"] for x in rs),
                **{k: min(rs, key=lambda x: x["seconds"])[k]
                   for k in ("ingest_process_cpu_s", "worker_processes_cpu_s", "cores_busy")}}
            for w, rs in runs.items()}
    return {
        "articles": args.worker_articles, "cpu_count": os.cpu_count(), "rounds": args.worker_rounds,
        "one_worker": {k: round(v, 2) for k, v in best[1].items()},
        "two_workers": {k: round(v, 2) for k, v in best[2].items()},
        "speedup_end_to_end": round(best[1]["seconds"] / best[2]["seconds"], 3),
        "speedup_steady_state": round(best[2]["steady_docs_per_s"] / best[1]["steady_docs_per_s"], 3)
        if best[1]["steady_docs_per_s"] else None,
        "same_documents_coded": len({x["coded"] for rs in runs.values() for x in rs}) == 1,
    }


# -- 3. peak memory at 1,000 and 20,000 documents ------------------------------------------------

def child_ingest(jsonl: str, db: str, batch_size: int) -> None:
    """Run in a fresh process: ingest `jsonl` into `db` and print what memory it took, as JSON."""
    from redline.pipeline import Options
    from redline.store.ingest import ingest

    samples: list[tuple[int, float]] = []
    marks: list[tuple[float, int]] = []
    started = time.perf_counter()

    def on_batch(summary) -> None:
        marks.append((time.perf_counter(), summary.stored))
        if summary.batches == 1 or summary.batches % 25 == 0:
            samples.append((summary.stored, round(rss_mb(), 1)))

    # a sampler thread finds when the peak happens (between batches it is invisible to on_batch)
    import threading

    peak = {"rss_mb": 0.0, "after_documents": 0}
    running = threading.Event()
    running.set()

    def sample() -> None:
        while running.is_set():
            now = rss_mb()
            if now > peak["rss_mb"]:
                peak.update(rss_mb=round(now, 1), after_documents=marks[-1][1] if marks else 0,
                            at_s=round(time.perf_counter() - started, 1))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    summary = ingest([jsonl], db, Options(batch_size=batch_size, modality="all"), on_batch=on_batch)
    seconds = time.perf_counter() - started
    running.clear()
    sampler.join()
    samples.append((summary.stored, round(rss_mb(), 1)))
    print(json.dumps({
        "documents": summary.read, "coded": summary.coded, "near_duplicates": summary.near_duplicates,
        "exact_duplicates": summary.exact_duplicates, "event_mentions": summary.mentions,
        "events_in_store": summary.events_in_store, "seconds": round(seconds, 1),
        "docs_per_s": round(summary.read / seconds, 1),
        "steady_docs_per_s": round(steady_rate(marks) or 0.0, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_mb_after_first_batch": samples[0][1], "rss_mb_by_documents": samples,
        "sampled_peak": {**peak, "ingest_seconds": round(seconds, 1)},
        "db_mb": round(os.path.getsize(db) / 2**20, 1)}))


def child_near_index(jsonl: str) -> None:
    """Run in a fresh process: the RSS that ingest's in-memory dedupe state takes for the documents
    of `jsonl` (the MinHash LSH index of originals, the fingerprint and id sets), as JSON."""
    import gc

    from redline.dedupe.documents import NearDuplicates, fingerprint, signature

    with open(jsonl, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    signatures = [(d["id"], signature(d["text"])) for d in docs]
    fingerprints = [fingerprint(d["text"]) for d in docs]
    gc.collect()
    before = rss_mb()
    index = NearDuplicates()
    for doc_id, sig in signatures:
        index.check_and_add(doc_id, sig)
    gc.collect()
    middle = rss_mb()
    seen = (set(fingerprints), {d["id"] for d in docs})
    gc.collect()
    after = rss_mb()
    print(json.dumps({"documents": len(docs), "indexed": len(index), "near_duplicate_index_mb": round(middle - before, 1),
                      "fingerprint_and_id_sets_mb": round(after - middle, 1), "sets": len(seen[0])}))


def child_load_state(db: str) -> None:
    """Run in a fresh process: what a rerun of `redline ingest` into the store `db` pays before
    reading its first input (`SeenState.load`: stored fingerprints, ids, the near-duplicate index
    rebuilt from stored signatures), in seconds and RSS, as JSON."""
    from redline.store.database import open_db
    from redline.store.ingest import SeenState

    import redline.dedupe.documents  # noqa: F401  (its imports are not the state's cost either)

    with open_db(db, read_only=True):
        pass                                   # DuckDB's own start-up is not the state's cost
    before, started = rss_mb(), time.perf_counter()
    with open_db(db) as con:
        state = SeenState.load(con, 0.8)
    print(json.dumps({"stored_documents": len(state.ids), "seconds": round(time.perf_counter() - started, 2),
                      "rss_mb_added": round(rss_mb() - before, 1),
                      "peak_rss_mb_added": round(peak_rss_mb() - before, 1)}))


def bench_memory(args, work: Path) -> dict[str, Any]:
    results = {}
    for n in (args.small_docs, args.large_docs):
        jsonl = write_jsonl(short_documents(n), work / f"short-{n}.jsonl")
        db = fresh(work / f"memory-{n}.duckdb")
        done = subprocess.run([sys.executable, __file__, "--child-ingest", str(jsonl), db,
                               "--batch-size", str(args.batch_size)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"ingest of {n} documents failed:\n{done.stderr[-3000:]}")
        results[n] = json.loads(done.stdout.strip().splitlines()[-1])
    # what of the growth is ingest's dedupe state, measured alone for the large input
    done = subprocess.run([sys.executable, __file__, "--child-near-index", str(work / f"short-{args.large_docs}.jsonl")],
                          capture_output=True, text=True, check=True)
    dedupe_state = json.loads(done.stdout.strip().splitlines()[-1])
    # and what a rerun into the large store pays to load that state back before its first document
    done = subprocess.run([sys.executable, __file__, "--child-load-state", str(work / f"memory-{args.large_docs}.duckdb")],
                          capture_output=True, text=True, check=True)
    reload_state = json.loads(done.stdout.strip().splitlines()[-1])
    small, large = results[args.small_docs], results[args.large_docs]
    return {
        f"docs_{args.small_docs}": small, f"docs_{args.large_docs}": large,
        "peak_rss_growth": round(large["peak_rss_mb"] / small["peak_rss_mb"] - 1, 3),
        # what grows once the model and knowledge are loaded (RSS after the first stored batch)
        "growth_after_first_batch_mb": {
            str(n): round(r["peak_rss_mb"] - r["rss_mb_after_first_batch"], 1) for n, r in results.items()},
        f"dedupe_state_alone_at_{args.large_docs}": dedupe_state,
        f"rerun_loads_state_of_{args.large_docs}_stored": reload_state,
    }


# -- 4. a dyad query over a million stored events ------------------------------------------------

COUNTRY_CODES = ["RUS", "UKR", "USA", "CHN", "ISR", "IRN", "TUR", "SYR", "IRQ", "SAU", "YEM", "GBR", "FRA",
                 "DEU", "POL", "BLR", "TWN", "JPN", "PRK", "KOR", "IND", "PAK", "AFG", "EGY", "LBN", "JOR",
                 "ETH", "SDN", "SSD", "SOM", "KEN", "COD", "RWA", "MLI", "NER", "BFA", "NGA", "LBY", "DZA",
                 "MAR", "ARM", "AZE", "GEO", "MDA", "SRB", "HUN", "GRC", "LTU", "PHL", "VNM", "MMR", "THA",
                 "IDN", "BGD", "VEN", "COL", "BRA", "MEX", "CUB", "CAN"]
SECTOR_CODES = ["", "GOV", "MIL", "GOV", "COP", "REB", "OPP", "CVL", "BUS", "MED", "LEG", "JUD"]


def build_event_store(db: str, n_events: int, seed: int = 5) -> dict[str, Any]:
    """A fresh store (the schema and indexes of `open_db`) with `n_events` events and one mention
    each, inserted with DuckDB from columns drawn with numpy: actors Zipf-like (a few states in
    most events, as in real data), CAMEO codes from the codebook, days over ten years."""
    import numpy as np
    import pyarrow as pa

    from redline.events.codebook import codebook
    from redline.store.database import open_db

    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(COUNTRY_CODES) + 1)
    weights /= weights.sum()
    source = rng.choice(len(COUNTRY_CODES), n_events, p=weights)
    target = rng.choice(len(COUNTRY_CODES), n_events, p=weights)
    target = np.where(target == source, (target + 1) % len(COUNTRY_CODES), target)
    codes = list(codebook().values())
    people = sorted({name for group in NAMES.values() for name in group})
    draws = pa.table({
        "i": np.arange(n_events, dtype=np.int64),
        "s_country": source.astype(np.int32), "s_sector": rng.integers(0, len(SECTOR_CODES), n_events, dtype=np.int32),
        "t_country": target.astype(np.int32), "t_sector": rng.integers(0, len(SECTOR_CODES), n_events, dtype=np.int32),
        "code": rng.integers(0, len(codes), n_events, dtype=np.int32),
        "day": rng.integers(0, 3653, n_events, dtype=np.int32),
        "modality": rng.choice(3, n_events, p=[0.9, 0.06, 0.04]).astype(np.int32),
        "mentions": (rng.zipf(2.0, n_events).clip(1, 500)).astype(np.int32),
        "confidence": rng.uniform(0.3, 0.95, n_events),
        # a third of the actors are people with a name (`--actor` and `--dyad` match names too)
        "s_name": np.where(rng.random(n_events) < 0.33, rng.integers(0, len(people), n_events), -1).astype(np.int32),
        "t_name": np.where(rng.random(n_events) < 0.33, rng.integers(0, len(people), n_events), -1).astype(np.int32),
    })
    names = pa.table({"idx": pa.array(range(len(people)), pa.int32()), "person": people})
    countries = pa.table({"idx": pa.array(range(len(COUNTRY_CODES)), pa.int32()), "cc": COUNTRY_CODES})
    sectors = pa.table({"idx": pa.array(range(len(SECTOR_CODES)), pa.int32()), "sc": SECTOR_CODES})
    cameo = pa.table({"idx": pa.array(range(len(codes)), pa.int32()), "cameo": [c.code for c in codes],
                      "root": [c.root for c in codes], "label": [c.label for c in codes],
                      "plover": [c.plover for c in codes], "quad": [c.quad_class for c in codes],
                      "goldstein": [c.goldstein for c in codes]})
    started = time.perf_counter()
    with open_db(db) as con:
        for name, table in (("_draws", draws), ("_countries", countries), ("_sectors", sectors),
                            ("_cameo", cameo), ("_names", names)):
            con.register(name, table)
        con.execute("""
            CREATE TEMP VIEW _events AS
            SELECT d.*, sc.cc || ss.sc AS source_code, sc.cc AS source_country,
                   CASE WHEN ss.sc = '' THEN []::VARCHAR[] ELSE [ss.sc] END AS source_sectors,
                   tc.cc || ts.sc AS target_code, tc.cc AS target_country,
                   CASE WHEN ts.sc = '' THEN []::VARCHAR[] ELSE [ts.sc] END AS target_sectors,
                   sn.person AS source_name, tn.person AS target_name,
                   k.cameo, k.root, k.label, k.plover, k.quad, k.goldstein,
                   md5(d.i::VARCHAR) || CASE d.modality WHEN 0 THEN '' WHEN 1 THEN '-negated'
                                                        ELSE '-hypothetical' END AS event_id,
                   ['asserted', 'negated', 'hypothetical'][d.modality + 1] AS modality_name,
                   strftime(DATE '2015-01-01' + d.day, '%Y-%m-%d') AS first_date
            FROM _draws d JOIN _countries sc ON sc.idx = d.s_country JOIN _sectors ss ON ss.idx = d.s_sector
                 JOIN _countries tc ON tc.idx = d.t_country JOIN _sectors ts ON ts.idx = d.t_sector
                 JOIN _cameo k ON k.idx = d.code
                 LEFT JOIN _names sn ON sn.idx = d.s_name LEFT JOIN _names tn ON tn.idx = d.t_name""")
        con.begin()
        con.execute("""
            INSERT INTO events (event_id, global_event_id, modality, first_date,
                source_code, source_text, source_name, source_country, source_igo, source_sectors,
                target_code, target_text, target_name, target_country, target_igo, target_sectors,
                cameo, cameo_root, cameo_label, plover, quad_class, goldstein, is_root_event,
                num_mentions, num_articles, num_sources, avg_confidence, first_doc_id, source_url)
            SELECT event_id, i + 1, modality_name, first_date,
                source_code, coalesce(source_name, source_code), source_name, source_country, NULL,
                source_sectors, target_code, coalesce(target_name, target_code), target_name, target_country,
                NULL, target_sectors, cameo, root, label, plover, quad, goldstein, i % 3 = 0,
                mentions, greatest(1, mentions // 2), greatest(1, mentions // 3), confidence,
                'doc-' || (i // 4), 'https://wire' || (i % 97) || '.example/' || (i // 4)
            FROM _events""")
        con.execute("""
            INSERT INTO event_mentions (doc_id, event_index, event_id, date, modality, negated, hypothetical,
                source_code, source_text, source_country, source_sectors,
                target_code, target_text, target_country, target_sectors,
                cameo, cameo_root, cameo_label, plover, goldstein, quad_class,
                sentence_index, sentence_start, sentence_end, sentence_text,
                trigger_text, trigger_start, trigger_end, rule, confidence, url)
            SELECT 'doc-' || (i // 4), (i % 4)::INTEGER, event_id, first_date, modality_name,
                modality = 1, modality = 2,
                source_code, source_code, source_country, source_sectors,
                target_code, target_code, target_country, target_sectors,
                cameo, root, label, plover, goldstein, quad,
                (i % 4)::INTEGER, 0, 80, source_code || ' ' || lower(label) || ' ' || target_code || '.',
                lower(label), 4, 12, cameo || '.bench', confidence,
                'https://wire' || (i % 97) || '.example/' || (i // 4)
            FROM _events""")
        con.commit()
        con.execute("CHECKPOINT")
        count = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        mentions = con.execute("SELECT count(*) FROM event_mentions").fetchall()[0][0]
    return {"events": count, "mentions": mentions, "build_seconds": round(time.perf_counter() - started, 1),
            "db_mb": round(os.path.getsize(db) / 2**20, 1)}


def bench_query(args, work: Path) -> dict[str, Any]:
    from redline.store.database import open_db
    from redline.store.query import EVENT_COLUMNS, EventFilter, find_events, where_clause

    db = fresh(work / "million.duckdb")
    built = build_event_store(db, args.events)
    dyads = {"busy": ("RUS", "UKR"), "middling": ("IND", "PAK"), "exact_codes": ("RUSMIL", "UKRMIL")}
    result: dict[str, Any] = {"store": built, "dyads": {}}
    for label, dyad in dyads.items():
        cases = {"table_limit_100": (EventFilter(dyad=dyad), False),      # `redline events --dyad A B`
                 "json_with_mentions_limit_100": (EventFilter(dyad=dyad), True),   # ... --json
                 "all_matches_no_limit": (EventFilter(dyad=dyad, limit=None), False)}   # ... --limit 0
        measured: dict[str, Any] = {}
        for case, (query, mentions) in cases.items():
            # as `redline events` does: open the store read-only, query, close
            cold = [timed(lambda: _query_fresh(db, query, mentions)) for _ in range(args.query_repeats)]
            found = cold[0][1]
            with open_db(db, read_only=True) as con:
                warm = [timed(lambda: find_events(con, query, with_mentions=mentions))[0]
                        for _ in range(args.query_repeats)]
            measured[case] = {"rows": len(found),
                              "with_open_ms_median": round(statistics.median(c for c, _ in cold) * 1000, 1),
                              "with_open_ms_min": round(min(c for c, _ in cold) * 1000, 1),
                              "open_connection_ms_median": round(statistics.median(warm) * 1000, 1),
                              "open_connection_ms_min": round(min(warm) * 1000, 1)}
        with open_db(db, read_only=True) as con:
            where, params = where_clause(EventFilter(dyad=dyad))
            plan = "\n".join(r[1] for r in con.execute(f"EXPLAIN SELECT * FROM events e{where}", params).fetchall())
        measured["uses_index"] = _index_scan(plan)
        result["dyads"][label] = {"dyad": list(dyad), **measured}
    # What opening the store costs by itself, and how other forms of the same dyad query compare
    # (not what redline runs: evidence for where the time goes).
    result["open_db_read_only_ms_median"] = round(statistics.median(
        timed(lambda: _query_fresh(db, None, False))[0] for _ in range(args.query_repeats)) * 1000, 1)
    columns = ", ".join("e." + c for c in EVENT_COLUMNS)
    order = " ORDER BY e.first_date NULLS LAST, e.event_id LIMIT 100"
    forms = {
        "as_redline_runs_it": (f"SELECT {columns} FROM events e{where_clause(EventFilter(dyad=('RUS', 'UKR')))[0]}"
                               f"{order}", where_clause(EventFilter(dyad=("RUS", "UKR")))[1]),
        "codes_only_without_name_match": (f"SELECT {columns} FROM events e WHERE starts_with(e.source_code, ?) "
                                          f"AND starts_with(e.target_code, ?) AND e.modality = ?{order}",
                                          ["RUS", "UKR", "asserted"]),
        "country_columns_equal": (f"SELECT {columns} FROM events e WHERE e.source_country = ? "
                                  f"AND e.target_country = ? AND e.modality = ?{order}", ["RUS", "UKR", "asserted"]),
        "filter_only_count": (f"SELECT count(*) FROM events e{where_clause(EventFilter(dyad=('RUS', 'UKR')))[0]}",
                              where_clause(EventFilter(dyad=("RUS", "UKR")))[1]),
    }
    with open_db(db, read_only=True) as con:
        result["dyad_RUS_UKR_query_forms_open_connection_ms_median"] = {
            name: round(statistics.median(timed(lambda: con.execute(sql, params).fetchall())[0]
                                          for _ in range(args.query_repeats)) * 1000, 1)
            for name, (sql, params) in forms.items()}
    cli = [str(Path(sys.executable).with_name("redline")), "events", "--db", db, "--dyad", "RUS", "UKR"]
    if not Path(cli[0]).exists():
        cli = [sys.executable, "-m", "redline.cli", *cli[1:]]
    walls = []
    for _ in range(3):
        seconds, done = timed(lambda: subprocess.run(cli, capture_output=True, text=True, check=False))
        walls.append(seconds)
        if done.returncode != 0:
            raise RuntimeError(f"`{' '.join(cli)}` failed: {done.stderr[-2000:]}")
    # the same query from a bare script, and whether the command pulled in spaCy (it needs none)
    script = ("import sys; from redline.store.database import open_db; "
              "from redline.store.query import EventFilter, find_events, events_table\n"
              f"with open_db({db!r}, read_only=True) as con: "
              "events_table(find_events(con, EventFilter(dyad=('RUS', 'UKR'))))")
    bare = [timed(lambda: subprocess.run([sys.executable, "-c", script], check=True))[0] for _ in range(3)]
    probe = ("import sys\nfrom redline.cli import main\n"
             f"sys.argv = ['redline', 'events', '--db', {db!r}, '--dyad', 'RUS', 'UKR']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('spacy' in sys.modules, file=sys.stderr)")
    probed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    result["cli_events_dyad_RUS_UKR"] = {
        "wall_ms_best": round(min(walls) * 1000),
        "same_query_from_a_bare_script_wall_ms_best": round(min(bare) * 1000),
        "command_imports_spacy": probed.stderr.strip().splitlines()[-1] == "True"}
    # the verdict: `redline events --dyad RUS UKR` (open, query, close), interpreter start excluded
    result["dyad_query_ms"] = result["dyads"]["busy"]["table_limit_100"]["with_open_ms_median"]
    return result


def _index_scan(plan: str) -> bool:
    return "index scan" in plan.lower() or "index_scan" in plan.lower()


def _query_fresh(db: str, query, mentions: bool):
    from redline.store.database import open_db
    from redline.store.query import find_events

    with open_db(db, read_only=True) as con:
        return find_events(con, query, with_mentions=mentions) if query is not None else []


# -- main ------------------------------------------------------------------------------------------

def verdicts(results: dict[str, Any]) -> dict[str, Any]:
    out = {}
    if "throughput" in results:
        t = results["throughput"]
        v = t["throughput_ratio_cpu"]
        out["ingest_vs_spacy"] = {"value_cpu": v, "value_wall": t["throughput_ratio_wall"],
                                  "target": f">= {TARGETS['throughput_ratio']} (judged on CPU time)",
                                  "met": v >= TARGETS["throughput_ratio"]}
    if "workers" in results:
        w = results["workers"]
        steady = w["speedup_steady_state"]
        out["two_workers_vs_one"] = {"value_end_to_end": w["speedup_end_to_end"], "value_steady_state": steady,
                                     "target": f">= {TARGETS['workers_speedup']} (judged end to end)",
                                     "met": w["speedup_end_to_end"] >= TARGETS["workers_speedup"],
                                     "met_in_steady_state": steady is not None
                                     and steady >= TARGETS["workers_speedup"]}
    if "memory" in results:
        g = results["memory"]["peak_rss_growth"]
        out["peak_memory_flat"] = {"value": g, "target": f"<= {TARGETS['memory_growth']}",
                                   "met": g <= TARGETS["memory_growth"]}
    if "query" in results:
        q = results["query"]["dyad_query_ms"]
        out["dyad_query_1m_events"] = {"value_ms": q, "target": f"< {TARGETS['dyad_query_ms']:g} ms",
                                       "met": q < TARGETS["dyad_query_ms"]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(SECTIONS), help="Comma-separated: " + ", ".join(SECTIONS))
    ap.add_argument("--articles", type=int, default=240, help="Corpus size for the throughput run.")
    ap.add_argument("--rounds", type=int, default=3, help="Alternating rounds of the throughput run.")
    ap.add_argument("--batch-size", type=int, default=64,
                    help="For every side: spaCy's batch, and the ingest's transaction (redline ingest's default).")
    ap.add_argument("--no-profile", dest="profile", action="store_false", help="Skip the cProfile run.")
    ap.add_argument("--profile-top", type=int, default=15)
    ap.add_argument("--worker-articles", type=int, default=1200,
                    help="Corpus size for 1 vs 2 workers (large enough that loading the model, once per "
                         "process on both sides, does not dominate).")
    ap.add_argument("--worker-rounds", type=int, default=1)
    ap.add_argument("--small-docs", type=int, default=1_000)
    ap.add_argument("--large-docs", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--query-repeats", type=int, default=5)
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                    help="Before each section, wait up to this long for the load average to drop below 0.7.")
    ap.add_argument("--work", help="Directory for the stores and inputs (default: a temporary one, removed).")
    ap.add_argument("--child-ingest", nargs=2, metavar=("JSONL", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--child-near-index", metavar="JSONL", help=argparse.SUPPRESS)
    ap.add_argument("--child-load-state", metavar="DB", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child_ingest:
        child_ingest(*a.child_ingest, a.batch_size)
        return
    if a.child_near_index:
        child_near_index(a.child_near_index)
        return
    if a.child_load_state:
        child_load_state(a.child_load_state)
        return
    sections = [s.strip() for s in a.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="redline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runners = {"throughput": bench_throughput, "workers": bench_workers, "memory": bench_memory,
               "query": bench_query}
    results: dict[str, Any] = {"machine": {"cpu_count": os.cpu_count(), "python": sys.version.split()[0]}}
    try:
        for section in SECTIONS:
            if section in sections:
                quiet = wait_for_quiet(a.wait_quiet)
                seconds, results[section] = timed(lambda: runners[section](a, work))
                results[section]["section_seconds"] = round(seconds, 1)
                # busy neighbours make every ratio here worse: say how busy the machine was
                results[section]["machine_load"] = {**quiet, "load_avg_1min_at_end": round(os.getloadavg()[0], 2)}
                print(f"bench_ingest: {section} done in {seconds:.0f} s", file=sys.stderr, flush=True)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = verdicts(results)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
