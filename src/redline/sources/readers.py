"""Reading inputs into `Document` records: the one entry point, `read_inputs`.

An input is a file, a directory (read recursively), an http(s) URL or `-` for stdin. A file's
name says how to read it: text, JSONL, HTML, RSS/Atom, WARC, and any of them gzipped
(`.jsonl.gz`); the readers for each live in their own modules (html, feeds, warc) and all
give the same `Document` with its provenance (origin, offset, fetch time).

A bad input never costs the good ones around it: an unreadable file, a broken JSONL line, a
truncated gzip or WARC, a feed that is not XML becomes a `Document` with `error` set (the
caller prints it), after the records that could be read before it, and reading goes on.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from redline.errors import message
from redline.records import Document
from redline.sources.checks import check_document, date_from_name, decode, error_document

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}      # .xml is read as a feed, and must parse as one
WARC_SUFFIXES = {".warc"}                      # .warc.gz too: warcio reads the gzip members itself

KINDS = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "jsonl" for s in JSONL_SUFFIXES},
         **{s: "html" for s in HTML_SUFFIXES}, **{s: "feed" for s in FEED_SUFFIXES},
         **{s: "warc" for s in WARC_SUFFIXES}}

URL_PREFIXES = ("http://", "https://")


def text_document(doc_id: str, data: bytes, origin: str) -> Document:
    text, warnings = decode(data)
    return check_document(Document(id=doc_id, text=text, date=date_from_name(doc_id), origin=origin,
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
            yield error_document(where, message("E101", origin=where, detail=e.msg), offset=lineno)
            continue
        if not isinstance(rec, dict):
            yield error_document(where, message("E104", origin=where), offset=lineno)
            continue
        doc_id = str(rec.get("id")) if rec.get("id") is not None else where
        if "text" not in rec:
            yield error_document(where, message("E102", origin=where), doc_id=doc_id, offset=lineno)
            continue
        if not isinstance(rec["text"], str):
            yield error_document(where, message("E103", origin=where, kind=type(rec["text"]).__name__),
                                 doc_id=doc_id, offset=lineno)
            continue
        date = rec.get("date")
        yield check_document(Document(
            id=doc_id, text=rec["text"], title=rec.get("title"), url=rec.get("url"),
            date=str(date) if date is not None else None, origin=where, offset=lineno,
            warnings=warnings))


def kind_of(name: str, *, default: str | None = "text") -> tuple[str | None, bool]:
    """(reader kind, gzipped) for a file name: `a.jsonl.gz` -> ("jsonl", True).
    A name whose suffix says nothing gets `default`: text for a file the user named,
    None (skip) for a file met while walking a directory."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    inner = lower[:-3] if gzipped else lower
    suffix = Path(inner).suffix
    if suffix in WARC_SUFFIXES:
        return "warc", False
    kind = KINDS.get(suffix)
    if kind is None and suffix and default is not None:
        kind = default
    return kind, gzipped


def _file_documents(path: Path, shown: str, kind: str, gzipped: bool, *, fetch: bool,
                    fetcher) -> Iterator[Document]:
    if kind == "warc":
        from redline.sources.warc import warc_documents
        yield from warc_documents(path, shown)
        return
    try:
        with _open(path, gzipped) as stream:
            if kind == "jsonl":
                yield from jsonl_documents(stream, shown)
            elif kind == "html":
                from redline.sources.html import html_document
                doc = html_document(stream.read(), doc_id=shown, origin=shown)
                doc.date = doc.date or date_from_name(shown)
                yield doc
            elif kind == "feed":
                from redline.sources.feeds import feed_documents
                yield from feed_documents(stream.read(), shown, fetch=fetch, fetcher=fetcher)
            else:
                yield text_document(shown, stream.read(), shown)
    except (OSError, EOFError, zlib.error) as e:
        # A gzip that breaks off mid-way: what was read before it has been yielded already.
        yield error_document(shown, message("E202", path=shown, detail=_reason(e, gzipped)))


def _open(path: Path, gzipped: bool) -> BinaryIO:
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def _reason(e: BaseException, gzipped: bool) -> str:
    if isinstance(e, EOFError) or (gzipped and isinstance(e, zlib.error)):
        return f"truncated or corrupt gzip: {e}"
    if isinstance(e, gzip.BadGzipFile):
        return f"not a gzip file: {e}"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


def read_inputs(inputs: Iterable[str], stdin=None, *, fetch: bool = False,
                fetcher=None) -> Iterator[Document]:
    """Documents from every input, in order. `-` reads standard input (JSONL or one text).

    fetch: for feed entries, download the linked page and use its article text instead of
        the feed's summary.
    fetcher: the `sources.fetch.Fetcher` for URLs (timeouts, retries, per-host delay); one
        with the defaults is made on first need, and serves the whole run.
    """
    web = _LazyFetcher(fetcher)
    for item in inputs:
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            if data.lstrip()[:1] == b"{":
                yield from jsonl_documents(data.splitlines(), "<stdin>")
            else:
                yield text_document("<stdin>", data, "<stdin>")
            continue
        if item.lower().startswith(URL_PREFIXES):
            from redline.sources.feeds import url_documents
            yield from url_documents(item, web.get(), fetch=fetch)
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    kind, gzipped = kind_of(name, default=None)
                    if kind is not None and not name.startswith("."):
                        f = Path(root) / name
                        yield from _file_documents(f, str(f), kind, gzipped, fetch=fetch,
                                                   fetcher=web.get() if fetch else None)
        elif path.exists():
            kind, gzipped = kind_of(path.name)
            yield from _file_documents(path, item, kind, gzipped, fetch=fetch,
                                       fetcher=web.get() if fetch else None)
        else:
            yield error_document(item, message("E201", path=item))


class _LazyFetcher:
    """Makes the default Fetcher only when a URL is met: most runs read local files."""

    def __init__(self, fetcher):
        self._fetcher = fetcher

    def get(self):
        if self._fetcher is None:
            from redline.sources.fetch import Fetcher
            self._fetcher = Fetcher()
        return self._fetcher
