"""Accuracy floors on the team's dev set and the seed article: regressions fail CI.

The dev set (tests/data/dev_events.jsonl) is written by the team: wire-style sentences with
the events an analyst codes, at least two per CAMEO code, with negated and hypothetical
variants. `redline eval tests/data/dev_events.jsonl --per-root --per-code` prints the numbers;
docs/accuracy.md explains them.
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
    """tests/data/test_events.jsonl and test_wire.jsonl were written apart from the coder and are
    not tuned on; they tell how redline generalises. Floors only catch regressions."""
    result = evaluate(str(ROOT / "tests" / "data" / "test_events.jsonl"))
    assert result["overall"]["dyad_root"]["f1"] >= 0.70
    assert result["root_accuracy"]["codebook"] >= 0.76
    assert result["code_accuracy"]["codebook"] >= 0.66
    assert result["plover_accuracy"]["codebook"] >= 0.77
    assert result["source_accuracy"]["codebook"] >= 0.95
    wire = evaluate(str(ROOT / "tests" / "data" / "test_wire.jsonl"))
    assert wire["overall"]["dyad_root"]["f1"] >= 0.57


# The wire dev sets, each written before the coder was tuned on it; its first run, untouched, is in
# docs/accuracy.md. Tuned on since, so these are only regression floors on dyad+root F1.
WIRE_DEV_FLOORS = {
    "dev_wire": 0.72,     # long wire-style sentences with several actors and events
    "dev_wire2": 0.69,    # 84 sentences 2015-2026, first run 0.47
    "dev_wire3": 0.76,    # 100 sentences 2015-2026 (meetings, brokered deals, reactions, reported threats), first run 0.592
    "dev_archive": 0.71,  # 80 sentences 1990-2014 naming the leaders of the time, first run 0.542
    "dev_wire4": 0.72,    # 100 sentences 1979-1995 (Cold War, Gulf war, early Balkans), first run 0.480
    "dev_wire5": 0.73,    # 100 sentences 1996-2012 (Kosovo to the Arab Spring), first run 0.580
    "dev_wire6": 0.65,    # 120 sentences 1985-2025, all regions, 349 events; first run 0.549, tuned on since 2026-11-28
    "dev_wire7": 0.60,    # 120 sentences 1970-2025, 388 events; first run 0.506, last untouched 0.525, tuned on since 2026-11-28 (second session)
    "dev_wire8": 0.53,    # 120 sentences 1972-2025, 399 events; first run 0.521 (session-start coder), not tuned on
    "dev_wire9": 0.58,    # 120 sentences 1998-2025, 354 events; first run 0.577, tuned on since 2026-11-29 (0.611)
    "dev_wire10": 0.60,   # 120 sentences 1980-2025, smaller states, 295 events; first run 0.576, tuned on since 2026-11-29 (0.633)
    "dev_wire11": 0.48,   # 120 sentences 2005-2025, economics and diplomacy, 341 events; first run 0.525, not tuned on
    "dev_wire12": 0.50,   # 120 sentences 1975-2012, 270 events; first run 0.539 (session-start coder), not tuned on
}


@pytest.mark.parametrize("name", sorted(WIRE_DEV_FLOORS))
def test_wire_dev_set_floor(name):
    result = evaluate(str(ROOT / "tests" / "data" / f"{name}.jsonl"))
    assert result["overall"]["dyad_root"]["f1"] >= WIRE_DEV_FLOORS[name]


def test_codebook_dev_set_floor():
    """tests/data/dev_codebook.jsonl: 200 codebook-style sentences in the style of wire copy, one
    main event each, about ten per CAMEO root, written before the coder was tuned on them. First
    run, untouched: root accuracy 0.880, full code 0.820, PLOVER type 0.883, source 0.989,
    dyad+root F1 0.871 (P 0.890, R 0.853). Tuned on since (final: root 0.970, code 0.910,
    dyad+root F1 0.959), so these are only regression floors."""
    result = evaluate(str(ROOT / "tests" / "data" / "dev_codebook.jsonl"))
    assert result["root_accuracy"]["codebook"] >= 0.93
    assert result["code_accuracy"]["codebook"] >= 0.86
    assert result["overall"]["dyad_root"]["f1"] >= 0.92


def test_second_codebook_dev_set_floor():
    """tests/data/dev_codebook2.jsonl: 200 harder codebook-style sentences of 1990-2010 (idioms,
    passives, titles, metonyms), written before the lexicon was tuned on them. First run,
    untouched: root accuracy 0.690, full code 0.590, dyad+root F1 0.738; tuned on since (root
    0.835, code 0.760, dyad+root 0.839), so only regression floors."""
    result = evaluate(str(ROOT / "tests" / "data" / "dev_codebook2.jsonl"))
    assert result["root_accuracy"]["codebook"] >= 0.88
    assert result["code_accuracy"]["codebook"] >= 0.82
    assert result["overall"]["dyad_root"]["f1"] >= 0.86


def test_third_codebook_dev_set_floor():
    """tests/data/dev_codebook3.jsonl: 300 codebook-style sentences of 1990-2025, one for every
    three-digit code and more for the frequent ones, written by a helper who never ran the coder.
    First run, untouched: root accuracy 0.822, full code 0.707, PLOVER type 0.839, source 0.996,
    dyad+root F1 0.786. Tuned on since (coder mechanisms, and general lexicon entries written with
    its unfired events among the tuned sets' as a map), so only regression floors."""
    result = evaluate(str(ROOT / "tests" / "data" / "dev_codebook3.jsonl"))
    assert result["root_accuracy"]["codebook"] >= 0.83
    assert result["code_accuracy"]["codebook"] >= 0.70
    assert result["overall"]["dyad_root"]["f1"] >= 0.80


def test_dev_set_floors(dev_result):
    assert dev_result["failed"] == []     # every sentence coded: a crash is not a low score
    overall = dev_result["overall"]
    assert overall["root"]["f1"] >= 0.78
    assert overall["dyad_root"]["f1"] >= 0.74
    assert overall["dyad_root"]["precision"] >= 0.75
    assert overall["code"]["f1"] >= 0.58
    assert dev_result["plover_accuracy"]["all"] >= 0.72
    assert dev_result["source_accuracy"]["all"] >= 0.96


# Root F1 per CAMEO root on the dev set, a few points under what redline scores
# (`redline eval tests/data/dev_events.jsonl --per-root`): a root that regresses fails alone.
ROOT_FLOORS = {"01": 0.55, "02": 0.85, "03": 0.70, "04": 0.75, "05": 0.70, "06": 0.65, "07": 0.65,
               "08": 0.70, "09": 0.55, "10": 0.80, "11": 0.80, "12": 0.80, "13": 0.70, "14": 0.70,
               "15": 0.55, "16": 0.65, "17": 0.68, "18": 0.70, "19": 0.70, "20": 0.55}


@pytest.mark.parametrize("root", sorted(ROOT_FLOORS))
def test_dev_set_floor_per_root(dev_result, root):
    assert dev_result["per_root"][root]["root"]["f1"] >= ROOT_FLOORS[root]


def test_dev_set_has_two_sentences_for_every_code():
    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    per_code: dict[str, int] = {}
    for i in items:
        for code in {e["code"] for e in i["events"]}:
            per_code[code] = per_code.get(code, 0) + 1
    assert [c for c in codebook() if per_code.get(c, 0) < 2] == []


def test_negated_and_hypothetical_sentences_stay_quiet(dev_result):
    # precision on sentences whose only action is denied or hypothetical
    for tag in ("negated", "hypothetical"):
        s = dev_result["per_tag"][tag]
        assert s["fp"] <= 0.5 * (s["tp"] + s["fn"] + 10), (tag, s)


@pytest.mark.skipif(not shared_available(), reason="../shared/acceptance is not available")
def test_seed_article_events_quotes_and_places():
    """The seed acceptance with its default thresholds (events, quotes, speakers, stray quotes) and
    the places issue's: at least 14 of the 15 places in the right country, E4 in the Donbas."""
    script = SHARED / "acceptance" / "score_seed.py"
    cmd = f"{sys.executable} -m redline.cli extract --format jsonl"
    p = subprocess.run([sys.executable, str(script), "--cmd", cmd, "--min-places", "14", "--check-location"],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "required events found: 5/5" in p.stdout
    assert "direct quotes with the right speaker: 15/15" in p.stdout
    assert "E4 located in the Donbas: True" in p.stdout


def test_eval_reports_sentences_the_pipeline_could_not_code(tmp_path, monkeypatch):
    from redline.evaluation import report
    from redline.events.coder import EventCoder

    original = EventCoder._code_sentence

    def breaks_on_marker(self, index, sent, *args):
        if "Ruritania" in sent.text:
            raise RuntimeError("a bug")
        return original(self, index, sent, *args)

    monkeypatch.setattr(EventCoder, "_code_sentence", breaks_on_marker)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in [
        {"id": "ok", "text": "Russia expelled two Polish diplomats on Monday.", "date": "2023-03-06",
         "events": [{"source": "RUS", "target": "POL", "code": "161"}]},
        {"id": "broken", "text": "Ruritania expelled two Polish diplomats on Monday.", "date": "2023-03-06",
         "events": [{"source": "RUS", "target": "POL", "code": "161"}]}]) + "\n", encoding="utf-8")
    result = evaluate(str(gold))
    assert [f["id"] for f in result["failed"]] == ["broken"] and "a bug" in result["failed"][0]["error"]
    assert result["overall"]["dyad_root"]["tp"] == 1
    assert "1 could not be coded" in report(result)
