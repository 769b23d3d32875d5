"""RSS and Atom feeds to `Document`s: one per entry, from a file or a URL.

A feed entry carries a title, a link, a date and usually only a summary. With `fetch`, the
linked article is downloaded and its main text used instead, since a summary seldom names
both sides of an event; a link that cannot be had falls back to the summary with a warning.
Entries are dated by the day the publisher wrote in its own time zone: "Wed, 15 Mar 2023
23:30 -0500" is the 15th, the day the article's "today" means, not the 16th in UTC.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
import xml.sax
from typing import Iterator

import feedparser

from redline.errors import message
from redline.records import Document
from redline.sources.checks import check_document, error_document, shown_name
from redline.sources.encoding import decode, sniff
from redline.sources.fetch import Fetcher, FetchError
from redline.sources.html import fragment_text, html_document, tidy_text

_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def is_feed_type(content_type: str) -> bool:
    """application/rss+xml, application/atom+xml, text/xml...; not application/xhtml+xml."""
    kind = content_type.split(";")[0].strip().lower()
    return any(t in kind for t in ("rss", "atom", "rdf")) or kind in ("application/xml", "text/xml")


def feed_documents(data: bytes, origin: str, *, fetch: bool = False,
                   fetcher: Fetcher | None = None, base_url: str | None = None,
                   content_type: str | None = None,
                   fetched_at: str | None = None) -> Iterator[Document]:
    """A Document per entry, in feed order. Data that is no feed gives one error record;
    a feed that breaks off (truncated, malformed XML) gives the entries read before the
    break and then an error record naming the input and the parser's reason."""
    headers = {k: v for k, v in (("content-location", base_url), ("content-type", content_type)) if v}
    parsed = feedparser.parse(_readable(data), response_headers=headers or None)
    entries = parsed.get("entries", [])
    if not parsed.get("version") and not entries:
        reason = _reason(parsed.get("bozo_exception")) if parsed.get("bozo") else "no RSS or Atom root element"
        yield error_document(origin, message("E202", path=origin, detail=f"not an RSS/Atom feed: {reason}"))
        return
    if fetch and fetcher is None:
        fetcher = Fetcher()
    for number, entry in enumerate(entries, 1):
        yield entry_document(entry, origin, number, fetcher=fetcher if fetch else None,
                             fetched_at=fetched_at)
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        # feedparser's lenient parser recovers what it can; the user must still hear that the
        # feed was broken, since entries after the break may be missing or cut short.
        detail = f"malformed feed XML ({_reason(parsed['bozo_exception'])}); {len(entries)} entries read before it"
        yield error_document(origin, message("E202", path=origin, detail=detail),
                             offset=len(entries) + 1)


def _readable(data: bytes) -> bytes:
    """Feed bytes feedparser can read. It finds UTF-16 only when the XML declaration names it,
    so UTF-16 and UTF-32 are decoded here and handed on as UTF-8, with a declaration that says so."""
    encoding, _ = sniff(data)
    if encoding in (None, "utf-8"):
        return data
    text = _XML_ENCODING.sub(r"\1\2utf-8\2", decode(data)[0], count=1)
    return text.encode("utf-8")


def entry_document(entry, origin: str, number: int, *, fetcher: Fetcher | None = None,
                   fetched_at: str | None = None) -> Document:
    """One feed entry; with a fetcher, the text of the page it links to."""
    link = entry.get("link") or None
    doc_id = str(entry.get("id") or link or f"{origin}#{number}")
    title = _detail_text(entry, "title") or None
    date = entry_date(entry)
    summary = _entry_text(entry)
    if fetcher is not None and link:
        try:
            page = fetcher.get(link)
        except FetchError as e:
            doc = Document(id=doc_id, text=summary, title=title, date=date, url=link,
                           origin=origin, fetched_at=fetched_at, offset=number)
            doc.warnings.append(message("E202", path=shown_name(link), detail=e.reason))
            return check_document(doc)
        doc = html_document(page.data, doc_id=doc_id, origin=origin, url=link, date=date,
                            fetched_at=page.fetched_at, offset=number)
        doc.title = title or doc.title
        if not doc.text.strip() and summary.strip():
            # A page with no article text (a paywall, a video): the summary is all there is.
            doc.text = summary
            doc.warnings = [w for w in doc.warnings if w != message("W001")]
            doc.warnings.append(message("E202", path=shown_name(link),
                                        detail="no article text found in the page"))
        return doc
    return check_document(Document(id=doc_id, text=summary, title=title, date=date, url=link,
                                   origin=origin, fetched_at=fetched_at, offset=number))


def entry_date(entry) -> str | None:
    """The entry's ISO day in the publisher's own time zone."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            day = _local_day(raw)
            if day:
                return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _local_day(raw: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()    # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw.strip()).date().isoformat()    # Atom: RFC 3339
    except ValueError:
        return None


def _entry_text(entry) -> str:
    """The fullest text the entry has: content:encoded or Atom content, else the summary."""
    candidates = [_as_text(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    candidates.append(_detail_text(entry, "summary"))
    return max(candidates, key=len)


def _detail_text(entry, key: str) -> str:
    detail = entry.get(f"{key}_detail") or {}
    return _as_text(entry.get(key, ""), detail.get("type", "text/html"))


def _as_text(value: str, content_type: str) -> str:
    return fragment_text(value) if "html" in content_type else tidy_text(value)


def _reason(exc) -> str:
    if isinstance(exc, xml.sax.SAXParseException):
        return f"{exc.getMessage()} at line {exc.getLineNumber()}"
    return str(exc) or type(exc).__name__


def url_documents(url: str, fetcher: Fetcher, *, fetch: bool = False) -> Iterator[Document]:
    """An http(s) URL given as input: a feed's entries, or the article when it is a page."""
    try:
        page = fetcher.get(url)
    except FetchError as e:
        shown = shown_name(url)
        yield error_document(shown, message("E202", path=shown, detail=e.reason))
        return
    looks_html = "html" in page.content_type.lower() or page.data.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html"))
    if looks_html and not is_feed_type(page.content_type):
        yield html_document(page.data, doc_id=url, origin=url, url=page.final_url,
                            fetched_at=page.fetched_at)
        return
    yield from feed_documents(page.data, url, fetch=fetch, fetcher=fetcher, base_url=page.final_url,
                              content_type=page.content_type or None, fetched_at=page.fetched_at)
