"""The event lexicon: valid entries, every root reachable, users can add and override."""
import pytest

from redline.errors import RedlineError
from redline.events.codebook import codebook
from redline.events.lexicon import Lexicon, load_lexicon


def test_every_root_has_verb_and_noun_patterns():
    lex = load_lexicon()
    patterns = [p for ps in list(lex.verbs.values()) + list(lex.nouns.values()) for p in ps]
    roots = {p.code[:2] for p in patterns}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(patterns) >= 500
    assert all(p.code in codebook() for p in patterns)


def test_more_specific_pattern_is_tried_first():
    lex = load_lexicon()
    fire = lex.verbs["fire"]
    assert fire[0].specificity >= fire[-1].specificity


def test_user_file_overrides_and_extends(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text('- {id: mine.lambast, code: "111", verb: lambast}\n', encoding="utf-8")
    lex = load_lexicon((str(f),))
    assert lex.verbs["lambast"][0].id == "mine.lambast"


def test_bad_entries_are_named(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text('- {id: x, code: "999", verb: explode}\n', encoding="utf-8")
    with pytest.raises(RedlineError) as e:
        Lexicon().add_file(f)
    assert "bad.yaml" in str(e.value) and "unknown CAMEO code" in str(e.value)
    f.write_text('- {id: y, code: "190", verb: attack, colour: red}\n', encoding="utf-8")
    with pytest.raises(RedlineError) as e:
        Lexicon().add_file(f)
    assert "unknown keys" in str(e.value)


def test_yaml_yes_no_words_are_caught(tmp_path):
    f = tmp_path / "bare.yaml"
    f.write_text("- {id: z, code: \"163\", verb: impose, target: [on]}\n", encoding="utf-8")
    with pytest.raises(RedlineError) as e:
        Lexicon().add_file(f)
    assert "quote words" in str(e.value)
