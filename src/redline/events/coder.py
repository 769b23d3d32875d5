"""The event coder: lexicon patterns over the dependency parse -> coded events.

For each sentence, verbs are tried first, then nouns not already used as a verb's object.
A pattern that fires gives a code; `arguments` gives the source and target tokens; the actor
resolver turns them into actors; `modality` says whether it happened; the codebook gives the
Goldstein value, QuadClass and PLOVER type. Every event keeps its sentence, trigger and rule.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.actors.resolver import DocActors
from redline.events import arguments as args
from redline.events import dates, modality
from redline.events.codebook import lookup
from redline.events.lexicon import Lexicon, Pattern
from redline.records import Actor, Event, SentenceRef, TextSpan

PARTICLE_DEPS = {"prt", "advmod", "prep"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "advcl", "acl", "relcl", "conj"}
# Roots whose events are verbal stances towards someone: a missing target may be taken from
# the reported clause or from the preceding events of the same source.
STANCE_ROOTS = {"02", "10", "11", "12", "13"}
CONTEXT_SENTENCES = 4


@dataclass(slots=True)
class Firing:
    pattern: Pattern
    trigger: Token
    objects: list[Token]       # tokens the pattern used as its object
    xcomp: Token | None


class EventCoder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    # -- finding triggers ---------------------------------------------------------------------
    def fire(self, token: Token, patterns: list[Pattern]) -> Firing | None:
        for p in patterns:
            got = self._try(p, token)
            if got is not None:
                return got
        return None

    def _try(self, p: Pattern, token: Token) -> Firing | None:
        if p.particles:
            have = {c.lower_ for c in token.children if c.dep_ in PARTICLE_DEPS}
            if not set(p.particles) <= have:
                return None
        xtok = None
        if p.xcomp:
            xtok = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")
                         and c.lemma_.lower() in p.xcomp), None)
            if xtok is None and token.pos_ == "NOUN":
                xtok = next((c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in p.xcomp), None)
            if xtok is None:
                return None
        base = xtok if xtok is not None else token
        if p.prep:
            candidates = [o for prep, o in args.prep_objects(base, (p.prep,))]
            for obj in args.verb_objects(base) if base.pos_ != "NOUN" else []:
                candidates += [o for prep, o in args.prep_objects(obj, (p.prep,))]
            if not candidates:
                return None
        elif base.pos_ in ("NOUN", "PROPN") and xtok is None:
            candidates = [o for prep, o in args.prep_objects(base, ("of",))]
            candidates += [c for c in base.children if c.dep_ in ("compound", "nmod")]
        else:
            candidates = args.verb_objects(base)
        candidates = candidates + [c for o in candidates for c in o.conjuncts]
        if p.objects:
            used = [o for o in candidates if any(self._object_ok(spec, o) for spec in p.objects)]
            if not used:
                return None
        else:
            used = candidates if p.prep else []
        return Firing(p, token, used, xtok)

    @staticmethod
    def _object_ok(spec: tuple[str, ...], obj: Token) -> bool:
        if obj.lemma_.lower() != spec[-1] and obj.lower_ != spec[-1]:
            return False
        if len(spec) == 1:
            return True
        mods = {w for c in obj.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                for w in (c.lemma_.lower(), c.lower_)}
        return set(spec[:-1]) <= mods

    # -- coding a document --------------------------------------------------------------------
    def code(self, doc: Doc, actors: DocActors, date: str | None = None) -> list[Event]:
        anchor = dates.parse_iso(date)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self._code_sentence(index, sent, actors, anchor, events))
        return events

    def _code_sentence(self, index: int, sent: Span, actors: DocActors, anchor: dt.date | None,
                       earlier: list[Event]) -> list[Event]:
        lex = self.lexicon
        firings: list[Firing] = []
        used: set[int] = set()
        for token in sent:
            if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB")):
                patterns = lex.verbs.get(token.lemma_.lower())
                if patterns:
                    f = self.fire(token, patterns)
                    if f:
                        firings.append(f)
                        used.update(o.i for o in f.objects)
                        if f.xcomp is not None:
                            used.add(f.xcomp.i)
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in used:
                patterns = lex.nouns.get(token.lemma_.lower()) or lex.nouns.get(token.lower_)
                if patterns:
                    f = self.fire(token, patterns)
                    if f:
                        firings.append(f)
                        used.update(o.i for o in f.objects)
        ref = SentenceRef(index, sent.start_char, sent.end_char, sent.text)
        best: dict[tuple, Event] = {}
        for f in firings:
            for ev in self._events(f, ref, actors, anchor, earlier):
                key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo)
                if key not in best or ev.confidence > best[key].confidence:
                    best[key] = ev
        return sorted(best.values(), key=lambda e: e.trigger.start)

    def _events(self, f: Firing, ref: SentenceRef, actors: DocActors, anchor, earlier) -> list[Event]:
        p, trig = f.pattern, f.trigger
        code = p.code
        root = code[:2]
        confidence = 0.55 + 0.1 * min(p.specificity, 3)
        found = lambda t: actors.compose(actors.np_head(t)) or actors.compose(t)  # noqa: E731
        if p.pos == "noun":
            confidence -= 0.1
            src_tokens = args.noun_sources(trig, found)
        else:
            src_tokens = args.verb_subjects(trig)
        sources = [a for t in src_tokens for a in actors.actors_for(t)]
        targets = self._targets(f, actors, found, src_tokens)
        how_target = "tree"
        if not targets and root in STANCE_ROOTS:
            targets = self._reported_targets(f, actors)
            if not targets and sources:
                prev = self._context_target(sources[0][0], ref.index, earlier)
                if prev is not None:
                    targets, how_target = [(prev, True)], "context"
        if p.symmetric and (len(sources) < 2 or not targets) and not (sources and targets):
            pair = self._clause_participants(trig, actors)
            if len(pair) >= 2:
                sources, targets = [pair[0]], [pair[1]]
        if p.symmetric and len(sources) >= 2 and not targets:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(a, b) for a in sources for b in targets]
            if p.symmetric and len(sources) == 1 and len(targets) == 1 and p.pos == "noun":
                pairs.append((targets[0], sources[0]))
        if not pairs:
            return []
        mood = modality.assess(trig, forward=root in modality.cues()["forward_roots"])
        speaker_tok = modality.attribution(trig)
        speaker = None
        if speaker_tok is not None:
            who = actors.actors_for(speaker_tok)
            span = speaker_tok.doc[speaker_tok.left_edge.i:speaker_tok.right_edge.i + 1] \
                if speaker_tok.dep_ == "pobj" else speaker_tok.doc[speaker_tok.i:speaker_tok.i + 1]
            speaker = {"text": span.text, "span": [span.start_char, span.end_char],
                       "name": who[0][0].name if who else None, "code": who[0][0].code if who else None}
        rule = p.id
        hypothetical = mood.hypothetical
        if (mood.hypothetical and mood.volitional and not mood.conditional and not mood.negated):
            intent = self._intent_code(code)
            own = speaker is None or not speaker.get("code") or any(
                speaker["code"][:3] == (a.country or "")[:3] for a, _ in sources)
            if intent and own:
                code, rule, hypothetical = intent, rule + "+intent", False
        entry = lookup(code)
        when = dates.event_date(trig, anchor)
        out = []
        for (s, s_ref), (t, t_ref) in pairs:
            if s.code == t.code and s.name == t.name:
                continue
            conf = confidence - 0.1 * (s_ref + t_ref) - (0.15 if how_target == "context" else 0)
            out.append(Event(
                source=s, target=t, cameo=entry.code, cameo_root=entry.root, cameo_label=entry.label,
                plover=entry.plover, plover_mode=entry.plover_mode,
                plover_contexts=list(entry.plover_contexts), goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                trigger=TextSpan(trig.text, trig.idx, trig.idx + len(trig.text)), sentence=ref,
                rule=rule, confidence=max(0.05, min(0.99, conf)), negated=mood.negated,
                hypothetical=hypothetical, attributed_to=speaker, date=when))
        return out

    @staticmethod
    def _intent_code(code: str) -> str | None:
        table = modality.cues()["intent_codes"]
        for key in (code, code[:3], code[:2]):
            if key in table:
                return table[key]
        return None

    def _targets(self, f: Firing, actors: DocActors, found, src_tokens) -> list[tuple[Actor, bool]]:
        p, trig = f.pattern, f.trigger
        src_ids = {t.i for t in src_tokens}
        slots = p.target or (("dobj", "dative") + args.DEFAULT_TARGET_PREPS if p.pos == "verb"
                             else ("compound",) + args.NOUN_TARGET_PREPS)
        holders = [trig] + ([f.xcomp] if f.xcomp is not None else []) + list(f.objects)
        for slot in slots:
            cands: list[Token] = []
            if slot == "dobj":
                for h in [trig] + ([f.xcomp] if f.xcomp is not None else []):
                    cands += [o for o in args.verb_objects(h)]
            elif slot == "dative":
                cands += args.children(trig, "dative", "iobj")
            elif slot == "poss":
                cands += args.children(trig, "poss")
            elif slot == "compound":
                if p.pos == "noun":
                    src = next((t for t in src_tokens), None)
                    cands += args.noun_modifier_targets(trig, src, found)
            else:
                for h in holders:
                    cands += [o for _, o in args.prep_objects(h, (slot,))]
            for c in cands:
                if c.i in src_ids:
                    continue
                got = actors.actors_for(c) or self._inside(c, actors)
                if got:
                    return got
        return []

    def _inside(self, token: Token, actors: DocActors, depth: int = 0) -> list[tuple[Actor, bool]]:
        """An actor named inside a phrase: "the borders of the Donbas region of eastern Ukraine"."""
        if depth > 4:
            return []
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = actors.actors_for(p) or self._inside(p, actors, depth + 1)
                        if got:
                            return got
        return []

    def _reported_targets(self, f: Firing, actors: DocActors) -> list[tuple[Actor, bool]]:
        """"warned that Russia would face sanctions": the actor the reported clause is about."""
        for h in [f.trigger] + list(f.objects):
            for c in h.children:
                if c.dep_ in ("ccomp", "xcomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX"):
                    subj = args.children(c, "nsubj", "nsubjpass")
                    for s in subj:
                        got = actors.actors_for(s)
                        if got:
                            return got
        return []

    @staticmethod
    def _context_target(source: Actor, index: int, earlier: list[Event]) -> Actor | None:
        for ev in reversed(earlier):
            if ev.sentence.index < index - CONTEXT_SENTENCES:
                break
            if ev.source and ev.target and ev.source.country == source.country and ev.source.igo == source.igo \
                    and not ev.negated:
                return ev.target
        return None

    def _clause_participants(self, trig: Token, actors: DocActors) -> list[tuple[Actor, bool]]:
        """For "during their meeting": the actors of the clause the meeting belongs to."""
        verb = trig
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        found = []
        for s in args.verb_subjects(verb):
            found += actors.actors_for(s)
        for _, o in args.prep_objects(verb, ("to", "with")):
            found += actors.actors_for(o)
        found += [x for o in args.children(verb, "dobj") for x in actors.actors_for(o)]
        seen, out = set(), []
        for a, r in found:
            if (a.country, a.igo) not in seen and (a.country or a.igo):
                seen.add((a.country, a.igo))
                out.append((a, r))
        return out
