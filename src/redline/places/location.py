"""Where each event happened.

In order:
1. a place its own sentence puts it at: a place under a locative preposition ("in", "near",
   "towards", "across", ...) that belongs to the event's trigger ("clashes in Idlib", "the
   deployment of troops towards the borders of the Donbas region": the first place of the phrase,
   the most specific), or to the verb whose object the trigger is ("launched strikes on Odesa");
2. a region or city that a material event is done to ("shelled Kharkiv"; but "warned Kyiv" is
   said to a government, not in a city);
3. the place the document is about (see `focus`), marked `how: document`;
otherwise none. A state's capital is a location only when the text puts the event there
("talks in Geneva", "protests in Moscow"), never because the state is an actor.
"""
from __future__ import annotations

from collections import Counter

from redline.extensions import crosses
from redline.places.gazetteer import Gazetteer
from redline.records import Event, Location, PlaceMention

NOUN_ROLES = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "pobj"}
MATERIAL = {2, 4}        # QuadClasses of deeds (cooperation, conflict), not words
# a preposition inside another clause belongs to that clause's event ("fired a warning saying the
# crisis along Ukraine's borders ..." is not located on the borders)
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "csubj", "parataxis", "conj"}


def locate(doc, events: list[Event], mentions: list[PlaceMention], gaz: Gazetteer, words: dict) -> None:
    """Sets `location` on each event."""
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in mentions]
    spans = [(m, s) for m, s in spans if s is not None]
    document = focus(mentions, gaz)
    for event in events:
        event.location = _in_sentence(doc, event, spans, words) or (
            Location(document.place, document.start, document.end, "document") if document else None)


def _in_sentence(doc, event: Event, spans, words: dict) -> Location | None:
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return None
    t = trigger.root
    here = [(m, s) for m, s in spans if event.sentence.start <= m.start < event.sentence.end]
    prepositions, loose = words["locative_prepositions"], words["topic_prepositions"]
    for m, span in here:                           # text order: the first place of a phrase is the most specific
        for node in span.root.ancestors:
            if node.dep_ == "prep" and _belongs(node.head, t) and (
                    node.lower_ in prepositions or (node.lower_ in loose and m.place.feature != "country")):
                return Location(m.place, m.start, m.end, "sentence")
            if node.i == t.i:
                break
    if event.quad_class not in MATERIAL:
        return None
    for m, span in here:
        r = span.root
        if m.place.feature != "country" and r.head.i == t.i and r.dep_ in words["object_dependencies"]:
            return Location(m.place, m.start, m.end, "sentence")
    return None


def _belongs(head, t) -> bool:
    """Whether a preposition attached to `head` says where the event of trigger `t` happened."""
    if head.i == t.i:
        return True
    if t.is_ancestor(head):
        return not crosses(head, t, CLAUSE_DEPS)
    # a nominal trigger's verb: "launched strikes on Odesa"
    return t.dep_ in NOUN_ROLES and head.i == t.head.i and t.head.pos_ in ("VERB", "AUX")


def focus(mentions: list[PlaceMention], gaz: Gazetteer) -> PlaceMention | None:
    """The place the document is about: the region or city (not a state's capital) it names most,
    the earliest of those named as often; None when it names only states and capitals."""
    local = [m for m in mentions if m.place.feature != "country" and gaz.feature_code.get(m.place.key) != "PPLC"]
    if not local:
        return None
    counts = Counter(m.place.key for m in local)
    best = max(counts.values())
    return next(m for m in local if counts[m.place.key] == best)
