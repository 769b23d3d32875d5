"""The quote stage as a spaCy pipeline component: `nlp.add_pipe("redline_quotes")` after
`redline_actors` (added on demand). Sets `doc._.redline_quotes`, a list of `Quote` records."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import redline.extensions  # noqa: F401
from redline.actors.knowledge import load_kb
from redline.actors.resolver import DocActors
from redline.quotes.finder import QuoteFinder


class QuotesComponent:
    def __init__(self, actor_files: tuple[str, ...] = ()):
        self.actor_files = actor_files

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.redline_actors
        if actors is None:
            actors = doc._.redline_actors = DocActors(doc, load_kb(self.actor_files), doc._.redline_date)
        doc._.redline_quotes = QuoteFinder(doc, actors).find()
        return doc


@Language.factory("redline_quotes", default_config={"actor_files": []})
def make_quotes_component(nlp: Language, name: str, actor_files: list[str]) -> QuotesComponent:
    return QuotesComponent(tuple(actor_files))
