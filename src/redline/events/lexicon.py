"""The event lexicon: verb and noun patterns that turn words into CAMEO codes.

Patterns are data (`data/lexicon/*.yaml`, format in docs/data-formats.md). This module loads
them, checks them, and indexes them by trigger lemma for the coder.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redline.data import as_list, data_path, load_yaml
from redline.errors import RedlineError
from redline.events.codebook import codebook

# The `code` of an entry for an idiom that looks like an act and is none ("the army seized
# power", "seized the opportunity"): it wins its trigger like any entry, so that no other entry
# of the word or of its object fires there, and codes nothing.
NOT_AN_EVENT = "none"

KEYS = {"id", "code", "verb", "noun", "adj", "prep", "object", "xcomp", "target", "symmetric", "target_kind",
        "source_sector", "reported", "at_home", "reverse", "note"}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    pos: str                              # "verb" or "noun"
    lemma: str
    particles: tuple[str, ...]
    prep: str | None
    objects: tuple[tuple[str, ...], ...]  # each: modifiers..., head
    xcomp: tuple[str, ...]
    target: tuple[str, ...]
    symmetric: bool
    order: int
    target_kind: str | None = None        # "person", "place", "territory": fires only on such an object
    source_sector: tuple[str, ...] = ()   # fires only when the subject is an actor of one of these
                                          # sectors ("troops rolled into Kabul": MIL, REB, UAF)
    reported: str | None = None           # the code when another says it of the subject, from
                                          # the speaker to the subject ("said Russia was behind
                                          # the attack" accuses Russia: 112)
    at_home: bool = False                 # aimed at no one named, done within the doer's own
                                          # country ("exploded a nuclear device": a test)
    reverse: bool = False                 # the event runs from the target to the subject ("fled
                                          # into exile in France": France's asylum to him, 075)

    def score(self, object_words: int) -> float:
        """How specific a match is: constraints met, and a longer object phrase counts more."""
        score = (len(self.particles) + (1 if self.prep else 0) + (1 if self.xcomp else 0)
                 + (1 if self.target_kind else 0) + (1 if self.source_sector else 0))
        if self.objects:
            score += 1 + 0.5 * (object_words - 1)
        return score

    @property
    def specificity(self) -> float:
        """The least a match of this pattern scores."""
        return self.score(min((len(o) for o in self.objects), default=1))


class Lexicon:
    def __init__(self):
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        self.adjectives: dict[str, list[Pattern]] = {}
        self.by_id: dict[str, Pattern] = {}
        self._order = 0

    def add(self, entry: dict, where: str, index: int, user: bool = False) -> None:
        if not isinstance(entry, dict):
            raise RedlineError("E302", path=where, index=index, detail="entry is not a mapping")
        unknown = set(entry) - KEYS
        if unknown:
            raise RedlineError("E302", path=where, index=index, detail=f"unknown keys {sorted(unknown)}")
        code = str(entry.get("code") or "")
        if code == NOT_AN_EVENT:
            code = ""     # an idiom that wins its trigger and codes nothing ("seized power")
        elif code not in codebook():
            raise RedlineError("E302", path=where, index=index, detail=f"unknown CAMEO code {code!r}")
        for key in ("prep", "target", "object", "xcomp", "verb", "noun", "adj"):
            values = entry.get(key) if isinstance(entry.get(key), list) else [entry.get(key)]
            if any(isinstance(v, bool) for v in values):
                raise RedlineError("E302", path=where, index=index,
                                   detail=f"'{key}' has a yes/no value: quote words like \"on\", \"off\", \"no\"")
        reported = str(entry["reported"]) if entry.get("reported") else None
        if reported is not None and reported not in codebook():
            raise RedlineError("E302", path=where, index=index, detail=f"unknown CAMEO code {reported!r} in 'reported'")
        words = str(entry.get("verb") or entry.get("noun") or entry.get("adj") or "").lower().split()
        if not words or not entry.get("id"):
            raise RedlineError("E302", path=where, index=index, detail="needs 'id' and 'verb', 'noun' or 'adj'")
        pos = "verb" if entry.get("verb") else "noun" if entry.get("noun") else "adj"
        objects = tuple(tuple(str(o).lower().split()) for o in as_list(entry.get("object")) if str(o).strip())
        self._order += 1
        pattern = Pattern(
            id=str(entry["id"]), code=code, pos=pos, lemma=words[0], particles=tuple(words[1:]),
            prep=(str(entry["prep"]).lower() if entry.get("prep") else None), objects=objects,
            xcomp=tuple(str(x).lower() for x in as_list(entry.get("xcomp"))),
            target=tuple(str(x).lower() for x in as_list(entry.get("target"))),
            symmetric=bool(entry.get("symmetric")), order=self._order,
            target_kind=(str(entry["target_kind"]) if entry.get("target_kind") else None),
            source_sector=tuple(str(x).upper() for x in as_list(entry.get("source_sector"))), reported=reported,
            at_home=bool(entry.get("at_home")), reverse=bool(entry.get("reverse")))
        old = self.by_id.get(pattern.id)
        if old is not None and not user:   # one id twice in the package would silently drop an entry
            raise RedlineError("E302", path=where, index=index, detail=f"id {pattern.id!r} is already used")
        if old is not None:   # a user's entry with the same id replaces the packaged one
            index_ = self.index(old.pos)
            index_[old.lemma] = [p for p in index_[old.lemma] if p.id != old.id]
        self.by_id[pattern.id] = pattern
        self.index(pos).setdefault(pattern.lemma, []).append(pattern)

    def index(self, pos: str) -> dict[str, list[Pattern]]:
        return self.verbs if pos == "verb" else self.nouns if pos == "noun" else self.adjectives

    def add_file(self, path: str | Path, user: bool = False) -> None:
        """Add a pattern file; a user's patterns win ties against packaged ones."""
        if user:
            self._order = min(self._order, 0) - 1_000_000
        entries = load_yaml(path) or []
        if not isinstance(entries, list):
            raise RedlineError("E302", path=str(path), index=0, detail="a lexicon file is a list of entries")
        for i, entry in enumerate(entries, 1):
            self.add(entry, str(path), i, user)

    def finish(self) -> Lexicon:
        for index in (self.verbs, self.nouns, self.adjectives):
            for patterns in index.values():
                patterns.sort(key=lambda p: (-p.specificity, p.order))
        return self


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    lex = Lexicon()
    for path in sorted(data_path("lexicon").glob("*.yaml")):
        lex.add_file(path)
    for path in extra_files:
        lex.add_file(path, user=True)
    return lex.finish()
