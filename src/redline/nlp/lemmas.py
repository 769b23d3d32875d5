"""The model's rule lemmatizer with its outcomes looked up by array: the same lemmas, without a
Python call per word.

spaCy's rule lemmatizer already caches a lemma per (word, part of speech, morphology), but it
still visits every token through Python objects; here the doc's columns are read as one array,
each distinct key is lemmatized once by the stock component, and the lemmas are written back as
one array. Lookup-mode lemmatizers and others are left as they are.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

STOCK = "lemmatizer"
COMPILED = "redline_lemmas"
CACHE_LIMIT = 200_000   # keys kept before the cache starts afresh


class ArrayLemmatizer:
    def __init__(self, lemmatizer, strings):
        self.lemmatizer = lemmatizer
        self.strings = strings
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = self._lemmas
        if len(lemmas) > CACHE_LIMIT:
            lemmas.clear()
        overwrite = self.lemmatizer.overwrite
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            if found != lemma:
                columns[i, 3] = found
                changed = True
        if changed:
            doc.from_array([LEMMA], numpy.ascontiguousarray(columns[:, 3:4]))
        return doc


@Language.factory(COMPILED)
def make_array_lemmatizer(nlp: Language, name: str):
    """Stands in for the pipeline's rule lemmatizer (which the loader then disables)."""
    return ArrayLemmatizer(nlp.get_pipe(STOCK), nlp.vocab.strings)


def compile_lemmatizer(nlp: Language) -> bool:
    """Replace `nlp`'s rule lemmatizer by the array form; True if it was replaced."""
    if STOCK not in nlp.pipe_names or getattr(nlp.get_pipe(STOCK), "mode", None) != "rule":
        return False
    nlp.add_pipe(COMPILED, after=STOCK)
    nlp.disable_pipe(STOCK)
    return True
