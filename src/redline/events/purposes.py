"""The demand of a protest, strike, blockade or riot, which names its four-digit code.

CAMEO splits each kind of protest by what it demands: a change of leader (14x1), of policy
(14x2), rights (14x3), or of institutions (14x4). The words of `data/purposes.yaml` say which.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from redline.data import data_path, load_yaml
from redline.events.plover import Words
from redline.extensions import kids


@lru_cache(maxsize=1)
def table() -> dict:
    raw = load_yaml(data_path("purposes.yaml"))
    return {"codes": set(raw["codes"]), "preps": set(raw["linking_preps"]),
            "verbs": set(raw["linking_verbs"]),
            "kinds": [(k["digit"], [tuple(str(w).lower().split()) for w in k["words"]])
                      for k in raw["kinds"]]}


def demand_of(words: list[Token]) -> list[Token]:
    """The words saying what a protest (its trigger or object words) is for: "against the
    pension reform", "demanding his resignation", "protests for democracy"."""
    t = table()
    out = []
    for w in words:
        for c in kids(w):
            if (c.dep_ == "prep" and c.lower_ in t["preps"]) or (
                    c.dep_ in ("advcl", "acl", "xcomp", "relcl") and c.lemma_.lower() in t["verbs"]):
                out.extend(c.subtree)
    return sorted(set(out), key=lambda x: x.i)


def specific(code: str, words: list[Token]) -> str:
    """The four-digit code of a protest whose demand the sentence states, else the code."""
    t = table()
    if code not in t["codes"]:
        return code
    phrase = demand_of(words)
    if not phrase:
        return code
    words = Words(phrase)
    for digit, cues in t["kinds"]:
        if any(words.show(c) for c in cues):
            return code + digit
    return code
