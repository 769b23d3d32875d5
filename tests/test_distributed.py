"""Scale-out and progress: `redline ingest --dask` stores the rows of `--workers 1`, a rerun merges
the Parquet parts an interrupted run left without coding them again, and the progress bar draws
only on a terminal."""
from __future__ import annotations

import io
import json
import logging
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.pipeline import Options
from redline.progress import ProgressBar, count_documents
from redline.store.distributed import PART_PREFIX, default_parts_dir, parse_address
from redline.store.ingest import ingest
from test_store import content_hash, counts

# Short wire items written for these tests; "wire-10" republishes wire-1 with a sentence added
# (a near copy), "wire-11" is wire-4 word for word (an exact copy).
_ITEMS = [
    ("2023-02-06", "Turkey asked NATO allies for search and rescue teams after the earthquake. Greece sent "
                   "rescuers to the city of Antakya on Monday."),
    ("2023-03-10", "Saudi Arabia and Iran agreed to restore diplomatic relations after talks in Beijing, "
                   "ending seven years of estrangement between the two regional powers. China praised both "
                   "governments for the agreement."),
    ("2023-04-15", "Sudan's army accused the Rapid Support Forces of attacking its bases in Khartoum. Egypt "
                   "urged both sides to stop the fighting."),
    ("2023-05-21", "Japan hosted talks with India and Brazil on the sidelines of the summit in Hiroshima. "
                   "Ukraine's president met the Indian prime minister on Saturday."),
    ("2023-06-24", "Russia accused the Wagner group of organising a mutiny. Belarus offered to mediate "
                   "between the Kremlin and the group's leader."),
    ("2023-07-26", "Soldiers in Niger detained President Mohamed Bazoum in the capital. France condemned the "
                   "coup and the African Union demanded his release."),
    ("2023-08-24", "China banned seafood imports from Japan after the release of treated water from the "
                   "Fukushima plant. Japan protested the ban."),
    ("2023-09-19", "Azerbaijan launched a military operation in Karabakh on Tuesday. Armenia accused "
                   "Azerbaijan of attacking civilians."),
    ("2023-10-03", "Kosovo accused Serbia of sending armed men across the border. The European Union urged "
                   "Serbia to withdraw its troops from the frontier."),
    ("2023-11-15", "The United States and China agreed to resume military talks at a meeting in California. "
                   "Australia welcomed the agreement."),
]
DOCUMENTS = [{"id": f"wire-{i}", "date": date, "url": f"https://wire.example/{date}/{i}", "text": text}
             for i, (date, text) in enumerate(_ITEMS)]
DOCUMENTS.append({**DOCUMENTS[1], "id": "wire-10", "url": "https://mirror.example/gulf",
                  "text": DOCUMENTS[1]["text"] + " Embassies will reopen."})
DOCUMENTS.append({**DOCUMENTS[4], "id": "wire-11", "url": "https://copy.example/russia"})


@pytest.fixture()
def wire(tmp_path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    return path


@pytest.fixture()
def clean(tmp_path, wire, pipeline_all):
    """The store that `--workers 1` gives, and its summary."""
    db = tmp_path / "clean.duckdb"
    summary = ingest([str(wire)], str(db), Options(batch_size=2), pipeline=pipeline_all)
    return db, summary


@pytest.fixture(scope="module")
def cluster_address():
    """A running one-worker cluster, reached by address like a real one."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster:
        yield cluster.scheduler_address


def _parts(db) -> list[Path]:
    folder = Path(default_parts_dir(str(db)))
    return sorted(folder.glob(PART_PREFIX + "*.parquet")) if folder.is_dir() else []


def test_dask_local_2_stores_the_rows_of_workers_1(tmp_path, wire, clean):
    clean_db, clean_summary = clean
    db = tmp_path / "dask.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(wire), "--db", str(db), "--dask", "local:2",
                                       "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    # stderr is no terminal here: no bar, only the summary line
    [line] = result.output.strip().splitlines()
    assert line.startswith("redline: 12 documents read: 2 duplicates (1 exact, 1 near), 10 coded")
    assert line.split(";")[0] == f"redline: {clean_summary.line()}".split(";")[0]
    assert counts(db) == counts(clean_db) and counts(db)["events"] > 0
    assert content_hash(db) == content_hash(clean_db)
    assert not Path(default_parts_dir(str(db))).exists()           # merged parts are removed


class Interrupted(Exception):
    pass


def test_a_rerun_merges_the_parts_an_interrupted_run_left(tmp_path, wire, clean, cluster_address):
    clean_db, clean_summary = clean
    db = tmp_path / "resumed.duckdb"
    options = Options(batch_size=2)

    def stop_after_first_batch(summary):
        # every batch handed to the cluster has written its part; then the client "dies"
        deadline = time.monotonic() + 120
        while len(_parts(db)) < summary.parts_coded - summary.batches and time.monotonic() < deadline:
            time.sleep(0.05)
        raise Interrupted

    with pytest.raises(Interrupted):
        ingest([str(wire)], str(db), options, dask=cluster_address, on_batch=stop_after_first_batch)
    assert counts(db)["documents"] == 2                              # the first batch was merged ...
    left = _parts(db)
    assert len(left) >= 2                                             # ... the next ones wait as parts
    left[-1].write_bytes(left[-1].read_bytes()[:100])                 # and one was damaged meanwhile

    summary = ingest([str(wire)], str(db), options, dask=cluster_address)
    assert summary.exact_duplicates == 2 + 1                          # the merged batch is not redone
    assert summary.parts_reused == len(left) - 1                      # the whole parts are merged as they are
    assert summary.parts_coded + summary.parts_reused == clean_summary.batches - 1
    assert summary.errors == 0 and not Path(default_parts_dir(str(db))).exists()
    assert counts(db) == counts(clean_db)
    assert content_hash(db) == content_hash(clean_db)

    again = ingest([str(wire)], str(db), options, dask=cluster_address)   # idempotent, nothing to code
    assert (again.exact_duplicates, again.parts_coded, again.parts_reused) == (12, 0, 0)
    assert content_hash(db) == content_hash(clean_db)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_silent_when_stderr_is_no_terminal(tmp_path):
    plain = io.StringIO()
    with ProgressBar(12, stream=plain) as bar:
        bar.update(5)
        bar.status("4 coded")
    assert plain.getvalue() == ""
    bar.write("redline: a line still gets through")
    assert plain.getvalue() == "redline: a line still gets through\n"

    terminal = _Terminal()
    with ProgressBar(12, stream=terminal) as bar:
        bar.update(5)
    assert "/12" in terminal.getvalue() and "doc" in terminal.getvalue()
    quiet = _Terminal()
    with ProgressBar(12, stream=quiet, quiet=True) as bar:
        bar.update(5)
    assert quiet.getvalue() == ""


def test_the_total_is_counted_where_it_is_cheap(tmp_path, wire):
    folder = tmp_path / "news"
    (folder / "asia").mkdir(parents=True)
    (folder / "2023-02-06-quake.txt").write_text(_ITEMS[0][1], encoding="utf-8")
    (folder / "asia" / "2023-08-24-seafood.txt").write_text(_ITEMS[6][1], encoding="utf-8")
    (folder / ".notes.txt").write_text("hidden: not read", encoding="utf-8")
    assert count_documents([str(folder), str(wire)]) == 2 + 12
    assert count_documents([str(tmp_path / "missing.txt")]) == 1       # one error record
    (folder / "crawl.warc.gz").write_bytes(b"")
    assert count_documents([str(folder)]) is None                      # a WARC would need a full read
    assert count_documents(["-"]) is None and count_documents(["https://wire.example/feed.rss"]) is None


def test_dask_usage_errors(wire, tmp_path):
    def run(*args):
        return CliRunner().invoke(main, ["ingest", str(wire), "--db", str(tmp_path / "u.duckdb"), *args])

    assert parse_address("local:3") == ("local", 3) and parse_address("tcp://10.0.0.5:8786")[0] == "address"
    assert parse_address("/shared/scheduler.json") == ("file", "/shared/scheduler.json")
    result = run("--dask", "local:0")
    assert result.exit_code == 2 and "local:N needs N from 1 to 64" in result.output
    assert run("--dask", "local:2", "--workers", "2").exit_code == 2
    result = run("--parts", str(tmp_path / "parts"))
    assert result.exit_code == 2 and "needs --dask" in result.output
    result = run("--dask", str(tmp_path / "scheduler.json"))        # no scheduler wrote it
    assert result.exit_code == 2 and "scheduler.json: no such file" in result.output
    assert not Path(default_parts_dir(str(tmp_path / "u.duckdb"))).exists()
