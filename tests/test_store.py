"""The event store: schema and migrations, idempotent and resumable ingest, duplicates, queries, exports."""
from __future__ import annotations

import csv
import hashlib
import json
import random
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from click.testing import CliRunner

from conftest import ROOT, redline_bin
from redline.cli import main
from redline.errors import RedlineError
from redline.store import SCHEMA_VERSION, migrate, open_db
from redline.store.ingest import ingest

# Wire-style articles written for these tests. kh-1, kh-2 and kh-3 are three different articles
# reporting the same shelling (RUSMIL -> UKR, 194, 3 May) from three sites; ml-1 has a denied
# event ("denied that France had withdrawn its troops").
ARTICLES = [
    {"id": "kh-1", "date": "2022-05-03", "url": "https://northwire.example/world/kharkiv-shelling",
     "title": "Russian forces shell Kharkiv",
     "text": "Russian forces shelled the northeastern Ukrainian city of Kharkiv on Tuesday, regional officials "
             "said. At least four civilians were wounded when artillery struck a residential district near the "
             "ring road. Ukraine's foreign ministry condemned the attack and called on its partners to deliver "
             "more air defence systems. The governor said emergency crews worked through the night to put out "
             "fires."},
    {"id": "kh-2", "date": "2022-05-03", "url": "https://eastpost.example/news/2022/05/03/kharkiv",
     "title": "Artillery hits Kharkiv suburbs",
     "text": "Russian forces shelled Kharkiv again on Tuesday, hitting apartment blocks in the Saltivka district, "
             "according to the city's mayor. Residents sheltered in metro stations as explosions echoed across "
             "the northern suburbs. Germany pledged to send more humanitarian aid to Ukraine later this month, a "
             "government spokesman in Berlin said."},
    {"id": "kh-3", "date": "2022-05-03", "url": "https://dailyledger.example/europe/ukraine-war-day-69",
     "title": "War in Ukraine: day 69",
     "text": "On the war's sixty-ninth day, Russian forces shelled Kharkiv, Ukraine's second-largest city, and "
             "pressed an offensive in the Donbas. Local authorities reported damage to a school and a power "
             "substation. Poland said it would host talks with Baltic ministers on energy security next week."},
    {"id": "ir-1", "date": "2022-06-08", "url": "https://northwire.example/world/iaea-iran",
     "title": "IAEA board rebukes Iran",
     "text": "VIENNA, June 8 - The International Atomic Energy Agency's board of governors criticised Iran on "
             "Wednesday for failing to explain uranium traces found at undeclared sites. Iran's foreign "
             "ministry rejected the resolution as politically motivated and warned of a firm response. "
             "Diplomats said the vote passed with thirty countries in favour."},
    {"id": "tw-1", "date": "2022-08-05", "url": "https://eastpost.example/asia/taiwan-drills",
     "title": "China holds drills around Taiwan",
     "text": "TAIPEI, Aug 5 - China fired ballistic missiles into waters around Taiwan on Thursday during large "
             "military drills launched after a visit by the US House speaker. Taiwan's defence ministry accused "
             "Beijing of threatening regional peace. Japan lodged a protest with China after five missiles "
             "landed in its exclusive economic zone."},
    {"id": "ml-1", "date": "2022-01-31", "url": "https://dailyledger.example/africa/mali-france-envoy",
     "title": "Mali expels French ambassador",
     "text": "BAMAKO, Jan 31 - Mali's military government expelled the French ambassador on Monday, giving him "
             "seventy-two hours to leave the country. The junta said the move followed hostile remarks by "
             "French officials. France said it took note of the decision and would consult its European "
             "partners. Officials in Paris denied that France had withdrawn its troops from Mali."},
    {"id": "am-1", "date": "2022-09-14", "url": "https://northwire.example/world/armenia-azerbaijan",
     "title": "Armenia and Azerbaijan agree truce",
     "text": "YEREVAN, Sept 14 - Armenia and Azerbaijan agreed to a ceasefire on Wednesday after two days of "
             "clashes along their border, Armenia's security council said. Russia urged both sides to exercise "
             "restraint. The European Union offered to mediate talks between the two governments."},
    {"id": "gz-1", "date": "2022-08-08", "url": "https://eastpost.example/mideast/gaza-truce",
     "title": "Egypt brokers Gaza truce",
     "text": "CAIRO, Aug 8 - Egypt brokered a truce between Israel and Islamic Jihad late on Sunday, ending three "
             "days of fighting in Gaza. Israel's prime minister thanked Egypt for its efforts. The United "
             "Nations called for humanitarian access to the territory."},
]
# kh-1 republished by another site: new headline, a dateline, curly quotes, a sentence added.
NEAR_COPY = {**ARTICLES[0], "id": "kh-1-repub", "url": "https://regionaltimes.example/kharkiv",
             "title": "Kharkiv shelled, four hurt",
             "text": "KHARKIV, May 3 (Northwire) - " + ARTICLES[0]["text"].replace("regional officials said",
                                                                                 "“regional officials” said")
                     + " Schools in the district will stay closed on Wednesday."}
# ir-1 word for word under another id and URL.
EXACT_COPY = {**ARTICLES[3], "id": "ir-1-copy", "url": "https://mirror.example/iaea"}
CORPUS = ARTICLES[:4] + [NEAR_COPY] + ARTICLES[4:] + [EXACT_COPY]
TABLES = ("documents", "event_mentions", "events", "quotes", "actors", "places")


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in CORPUS), encoding="utf-8")
    return path


@pytest.fixture()
def store(tmp_path, corpus, pipeline_all):
    db = tmp_path / "store.duckdb"
    ingest([str(corpus)], str(db), pipeline=pipeline_all)
    return db


def counts(db) -> dict[str, int]:
    with open_db(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def content_hash(db) -> str:
    """Every row of every table except the storing time, in a fixed order."""
    digest = hashlib.sha256()
    with open_db(str(db), read_only=True) as con:
        for table in TABLES:
            exclude = " EXCLUDE (ingested_at)" if table == "documents" else ""
            for row in con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall():
                digest.update(repr(row).encode())
    return digest.hexdigest()


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# -- schema and migrations -------------------------------------------------------------------------

def test_new_store_has_every_table_at_the_latest_version(tmp_path):
    with open_db(str(tmp_path / "new.duckdb")) as con:
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    assert set(TABLES) | {"schema_version"} <= tables


def test_opening_an_old_database_upgrades_it_and_keeps_its_rows(tmp_path):
    db = str(tmp_path / "old.duckdb")
    con = duckdb.connect(db)
    migrate(con, target=1)
    con.execute("INSERT INTO documents (id, seq, fingerprint, text, ingested_at) VALUES (?, ?, ?, ?, now())",
                ["old-doc", 0, "f" * 40, "An article stored by an older redline."])
    con.close()
    with open_db(db, read_only=True) as con:       # a reader upgrades it too
        assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] == SCHEMA_VERSION
        assert con.execute("SELECT id FROM documents").fetchall() == [("old-doc",)]
        indexes = {n for (n,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert "events_dyad" in indexes
    with open_db(db) as con:                        # and opening it again applies nothing twice
        assert migrate(con) == []


def test_a_store_from_a_newer_redline_is_refused_with_a_message(tmp_path):
    db = str(tmp_path / "future.duckdb")
    with open_db(db) as con:
        con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [99, "from the future"])
    with pytest.raises(RedlineError, match="schema version 99 is newer"):
        with open_db(db):
            pass
    with pytest.raises(RedlineError, match="no such file"):
        with open_db(str(tmp_path / "missing.duckdb"), read_only=True):
            pass


def test_a_file_that_is_not_a_database_gets_a_message(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are notes, not a database\n")
    result = cli("events", "--db", bad)
    assert result.exit_code == 2 and "not a usable DuckDB database" in result.output


# -- ingest ----------------------------------------------------------------------------------------

def test_ingest_stores_documents_mentions_quotes_actors_and_a_second_ingest_adds_nothing(
        tmp_path, corpus, pipeline_all):
    db = str(tmp_path / "s.duckdb")
    first = ingest([str(corpus)], db, pipeline=pipeline_all)
    assert (first.read, first.exact_duplicates, first.near_duplicates, first.errors) == (10, 1, 1, 0)
    assert first.coded == 8 and first.mentions > 0 and first.quotes >= 0
    stored = counts(db)
    assert stored["documents"] == 9 and stored["event_mentions"] == first.mentions
    assert stored["actors"] > 0 and stored["events"] == first.events_in_store
    before = content_hash(db)

    again = ingest([str(corpus)], db, pipeline=pipeline_all)
    assert (again.read, again.exact_duplicates, again.coded, again.mentions) == (10, 10, 0, 0)
    assert counts(db) == stored and content_hash(db) == before


def test_near_copy_is_stored_as_duplicate_and_not_coded_exact_copy_is_skipped(store):
    with open_db(str(store), read_only=True) as con:
        docs = dict(con.execute("SELECT id, duplicate_of FROM documents").fetchall())
        copy_mentions = con.execute("SELECT count(*) FROM event_mentions WHERE doc_id = ?",
                                    ["kh-1-repub"]).fetchall()[0][0]
        provenance = con.execute('SELECT url, origin, title, date, "offset" FROM documents WHERE id = ?',
                                 ["kh-2"]).fetchall()[0]
    assert docs["kh-1-repub"] == "kh-1" and copy_mentions == 0
    assert "ir-1-copy" not in docs and docs["ir-1"] is None
    assert provenance[0] == "https://eastpost.example/news/2022/05/03/kharkiv"
    assert provenance[1].endswith("wire.jsonl:2")
    assert provenance[2:] == ("Artillery hits Kharkiv suburbs", "2022-05-03", 2)   # offset: the JSONL line


def test_one_event_reported_by_three_articles_is_one_event_with_its_evidence(store):
    with open_db(str(store), read_only=True) as con:
        [(event_id, mentions, articles, sources, first_doc)] = con.execute(
            "SELECT event_id, num_mentions, num_articles, num_sources, first_doc_id FROM events "
            "WHERE source_code = ? AND target_code = ? AND cameo = ?", ["RUSMIL", "UKR", "194"]).fetchall()
        evidence = con.execute("SELECT doc_id, trigger_text FROM event_mentions WHERE event_id = ? "
                               "ORDER BY doc_id", [event_id]).fetchall()
    assert (mentions, articles, sources, first_doc) == (3, 3, 3, "kh-1")
    assert evidence == [("kh-1", "shelled"), ("kh-2", "shelled"), ("kh-3", "shelled")]


def test_documents_with_the_same_id_and_different_text_both_get_stored(tmp_path, pipeline_all):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "1", "text": ARTICLES[4]["text"], "date": "2022-08-05"}) + "\n")
    b.write_text(json.dumps({"id": "1", "text": ARTICLES[5]["text"], "date": "2022-01-31"}) + "\n")
    db = str(tmp_path / "ids.duckdb")
    ingest([str(a), str(b)], db, pipeline=pipeline_all)
    with open_db(db, read_only=True) as con:
        ids = [i for (i,) in con.execute("SELECT id FROM documents ORDER BY seq").fetchall()]
        doc_ids = {i for (i,) in con.execute("SELECT DISTINCT doc_id FROM event_mentions").fetchall()}
    assert ids == ["1", f"1@{b}:1"] and doc_ids == set(ids)


def test_a_directory_of_text_files_ingests_once(tmp_path, pipeline_all):
    folder = tmp_path / "wire"
    (folder / "asia").mkdir(parents=True)
    (folder / "2022-08-05-taiwan.txt").write_text(ARTICLES[4]["text"], encoding="utf-8")
    (folder / "asia" / "2022-09-14-caucasus.txt").write_text(ARTICLES[6]["text"], encoding="utf-8")
    db = str(tmp_path / "dir.duckdb")
    assert ingest([str(folder)], db, pipeline=pipeline_all).coded == 2
    with open_db(db, read_only=True) as con:
        dates = dict(con.execute("SELECT id, date FROM documents").fetchall())
    assert sorted(dates.values()) == ["2022-08-05", "2022-09-14"]
    stored = counts(db)
    assert ingest([str(folder)], db, pipeline=pipeline_all).exact_duplicates == 2 and counts(db) == stored


def test_unreadable_inputs_are_reported_and_the_good_ones_stored(tmp_path, pipeline_all):
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps(ARTICLES[6]) + "\n{broken\n" + json.dumps(ARTICLES[7]) + "\n")
    errors = []
    summary = ingest([str(f), str(tmp_path / "missing.txt")], str(tmp_path / "m.duckdb"),
                     pipeline=pipeline_all, on_error=errors.append)
    assert (summary.read, summary.errors, summary.coded) == (4, 2, 2)
    assert [d.id for d in errors] == [f"{f}:2", str(tmp_path / "missing.txt")]


def _start_ingest(corpus, db, *extra):
    return subprocess.Popen([redline_bin(), "ingest", str(corpus), "--db", str(db), "--batch-size", "1", "-v",
                             *extra], cwd=ROOT, stderr=subprocess.PIPE, text=True)


def _kill_after_batches(corpus, db, batches: int, delay: float) -> None:
    """Start an ingest, SIGKILL it `delay` seconds after it reports `batches` stored batches."""
    proc = _start_ingest(corpus, db)
    try:
        for line in proc.stderr:
            if f"batch {batches} stored" in line:
                break
        # a reader can query the store between the ingest's batches
        with open_db(str(db), read_only=True, wait=30) as con:
            assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] >= batches
        time.sleep(delay)       # kill at a different moment of the batch each time
        proc.kill()
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -9


def test_ingest_killed_with_sigkill_and_rerun_ends_with_the_rows_of_a_clean_run(tmp_path, corpus, pipeline_all):
    clean = tmp_path / "clean.duckdb"
    ingest([str(corpus)], str(clean), pipeline=pipeline_all)

    resumed = tmp_path / "resumed.duckdb"
    rng = random.Random(5)
    _kill_after_batches(corpus, resumed, batches=rng.randint(1, 3), delay=rng.choice([0, 0.01, 0.05]))
    after_first_kill = counts(resumed)["documents"]
    assert 0 < after_first_kill < counts(clean)["documents"]          # it really died mid-run
    _kill_after_batches(corpus, resumed, batches=1, delay=rng.choice([0, 0.02]))
    assert counts(resumed)["documents"] < counts(clean)["documents"]

    summary = ingest([str(corpus)], str(resumed), pipeline=pipeline_all)    # the run that finishes
    assert summary.errors == 0 and summary.exact_duplicates >= 1
    assert counts(resumed) == counts(clean)
    assert content_hash(resumed) == content_hash(clean)


def test_a_reader_waits_for_the_writers_lock_and_gives_up_with_a_message(tmp_path):
    db = tmp_path / "locked.duckdb"
    with open_db(str(db)):
        pass
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(db)!r})
        print("holding", flush=True)
        sys.stdin.read()
        con.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(RedlineError, match="locked by another process"):
            with open_db(str(db), read_only=True, wait=0.2):
                pass
        holder.stdin.close()                       # the writer lets go ...
        with open_db(str(db), read_only=True, wait=30) as con:   # ... and the waiting reader gets in
            assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 0
    finally:
        holder.kill() if holder.poll() is None else None
        holder.wait(timeout=30)
        holder.stdout.close()


def test_an_ingest_holding_the_store_between_batches_lets_a_reader_in(tmp_path):
    """An ingest keeps the file open from batch to batch (store.writer); a reader that waits says
    so, and gets in while the ingest still runs; the ingest's next batch then opens it again."""
    db = tmp_path / "held.duckdb"
    ingest_like = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from redline.store.writer import StoreWriter
        with StoreWriter({str(db)!r}) as writer:
            with writer.connection() as con:          # the first batch
                con.execute("CREATE TABLE batches (n INTEGER)")
                con.execute("INSERT INTO batches VALUES (1)")
            print("holding", flush=True)
            sys.stdin.readline()                      # ... coding the next batch
            with writer.connection() as con:
                con.execute("INSERT INTO batches VALUES (2)")
            print("written", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert ingest_like.stdout.readline().strip() == "holding"
        with open_db(str(db), read_only=True, wait=30) as con:
            assert con.execute("SELECT n FROM batches").fetchall() == [(1,)]
            assert ingest_like.poll() is None                 # in while the writer still runs
        ingest_like.stdin.write("next\n")
        ingest_like.stdin.flush()
        assert ingest_like.stdout.readline().strip() == "written"
        with open_db(str(db), read_only=True, wait=30) as con:
            assert con.execute("SELECT n FROM batches ORDER BY n").fetchall() == [(1,), (2,)]
        ingest_like.stdin.close()
        assert ingest_like.wait(timeout=30) == 0
        assert not list(tmp_path.glob("held.duckdb.*"))      # no announcement left behind
    finally:
        ingest_like.kill() if ingest_like.poll() is None else None
        ingest_like.wait(timeout=30)
        ingest_like.stdout.close()


# -- redline events ----------------------------------------------------------------------------------

def _events(store, *args) -> list[dict]:
    result = cli("events", "--db", store, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _dyads(events) -> set[tuple]:
    return {(e["source_code"], e["target_code"], e["cameo"]) for e in events}


def test_events_filters(store):
    everything = _events(store, "--limit", "0")
    assert everything and all(e["modality"] == "asserted" for e in everything)
    assert [e["first_date"] for e in everything] == sorted(e["first_date"] for e in everything)

    assert _dyads(_events(store, "--dyad", "RUS", "UKR")) == {("RUSMIL", "UKR", "194")}
    assert ("RUSMIL", "UKR", "194") in _dyads(_events(store, "--actor", "ukr"))
    assert all("UKR" in (e["source_code"] + e["target_code"]) for e in _events(store, "--actor", "UKR"))
    assert _dyads(_events(store, "--actor", "Yair Lapid")) == {("ISRGOV", "EGY", "051")}
    assert _dyads(_events(store, "--code", "194")) == {("RUSMIL", "UKR", "194")}
    assert {e["cameo"][:2] for e in _events(store, "--root", "19")} == {"19"}
    assert {e["plover"] for e in _events(store, "--plover", "assault")} == {"ASSAULT"}
    assert {e["quad_class"] for e in _events(store, "--quad", "4")} == {4}
    window = _events(store, "--since", "2022-08-01", "--until", "2022-08-31")
    assert window and all("2022-08-01" <= e["first_date"] <= "2022-08-31" for e in window)
    about_kharkiv = _events(store, "--text", "KHARKIV")
    assert ("RUSMIL", "UKR", "194") in _dyads(about_kharkiv)
    assert all(any("kharkiv" in m["sentence_text"].lower() for m in e["mentions"]) for e in about_kharkiv)

    negated = _events(store, "--modality", "negated")
    assert _dyads(negated) == {("FRA", "MLI", "0874")} and negated[0]["modality"] == "negated"
    assert len(_events(store, "--modality", "all", "--limit", "0")) == len(everything) + 1
    assert len(_events(store, "--limit", "2")) == 2

    [shelling] = _events(store, "--dyad", "RUSMIL", "UKR")
    assert shelling["num_articles"] == 3 and len(shelling["mentions"]) == 3
    assert {"sentence_text", "trigger_text", "rule", "confidence", "doc_id"} <= set(shelling["mentions"][0])


def test_events_table_and_usage_errors(store):
    result = cli("events", "--db", store, "--dyad", "RUS", "UKR")
    assert result.exit_code == 0
    header, row = result.output.strip().splitlines()
    assert header.split()[:3] == ["DATE", "SOURCE", "TARGET"] and "RUSMIL" in row and "194" in row
    assert "(no events)" in cli("events", "--db", store, "--code", "999").output
    assert cli("events", "--db", store, "--since", "last week").exit_code == 2
    assert cli("events", "--db", store, "--quad", "7").exit_code == 2


# -- redline export ----------------------------------------------------------------------------------

def test_export_csv_and_jsonl_have_every_event(store, tmp_path):
    n = counts(store)["events"]
    assert cli("export", "--db", store, "--format", "csv", tmp_path / "e.csv").exit_code == 0
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n and {"event_id", "num_articles", "source_code", "modality"} <= set(rows[0])
    assert cli("export", "--db", store, "--format", "jsonl", "--table", "mentions",
               tmp_path / "m.jsonl").exit_code == 0
    mentions = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text().splitlines()]
    assert len(mentions) == counts(store)["event_mentions"] and "sentence_text" in mentions[0]


def test_export_parquet_is_partitioned_by_month(store, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "events_parquet"
    result = cli("export", "--db", store, "--format", "parquet", out)
    assert result.exit_code == 0, result.output
    months = sorted(p.name for p in out.iterdir())
    assert months == ["year_month=2022-01", "year_month=2022-05", "year_month=2022-06",
                      "year_month=2022-08", "year_month=2022-09"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == counts(store)["events"]
    may = table.filter(ds.field("year_month") == "2022-05").column("first_date").to_pylist()
    assert may and all(d.startswith("2022-05") for d in may)
    again = cli("export", "--db", store, "--format", "parquet", out)
    assert again.exit_code == 2 and "new or empty directory" in again.output


def test_export_gdelt_events_and_mentions_have_gdelt_columns(store, tmp_path):
    assert cli("export", "--db", store, "--format", "gdelt-events", tmp_path / "ev.tsv").exit_code == 0
    assert cli("export", "--db", store, "--format", "gdelt-mentions", tmp_path / "mn.tsv").exit_code == 0
    events = [line.split("\t") for line in (tmp_path / "ev.tsv").read_text().splitlines()]
    mentions = [line.split("\t") for line in (tmp_path / "mn.tsv").read_text().splitlines()]
    assert events and {len(r) for r in events} == {61}
    assert mentions and {len(r) for r in mentions} == {16}

    [shelling] = [r for r in events if r[5] == "RUSMIL" and r[15] == "UKR"]
    assert shelling[1:4] == ["20220503", "202205", "2022"]
    assert shelling[26:29] == ["194", "194", "19"] and shelling[29] == "4"
    assert shelling[31:34] == ["3", "3", "3"]                     # NumMentions, NumSources, NumArticles
    assert shelling[34] == "" and shelling[35:51] == [""] * 16   # tone and actor geography: not coded
    assert len(shelling[59]) == 14 and shelling[60] == ARTICLES[0]["url"]
    assert not any(r[5] == "FRA" and r[26] == "0874" for r in events)   # the denied event is not exported

    ours = [r for r in mentions if r[0] == shelling[0]]
    assert sorted(r[5] for r in ours) == sorted(a["url"] for a in ARTICLES[:3])
    assert {r[3] for r in ours} == {"1"} and {r[4] for r in ours} == {
        "northwire.example", "eastpost.example", "dailyledger.example"}
    assert all(r[6].isdigit() and r[9].isdigit() and 10 <= int(r[11]) <= 100 for r in ours)
    with open_db(str(store), read_only=True) as con:
        asserted = con.execute("SELECT count(*) FROM event_mentions m JOIN events e USING (event_id) "
                               "WHERE e.modality = ?", ["asserted"]).fetchall()[0][0]
    assert len(mentions) == asserted


# -- merging batch by batch ------------------------------------------------------------------------------

def _mention_row(doc_id: str, index: int, key: tuple, date: str | None) -> dict:
    from redline.store.rows import MENTION_FIELDS

    row = {name: None for name, _ in MENTION_FIELDS}
    row.update({"doc_id": doc_id, "event_index": index, "date": date, "source_code": key[0],
                "target_code": key[1], "cameo": key[2], "modality": key[3], "source_sectors": [],
                "target_sectors": [], "plover_contexts": [], "sentence_index": index, "confidence": 0.5,
                "negated": key[3] == "negated", "hypothetical": False})
    return row


def _batch_tables(docs: list[tuple[str, int, list]]) -> dict:
    from redline.store.rows import to_arrow

    documents = [{"id": doc_id, "seq": seq, "fingerprint": doc_id, "signature": [], "duplicate_of": None,
                  "title": None, "date": None, "url": None, "origin": f"https://site{seq % 3}.example/",
                  "offset": None, "fetched_at": None, "text": doc_id, "warnings": [], "error": None,
                  "num_events": len(mentions), "num_quotes": 0, "ingested_at": None}
                 for doc_id, seq, mentions in docs]
    mentions = [_mention_row(doc_id, i, key, date) for doc_id, _, ms in docs for i, (key, date) in enumerate(ms)]
    return {"documents": to_arrow("documents", documents), "event_mentions": to_arrow("event_mentions", mentions),
            "quotes": to_arrow("quotes", []), "actors": to_arrow("actors", [])}


def _merged_events(db) -> list[tuple]:
    with open_db(str(db), read_only=True) as con:
        events = con.execute("SELECT * EXCLUDE (avg_confidence) FROM events ORDER BY ALL").fetchall()
        links = con.execute("SELECT doc_id, event_index, event_id FROM event_mentions ORDER BY ALL").fetchall()
    return events + links


@pytest.mark.parametrize("seed", range(4))
def test_events_merged_batch_by_batch_equal_one_merge_of_every_mention(tmp_path, seed):
    """The store merges again only what a batch can change (from each key's last anchor on or before
    the batch's earliest day); whatever the batches and the order of their days, the events and the
    mentions' links equal those of one merge of everything. Days run forwards mostly, as news does,
    with late reports, undated and badly dated mentions mixed in."""
    from redline.store.ingest import write_tables

    rng = random.Random(seed)
    keys = [("RUSMIL", "UKR", "194", "asserted"), ("RUSMIL", "UKR", "194", "negated"), ("USAGOV", "RUS", "130",
            "asserted"), (None, "UKR", "190", "asserted")]
    docs = []
    for n in range(120):
        day = min(28, max(1, n // 5 + rng.choice([0, 0, 0, 1, -1, -3, -9])))
        mentions = []
        for _ in range(rng.randint(1, 3)):
            date = rng.choice([f"2022-03-{day:02d}"] * 8 + [None, "next week"])
            mentions.append((rng.choice(keys), date))
        docs.append((f"d{n:03d}", n, mentions))

    batched, at_once = tmp_path / "batched.duckdb", tmp_path / "at-once.duckdb"
    with open_db(str(batched)) as con:
        start = 0
        while start < len(docs):
            size = rng.randint(1, 9)
            write_tables(con, _batch_tables(docs[start:start + size]))
            start += size
    with open_db(str(at_once)) as con:
        write_tables(con, _batch_tables(docs))
    assert _merged_events(batched) == _merged_events(at_once)
    with open_db(str(batched), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE first_date IS NULL").fetchall()[0][0] > 0
        assert con.execute("SELECT max(num_mentions) FROM events").fetchall()[0][0] > 3


# -- places and event locations ----------------------------------------------------------------------

def _shelling_id(con) -> str:
    [(event_id,)] = con.execute("SELECT event_id FROM events WHERE source_code = ? AND target_code = ? AND cameo = ?",
                                ["RUSMIL", "UKR", "194"]).fetchall()
    return event_id


def test_the_places_a_document_names_are_stored_with_spans_into_its_text(store):
    with open_db(str(store), read_only=True) as con:
        [(text,)] = con.execute("SELECT text FROM documents WHERE id = ?", ["kh-1"]).fetchall()
        places = con.execute("SELECT place_index, name, feature, country, text, span_start, span_end, geonames_id "
                             "FROM places WHERE doc_id = ? ORDER BY place_index", ["kh-1"]).fetchall()
        copies = con.execute("SELECT count(*) FROM places WHERE doc_id = ?", ["kh-1-repub"]).fetchall()[0][0]
    assert [p[0] for p in places] == list(range(len(places)))
    assert all(text[start:end] == mention for *_, mention, start, end, _ in places)
    kharkiv = [p for p in places if p[1] == "Kharkiv" and p[2] == "city"]
    assert kharkiv and kharkiv[0][3] == "UKR" and kharkiv[0][7] is not None
    assert copies == 0                                     # a near copy is not coded: no places either


def test_the_shelling_is_located_in_kharkiv_on_its_mention_and_its_event(store):
    with open_db(str(store), read_only=True) as con:
        [(text,)] = con.execute("SELECT text FROM documents WHERE id = ?", ["kh-1"]).fetchall()
        [mention] = con.execute(
            "SELECT location_name, location_country, location_feature, location_how, location_start, location_end, "
            "location_geonames_id, location_lat, location_lon FROM event_mentions "
            "WHERE doc_id = ? AND trigger_text = ?", ["kh-1", "shelled"]).fetchall()
        [event] = con.execute("SELECT location_name, location_country, location_region, location_feature, "
                              "location_how, location_geonames_id FROM events WHERE event_id = ?",
                              [_shelling_id(con)]).fetchall()
        hows = con.execute("SELECT location_how, count(*) FILTER (WHERE location_name IS NOT NULL OR "
                           "location_country IS NOT NULL OR location_lat IS NOT NULL OR location_start IS NOT NULL) "
                           "FROM event_mentions GROUP BY ALL").fetchall()
    name, country, feature, how, start, end, geonames_id, lat, lon = mention
    assert (name, country, feature) == ("Kharkiv", "UKR", "city") and how in ("sentence", "document")
    assert text[start:end] == "Kharkiv" and geonames_id is not None
    assert 49 < lat < 51 and 35 < lon < 37
    assert event[:2] == ("Kharkiv", "UKR") and event[3:] == ("city", how, geonames_id)
    assert {h for h, _ in hows} <= {"sentence", "document", "none"}
    assert all(filled == 0 for h, filled in hows if h == "none")   # no location: nulls


def test_gdelt_action_geo_of_the_shelling_is_kharkiv_with_fips_codes(store, tmp_path):
    assert cli("export", "--db", store, "--format", "gdelt-events", tmp_path / "ev.tsv").exit_code == 0
    rows = [line.split("\t") for line in (tmp_path / "ev.tsv").read_text().splitlines()]
    with open_db(str(store), read_only=True) as con:
        event_id = _shelling_id(con)
        [(global_id, geonames_id, admin1)] = con.execute(
            "SELECT global_event_id, location_geonames_id, location_admin1 FROM events WHERE event_id = ?",
            [event_id]).fetchall()
    [shelling] = [r for r in rows if r[0] == str(global_id)]
    assert len(shelling) == 61
    geo_type, full_name, country, adm1, adm2, lat, lon, feature_id = shelling[51:59]
    assert geo_type == "4" and country == "UP" and adm2 == ""
    assert full_name.startswith("Kharkiv, ") and full_name.endswith(", Ukraine")
    assert adm1 == "UP" + admin1.split(".")[1]
    assert 49 < float(lat) < 51 and 35 < float(lon) < 37
    assert feature_id == str(geonames_id)
    assert all(r[51] in {"", "1", "2", "3", "4", "5"} for r in rows)

    # the other exports keep ISO3 and add FIPS beside it
    assert cli("export", "--db", store, "--format", "csv", tmp_path / "e.csv").exit_code == 0
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        [row] = [r for r in csv.DictReader(f) if r["event_id"] == event_id]
    assert (row["location_name"], row["location_country"], row["location_fips"]) == ("Kharkiv", "UKR", "UP")
    assert cli("export", "--db", store, "--format", "jsonl", "--table", "places", tmp_path / "p.jsonl").exit_code == 0
    places = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert len(places) == counts(store)["places"]
    assert any(p["doc_id"] == "kh-1" and p["name"] == "Kharkiv" and p["country_fips"] == "UP" for p in places)


def test_action_geo_types_follow_gdelt():
    from redline.store.export import action_geo

    def geo(feature, country=None, fips=None, admin1=None, name="X", region=None, country_name=None,
            lat=1.0, lon=2.0, geonames_id=None):
        return action_geo({"location_feature": feature, "location_country": country, "location_fips": fips,
                           "location_admin1": admin1, "location_name": name, "location_region": region,
                           "location_country_name": country_name, "location_lat": lat, "location_lon": lon,
                           "location_geonames_id": geonames_id, "location_how": "sentence"})

    assert geo("country", "UKR", "UP", name="Ukraine", country_name="Ukraine", geonames_id=690791) == [
        "1", "Ukraine", "UP", "UP", "", "1", "2", "690791"]
    assert geo("admin1", "USA", "US", "US.GA", "Georgia", "Georgia", "United States")[:4] == [
        "2", "Georgia, United States", "US", "USGA"]
    assert geo("city", "USA", "US", "US.GA", "Atlanta", "Georgia", "United States")[:4] == [
        "3", "Atlanta, Georgia, United States", "US", "USGA"]
    assert geo("admin1", "UKR", "UP", "UA.07", "Kharkiv", "Kharkiv", "Ukraine")[0] == "5"
    # curated: in one first-level region, in a country, or in no country at all
    assert geo("region", "UKR", "UP", "UA.14", "Mariupol area", "Donetsk", "Ukraine")[:4] == [
        "5", "Mariupol area, Donetsk, Ukraine", "UP", "UP14"]
    assert geo("region", "UKR", "UP", None, "Donbas", None, "Ukraine")[:4] == ["1", "Donbas, Ukraine", "UP", "UP"]
    assert geo("sea", name="Black Sea", lat=43.0, lon=34.0) == ["4", "Black Sea", "", "", "", "43", "34", ""]
    assert action_geo({"location_feature": None, "location_how": "none"}) == [""] * 8


def test_events_located_by_country_code_or_place_name(store):
    ukraine = _events(store, "--located", "UKR", "--limit", "0")
    assert ("RUSMIL", "UKR", "194") in _dyads(ukraine)
    assert all(e["location_country"] == "UKR" for e in ukraine)
    kharkiv = _events(store, "--located", "kharkiv", "--limit", "0")
    assert ("RUSMIL", "UKR", "194") in _dyads(kharkiv)
    assert all("kharkiv" in ((e["location_name"] or "") + (e["location_region"] or "")).lower() for e in kharkiv)
    assert ("RUSMIL", "UKR", "194") not in _dyads(_events(store, "--located", "FRA", "--limit", "0"))
    assert _events(store, "--located", "x' OR 1=1 --") == []          # a value, never SQL

    result = cli("events", "--db", store, "--dyad", "RUSMIL", "UKR")
    header, row = result.output.strip().splitlines()
    assert header.split()[-1] == "LOCATION" and "Kharkiv (UKR)" in row


def test_a_version_2_store_upgrades_to_3_keeps_its_rows_and_stores_places_after(tmp_path, pipeline_all):
    db = str(tmp_path / "v2.duckdb")
    con = duckdb.connect(db)
    migrate(con, target=2)
    con.execute("INSERT INTO documents (id, seq, fingerprint, text, ingested_at) VALUES (?, ?, ?, ?, now())",
                ["old-doc", 0, "f" * 40, "Russia criticised France."])
    con.execute("INSERT INTO event_mentions (doc_id, event_index, event_id, modality, negated, hypothetical, "
                "source_code, target_code, cameo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ["old-doc", 0, "ev-old", "asserted", False, False, "RUS", "FRA", "111"])
    con.execute("INSERT INTO events (event_id, global_event_id, modality, source_code, target_code, cameo, "
                "num_mentions, num_articles, num_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ["ev-old", 1, "asserted", "RUS", "FRA", "111", 1, 1, 1])
    con.close()
    with open_db(db, read_only=True) as con:
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
        assert versions == list(range(1, SCHEMA_VERSION + 1)) and 3 in versions
        assert con.execute("SELECT doc_id, event_id, cameo, location_name, location_how FROM event_mentions"
                           ).fetchall() == [("old-doc", "ev-old", "111", None, None)]
        assert con.execute("SELECT event_id, location_country FROM events").fetchall() == [("ev-old", None)]
        assert con.execute("SELECT count(*) FROM places").fetchall()[0][0] == 0

    article = tmp_path / "kh.jsonl"
    article.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    assert ingest([str(article)], db, pipeline=pipeline_all).coded == 1
    with open_db(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM places WHERE doc_id = ?", ["kh-1"]).fetchall()[0][0] > 0
        assert con.execute("SELECT location_name FROM events WHERE cameo = ?", ["194"]).fetchall() == [("Kharkiv",)]
        assert con.execute("SELECT count(*) FROM events WHERE event_id = ?", ["ev-old"]).fetchall()[0][0] == 1
    located = _dyads(_events(tmp_path / "v2.duckdb", "--located", "UKR"))
    assert ("RUSMIL", "UKR", "194") in located and ("RUS", "FRA", "111") not in located   # old rows: no location
