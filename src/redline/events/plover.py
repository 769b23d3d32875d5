"""PLOVER 2.0 mode and contexts of an event, from the words that express it.

The codebook maps each CAMEO code to a PLOVER type, and sometimes a mode and contexts. That is
not enough on PLOVER's own terms: "launched drone strikes" and "shelled the town" are both 190,
but ASSAULT:drone and ASSAULT:heavy-weapons. This module reads the trigger's own phrase for the
mode and the whole sentence for contexts, with the words of `data/plover.yaml`.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from redline.data import data_path, load_yaml
from redline.extensions import kids

# Links that start another clause: words under them do not describe this event's means.
OTHER_CLAUSE = {"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "mark", "punct"}

Cue = tuple[str, ...]


def first_words(cues: list[Cue]) -> frozenset[str]:
    """The words the cues begin with: no cue is shown by words that hold none of them."""
    return frozenset(c[0] for c in cues)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    raw = load_yaml(data_path("plover.yaml"))
    cues = lambda words: [tuple(str(w).lower().split()) for w in words]
    cued = lambda cs: (cs, first_words(cs))
    contexts = [(context, cues(words)) for context, words in raw["contexts"].items()]
    by_first: dict[str, list[tuple[str, Cue]]] = {}   # first word of a cue -> (context, cue)
    for context, cs in contexts:
        for c in cs:
            by_first.setdefault(c[0], []).append((context, c))
    return {
        # each mode with its cues and their first words (see Words.show_any)
        "modes": {ptype: [(mode, *cued(cues(words))) for mode, words in modes.items()]
                  for ptype, modes in raw["modes"].items()},
        "contexts": contexts,
        "contexts_by_first": by_first,
        "context_order": {context: n for n, (context, _) in enumerate(contexts)},
        "sector_contexts": raw["sector_contexts"],
        "refine_table": set(raw["refine_table"]),
        "mode_codes": raw["mode_codes"],
        "weapon_codes": [(code, *cued(cues(words))) for code, words in raw["weapon_codes"].items()],
    }


class Words:
    """The lemmas and forms of some tokens, in text order."""

    def __init__(self, tokens: list[Token]):
        self.each = [{t.lemma_.lower(), t.lower_} for t in tokens]
        self.all = set().union(*self.each) if self.each else set()
        self.contexts: list[str] | None = None    # the contexts the words show (contexts_for)

    def show(self, cue: Cue) -> bool:
        """Whether the words contain the cue (one word, or consecutive words)."""
        if cue[0] not in self.all:
            return False
        n, each = len(cue), self.each
        return n == 1 or any(all(cue[k] in each[i + k] for k in range(n)) for i in range(len(each) - n + 1))

    def show_any(self, cues: list[Cue], firsts: frozenset[str]) -> bool:
        """Whether the words contain any of the cues, whose first words are `firsts`: most
        lists of cues are ruled out by that one test, without trying each cue."""
        return not firsts.isdisjoint(self.all) and any(self.show(c) for c in cues)


def means_of(trigger: Token, holders: list[Token]) -> list[Token]:
    """The trigger's phrase: it, its object, instrument and modifiers, not other clauses."""
    seen: dict[int, Token] = {}
    stack = [trigger] + holders
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen[t.i] = t
        stack.extend(c for c in kids(t) if c.dep_ not in OTHER_CLAUSE)
    return [seen[i] for i in sorted(seen)]


def mode_for(ptype: str | None, table_mode: str | None, phrase: list[Token]) -> str | None:
    """The first mode the phrase shows, unless the codebook gives one it should not refine."""
    if not ptype:
        return table_mode
    vocab = vocabulary()
    words = Words(phrase)
    for mode, cues, firsts in vocab["modes"].get(ptype, []):
        if (not table_mode or mode == table_mode or mode in vocab["refine_table"]) and words.show_any(cues, firsts):
            return mode
    return table_mode


def contexts_for(table_contexts, words: Words, sectors: list[str]) -> list[str]:
    """The codebook's contexts, then each context the sentence (its `words`) or the actors'
    sectors show."""
    out = list(table_contexts)
    vocab = vocabulary()
    if words.contexts is None:    # what the sentence shows, found once for all its events
        words.contexts = sorted({context for w in words.all for context, cue in vocab["contexts_by_first"].get(w, ())
                                 if words.show(cue)}, key=vocab["context_order"].get)
    out.extend(c for c in words.contexts if c not in out)
    for sector in sectors:
        for context in vocab["sector_contexts"].get(sector, []):
            if context not in out:
                out.append(context)
    return out


def code_for_weapon(phrase: list[Token]) -> str | None:
    """The code a weapon the phrase names makes of any violent act ("in a chemical weapons
    attack": 2041), or None."""
    words = Words(phrase)
    return next((code for code, cues, firsts in vocabulary()["weapon_codes"] if words.show_any(cues, firsts)), None)


def code_for_means(code: str, ptype: str | None, phrase: list[Token]) -> tuple[str, str] | None:
    """The specific code a residual code takes from the means its phrase shows, with that mode
    ("190" + aerial -> "195"); None for codes with no such table or phrases that show none."""
    table = vocabulary()["mode_codes"].get(code)
    if not table:
        return None
    mode = mode_for(ptype, None, phrase)
    return (table[mode], mode) if mode in table else None
