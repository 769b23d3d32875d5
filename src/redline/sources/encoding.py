"""Bytes to text: UTF-8, UTF-16 and UTF-32 (by byte order mark), UTF-16 without one, and bytes
that are no text at all.

News arrives mostly as UTF-8, but files saved by Windows tools are often UTF-16, with or
without a byte order mark; read as UTF-8 they become a NUL between every two letters. Text that
is mostly ASCII betrays UTF-16 by where its NUL bytes fall: every odd byte (little-endian) or
every even byte (big-endian). Anything else that is not UTF-8 is read as UTF-8 with the bad
bytes replaced (and a warning), unless so much of it is control bytes and undecodable bytes
that it is no text at all: an image or an archive with a text file's name.
"""
from __future__ import annotations

import codecs
import re

from redline.errors import message

# Longest marks first: UTF-32-LE's mark starts with UTF-16-LE's.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

SNIFF_BYTES = 8192          # what is looked at to guess the encoding and to tell text from binary
UTF16_NUL_SHARE = 0.5       # at least this share of the high bytes are NUL in mostly-ASCII UTF-16...
UTF16_OTHER_NULS = 0.05     # ...and at most this share of the low ones
# Text has next to no control bytes, whatever its encoding; images and archives have one in ten.
BINARY_CONTROLS = 0.02
# Text in another encoding (Windows-1251, say) read as UTF-8 is mostly undecodable bytes; a few
# stray ones (a Latin-1 "é") are replaced with a warning instead.
UNDECODABLE = 0.3

# Control characters that are no part of any text: tab, line feed, vertical tab, form feed and
# carriage return are whitespace and are not counted.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def sniff(data: bytes) -> tuple[str | None, int]:
    """(encoding, length of its byte order mark) for what `data` starts with; (None, 0) when
    nothing says it is anything but UTF-8."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return _utf16_without_bom(data[:SNIFF_BYTES]), 0


def _utf16_without_bom(head: bytes) -> str | None:
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nuls = head[0:pairs * 2:2].count(0) / pairs
    odd_nuls = head[1:pairs * 2:2].count(0) / pairs
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls <= UTF16_OTHER_NULS:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls <= UTF16_OTHER_NULS:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of `data`, with a warning when bytes had to be replaced."""
    encoding, skip = sniff(data)
    body = data[skip:]
    encoding = encoding or "utf-8"
    try:
        return body.decode(encoding), []
    except UnicodeDecodeError:
        return body.decode(encoding, errors="replace"), [message("W002", encoding=encoding.upper())]


def binary_reason(data: bytes) -> str | None:
    """Why the bytes that start a file are no text (None when they are text)."""
    head = data[:SNIFF_BYTES]
    if not head:
        return None
    encoding, skip = sniff(head)
    # A cut in the middle of a multi-byte character at the end of the head is not the data's fault.
    sample = codecs.getincrementaldecoder(encoding or "utf-8")(errors="replace").decode(head[skip:])
    if not sample:
        return None
    controls = len(_CONTROL.findall(sample)) / len(sample)
    if controls > BINARY_CONTROLS:
        return (f"looks like binary data: {controls:.0%} of its first {len(sample)} characters are "
                f"control bytes")
    undecodable = sample.count("\ufffd") / len(sample)
    if undecodable > UNDECODABLE:
        return (f"{undecodable:.0%} of its first {len(sample)} characters are not valid "
                f"{(encoding or 'utf-8').upper()}: binary data, or text in another encoding")
    return None
