"""Did it happen? Negation, hypotheticals, intentions and attribution of a trigger.

Reads the dependency tree around a trigger, with the cue words of `data/modality.yaml`.
An event inside "denied sending troops" or "is not on the table" is negated; inside "a possible
invasion" or "if talks fail" it is hypothetical; inside "plans to send aid" it is an intention
of its source; inside "X said that ..." or "according to X" it is attributed to X.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from redline.data import data_path, load_yaml
from redline.events.arguments import infinitive, subject_taken_by_preposition, told_clause_above, verb_subjects
from redline.extensions import kids, text_of

# Links along which the modality of a governing word reaches down to the trigger.
CARRY = {"xcomp", "csubj", "csubjpass", "acl", "dobj", "pobj", "prep", "pcomp", "nsubj",
         "nsubjpass", "attr", "oprd", "advcl", "compound", "amod", "ccomp", "conj"}
# Links whose governor's own negation does not reach down ("X did not say that Y attacked").
NO_NEGATION_ACROSS = {"ccomp", "advcl"}
# A verb with its own tense is a clause of its own, even joined by "and" (a bare verb after
# "did not ... and" shares the negated auxiliary; "mediated" does not).
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


@lru_cache(maxsize=1)
def cues() -> dict:
    raw = load_yaml(data_path("modality.yaml"))
    out = {k: set(v) if isinstance(v, list) else v for k, v in raw.items()}
    out["negating_phrases"] = {tuple(p.split()) for p in raw["negating_phrases"]}
    return out


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    volitional: bool = False      # an intention of the subject ("plans to", "will")
    conditional: bool = False     # inside an if-clause or under an epistemic word
    cue: str | None = None


def _negated_here(t: Token, c: dict) -> bool:
    for ch in kids(t):
        if ch.dep_ == "neg" or (ch.dep_ in ("advmod", "det", "preconj") and ch.lower_ in c["negation"]):
            return True
        if ch.dep_ == "advmod" and ch.lower_ in c["negated_adverbs"] and any(g.dep_ == "neg" for g in kids(ch)):
            return True     # "would no longer accept"
        if ch.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ in ("det", "preconj") and g.lower_ in c["negation"] for g in kids(ch)):
            return True     # "No Ukrainian drones targeted Moscow", "Neither Russia nor Ukraine attacked"
        if ch.dep_ == "prep":
            for p in kids(ch):
                if p.dep_ == "pobj" and (ch.lower_, p.lemma_.lower()) in c["negating_phrases"]:
                    return True
    return False


def _gives_deadline(verb: Token, c: dict) -> bool:
    """"gave the ambassador 48 hours (to leave)": a verb giving a span of time for a deed."""
    return verb.lemma_.lower() in c["deadline_verbs"] and any(
        ch.dep_ in ("dobj", "npadvmod") and ch.lemma_.lower() in c["deadline_spans"] for ch in kids(verb))


def assess(trigger: Token, forward: bool) -> Modality:
    """The modality of an event triggered at `trigger`. `forward` is for appeals, intents and
    threats: "will" and "would" in their own clause are what they mean, not a hypothetical
    ("consequences would be harsh" is a threat that was made)."""
    c = cues()
    m = Modality()
    own = {trigger.i} | ({trigger.head.i} if trigger.pos_ in ("NOUN", "PROPN") else set())
    node = trigger
    negation_reaches = True
    own_clause = True      # False on the first conjunct of a finite verb: "did not X and Y-ed"
    depth = 0
    via = None             # the link climbed to reach `node`
    below = trigger        # the word climbed from
    while True:
        lenient = forward and node.i in own
        if node.i != trigger.i and own_clause and via != "nsubj":
            # the subject of a demand or a plan is not what is demanded or planned ("students
            # leading the protests demanded a vote": the protests are real)
            # a clause of its own joined by "and" ("ordered a mobilisation and warned NATO") is
            # not under its neighbour's verb: neither ordered nor planned by it
            lemma = node.lemma_.lower()
            if lemma in c["denial"]:
                particle = c["denial_particles"].get(lemma)
                if particle is None or any(ch.dep_ == "prt" and ch.lower_ == particle for ch in kids(node)):
                    m.negated, m.cue = True, m.cue or node.text
            if ((lemma in c["epistemic"] and (not forward or lemma in c["accusatory"]))
                    # ("accusing them of seeking weapons": what one is accused of is no stated appeal or intent)
                    or (lemma in c["prospective"] and any(ch.dep_ == "prep" and ch.lower_ == c["prospective"][lemma]
                                                          for ch in kids(node)))     # "ahead of the talks"
                    or (lemma in c["directive"] and node.pos_ in ("VERB", "NOUN") and not any(
                        ch.dep_ in ("advmod", "prt") and ch.lower_ in c["directive_undone_by"].get(lemma, ())
                        for ch in kids(node)))
                    or (lemma in c["infinitive_directives"] and via == "xcomp" and infinitive(below))
                    or (via in ("advcl", "xcomp") and _gives_deadline(node, c))):   # "gave them 48 hours to leave"
                m.hypothetical, m.conditional, m.cue = True, True, m.cue or node.text
            elif lemma in c["volitional"] and not forward:
                m.hypothetical, m.volitional, m.cue = True, True, m.cue or node.text
        if negation_reaches and own_clause and _negated_here(node, c):
            m.negated, m.cue = True, m.cue or node.text
        if own_clause and any(ch.dep_ == "conj" and ch.lemma_.lower() in c["ultimatum_verbs"] for ch in kids(node)) \
                and any(ch.dep_ == "cc" and ch.lower_ == "or" for ch in kids(node)):
            # "to disarm the militias or face measures": what an ultimatum demands is not yet done
            m.hypothetical, m.conditional, m.cue = True, True, m.cue or "or"
        separate = not own_clause
        own_clause = True
        for ch in () if separate else kids(node):
            word, dep = ch.lower_, ch.dep_
            if dep in ("aux", "auxpass"):
                if word == "would" or ch.lemma_ in c["future"] or word == "'ll":
                    if not lenient:
                        m.hypothetical, m.volitional, m.cue = True, True, m.cue or ch.text
                elif word in c["modals"] or ch.lemma_ in c["modals"]:
                    m.hypothetical, m.conditional, m.cue = True, True, m.cue or ch.text
            elif dep == "mark" and word in c["conditional_marks"]:
                m.hypothetical, m.conditional, m.cue = True, True, m.cue or ch.text
            elif dep == "mark" and word == "for" and infinitive(node):
                # "clearing the way for the EU to impose sanctions": what is made possible, not done
                m.hypothetical, m.conditional, m.cue = True, True, m.cue or ch.text
            elif dep in ("acomp", "oprd") and ch.lemma_.lower() in c["epistemic"]:
                m.hypothetical, m.conditional, m.cue = True, True, m.cue or ch.text   # "looked likely"
            elif dep == "amod" and node.pos_ in ("NOUN", "PROPN"):
                lemma = ch.lemma_.lower()
                if lemma in c["epistemic"]:
                    m.hypothetical, m.conditional, m.cue = True, True, m.cue or ch.text
                elif lemma in c["volitional"] and not lenient:
                    m.hypothetical, m.volitional, m.cue = True, True, m.cue or ch.text
        dep = node.dep_
        if dep == "conj" and own_clause and any(
                c.dep_ == "cc" and c.lower_ == "than" and c.i < node.i and any(g.lower_ == "rather" for g in kids(c))
                for c in kids(node.head)):
            # "pulled out of the treaty rather than allow the inspections": the road not taken
            m.negated, m.cue = True, m.cue or "rather than"
        if dep == "xcomp" and node.head.lemma_ == "be" and infinitive(node) and own_clause:
            # "a deal under which Rwanda is to pull its troops out": what is to happen has not yet
            m.hypothetical, m.volitional, m.cue = True, True, m.cue or node.head.text
        if dep in ("pcomp", "pobj") and node.head.lower_ in c["negation"] and negation_reaches and own_clause:
            m.negated, m.cue = True, m.cue or node.head.text   # "met without reaching a deal"
        if dep not in CARRY or node.head.i == node.i or depth > 6:
            break
        if dep == "pobj" and node.head.lower_ in c["fact_preps"]:
            break   # "urged him to resign following weeks of protests": the protests were held
        if node.pos_ == "VERB" and any(ch.lower_ == "what" and ch.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
                                       for ch in kids(node)):
            break   # "retaliate against what it called a provocation": the calling was done
        if node.pos_ in ("VERB", "AUX") and ((dep == "acl" and any(ch.dep_ == "agent" for ch in kids(node)))
                                             or (dep == "relcl" and any(ch.dep_ == "nsubj" for ch in kids(node)))):
            break   # "a decision condemned by Israel", "a move that Yerevan condemned": clauses of
            # their own, whatever the decision was (but "reports that drones struck" stay reports)
        if dep == "amod" and node.tag_ == "VBN":
            break   # "agreed to an Egyptian-brokered truce": the brokering is done, whatever the agreeing
        if dep in NO_NEGATION_ACROSS:
            negation_reaches = False
        if dep == "conj" and (node.tag_ in FINITE_TAGS or (node.head.tag_ == "VB" and node.tag_ != "VB")
                              or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in kids(node))):
            # "denied poisoning him and asked Berlin for help": the asking is not denied
            own_clause = False
        if dep == "advcl" and (any(ch.dep_ == "mark" and ch.lower_ not in c["conditional_marks"] for ch in kids(node))
                               or subject_taken_by_preposition(node) is not None):
            break   # "appealed for help, hours after missiles struck": the strike is a fact of its own
        # "set up a commission to investigate": the body's remit is as real as the body, no more
        remit = infinitive(node) and any(o.dep_ == "dobj" and o.lemma_.lower() in c["remit_bodies"]
                                         for o in kids(node.head))
        if (dep in ("advcl", "xcomp") and node.head.lemma_.lower() in c["purpose_heads"]
                and infinitive(node)
                and not any(ch.dep_ in ("mark", "nsubj", "nsubjpass") for ch in kids(node))
                and not remit
                and not (node.head.lemma_.lower() in c["gathering_heads"]
                         and node.lemma_.lower() in c["protest_purposes"])):
            # "sailed south to retake the islands", "flew to Colombo to press for a truce": what the
            # trip or the move is for, not yet done
            m.hypothetical, m.conditional, m.cue = True, True, m.cue or node.head.text
            break
        if dep == "advcl" and not remit and not any(ch.dep_ == "mark" for ch in kids(node)) and not (
                infinitive(node) and (node.head.lemma_.lower() in c["volitional"] | c["directive"]
                                      or (node.i in own and _gives_deadline(node.head, c)))):
            break   # "offered on Saturday to mediate", parsed as an adverbial clause, is an offer
        via = dep
        told = told_clause_above(node)
        # a told verb joined to an infinitive ("... or face action and imposed sanctions") is a
        # clause of its own beside the told verb above it
        below, node = node, node.head if told is None else told
        own_clause = own_clause and told is None
        depth += 1
    return m


def stated_refusal(trigger: Token) -> bool:
    """"could not accept the result", "will never recognise it", "would not withdraw": acceptance
    refused with a modal, outside an if-clause, is a refusal, an event of its own."""
    c = cues()
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in c["refusal_verbs"] or not _negated_here(trigger, c):
        return False
    if not any(ch.dep_ == "aux" and ch.lower_ in c["refusal_modals"] for ch in kids(trigger)):
        return False
    node = trigger
    for _ in range(4):
        if any(ch.dep_ == "mark" and ch.lower_ in c["conditional_marks"] for ch in kids(node)):
            return False
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            break
        node = node.head
    return True


def according_to(t: Token) -> Token | None:
    """The X of "according to X" when `t` is its "according"."""
    if t.lower_ != "according" or t.i + 1 >= len(t.doc) or t.nbor().lower_ != "to":
        return None
    return next((p for p in kids(t.nbor()) if p.dep_ == "pobj"), None)


def attribution(trigger: Token, sentence: Span, sources: dict | None = None) -> Token | None:
    """The token naming who a claim comes from: the subject of a reporting verb above the
    trigger, the object of "according to", or the "For X," that opens the sentence. `sources`
    remembers each sentence's own source (the last two kinds, which do not depend on the trigger)
    for the other triggers of the same document."""
    c = cues()
    node = trigger
    depth = 0
    while node.head.i != node.i and depth < 6:
        dep = node.dep_
        node = node.head
        depth += 1
        if dep in ("ccomp", "advcl", "xcomp", "parataxis") and node.lemma_.lower() in c["speech"]:
            subjects = verb_subjects(node)
            if subjects:
                return subjects[0]
    if sources is None:
        return sentence_source(sentence)
    if sentence.start not in sources:
        sources[sentence.start] = sentence_source(sentence)
    return sources[sentence.start]


def sentence_source(sentence: Span) -> Token | None:
    """Who a whole sentence is attributed to: "according to X", or an opening "For X,"."""
    if "according" in text_of(sentence.doc)[sentence.start_char:sentence.end_char].lower():
        for t in sentence:
            source = according_to(t)
            if source is not None:
                return source
    # the sentence's first word: a blanked dateline or an indent before it is whitespace
    first = next((t for t in sentence if not t.is_space), sentence[0])
    if first.lower_ == "for" and first.dep_ == "prep":
        for p in kids(first):
            if p.dep_ == "pobj" and (p.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or p.pos_ == "PROPN"):
                return p
    return None
