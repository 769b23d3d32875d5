"""Properties of `extract` on generated text: it never fails, every span indexes the text it came
from, and every document validates against the published schema (`redline schema`).

Two kinds of text are generated: any Unicode (every category, control characters, combining
marks, emoji, right-to-left text, lone surrogates, very long tokens, whitespace, newlines and
quotation marks), and news-like text built from actor names, event verbs, places, datelines,
quotations and attributions, so that the actor, event, quote and place stages all do real work
and not only their empty-result path. The examples are derandomized: every run tries the same
ones. The shipped samples are validated too.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from redline.output.schema import schema
from redline.pipeline import Options, shared_pipeline
from redline.records import Document

ROOT = Path(__file__).resolve().parent.parent

# One model for the module (the pipeline cache is shared with conftest's `pipeline_all`):
# hypothesis calls the test body many times and function-scoped fixtures would not be reset.
PIPELINE = shared_pipeline(Options(modality="all"))
VALIDATOR = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())

SURROGATE = re.compile("[\\ud800-\\udfff]")
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


def extract(text: str, date: str | None = None) -> dict:
    doc = next(PIPELINE.process([Document(id="p", text=text, date=date)]))
    # the pipeline turns an exception on one document into an error record: that is a failure here
    assert doc.error is None, doc.error
    # lone surrogates are no characters: each is replaced by U+FFFD, offsets unchanged, with a warning
    assert doc.text == SURROGATE.sub("\ufffd", text)
    assert (doc.text != text) == any(w.startswith("[W005]") for w in doc.warnings)
    out = doc.to_dict()
    check_document(doc.text, out)
    json.dumps(out, ensure_ascii=False).encode("utf-8")      # writable as UTF-8
    return out


def check_document(text: str, out: dict) -> None:
    """The document validates against the schema and its spans index `text`."""
    errors = sorted(VALIDATOR.iter_errors(out), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out     # plain JSON, nothing lost
    if "error" in out:
        return
    for path, span, shown in spans(out):
        start, end = span
        assert 0 <= start <= end <= len(text), (path, span, len(text))
        if shown is not None:
            assert text[start:end] == shown, (path, span, text[start:end], shown)
    places = {tuple(m["span"]) for p in out["places"] for m in p["mentions"]}
    events = out["events"]
    for e in events:
        s, t = e["sentence"]["span"], e["trigger"]["span"]
        assert s[0] <= t[0] and t[1] <= s[1], ("trigger outside its sentence", e["trigger"], e["sentence"])
        if e["location"]["span"] is not None:
            assert tuple(e["location"]["span"]) in places, ("location is not a place mention", e["location"])
    sentences = {}
    for e in events:
        sentences.setdefault(e["sentence"]["index"], e["sentence"])
        assert sentences[e["sentence"]["index"]] == e["sentence"], "one sentence index, two sentences"
    for q in out["quotes"]:
        for i in q["events"]:
            assert i < len(events) and q["span"][0] <= events[i]["trigger"]["span"][0] < q["span"][1]
    for p in out["places"]:
        assert len({tuple(m["span"]) for m in p["mentions"]}) == len(p["mentions"]), p


def spans(obj, path: str = ""):
    """(path, span, the text the record says it covers or None) for every span in the output:
    triggers, sentences, attributions, locations, actor mentions, quotes, speakers, cues, places."""
    if isinstance(obj, dict):
        if isinstance(obj.get("span"), list):
            yield path, obj["span"], obj.get("text")      # a location has a name, not the text
        for k, v in obj.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from spans(v, f"{path}[{i}]")


# -- any Unicode ------------------------------------------------------------------------------
ODD_PIECES = [
    "“", "”", "«", "»", "„", "‘", "’", "'", '"', "``", "''", "’’", "\n", "\n\n", "\r\n", "\r", "\t", " ",
    "\u00a0", "\u2028", "\u2029", "\x85", "\x00", "\x0b", "\x0c", "\x1c", "\x7f", "\u200b", "\u200d", "\ufeff",
    "\u0301", "e\u0301", "\u0338", "👍🏽", "🇺🇦", "👨‍👩‍👧", "\U0001F600", "مرحبا بالعالم", "\u202e", "\u200f", "שלום",
    "\ud800", "\udfff", "\ud83d", "x" * 3000, "Kyiv" * 400, "-" * 500, ".", "...", "—", "–", "(", ")", ":",
    "Russia", "said", "Putin", " the Kremlin said.", "NATO", "KYIV - ",
]

any_char = st.characters(codec=None, categories=None)          # every category, surrogates included
odd_text = st.lists(st.one_of(st.text(any_char, max_size=30), st.sampled_from(ODD_PIECES)),
                    max_size=12).map("".join)


@settings(max_examples=300, **SETTINGS)
@given(st.one_of(st.text(any_char, max_size=200), odd_text, st.text(" \t\n\r\u00a0\u3000", max_size=50)))
def test_any_unicode_text(text):
    extract(text)


# -- news-like text ---------------------------------------------------------------------------
ACTORS = ["Russia", "the Kremlin", "NATO", "Ukraine", "Kyiv", "Moscow", "US President Joe Biden",
          "Vladimir Putin", "Chinese troops", "Israeli forces", "Hamas", "the European Union", "police",
          "protesters", "he", "they", "Iran's foreign minister", "the UN Security Council", "Turkey",
          "Armenia", "Azerbaijan", "the Taliban", "Kremlin spokesman Dmitry Peskov", "Germany", "Taiwan",
          "Beijing", "Washington", "rebels", "gunmen", "Russian-backed separatists", "the Pentagon",
          "Venezuela's foreign minister", "both sides", "the two countries", "Sadik", "Guyana"]
VERBS = ["accused", "warned", "met", "attacked", "shelled", "condemned", "threatened", "rejected", "praised",
         "sanctioned", "invaded", "urged", "criticized", "signed a deal with", "expelled diplomats from",
         "arrested", "killed", "visited", "called on", "pledged aid to", "withdrew troops from",
         "fired missiles at", "deployed troops to", "launched drone strikes on", "blamed", "denied attacking",
         "agreed to talks with", "imposed sanctions on", "demanded that"]
BASE_VERBS = ["accuse", "warn", "meet", "attack", "shell", "condemn", "threaten", "reject", "sanction",
              "invade", "visit", "expel", "impose sanctions on", "send troops to", "withdraw from"]
PLACES = ["Kharkiv", "Donetsk", "the Donbas region", "Geneva", "Gaza", "the Black Sea", "Crimea", "Georgia",
          "the Taiwan Strait", "Nagorno-Karabakh", "Athens, Georgia", "the Sea of Azov", "Kherson",
          "the Donetsk and Luhansk regions", "Vienna", "Polish airspace", "Tbilisi", "Lethem"]
TAILS = ["", " on Tuesday", " over its nuclear programme", " with drones", " in {place}", ", the ministry said",
         ", according to officials", " yesterday", " of shelling {place}", " near the border", " last week",
         " on March 3", " tomorrow", " during talks in {place}", " after a meeting with {actor}"]
SPEAKERS = ["Kremlin spokesman Dmitry Peskov", "he", "she", "a senior US official", "Jake Sullivan, the US "
            "president's national security adviser", "Prof. Dr Giray Sadik, a researcher at SETA think tank",
            "the Kremlin", "NATO Secretary General Jens Stoltenberg", "officials", "Zelensky"]
SAY = ["said", "told reporters", "added", "warned", "claimed", "said on Monday", "insisted"]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("'", "'"), ("``", "''"), ("”", "”"),
         ("“", ""), ("", "”"), ("« ", " »")]
DATELINES = ["", "", "KYIV, March 3 (Reuters) - ", "THE HAGUE -- ", "GENEVA, Switzerland, Sept. 9, 2022 (AP) — ",
             "LETHEM, Guyana, Aug. 3 (Northwire) - ", "MOSCOW – ", "  BEIJING - "]
SEPARATORS = [" ", " ", "\n\n", "\n", "  ", " \n \n"]


FRAMES = [
    "{a} {verb} {b}{tail}",
    "{a} did not {base} {b}{tail}",
    "{a} {modal} {base} {b}{tail}",
    "{a} and {b} met in {place}{tail}",
    "According to {a}, {b} {verb} {c}{tail}",
    "{b} {verb} {c}, according to {a}",
    "a possible {noun} by {a}",
    "{a}'s {noun} in {place} drew criticism from {b}",
    "{a} said {b} must lift its embargo on {c}",
    "{a} accused {b} of {gerund} {place}{tail}",
    "{A} was shot dead in {place}{tail}",
    "a curfew was imposed in {place}",
    "tens of thousands rallied in {place} demanding that {a} {base} {b}",
    "for {a}, {b} {verb} {c}",
    "{a} and {b} accused each other of {gerund} {place}",
    "during their meeting in {place}, {a} and {b} pledged to work together",
    "{a} rejected any intention to {base} {b}",
    "sending troops to {place} is not on the table, {a} said",
    "{a}, which {verb} {b} last year, {verb} {c} again",
    "{a} {verb} {b} and {verb2} {c}",
    "a roadside bomb killed soldiers near {place}",
    "{a} launched air strikes on {place}, killing dozens",
]
NOUNS = ["invasion", "attack", "ceasefire", "summit", "offensive", "sanctions", "talks", "strikes", "protest",
         "blockade", "hunger strike", "deployment of troops towards the borders of {place}"]
GERUNDS = ["shelling", "attacking", "bombing", "blockading", "occupying", "invading"]
MODALS = ["may", "will", "could", "must", "would", "threatened to", "pledged to", "vowed to", "refused to",
          "is expected to", "has to", "should not"]


@st.composite
def clause(draw) -> str:
    pick = lambda options: draw(st.sampled_from(options))  # noqa: E731
    values = dict(a=pick(ACTORS), b=pick(ACTORS), c=pick(ACTORS), verb=pick(VERBS), verb2=pick(VERBS),
                  base=pick(BASE_VERBS), modal=pick(MODALS), place=pick(PLACES), gerund=pick(GERUNDS),
                  A=pick(["Abe", "a journalist", "Sadik", "the ambassador", "Shinzo Abe"]))
    values["noun"] = pick(NOUNS).format(**values)
    values["tail"] = pick(TAILS).format(actor=pick(ACTORS), place=pick(PLACES))
    return pick(FRAMES).format(**values)


def capital(s: str) -> str:
    return s[:1].upper() + s[1:]


@st.composite
def sentence(draw) -> str:
    body = draw(clause())
    kind = draw(st.integers(0, 6))
    speaker, say = draw(st.sampled_from(SPEAKERS)), draw(st.sampled_from(SAY))
    open_, close = draw(st.sampled_from(MARKS))
    if kind == 0:
        return capital(body) + "."
    if kind == 1:           # "“...,” Peskov said."
        return f"{open_}{capital(body)},{close} {speaker} {say}."
    if kind == 2:           # "Peskov said: “...”"
        return f"{capital(speaker)} {say}: {open_}{capital(body)}.{close}"
    if kind == 3:           # reported speech
        return f"{capital(speaker)} {say} that {body}."
    if kind == 4:           # a quotation over two paragraphs, the second reopened
        more = draw(clause())
        return f"{open_}{capital(body)}.\n\n{open_}{capital(more)},{close} {speaker} {say}."
    if kind == 5:           # a quotation inside a quotation
        inner_open, inner_close = draw(st.sampled_from(MARKS))
        return f"{open_}{capital(speaker)} told us {inner_open}{body}{inner_close},{close} {say} {draw(clause())}."
    words = body.split()    # mixed: a phrase in marks inside reported speech
    cut = draw(st.integers(0, len(words)))
    return f"{capital(speaker)} said {' '.join(words[:cut])} {open_}{' '.join(words[cut:])}{close}."


def mutate(draw, text: str) -> str:
    """Now and then the text is damaged as real input is: a word dropped or repeated, noise
    inside a sentence, upper case, marks doubled, spaces turned into line breaks."""
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, max(0, len(words) - 1)))
        how = draw(st.integers(0, 5))
        if how == 0 and len(words) > 1:
            del words[i]
        elif how == 1:
            words.insert(i, words[i])
        elif how == 2:
            words.insert(i, draw(st.one_of(st.sampled_from(ODD_PIECES), st.text(any_char, max_size=4))))
        elif how == 3:
            words[i] = words[i].upper()
        elif how == 4:
            words[i] = words[i] + draw(st.sampled_from(["\n", "\n\n", "  ", "\t"]))
        else:
            words[i] = draw(st.sampled_from(["“", "”", '"', "«", "»", "'", "’"])) + words[i]
    return " ".join(words)


@st.composite
def news(draw) -> str:
    parts = draw(st.lists(sentence(), min_size=1, max_size=6))
    text = draw(st.sampled_from(DATELINES))
    for p in parts:
        text += p + draw(st.sampled_from(SEPARATORS))
    if draw(st.integers(0, 2)) == 0:
        text = mutate(draw, text)
    return text if draw(st.booleans()) else text.rstrip()


doc_dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["2022-02-24", "0001-01-01", "9999-12-31",
                                                                       "yesterday", "2022-13-45", ""]))


NEWS_EXAMPLES = 300


def test_news_like_text():
    """Never fails, spans and schema hold; and the generated news reaches the deep paths (events,
    quotes with speakers, places, event locations), not only the empty result."""
    seen: Counter = Counter()

    @settings(max_examples=NEWS_EXAMPLES, **SETTINGS)
    @given(news(), doc_dates)
    def run(text, date):
        out = extract(text, date)
        seen["examples"] += 1
        seen["events"] += bool(out["events"])
        seen["quotes"] += any(q["speaker"] for q in out["quotes"])
        seen["places"] += bool(out["places"])
        seen["located"] += any(e["location"]["how"] != "none" for e in out["events"])
        seen["attributed"] += any(e["attributed_to"] for e in out["events"])
        seen["negated"] += any(e["negated"] for e in out["events"])
        seen["hypothetical"] += any(e["hypothetical"] for e in out["events"])
        seen["mixed"] += any(q["kind"] == "mixed" for q in out["quotes"])

    run()
    assert seen["examples"] >= NEWS_EXAMPLES * 0.9, seen
    # most examples have events, speakers, places, locations and attributions (three in four when
    # written); some have negated or hypothetical events and mixed quotations (one in five to one
    # in fifteen)
    for what in ("events", "quotes", "places", "located", "attributed"):
        assert seen[what] >= seen["examples"] * 0.5, seen
    for what in ("negated", "hypothetical", "mixed"):
        assert seen[what] >= seen["examples"] * 0.04, seen


# -- relative dates -----------------------------------------------------------------------------
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
expressions = st.one_of(
    st.sampled_from(["today", "yesterday", "tomorrow", "tonight", "on Tuesday", "next Monday", "last Sunday"]),
    st.builds(lambda m, d: f"on {m} {d}", st.sampled_from(MONTH_NAMES), st.integers(0, 32)),
    st.builds(lambda m, d, y: f"{m} {d}, {y:04d}", st.sampled_from(MONTH_NAMES), st.integers(1, 31),
              st.integers(0, 9999)))


@settings(max_examples=300, **SETTINGS)
@given(st.dates(), expressions)
@example(dt.date(2024, 1, 10), "on February 29")      # 2023 has no 29 February
@example(dt.date(1, 1, 1), "on Tuesday")              # no Tuesday before the first day of year 1
@example(dt.date(9999, 12, 31), "tomorrow")
@example(dt.date(1, 1, 5), "on December 3")           # last year's December would be year 0
def test_a_relative_date_resolves_near_its_anchor_or_not_at_all(anchor, expression):
    from redline.events.dates import resolve

    found = resolve(expression, anchor)
    assert found is None or isinstance(found, dt.date)
    if found is not None and not re.search(r"\d{4}", expression):
        assert abs(found.toordinal() - anchor.toordinal()) <= 366, (anchor, expression, found)


# -- a dateline or an indent is nobody's words -------------------------------------------------
def evidence(out: dict, shift: int) -> tuple:
    """What a document says, with offsets taken back by `shift`."""
    def at(span):
        return None if span is None else (span[0] - shift, span[1] - shift)
    events = sorted((e["cameo"], e["source"]["code"], e["target"]["code"], at(e["trigger"]["span"]),
                     e["sentence"]["text"], at(e["sentence"]["span"]), e["negated"], e["hypothetical"],
                     json.dumps(e["attributed_to"] and {**e["attributed_to"], "span": at(e["attributed_to"]["span"])}))
                    for e in out["events"])
    quotes = [(q["text"], at(q["span"]), q["kind"], q["speaker"] and (q["speaker"]["text"], at(q["speaker"]["span"]),
                                                                      q["speaker"]["name"], q["speaker"]["role"]))
              for q in out["quotes"]]
    return events, quotes


@pytest.mark.parametrize("prefix", ["KYIV, March 3 (Reuters) - ", "   "])
@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov said that Russia would not attack Ukraine.",
    "For Russia, the sanctions imposed by the EU are a declaration of war.",
    "According to Ukrainian officials, Russian forces shelled Kharkiv on Tuesday.",
    "“We are ready for talks,” Kremlin spokesman Dmitry Peskov told reporters on Monday.",
])
def test_a_dateline_or_an_indent_changes_no_evidence(prefix, text):
    """The parser sees a dateline as blanks: they must not become the start of a speaker, a
    quotation or a sentence, nor hide the "For X," that opens the first sentence."""
    plain = extract(text, "2022-02-22")
    assert plain["events"] or plain["quotes"]
    assert evidence(extract(prefix + text, "2022-02-22"), len(prefix)) == evidence(plain, 0)


# -- the shipped samples ------------------------------------------------------------------------
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".jsonl"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_validate(path):
    from redline.sources.readers import read_inputs

    docs = list(PIPELINE.process(read_inputs([str(path)])))
    assert docs
    for doc in docs:
        assert doc.error is None, doc.error
        check_document(doc.text, doc.to_dict())
