"""The actor stage as a spaCy pipeline component: `nlp.add_pipe("redline_actors")`.

Sets `doc._.redline_actors` (a `DocActors`). Set `doc._.redline_date` (ISO date) before it runs
to resolve "the US president" by date.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import redline.extensions  # noqa: F401  (registers the Doc attributes)
from redline.actors.knowledge import ActorKB, load_kb
from redline.actors.resolver import DocActors


class ActorsComponent:
    def __init__(self, kb: ActorKB):
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.redline_actors = DocActors(doc, self.kb, doc._.redline_date)
        return doc


@Language.factory("redline_actors", default_config={"actor_files": []})
def make_actors_component(nlp: Language, name: str, actor_files: list[str]) -> ActorsComponent:
    """actor_files: the user's extra actor files (YAML or CSV), applied after the packaged ones."""
    return ActorsComponent(load_kb(tuple(actor_files)))
