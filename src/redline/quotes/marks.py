"""Finding direct quotations by their marks, in every convention news uses.

Works on the raw text, paragraph by paragraph: “ ” and " ", ‘ ’ and ' ', « », „ “, `` '';
quotes that open with a closing mark (”...”) or close with two apostrophes (’’); a paragraph
that opens a quote and does not close it continues into the next paragraph when that one
opens with a mark (the newspaper convention). Single marks inside a double-quoted passage are
part of it. Unbalanced marks never cost more than the paragraph they are in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = {"“", "„", "«", "``"}
DOUBLE_CLOSE = {"”", "»", "''", "’’"}
DOUBLE_EITHER = {'"', "”", "“"}
SINGLE_MARKS = {"‘", "’", "'"}
# Multi-character marks first so that ’’ is one mark, not two apostrophes.
MARK = re.compile(r"``|''|’’|[“”„«»\"‘’']")
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Quoted:
    start: int          # offsets of the quoted words, without the marks
    end: int
    open_start: int     # offset of the opening mark
    close_end: int      # offset just after the closing mark (== end when unterminated)
    closed: bool
    single: bool        # quoted with single marks


def _left_flanking(text: str, i: int, j: int) -> bool:
    """A mark that opens: at the start or after space/punctuation, before a word."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[j] if j < len(text) else "\n"
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _right_flanking(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[j] if j < len(text) else "\n"
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" or j >= len(text))


def _marks(text: str, start: int, end: int):
    """(offset, end, mark, role) for the quotation marks of a paragraph; role is open/close."""
    out = []
    for m in MARK.finditer(text, start, end):
        i, j, mark = m.start(), m.end(), m.group()
        if mark in SINGLE_MARKS:
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue            # an apostrophe: don't, Russia’s
            if mark != "‘" and before.isalnum() and after in "s" and after != "":
                continue
        left, right = _left_flanking(text, i, j), _right_flanking(text, i, j)
        if mark in DOUBLE_OPEN or mark == "‘":
            role = "open" if left or not right else "close"
        elif mark in DOUBLE_CLOSE and mark not in DOUBLE_EITHER:
            role = "close" if right or not left else "open"
        else:   # " ” ’ ' : decided by position; ” opening a paragraph opens (a common house style)
            role = "open" if left and not right else "close" if right and not left else (
                "open" if i == start else "close")
        out.append((i, j, mark, role))
    return out


def find_quotations(text: str) -> list[Quoted]:
    """Every quoted passage in the text, outermost double-quoted passages first in text order."""
    quotes: list[Quoted] = []
    carry: Quoted | None = None      # a quote left open at the end of the previous paragraph
    for para in PARAGRAPH.finditer(text):
        p_start, p_end = para.start(), para.end()
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        marks = _marks(text, p_start, p_end)
        doubles = [m for m in marks if m[2] not in SINGLE_MARKS]
        if carry is not None:
            if doubles and doubles[0][0] == p_start and doubles[0][3] == "open":
                doubles = doubles[1:]       # the continuation mark of a multi-paragraph quote
                opened = carry
            else:
                quotes.append(carry)
                opened = None
            carry = None
        else:
            opened = None
        found = _pair(text, doubles, p_start, p_end, opened, single=False)
        for q in found:
            if q.closed or q is not found[-1]:
                quotes.append(q)
            else:
                carry = q
        # Single-mark quotations only where no double-quoted passage covers them.
        singles = [m for m in marks if m[2] in SINGLE_MARKS
                   and not any(q.open_start <= m[0] < q.close_end for q in found)]
        quotes.extend(q for q in _pair(text, singles, p_start, p_end, None, single=True) if q.closed)
    if carry is not None:
        quotes.append(carry)
    return sorted(quotes, key=lambda q: q.start)


def _pair(text: str, marks, p_start: int, p_end: int, opened: Quoted | None, single: bool) -> list[Quoted]:
    out: list[Quoted] = []
    current = opened
    for i, j, mark, role in marks:
        if current is None:
            if role == "open":
                current = Quoted(j, p_end, i, p_end, False, single)
            continue
        if role == "close" or (role == "open" and mark == text[current.open_start:current.open_start + len(mark)]
                               and not single and _right_flanking(text, i, j)):
            current.end, current.close_end, current.closed = i, j, True
            out.append(current)
            current = None
    if current is not None:
        current.end = _trim_end(text, p_start, p_end)
        current.close_end = current.end
        out.append(current)
    return out


def _trim_end(text: str, p_start: int, p_end: int) -> int:
    end = p_end
    while end > p_start and text[end - 1].isspace():
        end -= 1
    return end
