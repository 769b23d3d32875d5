"""Wire datelines ("KYIV, March 3 (Reuters) - ", "THE HAGUE -- ") kept out of the parse.

A dateline says where a story was filed, not who did anything; parsed with the first sentence it
becomes its subject ("GEORGETOWN - Venezuela's foreign minister met ..." coded as Guyana). The
pipeline hands spaCy the text with the dateline blanked out (spaces of the same length, so every
offset still indexes the original text) and the places stage names the dateline's place.
"""
from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_][\w'’.\-]+(?: [^\W\d_][\w'’.\-]+){0,3})"   # KYIV, THE HAGUE, BRASÍLIA
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2}))?"   # , Guyana / , Ukraine
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"                 # , March 3 / Sept. 9, 2026
    r"(?:\s*\([^()\n]{1,40}\))?"                                     # (Reuters)
    r"\s*(?:-{1,2}|–|—)\s+")


def dateline(text: str) -> re.Match | None:
    """The dateline at the start of `text`, or None. Its place must be written in capitals and be
    more than two letters, so a sentence such as "US - Russia talks ..." is not taken for one."""
    found = DATELINE.match(text[:120])
    if found is None:
        return None
    place = found.group("place")
    if place != place.upper() or sum(c.isalpha() for c in place) < 3:
        return None
    return found


def blank_dateline(text: str) -> str:
    """The text with its dateline replaced by spaces (same length, same offsets)."""
    found = dateline(text)
    if found is None:
        return text
    return " " * found.end() + text[found.end():]
