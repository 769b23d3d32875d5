"""WARC and WARC.gz files (web archives, Common Crawl's CC-NEWS) to `Document`s.

Each `response` record with an HTML payload and each `resource` record holding HTML or plain
text becomes one Document: id from WARC-Record-ID, URL from WARC-Target-URI, date (the day)
and fetch time from WARC-Date, and the record's byte offset in the file, which is what lets a
store or a person go back to the exact record. Requests, metadata, non-HTML payloads and
non-2xx responses (redirects, error pages) are not articles and are skipped.

warcio reads a file that stops mid-record without complaint, so completeness is checked
here: a record whose payload is shorter than its Content-Length, or data after the last good
record that is no record, ends the file with an error record; the records before it are kept.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from redline.errors import message
from redline.records import Document
from redline.sources.checks import check_document, error_document
from redline.sources.encoding import decode
from redline.sources.html import html_document


def warc_documents(path: Path, shown: str) -> Iterator[Document]:
    """The article records of the WARC at `path` (gzipped or not), in file order."""
    try:
        stream = open(path, "rb")
        size = os.fstat(stream.fileno()).st_size
    except OSError as e:
        yield error_document(shown, message("E202", path=shown, detail=e.strerror or str(e)))
        return
    with stream:
        if size == 0:
            yield error_document(shown, message("E207", path=shown, what="WARC records"))
            return
        archive = ArchiveIterator(stream)
        records = iter(archive)
        end = 0             # where the last complete record ended
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                kind = _payload_kind(record)
                body = record.content_stream().read() if kind else b""
                while record.raw_stream.read(1 << 16):
                    pass
                truncated = getattr(record.raw_stream, "limit", 0) > 0 or not _complete_header(record)
                offset = archive.get_record_offset()
            except Exception as e:  # noqa: BLE001 - warcio raises anything on corrupt bytes
                # (ArchiveLoadFailed, zlib.error, EOFError, AttributeError on half a header...)
                yield _broken(shown, end, f"{type(e).__name__}: {e}".strip())
                return
            if truncated:
                yield _broken(shown, offset, "record is truncated")
                return
            end = offset + archive.get_record_length()
            if kind:
                yield _record_document(record, kind, body, shown, offset)
        if not _only_padding(stream, end, size):
            yield _broken(shown, end, "data after the last complete record is not a WARC record "
                                      "(truncated or corrupt)")


def _complete_header(record) -> bool:
    """A file cut inside a record's header still parses, as a record without its mandatory
    fields; the WARC standard requires every record to have these."""
    if record.format != "warc":
        return True
    return all(record.rec_headers.get_header(h) for h in ("WARC-Type", "WARC-Record-ID", "Content-Length"))


def _payload_kind(record) -> str | None:
    """'html' or 'text' for a record that holds an article, None for one to skip."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not (headers.get_statuscode() or "").startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
        return "html" if "html" in content_type.lower() else None
    if record.rec_type == "resource":
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
        if "html" in content_type:
            return "html"
        return "text" if content_type.startswith("text/plain") else None
    return None


def _record_document(record, kind: str, body: bytes, shown: str, offset: int) -> Document:
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip().strip("<>") or f"{shown}@{offset}"
    url = headers.get_header("WARC-Target-URI") or None
    warc_date = headers.get_header("WARC-Date") or ""
    day = warc_date[:10] or None
    fetched_at = _iso_time(warc_date)
    if kind == "html":
        return html_document(body, doc_id=record_id, origin=shown, url=url, date=day,
                             fetched_at=fetched_at, offset=offset)
    text, warnings = decode(body)
    return check_document(Document(id=record_id, text=text, date=day, url=url, origin=shown,
                                   fetched_at=fetched_at, offset=offset, warnings=warnings))


def _iso_time(warc_date: str) -> str | None:
    """WARC-Date in the same form as the fetcher's times, so the store compares like with like."""
    if not warc_date:
        return None
    try:
        moment = dt.datetime.fromisoformat(warc_date)
    except ValueError:
        return warc_date
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)     # WARC dates are UTC by definition
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _only_padding(stream, end: int, size: int) -> bool:
    """Uncompressed WARCs end each record with blank lines that are not counted in its length."""
    if size - end > 64:
        return False
    stream.seek(end)
    return not stream.read(64).strip()


def _broken(shown: str, offset: int, reason: str) -> Document:
    return error_document(shown, message("E202", path=shown, detail=f"WARC data at byte {offset}: {reason}"),
                          doc_id=f"{shown}@{offset}", offset=offset)
