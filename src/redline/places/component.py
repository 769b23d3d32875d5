"""The places stage as a spaCy pipeline component: `nlp.add_pipe("redline_places")` after
`redline_events`. Sets `doc._.redline_places` (a list of `PlaceMention` records, in text order)
and the `location` of every event in `doc._.redline_events`."""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from redline.extensions import text_of
from redline.places import gazetteer
from redline.places.finder import PlaceFinder, place_words
from redline.places.location import locate
from redline.places.resolve import dateline_place, resolve
from redline.nlp.dateline import dateline


class PlacesComponent:
    def __init__(self, nlp: Language, place_files: tuple[str, ...] = ()):
        self.gaz = gazetteer.load(tuple(place_files))
        self.finder = PlaceFinder(self.gaz, nlp)
        self.words = place_words()

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.redline_actors
        countries = Counter(m.actor.country for m in actors.mentions if m.actor.country) if actors else Counter()
        mentions = resolve(doc, self.finder.find(doc), self.gaz, countries)
        filed = dateline_place(doc._.redline_dateline or dateline(text_of(doc)), self.gaz, countries)
        if filed is not None and not any(m.start < filed.end and filed.start < m.end for m in mentions):
            mentions.insert(0, filed)
        doc._.redline_places = mentions
        locate(doc, doc._.redline_events or [], mentions, self.gaz, self.words)
        return doc


@Language.factory("redline_places", default_config={"place_files": []})
def make_places_component(nlp: Language, name: str, place_files: list[str]) -> PlacesComponent:
    return PlacesComponent(nlp, tuple(place_files))
