"""The progress bar of long runs, on stderr: documents per second, and an ETA when the total is known.

It is there for a person watching a terminal. When stderr is not a terminal (a log file, a pipe,
CI) it prints nothing, so logs keep only the lines that say something; `--quiet` turns it off in
a terminal too. Lines printed while it runs (errors, `-v` notes) go through `write`, above the bar.

The total is counted before the run from what is cheap to count: one document per text or HTML
file, one per non-blank line of a JSONL file, walking directories as the readers do. Inputs whose
count would cost a second full read or a download (WARC archives, gzipped JSONL, feeds, URLs,
stdin, named pipes) leave the total unknown, and the bar is then a counter with a rate.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Iterable

from redline.records import Document
from redline.sources.readers import URL_PREFIXES, kind_of, walk

_ONE_DOCUMENT = {"text", "html"}


def wanted(stream: IO[str] | None = None, *, quiet: bool = False) -> bool:
    """Whether a bar would be shown on `stream` (default stderr)."""
    stream = sys.stderr if stream is None else stream
    if quiet or stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):      # no isatty, or a closed stream
        return False


def _count_file(path: Path) -> int | None:
    if not path.exists():
        return 1                              # a broken link: the reader turns it into one error record
    if not path.is_file():
        return None                           # a named pipe: counting would eat what the reader needs
    kind, gzipped = kind_of(path.name)
    if kind in _ONE_DOCUMENT:
        return 1
    if kind == "jsonl" and not gzipped:
        try:
            with open(path, "rb") as f:
                return sum(1 for line in f if line.strip())
        except OSError:
            return 1                          # the reader turns it into one error record
    return None


def count_documents(inputs: Iterable[str]) -> int | None:
    """How many documents reading `inputs` gives (errors included), or None if that is not cheap
    to know. Mirrors `sources.readers.read_inputs`: the same files, the same kinds."""
    total = 0
    for item in inputs:
        if item == "-" or item.lower().startswith(URL_PREFIXES):
            return None
        path = Path(item)
        if path.is_dir():
            found = walk(path)                # the readers' own walk: the same files, each once
        elif path.exists():
            found = [path]
        else:
            total += 1                        # a missing input is one error record
            continue
        for each in found:
            count = 1 if isinstance(each, Document) else _count_file(each)
            if count is None:
                return None
            total += count
    return total


class ProgressBar:
    """A tqdm bar counting documents, or nothing at all when it is not wanted.

    total: the documents expected (None: unknown, a counter). stream: where it draws (default
    stderr). quiet: never draw."""

    def __init__(self, total: int | None = None, *, stream: IO[str] | None = None, quiet: bool = False,
                 unit: str = "doc", desc: str = "ingest"):
        self.stream = sys.stderr if stream is None else stream
        self.enabled = wanted(self.stream, quiet=quiet)
        self._bar = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit=unit, desc=desc, dynamic_ncols=True,
                             leave=False, mininterval=0.2, smoothing=0.1)

    def update(self, done: int) -> None:
        """Set the count of documents done so far."""
        if self._bar is not None and done > self._bar.n:
            self._bar.update(done - self._bar.n)

    def status(self, text: str) -> None:
        """A short note after the rate (what has been coded, stored, ...)."""
        if self._bar is not None:
            self._bar.set_postfix_str(text, refresh=False)

    def write(self, line: str) -> None:
        """Print a line on the stream, above the bar when there is one."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
