"""PLOVER 2.0 mode and contexts of an event, from the words that express it.

The codebook maps each CAMEO code to a PLOVER type, and sometimes a mode and contexts. That is
not enough on PLOVER's own terms: "launched drone strikes" and "shelled the town" are both 190,
but ASSAULT:drone and ASSAULT:heavy-weapons. This module reads the trigger's own phrase for the
mode and the whole sentence for contexts, with the words of `data/plover.yaml`.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from redline.data import data_path, load_yaml

# Links that start another clause: words under them do not describe this event's means.
OTHER_CLAUSE = {"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "mark", "punct"}

Cue = tuple[str, ...]


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    raw = load_yaml(data_path("plover.yaml"))
    cues = lambda words: [tuple(str(w).lower().split()) for w in words]  # noqa: E731
    return {
        "modes": {ptype: [(mode, cues(words)) for mode, words in modes.items()]
                  for ptype, modes in raw["modes"].items()},
        "contexts": [(context, cues(words)) for context, words in raw["contexts"].items()],
        "sector_contexts": raw["sector_contexts"],
        "refine_table": set(raw["refine_table"]),
    }


class Words:
    """The lemmas and forms of some tokens, in text order."""

    def __init__(self, tokens: list[Token]):
        self.each = [{t.lemma_.lower(), t.lower_} for t in tokens]
        self.all = set().union(*self.each) if self.each else set()

    def show(self, cue: Cue) -> bool:
        """Whether the words contain the cue (one word, or consecutive words)."""
        if cue[0] not in self.all:
            return False
        n, each = len(cue), self.each
        return n == 1 or any(all(cue[k] in each[i + k] for k in range(n)) for i in range(len(each) - n + 1))


def means_of(trigger: Token, holders: list[Token]) -> list[Token]:
    """The trigger's phrase: it, its object, instrument and modifiers, not other clauses."""
    seen: dict[int, Token] = {}
    stack = [trigger] + holders
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen[t.i] = t
        stack.extend(c for c in t.children if c.dep_ not in OTHER_CLAUSE)
    return [seen[i] for i in sorted(seen)]


def mode_for(ptype: str | None, table_mode: str | None, phrase: list[Token]) -> str | None:
    """The first mode the phrase shows, unless the codebook gives one it should not refine."""
    if not ptype:
        return table_mode
    vocab = vocabulary()
    words = Words(phrase)
    for mode, cues in vocab["modes"].get(ptype, []):
        if (not table_mode or mode == table_mode or mode in vocab["refine_table"]) and any(
                words.show(c) for c in cues):
            return mode
    return table_mode


def contexts_for(table_contexts, sent: Span, sectors: list[str]) -> list[str]:
    """The codebook's contexts, then each context the sentence or the actors' sectors show."""
    out = list(table_contexts)
    words = Words(list(sent))
    vocab = vocabulary()
    for context, cues in vocab["contexts"]:
        if context not in out and any(words.show(c) for c in cues):
            out.append(context)
    for sector in sectors:
        for context in vocab["sector_contexts"].get(sector, []):
            if context not in out:
                out.append(context)
    return out
