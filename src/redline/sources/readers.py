"""Reading inputs into `Document` records: text files, directories, JSONL and stdin.

A bad input never costs the good ones around it: an unreadable file or a broken JSONL line
becomes a `Document` with `error` set (and the message printed by the caller), and reading goes on.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from redline.errors import message
from redline.events.dates import parse_iso
from redline.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def decode(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [message("W002")]


def _check_date(doc: Document) -> Document:
    if doc.date is not None and parse_iso(doc.date) is None:
        doc.warnings.append(message("W003", value=doc.date))
    if not doc.text.strip() and doc.error is None:
        doc.warnings.append(message("W001"))
    return doc


def _date_from_name(name: str) -> str | None:
    stem = Path(name).name[:10]
    return stem if parse_iso(stem) is not None else None


def text_document(doc_id: str, data: bytes, origin: str) -> Document:
    text, warnings = decode(data)
    return _check_date(Document(id=doc_id, text=text, date=_date_from_name(doc_id), origin=origin,
                                warnings=warnings))


def jsonl_documents(lines: Iterable[bytes], origin: str) -> Iterator[Document]:
    for lineno, raw in enumerate(lines, 1):
        where = f"{origin}:{lineno}"
        line, warnings = decode(raw)
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Document(id=where, text="", origin=where, error=message("E101", origin=where, detail=e.msg))
            continue
        if not isinstance(rec, dict):
            yield Document(id=where, text="", origin=where, error=message("E104", origin=where))
            continue
        doc_id = str(rec.get("id")) if rec.get("id") is not None else where
        if "text" not in rec:
            yield Document(id=doc_id, text="", origin=where, error=message("E102", origin=where))
            continue
        if not isinstance(rec["text"], str):
            yield Document(id=doc_id, text="", origin=where,
                           error=message("E103", origin=where, kind=type(rec["text"]).__name__))
            continue
        date = rec.get("date")
        yield _check_date(Document(
            id=doc_id, text=rec["text"], title=rec.get("title"), url=rec.get("url"),
            date=str(date) if date is not None else None, origin=where, warnings=warnings))


def _file_documents(path: Path, shown: str) -> Iterator[Document]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with open(path, "rb") as f:
                yield from jsonl_documents(f, shown)
        else:
            yield text_document(shown, path.read_bytes(), shown)
    except OSError as e:
        yield Document(id=shown, text="", origin=shown,
                       error=message("E202", path=shown, detail=e.strerror or str(e)))


def read_inputs(inputs: Iterable[str], stdin=None) -> Iterator[Document]:
    """Documents from every input, in order. `-` reads standard input (JSONL or one text)."""
    for item in inputs:
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            if data.lstrip()[:1] == b"{":
                yield from jsonl_documents(data.splitlines(), "<stdin>")
            else:
                yield text_document("<stdin>", data, "<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not name.startswith("."):
                        yield from _file_documents(f, str(f))
        elif path.exists():
            yield from _file_documents(path, item)
        else:
            yield Document(id=item, text="", origin=item, error=message("E201", path=item))
