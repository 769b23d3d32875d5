"""The event stage as a spaCy pipeline component: `nlp.add_pipe("redline_events")`.

Needs the actor stage before it (it adds one itself when missing). Sets `doc._.redline_events`,
a list of `Event` records with every modality; filtering is the caller's choice.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import redline.extensions  # noqa: F401
from redline.actors.knowledge import load_kb
from redline.actors.resolver import DocActors
from redline.events.coder import EventCoder
from redline.events.lexicon import Lexicon, load_lexicon


class EventsComponent:
    def __init__(self, lexicon: Lexicon, actor_files: tuple[str, ...] = ()):
        self.coder = EventCoder(lexicon)
        self.actor_files = actor_files

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.redline_actors
        if actors is None:
            actors = doc._.redline_actors = DocActors(doc, load_kb(self.actor_files), doc._.redline_date)
        doc._.redline_events = self.coder.code(doc, actors, doc._.redline_date)
        return doc


@Language.factory("redline_events", default_config={"lexicon_files": [], "actor_files": []})
def make_events_component(nlp: Language, name: str, lexicon_files: list[str],
                          actor_files: list[str]) -> EventsComponent:
    """lexicon_files: the user's extra pattern files, applied after the packaged ones."""
    return EventsComponent(load_lexicon(tuple(lexicon_files)), tuple(actor_files))
