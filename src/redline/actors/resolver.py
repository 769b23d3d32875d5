"""Resolving actor mentions in a parsed document.

`DocActors` finds every knowledge-base phrase in a spaCy `Doc`, composes the phrases of one
noun phrase into one actor ("US" + "President" + "Joe Biden" -> USAGOV, name Joe Biden), and
answers the question the event coder asks: which actor(s) does this token stand for? It also
follows within-document references ("he", "its", "the country", "Sadik" after "Giray Sadik").
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import POS
from spacy.symbols import ADJ, NOUN, NUM, PROPN
from spacy.tokens import Doc, Span, Token

from redline.actors.knowledge import ANY_CASE, EXACT_CASE, ActorKB, Ref
from redline.data import data_path, load_yaml
from redline.extensions import conjuncts, ents_of, kids, text_of
from redline.places import gazetteer
from redline.places.finder import place_words
from redline.records import Actor, Mention

# A proper name spaCy did not call a place counts as one only for a city this large.
BIG_CITY = 50_000
# "both sides", "the three governments": how many parties a group noun refers back to.
GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}
# Sectors that make an actor a side of its own against its state: "the government and the rebels,
# both sides".
CHALLENGER_SECTORS = {"REB", "UAF", "OPP", "CRM"}


def is_challenger(a: Actor) -> bool:
    """Whether an actor is a challenger of its state rather than the state."""
    return bool(set(a.sectors) & CHALLENGER_SECTORS)


# Entity labels that never name a place.
NUMERIC_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# Entity labels of places: a person's name inside a longer one is part of the place.
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
# Small words inside a person's name: "Arturo Rivera y Damas", "Ramos da Silva".
NAME_PARTICLES = {"y", "e", "de", "da", "das", "do", "dos", "del", "della", "di", "van", "von", "der", "ter"}
# Dependencies that keep a modifier inside its head's noun phrase.
NP_MODIFIERS = {"compound", "amod", "flat", "nmod", "nn", "appos"}
# Participles after a state that say whose a thing is ("U.S.-based", "British-flagged"); "Russian-
# backed separatists" are not Russia's, so backing, funding and leading are not among them.
OWNERSHIP_PARTICIPLES = {"base", "own", "flag", "register", "headquarter", "headquartered", "flagged", "registered",
                         "based", "owned"}
# Words after a hyphen that turn a state's name into a measure or a style.
LIKENESS_WORDS = {"sized", "size", "style", "like", "type", "era"}
# Prepositions that name who a sector word belongs to: "leaders of Russia", "officials from Kyiv".
OWNER_PREPS = {"of", "from", "in"}


# Words that count or take a part of what follows: "dozens of warplanes", "the first of 200
# marines" and "a new package of sanctions" are about the warplanes, the marines, the sanctions
# ("a state of emergency" is an emergency, "a state of war" a war).
QUANTITY_NOUNS = {"dozen", "dozens", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                  "score", "scores", "number", "group", "batch", "wave", "series", "fleet", "column",
                  "convoy", "contingent", "unit", "squadron", "pair", "couple", "handful", "flotilla",
                  "member", "members", "package", "raft", "slew", "tranche", "state",
                  "some", "many", "most", "all", "half", "part", "first", "last", "rest", "remainder",
                  "bulk", "majority", "several", "few", "both", "each", "portion", "vanguard"}


def counted(token: Token) -> Token:
    """The noun a quantity phrase is about ("hundreds of protesters" -> protesters, "members of
    the cult" -> the cult)."""
    # `token.pos` compared as a number: `token.pos_` converts it into a string on each call
    if token.lower_ in QUANTITY_NOUNS or token.lemma_.lower() in QUANTITY_NOUNS or token.pos == NUM:
        for c in kids(token):
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in kids(c):
                    if p.dep_ == "pobj":
                        return p
    return token


@lru_cache(maxsize=1)
def coreference_words() -> dict:
    return load_yaml(data_path("coreference.yaml"))


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Verb forms the pipeline lemmatises wrongly, with their lemmas (data/lemmas.yaml)."""
    return {str(k).lower(): str(v).lower() for k, v in (load_yaml(data_path("lemmas.yaml")) or {}).items()}


@dataclass(slots=True)
class Match:
    start: int              # token offsets, end exclusive
    end: int
    refs: list[Ref]
    person_name: str | None = None     # for people spaCy found that the knowledge base lacks
    kinds: frozenset = frozenset()

    def __post_init__(self):
        self.kinds = frozenset(r.kind for r in self.refs)


class DocActors:
    """The actors of one document, resolved on demand and cached."""

    def __init__(self, doc: Doc, kb: ActorKB, date: str | None = None):
        self.doc = doc
        self.kb = kb
        self.date = date
        self.words = coreference_words()
        self._sent_starts = [s.start for s in doc.sents]
        self.ents = ents_of(doc)    # read once: spaCy builds the spans anew on each `doc.ents`
        self.by_token: dict[int, Match] = {}
        self._regions: set[int] = set()      # tokens naming a region, not a town
        self.matches: list[Match] = []
        self._cache: dict[int, list[Actor]] = {}
        self._actors_of: dict[int, list[tuple[Actor, bool]]] = {}   # actors_for, by token index
        self._sentences: dict[int, Span] = {}   # sentence_of, by sentence number
        self._find_matches()
        self._people_seen: dict[str, Actor] = {}     # surname or full name -> actor first resolved
        self.person_heads: dict[str, int] = {}       # full name -> token where it is first introduced
        self.mentions: list[Mention] = []
        self._timeline: list[tuple[int, Actor]] = []  # (token index, actor) in text order
        self._build_timeline()

    # -- phrase matching ------------------------------------------------------------------
    def _find_matches(self) -> None:
        doc, kb = self.doc, self.kb
        starts, texts, lowers, lemmas, nominal = [], [], [], [], []
        # parts of speech as symbol numbers (NOUN, PROPN), read for the whole document at once:
        # `token.pos_` converts its value into a string anew on each call
        pos = doc.to_array(POS).tolist()
        fixes = lemma_fixes()
        for t, word_class in zip(doc, pos):
            low, lemma = t.lower_, t.lemma_.lower()
            if low in fixes and t.tag_[:2] == "VB":
                lemma = fixes[low]
            starts.append(t.idx)
            texts.append(t.text)
            lowers.append(low)
            lemmas.append(lemma)
            # a plural noun matches by its lemma ("troops"); a verb never does ("pressing" is not the press)
            nominal.append(lemma if word_class in (NOUN, PROPN) else low)
        self.lemmas, self.lowers = lemmas, lowers   # the event coder looks triggers up in these
        # read once for the later walks: `doc[i]` builds a new Token on each access, and each of
        # its string attributes is looked up again in the vocabulary (plain strings and numbers:
        # kept Token objects would only give the garbage collector more to walk)
        self._starts, self._texts, self._pos = starts, texts, pos
        lemmas = nominal
        # the longer place names spaCy found: a person's name inside one is part of the place
        # ("Dar" of Dar es Salaam, "Lincoln" of Abraham Lincoln Airport)
        place_of = {k: (e.start, e.end) for e in self.ents if e.label_ in PLACE_ENTITIES and len(e) > 1
                    for k in range(e.start, e.end)}
        # ... and a sea or a gulf that belongs to no state names no one: "the Gulf of Aden" is
        # not Yemen's government, "the Sea of Japan" not Japan
        stateless = {k for e in self.ents if e.label_ in PLACE_ENTITIES and len(e) > 1 and _stateless(e)
                     for k in range(e.start, e.end)}
        # ... and one in a single state is that state's, whatever name it holds: "the Niger Delta"
        # is in Nigeria, not Niger
        regions = {}
        for e in self.ents:
            if e.label_ in PLACE_ENTITIES and len(e) > 1 and e.start not in stateless:
                first = e.start + (lowers[e.start] == "the")
                region = _region_country(self._span_text(first, e.end), frozenset(), division=False)
                if region is not None and e.end - first > 1:
                    regions[first] = (e.end, region)
        phrases, longest = kb.phrases, kb.longest_from
        n = len(doc)
        i = 0
        while i < n:
            if i in regions:
                end, (country, name) = regions[i]
                self._regions.update(range(i, end))
                self._add_match(Match(i, end, [Ref("place", country=country, phrase=name)]))
                i = end
                continue
            if lowers[i] not in longest and lemmas[i] not in longest:     # most words begin no phrase
                i += 1
                continue
            top = max(longest.get(lowers[i], 0), longest.get(lemmas[i], 0))
            found = None
            for length in range(min(top, n - i), 0, -1):
                key = tuple(lowers[i:i + length])
                refs = phrases.get(key)
                if refs is None and lemmas[i + length - 1] != lowers[i + length - 1]:
                    refs = phrases.get(key[:-1] + (lemmas[i + length - 1],))
                if refs and i > 0 and texts[i - 1] == "-" and not doc[i - 1].whitespace_:
                    refs = [r for r in refs if r.kind != "sector"]   # "Director-General" is no general
                if refs and length == 1 and pos[i] == ADJ and lowers[i] in self.words["adjective_senses"]:
                    refs = [r for r in refs if r.kind != "sector"]   # "a general strike" names no general
                if refs and i > 0 and lowers[i - 1] in self.words["wider_before"].get(lowers[i], ()):
                    refs = []      # "Latin American countries", "South America" are no Americans
                if refs and i in place_of and place_of[i][1] - place_of[i][0] > length:
                    refs = [] if i in stateless else [r for r in refs if r.kind not in ("person", "group")]
                if refs:
                    refs = [r for r in refs if self._case_ok(r, texts[i:i + length])
                            and (r.until is None or (self.date is not None and self.date < r.until))]
                    if refs:
                        found = Match(i, i + length, refs)
                        break
            if found:
                self._add_match(found)
                i = found.end
            else:
                i += 1
        self._find_halves()
        # Cities named in the text tell the country ("shelled Kharkiv"): places spaCy recognises,
        # and proper names it misses or mislabels when they name a large city.
        # A word of a person's name met earlier is that person ("Kim agreed to visit Seoul" after
        # "Kim Jong Un"), not a town that happens to bear it.
        name_words = {}
        for m in self.matches:
            if "person" in m.kinds:
                for k in range(m.start, m.end):
                    name_words.setdefault(texts[k], k)
        # a town's name shared by towns in several states is the one in a state the text names
        named = frozenset(r.country for m in self.matches for r in m.refs[:1]
                          if r.country and r.kind in ("country", "adjective", "capital", "metonym"))
        for start, end, sure in self._place_candidates():
            if any(k in self.by_token for k in range(start, end)):
                continue
            if end - start == 1 and (name_words.get(texts[start], start) < start
                                     or texts[start] in self.words["compass_words"]):
                continue
            city = gazetteer.lookup(self._span_text(start, end), named)
            # "in Borno" is the Nigerian state, not a German town of a like name, when the text
            # names Nigeria and not Germany, or names neither and the town is small
            doubtful = city is not None and (city.country not in named if named else city.population < BIG_CITY)
            if (city is None or doubtful) and sure:
                # a region the NER calls a place ("in Darfur", "in Chechnya") is of its one state
                # ("the northern Gulf" is no province of Papua New Guinea: a first-level region
                # is a political division, which the NER calls a GPE, not a LOC like seas and gulfs,
                # and its name is not written after "the")
                division = doc[start].ent_type_ == "GPE" and lowers[start - 1:start] != ["the"]
                region = _region_country(self._span_text(start, end), named, division, contested=True)
                if region is not None and (city is None or region[0] in named or not named):
                    self._regions.update(range(start, end))
                    self._add_match(Match(start, end, [Ref("place", country=region[0], phrase=region[1])]))
                    continue
                if city is None:
                    continue
            if city is not None and not sure and self._name_not_place(start, end, city):
                continue
            if city is not None and (sure or city.population >= BIG_CITY or self._in_place_slot(doc[end - 1])):
                self._add_match(Match(start, end, [Ref("place", country=city.country, phrase=city.name)]))
        self._find_vessels()
        # People spaCy recognises but the knowledge base does not know. A known surname inside a
        # longer unknown name is somebody else ("Mehmet Cagatay Guler" is not Yasar Guler).
        honorifics = self.words["honorifics"]
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            # titles before the name are not part of it: "Gen." of "Gen. Fidel Ramos", the
            # "Archbishop" of "Archbishop Arturo Rivera"
            first = ent.start
            while first < ent.end - 1 and (
                    lowers[first].rstrip(".") in honorifics
                    or (first in self.by_token and self.by_token[first].kinds == {"sector"}
                        and self.by_token[first].end < ent.end)):
                first = self.by_token[first].end if first in self.by_token else first + 1
            inner = {id(self.by_token[k]): self.by_token[k] for k in range(first, ent.end) if k in self.by_token}
            given = lowers[first]
            if inner and all(m.kinds == {"person"} and m.end <= ent.end and (
                    (m.start > first and not any(r.person and r.person.split()[0].lower() == given
                                                 for r in m.refs))
                    or self._first_name_only(m, ent.end))
                    for m in inner.values()) and given not in honorifics:
                # a known surname inside a longer unknown name is somebody else ("Mehmet Cagatay
                # Guler" is not Yasar Guler), and so is a known first name before another
                # surname ("Fidel E. Ramos" is not Fidel Castro)
                for m in inner.values():
                    self.matches.remove(m)
                    for k in range(m.start, m.end):
                        del self.by_token[k]
            if any(k in self.by_token for k in range(first, ent.end)):
                continue
            if ent.end - first == 1 and not doc[first].is_title:
                continue
            if self._names_settlement(ent.root):
                continue    # "the town of Avdiivka" is no person
            start = first    # spaCy sometimes leaves a first name out of the entity
            while (start == ent.start and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
                   and start - 1 not in self.by_token and doc[start - 1].ent_type_ in ("", "PERSON")
                   and lowers[start - 1].rstrip(".") not in honorifics):
                start -= 1
            end = ent.end      # ... or the part after a particle: "Arturo Rivera y Damas"
            while (end + 1 < len(doc) and lowers[end] in NAME_PARTICLES and doc[end + 1].pos_ == "PROPN"
                   and doc[end + 1].is_title and doc[end + 1].ent_type_ in ("", "PERSON")
                   and end not in self.by_token and end + 1 not in self.by_token):
                end += 2
            self._add_match(Match(start, end, [Ref("person")], person_name=self._span_text(start, end)))
        self.matches.sort(key=lambda m: m.start)

    def _first_name_only(self, m: Match, ent_end: int) -> bool:
        """A one-word alias opening a longer name spaCy found, followed by more of that name:
        a first name the known person shares ("Fidel" of "Fidel E. Ramos")."""
        doc = self.doc
        return (m.end - m.start == 1 and m.end < ent_end
                and any(doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].is_alpha
                        for k in range(m.end, ent_end)))

    def _name_not_place(self, start: int, end: int, city) -> bool:
        """A word spaCy takes for part of a person's name is no town unless its slot says so:
        "Damas" of "Archbishop Arturo Rivera y Damas" is not Damascus; nor is a name that is only
        another name of a town in a state the sentence does not name, while it names places in
        another ("Sabra" in "the Sabra and Shatila camps in west Beirut" is no Sabratah, Libya)."""
        doc = self.doc
        t = doc[end - 1]
        if t.ent_type_ != "PERSON" or self._in_place_slot(t):
            return False
        if gazetteer.name_key(city.name) != gazetteer.name_key(self._span_text(start, end)):
            sent = self.sentence_of(t)
            named = {r.country for m in self.matches if sent.start <= m.start < sent.end
                     for r in m.refs[:1] if r.kind in ("country", "capital", "place") and r.country}
            if named and city.country not in named:
                return True
        linked = [c for c in kids(t) if c.dep_ in ("compound", "flat")]
        if t.dep_ in ("compound", "flat"):
            linked.append(t.head)
        if any(x.ent_type_ == "PERSON" and x.pos_ == "PROPN" and not start <= x.i < end for x in linked):
            return True
        return start >= 2 and self.lowers[start - 1] in NAME_PARTICLES and doc[start - 2].ent_type_ == "PERSON"

    def _find_vessels(self) -> None:
        """A warship named after a place is of that place's state: "the battleship New Jersey",
        "the destroyer Sheffield"."""
        vessels = self.words.get("vessel_nouns") or []
        if not vessels:
            return
        for m in list(self.matches):
            if m.refs[0].kind != "sector" or m.refs[0].phrase.lower() not in vessels:
                continue
            head = self._match_head(m)
            for c in kids(head):
                if c.dep_ != "appos" or c.i in self.by_token or c.pos_ != "PROPN":
                    continue
                lo = min(k.i for k in c.subtree if k.dep_ in ("compound", "flat") or k.i == c.i)
                if any(k in self.by_token for k in range(lo, c.i + 1)):
                    continue
                places = [p for p in gazetteer.load().lookup(self._span_text(lo, c.i + 1))
                          if p.country and p.feature in ("city", "admin1")]
                if places:
                    self._add_match(Match(lo, c.i + 1, [Ref("place", country=places[0].country,
                                                              phrase=places[0].name)]))

    def _find_halves(self) -> None:
        """"the North", "the South" standing alone name a half of a divided country the document
        has already named, by either half's name."""
        named = {r.country for m in self.matches for r in m.refs if r.country}
        for halves in self.words["divided_halves"]:
            if not named & set(halves.values()):
                continue
            for i, text in enumerate(self._texts):
                if text not in halves or i in self.by_token:
                    continue
                t = self.doc[i]
                if t.dep_ not in ("compound", "amod") and any(c.dep_ == "det" and c.lower_ == "the" for c in kids(t)):
                    self._add_match(Match(i, i + 1, [Ref("country", country=halves[text], phrase=text)]))

    def _in_place_slot(self, token: Token) -> bool:
        """Where a name can only be a place: "strikes on Odesa", "the town of Avdiivka"."""
        return self._names_settlement(token) or (
            token.dep_ == "pobj" and token.head.lower_ in self.words["place_preps"])

    def _names_settlement(self, token: Token) -> bool:
        """"the town of X", "the village of X": X names a place, whatever NER says."""
        head = token.head
        return (token.dep_ == "pobj" and head.lower_ == "of"
                and head.head.lemma_.lower() in self.words["settlement_nouns"])

    def _place_candidates(self):
        doc = self.doc
        seen = set()
        for ent in self.ents:
            start = ent.start + (1 if self.lowers[ent.start] == "the" else 0)
            if ent.label_ in ("GPE", "LOC", "FAC"):
                seen.add(start)
                yield start, ent.end, True
            elif len(ent) == 1 and ent.label_ not in NUMERIC_ENTITIES:
                seen.add(start)
                yield start, ent.end, False
        for i, word_class in enumerate(self._pos):
            if word_class == PROPN and i not in seen:
                t = doc[i]
                if not t.ent_type_ and t.is_title:
                    yield i, i + 1, False

    @staticmethod
    def _case_ok(ref: Ref, words: list[str]) -> bool:
        if ref.case == ANY_CASE:
            return True
        if ref.case == EXACT_CASE:
            written, wanted = "".join(words), ref.phrase.replace(" ", "")
            return written == wanted or written == wanted[:1].upper() + wanted[1:]   # "Bin Laden" opening a sentence
        first = words[0][:1]
        return first.isupper() or first.isdigit()

    def _add_match(self, m: Match) -> None:
        if m.end + 1 < len(self._texts) and self._texts[m.end] == "-" and self.lowers[m.end + 1] in LIKENESS_WORDS:
            return       # "a Switzerland-sized haven", "Soviet-era tanks": a measure or a make, no one
        self.matches.append(m)
        for k in range(m.start, m.end):
            self.by_token[k] = m

    def _match_head(self, m: Match) -> Token:
        if m.end - m.start == 1:
            return self.doc[m.start]     # a one-word span's root is its word
        return self.doc[m.start:m.end].root

    def np_head(self, token: Token) -> Token:
        """Climb from a mention to the head of the noun phrase it belongs to."""
        h = token
        while (h.dep_ in NP_MODIFIERS and h.dep_ != "appos" and h.head.i != h.i
               and h.head.i in self.by_token and self._joins(h, h.head) and not self._misparsed_conjunct(h)):
            h = h.head
        return h

    def _joins(self, modifier: Token, head: Token) -> bool:
        """Two states side by side ("US-China", "Russia Ukraine") are two actors, not one."""
        owner_only = lambda m: m.refs[0].kind not in ("sector", "person", "group")
        a, b = self.by_token.get(modifier.i), self.by_token.get(head.i)
        if a is None or b is None:
            return True
        return a is b or not (owner_only(a) and owner_only(b))

    def is_place_modifier(self, token: Token) -> bool:
        """A capital used as a modifier names a place: "the Geneva summit", "a Vilnius meeting"."""
        m = self.by_token.get(token.i)
        return (m is not None and m.kinds <= {"capital", "place", "seat"} and token.dep_ in ("compound", "amod", "nmod")
                and token.head.i not in self.by_token)

    def names_country(self, token: Token) -> bool:
        """Whether a phrase names a state itself (not its capital or a city)."""
        for t in [token] + [c for c in kids(token) if c.dep_ in NP_MODIFIERS | {"poss"}]:
            m = self.by_token.get(t.i)
            if m is not None and m.refs[0].kind in ("country", "adjective"):
                return True
        return False

    def only_country(self, span, besides: str | None = None) -> str | None:
        """The country, if exactly one is named in a span (by name, city or actor), leaving
        `besides` out."""
        found = {country for _, country in self._countries_named(span)} - {besides}
        return found.pop() if len(found) == 1 else None

    def main_country(self, span) -> str | None:
        """The country a span names in more different phrases than any other (by name, city or
        actor)."""
        counts = Counter(country for _, country in self._countries_named(span)).most_common(2)
        return counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None

    def _countries_named(self, span) -> set[tuple[str, str]]:
        """The (phrase, country) of each actor a span names with a country."""
        return {(m.actor.text, m.actor.country) for m in self.mentions
                if span.start_char <= m.start < span.end_char and m.actor.country}

    # -- composition ----------------------------------------------------------------------
    def _np_tokens(self, head: Token) -> list[Token]:
        """The head and the modifiers that say who it is, without crossing into clauses."""
        out = [head]
        stack = [head]
        head_is_actor = head.i in self.by_token
        sector_head = head_is_actor and self.by_token[head.i].refs[0].kind == "sector"
        # "met Reagan in Ottawa": where a named person is is not whose they are
        person_head = self._is_person(head)
        # a possessor owns a phrase that names an actor: "Jordan's King Abdullah", "the IMF's
        # executive board"
        head_lemma = head.lemma_.lower()
        organ = head_lemma in self.words["organ_nouns"]
        # ... and so does one whose apposition names someone: "the Taliban's political chief, Mullah Baradar"
        owned = head_is_actor or organ or self._pos[head.i] == PROPN or any(
            c.i in self.by_token for c in kids(head) if c.dep_ in ("compound", "amod", "appos"))
        leaders = self.words.get("leader_nouns") or ()
        speaks_for = head_lemma in self.words["speaking_for_nouns"]
        led: list[Token] = []      # "the head of the OSCE mission": the organisation led
        if self._misparsed_conjunct(head):
            # "Sudan's government and southern rebels": the possessive is the first conjunct's too
            owners = [c for c in kids(head.head) if c.dep_ == "poss"]
            out += owners
            stack += owners
        while stack:
            t = stack.pop()
            for c in kids(t):
                dep = c.dep_
                if self._misparsed_conjunct(c):
                    continue
                if dep in NP_MODIFIERS or (dep == "poss" and owned) or (
                        # "the U.S.-based firm", "a Russian-owned bank": whose the thing is
                        dep == "npadvmod" and t.dep_ == "amod" and t.lemma_.lower() in OWNERSHIP_PARTICIPLES) or (
                        dep == "conj" and t.dep_ in ("amod", "compound", "nmod") and t.i != head.i) or (
                        # "Turkish F-16 jets": a model's designation, not a count, can carry the owner
                        dep == "nummod" and not c.like_num and any(ch.isalpha() for ch in c.text)):
                    if dep == "appos" and c.i not in self.by_token and (
                            not any(k.i in self.by_token for k in c.subtree)
                            or c.lemma_.lower() in self.words["summary_nouns"]):
                        continue     # ... nor "the Solomon Islands, a deal the United States fears"
                    out.append(c)
                    stack.append(c)
                elif dep == "prep" and c.lower_ == "of" and t.lemma_.lower() in leaders and t.i not in self.by_token:
                    for p in kids(c):
                        if p.dep_ != "pobj":
                            continue
                        named = [k for k in [p] + [x for x in kids(p) if x.dep_ in ("compound", "amod", "nmod")]
                                 if any(r.kind == "igo" for r in self._refs_at(k)[:1])]
                        if named:
                            led.append(t)
                            out.extend(named)
                elif (dep == "prep" and (head_is_actor or organ) and t is head
                      and (c.lower_ in OWNER_PREPS or (c.lower_ == "for" and speaks_for))
                      and not (person_head and c.lower_ == "in")
                      # "an international tribunal in The Hague", "Western diplomats in Kyiv": not of the place
                      # (but "the foreign minister in Taipei" is Taiwan's)
                      and not (c.lower_ == "in" and any(k.dep_ == "amod" and k.lower_ != "foreign"
                                                        and k.lower_ in self.words["regional_peoples"]
                                                        for k in kids(head)))):
                    for p in kids(c):
                        if organ and not head_is_actor and all(r.kind == "sector" for r in self._refs_at(p)):
                            continue     # "the board of governors": its owner is named further on, if at all
                        if p.dep_ == "pobj" and (p.i in self.by_token or any(
                                k.i in self.by_token for k in kids(p) if k.dep_ in NP_MODIFIERS)):
                            # "police in Kharkiv": an unnamed actor is of the place it is in
                            # (a town; a region only tells where the event is)
                            if c.lower_ == "in" and not any(
                                    r.kind in ("country", "capital")
                                    or (r.kind == "place" and sector_head and p.i not in self._regions)
                                    for r in self._refs_at(p)):
                                continue
                            out.append(p)
                            stack.append(p)
                            # "the foreign ministers of Saudi Arabia and Iran": both own the phrase
                            out.extend(k for k in p.conjuncts if k.i in self.by_token)
        if led:
            # the head of an organisation's body speaks for it, whatever their own nationality
            # ("the American head of the OSCE verification mission")
            out = [k for k in out if not (k.head in led and k.dep_ in ("amod", "compound")
                                          and any(r.kind in ("adjective", "country") for r in self._refs_at(k)[:1]))]
        return out

    def _refs_at(self, token: Token) -> list[Ref]:
        m = self.by_token.get(token.i)
        return m.refs if m else []

    def _is_person(self, t: Token) -> bool:
        m = self.by_token.get(t.i)
        return m is not None and "person" in m.kinds

    def _misparsed_conjunct(self, c: Token) -> bool:
        """A sector noun the parser hung as a modifier with its "and" ("Sudan's government and
        southern rebels" read as rebels of the government): one more actor of the list. With a
        noun conjunct of its own it is a list of modifiers ("government and opposition delegates");
        an adjective conjunct begins the next phrase ("government and communist rebels")."""
        m = self.by_token.get(c.i)
        return (c.dep_ in ("nmod", "compound") and self._pos[c.i] == NOUN and m is not None
                and m.refs[0].kind == "sector" and any(k.dep_ == "cc" for k in kids(c))
                and not any(k.dep_ == "conj" and k.pos_ in ("NOUN", "PROPN") for k in kids(c)))

    def phrase_actors(self, token: Token) -> list[Actor]:
        """The actors of the noun phrase a word is in, else of the word alone."""
        return self.compose(self.np_head(token)) or self.compose(token)

    def compose(self, head: Token) -> list[Actor]:
        """The actor(s) a noun phrase headed by `head` names; [] when it names none."""
        if head.i in self._cache:
            return self._cache[head.i]
        tokens = self._np_tokens(head)
        matches: list[Match] = []
        for t in sorted(tokens, key=lambda t: abs(t.i - head.i)):
            m = self.by_token.get(t.i)
            if m is not None and m not in matches:
                matches.append(m)
        actors = self._listed_people(tokens, matches) or (self._combine(head, tokens, matches) if matches else [])
        if actors and not any(a.country or a.igo for a in actors):
            owner = self._shared_owner(head)
            if owner is not None:
                actors = [Actor(a.text, self.kb.code_for(owner.country, owner.igo, a.sectors), owner.country,
                                owner.igo, list(a.sectors), a.name, a.kind) for a in actors]
        self._cache[head.i] = actors
        return actors

    def _shared_owner(self, head: Token) -> Actor | None:
        """The owner a bare noun shares with the noun it is joined to: "Serbian police and
        paramilitaries" are both Serbian."""
        first = head.head
        if head.dep_ != "conj" or first.pos_ != "NOUN" or head.pos_ != "NOUN" or any(
                c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in kids(head)):
            return None
        owned = [a for a in self.compose(first) if (a.country or a.igo) and a.sectors and a.kind != "person"]
        return owned[0] if len(owned) == 1 else None

    def _listed_people(self, tokens: list[Token], matches: list[Match]) -> list[Actor]:
        """Two people the parser folded into one phrase ("Iranian President Masoud Pezeshkian and
        Saudi Crown Prince Mohammed bin Salman", headed by "Salman"): each of them, with the words
        between the "and"s that belong to each."""
        people = [m for m in matches if "person" in m.kinds]
        if len(people) < 2:
            return []
        ordered = list(self.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1])
        cuts = [t.i for t in ordered if t.dep_ == "cc" and t.lower_ == "and"]
        if not cuts:
            return []
        out = []
        for lo, hi in zip([-1] + cuts, cuts + [len(self.doc)]):
            part = [t for t in ordered if lo < t.i < hi]
            found = [m for m in matches if part and part[0].i <= m.start and m.end - 1 <= part[-1].i]
            if any("person" in m.kinds for m in found):
                head = self.doc[max(m.end for m in found) - 1]
                out += self._combine(head, part, sorted(found, key=lambda m: -m.start))
        return out if len(out) >= 2 else []

    def _combine(self, head: Token, tokens: list[Token], matches: list[Match]) -> list[Actor]:
        kb, date = self.kb, self.date
        owners: list[tuple[str | None, str | None]] = []   # (country, igo), nearest first
        sectors: list[str] = []
        role_kinds: list[str] = []
        role_phrase = ""
        name = None
        kind = ""
        person_country = person_igo = None
        people_markers = self.words.get("people_markers") or ()
        ethnic = False
        head_metonym = None     # the owner of an institution's name heading the phrase ("Congress")
        shared_name = None      # ... when other states' institutions bear that name too
        for m in matches:
            for r in self._people_first_meant(self._seat_meant(m)):
                if r.kind in ("person", "group"):
                    if r.person and name is None:
                        person = kb.people[r.person]
                        name, kind = person.name, r.kind
                        role, current = person.role_at(date)
                        if role is not None:
                            person_country, person_igo = role.country, role.igo
                            if person.theatres:
                                person_country = self._theatre(head, person.theatres) or person_country
                            sector = role.sector if current else "ELI"
                            if sector not in sectors:
                                sectors.append(sector)
                    elif r.kind == "group" and r.person:
                        # "the Taliban's political chief, Mullah Baradar": the group owns its officer
                        role, current = kb.people[r.person].role_at(date)
                        if role is not None and (role.country, role.igo) not in owners:
                            owners.append((role.country, role.igo))
                            if current and role.sector and role.sector not in sectors:
                                sectors.append(role.sector)
                    elif m.person_name and name is None:
                        name, kind = self.full_name(m.person_name), "person"
                elif r.kind == "sector":
                    if r.sector and r.sector not in sectors:
                        sectors.append(r.sector)
                    role_kinds.extend(k for k in r.role_kinds if k not in role_kinds)
                    if r.role_kinds and not role_phrase:
                        role_phrase = r.phrase
                else:
                    if r.kind == "adjective" and m.start > 0 and self.lowers[m.start - 1] in people_markers:
                        ethnic = True      # "ethnic Albanian villagers": a people, not the state
                        break
                    if r.kind in ("adjective", "capital", "country", "metonym") and self._stance(m):
                        break              # "the pro-Russian Shor party", "pro-Jakarta militias": no party of that state
                    if r.kind == "igo" and self._regional(m) and any(n.kinds == {"sector"} for n in matches):
                        break              # "European leaders" are of several states; a "European plan" is the EU's
                    owner = (r.country, r.igo)
                    located = r.kind == "capital" and self._match_head(m).dep_ == "pobj" and m.start != head.i
                    # "the Danish and Norwegian embassies in Damascus": where they are is no owner
                    # beside those the phrase names ("protesters in Tbilisi" have only the place)
                    if owner not in owners and (r.country or r.igo) and not (located and owners):
                        owners.append(owner)
                    if r.kind == "metonym" and m.start <= head.i < m.end:
                        head_metonym = owner
                        if r.phrase.lower() in self.words["shared_institutions"]:
                            shared_name = m
                    if (r.sector and r.sector not in sectors and r.kind in ("metonym", "capital", "igo", "custom")
                            and not located):   # "protesters in Tbilisi" are no government
                        sectors.append(r.sector)
                    if r.kind == "custom" and r.person and name is None:
                        name = r.person
                break   # the first reference of a phrase decides what it is
        if name and name in self._people_seen and not (person_country or person_igo or owners):
            seen = self._people_seen[name]
            return [Actor(self._text(tokens), seen.code, seen.country, seen.igo, list(seen.sectors), name, kind)]
        if person_country and owners and all(c != person_country for c, _ in owners) and kind == "person":
            # "Belgian King Philippe" is not France's former prime minister Edouard Philippe:
            # a surname alias that contradicts the phrase's own country names someone else
            name, person_country, person_igo, kind = None, None, None, ""
            sectors = [x for x in sectors if x != "ELI"]
        if head_metonym is not None and len(owners) > 1 and owners[0] == head_metonym:
            # "Brazil's Congress", "the Peruvian Congress": a name one state's institution has is
            # another state's when the phrase says so
            owners = owners[1:] + owners[:1]
        elif shared_name is not None and owners == [head_metonym]:
            # "Fujimori suspended the constitution and dissolved Congress": or when its sentence
            # names one other state and not its own
            # (before it, when the sentence goes on to name its own: "Fujimori dissolved Congress,
            # and the United States suspended aid")
            sent = self.sentence_of(head)
            refs = [(m.start, self._country_of_ref(r)) for m in self.matches
                    if sent.start <= m.start < sent.end and m is not shared_name for r in m.refs[:1]]
            named = {c for _, c in refs} - {None}
            before = {c for at, c in refs if at < shared_name.start} - {None}
            for states in (named, before):
                if len(states) == 1 and head_metonym[0] not in states:
                    owners = [(next(iter(states)), None)]
                    break
        if person_country or person_igo:
            owners = [(person_country, person_igo)] + [o for o in owners if o != (person_country, person_igo)]
        if ethnic and not sectors and not name:
            sectors.append("CVL")     # "ethnic Albanians": civilians of the place they live in
        if not owners and not sectors and not name:
            return []
        # Coordinated owners inside one phrase ("US and EU sanctions") are separate actors.
        coordinated = self._coordinated_owners(tokens, owners, head)
        actors = []
        for country, igo in coordinated or owners[:1] or [(None, None)]:
            who = name
            if who is None and role_kinds and (country or igo) and not _indefinite(head):
                who = kb.holder(country or igo, role_kinds, date, role_phrase)
                if who:
                    role, _ = kb.people[who].role_at(date)
                    if role and role.sector and role.sector not in sectors:
                        sectors.insert(0, role.sector)
            code = kb.code_for(country, igo, sectors)
            places_only = all(m.kinds <= {"place", "sector"} for m in matches)
            who_kind = kind or ("person" if who or role_kinds else "organisation" if igo else
                                "place" if places_only and country else "state" if country else
                                "people" if self._unknown_people(tokens) else "sector")
            actors.append(Actor(self._text(tokens), code or "", country, igo, list(sectors), who, who_kind))
        if name and kind == "person" and len(actors) == 1:
            self._remember_person(name, actors[0])
            self.person_heads.setdefault(name, head.i)
        return actors

    def _country_of_ref(self, r: Ref) -> str | None:
        """The state a reference names: its own, or a person's at the document's date."""
        if r.country or not r.person or r.person not in self.kb.people:
            return r.country
        role, _ = self.kb.people[r.person].role_at(self.date)
        return role.country if role is not None else None

    def _theatre(self, head: Token, theatres: list[str]) -> str | None:
        """The one state of a group's theatres its sentence names, if any; of several, the one
        whose town or city it names ("Egyptian warplanes bombed Islamic State targets in the
        Libyan city of Derna" is Libya's)."""
        sent = self.sentence_of(head)
        refs = [r for m in self.matches if sent.start <= m.start < sent.end
                for r in m.refs[:1] if r.kind != "person" and r.country in theatres]
        for named in ({r.country for r in refs}, {r.country for r in refs if r.kind in ("place", "capital")}):
            if len(named) == 1:
                return named.pop()
        return None

    def _unknown_people(self, tokens: list[Token]) -> bool:
        """A phrase naming peoples of several states ("European lawmakers", "Western diplomats"),
        so that its country is not guessed from the sentence."""
        return any(t.lower_ in self.words["regional_peoples"]
                   and (t.i not in self.by_token or self._regional(self.by_token[t.i])) for t in tokens)

    def _regional(self, m: Match) -> bool:
        """A one-word match that is also a word for peoples of several states ("European")."""
        return m.end - m.start == 1 and self.lowers[m.start] in self.words["regional_peoples"]

    def _stance(self, m: Match) -> bool:
        """Whether a state's name or adjective is a stance towards it ("pro-Russian", "anti-American",
        "pro-Jakarta")."""
        return m.start > 1 and self.lowers[m.start - 1] == "-" and self.lowers[m.start - 2] in self.words["stance_prefixes"]

    def _seat_meant(self, m: Match) -> list[Ref]:
        """A match's references with an organisation's seat first where the city acts or owns
        ("Brussels demanded", "Brussels' request": the EU), and left out where it is a place ("talks
        in Brussels", "flew to Brussels": Belgium's capital)."""
        if "seat" not in m.kinds:
            return m.refs
        head = self._match_head(m)
        seats = [r for r in m.refs if r.kind == "seat"]
        rest = [r for r in m.refs if r.kind != "seat"]
        return rest if head.dep_ == "pobj" and head.head.lower_ in self.words["seat_place_preps"] else seats + rest

    def _people_first_meant(self, refs: list[Ref]) -> list[Ref]:
        """`refs` with the people a name may mean ("Bush", "Assad") in the order this document
        means them: one it has already named, then one in office at its date, then one in office
        before it, then the knowledge base's order; the other references keep their places."""
        people = [r for r in refs if r.kind == "person" and r.person]
        if len(people) < 2:
            return refs
        named = {a.name for a in self._people_seen.values()}

        def rank(r: Ref) -> tuple[int, int, int]:
            # one who has held a role by the date before one whose roles all come later
            # ("Marcos" in 1987 is the father, "Carter" in 1985 the former president)
            role, current = self.kb.people[r.person].role_at(self.date)
            return (r.person not in named, not (current and self.date), role is None)

        ranked = iter(sorted(people, key=rank))    # sorted() is stable: ties keep the base's order
        return [next(ranked) if r.kind == "person" and r.person else r for r in refs]

    def _coordinated_owners(self, tokens: list[Token], owners: list, head: Token) -> list:
        if len(owners) < 2:
            return []
        # the phrase's head being one item of a list ("Trump and Kim Jong Un in Hanoi") is no
        # coordination inside the phrase
        conj = [t for t in tokens if t.i != head.i and (t.dep_ == "conj" or any(c.dep_ == "conj" for c in kids(t)))]
        return owners if conj else []

    def _text(self, tokens: list[Token]) -> str:
        first = min(tokens, key=lambda t: t.i)
        last = max(tokens, key=lambda t: t.i)
        return text_of(self.doc)[first.idx:last.idx + len(last)]

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens `start` to `end` (exclusive, at least one token), as
        `doc[start:end]`'s `start_char` and `end_char`, without building the span."""
        return self._starts[start], self._starts[end - 1] + len(self._texts[end - 1])

    def _span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, cut from the document's text (spaCy joins the tokens again)."""
        if end <= start:
            return ""
        first, last = self._chars(start, end)
        return text_of(self.doc)[first:last]

    def full_name(self, text: str) -> str:
        """A surname already introduced in full ("Sadik" after "Giray Sadik") -> the full name,
        without titles ("Prof. Dr Giray Sadik" -> "Giray Sadik")."""
        words = text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in self.words["honorifics"]:
            words = words[1:]
        text = " ".join(words)
        if text in self._people_seen:
            return self._people_seen[text].name or text
        return text

    def _remember_person(self, name: str, actor: Actor) -> None:
        if name not in self._people_seen:
            self._people_seen[name] = actor
            surname = name.split()[-1]
            self._people_seen.setdefault(surname, actor)
            particle, hyphen, rest = surname.partition("-")
            if hyphen and particle.islower() and rest:
                self._people_seen.setdefault(rest, actor)    # "al-Maliki", later "Maliki"
            if actor.country in self.words["family_name_first"] and " " in name:
                self._people_seen.setdefault(name.split()[0], actor)    # "Kim Jong Il", later "Kim"

    # -- the document's actors in order, for output and back-references ---------------------
    def _build_timeline(self) -> None:
        seen_heads = set()
        for m in self.matches:
            head = self.np_head(self._match_head(m))
            if head.i in seen_heads:
                actors = self._cache.get(head.i, [])
            else:
                seen_heads.add(head.i)
                actors = self.compose(head)
            if not actors:
                continue
            kind = min(m.kinds)
            start_char, end_char = self._chars(m.start, m.end)
            actor = actors[0]
            if len(actors) > 1:   # pick the owner this very phrase names
                actor = next((a for a in actors if any(
                    (r.person and r.person in self.kb.people and self.kb.people[r.person].name == a.name)
                    for r in m.refs)), None) or next((a for a in actors if any(
                        (r.country and r.country == a.country) or (r.igo and r.igo == a.igo) for r in m.refs)), actor)
            self.mentions.append(Mention(actor, start_char, end_char, kind))
            self._timeline.append((head.i, actor))

    # -- what the event coder asks ----------------------------------------------------------
    def actors_for(self, token: Token) -> list[tuple[Actor, bool]]:
        """Actors a token stands for, with a flag telling whether a back-reference was followed."""
        got = self._actors_of.get(token.i)
        if got is None:    # the coder asks about the same words many times
            got = self._actors_of[token.i] = self._find_actors_for(token)
        return list(got)

    def _find_actors_for(self, token: Token) -> list[tuple[Actor, bool]]:
        out: list[tuple[Actor, bool]] = []
        token = counted(token)       # "thousands of Kenyans" are Kenyans
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt" is often parsed with the second
        # name as an apposition carrying the rest of the list
        listed = [k for a in kids(token) if a.dep_ == "appos" and a.i in self.by_token for k in conjuncts(a)]
        listed += [c for c in kids(token) if self._misparsed_conjunct(c)]
        if self._is_person(token):
            # "Boris Yeltsin of Russia, Leonid Kravchuk of Ukraine and Stanislav Shushkevich of
            # Belarus", parsed as an apposition with the last name a conjunct inside it
            for a in kids(token):
                if a.dep_ == "appos" and self._is_person(a) and self.by_token[a.i] is not self.by_token[token.i]:
                    listed += [a] + [k for k in a.subtree if k.dep_ == "conj" and self._is_person(k)]
        for t in sorted([token] + list(conjuncts(token)) + listed, key=lambda x: x.i):
            found = self.phrase_actors(t)
            named = [x for c in kids(t) if c.dep_ == "prep" and c.lower_ == "including"
                     for o in kids(c) if o.dep_ == "pobj" for x in self.actors_for(o)] \
                if t.tag_ == "NNS" and (not (found and (found[0].country or found[0].igo)) or any(
                    c.lower_ in self.words["regional_peoples"] for c in kids(t))) else []
            if named:    # "seven Latin American countries, including Argentina and Chile": those it names
                out.extend(named)
                continue
            pair = self.pair_back(t) if not (found and (found[0].country or found[0].igo)) else []
            if pair:      # "both sides", "the three European governments"
                out.extend((a, True) for a in pair)
                continue
            held = self._owner_not_place(t) if found else []
            if held:     # "the alliance's Brussels headquarters": the alliance's, not Belgium's
                out.extend(held)
                continue
            if found:
                # "its troops", "their government"; "protesters stormed its embassy in Tehran" is
                # its, not Iran's (but "Riyadh reopened its embassy in Tehran" is the tie with Iran)
                mission = t.lemma_.lower() in self.words["mission_nouns"] and bool(found[0].country)
                owner = self._possessor(t) if mission or not (found[0].country or found[0].igo) else None
                if owner is not None and mission and owner.country in self._clause_subject_countries(t):
                    owner = None
                if owner is not None:
                    a = found[0]
                    out.append((Actor(a.text, self.kb.code_for(owner.country, owner.igo, a.sectors),
                                      owner.country, owner.igo, list(a.sectors), a.name, a.kind), True))
                    continue
                out.extend((a, False) for a in self._fill_country(t, found))
                continue
            said = self._speakers_of(t)
            if said:      # "Russia and China said they shared ...": the speakers
                out.extend((a, True) for a in said)
                continue
            doer = self._relative_subject(t)
            if doer is not None:
                out.append((doer, True))
                continue
            near = self._clause_antecedent(t)
            if near is not None:   # "troops opened fire on students as they marched": the students
                out.append((near, True))
                continue
            ref = self.refer_back(t)
            if ref is not None:
                out.append((ref, True))
        return out

    def _owner_not_place(self, token: Token) -> list[tuple[Actor, bool]]:
        """The possessor of a thing named only by where it is ("the alliance's Brussels
        headquarters"), when the possessor is a state or an organisation."""
        mods = [c for c in kids(token) if c.i in self.by_token and c.dep_ != "poss"]
        if token.i in self.by_token or not mods or not all(self.is_place_modifier(c) for c in mods):
            return []
        return [x for p in kids(token) if p.dep_ == "poss" for x in self.actors_for(p)
                if x[0].country or x[0].igo]

    def _relative_subject(self, token: Token) -> Actor | None:
        """"Iran released the British-flagged tanker, which it seized in July": "it" in a clause
        about the main clause's object is the main clause's subject, a state or an organisation."""
        if token.lower_ not in ("it", "they") or token.dep_ != "nsubj" or token.head.dep_ != "relcl":
            return None
        verb = token.head.head
        for _ in range(4):     # "deported dozens of Haitians it accused": through "of" phrases
            if verb.dep_ not in ("dobj", "pobj", "prep") or verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i == token.head.head.i:
            return None
        subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
        found = self.phrase_actors(subj) if subj is not None else []
        return found[0] if found and found[0].kind in ("state", "organisation", "group") and (
            found[0].country or found[0].igo) else None

    def _speakers_of(self, token: Token) -> list[Actor]:
        """"X and Y said they ...": a plural pronoun subject of a reported clause stands for the
        coordinated subjects of the verb reporting it; "X said he ...", for X."""
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = token.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return []
        subj = next((c for c in kids(clause.head) if c.dep_ == "nsubj"), None)
        if subj is None:
            return []
        if token.lower_ in ("he", "she"):
            # "Koizumi said after talks with Kim that he was optimistic": the one who said it
            found = self.phrase_actors(subj)
            return found[:1] if found and found[0].kind == "person" and (found[0].country or found[0].igo) else []
        if token.lower_ not in ("they", "them", "their") or not subj.conjuncts:
            return []
        out = []
        for t in sorted([subj] + list(subj.conjuncts), key=lambda x: x.i):
            found = self.phrase_actors(t)
            if not found or not (found[0].country or found[0].igo):
                return []
            out.append(found[0])
        return out

    def _clause_antecedent(self, token: Token) -> Actor | None:
        """A plural pronoun subject of a clause opened by "as", "while", "when" ... after a main
        clause that names plural actors after its subject: the nearest of them ("troops opened
        fire on students as they marched" -> the students). A main clause with nothing after its
        subject leaves the pronoun to the usual reference back."""
        if token.lower_ not in self.words["plural_pronouns"] or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = token.head
        marks = self.words.get("adverbial_marks") or ()
        if clause.dep_ != "advcl" or clause.head.i == clause.i or not any(
                c.dep_ == "mark" and c.lower_ in marks for c in kids(clause)):
            return None
        main = clause.head
        subjects = [c for c in kids(main) if c.dep_ in ("nsubj", "nsubjpass")]
        lo = max([s.right_edge.i for s in subjects] + [main.i])
        hi = clause.left_edge.i
        for i, actor in reversed(self._timeline):
            if lo < i < hi and self.doc[i].tag_ in ("NNS", "NNPS") and actor.kind != "person":
                return Actor(token.text, actor.code, actor.country, actor.igo, list(actor.sectors),
                             actor.name, actor.kind)
        return None

    def pair_back(self, token: Token) -> list[Actor]:
        """"both sides", "the two countries", "the three governments": the last parties named,
        as many as said, in the sentence or the one before."""
        if token.lemma_.lower() not in self.words["pair_nouns"]:
            return []
        wanted = next((GROUP_SIZES[c.lower_] for c in kids(token) if c.lower_ in GROUP_SIZES), 0)
        # "accusing the Nordic countries of ...", after "Sweden and Finland": the plural with "the"
        # stands for the states just listed, however many
        listed = not wanted and token.tag_ == "NNS" and any(c.lower_ == "the" for c in kids(token))
        if not wanted and not listed:
            return []
        k = bisect_right(self._sent_starts, token.i) - 1
        lo = self._sent_starts[k if listed else max(0, k - 1)]
        # a coordination of that many parties first: "Spain, Ireland and Norway ... the three"
        for t in reversed(self.doc[lo:token.i]):
            if t.dep_ != "conj" and t.conjuncts and (listed or len(t.conjuncts) + 1 == wanted) and t.i in self.by_token:
                group = [a for c in sorted([t] + list(t.conjuncts), key=lambda x: x.i)
                         for a in self.compose(self.np_head(c))[:1]]
                if len(group) == len(t.conjuncts) + 1 and all(a.country or a.igo for a in group):
                    return group
        if listed:
            return []
        found: list[Actor] = []
        # ... never the one who addresses them: "Clinton urged both sides to keep negotiating"
        own = self._own_subject(token)
        for i, actor in reversed(self._timeline):
            # parties, not places: "Abiy held talks with Afwerki in Massawa, ... the two neighbours"
            if lo <= i < token.i and i not in own and (actor.country or actor.igo) and actor.kind != "place" and all(
                    (actor.code, actor.country) != (a.code, a.country) and not (
                        actor.country == a.country and actor.igo == a.igo and is_challenger(actor) == is_challenger(a))
                    for a in found):
                found.append(actor)
                if len(found) == wanted:
                    return list(reversed(found))
        return []

    def _fill_country(self, token: Token, actors: list[Actor]) -> list[Actor]:
        """'the government' with no country of its own belongs to the state just mentioned."""
        filled = []
        match = self.by_token.get(token.i)
        for a in actors:
            if (a.country or a.igo or a.name or not a.sectors or match is None
                    or match.refs[0].kind != "sector"
                    or a.sectors[0] not in self.words["inherit_country_sectors"]
                    or not any(c.lower_ == "the" for c in kids(token))):
                filled.append(a)
                continue
            if token.lemma_.lower() in self.words["body_nouns"]:
                # "the court's jurisdiction" after "the World Court": the organisation named
                sector = a.sectors[0]
                org = self._previous(token, lambda x, s=sector: x.kind == "organisation" and bool(x.igo)
                                     and s in x.sectors)
                if org is not None:
                    filled.append(Actor(a.text, org.code, None, org.igo, list(org.sectors), None, "organisation"))
                    continue
            if match.refs[0].role_kinds:   # "the president": the office-holder just named
                sector = a.sectors[0]
                person = self._previous(token, lambda x, s=sector: x.kind == "person" and s in x.sectors)
                if person is not None:
                    filled.append(Actor(a.text, person.code, person.country, person.igo,
                                        list(person.sectors), person.name, "person"))
                    continue
            prev = self._previous(token, lambda x: bool(x.country) and x.kind != "person")
            if prev is None:
                filled.append(a)
            else:
                filled.append(Actor(a.text, self.kb.code_for(prev.country, None, a.sectors), prev.country,
                                    None, list(a.sectors), None, "state"))
        return filled

    def _possessor(self, token: Token) -> Actor | None:
        for c in kids(token):
            if c.dep_ == "poss" and c.lower_ == "whose":
                return self._relative_antecedent(c)
            if c.dep_ == "poss" and c.pos_ == "PRON":
                return self.refer_back(c)
        return None

    def _relative_antecedent(self, token: Token) -> Actor | None:
        """What "whose" stands for: the phrase its clause qualifies ("Ingushetia, whose president
        appealed", "Charles Taylor, whose fighters control most of Liberia")."""
        node = token
        while node.dep_ != "relcl" and node.head.i != node.i:
            node = node.head
        if node.dep_ != "relcl":
            return None
        return next((a for a in self.compose(self.np_head(node.head)) if a.country or a.igo), None)

    def refer_back(self, token: Token) -> Actor | None:
        lower = token.lower_
        w = self.words
        if lower in w["person_pronouns"]:
            # a role named with no one's country ("declared himself interim president") is no one to refer to
            prev = self._previous(token, lambda a: a.kind == "person" and bool(a.country or a.igo or a.name),
                                  skip=self._own_subject(token))
        elif lower in w["thing_pronouns"]:
            host = self._mission_host(token)     # "stormed its embassy in Tehran": not Iran's
            accept = lambda a: a.kind in ("state", "organisation", "group") and not (a.country and a.country in host)
            # "Cuba executed three men for trying to reach the United States, days after its courts
            # sentenced 75 dissidents": a possessive stands for a subject of its sentence before a
            # state only mentioned in passing
            # (and so does the subject of an adverbial or joined clause: "fired missiles into waters
            # around Taiwan as it began drills"; but "warned NATO that it would face consequences"
            # reports what the one warned would face)
            # (but "imposed an embargo on its leaders" aims at another's: the one named before; "U.S.
            # strikes on its sites" are another's act, on the subject's own)
            aimed = token.dep_ == "poss" and token.head.dep_ == "pobj" and token.head.head.lower_ in ("on", "against")
            if aimed:
                act = token.head.head.head
                aimed = act.pos_ in ("VERB", "AUX") or (act.dep_ in ("dobj", "conj") and not any(
                    c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in self.by_token for c in kids(act)))
            # ... and so does the "it" of "what it called a massacre": the speaker's word for the deed
            parallel = (token.dep_ == "poss" and not aimed) or (token.dep_ in ("nsubj", "nsubjpass") and (
                token.head.dep_ in ("advcl", "conj") or any(c.lower_ == "what" for c in kids(token.head))))
            prev = (self._previous_subject(token, accept) if parallel else None) or self._previous(
                token, accept, skip=self._place_adjectives())
        elif lower in w["plural_pronouns"]:
            prev = self._previous(token, lambda a: a.kind in ("group", "organisation") or (
                a.kind == "state" and bool(a.sectors)), skip=self._own_subject(token))
        elif (token.lemma_.lower() in w["group_nouns"]
              and any(c.lower_ == "the" for c in kids(token))):
            # "the Iran-backed group vowed to retaliate": the group named last
            prev = self._previous(token, lambda a: a.kind == "group" and bool(a.country or a.igo))
        elif (token.lemma_.lower() in w["body_nouns"]
              and any(c.lower_ == "the" for c in kids(token))):
            # "accusing the regional bloc of imposing sanctions", "the court ruled": the organisation named last
            prev = self._previous(token, lambda a: a.kind == "organisation" and bool(a.igo))
        elif token.lemma_.lower() in w["state_nouns"] and any(c.lower_ == "the" for c in kids(token)) and not any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.i in self.by_token for p in kids(c))
                for c in kids(token)):
            # "the country" refers back; "the state of Palestine" names its own. A state named
            # as such comes before one only qualifying others' organs ("Syria said Israeli
            # warplanes dropped munitions in the northeast of the country": Syria)
            # ... but not its own clause's subject: "Japan froze its aid to the country" is aid to another
            doer = self._clause_subject_countries(token)
            prev = (self._previous(token, lambda a: bool(a.country) and a.kind == "state" and not a.sectors
                                   and a.country not in doer)
                    or self._previous(token, lambda a: bool(a.country) and a.kind != "person" and a.country not in doer))
            if prev is not None:
                prev = Actor(prev.country, prev.country, prev.country, None, [], None, "state")
        else:
            return None
        if prev is None:
            return None
        return Actor(token.text, prev.code, prev.country, prev.igo, list(prev.sectors), prev.name, prev.kind)

    def _mission_host(self, token: Token) -> set[str]:
        """The country an embassy or consulate a possessive owns is in ("its embassy in Tehran"):
        a state keeps no mission in its own land, so the possessive is not that country."""
        head = token.head
        if token.dep_ != "poss" or head.lemma_.lower() not in self.words["mission_nouns"]:
            return set()
        return {a.country for c in kids(head) if c.dep_ == "prep" and c.lower_ == "in"
                for o in kids(c) if o.dep_ == "pobj" for a in self.compose(self.np_head(o)) if a.country}

    @staticmethod
    def _own_subject(token: Token) -> set[int]:
        """The words of the subject of the verb a pronoun is the object of, which it cannot stand
        for ("Trump quickly recognised him": not Trump; that would be "himself")."""
        if token.dep_ not in ("dobj", "dative", "iobj") or token.lower_.endswith("self"):
            return set()
        verb = token.head
        for _ in range(4):
            if any(c.dep_ == "nsubj" for c in kids(verb)) or verb.head.i == verb.i:
                break
            if verb.dep_ in ("conj", "xcomp"):
                verb = verb.head     # "met and praised him": the subject of the first verb
            elif verb.dep_ == "pcomp":
                verb = verb.head.head    # "stunned onlookers by greeting him": the one who greeted
            else:
                break
        return {t.i for c in kids(verb) if c.dep_ == "nsubj" for t in c.subtree}

    def _place_adjectives(self) -> set[int]:
        """Where the timeline holds a state's adjective that names a place, no one to refer back to
        ("near the Syrian border, saying it had violated Turkish airspace": the warplane's state)."""
        nouns = place_words()["place_nouns"]
        return {i for i, _ in self._timeline if self.doc[i].dep_ == "amod" and self.doc[i].head.lower_ in nouns}

    def _clause_subject_countries(self, token: Token) -> set[str]:
        """The countries of the subject of the clause a noun is the object of ("Japan froze its aid
        to the country": Japan), which the noun cannot stand for; but a state's challengers act on
        their own country ("opposition leaders said they had taken control of the country")."""
        node = token
        for _ in range(4):
            if node.dep_ not in ("dobj", "pobj", "prep", "dative") or node.head.i == node.i:
                return set()
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return {a.country for c in kids(node) if c.dep_ in ("nsubj", "nsubjpass")
                        for a in self.compose(self.np_head(c)) if a.country and not is_challenger(a)}
        return set()

    def previous_group(self, token: Token, sector: str) -> Actor | None:
        """The armed group of that sector named last, within the reference window."""
        return self._previous(token, lambda a: a.kind == "group" and sector in a.sectors and bool(a.country))

    def previous_of_sector(self, token: Token, sector: str) -> Actor | None:
        """The last actor of that sector placed in a state, named or not, within the reference window:
        "Somali pirates hijacked a tanker, ... a frigate sank a pirate mother ship"."""
        return self._previous(token, lambda a: a.kind != "person" and sector in a.sectors and bool(a.country))

    def previous_person(self, token: Token, outside) -> Actor | None:
        """The person last named before a pronoun, among tokens `outside(i)` allows."""
        for i, actor in reversed(self._timeline):
            if i < token.i and actor.kind == "person" and actor.name and outside(i):
                return actor
        return None

    def sentences(self) -> list[Span]:
        """The document's sentences (read once: spaCy's `doc.sents` rescans the document)."""
        ends = self._sent_starts[1:] + [len(self.doc)]
        return [self.doc[a:b] for a, b in zip(self._sent_starts, ends)]

    def sentence_of(self, token: Token) -> Span:
        """The sentence a token is in (spaCy's `token.sent` rescans the document each time)."""
        k = bisect_right(self._sent_starts, token.i) - 1
        sent = self._sentences.get(k)
        if sent is None:
            end = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
            sent = self._sentences[k] = self.doc[self._sent_starts[k]:end]
        return sent

    def _previous_subject(self, token: Token, accept) -> Actor | None:
        """The actor last named as the subject of a clause of the token's own sentence, before it."""
        start = self._sent_starts[bisect_right(self._sent_starts, token.i) - 1]
        for i, actor in reversed(self._timeline):
            if i >= token.i:
                continue
            if i < start:
                return None
            if self.doc[i].dep_ in ("nsubj", "nsubjpass") and accept(actor):
                return actor
        return None

    def _previous(self, token: Token, accept, skip: set[int] = frozenset()) -> Actor | None:
        k = bisect_right(self._sent_starts, token.i) - 1
        lo = self._sent_starts[max(0, k - self.words["window"])]
        for i, actor in reversed(self._timeline):
            if i >= token.i or i < lo or i in skip:
                continue
            if accept(actor):
                return actor
        return None


INDEFINITE = {"a", "an", "another", "one"}


def _stateless(entity: Span) -> bool:
    """Whether a place name spaCy found names only places of no state (seas, gulfs, straits)."""
    text = entity.text[4:] if entity[0].lower_ == "the" else entity.text
    places = gazetteer.load().lookup(text)
    return bool(places) and all(p.country is None for p in places)


def _region_country(text: str, named: frozenset, division: bool = True,
                    contested: bool = False) -> tuple[str, str] | None:
    """The state of the region (province, first-level region or curated area) a name means, when
    every region of that name lies in one state, or in only one of the states the text names.
    Areas of no state name none, contested ones only with `contested` (the state the gazetteer
    gives: "recognised the independence of Abkhazia" concerns Georgia); first-level regions
    only when `division`."""
    places = [p for p in gazetteer.load().lookup(text) if p.feature not in ("city", "country")
              and (division or p.feature != "admin1")]
    if not places or any(p.country is None or (p.contested and not contested) for p in places):
        return None
    states = {gazetteer.sovereign_of(p.country): p.name for p in places}
    if len(states) > 1:
        states = {c: n for c, n in states.items() if c in named}
    return next(iter(states.items())) if len(states) == 1 else None


def _indefinite(head: Token) -> bool:
    """"A State Department spokesperson" is somebody in the office, not its holder by name."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in kids(head))
