"""Limits on what one document, or an endless input, may cost a run.

- `--max-chars N`: a longer text is coded up to N characters, with a W004 warning; the text
  itself is kept whole (extract and ingest; `test_crash_safety` shows Dask workers apply it too).
- `--doc-timeout S`: a document whose coding takes longer is skipped with an E502 error naming
  it, and the other documents of its batch are coded and output: in this process, with the
  parse as the slow part, in a thread (as in a Dask worker) and in `--workers` processes. The
  slow stage is injected: the event coder (or the parser) sleeps on documents holding a marker
  word.
- stdin is read as it arrives: `extract -` and `ingest -` give the output of the first documents
  while the stream is still open, worker processes are never handed more than a few chunks
  ahead of what the caller has taken, and the progress bar's total does not read a named pipe.
"""
from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from conftest import ROOT, stream_lines
from redline import pipeline as pipeline_module
from redline.cli import main
from redline.events.component import EventsComponent
from redline.pipeline import Options, Pipeline
from redline.progress import count_documents
from redline.records import Document
from redline.store import open_db

SLOW = "Zzyzxville"          # a marker word no other text has: the injected stage sleeps on it
FIRST = "Russian troops shelled the Ukrainian town of Izium on Tuesday."
SECOND = "France condemned Germany over the new tariffs on Friday."
NEVER = 3600.0               # what the slow stage would take: only the limit ends it


def _sleep_on_marker(original):
    def slow(self, doc):
        if SLOW in doc.text:
            time.sleep(NEVER)
        return original(self, doc)
    return slow


def install_slow_events() -> None:
    """In this process: the event coder sleeps on every document holding the marker."""
    EventsComponent.__call__ = _sleep_on_marker(EventsComponent.__call__)


def _slow_worker(options: Options) -> None:
    """The initializer of a `--workers` process: the real one, then the slow event coder."""
    install_slow_events()
    pipeline_module._init_worker(options)


@pytest.fixture()
def slow_events(monkeypatch):
    monkeypatch.setattr(EventsComponent, "__call__", _sleep_on_marker(EventsComponent.__call__))


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- --max-chars ------------------------------------------------------------------------------------

def test_a_text_longer_than_max_chars_is_coded_up_to_there_with_a_warning(tmp_path):
    text = FIRST + "\n\n" + SECOND
    limit = len(FIRST) + 2
    corpus = _jsonl(tmp_path / "news.jsonl", [{"id": "long", "text": text}, {"id": "short", "text": SECOND}])
    result = CliRunner().invoke(main, ["extract", str(corpus), "--max-chars", str(limit)])
    assert result.exit_code == 0, result.output
    long, short = [json.loads(line) for line in result.stdout.splitlines()]
    assert [w[:6] for w in long["warnings"]] == ["[W004]"] and f"{limit} characters" in long["warnings"][0]
    assert [e["trigger"]["text"] for e in long["events"]] == ["shelled"]      # France's is past the limit
    assert short["warnings"] == [] and short["events"]

    whole = CliRunner().invoke(main, ["extract", str(corpus)])
    assert len(json.loads(whole.stdout.splitlines()[0])["events"]) == 2


def test_ingest_stores_the_whole_text_and_codes_up_to_max_chars(tmp_path):
    text = FIRST + "\n\n" + SECOND
    corpus = _jsonl(tmp_path / "news.jsonl", [{"id": "long", "text": text}])
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--max-chars", str(len(FIRST))])
    assert result.exit_code == 0, result.output
    with open_db(str(db), read_only=True) as con:
        stored, warnings = con.execute("SELECT text, warnings FROM documents").fetchall()[0]
        triggers = [t for (t,) in con.execute("SELECT trigger_text FROM event_mentions").fetchall()]
    assert stored == text and [w[:6] for w in warnings] == ["[W004]"]
    assert triggers == ["shelled"]


# --- --doc-timeout ----------------------------------------------------------------------------------

def _documents(texts):
    return [Document(id=f"doc-{i}", text=t, origin=f"news.jsonl:{i + 1}") for i, t in enumerate(texts)]


def test_a_document_whose_coding_runs_out_of_time_is_skipped_and_its_batch_is_coded(pipeline_all, slow_events,
                                                                                      monkeypatch):
    monkeypatch.setattr(pipeline_all.options, "doc_timeout", 0.5)
    texts = [FIRST, f"The mayor of {SLOW} met {SECOND}", SECOND]
    docs = list(pipeline_all.process(_documents(texts)))         # one batch of three
    assert [d.id for d in docs] == ["doc-0", "doc-1", "doc-2"]
    assert docs[1].error.startswith("[E502] news.jsonl:2: skipped") and docs[1].events == []
    assert docs[0].error is None and docs[0].events and docs[2].error is None and docs[2].events
    # the limit is gone once the document is done: the next batch codes as usual
    [again] = pipeline_all.process(_documents([FIRST]))
    assert again.error is None and again.events


def test_the_limit_holds_in_a_thread_too(pipeline_all, monkeypatch):
    """Where coding runs in a thread (a Dask worker's task, an application's), no signal can
    reach it: the stage is stopped from another thread, at its next bytecode."""
    original = EventsComponent.__call__

    def busy(self, doc):
        while SLOW in doc.text:          # a stage stuck in a Python loop
            time.sleep(0.01)
        return original(self, doc)

    monkeypatch.setattr(EventsComponent, "__call__", busy)
    monkeypatch.setattr(pipeline_all.options, "doc_timeout", 0.5)
    texts = [FIRST, f"The mayor of {SLOW} met {SECOND}", SECOND]
    done: dict = {}
    worker = threading.Thread(target=lambda: done.update(docs=list(pipeline_all.process(_documents(texts)))),
                              daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the slow document stalled the thread"
    assert [d.error[:6] if d.error else None for d in done["docs"]] == [None, "[E502]", None]
    assert done["docs"][0].events and done["docs"][2].events


class _SlowParser:
    """The spaCy pipeline, but the parse of a text with the marker never ends."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, text):
        if SLOW in text:
            time.sleep(NEVER)
        return self.nlp(text)

    def pipe(self, texts, batch_size=None):
        return (self(t) for t in texts)


def test_a_parse_that_runs_out_of_time_costs_only_its_own_document(pipeline_all, monkeypatch):
    monkeypatch.setattr(pipeline_all.options, "doc_timeout", 0.5)
    monkeypatch.setattr(pipeline_all, "nlp", _SlowParser(pipeline_all.nlp))
    texts = [FIRST, f"{SLOW} was quiet on Monday.", SECOND]
    docs = list(pipeline_all.process(_documents(texts)))
    assert [d.error[:6] if d.error else None for d in docs] == [None, "[E502]", None]
    assert docs[0].events and docs[2].events


def test_extract_reports_the_skipped_document_and_outputs_the_others(tmp_path, slow_events):
    corpus = _jsonl(tmp_path / "news.jsonl", [{"id": "a", "text": FIRST},
                                              {"id": "slow", "text": f"Talks in {SLOW}. {SECOND}"},
                                              {"id": "c", "text": SECOND}])
    result = CliRunner().invoke(main, ["extract", str(corpus), "--doc-timeout", "0.5"])
    assert result.exit_code == 1
    assert f"[E502] {corpus}:2: skipped: coding it took longer than 0.5 s" in result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a", "slow", "c"]
    assert set(docs[1]) == {"id", "error"} and docs[0]["events"] and docs[2]["events"]


def test_worker_processes_skip_a_slow_document_and_read_an_endless_input_only_a_little_ahead(monkeypatch):
    """`--workers 2` on an endless input whose second document is slow: it is skipped, the rest
    of its chunk is coded, and what was read ahead stays within a few chunks of what was taken."""
    monkeypatch.setattr(pipeline_module, "_init_worker", _slow_worker)
    batch_size, workers = 3, 2
    read = itertools.count()

    def endless():
        for i in read:
            text = f"{SLOW} held talks on Monday." if i == 1 else (FIRST, SECOND)[i % 2]
            yield Document(id=f"doc-{i}", text=text, origin=f"<stdin>:{i + 1}")

    coder = Pipeline(Options(workers=workers, batch_size=batch_size, doc_timeout=1.0))
    stream = coder.process(endless())
    taken = list(itertools.islice(stream, 4 * batch_size))
    stream.close()
    assert [d.id for d in taken] == [f"doc-{i}" for i in range(4 * batch_size)]
    assert taken[1].error.startswith("[E502] <stdin>:2: skipped")
    assert all(d.error is None and d.events for i, d in enumerate(taken) if i != 1), [(d.id, d.error, len(d.events)) for d in taken]
    # taken: 4 chunks; handed out ahead at most 2 * workers more, and one being read
    assert next(read) <= (4 + 2 * workers + 1) * batch_size + 1


# --- streams ----------------------------------------------------------------------------------------

def _record(i: int) -> str:
    return json.dumps({"id": f"wire-{i}", "text": (FIRST, SECOND)[i % 2]}) + "\n"


def test_the_progress_total_leaves_a_named_pipe_to_the_reader(tmp_path):
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    counted: dict = {}
    counter = threading.Thread(target=lambda: counted.update(total=count_documents([str(fifo)])), daemon=True)
    counter.start()
    counter.join(timeout=30)           # opening the pipe to count it would wait for a writer for ever
    assert not counter.is_alive() and counted == {"total": None}


def test_extract_from_stdin_outputs_each_document_before_the_stream_ends():
    proc = subprocess.Popen([sys.executable, "-m", "redline.cli", "extract", "-", "--batch-size", "1"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = stream_lines(proc.stdout)
    try:
        for i in range(3):
            proc.stdin.write(_record(i))
            proc.stdin.flush()
            line = out.get(timeout=240)       # the stream is still open: the answer comes anyway
            assert line is not None, proc.stderr.read()
            doc = json.loads(line)
            assert doc["id"] == f"wire-{i}" and doc["events"]
        proc.stdin.close()
        assert out.get(timeout=60) is None
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_ingest_from_stdin_stores_each_batch_before_the_stream_ends(tmp_path):
    db = tmp_path / "stream.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "redline.cli", "ingest", "-", "--db", str(db), "--batch-size",
                             "1", "-v"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    err = stream_lines(proc.stderr)
    try:
        for i in range(2):
            proc.stdin.write(_record(i))
            proc.stdin.flush()
            line = ""
            while f"batch {i + 1} stored" not in line:     # the stream is still open: it is stored anyway
                line = err.get(timeout=240)
                assert line is not None, "the ingest ended"
            with open_db(str(db), read_only=True) as con:       # committed, readable meanwhile
                assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == i + 1
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
