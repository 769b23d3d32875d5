"""HTML to `Document`: the article's main text, title, date and URL, without the page around it.

A news page is mostly not news: navigation, share buttons, "Leave a Reply" forms, readers'
comments, footers. Coding those would invent events, so trafilatura keeps the article body
(comments off, precision over recall) and reads the metadata (canonical URL, title, the
publication date from the page's markup). Date guessing is limited to the page's own
markup: a copyright year taken for a publication day would misplace every "on Tuesday".
"""
from __future__ import annotations

import re

import lxml.html
import trafilatura

from redline.errors import message
from redline.records import Document
from redline.sources.checks import check_document
from redline.sources.encoding import decode, sniff

# Only dates the page states (meta tags, <time>, bylines); no guessing from copyright lines.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "section",
              "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt"}
DROPPED_TAGS = {"script", "style", "noscript", "template"}
# libxml2's HTML parser keeps no element deeper than this (lxml cannot raise the limit): what a
# page nests deeper is lost, and a page that is nothing but such nesting has no text to code.
MAX_DEPTH = 255


def html_document(data: bytes | str, *, doc_id: str, origin: str, url: str | None = None,
                  date: str | None = None, fetched_at: str | None = None,
                  offset: int | None = None) -> Document:
    """One Document from an HTML page. `url` and `date`, when given (from a WARC record or a
    feed entry), win over what the page says; a page with no article text gives an empty
    document with a warning, so the caller still sees that it was read."""
    data = _readable(data)
    extracted = _extract(data)
    text = title = page_date = page_url = None
    if extracted is not None:
        text, title = extracted.text, extracted.title
        page_date, page_url = extracted.date, extracted.url
    if title is None or page_url is None:
        meta = _metadata(data)
        if meta is not None:
            title = title or meta.title
            page_date = page_date or meta.date
            page_url = page_url or meta.url
    warnings = [message("W008", limit=MAX_DEPTH)] if not (text or "").strip() and _too_deep(data) else []
    return check_document(Document(
        id=doc_id, text=_without_title(text or "", title), title=title,
        date=date or page_date, url=url or page_url, origin=origin,
        fetched_at=fetched_at, offset=offset, warnings=warnings))


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), paragraphs kept apart."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return tidy_text(fragment)
    for element in list(root.iter()):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None or tag in DROPPED_TAGS:      # comments, scripts, styles
            element.drop_tree()
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return tidy_text(root.text_content())


def _readable(data: bytes | str) -> bytes | str:
    """The page for trafilatura, which finds UTF-8 and the page's declared charset itself, but
    not UTF-16 or UTF-32 without a byte order mark: those are decoded here."""
    if isinstance(data, str):
        return data
    encoding, _ = sniff(data)
    return data if encoding in (None, "utf-8") else decode(data)[0]


def _extract(data: bytes | str):
    try:
        return trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, date_extraction_params=DATE_PARAMS)
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError):   # bytes that are no HTML
        return None


def _metadata(data: bytes | str):
    """Title, date and URL for a page whose body had no article text."""
    try:
        tree = trafilatura.load_html(data)
        return None if tree is None else trafilatura.extract_metadata(
            tree, date_config=DATE_PARAMS)
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError):
        return None


def _too_deep(data: bytes | str) -> bool:
    """Whether the parser cut the page off at its depth limit (asked only of a page without text)."""
    try:
        tree = trafilatura.load_html(data)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return False
    if tree is None:
        return False
    level = [tree]
    for _ in range(MAX_DEPTH - 1):     # level by level: recursion would run out before the tree does
        level = [child for element in level for child in element]
        if not level:
            return False
    return True


def _without_title(text: str, title: str | None) -> str:
    """Drop the headline trafilatura repeats as the first line: the title has its own field,
    as in JSONL input, and coding it twice would double its events."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if _squash(first) == _squash(title) else text


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()


def tidy_text(text: str) -> str:
    """Whitespace collapsed within lines, at most one blank line between paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
