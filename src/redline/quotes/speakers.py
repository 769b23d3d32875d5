"""Who is speaking: from the subject of a speech verb to a name, a role, an organisation and
an actor.

"he" becomes the person last introduced ("he" -> "Mehmet Cagatay Guler"); a surname becomes
the full name it was introduced with; the role and organisation come from the introduction's
apposition ("Jake Sullivan, the US president's national security adviser") or premodifiers
("Kremlin aide Yuri Ushakov"); the actor comes from the actor resolver.
"""
from __future__ import annotations

from spacy.tokens import Token

from redline.actors.resolver import DocActors
from redline.extensions import ents_of
from redline.records import Speaker

ORG_PREPS = ("at", "of", "with", "for", "from")


class Speakers:
    def __init__(self, actors: DocActors):
        self.actors = actors
        self.doc = actors.doc
        self.entity_of = {i: e for e in ents_of(self.doc) for i in range(e.start, e.end)}

    def speaker(self, head: Token, outside=lambda i: True) -> Speaker | None:
        """The speaker a subject token names; `outside(i)` tells which earlier tokens a pronoun
        may refer to (not those inside quotations: a quote's "Putin" is not its speaker)."""
        doc = self.doc
        span = doc[head.i:head.i + 1] if head.pos_ == "PRON" else self._phrase(head)
        if head.pos_ == "PRON":
            actor = self.actors.previous_person(head, outside)
            found = [(actor, True)] if actor is not None else []
        else:
            found = self.actors.actors_for(head)
        actor = found[0][0] if found else None
        name = actor.name if actor is not None and actor.kind == "person" else None
        if name is None and (head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and actor is None)):
            name = self.actors.full_name(self._name_span(head).text)
        intro = doc[self.actors.person_heads[name]] if name in self.actors.person_heads else (
            head if head.pos_ != "PRON" else None)
        role = organization = None
        if intro is not None:
            role, organization = self._role(intro)
        if actor is None and name is None and role is None:
            return None
        return Speaker(span.text, span.start_char, span.end_char, name, role, organization, actor)

    def _name_span(self, head: Token):
        ent = self.entity_of.get(head.i)
        return ent if ent is not None else head.doc[head.i:head.i + 1]

    def _phrase(self, head: Token):
        """The speaker phrase without its apposition: "the Kremlin side", "Jake Sullivan"."""
        left = head
        for c in head.lefts:
            if c.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat"):
                left = c.left_edge if c.left_edge.i < left.i else left
                break
        return head.doc[left.i:head.i + 1]

    def _role(self, person: Token) -> tuple[str | None, str | None]:
        title = None
        if person.dep_ == "appos" and person.head.pos_ == "NOUN":
            title = person.head
        else:
            title = next((c for c in person.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                          and c.ent_type_ != "PERSON"), None)
        if title is None:
            title = self._loose_apposition(person)
        if title is not None:
            return self._title_text(title), self._organization(title)
        # "Kremlin aide Yuri Ushakov": the premodifiers that are not part of the name
        name = self._name_span(person)
        mods = [t for t in doc_range(person, name.start) if t.dep_ in ("compound", "amod", "nmod")
                and t.ent_type_ != "PERSON" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if mods:
            start = min(m.left_edge.i for m in mods)
            return person.doc[start:name.start].text.strip() or None, None
        return None, None

    def _loose_apposition(self, person: Token) -> Token | None:
        """"Jake Sullivan, the US president's national security adviser told reporters": the
        parser makes the title a second subject instead of an apposition."""
        end = self._name_span(person).end
        doc = person.doc
        if end >= len(doc) or doc[end].text != ",":
            return None
        for t in doc[end + 1:min(len(doc), end + 12)]:
            if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "appos", "npadvmod", "attr") and t.head.i in (
                    person.i, person.head.i):
                return t
            if t.pos_ in ("VERB", "AUX") or t.text in ",;.":
                return None
        return None

    @staticmethod
    def _title_text(title: Token) -> str:
        """The head of a title with the modifiers right before it: "national security adviser"."""
        start = title.i
        for t in reversed(list(title.lefts)):
            if t.i == start - 1 and t.dep_ in ("compound", "amod") and (t.is_lower or t.pos_ == "NOUN") \
                    and "-" not in t.text:
                words = title.doc[t.left_edge.i:t.i + 1]
                start = words.start if all(w.is_lower for w in words) else t.i
            else:
                break
        return title.doc[start:title.i + 1].text

    @staticmethod
    def _organization(title: Token) -> str | None:
        for c in title.children:
            if c.dep_ == "prep" and c.lower_ in ORG_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        end = p.i
                        for d in p.rights:   # "the Institute for Security Studies": part of the name
                            words = list(d.subtree)
                            if d.dep_ == "prep" and d.lower_ in ("for", "of", "on") and all(
                                    w.is_title or w.is_stop or w.is_punct for w in words[1:]):
                                end = max(end, d.right_edge.i)
                        return p.doc[p.left_edge.i:end + 1].text
        return None


def doc_range(person: Token, name_start: int):
    """Tokens modifying the person that stand before the name."""
    return [t for t in person.subtree if t.i < name_start]
