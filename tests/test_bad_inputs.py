"""A corpus of bad inputs, built here in tmp_path, and what redline does with each of them.

Most bad inputs sit in one directory among good ones, read by one `redline extract` and one
`redline ingest` (the model loads once per run, so there are few runs). For every bad input the
run must not crash or hang, must name it on stderr with a stable code and the reason, and must
still code (and store) the good inputs around it; a second ingest adds nothing. Very long
tokens (a 150,000-character word, long URLs) have a run of their own, and what needs no
model (encodings, the language check, stdin) is tested on the readers directly.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from warcio.warcwriter import WARCWriter

from conftest import ROOT, redline_bin
from redline.sources.checks import shown_name
from redline.sources.encoding import binary_reason, decode, sniff
from redline.sources.language import not_english
from redline.sources.readers import read_inputs

MAX_CHARS = 20_000      # the corpus runs cut long texts here, so the 20 MB line costs seconds

# Original sentences, each coded with at least one event.
EVENTS = {
    "good": "Russian troops shelled the Ukrainian town of Izium on Tuesday, local officials said.",
    "folder": "Turkish forces shelled Kurdish positions in northern Syria on Monday.",
    "deeper": "Poland expelled three Belarusian diplomats on Thursday.",
    "utf16-bom": "The Japanese government protested to China over the new survey ships.",
    "utf16-le": "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo.",
    "utf16-be": "Serbian police arrested two Kosovo officials near the border on Friday.",
    "utf16-jsonl": "Germany pledged new air defence systems to Ukraine, the chancellor said.",
    "latin1": "India accused Pakistan of shelling villages along the Line of Control.",
    "names": ("Ukrainian Foreign Minister Dmytro Kuleba met Saudi Prince Faisal bin Farhan Al Saud and "
              "Russian deputy foreign minister Mikhail Bogdanov in Riyadh on Tuesday."),
    "rec-1": "Israeli aircraft struck Hamas positions in Gaza overnight, the army said.",
    "rec-types": "Vietnam protested Chinese drilling in the South China Sea.",
    "rec-controls": "Sweden condemned the attack on its embassy in Baghdad.",
    "rec-2": "Venezuela recalled its ambassador from Colombia on Wednesday.",
    "feed": "Azerbaijani forces shelled Armenian border villages overnight, the ministry said.",
    "warc-1": "Nigeria and Ghana signed a trade agreement in Abuja on Monday.",
    "warc-gz-1": "Georgia accused Russian troops of moving the boundary fences near Tbilisi.",
    "odd-name": "Greek coast guard vessels fired warning shots at a Turkish fishing boat.",
    "long-line": "Morocco and Algeria exchanged accusations over the closed border. ",
    "long-word": "Australia criticized China over the detention of its citizens.",
    "utf16-html": "Indonesia summoned the Malaysian ambassador over the border dispute.",
    "utf16-feed": "Chile and Peru agreed to resume talks on fishing rights.",
    "latin1-alone": "Cuban officials criticized the United States over the new travel rules.",
}

FOREIGN = {
    "fr": ("Les ministres des deux pays se sont réunis mardi à Genève pour discuter de la sécurité "
           "régionale. Selon un porte-parole, les discussions ont été longues mais utiles.", "looks French"),
    "es": ("Los ministros de ambos países se reunieron el martes en Ginebra para hablar sobre la "
           "seguridad regional. Según un portavoz, las conversaciones fueron largas pero útiles.",
           "looks Spanish"),
    "de": ("Die Minister beider Länder haben sich am Dienstag in Genf getroffen, um über die regionale "
           "Sicherheit zu sprechen. Nach Angaben eines Sprechers waren die Gespräche lang, aber nützlich.",
           "looks German"),
    "ru": ("Министры двух стран встретились во вторник в Женеве, чтобы обсудить региональную "
           "безопасность. По словам представителя, переговоры были долгими, но полезными.",
           "Cyrillic script"),
    "zh": ("两国部长周二在日内瓦会面，讨论地区安全问题。一位发言人说，会谈时间很长，但很有成效。",
           "Han (Chinese characters) script"),
    "ar": ("التقى وزيرا البلدين يوم الثلاثاء في جنيف لمناقشة الأمن الإقليمي. وقال متحدث إن المحادثات "
           "كانت طويلة لكنها مفيدة.", "Arabic script"),
}

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


@dataclass
class Expected:
    """A message the run must print: its code, the input (path, path:line) and a part of its reason."""
    code: str
    where: str
    reason: str

    def found_in(self, line: str) -> bool:
        return f"[{self.code}] {self.where}: " in line and self.reason in line


@dataclass
class Corpus:
    folder: Path
    inputs: list[str] = field(default_factory=list)          # what the runs are given
    messages: list[Expected] = field(default_factory=list)
    coded: dict[str, str] = field(default_factory=dict)      # document id -> key in EVENTS
    kept: list[str] = field(default_factory=list)            # ids that must be output without error

    def expect(self, code: str, where: Path | str, reason: str) -> None:
        self.messages.append(Expected(code, str(where), reason))

    @property
    def errors(self) -> list[Expected]:
        return [m for m in self.messages if m.code.startswith("E")]


def write_warc(path: Path, texts: list[str], *, gz: bool) -> list[int]:
    """Resource records of plain text; returns where each record starts."""
    offsets = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for i, text in enumerate(texts):
            offsets.append(f.tell())
            record = writer.create_warc_record(
                f"https://archive.example.org/{path.name}/{i}", "resource", payload=io.BytesIO(text.encode()),
                warc_content_type="text/plain", warc_headers_dict={"WARC-Date": "2023-05-10T08:00:00Z"})
            writer.write_record(record)
    return offsets


def build_corpus(base: Path) -> Corpus:
    d = base / "corpus"
    d.mkdir()
    c = Corpus(d)
    rng = random.Random(7)

    def text_file(name: str, key: str, data: bytes | None = None) -> Path:
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if data is not None else EVENTS[key].encode())
        c.coded[str(path)] = key
        return path

    # good inputs, some in places a walker must find once and only once
    text_file("good.txt", "good")
    text_file("folder.txt/inside.txt", "folder")           # a directory named like a text file
    text_file("sub/deeper.txt", "deeper")
    os.symlink("..", d / "sub" / "up")                     # a link to the parent: a loop
    os.symlink(".", d / "sub" / "self")                    # a link to itself
    os.symlink(d / "sub", d / "sub-again")                 # a second way into sub/
    os.symlink(d / "good.txt", d / "sub" / "same.txt")     # a second name for good.txt
    text_file("names.txt", "names")                        # English crowded with foreign names
    (d / "headline.txt").write_text("Russia shells Kharkiv as talks stall")
    c.kept.append(str(d / "headline.txt"))
    odd = text_file(os.fsdecode(b"caf\xe9-report.txt"), "odd-name")    # a file name that is not UTF-8
    c.coded[str(d / "caf\ufffd-report.txt")] = c.coded.pop(str(odd))

    # encodings: UTF-16 with and without a byte order mark, invalid UTF-8
    text_file("utf16-bom.txt", "utf16-bom", EVENTS["utf16-bom"].encode("utf-16"))
    text_file("utf16-le.txt", "utf16-le", EVENTS["utf16-le"].encode("utf-16-le"))
    text_file("utf16-be.txt", "utf16-be", EVENTS["utf16-be"].encode("utf-16-be"))
    (d / "utf16.jsonl").write_bytes(
        (json.dumps({"id": "utf16-record", "text": EVENTS["utf16-jsonl"]}) + "\n").encode("utf-16"))
    c.coded["utf16-record"] = "utf16-jsonl"
    page = (f"<html><head><title>Border row</title></head><body><article><h1>Border row</h1>"
            f"<p>{EVENTS['utf16-html']}</p><p>The ministry said the two sides would meet again next month "
            f"to settle the matter.</p></article></body></html>")
    text_file("utf16.html", "utf16-html", page.encode("utf-16-le"))
    (d / "utf16.rss").write_bytes(      # no XML declaration to name the encoding, only the mark
        (f'<rss version="2.0"><channel><title>Wire</title><item><title>Fishing</title>'
         f'<link>https://wire.example.org/utf16</link><description>{EVENTS["utf16-feed"]}</description>'
         f'</item></channel></rss>').encode("utf-16"))
    c.coded["https://wire.example.org/utf16"] = "utf16-feed"
    latin1 = text_file("latin1.txt", "latin1", (EVENTS["latin1"] + " Caf\xe9 owners fled.").encode("latin-1"))
    c.expect("W002", latin1, "not valid UTF-8")

    # empty files and pages with nothing to code
    (d / "empty.txt").write_bytes(b"")
    c.expect("W001", d / "empty.txt", "empty text")
    (d / "empty.jsonl").write_bytes(b"")
    c.expect("E207", d / "empty.jsonl", "no JSON lines")
    (d / "empty.warc").write_bytes(b"")
    c.expect("E207", d / "empty.warc", "no WARC records")
    (d / "empty.xml").write_bytes(b"")
    c.expect("E202", d / "empty.xml", "not an RSS/Atom feed")
    (d / "scripts.html").write_text("<html><head><script>var x = 1;</script></head><body>"
                                    "<script>document.write('hello')</script><style>p {}</style></body></html>")
    c.expect("W001", d / "scripts.html", "empty text")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>" + EVENTS["good"] + "</p>"
                                 + "</div>" * 10_000 + "</body></html>")
    c.expect("W008", d / "deep.html", "nested more than 255 elements deep")
    c.expect("W001", d / "deep.html", "empty text")

    # binary data with text names
    (d / "image.txt").write_bytes(PNG_HEADER + rng.randbytes(3000))
    c.expect("E205", d / "image.txt", "looks like binary data")
    (d / "noise.txt").write_bytes(rng.randbytes(5000))
    c.expect("E205", d / "noise.txt", "looks like binary data")
    (d / "image.jsonl").write_bytes(PNG_HEADER + rng.randbytes(3000))
    c.expect("E205", d / "image.jsonl", "looks like binary data")

    # huge texts: a 20 MB line, 100,000 tiny paragraphs
    line = EVENTS["long-line"] * (20_000_000 // len(EVENTS["long-line"]) + 1)
    text_file("long-line.txt", "long-line", line.encode()[:20_000_000])
    c.expect("W004", d / "long-line.txt", f"longer than {MAX_CHARS} characters")
    (d / "paragraphs.txt").write_text("The talks resumed.\n\n" * 100_000)
    c.expect("W004", d / "paragraphs.txt", f"longer than {MAX_CHARS} characters")
    c.kept.append(str(d / "paragraphs.txt"))

    # JSONL: good records among malformed, truncated and wrongly typed ones
    records = d / "records.jsonl"
    lines = [
        json.dumps({"id": "rec-1", "text": EVENTS["rec-1"], "date": "2023-05-10"}),
        '{"id": "rec-broken", "text": "no closing brace"',
        json.dumps({"id": "rec-number", "text": 42}),
        json.dumps({"id": "rec-list", "text": ["Russia", "Ukraine"]}),
        json.dumps(["an", "array", "is", "no", "record"]),
        json.dumps("a string is no record"),
        json.dumps({"id": "rec-null", "text": None}),
        json.dumps({"id": "rec-no-text", "body": EVENTS["good"]}),
        '{"id": "rec-deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": {"not": "an id"}, "text": EVENTS["rec-types"], "title": {"a": 1}, "url": ["x"],
                    "date": 20230510}),
        # JSON escapes for control characters and a lone surrogate
        json.dumps({"id": "rec-controls", "title": "Bad \ud800 title",
                    "text": "\u0007" + EVENTS["rec-controls"] + " \u001b[31mRed\u001b[0m \u0000 \udfff"}),
        json.dumps({"id": "rec-2", "text": EVENTS["rec-2"]}),
        '{"id": "rec-cut", "text": "Truncated in the mid',
    ]
    records.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    c.coded.update({"rec-1": "rec-1", f"{records}:10": "rec-types", "rec-controls": "rec-controls",
                    "rec-2": "rec-2"})
    c.expect("E101", f"{records}:2", "line is not valid JSON")
    c.expect("E103", f"{records}:3", "got number")
    c.expect("E103", f"{records}:4", "got array")
    c.expect("E104", f"{records}:5", "not a JSON object")
    c.expect("E104", f"{records}:6", "not a JSON object")
    c.expect("E103", f"{records}:7", "got null")
    c.expect("E102", f"{records}:8", "no 'text' field")
    c.expect("E101", f"{records}:9", "nested too deeply")
    for name, kind in (("id", "object"), ("title", "object"), ("url", "array"), ("date", "number")):
        c.expect("W007", f"{records}:10", f"field '{name}' must be a string, got {kind}")
    c.expect("W005", f"{records}:11", "lone surrogates")
    c.expect("W006", f"{records}:11", "control characters")
    c.expect("E101", f"{records}:13", "line is not valid JSON")

    # truncated gzip, truncated WARC and WARC.gz, feeds that are not (good) XML
    data = gzip.compress((EVENTS["good"] + "\n").encode() * 2000)
    (d / "cut.txt.gz").write_bytes(data[:len(data) // 2])
    c.expect("E202", d / "cut.txt.gz", "truncated or corrupt gzip")
    many = [json.dumps({"id": f"gz-{i}", "text": f"Delegates met for round {i} of the talks in Geneva.",
                        "notes": rng.randbytes(600).hex()}) for i in range(60)]
    data = gzip.compress("\n".join(many).encode())
    (d / "cut.jsonl.gz").write_bytes(data[:len(data) * 3 // 4])
    c.expect("E202", d / "cut.jsonl.gz", "truncated or corrupt gzip")
    for name, gz, key in (("cut.warc", False, "warc-1"), ("cut.warc.gz", True, "warc-gz-1")):
        path = d / name
        filler = f"The talks went on for a third day in the capital, said {name}. " * 10
        offsets = write_warc(path, [EVENTS[key], filler, "And a third record. " + filler], gz=gz)
        whole = path.read_bytes()
        path.write_bytes(whole[:offsets[2] + (len(whole) - offsets[2]) // 2])
        c.expect("E202", path, "WARC data at byte")
    (d / "broken.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>\n'
        f'<item><title>Shelling</title><link>https://wire.example.org/1</link><description>{EVENTS["feed"]}'
        '</description></item>\n<item><title>Talks</title><description>The two sides will')
    c.coded["https://wire.example.org/1"] = "feed"
    c.expect("E202", d / "broken.rss", "malformed feed XML")
    c.expect("W001", d / "broken.rss", "empty text")        # the entry the break cut short
    (d / "garbage.xml").write_text("<<< this & that are not XML >>>")
    c.expect("E202", d / "garbage.xml", "not an RSS/Atom feed")

    # files that cannot be read, even by root
    if Path("/proc/self/mem").exists():
        os.symlink("/proc/self/mem", d / "mem.txt")         # EIO on read
        c.expect("E202", d / "mem.txt", "Input/output error")
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    c.expect("E202", d / "dangling.txt", "No such file or directory")
    os.symlink("loop.txt", d / "loop.txt")
    c.expect("E202", d / "loop.txt", "Too many levels of symbolic links")
    os.mkfifo(d / "pipe.txt")                                # nobody writes to it
    c.expect("E202", d / "pipe.txt", "a named pipe, not a regular file")

    # articles in other languages: skipped with a note
    for lang, (text, reason) in FOREIGN.items():
        (d / f"{lang}.txt").write_text(text)
        c.expect("E105", d / f"{lang}.txt", reason)

    # inputs named on the command line rather than met in the directory
    c.inputs.append(str(d))
    outside = base / "outside"
    outside.mkdir()
    os.mkfifo(outside / "named-pipe.txt")                    # named: read, as empty, without waiting
    c.expect("W001", outside / "named-pipe.txt", "empty text")
    os.symlink("outside-loop.txt", outside / "outside-loop.txt")
    c.expect("E202", outside / "outside-loop.txt", "Too many levels of symbolic links")
    c.expect("E201", outside / "missing.txt", "no such file or directory")
    url = "http://" + "h" * 70 + ".example.org/" + "p" * 100_000       # a host no DNS can hold
    c.expect("E202", shown_name(url), "not a valid URL")
    c.inputs += [str(outside / "named-pipe.txt"), str(outside / "outside-loop.txt"),
                 str(outside / "missing.txt"), url]
    return c


def run(*args: str) -> subprocess.CompletedProcess:
    # errors="strict": whatever the inputs held, the output must be valid UTF-8
    return subprocess.run([redline_bin(), *args], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          errors="strict")


def message_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"redline: \[[EW]\d{3}\] ", line)]


def unexpected(lines: list[str], expected: list[Expected]) -> list[str]:
    return [line for line in lines if not any(e.found_in(line) for e in expected)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def extracted(corpus):
    p = run("extract", "--max-chars", str(MAX_CHARS), *corpus.inputs)
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    return p, {d["id"]: d for d in docs}, docs


# -- extract -------------------------------------------------------------------------------------------
def test_extract_names_every_bad_input_with_its_code_and_reason(corpus, extracted):
    p, _, _ = extracted
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr[-3000:]
    lines = message_lines(p.stderr)
    missing = [e for e in corpus.messages if not any(e.found_in(line) for line in lines)]
    assert not missing, "\n".join(map(str, missing)) + "\n--- stderr:\n" + p.stderr[-5000:]
    assert not unexpected(lines, corpus.messages), unexpected(lines, corpus.messages)
    assert all(len(line) < 1000 for line in p.stderr.splitlines())      # a 100 KB URL is cut short


def test_extract_codes_the_good_inputs_among_the_bad(corpus, extracted):
    _, by_id, docs = extracted
    for doc_id, key in corpus.coded.items():
        assert doc_id in by_id, (doc_id, sorted(by_id)[:50])
        assert by_id[doc_id].get("error") is None and by_id[doc_id]["events"], (key, by_id[doc_id])
    for doc_id in corpus.kept:
        assert by_id[doc_id].get("error") is None
    # every document is output once; each error as {"id", "error"}, one per message on stderr
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))
    assert sum(set(d) == {"id", "error"} for d in docs) == len(corpus.errors)


def test_extract_reads_each_file_once_and_survives_links_that_loop(corpus, extracted):
    _, by_id, docs = extracted
    d = corpus.folder
    origins = [x["id"] for x in docs]
    assert origins.count(str(d / "good.txt")) == 1 and origins.count(str(d / "sub" / "deeper.txt")) == 1
    assert not any("/up/" in o or "/self/" in o or "sub-again" in o or "same.txt" in o for o in origins)
    assert str(d / "folder.txt" / "inside.txt") in by_id


def test_extract_skips_other_languages_and_keeps_english_with_foreign_names(corpus, extracted):
    _, by_id, _ = extracted
    for lang in FOREIGN:
        doc = by_id[str(corpus.folder / f"{lang}.txt")]
        assert set(doc) == {"id", "error"} and "[E105]" in doc["error"]
    names = by_id[str(corpus.folder / "names.txt")]
    assert {e["source"]["code"] for e in names["events"]} == {"UKRGOV"}


def test_extract_cleans_text_it_cannot_print_and_keeps_offsets(corpus, extracted):
    _, by_id, _ = extracted
    doc = by_id["rec-controls"]
    assert doc["title"] == "Bad \ufffd title"
    event = doc["events"][0]
    # the bell before "Sweden" became one space: the offsets still point at the words
    assert event["trigger"] == {"text": "condemned", "span": [8, 17]}
    assert "Sweden condemned" in event["sentence"]["text"]
    # the odd file name is shown with U+FFFD
    assert str(corpus.folder / "caf\ufffd-report.txt") in by_id


def test_extract_keeps_what_was_read_before_a_break(corpus, extracted):
    _, by_id, docs = extracted
    before = [d for d in docs if d["id"].startswith("gz-")]
    assert len(before) >= 5 and all("error" not in d for d in before)
    for name in ("cut.warc", "cut.warc.gz"):
        read = [d for d in docs if d.get("url", "") and f"/{name}/" in d["url"]]
        assert [d["url"].rsplit("/", 1)[1] for d in read] == ["0", "1"], name


def test_extract_cuts_huge_texts_at_max_chars(corpus, extracted):
    _, by_id, _ = extracted
    for name in ("long-line.txt", "paragraphs.txt"):
        doc = by_id[str(corpus.folder / name)]
        assert any(w.startswith("[W004]") for w in doc["warnings"])
        assert all(e["trigger"]["span"][1] <= MAX_CHARS for e in doc["events"])


# -- ingest ------------------------------------------------------------------------------------------
def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("documents", "event_mentions", "events", "quotes", "actors", "places")}
    finally:
        con.close()


def test_ingest_stores_the_good_inputs_and_a_second_run_adds_nothing(corpus, extracted, tmp_path):
    _, _, docs = extracted
    db = tmp_path / "store.duckdb"
    first = run("ingest", "--max-chars", str(MAX_CHARS), "--db", str(db), *corpus.inputs)
    assert first.returncode == 1 and "Traceback" not in first.stderr, first.stderr[-3000:]
    lines = message_lines(first.stderr)
    # ingest prints every error, and the warnings of the documents it stores (the copies of the
    # empty text are duplicates of the first one: neither stored nor warned about)
    missing = [e for e in corpus.errors if not any(e.found_in(line) for line in lines)]
    assert not missing, "\n".join(map(str, missing)) + "\n--- stderr:\n" + first.stderr[-5000:]
    assert not unexpected(lines, corpus.messages), unexpected(lines, corpus.messages)
    warned = [line for line in lines if line.startswith("redline: [W")]
    for code, name in (("W002", "latin1.txt"), ("W004", "long-line.txt"), ("W005", ":11"), ("W006", ":11")):
        assert any(line.startswith(f"redline: [{code}] ") and f"{name}: " in line for line in warned), (code, warned)

    con = duckdb.connect(str(db), read_only=True)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT id, error, warnings, num_events, duplicate_of FROM documents").fetchall()}
    orphans = con.execute("SELECT count(*) FROM event_mentions WHERE doc_id NOT IN "
                          "(SELECT id FROM documents)").fetchall()[0][0]
    con.close()
    # stored: every document that was read without error, but one copy of the empty text
    read_ok = [d for d in docs if "error" not in d]
    empty = [d["id"] for d in read_ok if any(w.startswith("[W001]") for w in d["warnings"])]
    assert set(rows) == {d["id"] for d in read_ok} - set(empty[1:])
    assert all(error is None for error, *_ in rows.values()) and orphans == 0
    for doc_id in corpus.coded:
        assert rows[doc_id][2] > 0, doc_id      # num_events
    stored_warnings = sum(len(warnings or []) for _, warnings, _, duplicate_of in rows.values() if duplicate_of is None)
    assert len(warned) == stored_warnings and f", {stored_warnings} warnings; " in first.stderr
    assert any(w.startswith("[W002]") for w in rows[str(corpus.folder / "latin1.txt")][1])
    assert {w[:6] for w in rows["rec-controls"][1]} == {"[W005]", "[W006]"}
    assert any(w.startswith("[W004]") for w in rows[str(corpus.folder / "long-line.txt")][1])

    before = _tables(db)
    again = run("ingest", "--max-chars", str(MAX_CHARS), "--db", str(db), *corpus.inputs)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    # nothing is stored the second time: the same errors, and no warnings
    assert sorted(message_lines(again.stderr)) == sorted(line for line in lines if line not in warned)
    assert " 0 coded " in again.stderr
    assert _tables(db) == before


# -- long tokens, within the default --max-chars ----------------------------------------------------
def test_a_150_000_character_word_and_very_long_urls_are_coded_and_warnings_alone_exit_0(tmp_path):
    word = tmp_path / "long-word.txt"
    word.write_text(EVENTS["good"] + " " + "x" * 150_000 + " " + EVENTS["long-word"])
    urls = tmp_path / "long-url.jsonl"
    long_url = "https://example.org/" + "a" * 100_000
    urls.write_text(json.dumps({"id": "long-url", "url": long_url, "text": EVENTS["rec-2"] + " Details: "
                                + "https://example.org/" + "b/" * 50_000}) + "\n")
    latin1 = tmp_path / "latin1.txt"        # only warnings: the exit status stays 0
    latin1.write_bytes((EVENTS["latin1-alone"] + " Caf\xe9 owners fled.").encode("latin-1"))
    p = run("extract", str(word), str(urls), str(latin1))
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr[-3000:]
    assert message_lines(p.stderr) == [f"redline: [W002] {latin1}: text was not valid UTF-8; undecodable "
                                       f"bytes were replaced"]
    first, second, third = [json.loads(line) for line in p.stdout.splitlines()]
    assert third["events"] and third["warnings"]
    assert {e["source"]["code"] for e in first["events"]} >= {"RUSMIL", "AUS"}     # both sides of the word
    assert second["url"] == long_url and second["events"]


# -- the readers, without a model -----------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_encodings_are_recognised_and_decoded(encoding):
    text = "Talks in Kyiv and Zürich — “cautious” progress."
    assert decode(text.encode(encoding)) == (text, [])


def test_binary_data_is_told_from_text_in_a_legacy_encoding():
    assert "binary" in binary_reason(PNG_HEADER + bytes(range(256)) * 4)
    assert "not valid UTF-8" in binary_reason("Министры встретились в Женеве.".encode("cp1251"))
    assert binary_reason("Café owners in Paris said.".encode("latin-1")) is None       # a few bad bytes
    assert binary_reason(b"") is None
    assert sniff(b"a\x00b\x00c\x00") == ("utf-16-le", 0) and sniff(b"\x00a\x00b\x00c") == ("utf-16-be", 0)


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_recognised(lang):
    text, reason = FOREIGN[lang]
    assert reason in not_english(text)


@pytest.mark.parametrize("text", [
    "Russia shells Kharkiv as talks stall",
    EVENTS["names"],
    "Volodymyr Zelenskyy, Recep Tayyip Erdogan and Abdel Fattah el-Sisi spoke by phone, officials in Kyiv said.",
    "Jean-Yves Le Drian, Ursula von der Leyen and Luiz Inácio Lula da Silva met José Manuel Albares in La Paz.",
    "Zelenskyy (Зеленський) and Putin (Путин) spoke separately on Tuesday.",
    "Xi Jinping (习近平) meets Lula in Beijing",
    "Sergei Lavrov said Moscow would respond. " * 50,
])
def test_english_is_kept_however_short_or_full_of_foreign_names(text):
    assert not_english(text) is None


def test_stdin_in_utf16_and_binary_stdin():
    record = json.dumps({"id": "s1", "text": EVENTS["good"]}) + "\n"
    [doc] = read_inputs(["-"], stdin=io.BytesIO(record.encode("utf-16")))
    assert doc.id == "s1" and doc.text == EVENTS["good"]
    [doc] = read_inputs(["-"], stdin=io.BytesIO(EVENTS["good"].encode("utf-16-le")))
    assert doc.text == EVENTS["good"] and doc.error is None
    [doc] = read_inputs(["-"], stdin=io.BytesIO(PNG_HEADER + bytes(range(256))))
    assert doc.error.startswith("[E205] <stdin>: not readable text")


def test_a_reader_that_fails_costs_only_its_input(tmp_path, monkeypatch):
    """No input is known to break a reader; a bug in one must still cost only that input."""
    import redline.sources.html as html

    def broken(*args, **kwargs):
        raise KeyError("boom")
    monkeypatch.setattr(html, "html_document", broken)
    (tmp_path / "a.html").write_text("<html><body><p>Page.</p></body></html>")
    (tmp_path / "b.txt").write_text(EVENTS["good"])
    first, second = read_inputs([str(tmp_path)])
    assert first.error == f"[E206] {tmp_path / 'a.html'}: could not be read (KeyError: 'boom'); please report this as a bug"
    assert second.error is None and second.text == EVENTS["good"]
