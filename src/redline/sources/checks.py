"""What every reader does to the bytes it reads and the `Document` it makes.

Kept apart from the readers so that text, JSONL, HTML, feed and WARC records are decoded and
warned about in one way: a user sees the same warning for an empty page whatever it came from.
"""
from __future__ import annotations

from pathlib import Path

from redline.errors import message
from redline.events.dates import parse_iso
from redline.records import Document


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text of `data` as UTF-8, with a warning when bytes had to be replaced."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [message("W002")]


def check_document(doc: Document) -> Document:
    """Warn about a date that is not ISO and about a text with nothing to code."""
    if doc.date is not None and parse_iso(doc.date) is None:
        doc.warnings.append(message("W003", value=doc.date))
    if not doc.text.strip() and doc.error is None:
        doc.warnings.append(message("W001"))
    return doc


def date_from_name(name: str) -> str | None:
    """`2022-01-10-talks.txt` -> `2022-01-10`: archives often name files by day."""
    stem = Path(name).name[:10]
    return stem if parse_iso(stem) is not None else None


def error_document(origin: str, error: str, *, doc_id: str | None = None,
                   offset: int | None = None) -> Document:
    """The record that stands for an input (or part of one) that could not be read."""
    return Document(id=doc_id or origin, text="", origin=origin, offset=offset, error=error)
