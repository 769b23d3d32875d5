"""What a crash leaves: never a half-written output that looks complete, never a lost or doubled row.

- `redline export` killed with SIGKILL at random moments while writing (partitioned Parquet and
  JSON lines): the destination is either absent or identical to a clean export, and a run to
  the end then writes exactly the clean export (byte for byte), sweeping the killed runs'
  temporaries.
- `redline ingest --dask local:2` killed with SIGKILL (its whole process group: the client, the
  scheduler and the worker processes) at random moments, then run to the end, leaves the row
  counts and content of one clean `--workers 1` run. The runs use `--max-chars`, and one document
  is longer: the workers apply the limit as the clean run does.
- Each batch is one transaction: a write that fails in the middle of a batch leaves none of that
  batch's rows, and a rerun completes the store.

The SIGKILL moments are drawn from a seed that is printed (replay with REDLINE_KILL_SEED).
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsgen
from conftest import ROOT, stream_lines
from redline.pipeline import Options
from redline.store import ingest as ingest_module
from redline.store import open_db
from redline.store.distributed import PART_PREFIX, default_parts_dir
from redline.store.ingest import ingest
from test_distributed import DOCUMENTS
from test_ingest_acceptance import content_hash, counts, differences

EXPORT_KILLS = {"parquet": 3, "jsonl": 2}
DASK_KILLS = 3
SYNTHETIC_DOCUMENTS = 150_000      # enough rows that an export takes a moment to write


def _rng(name: str) -> tuple[random.Random, int]:
    seed = int(os.environ.get("REDLINE_KILL_SEED", random.SystemRandom().randrange(1 << 32)))
    print(f"{name}: SIGKILL moments seed {seed} (replay with REDLINE_KILL_SEED={seed})")
    return random.Random(seed), seed


# --- exports ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_store(tmp_path_factory, pipeline_all) -> Path:
    """The wire items ingested, then many synthetic documents (dated over 30 months) added."""
    folder = tmp_path_factory.mktemp("export")
    corpus = folder / "wire.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    db = folder / "store.duckdb"
    ingest([str(corpus)], str(db), pipeline=pipeline_all)
    with open_db(str(db)) as con:
        con.execute(
            'INSERT INTO documents (id, seq, fingerprint, title, date, url, origin, "offset", text, warnings, '
            "num_events, num_quotes, ingested_at) "
            "SELECT 'synthetic-' || i, 1000 + i, md5(CAST(i AS VARCHAR)), 'Talks, day ' || i, "
            "strftime(DATE '2021-01-01' + CAST(i % 900 AS INTEGER), '%Y-%m-%d'), 'https://synthetic.example/' || i, "
            "'synthetic.jsonl:' || i, i, repeat('Envoys met in the capital to discuss the border. ', 8), [], 0, 0, "
            "TIMESTAMP '2024-05-01 12:00:00' FROM range(?) t(i)", [SYNTHETIC_DOCUMENTS])
    return db


def _export_command(db: Path, fmt: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "redline.cli", "export", str(out), "--db", str(db), "--format", fmt,
            "--table", "documents"]


def _temporaries(out: Path) -> list[Path]:
    return [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p.name.endswith(".partial")]


def _export(db: Path, fmt: str, out: Path, kill_after: float | None = None) -> tuple[int, float]:
    """Run an export; with `kill_after`, SIGKILL it that many seconds after it starts writing
    (its temporary appears). Returns its exit status and how long it wrote."""
    proc = subprocess.Popen(_export_command(db, fmt, out), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    started = None
    try:
        while proc.poll() is None and started is None:
            if _temporaries(out) or out.exists():
                started = time.monotonic()
            else:
                time.sleep(0.002)
        if kill_after is not None and started is not None:
            while proc.poll() is None and time.monotonic() < started + kill_after:
                time.sleep(0.002)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
        _, errors = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(f"export failed ({proc.returncode}): {errors}")
    return proc.returncode, time.monotonic() - (started or time.monotonic())


def snapshot(out: Path) -> dict[str, str] | None:
    """SHA-256 of every file of the export at `out` by relative path; None when there is none."""
    if not out.exists():
        return None
    files = sorted(p for p in out.rglob("*") if p.is_file()) if out.is_dir() else [out]
    return {str(p.relative_to(out)) if out.is_dir() else p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files}


def _exported_rows(out: Path, fmt: str) -> int:
    if fmt == "parquet":
        import pyarrow.dataset as ds

        return ds.dataset(out, format="parquet", partitioning="hive").count_rows()
    return sum(1 for _ in out.open(encoding="utf-8"))


@pytest.mark.parametrize("fmt", sorted(EXPORT_KILLS))
def test_an_export_killed_while_writing_leaves_nothing_that_looks_complete(tmp_path, big_store, fmt):
    rng, seed = _rng(f"export {fmt}")
    name = "documents" if fmt == "parquet" else "documents.jsonl"
    clean_out = tmp_path / "clean" / name
    clean_out.parent.mkdir()
    status, writing = _export(big_store, fmt, clean_out)
    clean = snapshot(clean_out)
    assert status == 0 and clean and not _temporaries(clean_out)
    with open_db(str(big_store), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    assert stored > SYNTHETIC_DOCUMENTS and _exported_rows(clean_out, fmt) == stored
    if fmt == "parquet":
        assert len(clean) > 20          # a file per month

    out = tmp_path / "resumed" / name
    out.parent.mkdir()
    plans = []
    # A run that finished before its moment shows the writing can be quicker than the clean run's
    # was (a noisy machine): later moments are drawn from within half of that run's writing time.
    while sum(p.startswith("killed") for p in plans) < EXPORT_KILLS[fmt] and len(plans) < 3 * EXPORT_KILLS[fmt]:
        delay = rng.uniform(0, writing)
        status, took = _export(big_store, fmt, out, kill_after=delay)
        plans.append(f"killed {delay:.3f} s into {writing:.3f} s of writing" if status
                     else f"finished first ({took:.3f} s of writing)")
        if not status:
            writing = min(writing, took / 2)
        found = snapshot(out)
        # no destination, or the whole export: never a part of it under the final name
        assert found is None or found == clean, f"seed {seed}: {plans}"
        if found is None:
            assert _temporaries(out), "killed while writing: what it wrote is left under a temporary name"
        elif out.is_dir():             # it was done before its moment: the next run starts afresh
            shutil.rmtree(out)
        else:
            out.unlink()
    killed = sum(p.startswith("killed") for p in plans)
    print(f"  {fmt}: {plans}")
    assert killed >= 1, f"seed {seed}: no run was killed while writing: {plans}"

    status, _ = _export(big_store, fmt, out)
    assert status == 0 and snapshot(out) == clean, f"seed {seed}: {plans}"
    assert not _temporaries(out), "the killed runs' temporaries are swept"


# --- the Dask path ---------------------------------------------------------------------------------------

MAX_CHARS = 1500


@pytest.fixture(scope="module")
def dask_corpus(tmp_path_factory) -> Path:
    """40 wire stories, one long roundup (cut by --max-chars), an exact copy and a near copy."""
    folder = tmp_path_factory.mktemp("dask")
    articles = newsgen.generate(40, seed=11)
    records = [{"id": a.slug, "title": a.headline, "date": a.date, "url": f"https://{a.site.domain}/{a.slug}",
                "text": a.body} for a in articles]
    roundup = "\n\n".join(a.body for a in newsgen.generate(12, seed=12))
    assert len(roundup) > MAX_CHARS
    records.insert(7, {"id": "roundup", "date": "2023-02-01", "text": roundup})
    records.insert(20, {**records[3], "id": "copy", "url": "https://copy.example/1"})
    records.insert(30, {**records[5], "id": "near", "text": records[5]["text"] + " Markets were calm."})
    corpus = folder / "wire.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return corpus


def _dask_ingest(corpus: Path, db: Path) -> subprocess.Popen:
    # a session of its own: its process group is the client and every process of its cluster
    return subprocess.Popen([sys.executable, "-m", "redline.cli", "ingest", str(corpus), "--db", str(db),
                             "--dask", "local:2", "--batch-size", "2", "--max-chars", str(MAX_CHARS), "-v"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _parts(db: Path) -> list[Path]:
    folder = Path(default_parts_dir(str(db)))
    return sorted(folder.glob(PART_PREFIX + "*")) if folder.is_dir() else []


def _kill_dask_at_random(corpus: Path, db: Path, rng: random.Random) -> str:
    """SIGKILL the process group after the k-th stored batch (k = 0: once a worker of this run has
    left its first part, before or while it is merged), at a random delay."""
    batches, delay = rng.randint(0, 3), rng.uniform(0.0, 0.4)
    plan = f"killed {delay:.3f} s after " + (f"batch {batches}" if batches else "the first part")
    left = set(_parts(db))                 # by the runs killed before
    proc = _dask_ingest(corpus, db)
    lines = stream_lines(proc.stderr)
    seen: list[str] = []
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            if batches == 0 and set(_parts(db)) - left:
                break
            try:
                line = lines.get(timeout=0.02)
            except queue.Empty:
                continue
            if line is None:
                break          # it ended by itself: the little that was left got stored first
            seen.append(line)
            found = re.search(r"batch (\d+) stored", line)
            if found and int(found.group(1)) >= batches > 0:
                break
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait(timeout=60)
    if proc.returncode != -signal.SIGKILL:
        assert proc.returncode == 0, f"{plan}: the ingest failed:\n{''.join(seen)}"
        return "finished first"
    return plan


def test_a_dask_ingest_killed_at_random_moments_then_finished_equals_one_clean_run(tmp_path, dask_corpus):
    rng, seed = _rng("dask ingest")
    clean = tmp_path / "clean.duckdb"
    summary = ingest([str(dask_corpus)], str(clean), Options(batch_size=2, max_chars=MAX_CHARS))
    assert (summary.errors, summary.exact_duplicates, summary.near_duplicates) == (0, 1, 1)
    clean_counts = counts(clean)

    resumed = tmp_path / "resumed.duckdb"
    plans, stored_after = [], []
    for _ in range(DASK_KILLS):
        plans.append(_kill_dask_at_random(dask_corpus, resumed, rng))
        stored_after.append(counts(resumed)["documents"] if resumed.exists() else 0)
        plans[-1] += (f" ({stored_after[-1]} of {clean_counts['documents']} documents stored, "
                      f"{len(_parts(resumed))} parts left)")
        print(f"  {plans[-1]}")
        if stored_after[-1] == clean_counts["documents"]:
            break      # a fast machine stored the rest before the moment came: nothing left to kill
    # the first run died with work left, so what follows resumes it
    assert stored_after[0] < clean_counts["documents"], (seed, plans)

    finished = _dask_ingest(dask_corpus, resumed)
    try:
        _, errors = finished.communicate(timeout=600)
    finally:
        try:
            os.killpg(finished.pid, signal.SIGKILL)      # whatever of its cluster would outlive it
        except ProcessLookupError:
            pass
    assert finished.returncode == 0, errors
    replay = f"seed {seed}: {plans}; last run: {errors.strip().splitlines()[-1]}"
    # no row lost, none doubled, none different
    assert counts(resumed) == clean_counts, f"{replay}\n{differences(clean, resumed)}"
    assert content_hash(resumed) == content_hash(clean), f"{replay}\n{differences(clean, resumed)}"
    assert not Path(default_parts_dir(str(resumed))).exists(), "merged and orphaned parts are removed"
    with open_db(str(resumed), read_only=True) as con:
        [warnings] = con.execute("SELECT warnings FROM documents WHERE id = 'roundup'").fetchall()[0]
    assert [w[:6] for w in warnings] == ["[W004]"]          # the workers cut it as the clean run did


# --- a transaction per batch -------------------------------------------------------------------------------

class DiskFull(Exception):
    pass


def test_a_write_failing_in_the_middle_of_a_batch_leaves_none_of_its_rows(tmp_path, pipeline_all, monkeypatch):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    clean = tmp_path / "clean.duckdb"
    ingest([str(corpus)], str(clean), Options(batch_size=3), pipeline=pipeline_all)

    real_insert = ingest_module.insert
    written: list[str] = []

    def insert(con, table, rows):
        written.append(table)
        if table == "event_mentions" and written.count(table) == 2:   # the second batch, its documents in
            raise DiskFull("no space left on device")
        real_insert(con, table, rows)

    monkeypatch.setattr(ingest_module, "insert", insert)
    db = tmp_path / "store.duckdb"
    with pytest.raises(DiskFull):
        ingest([str(corpus)], str(db), Options(batch_size=3), pipeline=pipeline_all)
    assert written.count("documents") == 2        # the failing batch had inserted its documents
    with open_db(str(db), read_only=True) as con:
        ids = [i for (i,) in con.execute("SELECT id FROM documents ORDER BY seq").fetchall()]
        orphans = {t: con.execute(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)")
                   .fetchall()[0][0] for t in ("event_mentions", "quotes", "actors", "places")}
        mentioned = con.execute("SELECT count(*) FROM event_mentions").fetchall()[0][0]
    assert ids == [d["id"] for d in DOCUMENTS[:3]]                # the first batch only
    assert orphans == {"event_mentions": 0, "quotes": 0, "actors": 0, "places": 0}
    assert mentioned > 0

    monkeypatch.setattr(ingest_module, "insert", real_insert)
    ingest([str(corpus)], str(db), Options(batch_size=3), pipeline=pipeline_all)
    assert counts(db) == counts(clean)
    assert content_hash(db) == content_hash(clean), differences(clean, db)
