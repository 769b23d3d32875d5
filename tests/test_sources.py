"""Reading inputs: every kind of input gives Document records, bad ones become error records."""
import json

from redline.sources.readers import read_inputs


def test_text_file_keeps_text_as_given_and_takes_date_from_name(tmp_path):
    f = tmp_path / "2022-01-10-talks.txt"
    f.write_text("  Russia and the US met in Geneva.\n", encoding="utf-8")
    [doc] = read_inputs([str(f)])
    assert doc.text == "  Russia and the US met in Geneva.\n"
    assert doc.date == "2022-01-10" and doc.error is None


def test_directory_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "skip.bin").write_bytes(b"\0\1")
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.text for d in docs] == ["one", "two"]


def test_jsonl_bad_lines_become_errors_and_the_rest_is_read(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": "First.", "date": "2021-12-07", "title": "T", "url": "u"}),
        "{not json",
        json.dumps({"id": "c", "body": "no text"}),
        json.dumps({"id": "d", "text": 5}),
        "[1, 2]",
        json.dumps({"id": "e", "text": "Last."}),
    ]), encoding="utf-8")
    docs = list(read_inputs([str(f)]))
    assert [d.id for d in docs] == ["a", f"{f}:2", "c", "d", f"{f}:5", "e"]
    assert docs[0].title == "T" and docs[0].url == "u" and docs[0].date == "2021-12-07"
    assert "line is not valid JSON" in docs[1].error and f"{f}:2" in docs[1].error
    assert "no 'text' field" in docs[2].error
    assert "must be a string" in docs[3].error
    assert "not a JSON object" in docs[4].error
    assert docs[5].error is None


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Kyiv \xff\xfe said")
    [doc] = read_inputs([str(f)])
    assert doc.text == "Kyiv \ufffd\ufffd said"
    assert any("UTF-8" in w for w in doc.warnings)


def test_empty_text_warns_and_missing_file_is_an_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n")
    docs = list(read_inputs([str(f), str(tmp_path / "nope.txt")]))
    assert any("empty text" in w for w in docs[0].warnings)
    assert "no such file" in docs[1].error


def test_bad_date_warns():
    import io
    data = io.BytesIO(json.dumps({"id": "x", "text": "Hi.", "date": "last week"}).encode())
    [doc] = read_inputs(["-"], stdin=data)
    assert any("not an ISO date" in w for w in doc.warnings)


def test_stdin_plain_text_is_one_document():
    import io
    [doc] = read_inputs(["-"], stdin=io.BytesIO("Plain text.\n\nTwo paragraphs.".encode()))
    assert doc.id == "<stdin>" and doc.text.startswith("Plain text.")
