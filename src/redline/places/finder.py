"""Finding where a text names places, with every place each name may mean.

Where to look: the places spaCy recognises (GPE, LOC, FAC), organisations whose names contain a
well-known place ("Queen's University Belfast"), and every name of a state, a curated region or
sea, or a region's alias wherever it is written with a capital ("the Donbas", "Sea of Azov"),
since the small model misses or mislabels many of them. Inside each stretch the longest names
the gazetteer knows are taken, left to right ("the Donbas region of eastern Ukraine" names the
Donbas and Ukraine), with a following "region", "oblast", ... joined to the name. A country
adjective names a place only before a place noun ("Ukrainian territory", "the Polish border").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from redline.data import data_path, load_yaml
from redline.extensions import ents_of, span_text
from redline.places.gazetteer import Gazetteer, name_key
from redline.records import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_NAME_TOKENS = 6
# an organisation's name counts as naming a place only for places this well known
ORG_PLACE_PROMINENCE = 7.0


@dataclass(slots=True)
class Candidate:
    """A stretch of text that names a place, and every place it may name."""
    start: int                   # token offsets
    end: int
    places: list[Place]
    area: bool = False           # followed by "region", "oblast", ...: a region is meant, not a city
    adjective: bool = False      # "Ukrainian" before a place noun


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in (load_yaml(data_path("place_words.yaml")) or {}).items()}


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Country adjective -> ISO3 ("Ukrainian" -> UKR), from the actor knowledge."""
    out = {}
    for entry in load_yaml(data_path("countries.yaml")) or []:
        for adjective in entry.get("adjectives") or []:
            out.setdefault(adjective, entry["iso3"])
    return out


class PlaceFinder:
    """Finds place candidates in parsed documents; one per pipeline (the matcher is built once)."""

    def __init__(self, gazetteer: Gazetteer, nlp):
        self.gaz = gazetteer
        self.words = place_words()
        # country adjectives are found by a matcher too: walking every token in Python costs more
        # than the rest of the stage
        self.adjectives = {nlp.vocab.strings.add(a): code for a, code in country_adjectives().items()}
        self.adjective_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.adjective_matcher.add("ADJECTIVE", list(nlp.tokenizer.pipe(sorted(country_adjectives()))))
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # states, curated places and regions' aliases; a single short word (a region called
        # "Centre") would match ordinary words, so those are left to spaCy's entities
        names = sorted(n for n in gazetteer.names_to_match if len(n) > 3 and (" " in n or n[0].isupper()))
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(names)))

    def find(self, doc) -> list[Candidate]:
        stretches: list[tuple[int, int, bool]] = []          # (start, end, from an organisation's name)
        person_of: dict[int, tuple[int, int]] = {}           # token -> the person's name it is part of
        for ent in ents_of(doc):
            if ent.label_ in PLACE_LABELS:
                stretches.append((ent.start, ent.end, False))
            elif ent.label_ == "ORG":
                stretches.append((ent.start, ent.end, True))
            elif ent.label_ == "PERSON":
                person_of.update((k, (ent.start, ent.end)) for k in range(ent.start, ent.end))
        for _, start, end in self.matcher(doc):
            if not (doc[start].is_title or doc[start].is_upper):
                continue
            # a place name inside a longer person's name is the person's ("Michael Jordan"); a
            # person's name that is all place name is the small model's mistake ("Luhansk")
            person = person_of.get(start)
            if person is None or person == (start, end):
                stretches.append((start, end, False))
        taken: set[int] = set()
        found: list[Candidate] = []
        for start, end, in_org in sorted(stretches, key=lambda s: (s[0], -(s[1] - s[0]))):
            for cand in self._names_in(doc, start, end, in_org):
                if not any(k in taken for k in range(cand.start, cand.end)):
                    found.append(cand)
                    taken.update(range(cand.start, cand.end))
        for cand in self._adjectives(doc, taken):
            found.append(cand)
        found.sort(key=lambda c: c.start)
        _share_area_words(doc, found)
        return found

    def _names_in(self, doc, start: int, end: int, in_org: bool) -> list[Candidate]:
        out = []
        i = start
        while i < end:
            token = doc[i]
            if not (token.is_title or token.is_upper) or token.is_punct or token.lower_ == "the":
                i += 1
                continue
            hit = None
            for length in range(min(MAX_NAME_TOKENS, end - i), 0, -1):
                name = span_text(doc, i, i + length)
                if name_key(name) in self.words["generic_names"]:
                    continue
                places = self.gaz.lookup(name)
                if in_org:
                    places = [p for p in places if self.gaz.prominence[p.key] >= ORG_PLACE_PROMINENCE]
                if places:
                    hit = Candidate(i, i + length, places)
                    break
            if hit is None:
                i += 1
                continue
            after = hit.end
            if after < len(doc) and doc[after].lower_ in self.words["area_suffixes"] and not in_org:
                hit.end, hit.area = after + 1, True
            out.append(hit)
            i = hit.end
        return out

    def _adjectives(self, doc, taken: set[int]) -> list[Candidate]:
        out = []
        nouns = self.words["place_nouns"]
        for _, start, end in self.adjective_matcher(doc):
            token = doc[start]
            code = self.adjectives.get(token.orth)
            if end != start + 1 or code is None or token.i in taken:
                continue
            if token.dep_ not in ("amod", "compound", "nmod") or token.head.lemma_.lower() not in nouns:
                continue
            country = self.gaz.countries.get(code)
            if country is not None:
                out.append(Candidate(token.i, token.i + 1, [country], adjective=True))
        return out


def _share_area_words(doc, found: list[Candidate]) -> None:
    """"The Donetsk and Luhansk regions": a region word after the last of coordinated names
    makes each of them a region."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if not b.area or a.area:
            continue     # (the words between are read only when they matter: they can be many)
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between and all(w in (",", "and", "or") for w in between):
            a.area = True


def candidate_key(doc, cand: Candidate) -> str:
    """The name a candidate is written with, as the gazetteer indexes it."""
    return name_key(span_text(doc, cand.start, cand.end))
