"""Finding documents that are copies of one another: exact copies and wire copies with small edits.

An exact copy has the same `fingerprint` (a hash of the normalised text). A near copy (a changed
headline, a dateline, a sentence added or dropped) has a MinHash `signature` close to an earlier
document's; `NearDuplicates` is the index that finds it among every document seen so far.

Signatures are plain lists of ints so a store can keep them and rebuild the index after a
restart. They are computed with a pinned seed and permutation scheme, so a signature stored
today still compares with one computed tomorrow.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5           # wire copies share long runs of words; other articles on the story do not
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # pinned: datasketch's default may change, stored signatures must not
EMPTY_HASH = (1 << 32) - 1   # the value every slot keeps when a text has no words at all
LSH_RECALL = 0.999          # chance that a pair exactly at the threshold becomes a candidate
_BAND_SALT = 0x9E3779B97F4A7C15      # odd 64-bit constants that spread a band's values over its key
_BAND_MULTIPLIER = 0x100000001B3

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """The text as a comparison sees it: NFKC, lower case, words separated by single spaces.

    Punctuation, symbols and whitespace all become one separator, so copies that differ only in
    quote marks (“ ” vs "), dashes, spacing or line breaks normalise to the same string.
    """
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def fingerprint(text: str) -> str:
    """Hex SHA-1 of the normalised text: equal for exact (and trivially different) copies."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    """Word 5-shingles of the normalised text; a text shorter than 5 words is one shingle of all of it."""
    words = normalise(text).split()
    size = min(SHINGLE_WORDS, len(words))
    if size == 0:
        return set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=8)
def _empty_minhash(num_perm: int) -> MinHash:
    # Building the permutations is most of the cost of a MinHash; copies share them.
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)


def signature(text: str, num_perm: int = 128) -> list[int]:
    """MinHash signature of the text's word shingles, as `num_perm` ints below 2**32.

    A text with no words gets a signature of `EMPTY_HASH` values, which never matches anything.
    """
    minhash = _empty_minhash(num_perm).copy()
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in minhash.hashvalues]


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (share of equal slots)."""
    a, b = np.asarray(sig_a, dtype=np.uint64), np.asarray(sig_b, dtype=np.uint64)
    if a.shape != b.shape:
        raise ValueError(f"signatures of different lengths ({a.size} and {b.size}) cannot be compared")
    return float(np.count_nonzero(a == b)) / a.size if a.size else 0.0


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for the LSH index: the most selective banding that still finds pairs at the threshold.

    datasketch's own choice balances false positives against false negatives, which at 0.8 misses
    most pairs near the threshold. Here a miss is a document coded twice while a false candidate
    only costs one signature comparison, so recall comes first.
    """
    for rows in range(num_perm // 2, 0, -1):
        bands = num_perm // rows
        if bands >= 2 and 1 - (1 - threshold ** rows) ** bands >= LSH_RECALL:
            return bands, rows
    return num_perm, 1


class NearDuplicates:
    """An index of document signatures that answers "is this a copy of a document seen before?".

    A document is a near duplicate of an earlier one when their estimated Jaccard similarity is at
    least `threshold`. The LSH bands propose candidates; each is then checked against the full
    signature, so what is reported is always above the threshold. Documents are remembered in the
    order they were added, and the earliest matching one is reported, so every copy of a story
    points at the same original.

    Memory is what an ingest of millions of documents can afford: per document its signature
    (4 bytes a slot) and one 8-byte key and 4-byte row number per band, in numpy arrays; no
    Python object per band. Band keys live in sorted runs searched with `searchsorted`; new keys
    wait in a small dict until there are enough for a run, and runs of similar size are merged,
    so a lookup searches a few runs and each key is re-sorted a logarithmic number of times.
    """

    RUN_DOCS = 1024          # documents whose band keys wait in the dict before becoming a sorted run

    def __init__(self, threshold: float = 0.8, num_perm: int = 128):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        if num_perm < 2:
            raise ValueError(f"num_perm must be at least 2, got {num_perm!r}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh_bands(threshold, num_perm)
        self._salt = np.arange(self.bands, dtype=np.uint64) * np.uint64(_BAND_SALT)
        self._sigs = np.empty((64, num_perm), dtype=np.uint32)   # row i: the i-th document added
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []     # (sorted band keys, their rows)
        self._recent: dict[int, list[int]] = {}                  # band key -> rows, not yet in a run
        self._recent_docs = 0

    @classmethod
    def rebuild(cls, pairs: Iterable[tuple[str, list[int]]], threshold: float = 0.8,
                num_perm: int = 128) -> "NearDuplicates":
        """An index holding stored (doc_id, signature) pairs, added in the order given (oldest first)."""
        index = cls(threshold=threshold, num_perm=num_perm)
        for doc_id, sig in pairs:
            index.add(doc_id, sig)
        return index

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row_of

    def _array(self, doc_id: str, sig: list[int]) -> np.ndarray:
        values = np.asarray(sig, dtype=np.int64)
        if values.ndim != 1 or values.size != self.num_perm:
            raise ValueError(f"{doc_id}: signature has {values.size} values, this index expects "
                             f"{self.num_perm} (was it computed with another num_perm?)")
        if values.min() < 0 or values.max() > EMPTY_HASH:
            raise ValueError(f"{doc_id}: signature values must be in 0..{EMPTY_HASH}")
        return values.astype(np.uint32)

    def _band_keys(self, values: np.ndarray) -> np.ndarray:
        """One 64-bit key per band: equal bands give equal keys (unequal ones almost never do)."""
        bands = values[:self.bands * self.rows].reshape(self.bands, self.rows).astype(np.uint64)
        keys = self._salt.copy()
        for column in bands.T:
            keys = (keys ^ column) * np.uint64(_BAND_MULTIPLIER)
        return keys

    def _candidates(self, keys: np.ndarray) -> set[int]:
        found: set[int] = set()
        for key in keys.tolist():
            found.update(self._recent.get(key, ()))
        for run_keys, run_rows in self._runs:
            lo = np.searchsorted(run_keys, keys, side="left")
            hi = np.searchsorted(run_keys, keys, side="right")
            for a, b in zip(lo.tolist(), hi.tolist()):
                if b > a:
                    found.update(run_rows[a:b].tolist())
        return found

    def check(self, doc_id: str, sig: list[int]) -> str | None:
        """The earliest added document (other than `doc_id` itself) this one is a near copy of, or None."""
        values = self._array(doc_id, sig)
        if np.all(values == EMPTY_HASH):
            return None     # no words: nothing to compare, and every empty text would match
        own = self._row_of.get(doc_id)
        rows = sorted(r for r in self._candidates(self._band_keys(values)) if r != own)
        for row in rows:         # earliest first
            if np.count_nonzero(self._sigs[row] == values) / self.num_perm >= self.threshold:
                return self._ids[row]
        return None

    def add(self, doc_id: str, sig: list[int]) -> None:
        """Remember a document. Adding the same id with the same signature again changes nothing."""
        values = self._array(doc_id, sig)
        known = self._row_of.get(doc_id)
        if known is not None:
            if not np.array_equal(self._sigs[known], values):
                raise ValueError(f"{doc_id}: already in the index with a different signature; "
                                 "document ids must be unique")
            return
        row = len(self._ids)
        if row == len(self._sigs):
            grown = np.empty((2 * row, self.num_perm), dtype=np.uint32)
            grown[:row] = self._sigs
            self._sigs = grown
        self._sigs[row] = values
        self._ids.append(doc_id)
        self._row_of[doc_id] = row
        if np.all(values == EMPTY_HASH):
            return
        for key in self._band_keys(values).tolist():
            self._recent.setdefault(key, []).append(row)
        self._recent_docs += 1
        if self._recent_docs >= self.RUN_DOCS:
            self._flush()

    def _flush(self) -> None:
        """Turn the recent keys into a sorted run, then merge runs while the newest is as big as the one before."""
        pairs = [(key, row) for key, rows in self._recent.items() for row in rows]
        keys = np.fromiter((k for k, _ in pairs), dtype=np.uint64, count=len(pairs))
        rows = np.fromiter((r for _, r in pairs), dtype=np.int32, count=len(pairs))
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], rows[order]))
        self._recent.clear()
        self._recent_docs = 0
        while len(self._runs) >= 2 and len(self._runs[-1][0]) * 2 >= len(self._runs[-2][0]):
            (k2, r2), (k1, r1) = self._runs.pop(), self._runs.pop()
            keys, rows = np.concatenate([k1, k2]), np.concatenate([r1, r2])
            order = np.argsort(keys, kind="stable")
            self._runs.append((keys[order], rows[order]))

    def check_and_add(self, doc_id: str, sig: list[int]) -> str | None:
        """`check`, then `add` only when the document is not a duplicate (so copies never become originals)."""
        original = self.check(doc_id, sig)
        if original is None:
            self.add(doc_id, sig)
        return original
