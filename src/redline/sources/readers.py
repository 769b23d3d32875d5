"""Reading inputs into `Document` records: the one entry point, `read_inputs`.

An input is a file, a directory (read recursively), an http(s) URL or `-` for stdin. A file's
name says how to read it: text, JSONL, HTML, RSS/Atom, WARC, and any of them gzipped
(`.jsonl.gz`); the readers for each live in their own modules (html, feeds, warc) and all
give the same `Document` with its provenance (origin, offset, fetch time).

A bad input never costs the good ones around it: an unreadable file, a broken JSONL line, a
truncated gzip or WARC, a feed that is not XML, binary data with a text file's name becomes a
`Document` with `error` set (the caller prints it), after the records that could be read
before it, and reading goes on. Nothing an input holds may stop or hang a run: a named pipe
nobody writes to reads as empty, a device is not read, a directory that links back to itself
is walked once.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import stat
import sys
import zlib
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from redline.errors import message
from redline.records import Document
from redline.sources.checks import check_document, date_from_name, error_document, shown_name
from redline.sources.encoding import SNIFF_BYTES, binary_reason, decode, sniff

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}      # .xml is read as a feed, and must parse as one
WARC_SUFFIXES = {".warc"}                      # .warc.gz too: warcio reads the gzip members itself

KINDS = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "jsonl" for s in JSONL_SUFFIXES},
         **{s: "html" for s in HTML_SUFFIXES}, **{s: "feed" for s in FEED_SUFFIXES},
         **{s: "warc" for s in WARC_SUFFIXES}}

URL_PREFIXES = ("http://", "https://")
OPTIONAL_FIELDS = ("title", "url", "date")      # JSONL fields that must be strings when present

# What a file that is neither regular nor a directory is, for the message that it is not read.
_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def text_document(doc_id: str, data: bytes, origin: str) -> Document:
    text, warnings = decode(data)
    return check_document(Document(id=doc_id, text=text, date=date_from_name(doc_id), origin=origin,
                                   warnings=warnings))


def jsonl_documents(lines: Iterable[bytes | str], origin: str,
                    warnings: Iterable[str] = ()) -> Iterator[Document]:
    """A Document per non-blank line. Lines are bytes (decoded here, line by line) or text
    already decoded; `warnings` are about the whole input and go to each of its documents."""
    for lineno, raw in enumerate(lines, 1):
        where = f"{origin}:{lineno}"
        if isinstance(raw, bytes):
            line, line_warnings = decode(raw)
        else:
            line, line_warnings = raw, []
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield error_document(where, message("E101", origin=where, detail=f"{e.msg}: column {e.colno}"),
                                 offset=lineno)
            continue
        except RecursionError:      # [[[[...: Python's parser recurses once per level
            yield error_document(where, message("E101", origin=where, detail="nested too deeply"),
                                 offset=lineno)
            continue
        if not isinstance(rec, dict):
            yield error_document(where, message("E104", origin=where), offset=lineno)
            continue
        notes = [*warnings, *line_warnings]
        doc_id = _record_id(rec.get("id"), where, notes)
        if "text" not in rec:
            yield error_document(where, message("E102", origin=where), doc_id=doc_id, offset=lineno)
            continue
        if not isinstance(rec["text"], str):
            yield error_document(where, message("E103", origin=where, kind=_kind(rec["text"])),
                                 doc_id=doc_id, offset=lineno)
            continue
        fields = {}
        for name in OPTIONAL_FIELDS:
            value = rec.get(name)
            if value is not None and not isinstance(value, str):
                notes.append(message("W007", name=name, kind=_kind(value)))
                value = None
            fields[name] = value
        yield check_document(Document(id=doc_id, text=rec["text"], origin=where, offset=lineno,
                                      warnings=notes, **fields))


def _record_id(value, where: str, notes: list[str]) -> str:
    """The record's own id when it is a string or a number; else where it was read."""
    if value is None:
        return where
    if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return str(value)
    notes.append(message("W007", name="id", kind=_kind(value)))
    return where


def _kind(value) -> str:
    """The JSON name of a value's type, as a user who wrote the JSON knows it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array", int: "number", float: "number",
            str: "string"}.get(type(value), type(value).__name__)


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


def _file_documents(path: Path, shown: str, kind: str, gzipped: bool, *, named: bool, fetch: bool,
                    fetcher) -> Iterator[Document]:
    """The documents of one file, `shown` by that name. `named`: the user named it (rather than
    a directory walk meeting it), so a named pipe is read too: `redline extract <(zcat a.gz)`."""
    try:
        problem = _special_file(path, allow_pipe=named and kind != "warc")
        if problem:
            yield error_document(shown, message("E202", path=shown, detail=problem))
            return
        if kind == "warc":
            from redline.sources.warc import warc_documents
            yield from warc_documents(path, shown)
            return
        with _opened(path, gzipped) as stream:
            head = stream.read(SNIFF_BYTES)
            # A feed must parse as one, which says more about junk than a guess from its bytes.
            reason = binary_reason(head) if kind != "feed" else None
            if reason:
                yield error_document(shown, message("E205", path=shown, detail=reason))
                return
            if kind == "jsonl":
                yield from _jsonl_file(head, stream, shown)
                return
            data = head + stream.read()
        if kind == "html":
            from redline.sources.html import html_document
            doc = html_document(data, doc_id=shown, origin=shown)
            doc.date = doc.date or date_from_name(shown)
            yield doc
        elif kind == "feed":
            from redline.sources.feeds import feed_documents
            yield from feed_documents(data, shown, fetch=fetch, fetcher=fetcher)
        else:
            yield text_document(shown, data, shown)
    except (OSError, EOFError, zlib.error) as e:
        # A gzip that breaks off mid-way: what was read before it has been yielded already.
        yield error_document(shown, message("E202", path=shown, detail=_reason(e, gzipped)))
    except Exception as e:  # noqa: BLE001 - a reader's bug must cost one input, not the run
        yield error_document(shown, message("E206", path=shown, detail=f"{type(e).__name__}: {e}"))


def _special_file(path: Path, *, allow_pipe: bool) -> str | None:
    """Why `path` is not read: reading a device never ends, a pipe nobody writes to never
    starts. None for a regular file (and for one that cannot be looked at: opening it says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or (allow_pipe and stat.S_ISFIFO(mode)):
        return None
    what = next((name for test, name in _SPECIAL if test(mode)), None)
    return f"{what}, not a regular file" if what else "not a regular file"


@contextmanager
def _opened(path: Path, gzipped: bool) -> Iterator[BinaryIO]:
    with ExitStack() as stack:
        # Non-blocking open: a named pipe with no writer reads as empty instead of waiting forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        raw = stack.enter_context(os.fdopen(fd, "rb"))
        os.set_blocking(fd, True)
        yield stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw


def _jsonl_file(head: bytes, stream: BinaryIO, shown: str) -> Iterator[Document]:
    encoding, _ = sniff(head)
    if encoding not in (None, "utf-8"):
        # UTF-16 or UTF-32: its lines cannot be cut at a newline byte, so it is decoded whole.
        text, warnings = decode(head + stream.read())
        documents = jsonl_documents(text.split("\n"), shown, warnings)
    else:
        documents = jsonl_documents(_lines(head, stream), shown)
    empty = True
    for doc in documents:
        empty = False
        yield doc
    if empty:       # a download or an export that failed: worth saying, as no document will
        yield error_document(shown, message("E207", path=shown, what="JSON lines"))


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of a stream whose first bytes were already read (to sniff them)."""
    *complete, rest = head.split(b"\n")
    for line in complete:
        yield line + b"\n"
    first = rest + stream.readline()
    if first:
        yield first
    yield from stream


def _reason(e: BaseException, gzipped: bool) -> str:
    if isinstance(e, EOFError) or (gzipped and isinstance(e, zlib.error)):
        return f"truncated or corrupt gzip: {e}"
    if isinstance(e, gzip.BadGzipFile):
        return f"not a gzip file: {e}"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


def walk(top: Path) -> Iterator[Path | Document]:
    """The files under directory `top` that have a reader, in name order, each once; an error
    record for a directory that cannot be listed.

    Links to directories are followed, since data directories are often assembled from links;
    a directory already walked (a link to itself, to a parent, a second link to one place) is
    not walked again, and a file reached by a second path is not read again."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    failures: list[OSError] = []
    try:
        seen_dirs.add(_identity(top))
    except OSError:
        pass
    for root, dirs, files in os.walk(top, followlinks=True, onerror=failures.append):
        while failures:
            e = failures.pop(0)
            where = shown_name(str(e.filename or root))
            yield error_document(where, message("E202", path=where, detail=e.strerror or str(e)))
        kept = []
        for name in sorted(dirs):
            try:
                identity = _identity(Path(root) / name)
            except OSError:
                continue                    # a link that leads nowhere: nothing to walk
            if identity not in seen_dirs:
                seen_dirs.add(identity)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            kind, _ = kind_of(name, default=None)
            if kind is None or name.startswith("."):
                continue
            path = Path(root) / name
            try:
                identity = _identity(path)
            except OSError:
                identity = None             # a broken link: reading it reports why
            if identity is not None:
                if identity in seen_files:
                    continue
                seen_files.add(identity)
            yield path
    for e in failures:
        where = shown_name(str(e.filename or top))
        yield error_document(where, message("E202", path=where, detail=e.strerror or str(e)))


def _identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _stdin_documents(stream: BinaryIO) -> Iterator[Document]:
    """JSONL on stdin is read line by line as it arrives, so a stream is coded while it is still
    open; anything else is one text, read to its end."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]      # what has arrived so far, not consumed
    reason = binary_reason(head)
    if reason:
        yield error_document("<stdin>", message("E205", path="<stdin>", detail=reason))
        return
    encoding, skip = sniff(head)
    if encoding in (None, "utf-8") and head[skip:].lstrip()[:1] == b"{":
        yield from jsonl_documents(stream, "<stdin>")
        return
    text, warnings = decode(stream.read())
    if text.lstrip()[:1] == "{":
        yield from jsonl_documents(text.split("\n"), "<stdin>", warnings)
    else:
        yield check_document(Document(id="<stdin>", text=text, origin="<stdin>", warnings=warnings))


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
            yield from _stdin_documents(stdin or sys.stdin.buffer)
            continue
        if item.lower().startswith(URL_PREFIXES):
            from redline.sources.feeds import url_documents
            yield from url_documents(item, web.get(), fetch=fetch)
            continue
        path = Path(item)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, Document):
                    yield found
                    continue
                kind, gzipped = kind_of(found.name, default=None)
                yield from _file_documents(found, shown_name(str(found)), kind, gzipped, named=False,
                                           fetch=fetch, fetcher=web.get() if fetch else None)
        elif path.exists() or path.is_symlink():    # a broken link or a loop: opening says which
            kind, gzipped = kind_of(path.name)
            yield from _file_documents(path, shown_name(item), kind, gzipped, named=True,
                                       fetch=fetch, fetcher=web.get() if fetch else None)
        else:
            shown = shown_name(item)
            yield error_document(shown, message("E201", path=shown))


class _LazyFetcher:
    """Makes the default Fetcher only when a URL is met: most runs read local files."""

    def __init__(self, fetcher):
        self._fetcher = fetcher

    def get(self):
        if self._fetcher is None:
            from redline.sources.fetch import Fetcher
            self._fetcher = Fetcher()
        return self._fetcher
