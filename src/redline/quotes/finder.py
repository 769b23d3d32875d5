"""Quotations in a parsed document: direct ones by their marks, reported speech by its cues,
each with its speaker, and the events coded inside it.

Direct: the passage between marks (see `marks`); its speech verb is the first one after the
closing mark in the same sentence ("..., Ushakov said"), else the last one before the opening
mark ("Biden said: ..."); a quotation standing alone in its paragraph takes the speaker of the
attribution just before it (within two paragraphs); otherwise its speaker is null.
Reported: a speech verb with a clausal complement ("stated that ..."), a participle ("saying
that ..."), or "according to X"; the complement is the content. Reported speech that is partly
in marks is one quotation of kind `mixed`. A few words in marks with no speech verb are scare
quotes, not quotations.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from redline.actors.resolver import DocActors
from redline.events.arguments import verb_subjects
from redline.events.modality import according_to, cues
from redline.extensions import text_of
from redline.quotes.marks import Quoted, find_quotations
from redline.quotes.speakers import Speakers
from redline.records import Quote, Speaker, TextSpan

SCARE_QUOTE_WORDS = 4       # this many words or fewer, with no speech verb: scare quotes
CARRY_PARAGRAPHS = 2        # how far back a lone quotation looks for its speaker
TRAILING = " ,;:"
SAYING = {"say", "state", "add", "claim", "note", "argue", "insist", "tell"}
LINE_BEFORE_TEXT = re.compile(r"\n(?=[^\n])")    # a line break with text after it: a paragraph begins


class QuoteFinder:
    def __init__(self, doc: Doc, actors: DocActors):
        self.doc = doc
        self.actors = actors
        self.speakers = Speakers(actors)
        self.speech = cues()["speech"]
        self.text = text_of(doc)
        self.paragraph_of = _paragraph_starts(self.text)
        self.spans = find_quotations(self.text)

    def find(self) -> list[Quote]:
        direct = [q for q in self.spans if q.end > q.start]
        quotes: list[Quote] = []
        taken: list[Quoted] = []
        for q in direct:
            got = self._direct(q)
            if got is not None:
                quotes.append(got)
                taken.append(q)
        quotes.extend(self._reported(taken, quotes))
        quotes.sort(key=lambda q: q.start)
        self._carry_speakers(quotes)
        return quotes

    # -- direct ---------------------------------------------------------------------------------
    def _direct(self, q: Quoted) -> Quote | None:
        doc, text = self.doc, self.text
        end = q.end
        while end > q.start and text[end - 1] in TRAILING:
            end -= 1
        inside = doc.char_span(q.start, end, alignment_mode="expand")
        if inside is None or not len(inside):
            return None
        after_tok = self._token_at(q.close_end)
        cue = None
        sentence = self.actors.sentence_of
        if after_tok is not None and after_tok.i < sentence(inside[-1]).end and "\n" not in text[q.close_end:after_tok.idx]:
            sent = sentence(after_tok)
            # the words from `after_tok` on: spaCy makes a new Token of each word walked over
            cue = next((t for t in doc[after_tok.i:sent.end] if self._is_cue(t)
                        and not self._in_any_quote(t)), None)
            if cue is not None:
                between = doc[after_tok.i:cue.i].text
                if any(m in between for m in "“”\"«»„"):
                    cue = None
        if cue is None:
            before = self._token_at(q.open_start - 1, before=True)
            if before is not None and sentence(before).start == sentence(inside[0]).start and before.i < inside[0].i:
                cue = next((t for t in reversed(self.doc[sentence(before).start:before.i + 1])
                            if self._is_cue(t)), None)
        words = len(text[q.start:end].split())
        if cue is None and words <= SCARE_QUOTE_WORDS and text[q.start:q.end].rstrip()[-1:] not in ".!?":
            return None     # "a “routine drill”": a few words nobody is said to have said
        speaker = None
        if cue is not None:
            subj = [s for s in self._subjects(cue) if not (q.start <= s.idx < q.end)]
            speaker = self.speakers.speaker(subj[0], self._outside_quotes) if subj else None
        conf = 0.9 if speaker is not None else 0.5
        return Quote(text[q.start:end], q.start, end, "direct", speaker,
                     TextSpan(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
                     self._sentence_index(inside[0]), conf)

    # -- reported -------------------------------------------------------------------------------
    def _reported(self, direct: list[Quoted], found: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        doc = self.doc
        lemmas, lowers = self.actors.lemmas, self.actors.lowers
        candidates = [i for i, (lem, low) in enumerate(zip(lemmas, lowers))
                      if lem in self.speech or low == "according"]
        for i in candidates:
            t = doc[i]
            if according_to(t) is not None:
                q = self._according(t)
            elif self._is_cue(t) and not self._in_any_quote(t):
                q = self._complement(t)
            else:
                continue
            if q is None:
                continue
            covering = [d for d in direct if d.start < q.end and q.start < d.end]
            if covering:
                share = sum(min(d.end, q.end) - max(d.start, q.start) for d in covering) / (q.end - q.start)
                if share >= 0.6 or len(covering) > 1:
                    continue          # the attribution of a direct quotation, already found
                q.kind = "mixed"      # reported speech with a phrase in marks: one quotation
                for d in covering:
                    found[:] = [x for x in found if not (x.start == d.start and x.kind == "direct")]
            out.append(q)
        return out

    def _complement(self, cue: Token) -> Quote | None:
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if comp is None and cue.lemma_.lower() in SAYING:
            # "saying President Putin's response shaped around ...": a clause parsed as an object
            comp = next((c for c in cue.children if c.dep_ == "dobj"
                         and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)), None)
        if comp is None:
            return None
        start, end = comp.left_edge, comp.right_edge
        while start.i < end.i and (start.dep_ == "mark" or start.is_punct):
            start = self.doc[start.i + 1]
        while end.i > start.i and end.is_punct:
            end = self.doc[end.i - 1]
        if end.i - start.i < 2:
            return None
        subj = self._subjects(cue)
        if not subj or subj[0].i >= start.i and subj[0].i <= end.i:
            return None
        speaker = self.speakers.speaker(subj[0], self._outside_quotes)
        return self._quote(start, end, "indirect", speaker, cue, 0.7)

    def _according(self, according: Token) -> Quote | None:
        to = self.doc[according.i + 1]
        pobj = according_to(according)
        sent = self.actors.sentence_of(according)
        phrase_end = max(according.right_edge.i, to.right_edge.i)
        lead = [t for t in sent if t.i < according.i and not t.is_punct]
        if len(lead) <= 2:          # "According to X, <content>", "Moreover, according to X, ..."
            start, end = self.doc[phrase_end + 1], sent[-1]
        else:                                       # "<content>, according to X"
            start, end = sent[0], self.doc[according.i - 1]
        while start.i < end.i and (start.is_punct or start.is_space):   # the blanks of a dateline too
            start = self.doc[start.i + 1]
        while end.i > start.i and (end.is_punct or end.is_space):
            end = self.doc[end.i - 1]
        if end.i - start.i < 2:
            return None
        return self._quote(start, end, "indirect", self.speakers.speaker(pobj, self._outside_quotes), according, 0.7,
                           cue_text=self.doc[according.i:to.i + 1])

    def _quote(self, start: Token, end: Token, kind: str, speaker: Speaker | None, cue: Token,
               confidence: float, cue_text: Span | None = None) -> Quote:
        a, b = start.idx, end.idx + len(end.text)
        cue_span = cue_text if cue_text is not None else self.doc[cue.i:cue.i + 1]
        return Quote(self.text[a:b], a, b, kind, speaker,
                     TextSpan(cue_span.text, cue_span.start_char, cue_span.end_char),
                     self._sentence_index(start), confidence if speaker else confidence - 0.3)

    # -- speakers carried over ---------------------------------------------------------------
    def _carry_speakers(self, quotes: list[Quote]) -> None:
        """A quotation with no speech verb of its own continues the voice of the attribution
        before it: in the same paragraph ("..., Zarif said. “...”") or alone in its paragraph."""
        last: tuple[int, Speaker] | None = None
        for q in quotes:
            para = self._paragraph(q.start)
            if q.speaker is None and q.kind == "direct" and q.cue is None and last is not None \
                    and 0 <= para - last[0] <= CARRY_PARAGRAPHS:
                q.speaker, q.confidence = last[1], 0.7
            if q.speaker is not None:
                last = (para, q.speaker)

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _subjects(cue: Token) -> list[Token]:
        """Who speaks: the subject of the cue; for "fired a warning shot saying ...", of "fired"."""
        if cue.dep_ == "acl" and cue.head.dep_ in ("dobj", "pobj") and cue.head.head.pos_ in ("VERB", "AUX"):
            return verb_subjects(cue.head.head)
        return verb_subjects(cue)

    def _outside_quotes(self, i: int) -> bool:
        return not self._in_any_quote(self.doc[i])


    def _is_cue(self, t: Token) -> bool:
        return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.speech

    def _in_any_quote(self, t: Token) -> bool:
        return any(q.start <= t.idx < q.end for q in self.spans)

    def _token_at(self, offset: int, before: bool = False) -> Token | None:
        doc = self.doc
        if before:
            for i in range(offset, -1, -1):
                tok = doc.char_span(i, i + 1, alignment_mode="expand")
                if tok is not None and len(tok) and not tok[0].is_space:
                    return tok[0]
            return None
        for i in range(offset, len(self.text)):
            if not self.text[i].isspace():
                tok = doc.char_span(i, i + 1, alignment_mode="expand")
                return tok[0] if tok is not None and len(tok) else None
        return None

    def _sentence_index(self, token: Token) -> int:
        return max(0, bisect_right(self.actors._sent_starts, token.i) - 1)

    def _paragraph(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_of, offset) - 1)


def _paragraph_starts(text: str) -> list[int]:
    """Where paragraphs begin: after each line break followed by a character other than a line
    break (found by a regular expression: a loop over every character costs more than the rest of
    the stage on a long article)."""
    return [0] + [m.end() for m in LINE_BEFORE_TEXT.finditer(text)]


def attach_events(quotes: list[Quote], events) -> None:
    """Every quote lists the events coded inside it; those events are attributed to its speaker."""
    for q in quotes:
        q.events = []
        for i, ev in enumerate(events):
            if q.start <= ev.trigger.start < q.end:
                q.events.append(i)
                if q.speaker is not None:
                    sp = q.speaker
                    ev.attributed_to = {"text": sp.text, "span": [sp.start, sp.end], "name": sp.name,
                                        "code": sp.actor.code if sp.actor else None}
