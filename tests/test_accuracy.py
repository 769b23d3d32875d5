"""Accuracy floors on the team's dev set and the seed article: regressions fail CI.

The dev set (tests/data/dev_events.jsonl) is written by the team: wire-style sentences with
the events an analyst codes, at least one per CAMEO three-digit code, with negated and
hypothetical variants. `redline eval tests/data/dev_events.jsonl --per-root` prints the numbers.
"""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, shared_available
from redline.events.codebook import codebook
from redline.evaluation import evaluate

DEV = ROOT / "tests" / "data" / "dev_events.jsonl"


@pytest.fixture(scope="module")
def dev_result():
    return evaluate(str(DEV))


def test_dev_set_is_large_and_covers_the_codebook():
    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) >= 400
    three_digit = {c for c in codebook() if len(c) == 3}
    covered = {e["code"][:3] for i in items for e in i["events"]}
    assert three_digit <= covered
    per_root = {}
    for i in items:
        for e in i["events"]:
            per_root[e["code"][:2]] = per_root.get(e["code"][:2], 0) + 1
    assert all(per_root.get(f"{r:02d}", 0) >= 2 for r in range(1, 21))
    tags = [t for i in items for t in i["tags"]]
    assert tags.count("negated") >= 40 and tags.count("hypothetical") >= 40


def test_independent_test_set_floors():
    """tests/data/test_events.jsonl was written apart from the coder and is not tuned on; it
    tells how redline generalises. Floors only catch regressions."""
    result = evaluate(str(ROOT / "tests" / "data" / "test_events.jsonl"))
    assert result["overall"]["dyad_root"]["f1"] >= 0.62
    assert result["root_accuracy"]["codebook"] >= 0.72


def test_wire_dev_set_floor():
    """tests/data/dev_wire.jsonl: long wire-style sentences with several actors and events."""
    result = evaluate(str(ROOT / "tests" / "data" / "dev_wire.jsonl"))
    assert result["overall"]["dyad_root"]["f1"] >= 0.59


def test_dev_set_floors(dev_result):
    overall = dev_result["overall"]
    assert overall["root"]["f1"] >= 0.74
    assert overall["dyad_root"]["f1"] >= 0.69
    assert overall["dyad_root"]["precision"] >= 0.74
    assert overall["code"]["f1"] >= 0.53


def test_negated_and_hypothetical_sentences_stay_quiet(dev_result):
    # precision on sentences whose only action is denied or hypothetical
    for tag in ("negated", "hypothetical"):
        s = dev_result["per_tag"][tag]
        assert s["fp"] <= 0.5 * (s["tp"] + s["fn"] + 10), (tag, s)


@pytest.mark.skipif(not shared_available(), reason="../shared/acceptance is not available")
def test_seed_article_events_and_quotes():
    """The seed acceptance with its default thresholds: events, quotes, speakers, stray quotes."""
    script = SHARED / "acceptance" / "score_seed.py"
    cmd = f"{sys.executable} -m redline.cli extract --format jsonl"
    p = subprocess.run([sys.executable, str(script), "--cmd", cmd],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "required events found: 5/5" in p.stdout
    assert "direct quotes with the right speaker: 15/15" in p.stdout
