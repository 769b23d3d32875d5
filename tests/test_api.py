"""`redline serve`'s REST API: every endpoint over a store built from wire articles, pagination,
404s, 422s for bad parameters, values that look like SQL, the OpenAPI document, the command."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import warnings
from datetime import date, timedelta

import duckdb
import pytest
from click.testing import CliRunner

from conftest import build_store
from redline.cli import main
from redline.store import open_db
from redline.store.query import EventFilter, find_events
from redline.web.api import create_app
from test_store import ARTICLES

with warnings.catch_warnings():         # starlette's TestClient would rather have httpx2 than httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# kh-1..3 (test_store) report one shelling of Kharkiv (RUSMIL -> UKR, 194) on 3 May 2022, with
# Ukraine condemning it; kv-1 is another shelling and condemnation nine days later, and a quotation.
KYIV = {"id": "kv-1", "date": "2022-05-12", "url": "https://northwire.example/world/kyiv-strikes",
        "title": "Missiles hit Kyiv",
        "text": "KYIV, May 12 - Russian forces shelled Kyiv on Thursday, the city's mayor said. Ukrainian "
                "President Volodymyr Zelenskiy condemned Russia for the attack. \"We will rebuild every house "
                "and every school,\" Zelenskiy said in a video address. Russia's defence ministry denied that "
                "its forces had targeted civilians."}
CORPUS = ARTICLES + [KYIV]
ROUTES = {"/api/health", "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
          "/api/quotes", "/api/actors", "/api/places", "/api/dyads", "/api/actor-links", "/api/dyads/{a}/{b}/timeline", "/api/timeline",
          "/api/alerts"}
SQL_LIKE = ["' OR '1'='1", "x'; DROP TABLE documents; --", "%' UNION SELECT id FROM documents --", "\") OR 1=1 --"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline_all):
    return build_store(tmp_path_factory.mktemp("api"), CORPUS, pipeline_all)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db)))


def sql(db, query: str, params=()) -> list[tuple]:
    with open_db(str(db), read_only=True) as con:
        return con.execute(query, list(params)).fetchall()


def all_pages(client, url: str, limit: int) -> tuple[list[dict], int]:
    """Every item of a list endpoint, fetched `limit` at a time; and the total announced."""
    items, offset, totals = [], 0, set()
    joiner = "&" if "?" in url else "?"
    while True:
        page = client.get(f"{url}{joiner}limit={limit}&offset={offset}").json()
        assert page["limit"] == limit and page["offset"] == offset and len(page["items"]) <= limit
        totals.add(page["total"])
        items += page["items"]
        if not page["items"]:
            break
        offset += limit
    assert len(totals) == 1 and len(items) == totals.pop()
    return items, len(items)


def ok(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


# -- health, OpenAPI --------------------------------------------------------------------------------

def test_health_reports_the_store(client, db):
    body = ok(client, "/api/health")
    assert body["status"] == "ok" and body["documents"] == len(CORPUS)
    assert body["events"] == sql(db, "SELECT count(*) FROM events")[0][0] > 0


def test_the_openapi_document_lists_every_route_and_the_docs_are_served(client):
    spec = ok(client, "/openapi.json")
    assert set(spec["paths"]) == ROUTES
    assert all("get" in spec["paths"][p] for p in ROUTES)
    assert client.get("/docs").status_code == 200


def test_a_missing_store_is_a_503_with_a_message(tmp_path):
    response = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/documents")
    assert response.status_code == 503 and "no such file" in response.json()["detail"]


def test_an_ingest_waiting_for_the_store_gets_it_while_requests_keep_coming(tmp_path, db):
    """The server keeps the store open across requests, and lets go as soon as a writer waits
    (for no longer than the writer's own 8 s, though requests never stop meanwhile)."""
    store = tmp_path / "busy.duckdb"
    shutil.copy(db, store)
    client = TestClient(create_app(str(store)))
    assert ok(client, "/api/health")["documents"] == len(CORPUS)
    stop = threading.Event()

    def keep_asking():
        while not stop.is_set():
            client.get("/api/events?limit=5")

    asking = threading.Thread(target=keep_asking)
    asking.start()
    try:
        writer = subprocess.run(
            [sys.executable, "-c", "import sys\nfrom redline.store import open_db\n"
             "with open_db(sys.argv[1], wait=8) as con:\n"
             "    con.execute(\"DELETE FROM documents WHERE id = 'kv-1'\")", str(store)],
            capture_output=True, text=True, timeout=60)
    finally:
        stop.set()
        asking.join()
    assert writer.returncode == 0, writer.stderr
    assert ok(client, "/api/health")["documents"] == len(CORPUS) - 1     # the writer's commit is seen


# -- documents --------------------------------------------------------------------------------------

def test_documents_newest_first_paginated_without_text(client):
    items, total = all_pages(client, "/api/documents", 4)
    assert total == len(CORPUS) and len({d["id"] for d in items}) == total
    dates = [d["date"] for d in items]
    assert dates == sorted(dates, reverse=True)
    assert "text" not in items[0] and items[0]["length"] > 0
    kh1 = next(d for d in items if d["id"] == "kh-1")
    assert kh1["title"] == "Russian forces shell Kharkiv" and kh1["url"].startswith("https://northwire.example/")


def test_documents_filtered_by_words_and_days(client):
    kharkiv = ok(client, "/api/documents?text=KHARKIV")
    assert {d["id"] for d in kharkiv["items"]} == {"kh-1", "kh-2", "kh-3"} and kharkiv["total"] == 3
    may = ok(client, "/api/documents?since=2022-05-01&until=2022-05-31")
    assert {d["id"] for d in may["items"]} == {"kh-1", "kh-2", "kh-3", "kv-1"}
    assert {d["id"] for d in ok(client, "/api/documents?until=2022-01-31")["items"]} == {"ml-1"}
    assert ok(client, "/api/documents?text=kharkiv&since=2022-06-01")["items"] == []


def test_a_document_has_its_text_and_every_span_needed_to_highlight_it(client):
    doc = ok(client, "/api/documents/kh-1")
    text = doc["text"]
    assert text == ARTICLES[0]["text"] and doc["date"] == "2022-05-03"
    shelling = next(m for m in doc["mentions"] if m["cameo"] == "194")
    assert (shelling["source_code"], shelling["target_code"]) == ("RUSMIL", "UKR")
    assert text[shelling["trigger_start"]:shelling["trigger_end"]] == shelling["trigger_text"] == "shelled"
    assert text[shelling["sentence_start"]:shelling["sentence_end"]] == shelling["sentence_text"]
    assert text[shelling["location_start"]:shelling["location_end"]] == "Kharkiv"
    assert shelling["location_country"] == "UKR" and shelling["event_id"]
    assert shelling["attributed_to"] is None or isinstance(shelling["attributed_to"], dict)
    assert doc["quotes"] and doc["actors"] and doc["places"]
    for quote in doc["quotes"]:
        assert quote["doc_id"] == "kh-1" and text[quote["span_start"]:quote["span_end"]] == quote["text"]
    for actor in doc["actors"]:
        assert text[actor["span_start"]:actor["span_end"]] == actor["text"]
    for place in doc["places"]:
        assert text[place["span_start"]:place["span_end"]] == place["text"]
    assert any(p["name"] == "Kharkiv" and p["lat"] and p["lon"] for p in doc["places"])


def test_a_missing_document_is_a_404_with_a_message(client):
    response = client.get("/api/documents/no-such-doc")
    assert response.status_code == 404 and "no-such-doc" in response.json()["detail"]


# -- events -----------------------------------------------------------------------------------------

def test_events_oldest_first_paginated_and_asserted_by_default(client, db):
    items, total = all_pages(client, "/api/events", 3)
    assert total == sql(db, "SELECT count(*) FROM events WHERE modality = 'asserted'")[0][0]
    assert {e["modality"] for e in items} == {"asserted"}
    dates = [e["first_date"] for e in items]
    assert dates == sorted(dates)
    assert "mentions" not in items[0]
    negated = ok(client, "/api/events?modality=negated")["items"]
    assert negated and {e["modality"] for e in negated} == {"negated"}
    assert ok(client, "/api/events?modality=all")["total"] == sql(db, "SELECT count(*) FROM events")[0][0]


@pytest.mark.parametrize("query, f", [
    ("dyad=RUSMIL&dyad=UKR", EventFilter(dyad=("RUSMIL", "UKR"))),
    ("actor=UKR", EventFilter(actor="UKR")),
    ("root=19", EventFilter(root="19")),
    ("code=11", EventFilter(code="11")),
    ("quad=3&since=2022-05-01&until=2022-06-30", EventFilter(quad=3, since="2022-05-01", until="2022-06-30")),
    ("plover=assault", EventFilter(plover="assault")),
    ("text=SHELLED", EventFilter(text="SHELLED")),
    ("located=kharkiv", EventFilter(located="kharkiv")),
    ("modality=all&located=UKR", EventFilter(modality="all", located="UKR")),
])
def test_event_filters_are_those_of_redline_events(client, db, query, f):
    with open_db(str(db), read_only=True) as con:
        expected = [e["event_id"] for e in find_events(con, EventFilter(**{**f.__dict__, "limit": None}))]
    body = ok(client, f"/api/events?{query}&limit=1000")
    assert [e["event_id"] for e in body["items"]] == expected and body["total"] == len(expected)
    assert expected                      # each filter finds something here


def test_the_shelling_reported_three_times_is_one_event_with_its_evidence(client):
    found = ok(client, "/api/events?dyad=RUSMIL&dyad=UKR&located=kharkiv&mentions=true")["items"]
    assert len(found) == 1
    shelling = found[0]
    assert shelling["cameo"] == "194" and shelling["num_mentions"] == 3 and shelling["first_date"] == "2022-05-03"
    assert {m["doc_id"] for m in shelling["mentions"]} == {"kh-1", "kh-2", "kh-3"}
    one = ok(client, f"/api/events/{shelling['event_id']}")
    assert one["event_id"] == shelling["event_id"] and one["location_name"] == "Kharkiv"
    assert sorted(m["doc_id"] for m in one["mentions"]) == ["kh-1", "kh-2", "kh-3"]
    assert all(m["trigger_text"] == "shelled" and m["rule"] and m["sentence_text"] for m in one["mentions"])


def test_a_missing_event_is_a_404_with_a_message(client):
    response = client.get("/api/events/0000")
    assert response.status_code == 404 and "0000" in response.json()["detail"]


# -- quotes -----------------------------------------------------------------------------------------

def test_quotes_by_speaker_actor_and_document(client, db):
    _, total = all_pages(client, "/api/quotes", 4)
    assert total == sql(db, "SELECT count(*) FROM quotes")[0][0] > 4
    zelensky = ok(client, "/api/quotes?speaker=zelensk")["items"]
    assert [q["doc_id"] for q in zelensky] == ["kv-1"]
    assert zelensky[0]["text"] == "We will rebuild every house and every school" and zelensky[0]["kind"] == "direct"
    assert zelensky[0]["doc_title"] == "Missiles hit Kyiv" and zelensky[0]["doc_date"] == "2022-05-12"
    ukrainian = ok(client, "/api/quotes?actor=ukr")["items"]
    assert ukrainian and all(q["speaker_code"].startswith("UKR") for q in ukrainian)
    assert any(q["doc_id"] == "kv-1" for q in ukrainian)
    kh1 = ok(client, "/api/quotes?doc_id=kh-1")
    assert kh1["total"] == sql(db, "SELECT count(*) FROM quotes WHERE doc_id = 'kh-1'")[0][0] > 0
    assert {q["doc_id"] for q in kh1["items"]} == {"kh-1"}
    assert [q["quote_index"] for q in kh1["items"]] == sorted(q["quote_index"] for q in kh1["items"])


# -- actors, places ---------------------------------------------------------------------------------

def test_actors_most_active_first_with_their_sides(client, db):
    items, total = all_pages(client, "/api/actors", 5)
    assert len({a["code"] for a in items}) == total
    counts = [a["events"] for a in items]
    assert counts == sorted(counts, reverse=True)
    rusmil = next(a for a in items if a["code"] == "RUSMIL")
    expected = sql(db, "SELECT count(*) FILTER (WHERE source_code = 'RUSMIL'), count(*) FILTER "
                       "(WHERE target_code = 'RUSMIL') FROM events WHERE modality = 'asserted'")[0]
    assert (rusmil["as_source"], rusmil["as_target"]) == expected and rusmil["as_source"] >= 2
    assert rusmil["country"] == "RUS" and rusmil["events"] == sum(expected)
    ukrainian = ok(client, "/api/actors?country=ukr")["items"]
    assert ukrainian and {a["country"] for a in ukrainian} == {"UKR"}
    september = ok(client, "/api/actors?since=2022-09-01")["items"]        # Armenia, Azerbaijan, Russia, the EU
    assert september and "RUSMIL" not in {a["code"] for a in september} and "ARM" in {a["code"] for a in september}


def test_places_by_mentions_and_by_events(client, db):
    items, _ = all_pages(client, "/api/places", 5)
    mentions = [p["mentions"] for p in items]
    assert mentions == sorted(mentions, reverse=True)
    kharkiv = next(p for p in items if p["name"] == "Kharkiv")
    assert kharkiv["country"] == "UKR" and kharkiv["feature"] == "city" and kharkiv["mentions"] == 3
    assert kharkiv["documents"] == 3 and round(kharkiv["lat"]) == 50 and round(kharkiv["lon"]) == 36
    assert kharkiv["events"] == sql(db, "SELECT count(*) FROM events WHERE location_name = 'Kharkiv' "
                                        "AND modality = 'asserted'")[0][0] >= 1
    by_events = ok(client, "/api/places?order=events")["items"]
    assert [p["events"] for p in by_events] == sorted((p["events"] for p in by_events), reverse=True)
    assert by_events[0]["events"] >= 1
    ukraine = ok(client, "/api/places?country=UKR")["items"]
    assert {p["country"] for p in ukraine} == {"UKR"} and {"Kharkiv", "Kyiv"} <= {p["name"] for p in ukraine}
    assert [p["name"] for p in ok(client, "/api/places?name=kyi")["items"]] == ["Kyiv"]


# -- dyads ------------------------------------------------------------------------------------------

def test_dyads_by_volume_and_by_conflict(client, db):
    items, total = all_pages(client, "/api/dyads", 3)
    assert all(d["country_a"] < d["country_b"] and d["pair"] == f"{d['country_a']}-{d['country_b']}"
               for d in items)
    assert len({d["pair"] for d in items}) == total
    top = items[0]
    assert top["pair"] == "RUS-UKR" and top["events"] == top["conflict_events"] == 4
    goldstein = sql(db, "SELECT sum(goldstein) FROM events WHERE modality = 'asserted' AND "
                        "((source_country = 'RUS' AND target_country = 'UKR') OR "
                        "(source_country = 'UKR' AND target_country = 'RUS'))")[0][0]
    assert top["goldstein_sum"] == pytest.approx(goldstein) and top["goldstein_mean"] == pytest.approx(goldstein / 4)
    conflict = ok(client, "/api/dyads?order=conflict")["items"]
    assert conflict[0]["pair"] == "RUS-UKR"
    assert [d["conflict_events"] for d in conflict] == sorted((d["conflict_events"] for d in conflict), reverse=True)
    assert {"ARM-AZE"} <= {d["pair"] for d in items}
    arm = ok(client, "/api/dyads?country=arm")["items"]
    assert arm and all("ARM" in (d["country_a"], d["country_b"]) for d in arm)


def test_actor_links_count_both_directions_of_each_pair_of_actor_codes(client, db):
    items, total = all_pages(client, "/api/actor-links", 3)
    assert all(l["actor_a"] < l["actor_b"] and l["pair"] == f"{l['actor_a']} {l['actor_b']}" for l in items)
    assert len({l["pair"] for l in items}) == total
    expected = sql(db, "SELECT least(source_code, target_code), greatest(source_code, target_code), count(*), "
                       "sum(goldstein) FROM events WHERE modality = 'asserted' AND source_code <> target_code "
                       "GROUP BY 1, 2")
    assert {(a, b): n for a, b, n, _ in expected} == {(l["actor_a"], l["actor_b"]): l["events"] for l in items}
    assert [l["events"] for l in items] == sorted((l["events"] for l in items), reverse=True)
    shelling = next(l for l in items if {l["actor_a"], l["actor_b"]} == {"RUSMIL", "UKR"})
    assert (shelling["country_a"], shelling["country_b"]) == ("RUS", "UKR") and shelling["conflict_events"] >= 1
    russian = ok(client, "/api/actor-links?actor=rus")["items"]
    assert russian and all(l["actor_a"].startswith("RUS") or l["actor_b"].startswith("RUS") for l in russian)
    conflict = ok(client, "/api/actor-links?order=conflict")["items"]
    assert [l["conflict_events"] for l in conflict] == sorted((l["conflict_events"] for l in conflict), reverse=True)


def test_a_dyad_timeline_counts_both_directions_per_day_and_week(client):
    days = ok(client, "/api/dyads/ukr/rus/timeline")
    assert days["total"] == 10                               # 3 May to 12 May, quiet days included
    series = days["items"]
    assert [p["period"] for p in series] == [(date(2022, 5, 3) + timedelta(days=i)).isoformat() for i in range(10)]
    first, last = series[0], series[-1]
    for period in (first, last):        # a shelling (QuadClass 4) and a condemnation (3), each way round
        assert (period["events"], period["quad3"], period["quad4"], period["quad1"], period["quad2"]) == (2, 1, 1, 0, 0)
        assert period["goldstein_sum"] == pytest.approx(-12) and period["goldstein_mean"] == pytest.approx(-6)
    assert all(p["events"] == 0 and p["goldstein_mean"] is None for p in series[1:-1])
    assert ok(client, "/api/dyads/RUS/UKR/timeline") == days

    weeks = ok(client, "/api/dyads/RUS/UKR/timeline?interval=week&since=2022-04-25&until=2022-05-22")
    assert [(p["period"], p["events"]) for p in weeks["items"]] == [
        ("2022-04-25", 0), ("2022-05-02", 2), ("2022-05-09", 2), ("2022-05-16", 0)]
    page = ok(client, "/api/dyads/RUS/UKR/timeline?limit=3&offset=3")
    assert page["total"] == 10 and [p["period"] for p in page["items"]] == ["2022-05-06", "2022-05-07", "2022-05-08"]
    only_kyiv = ok(client, "/api/dyads/RUS/UKR/timeline?since=2022-05-10")
    assert only_kyiv["total"] == 3 and only_kyiv["items"][-1]["events"] == 2
    assert ok(client, "/api/dyads/FRA/JPN/timeline")["items"] == []


def test_the_timeline_counts_all_events_per_day_and_week(client, db):
    days = ok(client, "/api/timeline?limit=1000")
    assert days["total"] == len(days["items"]) > 0
    first, last = sql(db, "SELECT min(left(first_date, 10)), max(left(first_date, 10)) FROM events "
                          "WHERE modality = 'asserted'")[0]
    assert (days["items"][0]["period"], days["items"][-1]["period"]) == (first, last)
    assert sum(p["events"] for p in days["items"]) == sql(db, "SELECT count(*) FROM events WHERE "
                                                              "modality = 'asserted' AND first_date IS NOT NULL")[0][0]
    assert all(p["events"] == p["quad1"] + p["quad2"] + p["quad3"] + p["quad4"] for p in days["items"])
    may = ok(client, "/api/timeline?since=2022-05-03&until=2022-05-03")["items"]
    assert len(may) == 1 and may[0]["events"] >= 2 and may[0]["quad4"] >= 1      # the Kharkiv shelling
    weeks = ok(client, "/api/timeline?interval=week&limit=1000")["items"]
    assert sum(p["events"] for p in weeks) == sum(p["events"] for p in days["items"])
    assert all(date.fromisoformat(p["period"]).weekday() == 0 for p in weeks)
    assert client.get("/api/timeline?interval=month").status_code == 422


# -- alerts -----------------------------------------------------------------------------------------

def _alerts_table(con) -> None:
    """The alerts table as schema migration 4 makes it, when this store has no such table."""
    con.execute("""CREATE TABLE IF NOT EXISTS alerts (alert_id VARCHAR PRIMARY KEY, country_a VARCHAR NOT NULL,
        country_b VARCHAR NOT NULL, day VARCHAR NOT NULL, level VARCHAR NOT NULL, conflict_index DOUBLE,
        baseline DOUBLE, change DOUBLE, zscore DOUBLE, events INTEGER, driving_event_ids VARCHAR[])""")


@pytest.fixture()
def copy(db, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copy(db, path)
    return path


def test_alerts_are_empty_while_the_store_has_no_alerts_table(copy):
    con = duckdb.connect(str(copy))
    con.execute("DROP TABLE IF EXISTS alerts")
    con.close()
    assert ok(TestClient(create_app(str(copy))), "/api/alerts") == {"items": [], "total": 0, "limit": 100,
                                                                     "offset": 0}


def test_alerts_newest_first_filtered_by_dyad_level_and_day(copy):
    con = duckdb.connect(str(copy))
    _alerts_table(con)
    rows = [("a1", "RUS", "UKR", "2022-05-03", "surge", 8.5, 1.0, 7.5, 4.2, 3, ["e1", "e2"]),
            ("a2", "RUS", "UKR", "2022-05-12", "rising", 4.0, 2.0, 2.0, 2.1, 2, ["e3"]),
            ("a3", "CHN", "TWN", "2022-08-05", "surge", 9.0, 0.5, 8.5, 5.0, 2, [])]
    for row in rows:
        con.execute("INSERT INTO alerts (alert_id, country_a, country_b, day, level, conflict_index, baseline, "
                    "change, zscore, events, driving_event_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list(row))
    con.close()
    client = TestClient(create_app(str(copy)))
    items, total = all_pages(client, "/api/alerts", 2)
    assert [a["alert_id"] for a in items] == ["a3", "a2", "a1"] and total == 3
    assert items[2] == {"alert_id": "a1", "country_a": "RUS", "country_b": "UKR", "day": "2022-05-03", "level": "surge",
                        "conflict_index": 8.5, "baseline": 1.0, "change": 7.5, "zscore": 4.2, "events": 3,
                        "driving_event_ids": ["e1", "e2"]}
    assert [a["alert_id"] for a in ok(client, "/api/alerts?dyad=ukr-rus")["items"]] == ["a2", "a1"]
    assert [a["alert_id"] for a in ok(client, "/api/alerts?level=surge")["items"]] == ["a3", "a1"]
    assert [a["alert_id"] for a in ok(client, "/api/alerts?since=2022-05-12&dyad=RUS-UKR")["items"]] == ["a2"]
    assert [a["alert_id"] for a in ok(client, "/api/alerts?until=2022-05-12")["items"]] == ["a2", "a1"]


# -- bad parameters, values that look like SQL --------------------------------------------------------

@pytest.mark.parametrize("url, name", [
    ("/api/dyads/UKRX/RUS/timeline", "a"), ("/api/dyads/UKR/R1S/timeline", "b"), ("/api/dyads/UK/RUS/timeline", "a"),
    ("/api/documents?since=2022-13-01", "since"), ("/api/documents?until=2022-5-3", "until"),
    ("/api/events?since=yesterday", "since"), ("/api/dyads/UKR/RUS/timeline?since=2022-02-30", "since"),
    ("/api/documents?limit=0", "limit"), ("/api/events?limit=1001", "limit"), ("/api/quotes?offset=-1", "offset"),
    ("/api/actors?limit=0", "limit"), ("/api/places?limit=abc", "limit"), ("/api/dyads?limit=0", "limit"),
    ("/api/alerts?limit=0", "limit"), ("/api/actors?country=Ukraine", "country"), ("/api/places?country=U", "country"),
    ("/api/dyads?order=size", "order"), ("/api/places?order=name", "order"),
    ("/api/dyads/UKR/RUS/timeline?interval=month", "interval"), ("/api/events?modality=maybe", "modality"),
    ("/api/events?dyad=RUS", "dyad"), ("/api/events?root=21", "root"), ("/api/events?quad=5", "quad"),
    ("/api/events?code=19;--", "code"), ("/api/alerts?dyad=RUSUKR", "dyad"), ("/api/alerts?dyad=RUS-UK1", "dyad"),
    ("/api/alerts?since=2022-01-32", "since"), ("/api/alerts?level=high", "level"),
    ("/api/actor-links?actor=RUS%27--", "actor"), ("/api/actor-links?order=size", "order"),
])
def test_bad_parameters_are_a_422_naming_them(client, url, name):
    response = client.get(url)
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    assert any(e["loc"][-1] == name and e["msg"] for e in errors)


@pytest.mark.parametrize("value", SQL_LIKE)
def test_values_that_look_like_sql_are_only_values(client, value):
    for url, param in [("/api/documents", "text"), ("/api/events", "text"), ("/api/events", "actor"),
                       ("/api/events", "located"), ("/api/events", "plover"), ("/api/quotes", "speaker"),
                       ("/api/quotes", "actor"), ("/api/quotes", "doc_id"), ("/api/quotes", "text"),
                       ("/api/places", "name")]:
        body = ok(client, url + "?" + _query({param: value}))
        assert body["items"] == [] and body["total"] == 0, (url, param)
    assert client.get("/api/documents/" + _quote(value)).status_code == 404
    assert client.get("/api/events/" + _quote(value)).status_code == 404
    assert ok(client, "/api/health")["documents"] == len(CORPUS)


def _query(params: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


# -- the command ------------------------------------------------------------------------------------

def test_serve_prints_the_url_and_runs_the_app_on_localhost(db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8000" in result.output
    app, kw = calls[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    assert ok(TestClient(app), "/api/health")["documents"] == len(CORPUS)
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"])
    assert "http://0.0.0.0:8123" in result.output and calls[1][1] == {"host": "0.0.0.0", "port": 8123,
                                                                        "log_level": "info"}


def test_serve_refuses_a_missing_store_with_a_message(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such file" in result.output
