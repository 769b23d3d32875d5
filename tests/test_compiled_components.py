"""The compiled attribute ruler and the array lemmatizer set exactly what spaCy's own components set."""
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from redline.nlp import lemmas
from redline.nlp.attributes import (
    COMPILED,
    STOCK,
    CompiledRuler,
    compile_attribute_ruler,
)
from redline.nlp.model import load_spacy, load_stock

TEXT = (
    "Moscow has said it won't withdraw the 90,000 troops it massed near the border.\n\n"
    "\"We are not gonna let them dictate to us,\" a senior official told reporters on Tuesday; "
    "there were no talks planned, and y'all can't say it wasn't tried.  Let's see what's next.\n"
    "Somebody in Kyiv, who'd asked for anonymity, said the envoys themselves had got nothing."
)
ATTRS = [TAG, POS, MORPH, LEMMA, DEP]


def annotations(nlp, text):
    doc = nlp(text)
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc]


def test_redline_pipeline_runs_the_compiled_components_in_place_of_the_stock_ones():
    nlp = load_spacy()
    assert nlp.pipe_names[-3:] == [COMPILED, lemmas.COMPILED, "ner"]
    assert STOCK in nlp.disabled and lemmas.STOCK in nlp.disabled


def test_compiled_components_match_the_stock_ones_on_the_model():
    fast, stock = load_spacy(), load_spacy()
    for name, compiled in ((STOCK, COMPILED), (lemmas.STOCK, lemmas.COMPILED)):
        stock.enable_pipe(name)
        stock.disable_pipe(compiled)
    assert annotations(fast, TEXT) == annotations(stock, TEXT)
    assert [t.lemma_ for t in fast("The envoys had walked out.")] == ["the", "envoy", "have", "walk", "out", "."]
    # what the stock ruler does is visible: contractions and pronouns get its lemmas and features
    doc = fast(TEXT)
    wo = next(t for t in doc if t.text == "wo")
    assert wo.lemma_ == "will" and wo.pos_ == "AUX"
    assert next(t for t in doc if t.text == "them").morph.get("Case") == ["Acc"]


def test_load_stock_keeps_the_shipped_pipeline():
    assert COMPILED not in load_stock().pipe_names


def blank_with_rules(patterns):
    nlp = spacy.blank("en")
    nlp.add_pipe(STOCK).add_patterns(patterns)
    return nlp


@pytest.mark.parametrize("order", [1, -1])
def test_rules_of_several_words_and_later_rules_win_as_in_spacy(order):
    patterns = [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"LOWER": "na"}]], "attrs": {"LEMMA": "not applicable", "POS": "ADJ"}},
        {"patterns": [[{"LOWER": {"IN": ["gon", "wan"]}}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["na", "all"]}, "IS_PUNCT": False}]], "attrs": {"POS": "X"}},
    ][::order]
    text = "They are gon na go , na , y' all said gonna."
    fast, stock = blank_with_rules(patterns), blank_with_rules(patterns)
    assert compile_attribute_ruler(fast)
    assert annotations(fast, text) == annotations(stock, text)
    lemmas = [t.lemma_ for t in fast(text)]
    assert lemmas[3] == ("not applicable" if order == 1 else "to")


def test_a_ruler_with_operators_is_left_to_spacy():
    nlp = blank_with_rules([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    assert not CompiledRuler.compilable(nlp.get_pipe(STOCK))
    assert not compile_attribute_ruler(nlp)
    assert nlp.pipe_names == [STOCK]
    assert nlp("very very good")[0].pos_ == "ADV"


def test_a_lookup_lemmatizer_is_left_to_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not lemmas.compile_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


def test_the_pipeline_with_compiled_components_can_be_pickled():
    import pickle
    nlp = pickle.loads(pickle.dumps(load_spacy()))
    assert annotations(nlp, TEXT) == annotations(load_spacy(), TEXT)
