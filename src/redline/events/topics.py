"""What an appeal, intent, demand, rejection or concession is about, and so its specific code.

"urged Georgia to press ahead with political reforms" is an appeal (02) for political reform
(024); "rejected calls to step down" a rejection (12) of a change in leadership (1231). The
words of `data/topics.yaml`, read in the trigger's complement, pick the sub-code.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from redline.data import data_path, load_yaml
from redline.events.plover import Words, first_words
from redline.extensions import kids

# Links to what a verb asks for, promises or refuses ("calls for reform", "to resign",
# "that India extradite her"), and to what a noun is ("a demand for aid", "calls to resign").
VERB_LINKS = {"xcomp", "ccomp", "dobj", "attr", "oprd", "nsubjpass", "dative"}
NOUN_LINKS = {"acl", "ccomp", "relcl"}
LINKING_PREPS = {"for", "of", "to", "on", "over", "from", "into"}


@lru_cache(maxsize=1)
def table() -> dict:
    raw = load_yaml(data_path("topics.yaml"))
    families = raw["families"]
    topics = []
    for t in raw["topics"]:
        cues = [tuple(str(w).lower().split()) for w in t["words"]]
        codes = {fam: code for fam, code in zip(families, t["codes"]) if code}
        topics.append((codes, cues))
    # each family's sub-codes with their words, in file order: a code looks through its own only
    # (with the cues' first words: see Words.show_any)
    by_family: dict[str, list[tuple[str, list, frozenset]]] = {}
    for codes, cues in topics:
        for fam, code in codes.items():
            by_family.setdefault(fam, []).append((code, cues, first_words(cues)))
    return {"families": set(families), "topics": topics, "by_family": by_family}


def complement(trigger: Token, holders: list[Token]) -> list[Token]:
    """The trigger and what it governs as its content, without the actors asking or refusing
    and without conditions ("would face sanctions if it invaded": sanctions, not invasion)."""
    links = VERB_LINKS if trigger.pos_ in ("VERB", "AUX") else NOUN_LINKS
    out = {trigger.i: trigger}
    for h in [trigger] + holders:
        for c in kids(h):
            if c.dep_ in links or (c.dep_ == "prep" and c.lower_ in LINKING_PREPS) or h is not trigger:
                out.update((t.i, t) for t in _without_conditions(c))
    return [out[i] for i in sorted(out)]


def _without_conditions(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids(t)
                     if not (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in kids(c))))
    return out


def refines(old: str, new: str) -> bool:
    """Whether `new` says more than `old` within its family: 020 -> any 02x, 023 -> 0231."""
    if old[:2] != new[:2] or new == old:
        return False
    if len(old) == 3 and old.endswith("0"):
        return True
    return len(new) == 4 and new.startswith(old)


def specific(code: str, trigger: Token, holders: list[Token]) -> str | None:
    """The more specific code of the same family the complement's words give, or None."""
    t = table()
    if code[:2] not in t["families"] or len(code) == 4:
        return None
    words = None     # the complement's words, read only when a sub-code could apply
    for new, cues, firsts in t["by_family"].get(code[:2], ()):
        if refines(code, new):
            if words is None:
                words = Words(complement(trigger, holders))
            if words.show_any(cues, firsts):
                return new
    return None
