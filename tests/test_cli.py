"""`redline extract` end to end: formats, order, ids, exit statuses, messages."""
import json
import subprocess

import pytest

from conftest import ROOT, redline_bin

TEXT = "Russian troops shelled the Ukrainian town of Izium on Tuesday.\n"


def run(*args, stdin=None):
    return subprocess.run([redline_bin(), *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


@pytest.fixture()
def inputs(tmp_path):
    good = tmp_path / "in.jsonl"
    good.write_text("\n".join([
        json.dumps({"id": "one", "text": TEXT, "date": "2022-04-06"}),
        "{broken",
        json.dumps({"id": "three", "text": "The EU imposed sanctions on Belarus."}),
    ]) + "\n", encoding="utf-8")
    return good


def test_jsonl_keeps_order_and_ids_and_reports_bad_lines(inputs):
    p = run("extract", "--format", "jsonl", str(inputs))
    assert p.returncode == 1
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["one", f"{inputs}:2", "three"]
    assert set(docs[1]) == {"id", "error"}
    assert f"{inputs}:2" in p.stderr and "Traceback" not in p.stderr
    assert docs[0]["events"][0]["date"] == "2022-04-05"   # "on Tuesday" before Wednesday 6 April


def test_tsv_has_one_event_per_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    p = run("extract", "--format", "tsv", str(f))
    assert p.returncode == 0, p.stderr
    header, *rows = p.stdout.strip().splitlines()
    assert header.split("\t")[:3] == ["DocId", "Day", "Actor1Code"]
    assert rows and rows[0].split("\t")[4] == "RUS"


def test_json_is_one_valid_array_and_stdin_works():
    p = run("extract", "--format", "json", "-", stdin=TEXT)
    assert p.returncode == 0, p.stderr
    [doc] = json.loads(p.stdout)
    assert doc["id"] == "<stdin>" and doc["events"]


def test_usage_errors_are_one_line_with_status_2():
    p = run("extract", "--no-such-option", "x")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    p = run("extract", "--workers", "0", "x")
    assert p.returncode == 2


def test_missing_file_is_reported_and_others_processed(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    p = run("extract", str(tmp_path / "missing.txt"), str(f))
    assert p.returncode == 1
    assert "missing.txt: no such file" in p.stderr and "Traceback" not in p.stderr
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert "error" in docs[0] and docs[1]["events"]


def test_two_workers_give_the_same_output_as_one(tmp_path):
    f = tmp_path / "many.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": t, "date": "2022-03-01"}) for i, t in enumerate([
        TEXT, "NATO condemned the Russian invasion of Ukraine.", "China and India held talks in Beijing.",
        "Iran rejected the IAEA's demands.", "Israeli aircraft struck targets in Gaza."] * 3)]
    f.write_text("\n".join(lines) + "\n")
    one = run("extract", "--workers", "1", "--batch-size", "2", str(f))
    two = run("extract", "--workers", "2", "--batch-size", "2", str(f))
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout


def test_summary_is_readable(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    p = run("extract", "--format", "summary", str(f))
    assert "RUS" in p.stdout and "->" in p.stdout


def test_a_failure_inside_one_document_costs_only_that_document(monkeypatch):
    from redline.pipeline import Options, Pipeline
    from redline.records import Document
    pipe = Pipeline(Options())
    real = pipe.events.__call__.__func__

    def flaky(self, doc):
        if "explode" in doc.text:
            raise ValueError("boom")
        return real(self, doc)
    monkeypatch.setattr(type(pipe.events), "__call__", flaky)
    docs = list(pipe.process([Document(id="a", text="Russia shelled Kharkiv."),
                              Document(id="b", text="This will explode."),
                              Document(id="c", text="NATO condemned Russia.")]))
    assert docs[0].events and docs[2].events
    assert "could not be coded" in docs[1].error and "ValueError" in docs[1].error
