"""Acceptance tests of issue 5 ("From news streams to an event database"), on inputs built here.

- A gzipped WARC of 1,000 generated news pages, an RSS feed served by a local HTTP server whose
  items link to pages on the same server (fetched), and a directory of text files ingest into one
  DuckDB store; a second ingest of the same inputs adds no row to any table.
- Five ingests, each a process killed with SIGKILL at a random moment, then one run to the end,
  leave the row counts and content of one clean run.
- Near-duplicate copies of an article (another headline, one paragraph added) are stored as
  duplicates and not coded; one shelling reported by three articles on three sites within a day
  is one event with three articles and three sources.

The articles come from `newsgen` (templates over states, invented leaders, event verbs, places)
and from the stories written there for the dedupe checks. The per-host delay of the fetcher is
turned off for the local server (`--delay 0`; a fetcher with `host_delay=0` in this process).
"""
from __future__ import annotations

import hashlib
import http.server
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgen
from conftest import ROOT
from redline.cli import main
from redline.sources.fetch import USER_AGENT, Fetcher
from redline.store import open_db
from redline.store.ingest import ingest

KILLS = 5


# --- a local news site: the feed and the pages it links to ----------------------------------------

class NewsSite:
    """path -> (content type, body), served by a thread on 127.0.0.1; requests are logged."""

    def __init__(self):
        self.routes: dict[str, tuple[str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []          # (path, User-Agent)
        handler = self._handler()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def _handler(self):
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                content_type, body = site.routes.get(self.path, ("text/plain", b"not found"))
                try:
                    self.send_response(200 if self.path in site.routes else 404)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):   # a killed ingest hung up
                    pass

            def log_message(self, *args):
                pass

        return Handler

    def publish(self, articles: list[newsgen.Article], feed_path: str) -> str:
        """Serve the articles' pages and an RSS feed of them; returns the feed's URL."""
        for a in articles:
            self.routes[a.url[len(self.base):]] = ("text/html; charset=utf-8", newsgen.page_html(a).encode("utf-8"))
        self.routes[feed_path] = ("application/rss+xml; charset=utf-8",
                                  newsgen.rss_feed(articles, title="Meridian Wire: World", link=self.base))
        return self.base + feed_path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def site():
    news = NewsSite()
    try:
        yield news
    finally:
        news.close()


# --- the three inputs ------------------------------------------------------------------------------

@dataclass
class Corpus:
    """The inputs of one ingest and what the readers should find in them."""
    warc: Path
    feed_url: str
    text_dir: Path
    warc_articles: list[newsgen.Article]
    feed_articles: list[newsgen.Article]
    text_articles: dict[Path, newsgen.Article]
    extra: dict = field(default_factory=dict)

    @property
    def inputs(self) -> list[str]:
        return [str(self.warc), self.feed_url, str(self.text_dir)]

    @property
    def documents(self) -> int:
        return len(self.warc_articles) + len(self.feed_articles) + len(self.text_articles)


def _on_web(articles, base=None):
    return [a.with_url(base or f"https://{a.site.domain}") for a in articles]


def build_corpus(folder: Path, site: NewsSite, *, pages: int, feed_items: int, text_files: int,
                 seed: int, name: str) -> Corpus:
    """A WARC of `pages` pages, a feed of `feed_items` entries on the local site and `text_files`
    text files. The hand-written stories are spread over them: the shelling on two WARC pages
    (two sites) and one feed page (the local site); the dock strike in the WARC with one copy
    later in the WARC and one in the feed."""
    folder.mkdir(parents=True)
    shelling_a, shelling_b, shelling_c = newsgen.SHELLING
    specials = {pages // 10: shelling_a, pages // 5: newsgen.HARBOUR_STRIKE, (3 * pages) // 5: shelling_c,
                (9 * pages) // 10: newsgen.HARBOUR_COPIES[0]}
    generated = iter(_on_web(newsgen.generate(pages - len(specials), seed=seed)))
    warc_articles = [specials[n].with_url(f"https://{specials[n].site.domain}") if n in specials else next(generated)
                     for n in range(pages)]
    warc = folder / f"{name}-CC-NEWS-20230331.warc.gz"
    newsgen.write_warc(warc, warc_articles)

    local = f"{site.base}/{name}"          # each corpus has its own pages on the shared server
    feed_articles = _on_web(newsgen.generate(feed_items - 2, seed=seed + 1, start="2023-02-20", days=7), local)
    feed_articles[1:1] = _on_web([shelling_b, newsgen.HARBOUR_COPIES[1]], local)
    feed_url = site.publish(feed_articles, f"/{name}/world/rss.xml")

    text_dir = folder / "wire-archive"
    text_generated = newsgen.generate(text_files, seed=seed + 2, start="2023-01-09", days=40)
    paths = newsgen.write_text_archive(text_dir, text_generated)
    text_articles = dict(zip(paths, text_generated))
    return Corpus(warc, feed_url, text_dir, warc_articles, feed_articles, text_articles)


TIME_TYPES = ("TIMESTAMP", "DATE", "TIME")


def table_names(con) -> list[str]:
    """Every table of the store but the migration log (whose rows are times of the first open)."""
    return sorted(t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main'").fetchall() if t != "schema_version")


def counts(db) -> dict[str, int]:
    with open_db(str(db), read_only=True) as con:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in table_names(con)}


def _comparable_rows(con, table: str, with_times: bool) -> list[tuple]:
    """The table's rows, sorted. Unless `with_times`, the columns that say when something was
    done are left out: time-typed columns (ingested_at) and the time a page was downloaded over
    HTTP (whether there is one is kept; a WARC record's time is part of the data and kept)."""
    columns = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                          "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    selected = []
    for column, kind in columns:
        if not with_times and kind.startswith(TIME_TYPES):
            continue
        if not with_times and table == "documents" and column == "fetched_at":
            selected.append("CASE WHEN origin LIKE 'http%' THEN CAST(fetched_at IS NOT NULL AS VARCHAR) "
                            "ELSE fetched_at END")
            continue
        selected.append(f'"{column}"')
    return con.execute(f'SELECT {", ".join(selected)} FROM "{table}" ORDER BY ALL').fetchall()


def content_hash(db, *, with_times: bool = False) -> str:
    """SHA-256 of the sorted rows of every table (see `_comparable_rows` for what is left out)."""
    digest = hashlib.sha256()
    with open_db(str(db), read_only=True) as con:
        for table in table_names(con):
            rows = _comparable_rows(con, table, with_times)
            digest.update(f"{table}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(repr(row).encode())
    return digest.hexdigest()


def differences(db_a, db_b, show: int = 3) -> str:
    """For a failure message: per table, a few rows only one of the two stores has."""
    lines = []
    with open_db(str(db_a), read_only=True) as a, open_db(str(db_b), read_only=True) as b:
        for table in table_names(a):
            # rows as text: list columns are not hashable
            rows_a, rows_b = ({repr(row) for row in _comparable_rows(con, table, False)} for con in (a, b))
            for label, only in ((Path(db_a).name, rows_a - rows_b), (Path(db_b).name, rows_b - rows_a)):
                lines += [f"{table}: only in {label}: {row[:400]}" for row in sorted(only)[:show]]
    return "\n".join(lines)


# --- 1,000 pages, a feed and a folder into one store ---------------------------------------------

@pytest.fixture(scope="module")
def big(tmp_path_factory, site, pipeline_all):
    folder = tmp_path_factory.mktemp("acceptance")
    corpus = build_corpus(folder / "inputs", site, pages=1000, feed_items=8, text_files=40, seed=2023,
                          name="big")
    db = folder / "store.duckdb"
    started = len(site.requests)
    summary = ingest(corpus.inputs, str(db), pipeline=pipeline_all, fetch=True, fetcher=Fetcher(host_delay=0))
    corpus.extra["requests"] = site.requests[started:]
    return corpus, db, summary


def test_warc_feed_and_text_files_ingest_into_one_store_and_a_second_ingest_adds_nothing(big, site, pipeline_all):
    corpus, db, first = big
    assert len(corpus.warc_articles) == 1000
    assert (first.read, first.errors, first.exact_duplicates, first.near_duplicates) == (corpus.documents, 0, 0, 2)
    assert first.coded == corpus.documents - 2 and first.mentions > corpus.documents // 2
    stored = counts(db)
    assert stored["documents"] == corpus.documents and stored["event_mentions"] == first.mentions
    assert stored["events"] == first.events_in_store and 0 < stored["events"] <= first.mentions
    assert stored["actors"] > 0

    with open_db(str(db), read_only=True) as con:
        docs = {row[0]: row[1:] for row in con.execute(
            'SELECT url, text, title, date, origin, "offset", fetched_at, error, warnings FROM documents '
            "WHERE url IS NOT NULL").fetchall()}
        texts = {origin: (text, date) for origin, text, date in con.execute(
            "SELECT origin, text, date FROM documents WHERE url IS NULL").fetchall()}
        boilerplate = con.execute("SELECT count(*) FROM documents WHERE "
                                  + " OR ".join(["text ILIKE ?"] * len(newsgen.BOILERPLATE)),
                                  [f"%{b}%" for b in newsgen.BOILERPLATE]).fetchall()[0][0]

    # The WARC: every page is a document with its article text, headline, day, URL and offset;
    # requests, images, redirects and 404s are not.
    for a in corpus.warc_articles:
        text, title, date, origin, offset, fetched_at, error, warnings = docs[a.url]
        assert (text, title, date, origin) == (a.body, a.headline, a.date, str(corpus.warc)), a.url
        assert offset > 0 and fetched_at.startswith(a.date) and error is None and warnings == []
    # The feed: each entry's page was downloaded (not the one-sentence summary) with redline's
    # User-Agent; the entry's headline and day are kept.
    for a in corpus.feed_articles:
        text, title, date, origin, offset, fetched_at, error, warnings = docs[a.url]
        assert (text, title, date, origin) == (a.body, a.headline, a.date, corpus.feed_url), a.url
        assert fetched_at is not None and error is None
    fetched = {path for path, agent in corpus.extra["requests"] if agent == USER_AGENT}
    assert fetched >= {a.url[len(site.base):] for a in corpus.feed_articles} | {corpus.feed_url[len(site.base):]}
    # The text files: dated by their names; the image, the hidden file and the JSON index skipped.
    assert set(texts) == {str(p) for p in corpus.text_articles}
    for path, a in corpus.text_articles.items():
        text, date = texts[str(path)]
        assert " ".join(text.split()) == " ".join(a.body.split()) and date == a.date
    assert boilerplate == 0

    before = content_hash(db, with_times=True)
    again = ingest(corpus.inputs, str(db), pipeline=pipeline_all, fetch=True, fetcher=Fetcher(host_delay=0))
    assert (again.read, again.exact_duplicates, again.near_duplicates) == (corpus.documents, corpus.documents, 0)
    assert (again.coded, again.mentions, again.quotes, again.errors) == (0, 0, 0, 0)
    assert counts(db) == stored
    assert content_hash(db, with_times=True) == before


# --- near duplicates and one event from three articles ----------------------------------------------

def test_near_copies_are_not_coded_and_three_reports_of_one_shelling_are_one_event(big):
    corpus, db, _ = big
    strike = newsgen.HARBOUR_STRIKE
    on_the_web = corpus.warc_articles + corpus.feed_articles
    original = strike.with_url(f"https://{strike.site.domain}").url
    copies = [a.url for a in on_the_web if a.paragraphs != strike.paragraphs and a.paragraphs[0] == strike.paragraphs[0]]
    shelling = [a.url for a in on_the_web if "Jermuk" in a.body]
    assert len(copies) == 2 and len(shelling) == 3

    with open_db(str(db), read_only=True) as con:
        def doc(url):
            return con.execute("SELECT id, duplicate_of, num_events, title FROM documents WHERE url = ?",
                               [url]).fetchall()[0]

        def rows_of(table, doc_id):
            return con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchall()[0][0]

        original_id, original_of, original_events, _ = doc(original)
        assert original_of is None and original_events >= 1
        for url in copies:
            copy_id, duplicate_of, num_events, title = doc(url)
            assert duplicate_of == original_id and num_events is None, url
            assert title != newsgen.HARBOUR_STRIKE.headline
            assert [rows_of(t, copy_id) for t in ("event_mentions", "quotes", "actors")] == [0, 0, 0]
        # the original's events are counted once, not once per copy
        assert con.execute("SELECT DISTINCT e.num_articles FROM events e JOIN event_mentions m USING (event_id) "
                           "WHERE m.doc_id = ?", [original_id]).fetchall() == [(1,)]

        ids = [doc(url)[0] for url in shelling]
        mentions = con.execute(
            "SELECT doc_id, event_id, source_code, target_code, cameo FROM event_mentions "
            f"WHERE doc_id IN (?, ?, ?) AND trigger_text = 'shelled'", ids).fetchall()
        assert sorted(m[0] for m in mentions) == sorted(ids)
        [(event_id, source, target, cameo)] = {m[1:] for m in mentions}
        [row] = con.execute("SELECT first_date, num_mentions, num_articles, num_sources, cameo_root FROM events "
                            "WHERE source_code = ? AND target_code = ? AND cameo = ?",
                            [source, target, cameo]).fetchall()
    assert source.startswith("AZE") and target.startswith("ARM") and cameo.startswith("19")
    assert row == ("2023-03-14", 3, 3, 3, "19")

    # and `redline events` shows it as one event with its three mentions
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--dyad", "AZE", "ARM", "--json"])
    assert result.exit_code == 0, result.output
    [event] = [e for e in json.loads(result.output) if e["event_id"] == event_id]
    assert (event["num_articles"], event["num_sources"]) == (3, 3)
    assert sorted(m["doc_id"] for m in event["mentions"]) == sorted(ids)


# --- killed five times, then finished -------------------------------------------------------------------

def _run(corpus: Corpus, db: Path, batch_size: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "redline.cli", "ingest", *corpus.inputs, "--db", str(db),
                             "--fetch", "--delay", "0", "--batch-size", str(batch_size), "-v"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _kill_at_random(corpus: Corpus, db: Path, rng: random.Random) -> str:
    """Start an ingest and SIGKILL it at a random moment after its k-th stored batch (k random):
    a batch takes about 0.1-0.2 s to code, write, commit and close, so the delay lands anywhere in
    the next one. At most 8 documents get stored per run, so five runs never finish the corpus."""
    batch_size, batches, delay = rng.choice([1, 2]), rng.randint(1, 3), rng.uniform(0.0, 0.15)
    plan = f"batch size {batch_size}, killed {delay:.3f} s after batch {batches}"
    proc = _run(corpus, db, batch_size)
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            found = re.search(r"batch (\d+) stored", line)
            if found and int(found.group(1)) >= batches:
                break
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, f"{plan}: the ingest ended by itself:\n{''.join(seen)}"
    return plan


def test_five_ingests_killed_with_sigkill_then_one_to_the_end_equal_one_clean_run(tmp_path, site, pipeline_all):
    seed = int(os.environ.get("REDLINE_KILL_SEED", random.SystemRandom().randrange(1 << 32)))
    print(f"SIGKILL moments seed: {seed} (replay with REDLINE_KILL_SEED={seed})")
    rng = random.Random(seed)
    corpus = build_corpus(tmp_path / "inputs", site, pages=16, feed_items=6, text_files=20, seed=5,
                          name="kill")
    # a text file with a WARC page's text, so resuming also meets an exact copy
    copy = corpus.warc_articles[-1]
    (corpus.text_dir / "copies").mkdir()
    (corpus.text_dir / "copies" / f"{copy.date}-copy.txt").write_text("\n\n".join(copy.paragraphs), encoding="utf-8")

    clean = tmp_path / "clean.duckdb"
    summary = ingest(corpus.inputs, str(clean), pipeline=pipeline_all, fetch=True, fetcher=Fetcher(host_delay=0))
    assert (summary.errors, summary.exact_duplicates, summary.near_duplicates) == (0, 1, 2)
    clean_counts = counts(clean)

    resumed = tmp_path / "resumed.duckdb"
    plans = []
    for _ in range(KILLS):
        plans.append(_kill_at_random(corpus, resumed, rng))
        stored = counts(resumed)["documents"]
        print(f"  {plans[-1]}: {stored} of {clean_counts['documents']} documents stored")
        assert stored < clean_counts["documents"], (seed, plans)
    finished = _run(corpus, resumed, 32)
    _, errors = finished.communicate(timeout=120)
    assert finished.returncode == 0, errors

    replay = f"seed {seed}: {plans}; last run: {errors.strip().splitlines()[-1]}"
    assert counts(resumed) == clean_counts, f"{replay}\n{differences(clean, resumed)}"
    assert content_hash(resumed) == content_hash(clean), f"{replay}\n{differences(clean, resumed)}"
