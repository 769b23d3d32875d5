"""The output schema is a contract: field names of documents and events never change, and every
document validates against the published JSON Schema (`redline schema`)."""
import copy
import csv
import json
import re
import subprocess
import tomllib
from fnmatch import fnmatch

import jsonschema
import pytest

from conftest import ROOT, redline_bin

DOC_FIELDS = {"id", "title", "date", "url", "events", "actors", "quotes", "places", "warnings"}
QUOTE_FIELDS = {"text", "span", "kind", "speaker", "cue", "sentence_index", "events", "confidence"}
SPEAKER_FIELDS = {"text", "span", "name", "role", "organization", "actor"}
EVENT_FIELDS = {"source", "target", "cameo", "cameo_root", "cameo_label", "plover", "plover_mode",
                "plover_contexts", "goldstein", "quad_class", "negated", "hypothetical", "attributed_to",
                "trigger", "sentence", "rule", "confidence", "date"}
ACTOR_FIELDS = {"text", "code", "country", "igo", "sectors", "name"}


def test_document_and_event_fields(code):
    text = "On Monday, the Kremlin accused Ukraine of shelling Donetsk."
    doc = code(text, "2022-02-22").to_dict()
    assert DOC_FIELDS <= set(doc)
    assert doc["events"], doc
    ev = doc["events"][0]
    assert EVENT_FIELDS <= set(ev)
    assert set(ev["source"]) == ACTOR_FIELDS and set(ev["target"]) == ACTOR_FIELDS
    start, end = ev["trigger"]["span"]
    assert text[start:end] == ev["trigger"]["text"]
    s, e = ev["sentence"]["span"]
    assert text[s:e] == ev["sentence"]["text"]
    assert ev["sentence"]["index"] == 0 and ev["rule"] and 0 < ev["confidence"] <= 1
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            a, b = m["span"]
            assert text[a:b] == m["text"]


def test_empty_document_has_no_events_and_a_warning(code):
    from redline.records import Document
    from redline.sources.checks import check_document
    doc = check_document(Document(id="e", text="  "))
    assert doc.warnings


def test_quote_fields_and_spans(code):
    text = "“We are ready for talks,” Kremlin spokesman Dmitry Peskov told reporters on Monday."
    doc = code(text, "2022-01-10").to_dict()
    [q] = doc["quotes"]
    assert set(q) == QUOTE_FIELDS and set(q["speaker"]) == SPEAKER_FIELDS
    a, b = q["span"]
    assert text[a:b] == q["text"]
    a, b = q["speaker"]["span"]
    assert text[a:b] == q["speaker"]["text"]
    a, b = q["cue"]["span"]
    assert text[a:b] == q["cue"]["text"] == "told"


# -- the published JSON Schema ------------------------------------------------------------------
def validator():
    from redline.output.schema import schema

    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def test_the_schema_is_a_valid_draft_2020_12_schema_and_ships_in_the_package():
    from importlib.resources import files

    from redline.output.schema import SCHEMA_FILE, schema

    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert files("redline.output").joinpath(SCHEMA_FILE).is_file()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert any(fnmatch(f"output/{SCHEMA_FILE}", pattern) for pattern in package_data["redline"])


def test_redline_schema_prints_the_schema():
    from redline.output.schema import schema

    p = subprocess.run([redline_bin(), "schema"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == schema()


def test_the_schema_enums_are_the_codebooks_values():
    """The enums are written out in the schema for its readers; they must be the data's values."""
    import yaml

    from redline.events.codebook import codebook
    from redline.places.gazetteer import CURATED_FEATURES
    from redline.output.schema import schema

    defs = schema()["$defs"]
    rows = list(csv.DictReader((ROOT / "src/redline/data/cameo.tsv").open(encoding="utf-8"), delimiter="\t"))
    plover = yaml.safe_load((ROOT / "src/redline/data/plover.yaml").read_text(encoding="utf-8"))
    assert set(defs["ploverType"]["enum"]) == {r["plover"] or None for r in rows}
    modes = {r["plover_mode"] for r in rows if r["plover_mode"]} | {m for ms in plover["modes"].values() for m in ms}
    assert set(defs["ploverMode"]["enum"]) == modes | {None}
    contexts = ({c for r in rows for c in r["plover_contexts"].split(",") if c} | set(plover["contexts"])
                | {c for cs in plover["sector_contexts"].values() for c in cs})
    assert set(defs["ploverContext"]["enum"]) == contexts
    event = defs["event"]["properties"]
    assert set(event["cameo_root"]["enum"]) == {c.root for c in codebook().values()}
    assert all(re.match(event["cameo"]["pattern"], code) for code in codebook())
    assert {c.quad_class for c in codebook().values()} == set(event["quad_class"]["enum"])
    assert all(-10 <= c.goldstein <= 10 for c in codebook().values())
    assert set(defs["feature"]["enum"]) == {"country", "admin1", "city"} | CURATED_FEATURES
    sectors = yaml.safe_load((ROOT / "src/redline/data/sectors.yaml").read_text(encoding="utf-8"))
    assert all(re.match(defs["sectors"]["items"]["pattern"], code) for code in sectors)


def readme_example() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Output schema"):]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))


def test_the_readme_example_validates():
    errors = [e.message for e in validator().iter_errors(readme_example())]
    assert not errors, errors


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(extra=1), "a field the schema does not know"),
    (lambda d: d["events"][0].update(quad_class=5), "quad_class 1-4"),
    (lambda d: d["events"][0].update(cameo_root=13), "cameo_root is a string"),
    (lambda d: d["events"][0].update(plover="INVADE"), "PLOVER types"),
    (lambda d: d["events"][0]["trigger"].update(span=[23]), "a span is two offsets"),
    (lambda d: d["events"][0]["location"].update(name="Kyiv"), "how: none has no place"),
    (lambda d: d["quotes"][0].update(kind="paraphrase"), "quote kinds"),
    (lambda d: d["quotes"][0]["speaker"].pop("role"), "every field is present"),
    (lambda d: d["places"][0].update(feature="town"), "place features"),
    (lambda d: d["actors"][0]["mentions"].clear(), "an actor is mentioned"),
    (lambda d: d.pop("places"), "places are part of a document"),
])
def test_the_schema_rejects_what_redline_does_not_write(change, where):
    doc = copy.deepcopy(readme_example())
    change(doc)
    assert not validator().is_valid(doc), where


def test_an_error_document_validates_and_nothing_else_rides_along():
    assert validator().is_valid({"id": "a.jsonl:2", "error": "[E101] a.jsonl:2: line is not valid JSON (x)"})
    assert not validator().is_valid({"id": "a.jsonl:2", "error": "x", "events": []})


def test_extract_output_validates_even_with_lone_surrogates(tmp_path):
    """JSON may escape lone surrogates ("\\ud800"), which are no characters: spaCy cannot read
    them and stdout cannot write them. They are replaced (W005) and the run goes on."""
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "s", "title": "Talks \ud83d", "text": "“We are ready \ud800 for talks,” Kremlin "
                    "spokesman Dmitry Peskov told reporters.", "date": "2022-01-10"}),
        json.dumps({"id": "k", "text": "KYIV, March 3 (Reuters) - Kremlin spokesman Dmitry Peskov said that "
                    "Russia accused Ukraine of shelling Donetsk on Tuesday.", "date": "0001-01-01"}),
        "{broken",
    ]) + "\n", encoding="utf-8")
    p = subprocess.run([redline_bin(), "extract", "--format", "jsonl", str(corpus)], capture_output=True,
                       cwd=ROOT, timeout=300)
    assert p.returncode == 1       # the broken line
    lines = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["s", "k", f"{corpus}:3"]
    v = validator()
    for doc in lines:
        assert not [e.message for e in v.iter_errors(doc)], doc
    surrogates, dateline = lines[0], lines[1]
    assert surrogates["title"] == "Talks \ufffd" and any("[W005]" in w for w in surrogates["warnings"])
    assert surrogates["quotes"][0]["text"] == "We are ready \ufffd for talks"
    # the dateline is nobody's phrase: the speaker and the sentence start after it
    assert dateline["quotes"][0]["speaker"]["text"] == "Kremlin spokesman Dmitry Peskov"
    assert dateline["quotes"][0]["speaker"]["role"] == "Kremlin spokesman"
    assert dateline["events"][0]["sentence"]["text"].startswith("Kremlin spokesman Dmitry Peskov said")


def test_the_schema_requires_every_field_of_the_contract():
    from redline.output.schema import schema

    defs = schema()["$defs"]
    assert set(defs["codedDocument"]["required"]) == DOC_FIELDS
    assert set(defs["event"]["required"]) == EVENT_FIELDS | {"location"}
    assert set(defs["quote"]["required"]) == QUOTE_FIELDS
    assert set(defs["speaker"]["required"]) == SPEAKER_FIELDS
    assert set(defs["actor"]["required"]) == ACTOR_FIELDS
