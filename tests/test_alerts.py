"""Escalation alerts: the detector on constructed series (flat, gradual rise, spike, a volume surge
without conflict), the daily index, and alerts computed from a store, stored and listed."""
from __future__ import annotations

import datetime as dt
import json
import math
import random

import pytest
from click.testing import CliRunner

from redline.alerts.detect import detect, poisson_tail
from redline.alerts.index import (DayTotals, day_totals, event_score, median_volume, series, timeline,
                                  volume_factor)
from redline.alerts.settings import AlertSettings
from redline.alerts.store import compute_alerts, list_alerts, refresh_alerts, stored_settings
from redline.cli import main
from redline.events.codebook import lookup
from redline.store import open_db
from redline.store.ingest import ingest
from redline.store.rows import DOCUMENT_FIELDS, EVENT_FIELDS, MENTION_FIELDS, insert, to_arrow

# -- the detector on constructed series -----------------------------------------------------------


def _poisson(rng: random.Random, rate: float) -> int:
    limit, k, p = math.exp(-rate), 0, 1.0
    while True:
        p *= rng.random()
        if p < limit:
            return k
        k += 1


def test_flat_series_with_noise_fires_nothing():
    rng = random.Random(7)
    # the index wobbles by +-15% around 24 with the same number of events every day
    values = [24 * rng.uniform(0.85, 1.15) for _ in range(120)]
    assert detect(values, [4] * 120) == []
    # and with the number of events wobbling too (3 to 5 a day, each event 6 +- 15%)
    counts = [rng.choice((3, 4, 5)) for _ in range(120)]
    values = [c * 6 * rng.uniform(0.85, 1.15) for c in counts]
    assert detect(values, counts) == []


def test_flat_series_with_heavy_noise_rarely_fires_and_almost_never_surges():
    """Poisson counts of events of very different severity, as real days are: fifty series of
    120 days; the false alarms stay rare and surges rarer."""
    alerts = surges = judged = 0
    for seed in range(50):
        rng = random.Random(seed)
        counts = [_poisson(rng, 4.0) for _ in range(120)]
        values = [sum(rng.choice((2.0, 4.0, 6.0, 10.0, 20.0)) for _ in range(c)) for c in counts]
        found = detect(values, counts)
        alerts += len(found)
        surges += sum(d.level == "surge" for d in found)
        judged += 120 - AlertSettings().min_history
    assert alerts / judged < 0.02 and surges / judged < 0.005


def test_gradual_rise_over_eight_weeks_never_surges_and_rises_at_most_once_late():
    rng = random.Random(3)
    rates = [4.0] * 28 + [4.0 + 4.0 * i / 55 for i in range(56)]       # four calm weeks, then doubling
    counts = [max(0, round(r + rng.choice((-1, 0, 1)))) for r in rates]
    values = [c * 6 * rng.uniform(0.9, 1.1) for c in counts]
    assert sum(values[-7:]) > 1.8 * sum(values[:7])                      # it did double
    found = detect(values, counts)
    assert not [d for d in found if d.level == "surge"]
    assert len(found) <= 1 and all(d.level == "rising" and d.position >= 56 for d in found)


def test_spike_after_a_calm_baseline_is_a_surge_on_that_day_only():
    rng = random.Random(5)
    counts = [rng.choice((0, 1, 1, 2)) for _ in range(60)]
    values = [c * rng.choice((2.0, 4.0, 6.0)) for c in counts]
    counts[45], values[45] = 9, 120.0
    found = detect(values, counts)
    assert [(d.position, d.level) for d in found] == [(45, "surge")]
    [spike] = found
    assert spike.events == 9 and spike.value == 120.0 and spike.baseline < 10
    assert spike.change > 1.0 and spike.zscore >= 3 and spike.p <= 0.001


def test_one_event_or_two_spats_after_silence_are_not_an_escalation():
    counts, values = [0] * 40 + [1], [0.0] * 40 + [20.0]
    assert detect(values, counts) == []                                  # one event
    counts[-1], values[-1] = 2, 12.0
    assert detect(values, counts) == []                                  # two, after four silent weeks
    counts[-1], values[-1] = 6, 80.0
    assert [(d.level, d.change) for d in detect(values, counts)] == [("surge", None)]   # six attacks


def test_a_day_needs_a_week_of_history():
    assert detect([0.0] * 5 + [80.0], [0] * 5 + [6]) == []
    assert [d.position for d in detect([0.0] * 7 + [80.0], [0] * 7 + [6])] == [7]


def test_thresholds_are_settings():
    counts = [1] * 30 + [8]
    values = [4.0] * 30 + [60.0]
    assert [d.level for d in detect(values, counts)] == ["surge"]
    assert [d.level for d in detect(values, counts, AlertSettings(surge=20.0))] == ["rising"]
    assert detect(values, counts, AlertSettings(rising=20.0, surge=20.0)) == []
    assert detect(values, counts, AlertSettings(min_index=100.0)) == []
    with pytest.raises(ValueError, match="rising <= surge"):
        AlertSettings(rising=2.0, surge=1.0)
    assert AlertSettings.from_json(AlertSettings(z=2.5).to_json()) == AlertSettings(z=2.5)


def test_poisson_tail():
    assert poisson_tail(0, 3.0) == 1.0 and poisson_tail(1, 0.0) == 0.0
    assert poisson_tail(10, 4.0) == pytest.approx(0.008132, abs=1e-6)
    assert poisson_tail(3, 4.0) == pytest.approx(1 - math.exp(-4) * (1 + 4 + 8))
    assert 0 < poisson_tail(700, 500.0) < 1e-15 < poisson_tail(600, 500.0) < 1e-4


# -- the daily index: volume --------------------------------------------------------------------------

def _days(spec: list[tuple[int, int, int]], settings: AlertSettings | None = None):
    """A series from (material conflict events, cooperation events, documents) per day."""
    settings = settings or AlertSettings()
    start = dt.date(2024, 1, 1)
    totals, volume = {}, {}
    for n, (conflict, cooperation, documents) in enumerate(spec):
        day = start + dt.timedelta(days=n)
        totals[day] = day_totals([(4, -10.0, 1)] * conflict + [(2, 7.0, 1)] * cooperation,
                                 settings.material_weight)
        volume[day] = documents
    return series(totals, volume, median_volume(volume), start, start + dt.timedelta(days=len(spec) - 1),
                  settings)


def _alerts(points) -> list[tuple[int, str]]:
    return [(d.position, d.level) for d in detect([p.conflict_index for p in points],
                                                  [p.conflict_events for p in points])]


CALM = [(2 + n % 2, 5, 20) for n in range(40)]        # 2 or 3 attacks, 5 cooperative events, 20 documents


def test_a_volume_surge_without_conflict_is_not_an_escalation():
    points = _days(CALM + [(3, 60, 200)])              # ten times the news, all of it cooperation
    assert _alerts(points) == []
    busy = points[-1]
    assert (busy.material_cooperation, busy.material_conflict, busy.documents) == (60, 3, 200)
    assert busy.conflict_index == pytest.approx(60 / 10)     # three attacks (20 each) on a tenfold day
    assert busy.goldstein_sum == pytest.approx(60 * 7 - 30) and busy.goldstein_mean == pytest.approx(390 / 63)


def test_a_busy_news_day_with_conflict_in_proportion_is_not_an_escalation():
    # four times the news and four times the attacks: the index stays where it was
    points = _days(CALM + [(12, 20, 80)])
    assert points[-1].conflict_index == pytest.approx(60.0) and _alerts(points) == []
    # the same attacks on an ordinary news day are a surge
    assert _alerts(_days(CALM + [(12, 5, 20)])) == [(40, "surge")]


def test_quiet_days_are_not_inflated_and_the_formula_is_the_documented_one():
    assert volume_factor(5, 20.0) == 1.0 and volume_factor(40, 20.0) == 2.0 and volume_factor(0, 0.0) == 1.0
    assert volume_factor(5, 20.0, floor=0.5) == 0.5
    assert event_score(4, -10.0, 1) == 20.0 and event_score(3, -2.0, 3) == 4.0
    assert event_score(2, 7.0, 5) == 0.0 and event_score(3, None, 1) == 0.0
    totals = day_totals([(3, -2.0, 1), (4, -10.0, 7), (1, 1.9, 1), (None, None, 1)])
    assert totals == DayTotals(counts=(1, 0, 1, 1), events=4, goldstein_sum=pytest.approx(-10.1),
                               goldstein_n=3, conflict_events=2, conflict_score=2.0 + 60.0)


# -- alerts from a store ----------------------------------------------------------------------------

START = dt.date(2024, 3, 1)
FLARE = START + dt.timedelta(days=35)
# The flare-up: RUS forces attack UKR (and one UKR statement), with how often each was mentioned.
FLARE_EVENTS = [("194", "RUS", "UKR", 9), ("195", "RUS", "UKR", 12), ("193", "RUS", "UKR", 3),
                ("190", "RUS", "UKR", 5), ("138", "RUS", "UKR", 2), ("112", "UKR", "RUS", 7),
                ("111", "UKR", "RUS", 1), ("194", "RUS", "UKR", 4)]


class _Store:
    def __init__(self):
        self.events, self.mentions, self.documents = [], [], []

    def event(self, day: dt.date, cameo: str, source: str | None, target: str | None, mentions: int = 1,
              modality: str = "asserted", articles: int = 1) -> str:
        entry = lookup(cameo)
        event_id = f"ev{len(self.events):04d}"
        row = {name: None for name, _ in EVENT_FIELDS}
        row.update(event_id=event_id, global_event_id=len(self.events) + 1, modality=modality,
                   first_date=day.isoformat(), source_code=f"{source}MIL" if source else None,
                   source_country=source, target_code=target, target_country=target, cameo=cameo,
                   cameo_root=cameo[:2], cameo_label=entry.label, quad_class=entry.quad_class,
                   goldstein=entry.goldstein, num_mentions=mentions, num_articles=articles, num_sources=1,
                   source_sectors=[], target_sectors=[])
        self.events.append(row)
        mention = {name: None for name, _ in MENTION_FIELDS}
        mention.update(doc_id=f"doc-{day}-0", event_index=len(self.mentions), event_id=event_id,
                       date=day.isoformat(), modality=modality, negated=modality == "negated",
                       hypothetical=modality == "hypothetical", cameo=cameo, source_code=row["source_code"],
                       target_code=target, sentence_text=f"Sentence reporting {event_id} ({entry.label}).",
                       source_sectors=[], target_sectors=[], plover_contexts=[])
        self.mentions.append(mention)
        return event_id

    def document(self, day: dt.date, n: int) -> None:
        row = {name: None for name, _ in DOCUMENT_FIELDS}
        row.update(id=f"doc-{day}-{n}", seq=len(self.documents), fingerprint=f"fp-{day}-{n}",
                   date=day.isoformat(), text=f"An article of {day}, number {n}.", warnings=[],
                   ingested_at=dt.datetime(2024, 5, 1))
        self.documents.append(row)

    def write(self, path) -> None:
        with open_db(str(path)) as con:
            for table, rows in (("documents", self.documents), ("event_mentions", self.mentions),
                                ("events", self.events)):
                insert(con, table, to_arrow(table, rows))
            # a mention's event is set when events are merged; here, by hand
            con.executemany("UPDATE event_mentions SET event_id = ? WHERE doc_id = ? AND event_index = ?",
                            [[m["event_id"], m["doc_id"], m["event_index"]] for m in self.mentions])


@pytest.fixture()
def flare_store(tmp_path):
    """40 days of RUS-UKR: a verbal spat a day and a visit every third day, ten documents a day;
    on FLARE eight more attacks and statements (and a denied and a hypothetical attack, which do not
    count), with twelve documents that day. Around it: a pair with too few events to be watched,
    events within one state, and an event without a target country."""
    s = _Store()
    driving = {}
    for n in range(40):
        day = START + dt.timedelta(days=n)
        for k in range(12 if day == FLARE else 10):
            s.document(day, k)
        spat = s.event(day, "112" if n % 2 else "111", "UKR" if n % 2 else "RUS", "RUS" if n % 2 else "UKR")
        if day == FLARE:
            driving[spat] = 1
        if n % 3 == 0:
            s.event(day, "042", "RUS", "UKR")
    for cameo, source, target, mentions in FLARE_EVENTS:
        driving[s.event(FLARE, cameo, source, target, mentions, articles=mentions)] = mentions
    s.event(FLARE, "194", "UKR", "RUS", 50, modality="negated")
    s.event(FLARE, "195", "RUS", "UKR", 50, modality="hypothetical")
    for _ in range(4):
        s.event(FLARE, "194", "ARM", "AZE", 10)          # only four events: not a watched pair
        s.event(FLARE, "194", "RUS", "RUS", 10)          # within one state
        s.event(FLARE, "194", "RUS", None, 10)           # no target country
    path = tmp_path / "flare.duckdb"
    s.write(path)
    ids = sorted(driving, key=lambda i: (-driving[i], i))       # most mentioned (and reported) first
    return path, ids


def test_compute_alerts_finds_the_flare_up_with_its_driving_events(flare_store):
    path, driving = flare_store
    with open_db(str(path)) as con:
        computed = compute_alerts(con)
        stored = list_alerts(con)
        again = compute_alerts(con)
        rows = con.execute("SELECT count(*) FROM alerts").fetchall()[0][0]
    assert [(a.country_a, a.country_b, a.day, a.level) for a in computed] == [("RUS", "UKR", FLARE.isoformat(),
                                                                                "surge")]
    [alert] = stored
    assert alert.driving_event_ids == driving and alert.events == 9
    # the index is the documented formula: the day's conflict scores over a volume of 12/10
    score = sum(event_score(lookup(c).quad_class, lookup(c).goldstein, m) for c, _, _, m in FLARE_EVENTS) + 2.0
    assert alert.conflict_index == pytest.approx(score / 1.2, abs=1e-5)
    assert alert.baseline == pytest.approx(2.0) and alert.change == pytest.approx(score / 1.2 / 2.0 - 1, abs=1e-5)
    assert alert.created_at is not None
    # recomputing replaces the rows with the same ones, raised when they first were
    assert rows == 1 and [(a.alert_id, a.created_at) for a in again] == [(alert.alert_id, alert.created_at)]


def test_other_thresholds_replace_the_alerts_and_are_kept(flare_store):
    path, _ = flare_store
    with open_db(str(path)) as con:
        assert stored_settings(con) is None
        compute_alerts(con, AlertSettings(surge=1000.0))
        assert [a.level for a in list_alerts(con)] == ["rising"]
        assert stored_settings(con) == AlertSettings(surge=1000.0)
        compute_alerts(con, AlertSettings(min_events=1000))
        assert list_alerts(con) == []


def test_timeline_of_a_dyad(flare_store):
    path, _ = flare_store
    with open_db(str(path), read_only=True) as con:
        days = timeline(con, "ukr", "RUS")
        window = timeline(con, "RUS", "UKR", since=FLARE.isoformat(), until=(FLARE + dt.timedelta(days=1)).isoformat())
        assert timeline(con, "FRA", "DEU") == []
    assert len(days) == 40 and days[0].date == START.isoformat()
    flare = days[35]
    assert flare.date == FLARE.isoformat() and (flare.verbal_conflict, flare.material_conflict) == (4, 5)
    assert flare.documents == 12 and flare.conflict_events == 9 and flare.events == 9
    assert days[0].verbal_cooperation == 1 and days[0].goldstein_sum == pytest.approx(-2.0 + 1.9)
    assert [p.date for p in window] == [FLARE.isoformat(), (FLARE + dt.timedelta(days=1)).isoformat()]
    assert window[0].as_dict()["conflict_index"] == flare.conflict_index


def test_ingest_refreshes_the_alerts_with_the_settings_last_used(flare_store, tmp_path, pipeline_all):
    path, _ = flare_store
    with open_db(str(path)) as con:
        compute_alerts(con, AlertSettings(surge=1000.0))
        con.execute("DELETE FROM alerts")                  # as if the alerts were out of date
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "fr-de", "date": "2024-06-03", "text":
                                "France and Germany signed a trade agreement in Berlin on Monday."}) + "\n")
    ingest([str(news)], str(path), pipeline=pipeline_all)
    with open_db(str(path)) as con:
        assert [(a.day, a.level) for a in list_alerts(con)] == [(FLARE.isoformat(), "rising")]
        assert refresh_alerts(con) is None                  # up to date: nothing stored since
        con.execute("DELETE FROM alerts")
    ingest([str(news)], str(path), pipeline=pipeline_all)  # stores nothing, so recomputes nothing
    with open_db(str(path), read_only=True) as con:
        assert list_alerts(con) == []


# -- redline alerts -----------------------------------------------------------------------------------

def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_redline_alerts_lists_alerts_with_their_driving_events(flare_store, tmp_path):
    path, driving = flare_store
    assert "not been computed" in cli("alerts", "--db", path).output
    recomputed = cli("alerts", "--db", path, "--recompute")
    assert recomputed.exit_code == 0 and "1 alert computed (1 surge, 0 rising)" in recomputed.output

    result = cli("alerts", "--db", path, "--json")
    assert result.exit_code == 0
    [alert] = json.loads(result.stdout)
    assert (alert["country_a"], alert["country_b"], alert["day"], alert["level"]) == ("RUS", "UKR",
                                                                                      FLARE.isoformat(), "surge")
    assert [e["event_id"] for e in alert["driving_events"]] == driving == alert["driving_event_ids"]
    first = alert["driving_events"][0]
    assert first["cameo"] == "195" and first["source_code"] == "RUSMIL" and first["num_mentions"] == 12
    assert first["sentence"] == f"Sentence reporting {first['event_id']} (Employ aerial weapons)."

    table = cli("alerts", "--db", path).output
    assert "surge" in table and "RUS-UKR" in table and "195   RUSMIL -> UKR  Sentence reporting" in table
    assert "and 4 more" in table
    assert len(json.loads(cli("alerts", "--db", path, "--json", "--dyad", "ukr", "rus").stdout)) == 1
    assert json.loads(cli("alerts", "--db", path, "--json", "--dyad", "ARM", "AZE").stdout) == []
    assert json.loads(cli("alerts", "--db", path, "--json", "--level", "rising").stdout) == []
    assert json.loads(cli("alerts", "--db", path, "--json", "--since", "2024-04-06").stdout) == []
    assert "(no alerts)" in cli("alerts", "--db", path, "--until", "2024-04-04").output

    higher = cli("alerts", "--db", path, "--recompute", "--surge", "1000", "--json")
    assert higher.exit_code == 0 and [a["level"] for a in json.loads(higher.stdout)] == ["rising"]
    assert [a["level"] for a in json.loads(cli("alerts", "--db", path, "--json").stdout)] == ["rising"]


def test_redline_alerts_errors(flare_store, tmp_path):
    path, _ = flare_store
    usage = cli("alerts", "--db", path, "--rising", "0.5")
    assert usage.exit_code == 2 and "--recompute" in usage.output
    assert cli("alerts", "--db", path, "--recompute", "--rising", "2", "--surge", "1").exit_code == 2
    assert cli("alerts", "--db", path, "--dyad", "Russia", "UKR").exit_code == 2
    assert cli("alerts", "--db", path, "--since", "last week").exit_code == 2
    missing = tmp_path / "missing.duckdb"
    for args in ((), ("--recompute",)):
        result = cli("alerts", "--db", missing, *args)
        assert result.exit_code == 2 and "[E201]" in result.output
    assert not missing.exists()
