"""The event lexicon: valid entries, every root reachable, users can add and override."""
import pytest
from conftest import codes

from redline.errors import RedlineError
from redline.evaluation import actor_key
from redline.events.codebook import codebook
from redline.events.lexicon import Lexicon, load_lexicon


def test_every_root_has_verb_and_noun_patterns():
    lex = load_lexicon()
    patterns = [p for ps in list(lex.verbs.values()) + list(lex.nouns.values()) for p in ps if p.code]
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


def test_an_idiom_entry_wins_its_trigger_and_codes_nothing(tmp_path, code):
    # a coup's "seized power" is told by what the plotters did, not as property seized
    got = codes(code("Soldiers seized power in Niamey on Wednesday and detained the president at his residence.",
                     "2023-07-27"))
    assert ("NER", "NER", "173") in got and not any(c.startswith("17") and c != "173" for _, _, c in got)
    # users write such entries too: "code: none"
    f = tmp_path / "mine.yaml"
    f.write_text('- {id: mine.hail.taxi, code: none, verb: hail, object: [taxi, cab]}\n', encoding="utf-8")
    lex = load_lexicon((str(f),))
    assert lex.by_id["mine.hail.taxi"].code == "" and lex.by_id["05.hail"].code == "051"


def test_an_id_used_twice_in_the_package_is_an_error_but_a_user_may_replace_one(tmp_path):
    f = tmp_path / "twice.yaml"
    f.write_text('- {id: t.quit, code: "161", verb: quit}\n- {id: t.quit, code: "080", verb: quit}\n',
                 encoding="utf-8")
    with pytest.raises(RedlineError) as e:
        Lexicon().add_file(f)
    assert "twice.yaml" in str(e.value) and "'t.quit' is already used" in str(e.value)
    mine = tmp_path / "mine.yaml"
    mine.write_text('- {id: 11.lambast, code: "112", verb: lambast}\n', encoding="utf-8")
    assert load_lexicon((str(mine),)).by_id["11.lambast"].code == "112"


def test_yaml_yes_no_words_are_caught(tmp_path):
    f = tmp_path / "bare.yaml"
    f.write_text("- {id: z, code: \"163\", verb: impose, target: [on]}\n", encoding="utf-8")
    with pytest.raises(RedlineError) as e:
        Lexicon().add_file(f)
    assert "quote words" in str(e.value)


# Wire-desk idioms added in the dev_codebook2 round: each is a variant of the phrasing in the
# dev set, not the dev sentence itself (sentences written by the team).
IDIOMS = [
    ("Pakistan held out little hope for a deal with India.", ("PAK", "IND", "012")),
    ("Egypt saw little chance of a deal with Israel.", ("EGY", "ISR", "012")),
    ("Syria denied any involvement in the killing of a Lebanese politician.", ("SYR", "LBN", "016")),
    ("The French and German leaders saw eye to eye on the need for a single currency.", ("FRA", "DEU", "019")),
    ("Chinese President Jiang Zemin played host to Russian President Boris Yeltsin in Beijing.", ("CHN", "RUS", "043")),
    ("The United States threw its full weight behind the Iraqi government.", ("USA", "IRQ", "051")),
    ("Moscow came to the defence of Belgrade at the Security Council.", ("RUS", "SRB", "052")),
    ("France lobbied on behalf of Lebanon at the UN.", ("FRA", "LBN", "053")),
    ("Turkey and Greece buried the hatchet.", ("GRC", "TUR", "050")),
    ("Russia and Georgia patched up their differences.", ("RUS", "GEO", "050")),
    ("Iran began pumping gas to Turkey.", ("IRN", "TUR", "061")),
    ("Russia resumed gas supplies to Ukraine.", ("RUS", "UKR", "061")),
    ("Colombia handed over a drug kingpin to the United States.", ("COL", "USA", "063")),
    ("Jordanian intelligence tipped off the Americans about the hideout.", ("JOR", "USA", "064")),
    ("Britain dispatched food and medicine to flood-hit Mozambique.", ("GBR", "MOZ", "073")),
    ("Nigeria deployed a battalion of peacekeepers to Liberia.", ("NGA", "LBR", "074")),
    ("Egypt lifted the ban on opposition parties.", ("EGY", "EGY", "0812")),
    ("Jordan eased restrictions on the press.", ("JOR", "JOR", "0811")),
    ("Syria opened its doors to UN inspectors.", ("SYR", "UN", "0862")),
    ("Washington took Tokyo to task over its trade surplus.", ("USA", "JPN", "111")),
    ("Indonesia poured riot police into Jakarta.", ("IDN", "IDN", "153")),
    ("Turkish riot police fanned out across Istanbul.", ("TUR", "TUR", "153")),
    ("The Palestinian delegation stormed out of the talks with Israel.", ("PSE", "ISR", "164")),
    ("Iraq ordered the UN inspectors out.", ("IRQ", "UN", "1662")),
    ("Indian authorities slapped a curfew on Srinagar.", ("IND", "IND", "1723")),
    ("Iran impounded a British oil tanker.", ("IRN", "GBR", "1711")),
    ("Gunmen ambushed the motorcade of the Somali president.", ("SOM", "SOM", "185")),
    ("Serb forces herded villagers out of their homes in Kosovo.", ("SRB", "SRB", "201")),
    ("Militiamen butchered dozens of villagers in Congo.", ("COD", "COD", "202")),
]


@pytest.mark.parametrize("text,event", IDIOMS, ids=[e[2] + ":" + t[:30] for t, e in IDIOMS])
def test_wire_idioms_code_right(code, text, event):
    got = {(actor_key(e.source), actor_key(e.target), e.cameo) for e in code(text, "2000-01-01").events}
    assert event in got, got
