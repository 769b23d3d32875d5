"""Shared fixtures: one loaded pipeline for the whole session (the model loads once)."""
from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pytest

from redline.pipeline import Options, shared_pipeline
from redline.records import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline_all():
    """Keeps negated and hypothetical events, flagged, so tests can look at them."""
    return shared_pipeline(Options(modality="all"))


@pytest.fixture(scope="session")
def pipeline():
    return shared_pipeline(Options())


@pytest.fixture(scope="session")
def code(pipeline):
    def run(text: str, date: str | None = None):
        return next(pipeline.process([Document(id="t", text=text, date=date)]))
    return run


@pytest.fixture(scope="session")
def code_all(pipeline_all):
    def run(text: str, date: str | None = None):
        return next(pipeline_all.process([Document(id="t", text=text, date=date)]))
    return run


def _who(actor) -> str | None:
    return (actor.country or actor.igo or actor.code) if actor else None


def dyads(doc) -> set[tuple[str, str, str]]:
    """(source country-or-igo, target country-or-igo, root) of every event."""
    return {(_who(e.source), _who(e.target), e.cameo_root) for e in doc.events}


def codes(doc) -> set[tuple[str, str, str]]:
    """(source country-or-igo, target country-or-igo, full CAMEO code) of every event."""
    return {(_who(e.source), _who(e.target), e.cameo) for e in doc.events}


def redline_bin() -> str:
    return str(ROOT / ".venv" / "bin" / "redline") if (ROOT / ".venv/bin/redline").exists() else "redline"


def shared_available() -> bool:
    return (SHARED / "acceptance" / "score_seed.py").exists() and not os.environ.get("REDLINE_NO_SHARED")


def build_store(folder, articles: list[dict], pipeline) -> str:
    """A store in `folder` with `articles` (JSON records) ingested: what the API and dashboard
    tests query."""
    import json

    from redline.store.ingest import ingest

    corpus = folder / "wire.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    path = folder / "store.duckdb"
    ingest([str(corpus)], str(path), pipeline=pipeline)
    return path


def stream_lines(stream) -> queue.Queue:
    """The lines of a subprocess's stream as they come (None at its end), read by a thread, so a
    test can wait for a line with a timeout."""
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines
