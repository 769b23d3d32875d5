"""What every reader does to the bytes it reads and the `Document` it makes.

Kept apart from the readers so that text, JSONL, HTML, feed and WARC records are decoded,
cleaned and warned about in one way: a user sees the same warning for an empty page whatever
it came from, and a French article is skipped with the same note from a feed as from a file.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from redline.errors import message
from redline.events.dates import parse_iso
from redline.records import Document
from redline.sources.language import not_english

# C0 and C1 control characters other than the whitespace ones (tab, line feed, vertical tab,
# form feed, carriage return): terminal escapes, NULs, bells. They are no text, and a NUL or an
# escape sequence must not reach a terminal or the store. Each becomes one space, so offsets
# into the text are unchanged.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
SHOWN_NAME_CHARS = 300      # a name (a path, a URL) longer than this is cut short in messages


def check_document(doc: Document) -> Document:
    """Replace control characters, warn about a date that is not ISO and about a text with
    nothing to code, and skip (as an error) a text that is not English."""
    _without_controls(doc)
    if doc.date is not None and parse_iso(doc.date) is None:
        doc.warnings.append(message("W003", value=doc.date))
    if doc.error is None and not doc.text.strip():
        doc.warnings.append(message("W001"))
    elif doc.error is None:
        reason = not_english(doc.text)
        if reason:
            doc.error = message("E105", origin=shown_name(doc.origin or doc.id), reason=reason)
    return doc


def _without_controls(doc: Document) -> None:
    dirty, count = [], 0
    for name in ("text", "title", "url"):
        value = getattr(doc, name)
        if isinstance(value, str):
            cleaned, n = _CONTROL.subn(" ", value)
            if n:
                setattr(doc, name, cleaned)
                dirty.append(name)
                count += n
    if dirty:
        doc.warnings.append(message("W006", fields=", ".join(dirty), count=count))


def date_from_name(name: str) -> str | None:
    """`2022-01-10-talks.txt` -> `2022-01-10`: archives often name files by day."""
    stem = Path(name).name[:10]
    return stem if parse_iso(stem) is not None else None


def shown_name(name: str) -> str:
    """A path or URL as messages and records show it: a file name that is not UTF-8 (its bad
    bytes arrive as lone surrogates) with U+FFFD for them, control characters as spaces, and a
    very long name cut short."""
    if _SURROGATE.search(name):
        try:
            name = os.fsencode(name).decode("utf-8", errors="replace")
        except UnicodeError:        # a surrogate that no file name gave (JSON's "\ud800")
            name = _SURROGATE.sub("\ufffd", name)
    name = _CONTROL.sub(" ", name)
    if len(name) > SHOWN_NAME_CHARS:
        name = name[:SHOWN_NAME_CHARS - 1] + "…"
    return name


def error_document(origin: str, error: str, *, doc_id: str | None = None,
                   offset: int | None = None) -> Document:
    """The record that stands for an input (or part of one) that could not be read."""
    return Document(id=doc_id or origin, text="", origin=origin, offset=offset, error=error)
