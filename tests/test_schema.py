"""The output schema is a contract: field names of documents and events never change."""
DOC_FIELDS = {"id", "title", "date", "url", "events", "actors", "quotes", "warnings"}
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
