"""Choosing which place each name means, by the document's context.

Every candidate place starts from its prominence (a state before a region before a city; a
city by its population and by how many languages name it), then gains from what the rest of the
document says:

- a name qualified by its container: "Athens, Georgia", "Geneva, Illinois" (the container, too,
  is the place that holds the other);
- a region word after the name ("the Donetsk region") favours regions over cities;
- other places of the document in the same first-level region ("Atlanta" makes Georgia the US
  state), in the same country (places below the state level say more than the state's name),
  and the states the document's actors belong to.

Context comes from the other names only (a name is no evidence for itself), chosen in a first
pass by prominence alone. "Georgia" in an article about talks in Washington stays the country;
"Geneva" stays in Switzerland unless the article is about places in the United States.
"""
from __future__ import annotations

from collections import Counter

from redline.places.finder import Candidate, candidate_key
from redline.places.gazetteer import Gazetteer, name_key
from redline.records import Place, PlaceMention

QUALIFIED_BONUS = 5.0        # "Athens, Georgia": the named container holds it
AREA_BONUS = 3.0             # "the Donetsk region": a region, not the city
SAME_REGION_BONUS = 2.5
SAME_COUNTRY_BONUS = 1.5     # another place below the state level in the same state
ACTOR_COUNTRY_BONUS = 0.75   # a state the document's actors belong to, or named as a state
AREA_FEATURES = {"admin1", "region", "country"}
# A region or city this little known, in a state nothing else in the document is about, is more
# likely a word that happens to be a place name ("Nord" of Nord Stream) than the place: dropped.
UNSUPPORTED_PROMINENCE = 7.5


def resolve(doc, candidates: list[Candidate], gaz: Gazetteer, actor_countries: Counter | None = None
            ) -> list[PlaceMention]:
    """One place per candidate, in text order."""
    if not candidates:
        return []
    keys = [candidate_key(doc, c) for c in candidates]
    qualified = _qualifiers(doc, candidates, gaz)
    first = [_best(c, gaz, qualified.get(i, ()), None) for i, c in enumerate(candidates)]
    out = []
    for i, cand in enumerate(candidates):
        others = [p for j, p in enumerate(first) if keys[j] != keys[i]]
        context = _context(others, gaz, actor_countries or Counter())
        place = _best(cand, gaz, qualified.get(i, ()), context)
        supported = (place.feature not in ("admin1", "city") or i in qualified or cand.area
                     or gaz.prominence[place.key] >= UNSUPPORTED_PROMINENCE
                     or place.country in context["local_countries"] | context["named_countries"])
        if supported:
            span = doc[cand.start:cand.end]
            out.append(PlaceMention(place, span.start_char, span.end_char, span.text))
    return out


def _qualifiers(doc, candidates: list[Candidate], gaz: Gazetteer) -> dict[int, tuple[Place, ...]]:
    """For "X, Y" where a place Y may be holds a place X may be: the containers each side may mean."""
    out: dict[int, tuple[Place, ...]] = {}
    for i in range(len(candidates) - 1):
        a, b = candidates[i], candidates[i + 1]
        if b.start != a.end + 1 or doc[a.end].text != ",":
            continue
        pairs = [(x, y) for x in a.places for y in b.places if gaz.contains(y, x)]
        if pairs:
            out[i] = tuple(y for _, y in pairs)                 # X: its container is named
            out[i + 1] = tuple(x for x, _ in pairs)             # Y: it holds something named
    return out


def _context(others: list[Place], gaz: Gazetteer, actor_countries: Counter) -> dict[str, set]:
    return {"regions": {p.admin1 for p in others if p.feature != "country"} - {None},
            "local_countries": {p.country for p in others if p.feature != "country" and p.country},
            "named_countries": {p.country for p in others if p.feature == "country"} | set(actor_countries)}


def _best(cand: Candidate, gaz: Gazetteer, qualified: tuple[Place, ...], context: dict | None) -> Place:
    if len(cand.places) == 1:
        return cand.places[0]

    def score(place: Place) -> float:
        s = gaz.prominence[place.key]
        if cand.area and place.feature in AREA_FEATURES:
            s += AREA_BONUS
        if any(gaz.contains(q, place) or gaz.contains(place, q) for q in qualified):
            s += QUALIFIED_BONUS
        if context is not None:
            if place.admin1 in context["regions"]:
                s += SAME_REGION_BONUS
            if place.country in context["local_countries"]:
                s += SAME_COUNTRY_BONUS
            if place.country in context["named_countries"]:
                s += ACTOR_COUNTRY_BONUS
        return s

    return max(cand.places, key=lambda p: (score(p), -cand.places.index(p)))




def dateline_place(found, gaz: Gazetteer, actor_countries: Counter) -> PlaceMention | None:
    """The place a wire dateline names ("LETHEM, Guyana, Sept. 9 (Northwire) -"): the most
    prominent place of that name, inside the state or region the dateline adds when it adds one,
    else in a state of the document's actors when one is."""
    if found is None:
        return None
    places = gaz.lookup(found.group("place"))
    if not places:
        return None
    if found.group("region"):
        containers = gaz.lookup(found.group("region"))
        inside = [p for p in places if any(gaz.contains(c, p) for c in containers)]
        places = inside or places
    local = [p for p in places if p.country in actor_countries]
    place = (local or places)[0]
    return PlaceMention(place, found.start("place"), found.end("place"), found.group("place"))
