"""Who said what: each quotation convention, reported speech, speakers (sentences by the team)."""
import subprocess

import pytest

from conftest import ROOT, redline_bin
from redline.quotes.marks import find_quotations


def quoted(text):
    return [text[q.start:q.end] for q in find_quotations(text)]


@pytest.mark.parametrize("text,inside", [
    ("“We will not back down,” the minister said.", "We will not back down,"),
    ('"We will not back down," the minister said.', "We will not back down,"),
    ("‘We will not back down,’ the minister said.", "We will not back down,"),
    ("«Nous ne reculerons pas», a dit le ministre.", "Nous ne reculerons pas"),
    ("„Wir weichen nicht zurück“, sagte der Minister.", "Wir weichen nicht zurück"),
    ("``We will not back down,'' the minister said.", "We will not back down,"),
    ("”We will not back down,” the minister said.", "We will not back down,"),
    ("“We will not back down,’’ the minister said.", "We will not back down,"),
])
def test_every_mark_convention(text, inside):
    assert quoted(text) == [inside]


def test_apostrophes_are_not_marks():
    assert quoted("Russia’s envoy said the talks weren’t over and Kyiv's position hadn't changed.") == []


def test_nested_single_marks_belong_to_the_quote():
    text = "“We cannot ‘retreat’ from our own land,” the spokesman said."
    assert quoted(text) == ["We cannot ‘retreat’ from our own land,"]


def test_quote_running_over_paragraphs():
    text = ("“The first thing is security,” the envoy said. “We need guarantees.\n\n"
            "“Without them there is no deal,” he added.")
    got = quoted(text)
    assert got[1].startswith("We need guarantees.") and got[1].endswith("there is no deal,")


def test_unbalanced_mark_costs_only_its_paragraph():
    text = "He said “this never closes.\n\nA second paragraph with “a real quote” in it."
    got = quoted(text)
    assert got[0] == "this never closes." and "a real quote" in got


def speakers(doc):
    return [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_direct_quote_speaker_role_and_actor(code):
    text = ("“The door to diplomacy remains open,” Jake Sullivan, the US president's national security "
            "adviser, told reporters on Tuesday.")
    [q] = code(text, "2022-01-11").quotes
    assert q.kind == "direct" and q.text == "The door to diplomacy remains open"
    assert q.speaker.name == "Jake Sullivan" and q.speaker.role == "national security adviser"
    assert q.speaker.actor.code == "USAGOV"
    assert q.cue.text == "told"


def test_pronoun_and_carry_over_and_unattributed(code):
    text = ("Elena Marchetti, a researcher at the Rome Institute for Security Studies, has followed the "
            "talks closely.\n\n"
            "“Nobody expected a breakthrough this week,” she said.\n\n"
            "“The real question is whether both sides return in March.”\n\n"
            "The talks ended on Friday.\n\n"
            "The next round is expected in spring.\n\n"
            "The delegations left Geneva on Saturday.\n\n"
            "“Patience is a strategy too.”")
    doc = code(text, "2022-02-11")
    assert speakers(doc) == [("direct", "Elena Marchetti"), ("direct", "Elena Marchetti"), ("direct", None)]
    q = doc.quotes[0]
    assert q.speaker.role == "researcher" and q.speaker.organization == "the Rome Institute for Security Studies"
    assert q.speaker.text == "she"


def test_scare_quotes_are_not_quotations(code):
    doc = code("The ministry called the exercise a “routine drill” and moved on.", "2022-08-05")
    assert doc.quotes == []


def test_reported_speech_cues(code):
    text = ("Turkish Foreign Minister Mevlut Cavusoglu said that Ankara would host a new round of talks. "
            "He told reporters that both delegations had agreed. "
            "The Kremlin welcomed the offer, saying that Russia was ready to attend. "
            "According to Ukrainian officials, the venue has not been chosen.")
    doc = code(text, "2022-03-09")
    kinds = [(q.kind, q.cue.text, q.speaker.name if q.speaker else q.speaker) for q in doc.quotes]
    assert kinds[0] == ("indirect", "said", "Mevlut Cavusoglu")
    assert kinds[1] == ("indirect", "told", "Mevlut Cavusoglu")
    assert kinds[2][:2] == ("indirect", "saying") and doc.quotes[2].speaker.actor.country == "RUS"
    assert kinds[3][:2] == ("indirect", "According to") and "officials" in doc.quotes[3].speaker.text
    assert doc.quotes[0].text == "Ankara would host a new round of talks"


def test_mixed_quote_is_one_quotation(code):
    text = "The spokesman said the sanctions were “an act of economic war” and would be answered."
    doc = code(text, "2022-03-01")
    assert [q.kind for q in doc.quotes] == ["mixed"]
    assert "an act of economic war" in doc.quotes[0].text


def test_events_in_a_quote_are_attributed_to_its_speaker(code):
    text = "“Russia has moved troops to the border of Ukraine,” Polish President Andrzej Duda said."
    doc = code(text, "2021-11-20")
    [q] = doc.quotes
    assert q.events, doc.events
    ev = doc.events[q.events[0]]
    assert ev.attributed_to["name"] == "Andrzej Duda"


def test_quotes_command_prints_a_table(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("“We are ready,” Kremlin spokesman Dmitry Peskov said on Monday.\n", encoding="utf-8")
    p = subprocess.run([redline_bin(), "quotes", str(f)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "Dmitry Peskov" in p.stdout and "direct" in p.stdout and "We are ready" in p.stdout


def test_second_quote_in_a_paragraph_continues_its_speaker(code):
    text = ("“We have kept every promise,” Iranian Foreign Minister Javad Zarif said. "
            "“Europe has kept none.”")
    doc = code(text, "2019-07-08")
    assert [q.speaker.name for q in doc.quotes] == ["Mohammad Javad Zarif"] * 2 or \
        [q.speaker.text for q in doc.quotes][1] == doc.quotes[0].speaker.text


def test_short_exclamation_is_a_quotation_not_a_scare_quote(code):
    doc = code("Crowds in Baku chanted “Karabakh is ours!” late into the night.", "2020-11-10")
    assert [q.text for q in doc.quotes] == ["Karabakh is ours!"]


def test_quote_article_set_floors():
    """tests/data/quotes: twelve team-written articles with every convention, annotated by hand."""
    from conftest import ROOT
    from redline.evaluation import evaluate_quotes
    result = evaluate_quotes(str(ROOT / "tests" / "data" / "quotes" / "gold.jsonl"))
    assert result["direct"]["f1"] >= 0.9
    assert result["all"]["f1"] >= 0.85
    assert result["scare_quotes_taken"] == 0
