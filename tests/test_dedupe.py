"""Deduplication: copies of a document are found, mentions of one event become one event.

The wire story, its republished copy and the other reports on the same day are written by the
team for these tests.
"""
import itertools
import random

import pytest

from redline.dedupe.documents import (NearDuplicates, fingerprint, normalise, shingles, signature,
                                      similarity)
from redline.dedupe.events import EventMention, event_key, merge, mentions_of, source_of
from redline.records import Actor, Document, Event, SentenceRef, TextSpan

WIRE = """Poland and Ukraine agree to reopen border crossings after farmers' blockade

WARSAW, March 12 (Northwire) - Poland and Ukraine agreed on Tuesday to reopen three border \
crossings that protesting Polish farmers have blocked for six weeks, easing a dispute that has \
stranded thousands of lorries on both sides of the frontier.

The agreement was reached in Warsaw after four hours of talks between the two countries' \
agriculture ministers, who said that grain shipments from Ukraine would be inspected at the \
border and that transit cargo would travel under seal to ports on the Baltic Sea.

“We have found a solution that protects our farmers and keeps our neighbour's trade moving,” \
Polish Agriculture Minister Tomasz Wrona told reporters after the meeting.

His Ukrainian counterpart, Oksana Hrytsenko, said Kyiv would publish weekly figures on grain \
exports to the European Union and would ask Brussels to fund new storage silos near the border.

Farmers' unions gave the deal a cautious welcome but said they would keep tractors parked near \
the crossings at Dorohusk and Hrebenne until the first inspections began on Friday.

Hauliers on the Ukrainian side said queues at the Medyka crossing had stretched to more than \
twenty kilometres, with some drivers waiting nine days without proper access to water or food.

The European Commission said it welcomed the agreement and would send officials to observe the \
new inspection regime during its first month.

Polish farmers say imports of cheap Ukrainian grain have pushed down prices since the European \
Union lifted tariffs on Ukrainian goods after the Russian invasion in 2022.

Ukraine has accused the protesters of harming its war-time economy, which depends heavily on \
farm exports, and of spreading what Kyiv called misleading claims about the quality of its grain.

(Reporting by Northwire's Warsaw bureau; editing by the Europe desk)
"""

# The same story as a news site republished it: new headline, its own dateline, straight quote
# marks, one sentence of its own added, the credit line dropped, lines wrapped differently.
REPUBLISHED = """Deal ends six-week Polish border blockade

Warsaw — Poland and Ukraine agreed on Tuesday to reopen three border crossings that protesting
Polish farmers have blocked for six weeks, easing a dispute that has stranded thousands of lorries
on both sides of the frontier.

The agreement was reached in Warsaw after four hours of talks between the two countries'
agriculture ministers, who said that grain shipments from Ukraine would be inspected at the border
and that transit cargo would travel under seal to ports on the Baltic Sea.

"We have found a solution that protects our farmers and keeps our neighbour's trade moving,"
Polish Agriculture Minister Tomasz Wrona told reporters after the meeting.

His Ukrainian counterpart, Oksana Hrytsenko, said Kyiv would publish weekly figures on grain
exports to the European Union and would ask Brussels to fund new storage silos near the border.

Farmers' unions gave the deal a cautious welcome but said they would keep tractors parked near the
crossings at Dorohusk and Hrebenne until the first inspections began on Friday.

Hauliers on the Ukrainian side said queues at the Medyka crossing had stretched to more than twenty
kilometres, with some drivers waiting nine days without proper access to water or food.

The European Commission said it welcomed the agreement and would send officials to observe the new
inspection regime during its first month.

Polish farmers say imports of cheap Ukrainian grain have pushed down prices since the European Union
lifted tariffs on Ukrainian goods after the Russian invasion in 2022. Similar protests have been
held in Hungary and Slovakia this year.

Ukraine has accused the protesters of harming its war-time economy, which depends heavily on farm
exports, and of spreading what Kyiv called misleading claims about the quality of its grain.
"""

# Another article on the same talks, written separately: same people, places, even the same quote.
SAME_STORY = """Border deal leaves Polish farmers unconvinced

DOROHUSK, Poland, March 12 - Tractors still lined the road to the Dorohusk crossing on Tuesday
evening as news reached the protest camp that ministers in Warsaw had struck a deal with Ukraine.

Under the agreement, Ukrainian grain will be checked at the frontier and goods bound for other
countries will cross Poland under customs seal, officials said. Three crossings are due to reopen.

"We have found a solution that protects our farmers and keeps our neighbour's trade moving,"
Agriculture Minister Tomasz Wrona said in Warsaw, a line that drew jeers when it was read out
over a loudspeaker at the camp.

"We have heard promises before," said Marek Zielinski, 54, who grows wheat and rapeseed near
Chelm and has spent most of the past six weeks sleeping in the cab of his tractor. "When the
inspectors are here and the prices are fair, we will go home."

Ukrainian officials, led by Agriculture Minister Oksana Hrytsenko, said they hoped the deal would
end a dispute that has left lorry drivers waiting for days without food or water.
"""


# --- documents -------------------------------------------------------------------------------

def test_normalise_collapses_case_quotes_punctuation_and_whitespace():
    assert normalise("“Russia’s  forces” —\tshelled\nKHARKIV!") == "russia s forces shelled kharkiv"
    assert normalise('"Russia\'s forces" - shelled Kharkiv.') == "russia s forces shelled kharkiv"
    assert normalise("ＦＵＬＬ width ﬁle") == "full width file"      # NFKC
    assert normalise("  ...  ") == ""


def test_exact_copies_share_a_fingerprint_and_different_texts_do_not():
    copy = WIRE.replace("“", '"').replace("”", '"').upper().replace("\n\n", "\n   \n")
    assert fingerprint(copy) == fingerprint(WIRE)
    assert len(fingerprint(WIRE)) == 40 and int(fingerprint(WIRE), 16) >= 0
    assert fingerprint(WIRE) != fingerprint(REPUBLISHED)
    assert fingerprint("Poland and Ukraine agreed.") != fingerprint("Poland and Ukraine disagreed.")


def test_signature_is_deterministic_and_sized():
    sig = signature(WIRE)
    assert sig == signature(WIRE) and len(sig) == 128
    assert all(isinstance(v, int) and 0 <= v < 2 ** 32 for v in sig)
    assert len(signature(WIRE, num_perm=64)) == 64
    assert similarity(signature(WIRE), signature(WIRE.upper())) == 1.0


def test_short_texts_use_shorter_shingles():
    assert shingles("Talks resumed in Geneva") == {"talks resumed in geneva"}
    assert shingles("") == set()
    assert len(shingles("one two three four five six")) == 2
    index = NearDuplicates()
    index.add("a", signature("Talks resumed in Geneva."))
    assert index.check("b", signature("TALKS RESUMED IN GENEVA")) == "a"
    assert index.check("c", signature("Talks collapsed in Geneva")) is None


def test_wire_copy_with_small_edits_is_a_near_duplicate():
    assert fingerprint(REPUBLISHED) != fingerprint(WIRE)
    index = NearDuplicates()
    assert index.check_and_add("wire", signature(WIRE)) is None
    assert index.check_and_add("site", signature(REPUBLISHED)) == "wire"
    assert "site" not in index and len(index) == 1     # a copy never becomes an original
    assert similarity(signature(WIRE), signature(REPUBLISHED)) >= 0.8


PARAGRAPHS = WIRE.split("\n\n")


@pytest.mark.parametrize("edited", [
    "\n\n".join(["Deal ends six-week Polish border blockade"] + PARAGRAPHS[1:]),
    WIRE.replace("WARSAW, March 12 (Northwire) -", "Warsaw, Poland (Plains Daily) —"),
    WIRE.replace("in 2022.", "in 2022. Similar protests have been held in Hungary this year."),
    "\n\n".join(PARAGRAPHS[:6] + PARAGRAPHS[7:]),          # a paragraph dropped
    "\n\n".join(PARAGRAPHS[:-1] + [
        "Trade between the two countries fell by a fifth last year, according to Polish "
        "government figures, with grain and sugar hit hardest by the dispute.", PARAGRAPHS[-1]]),
], ids=["headline", "dateline", "sentence-added", "paragraph-dropped", "paragraph-added"])
def test_each_kind_of_small_edit_is_found(edited):
    index = NearDuplicates()
    index.add("wire", signature(WIRE))
    assert index.check("copy", signature(edited)) == "wire"


def test_other_articles_on_the_same_story_are_not_duplicates():
    index = NearDuplicates()
    index.add("wire", signature(WIRE))
    assert index.check_and_add("feature", signature(SAME_STORY)) is None
    assert similarity(signature(WIRE), signature(SAME_STORY)) < 0.3
    assert "feature" in index


def test_the_earliest_matching_document_is_reported():
    index = NearDuplicates()
    index.add("first", signature(WIRE))
    index.add("second", signature(WIRE + "\nCorrection: the talks lasted four hours."))
    index.add("unrelated", signature(SAME_STORY))
    assert index.check("third", signature(REPUBLISHED)) == "first"
    assert index.check("first", signature(WIRE)) == "second"     # never itself
    assert index.check("fresh", signature("Talks resumed in Geneva on Monday.")) is None


def test_copies_are_found_however_many_documents_came_between():
    """Band keys move from the recent dict into sorted runs that merge as they grow; a copy of the
    first document must be found in any of them, and the earliest original reported."""
    index = NearDuplicates()
    index.RUN_DOCS = 3                       # runs after every 3 documents: many runs and merges
    index.add("wire", signature(WIRE))
    for n in range(40):                      # distinct stories, each its own words
        story = " ".join(f"{word}{n}" for word in SAME_STORY.split()[:60])
        assert index.check_and_add(f"story-{n}", signature(story)) is None
        if n == 20:
            index.add("second", signature(WIRE + "\nCorrection: the talks lasted four hours."))
    assert len(index._runs) < 10 and len(index) == 42
    assert index.check("copy", signature(REPUBLISHED)) == "wire"
    story = " ".join(f"{word}7" for word in SAME_STORY.split()[:60])
    assert index.check("copy-7", signature(story + " Updated at noon.")) == "story-7"


def test_rebuilt_index_remembers_what_was_seen(tmp_path):
    stored = [("wire", signature(WIRE)), ("feature", signature(SAME_STORY))]
    store = tmp_path / "signatures.tsv"           # as a store would keep them: plain ints
    store.write_text("".join(f"{d}\t{' '.join(map(str, s))}\n" for d, s in stored))
    pairs = [(line.split("\t")[0], [int(v) for v in line.split("\t")[1].split()])
             for line in store.read_text().splitlines()]
    index = NearDuplicates.rebuild(pairs)
    assert len(index) == 2 and "wire" in index
    assert index.check_and_add("site", signature(REPUBLISHED)) == "wire"
    assert index.check_and_add("other", signature(WIRE.replace("Tuesday", "Wednesday"))) == "wire"


def test_add_is_idempotent_and_refuses_conflicting_or_malformed_signatures():
    index = NearDuplicates()
    index.add("a", signature(WIRE))
    index.add("a", signature(WIRE))
    assert len(index) == 1
    with pytest.raises(ValueError, match="a: already in the index"):
        index.add("a", signature(SAME_STORY))
    with pytest.raises(ValueError, match="b: signature has 64 values, this index expects 128"):
        index.check("b", signature(WIRE, num_perm=64))
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicates(threshold=0)


def test_empty_texts_are_never_duplicates():
    index = NearDuplicates()
    assert index.check_and_add("e1", signature("")) is None
    assert index.check_and_add("e2", signature("  --  ")) is None
    assert index.check("w", signature(WIRE)) is None


def test_threshold_is_respected():
    strict = NearDuplicates(threshold=0.99)
    strict.add("wire", signature(WIRE))
    assert strict.check("site", signature(REPUBLISHED)) is None
    assert strict.check("copy", signature(WIRE.lower())) == "wire"


# --- events ----------------------------------------------------------------------------------

def mention(doc_id, date, *, index=0, key=("POLGOV", "UKRGOV", "057"), url=None, origin=None,
            confidence=0.6):
    return EventMention(doc_id=doc_id, event_index=index, date=date, source_code=key[0],
                        target_code=key[1], cameo=key[2], source_country=key[0] and key[0][:3],
                        target_country=key[1] and key[1][:3], quad_class=2, goldstein=8.0,
                        sentence="Poland and Ukraine agreed on Tuesday to reopen three border crossings.",
                        trigger="agreed", confidence=confidence, url=url, origin=origin)


def test_same_event_in_three_articles_is_one_event_with_counts():
    mentions = [
        mention("a1", "2024-03-12", url="https://www.northwire.example/europe/border-deal"),
        mention("a1", "2024-03-12", index=3, url="https://www.northwire.example/europe/border-deal",
                confidence=0.9),
        mention("a2", "2024-03-12", url="https://northwire.example/wire/2024/03/12/border"),
        mention("a3", "2024-03-13", url="https://dailyplains.example/news/border-deal"),
    ]
    [event] = merge(mentions)
    assert (event.num_mentions, event.num_articles, event.num_sources) == (4, 3, 2)
    assert event_key(mentions[0]) == ("POLGOV", "UKRGOV", "057") == event.key
    assert event.first_date == "2024-03-12" and event.last_date == "2024-03-13"
    assert event.avg_confidence == pytest.approx((0.6 + 0.9 + 0.6 + 0.6) / 4)
    assert (event.goldstein, event.quad_class, event.source_country) == (8.0, 2, "POL")
    assert [(m.doc_id, m.event_index) for m in event.mentions] == [("a1", 0), ("a1", 3), ("a2", 0), ("a3", 0)]
    assert event.mentions[0].sentence.startswith("Poland and Ukraine agreed")


def test_sources_without_url_are_the_file_they_were_read_from():
    mentions = [mention("f1", "2024-03-12", origin="feeds/monday.jsonl:1"),
                mention("f2", "2024-03-12", origin="feeds/monday.jsonl:7"),
                mention("t1", "2024-03-12", origin="texts/2024-03-12-border.txt"),
                mention("s1", "2024-03-12")]
    assert source_of(mentions[0]) == "feeds/monday.jsonl" and source_of(mentions[3]) == "s1"
    [event] = merge(mentions)
    assert (event.num_articles, event.num_sources) == (4, 3)


def test_window_is_anchored_on_the_first_mention():
    days = ["2024-03-12", "2024-03-13", "2024-03-14", "2024-03-20"]
    events = merge([mention(f"d{i}", d) for i, d in enumerate(days)])
    assert [(e.first_date, e.num_mentions) for e in events] == [
        ("2024-03-12", 2), ("2024-03-14", 1), ("2024-03-20", 1)]
    assert [e.num_mentions for e in merge([mention(f"d{i}", d) for i, d in enumerate(days)],
                                          window_days=0)] == [1, 1, 1, 1]
    assert [e.num_mentions for e in merge([mention(f"d{i}", d) for i, d in enumerate(days)],
                                          window_days=8)] == [4]
    with pytest.raises(ValueError, match="window_days"):
        merge([], window_days=-1)


def test_different_dyads_or_codes_stay_apart():
    events = merge([mention("a", "2024-03-12"),
                    mention("a", "2024-03-12", index=1, key=("UKRGOV", "POLGOV", "057")),
                    mention("b", "2024-03-12", key=("POLGOV", "UKRGOV", "036")),
                    mention("c", "2024-03-12", key=(None, "UKRGOV", "057"))])
    assert len(events) == 4 and all(e.num_mentions == 1 for e in events)


def test_result_does_not_depend_on_input_order():
    mentions = [mention("a", "2024-03-12", url="https://one.example/a"),
                mention("b", "2024-03-13", url="https://two.example/b", confidence=0.3),
                mention("c", "2024-03-14", url="https://one.example/c"),
                mention("c", "2024-03-14", index=1, key=("UKRGOV", "POLGOV", "057")),
                mention("d", None, origin="x.jsonl:3"),
                mention("d", None, index=2, origin="x.jsonl:3"),
                mention("e", "not a date"),
                mention("f", "2024-03-12T08:30:00", key=("UKRGOV", "POLGOV", "057"))]
    expected = [e.to_dict() for e in merge(mentions)]
    rng = random.Random(5)
    for _ in range(30):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        assert [e.to_dict() for e in merge(shuffled)] == expected
    assert [(e.first_date, e.num_mentions) for e in merge(mentions)] == [
        ("2024-03-12", 2), ("2024-03-12", 1), ("2024-03-14", 1), ("2024-03-14", 1), (None, 2), (None, 1)]


def test_event_ids_are_stable_and_distinct():
    base = [mention("a", "2024-03-12"), mention("b", "2024-03-13")]
    [one] = merge(base)
    [again] = merge(base + [mention("c", "2024-03-12", url="https://late.example/c")])
    assert one.event_id == again.event_id and len(one.event_id) == 40
    other_day = merge([mention("a", "2024-03-15")])[0]
    other_key = merge([mention("a", "2024-03-12", key=("UKRGOV", "POLGOV", "057"))])[0]
    assert len({one.event_id, other_day.event_id, other_key.event_id}) == 3


def test_the_same_mention_given_twice_counts_once():
    m = mention("a", "2024-03-12")
    [event] = merge([m, m, mention("b", "2024-03-12")])
    assert (event.num_mentions, event.num_articles) == (2, 2)


def test_mentions_of_a_coded_document():
    poland = Actor(text="Poland", code="POLGOV", country="POL", sectors=["GOV"])
    ukraine = Actor(text="Ukraine", code="UKRGOV", country="UKR", sectors=["GOV"])
    text = "Poland and Ukraine agreed on Tuesday to reopen three border crossings."
    sentence = SentenceRef(index=0, start=0, end=len(text), text=text)
    event = Event(source=poland, target=ukraine, cameo="057", cameo_root="05",
                  cameo_label="Sign formal agreement", plover="AGREE", plover_mode=None,
                  plover_contexts=[], goldstein=8.0, quad_class=1,
                  trigger=TextSpan("agreed", 19, 25), sentence=sentence, rule="05.agree",
                  confidence=0.7, date="2024-03-12")
    doc = Document(id="w1", text=text, date="2024-03-13", url="https://northwire.example/w1",
                   origin="in.jsonl:1", events=[event, event])
    got = mentions_of(doc)
    assert [(m.doc_id, m.event_index, m.date, m.trigger_start) for m in got] == [
        ("w1", 0, "2024-03-12", 19), ("w1", 1, "2024-03-12", 19)]
    assert event_key(got[0]) == ("POLGOV", "UKRGOV", "057")
    assert (got[0].source_country, got[0].url, got[0].rule) == ("POL", "https://northwire.example/w1", "05.agree")
    [merged] = merge(got)
    assert (merged.num_mentions, merged.num_articles, merged.num_sources) == (2, 1, 1)
