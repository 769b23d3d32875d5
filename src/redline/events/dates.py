"""Dating events: the document date, or a relative date in the event's clause resolved against it."""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from redline.extensions import kids

WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def shift(anchor: dt.date, days: int) -> dt.date | None:
    """`anchor` moved by `days`, or None past the calendar's ends (a document dated 0001-01-01
    has no Tuesday before it; `date - timedelta` would raise)."""
    ordinal = anchor.toordinal() + days
    return dt.date.fromordinal(ordinal) if 1 <= ordinal <= dt.date.max.toordinal() else None


def resolve(expression: str, anchor: dt.date) -> dt.date | None:
    """'on Tuesday' -> the Tuesday on or before the anchor (news reports the past)."""
    words = re.findall(r"[a-z]+|\d+", expression.lower())
    for w in words:
        if w in OFFSETS:
            return shift(anchor, OFFSETS[w])
        if w in WEEKDAYS:
            back = (anchor.weekday() - WEEKDAYS[w]) % 7
            if "next" in words:
                return shift(anchor, (WEEKDAYS[w] - anchor.weekday()) % 7 or 7)
            return shift(anchor, -back)
    for i, w in enumerate(words):
        if w in MONTHS:
            day = next((int(x) for x in words[i + 1:i + 2] + words[max(0, i - 1):i] if x.isdigit()
                        and 1 <= int(x) <= 31), None)
            if day is None:
                return None
            year = next((int(x) for x in words if x.isdigit() and len(x) == 4), anchor.year)
            found = calendar_day(year, MONTHS[w], day)
            if found is not None and found.toordinal() > anchor.toordinal() + 31 and not any(
                    len(x) == 4 for x in words):
                # a month well after the document's date is last year's, when last year has that
                # day: "on February 29" in January 2024 is still this year's (2023 has none)
                found = calendar_day(year - 1, MONTHS[w], day) or found
            return found
    return None


def calendar_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the calendar has no such day (31 April, 29 February 2023, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def event_date(trigger: Token, anchor: dt.date | None, entities) -> str | None:
    """A DATE entity (of `entities`, the sentence's or the document's) attached to the trigger's
    own clause decides; else the document date."""
    if anchor is None:
        return None
    clause = {trigger.i} | {c.i for c in kids(trigger)}
    for ent in entities:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        attached = root.head.i in clause or (root.head.dep_ == "prep" and root.head.head.i in clause)
        if attached:
            found = resolve(ent.text, anchor)
            if found is not None:
                return found.isoformat()
    return anchor.isoformat()
