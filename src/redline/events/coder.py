"""The event coder: lexicon patterns over the dependency parse -> coded events.

For each sentence, verbs are tried first, then nouns not already used as a verb's object.
A pattern that fires gives a code; `arguments` gives the source and target tokens; the actor
resolver turns them into actors; `modality` says whether it happened; the codebook gives the
Goldstein value, QuadClass and PLOVER type. Every event keeps its sentence, trigger and rule.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from redline.actors.resolver import DocActors, coreference_words, is_challenger
from redline.data import data_path, load_yaml
from redline.events import arguments as args
from redline.events import dates, modality, plover, purposes, topics
from redline.events.codebook import lookup
from redline.events.lexicon import Lexicon, Pattern
from redline.extensions import doc_memo, kids, text_of
from redline.records import Actor, Event, SentenceRef, TextSpan

PARTICLE_DEPS = {"prt", "advmod", "prep", "npadvmod"}   # "test-fired": "test" hangs as npadvmod
# Roots whose events are verbal stances towards someone: a missing target may be taken from
# the reported clause, and (but for plain statements) from the source's preceding events.
REPORTED_ROOTS = {"02", "10", "11", "12", "13"}
CONTEXT_ROOTS = {"02", "10", "11", "12", "13"}
# Nouns of a conflict whose sides a truce or talks in it are between.
CONFLICT_NOUNS = {"war", "conflict", "fighting", "dispute", "standoff", "hostility", "feud", "row", "clash",
                  "crisis", "confrontation"}
# Roots whose listed objects are acts of their own: "suspended aid and talks", "imposed a curfew and
# a state of emergency".
LISTED_ACT_ROOTS = {"16", "17"}
# Codes whose object is not matched by a person's title ("killed Hamas military chief Ahmed Jabari in
# an air strike" is a strike, not an assassination).
TITLE_BLIND_CODES = ("186", "19", "20")
# Conjunctions of a clause that tells when or why, not what: "after", "because".
CIRCUMSTANCE_MARKS = {"after", "before", "when", "while", "as", "since", "because", "until", "once", "though",
                      "although"}
CONCURRENT_MARKS = {"as", "while"}   # "..., as China summoned the envoy": news told alongside
REACTIVE_ROOTS = {"11", "12"}     # disapproval and rejection answer someone
# acts addressed to someone even when the clause names no one: help, demands, reproach, threats, fighting
ADDRESSED_ROOTS = {"06", "10", "11", "13", "19"}
LEADERSHIP_CODES = ("0831",)      # a change of leadership: at home
AGREEMENT_CODE = "057"            # a formal agreement signed: its terms are not events of their own
ABDUCTION_CODE = "181"            # abductions and hostage-taking
VISIT_HOST_CODES = ("042", "043")   # a visit, and hosting one
VISIT_CODES = {"042"}             # where one goes is whom one visits
ARRIVAL_CODES = VISIT_CODES | {"074"}   # ... and where peacekeepers land is whom they protect

# Roots whose unnamed actors belong to the country of the other side ("police arrested protesters").
DOMESTIC_ROOTS = {"14", "17"}
BORDER_WORDS = {"border", "frontier", "boundary", "borderland"}
# Prepositions through which a phrase names who it concerns: "the deal between Armenia and Azerbaijan".
INSIDE_PREPS = ("of", "in", "between", "with", "against", "on", "to", "toward", "towards", "for", "from",
                "into", "by", "at", "over")
# Codes that, with no one else named, happen within the source's own country.
SELF_TARGET_CODES = ("14", "17", "081", "082", "083", "0841", "034", "0351", "0352", "024", "104", "1051", "1052", "151",
                     "123", "1241", "1242", "132", "133", "201", "202", "203")
# Roots (or codes) whose passive events with no agent ("was shot dead", "a curfew was imposed")
# are coded from an unknown actor of the country where they happen, with this sector. Of fighting
# (19), only killing and shooting: a town "shelled" or "bombed" is war, whose unnamed attacker is
# no one of the town's own state.
UNNAMED_AGENTS = {"08": "GOV", "17": "GOV", "18": "UAF", "190": "UAF", "193": "UAF"}
# Killings of civilians in the hundreds or more are mass killings (202), unless the means say more.
MASS_KILLING_FROM = {"180", "190", "193"}
EXPULSION_CODE = "174"     # of people in their thousands, a mass expulsion (201)
# ... by any of these means: "hacked thousands to death with machetes" too, but not a bombing's toll.
MASS_KILLING_MEANS = MASS_KILLING_FROM | {"182"}
KILLING_VERBS = {"kill", "massacre", "slaughter", "murder", "execute", "butcher"}
ONE_ATTACK = {"attack", "assault", "raid", "bombing", "strike", "ambush", "blast", "explosion", "shooting"}
# ... but not destruction: "the dam was destroyed" names no authority that did it.
UNKNOWN_DOER_CODES = {"1712"}
# What a protest demands, by the code of the demand, as the last digit of its code (14x1-14x4).
DEMAND_PURPOSES = {"1041": "1", "1042": "2", "1043": "3", "1044": "4", "1051": "3", "1052": "2",
                   "1053": "3", "1054": "2", "1056": "2"}
# Participles that tie a thing to its owner: "a ship linked to Israel", "assets belonging to Russia".
TIE_VERBS = {"link", "tie", "connect", "belong", "affiliate", "register"}
# Roots of reactions to what someone else did: praise, criticism, rejection.
REACTION_ROOTS = {"05", "11", "12"}
# Words that make coordinated sources act towards each other ("pledged to work together").
MUTUAL_WORDS = {"together", "jointly", "each", "mutual", "mutually", "bilateral", "one another"}
# Meetings, calls, visits and mediation: named as the setting of what was said, they are still coded.
CONTACT_CODES = ("040", "041", "042", "044", "045", "046")
# Protests: named as the background of another event, still coded (see _code_sentence).
PROTEST_CODES = ("14",)
# Military cooperation: "crossed into Congo in a joint operation with the Congolese army" is news too.
JOINT_FORCE_CODES = ("062",)
# Sectors that take orders from their state: an order to them is command, not a demand.
OWN_ORGANS = {"MIL", "GOV", "COP", "SPY", "UAF"}
# Sectors of named officials whose state the text does not give ("Deputy Defence Minister
# Alexander Fomin said ..."): the one state the sentence names is theirs.
OFFICIAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# The organs whose force, when no one else is named, is used at home: police, courts, government.
STATE_ORGANS = {"COP", "JUD", "GOV"}
# Acts that are domestic when no one else is named: investigations, mourning declared.
HOME_CODES = ("09", "017")
# Codes of a third party to others' meeting or deal: hosting (043), mediating or brokering (045).
THIRD_PARTY_CODES = {"043", "045"}
# Negotiations, talks at a third place and signed deals are both sides' even when the sentence makes
# one the subject ("X held talks with Y", "X signed a deal with Y"): the wire sets code them both
# ways. A plain meeting ("X met Y") stays the subject's, as the codebook examples code it; a call is
# the caller's, and a stated intention ("X wants to hold talks with Y") its speaker's.
MUTUAL_CODES = {"044", "046", "057"}
# Talks named as the setting of what was done or said: held, whatever the clause says of the future.
SETTING_TALK_CODES = {"040", "041", "044", "046"}
NAMED_TALK_CODES = {"041", "044", "046"}    # talks between parties, not a gathering ("a NATO summit")
# Reductions of relations that, announced as what the source will do, are done: the decision is the act.
DECIDED_ROOTS = {"16"}
# Roots whose different codes between one pair in one sentence are different acts, each coded.
DISTINCT_ROOTS = {"16", "17"}
# De-escalation and its intents: one's own forces withdrawn or demobilised are what is moved, not a target
# ("agreed to withdraw its troops from Transnistria").
OWN_FORCES_CODES = ("087", "0356", "0873", "0874")
# Symbolic acts (wreaths, gestures): with no one named, towards the country where they are done.
SYMBOLIC_CODES = {"017"}
# Retreats: with no one named as the target, from the other side the sentence names.
RETREAT_CODES = ("0873", "0874")
# Truces and promised de-escalation with no one named: towards where the fighting is.
TRUCE_CODES = ("087", "0356")
# Ceasefires: fighting they come after, with no one else named, was between their parties.
CEASEFIRE_CODES = {"0871"}
# Audiences that are not parties: "told reporters", "told a news conference".
PRESS_SECTORS = {"MED"}
# Threats and intents whose complement is the deed threatened or promised: the deed is not coded again.
STATED_ROOTS = {"03", "13"}
# Captures (arrests, abductions, seizures of people), and the releases asked for after them:
# asked of the captors.
CAPTURE_CODES = ("173", "181", "1711")
RELEASE_ASKS = {"0253", "1053"}
# Claims of responsibility: for a deed done where it was done.
CLAIM_CODES = {"015"}
# Denials, and refusals to comment, answer whoever accused the source.
DENIAL_CODES = {"016", "011"}
# Apologies and regret for one's own deed go to whom it harmed.
APOLOGY_CODES = {"055"}
# Violence: assaults, fighting and mass violence.
VIOLENT_ROOTS = ("18", "19", "20")
# Verbs of fighting that two sides do to each other ("Kyrgyz and Tajik troops clashed"), unlike
# allies who attack together ("Ethiopian and Cuban troops recaptured Jijiga")
MUTUAL_FIGHTS = {"fight", "clash", "battle", "skirmish", "exchange", "trade", "engage"}
# Acts a weapon named in them recodes (plover.yaml, weapon_codes): repression, assault, force.
WEAPON_ROOTS = ("17", "18", "19")
# Assaults and fighting: blows of different kinds between one pair in one sentence can be several acts.
BLOW_ROOTS = ("18", "19")
# Fire from afar: artillery, aerial weapons, ceasefire violations.
BOMBARDMENT_CODES = ("194", "195", "196")
# Force posture: shown with one's own forces, towards someone else.
POSTURE_ROOTS = {"15"}
# Sectors of a state's forces, whose posture (alert, deployment) is their state's act.
FORCE_SECTORS = {"MIL", "COP", "PKO"}
# Pronouns that stand for a deed just told: "called it a terrorist act".
DEED_PRONOUNS = {"it", "this", "them", "they"}
# Determiners of a noun that names something already told: "called the unrest treasonous".
ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "such"}
# Armed groups with no country named are taken to fight the state they are in.
INSURGENT_SECTORS = {"REB", "UAF", "OPP", "CRM"}
# Heads that name armed forces by their machines or formations ("U.S. tanks", "armoured columns").
ARMED_HEADS = {"tank", "armor", "armour", "column", "convoy", "unit", "warship", "warplane", "jet", "brigade",
               "battalion", "division", "infantry", "paratrooper", "commando", "vehicle", "armored", "armoured"}


# The ultimatum found from "... or face ..." on the verb that sets it (EventCoder._ultimatums).
ULTIMATUM = Pattern(id="13.or.face", code="139", pos="verb", lemma="face", particles=(), prep=None, objects=(),
                    xcomp=(), target=("dative", "dobj", "to", "on"), symmetric=False, order=0)


# Killings of a head of state or government are assassinations (186): verbs that say the victim
# died, or their phrasal forms ("shot dead", "gunned down").
KILL_VERBS = {"kill", "murder", "slay", "assassinate"}
KILL_PARTICLES = {"dead", "down"}
LEADER_ROLES = ("head_of_state", "head_of_government")
NOT_LEADER_WORDS = {"vice", "deputy", "vice-", "would-be"}


@lru_cache(maxsize=1)
def leader_titles() -> frozenset[tuple[str, ...]]:
    """Titles of heads of state and government (data/roles.yaml), as lowercase word tuples."""
    table = load_yaml(data_path("roles.yaml")) or {}
    return frozenset(tuple(str(w).lower().split()) for k in LEADER_ROLES for w in table.get(k) or [])


def names_leader(noun: Token) -> bool:
    """"Serbian Prime Minister Zoran Djindjic", "Haiti's president", "Rabin, the prime minister": a
    phrase whose title before the head, the head itself or an apposition is a head of state or
    government (not a vice or deputy one)."""
    spans = [[t for t in noun.doc[noun.left_edge.i:noun.i + 1] if not t.is_punct]]
    spans += [[t for t in a.doc[a.left_edge.i:a.i + 1] if not t.is_punct] for a in kids(noun) if a.dep_ == "appos"]
    titles = leader_titles()
    longest = max((len(t) for t in titles), default=0)
    for words in spans:
        low = [t.lower_ for t in words]
        for i in range(len(low)):
            for n in range(1, longest + 1):
                if tuple(low[i:i + n]) in titles and not (i and low[i - 1] in NOT_LEADER_WORDS):
                    return True
    return False


def kills_leader(trig: Token) -> bool:
    """"gunmen shot dead Prime Minister X", "killed the president", "X was gunned down": a killing
    whose victim is a head of state or government."""
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    lemma = trig.lemma_.lower()
    # "shot dead X": the parser may hang "dead" on the victim, right after the verb
    after = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
    killed = lemma in KILL_VERBS or (after is not None and after.lower_ == "dead") or any(
        c.lower_ in KILL_PARTICLES and c.dep_ in ("oprd", "acomp", "advmod", "prt") for c in kids(trig))
    if not killed:
        return False
    return any(names_leader(o) for o in kids(trig) if o.dep_ in ("dobj", "nsubjpass"))


# Deployments (154, and 153 of police sent with soldiers) whose forces or purpose are peacekeeping
# or relief are the provision of protection (074) or of humanitarian aid (073), not a show of force:
# "offered to send 200 troops to bolster the UN peacekeeping force", "deployed a battalion of
# peacekeepers to Liberia", "troops to Ukraine as part of a reassurance force"; riot police sent to
# protect a parliament stay police.
DEPLOY_CODES = ("153", "154")
POLICE_DEPLOY_CODE = "153"
PEACEKEEPING_STEMS = ("peacekeep", "peace-keep", "reassur", "stabilisation", "stabilization")
RELIEF_WORDS = {"relief", "humanitarian", "rescue"}
# Purposes of forces sent to another's side: "deployed troops to Mozambique to help fight insurgents"
ASSISTANCE_VERBS = {"help", "assist", "support", "protect", "defend", "train", "bolster", "reinforce", "back"}


def deployment_purpose(trig: Token, objects: list[Token]) -> str | None:
    """074 for forces sent as or for peacekeepers, or to help, protect or train another's; 073 for
    relief; None for force."""
    words: list[Token] = []
    for o in [trig] + list(objects) + args.verb_objects(trig):
        if o.i != trig.i:
            words.extend(o.subtree)
    for c in kids(trig):
        infinitive = c.dep_ in ("advcl", "xcomp") and args.infinitive(c)
        if infinitive and c.lemma_.lower() in ASSISTANCE_VERBS:
            return "074"
        if infinitive or (c.dep_ == "prep" and c.lower_ in ("as", "for")):
            words.extend(c.subtree)
    if any(w.lower_.startswith(PEACEKEEPING_STEMS) for w in words):
        return "074"
    if any(w.lemma_.lower() in RELIEF_WORDS and w.pos_ in ("NOUN", "ADJ") for w in words):
        return "073"
    return None


def with_soldiers(objects: list[Token], actors: DocActors) -> bool:
    """Whether the forces sent include soldiers ("1,000 soldiers and police officers")."""
    return any("MIL" in a.sectors for o in objects for t in (o, *args.conjuncts(o)) for a, _ in actors.actors_for(t))


def first_country(found: list[tuple[Actor, bool]]) -> str | None:
    """The first country among resolved actors."""
    return next((a.country for a, _ in found if a.country), None)


def place_of(token: Token, actors: DocActors, preps: tuple[str, ...]) -> str | None:
    """The country of the place a phrase is "in" (or of, near, ...): "a reception in Kabul"."""
    return next((c for _, inner in args.prep_objects(token, preps) if (c := first_country(actors.actors_for(inner)))),
                None)


def conflicts_of(noun: Token) -> list[Token]:
    """The conflict a truce or talks are in or about ("a ceasefire in the war between Iran and Iraq")."""
    return [o for _, o in args.prep_objects(noun, ("in", "to", "of", "over")) if o.lemma_.lower() in CONFLICT_NOUNS]


def same(a: Actor, b: Actor) -> bool:
    """One actor on both sides ("the Taliban seized Kabul" after 2021 is not an event between two)."""
    return a.code == b.code and (a.name == b.name or not (a.name and b.name))


def each_with_each(parties: list[tuple[Actor, bool]]) -> list:
    """Every ordered pair of two different parties: the sides of a mutual act."""
    return [(a, b) for a in parties for b in parties if a is not b and not same(a[0], b[0])]


@lru_cache(maxsize=1)
def recode_rules() -> list[dict]:
    return load_yaml(data_path("recodes.yaml")) or []


def recode(code: str, rule: str, source: Actor, target: Actor) -> tuple[str, str]:
    """Codes that depend on who acts on whom (data/recodes.yaml)."""
    for r in recode_rules():
        if not any(code.startswith(c) for c in r["codes"]) or any(code.startswith(c) for c in r.get("except", ())):
            continue
        if r.get("source_sectors") and not set(source.sectors) & set(r["source_sectors"]):
            continue
        if r.get("target_sectors") and not set(target.sectors) & set(r["target_sectors"]):
            continue
        if r.get("same_country") and not (source.country and source.country == target.country):
            continue
        if r.get("target_igo") and not target.igo:
            continue
        return r["to"], f"{rule}>{r['to']}"
    return code, rule


def recoded(ev: Event, code: str, rule: str) -> Event:
    """The event under another code, with that code's label, scores and PLOVER type."""
    entry = lookup(code)
    return replace(ev, cameo=entry.code, cameo_root=entry.root, cameo_label=entry.label,
                   plover=entry.plover, goldstein=entry.goldstein, quad_class=entry.quad_class,
                   plover_mode=entry.plover_mode or ev.plover_mode,
                   plover_contexts=list(dict.fromkeys(list(entry.plover_contexts) + ev.plover_contexts)),
                   rule=rule)


def country_actor(actors: DocActors, iso3: str) -> Actor:
    """A state as an actor, when the text names only a place in it."""
    name = (actors.kb.countries.get(iso3) or {}).get("name") or iso3
    return Actor(name, iso3, iso3, kind="state")


def people_of(iso3: str, text: str) -> Actor:
    """A state's civilians (CVL), for crowds and for what a state does at home."""
    return Actor(text, iso3 + "CVL", iso3, None, ["CVL"], None, "sector")


def sentence_ref(index: int, sent: Span) -> SentenceRef:
    """The sentence as evidence: its words, without the whitespace at its edges. The blanks that
    stand for a wire dateline in the parsed text belong to the first sentence's tokens, but they
    are not the document's text ("KYIV (Reuters) - " is), nor is a paragraph break part of a sentence."""
    doc = sent.doc
    first = next((i for i in range(sent.start, sent.end) if not doc[i].is_space), sent.start)
    last = next((i for i in range(sent.end - 1, first - 1, -1) if not doc[i].is_space), first)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return SentenceRef(index, start, end, text_of(doc)[start:end])


def _captured(e: Event) -> bool:
    """A capture with a captor named: what a release is asked of."""
    return e.cameo.startswith(CAPTURE_CODES) and e.source is not None


def located_actors(actors: list[tuple[Actor, bool]]) -> list[tuple[Actor, bool]]:
    """Actors tied to a state or an organisation."""
    return [x for x in actors if x[0].country or x[0].igo]


def sides(actors: list[tuple[Actor, bool]]) -> set[tuple[str | None, str | None]]:
    """The (state, organisation) pairs actors stand for: a party other than these is another side."""
    return {(a.country, a.igo) for a, _ in actors}


def other_sides(actors: list[tuple[Actor, bool]], own: set) -> list[tuple[Actor, bool]]:
    """Actors tied to a state or an organisation that is none of `own` (see `sides`)."""
    return [x for x in located_actors(actors) if (x[0].country, x[0].igo) not in own]


def _plural_owner(trig: Token) -> bool:
    """"their meeting", "they met", "their second round of talks": the participants are the
    clause's actors."""
    return any(c.lower_ in ("their", "they", "our", "we") for c in kids(args.of_carrier(trig))
               if c.dep_ in ("poss", "nsubj"))


def _side(a: Actor) -> tuple:
    """Which side an actor is on: its state or organisation, and whether it is that state's rebels
    ("the government blamed ETA, which denied it": two sides of one state)."""
    return a.country, a.igo, is_challenger(a)


def code_rank(code: str) -> tuple:
    """Specific codes beat residual ones: 0874 > 087 > 080."""
    return (len(code), not code.endswith("0"))


@dataclass(slots=True)
class Firing:
    pattern: Pattern
    trigger: Token
    objects: list[Token]       # tokens the pattern used as its object
    xcomp: Token | None
    score: float = 0.0         # how specific the match is


class EventCoder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._actors: DocActors | None = None    # the document being coded, for `target_kind`
        self._memo: dict[tuple, object] = {}   # object candidates, sentence words: one document
        self._firings: list[Firing] = []        # the patterns that fired in the sentence being coded
        self._object_heads: dict[str, dict[str, list[tuple[str, ...]]]] = {}   # pattern id -> its objects by head

    # -- finding triggers ---------------------------------------------------------------------
    def fire(self, token: Token, patterns: list[Pattern], accept=None) -> Firing | None:
        """The pattern that fits best: the most constraints met, a longer object phrase matched
        ("launched air strikes" -> air strike, not strike), then file order; with `accept`, only
        among the firings it accepts."""
        best, best_score = None, None
        for p in patterns:
            got = self._try(p, token)
            if got is None or (accept is not None and not accept(got)):
                continue
            score = (got.score, bool(p.objects), -p.order)
            if best_score is None or score > best_score:
                best, best_score = got, score
        return best

    def _fire_other_object(self, token: Token, patterns: list[Pattern], first: Firing) -> Firing | None:
        """A second act of the same verb on another of its listed objects: "suspended food aid and
        talks on normalising relations" cuts aid (1623) and halts negotiations (164)."""
        if first.xcomp is not None or not first.objects or first.pattern.code[:2] not in LISTED_ACT_ROOTS:
            return None
        if not any(args.conjuncts(o) for o in args.verb_objects(token)):
            return None
        taken = {o.i for o in first.objects}
        others = [p for p in patterns if p.code[:3] != first.pattern.code[:3] and p.code[:2] in LISTED_ACT_ROOTS
                  and p.objects and not p.xcomp]
        return self.fire(token, others, accept=lambda got: not any(o.i in taken for o in got.objects))

    def _try(self, p: Pattern, token: Token) -> Firing | None:
        if p.target_kind and not self._object_kind(token, p.target_kind):
            return None
        if p.source_sector and not self._subject_sector(token, p.source_sector):
            return None
        if p.particles:
            have = self._memo.get(("particles", token.i))
            if have is None:
                # a preposition with an object of its own, beside the verb's direct object, is no
                # particle ("gave the junta in Mali a week" is not giving in)
                objected = any(c.dep_ in ("dobj", "dative") for c in kids(token))
                have = self._memo[("particles", token.i)] = {
                    c.lower_ for c in kids(token) if c.dep_ in PARTICLE_DEPS and not (
                        objected and c.dep_ == "prep" and any(g.dep_ == "pobj" for g in kids(c)))}
            if not set(p.particles) <= have:
                return None
        xtok = None
        if p.xcomp:
            complements = self._memo.get(("complements", token.i))
            if complements is None:
                complements = self._memo[("complements", token.i)] = [
                    (c.lemma_.lower(), c) for c in kids(token) if self._complement(c)]
            xtok = next((c for lemma, c in complements if lemma in p.xcomp), None)
            if xtok is not None and xtok.dep_ == "ccomp" and self._says_of_another(token, xtok):
                xtok = None
            if xtok is None and token.pos_ == "NOUN":
                xtok = next((c for c in kids(token) if c.dep_ == "acl" and c.lemma_.lower() in p.xcomp), None)
            if xtok is None:
                return None
        base = xtok if xtok is not None else token
        key = (base.i, xtok is None, p.prep, p.particles if p.prep else (), p.code[:2] == "08")
        candidates = self._memo.get(key)
        if candidates is None:    # the same for every pattern of the lemma: worked out once
            candidates = self._memo[key] = self._candidates(p, base, xtok)
        if p.prep and not candidates:
            return None
        if p.objects:
            matched = [(o, n) for o in candidates if (n := self._object_match(p, o))]
            if not matched and xtok is not None and not p.prep:
                # "ordered the diplomats to leave", "told UN peacekeepers to leave": the one told
                own = [args.counted(o) for o in args.verb_objects(token)]
                matched = [(o, n) for o in own if (n := self._object_match(p, o))]
            if not matched:
                return None
            used = [o for o, _ in matched]
            score = p.score(max(n for _, n in matched))
        else:
            used = candidates if p.prep else []
            score = p.score(1)
        return Firing(p, token, used, xtok, score)

    @staticmethod
    def _complement(c: Token) -> bool:
        """A real complement of the trigger: an xcomp or ccomp, or one the parser hung as an adverbial
        clause ("offered on Saturday to mediate", "took 30 people hostage"). A participle, or a clause
        with a mark or a subject of its own, is a circumstance, not what is refused or threatened
        ("declined to side with Moscow, drawing criticism": no refusal to draw)."""
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        return c.dep_ == "advcl" and c.tag_ not in ("VBG", "VBN") and not any(
            ch.dep_ in ("mark", "nsubj", "nsubjpass") for ch in kids(c))

    @staticmethod
    def _says_of_another(token: Token, clause: Token) -> bool:
        """A clause with a subject of its own told to someone else ("told Parliament that Britain would
        not negotiate"): what is said of that subject, not what the one told is asked to do."""
        told = args.children(token, "dobj", "dative", "iobj")
        subj = args.children(clause, "nsubj", "nsubjpass")
        return bool(told and subj) and subj[0].pos_ != "PRON" and all(
            subj[0].lower_ != t.lower_ and subj[0].i != t.i for t in told)

    @staticmethod
    def _candidates(p: Pattern, base: Token, xtok: Token | None) -> list[Token]:
        """The words a pattern's `object` may match: the object of its preposition, a noun's
        "of" phrase or compound, or the verb's object."""
        if p.prep:
            # "agreed on Tuesday to ...": a date is when, never what a preposition's pattern is about
            candidates = [o for prep, o in EventCoder._phrases_around(base, p.particles)
                          if prep == p.prep and o.ent_type_ not in ("DATE", "TIME")]
        elif base.pos_ in ("NOUN", "PROPN") and xtok is None:
            candidates = [o for prep, o in args.prep_objects(base, ("of",))]
            candidates += [c for c in kids(base) if c.dep_ in ("compound", "nmod", "amod")]
        else:
            candidates = args.verb_objects(base)
        candidates = [args.counted(o) for o in candidates]
        if p.code[:2] != "08":
            # but "ending four decades of hostility" is the past a settlement closes, no deed undone
            candidates = [args.spanned(o) for o in candidates]
        candidates += [c for o in candidates for c in args.cargo(o)]
        if base.pos_ != "NOUN" and not p.prep:
            # "cut off 30 million dollars in aid": what an amount is, hung on it or on the verb
            candidates += [x for o in candidates if args.is_amount(o) for h in (o, base)
                           for _, x in args.prep_objects(h, ("in", "of"))]
        return candidates + [c for o in candidates for c in args.conjuncts(o)]

    @staticmethod
    def _phrases_around(base: Token, particles: tuple[str, ...]) -> tuple[tuple[str, Token], ...]:
        """The prepositional phrases a pattern with a preposition may take its object from, as
        (preposition, object), in order: the word's own, its particles', and its objects'. Found
        once per word and particles: each pattern of the word asks with its own preposition."""
        memo = doc_memo(base.doc)
        key = ("phrases_around", base.i, particles)
        got = memo.get(key)
        if got is None:
            # "walk out of": spaCy often hangs "of" under the particle "out"
            holders = [base] + [c for c in kids(base) if c.lower_ in particles]
            found = [x for h in holders for x in args.prep_objects(h, None)]
            for obj in args.verb_objects(base) if base.pos_ != "NOUN" else []:
                for holder in {obj.i: obj, args.counted(obj).i: args.counted(obj)}.values():
                    found += args.prep_objects(holder, None)
            got = memo[key] = tuple(found)
        return got

    def _object_kind(self, token: Token, kind: str) -> bool:
        """Whether the verb's object names an actor of that kind ("received Zelensky": a person);
        a "territory" is a place or a state named alone ("left Mali", "left Goma")."""
        actors = self._actors

        def fits(a: Actor) -> bool:
            if kind == "territory":
                return a.kind == "place" or (a.kind == "state" and not a.sectors) or self._capital(a, actors)
            return a.kind == kind or (kind == "place" and self._capital(a, actors))
        return actors is not None and any(fits(a) for o in args.verb_objects(token) for a, _ in actors.actors_for(o))

    def _subject_sector(self, token: Token, sectors: tuple[str, ...]) -> bool:
        """Whether the verb's subject is an actor of one of these sectors ("Russian troops entered
        Gori", "rebel fighters poured into Tripoli": armed forces moving, not talks entered)."""
        actors = self._actors
        if actors is None:
            return False
        key = ("subject_sectors", token.i)
        have = self._memo.get(key)
        if have is None:
            subjects = args.verb_subjects(token)
            have = self._memo[key] = {s for t in subjects for a, _ in actors.actors_for(t) for s in a.sectors}
            # "U.S. tanks", "Russian armoured columns", "the last convoy of U.S. troops": a state's
            # armour or units named by the machine or the formation
            if any(actors.actors_for(t) or any(actors.actors_for(o) for _, o in args.prep_objects(t, ("of",)))
                   for t in subjects if t.lemma_.lower() in ARMED_HEADS):
                have.add("MIL")
        return bool(have & set(sectors))

    @staticmethod
    def _capital(a: Actor, actors: DocActors) -> bool:
        """A capital named for its government ("Damascus") is also the city itself."""
        return bool(a.country) and a.text == (actors.kb.countries.get(a.country) or {}).get("capital")

    def _object_match(self, p: Pattern, obj: Token) -> int:
        """How many words of the pattern's longest object phrase `obj` matches (0: none). A phrase
        matches by its last word (the object's head, as written or as lemma) and needs its other
        words among the head's modifiers ("air strike")."""
        heads = self._object_heads.get(p.id)
        if heads is None:
            heads = self._object_heads[p.id] = {}
            for spec in p.objects:
                heads.setdefault(spec[-1], []).append(spec)
        words = self._memo.get(("object", obj.i))
        if words is None:
            # "joint war games": "joint" may hang on the compound "war"
            mods = {w for c in kids(obj) if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    for w in (c.lemma_.lower(), c.lower_)}
            mods |= {w for c in kids(obj) if c.dep_ == "compound" for g in kids(c)
                     if g.dep_ in ("compound", "amod") for w in (g.lemma_.lower(), g.lower_)}
            # "expelled U.S. Ambassador Philip Goldberg": a named person is matched by the title
            titles = {w for c in kids(obj) if c.dep_ == "compound" and c.i < obj.i
                      for w in (c.lemma_.lower(), c.lower_)} if obj.pos_ == "PROPN" else set()
            words = self._memo[("object", obj.i)] = ({obj.lemma_.lower(), obj.lower_}, mods, titles)
        best = 0
        # ... but whom a strike kills is told by `kills_leader`, not by a title alone
        heads_seen = words[0] if p.code.startswith(TITLE_BLIND_CODES) else words[0] | words[2]
        for head in heads_seen:
            for spec in heads.get(head, ()):
                if len(spec) > best and (len(spec) == 1 or set(spec[:-1]) <= words[1]):
                    best = len(spec)
        return best

    # -- coding a document --------------------------------------------------------------------
    def code(self, doc: Doc, actors: DocActors, date: str | None = None) -> list[Event]:
        anchor = dates.parse_iso(date)
        self._actors = actors
        self._memo = {}
        events: list[Event] = []
        for index, sent in enumerate(actors.sentences()):
            events.extend(self._code_sentence(index, sent, actors, anchor, events))
            events.extend(self._followed_suit(index, sent, actors, anchor, events))
        return events

    @staticmethod
    def _names_own_addressee(f: Firing) -> bool:
        """Whether a verb has words of its own where its pattern looks for whom it is addressed to
        ("called on its partners to deliver air defences"), even words that name no actor."""
        p, trig = f.pattern, f.trigger
        for slot in p.target:
            if slot == "dobj":
                found = args.verb_objects(trig)
            elif slot == "dative":
                found = args.children(trig, "dative", "iobj")
            else:
                found = [o for _, o in args.prep_objects(trig, (slot,))]
            if [t for t in found if t.pos_ in ("NOUN", "PROPN", "PRON") and t not in f.objects]:
                return True
        return False

    def _dates_in(self, sent: Span, actors: DocActors) -> list[Span]:
        """The sentence's DATE entities, found once per sentence."""
        found = self._memo.get(("dates", sent.start))
        if found is None:
            found = self._memo[("dates", sent.start)] = [
                e for e in actors.ents if e.label_ == "DATE" and sent.start <= e.start < sent.end]
        return found

    @staticmethod
    def _main_clause_at(doc: Doc, offset: int) -> bool:
        """Whether the word at a character offset is the verb of a main clause."""
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        token = token[0] if token is not None and len(token) else None
        while token is not None and token.dep_ == "conj":
            token = token.head
        return token is not None and token.dep_ == "ROOT"

    def _followed_suit(self, index: int, sent: Span, actors: DocActors, anchor: dt.date | None,
                       earlier: list[Event]) -> list[Event]:
        """"Saudi Arabia severed relations with Iran, and Bahrain followed suit": the last act told
        before, done again by the new subject to the same target."""
        phrases = actors.words["emulation_phrases"]
        out: list[Event] = []
        for i in range(sent.start, sent.end):
            words = phrases.get(actors.lemmas[i])
            if not words:
                continue
            verb = sent.doc[i]
            if verb.pos_ not in ("VERB", "AUX") or not any(c.lemma_.lower() in words for c in kids(verb)
                                                           if c.dep_ in ("dobj", "advmod", "acomp", "npadvmod")):
                continue
            doers = located_actors([x for s in args.verb_subjects(verb) for x in actors.actors_for(s)])
            told = [e for e in earlier + out if e.trigger.start < verb.idx and e.source and e.target
                    and not e.negated and not e.hypothetical and "+suit" not in e.rule]
            if not doers or not told:
                continue
            # the act of the clause it is joined to, else the last told by a main clause
            model = next((e for e in reversed(told) if verb.dep_ == "conj" and e.trigger.start == verb.head.idx), None) or next(
                (e for e in reversed(told) if self._main_clause_at(sent.doc, e.trigger.start)), told[-1])
            when = dates.event_date(verb, anchor, self._dates_in(sent, actors))
            for doer, _ in doers:
                key = (doer.country, doer.igo)
                if key in ((model.source.country, model.source.igo), (model.target.country, model.target.igo)):
                    continue
                out.append(replace(model, source=doer, trigger=TextSpan(verb.text, verb.idx, verb.idx + len(verb.text)),
                                   sentence=sentence_ref(index, sent), rule=model.rule + "+suit",
                                   confidence=round(model.confidence - 0.1, 2), attributed_to=None, date=when))
        return out

    def _code_sentence(self, index: int, sent: Span, actors: DocActors, anchor: dt.date | None,
                       earlier: list[Event]) -> list[Event]:
        verbs, nouns, adjectives = self.lexicon.verbs, self.lexicon.nouns, self.lexicon.adjectives
        lemmas, lowers, doc = actors.lemmas, actors.lowers, sent.doc
        firings: list[Firing] = []
        second_acts: set[int] = set()     # firings of a verb on another of its listed objects
        used: set[int] = set()
        start, end = sent.start, sent.end
        candidates = [i for i, lemma, low in zip(range(start, end), lemmas[start:end], lowers[start:end])
                      if lemma in verbs or lemma in nouns or low in nouns or low in adjectives]
        for i in candidates:
            patterns = verbs.get(lemmas[i])
            if patterns:
                token = doc[i]
                if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                    first = self.fire(token, patterns)
                    other = self._fire_other_object(token, patterns, first) if first else None
                    if other is not None:
                        second_acts.add(id(other))
                    for f in (first, other):
                        if f is None:
                            continue
                        if f.pattern.code[:2] != "01":   # "announced their withdrawal": the withdrawal
                            # ... and the noun it was counted by ("ended the state of emergency")
                            used.update(i for o in f.objects for i in (o.i, args.of_carrier(o).i))
                        if f.xcomp is not None:
                            used.add(f.xcomp.i)
                        if f.pattern.code:     # not an idiom that is no act ("seized power")
                            firings.append(f)
        # verbs coded as acts other than protest or force: "recalled its ambassador in protest at ..."
        # ("doctors struck in protest at ..." is a strike the verb's pattern misreads)
        coded_verbs = {f.trigger.i for f in firings if f.pattern.code[:2] not in ("14", "18", "19")}
        for i in candidates:
            patterns = nouns.get(lemmas[i]) or nouns.get(lowers[i]) or adjectives.get(lowers[i])
            if patterns and i not in used:
                token = doc[i]
                if token.dep_ == "compound" and token.head.i in actors.by_token:
                    continue      # "riot police", "protest leaders": a kind of actor, not an event
                # "was shocked", "was disappointed": participles the parser tags as verbs are adjectives too
                adjective = token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ != "amod")
                if token.pos_ in ("NOUN", "PROPN") or (adjective and patterns[0].pos == "adj"):
                    f = self.fire(token, patterns)
                    if f and (self._recalled(token) or self._commemorated(token) or (
                            args.motive(token) and token.head.head.i in coded_verbs)):
                        continue
                    if f:
                        used.update(o.i for o in f.objects)
                        if f.pattern.code:
                            firings.append(f)
        firings = self._without_purposes(firings)
        for u in self._ultimatums(sent, firings):
            # in the order of the text, so that a reaction after it ("rejected the ultimatum") finds it
            at = next((k for k, g in enumerate(firings) if g.pattern.pos != "verb" or g.trigger.i > u.trigger.i),
                      len(firings))
            firings.insert(at, u)
        if not firings:
            return []
        ref = sentence_ref(index, sent)
        self._firings = firings
        best: dict[tuple, Event] = {}
        beaten: list[tuple[tuple, Event]] = []     # events that lost their key to another
        trigger_of: dict[int, Token] = {}
        for f in firings:
            # what came before in this sentence is context too ("..., and Beijing vowed to retaliate")
            before = earlier + [e for e in best.values() if e.trigger.start < f.trigger.idx]
            for ev in self._topic(f, self._specific_request(f, firings, self._events(f, ref, actors, anchor, before))):
                # one event per dyad and root in a sentence: the most specific code, then the surest
                # (coercion is the exception: a state of emergency and arrests are two acts, 1724 and 173)
                # and so are acts on two listed objects: "suspended food aid and talks", 1623 and 164
                distinct = ev.cameo_root in DISTINCT_ROOTS or id(f) in second_acts
                key = (ev.source.country or ev.source.igo or ev.source.code,
                       ev.target.country or ev.target.igo or ev.target.code,
                       ev.cameo if distinct else ev.cameo_root, ev.negated, ev.hypothetical)
                old = best.get(key)
                trigger_of[id(ev)] = f.trigger
                if old is None or (code_rank(ev.cameo), ev.confidence) > (code_rank(old.cameo), old.confidence):
                    best[key] = ev
                    if old is not None:
                        beaten.append((key, old))
                else:
                    beaten.append((key, ev))
        kept = list(best.values()) + self._separate_blows(best, beaten, trigger_of)
        events = self._protest_demands(sorted(kept, key=lambda e: e.trigger.start), firings)
        events = self._consequences(events, firings)
        events = self._without_stated_deeds(events, firings, actors)
        events = self._without_agreed_terms(events, firings)
        events = self._release_asked_of_captors(events)
        events = self._attacks_named_as_means(events, firings)
        # An event named only as the background of another ("signed a treaty during Putin's
        # visit") is not coded beside it.
        # Contacts are the exception: "said after talks with X", "during their phone call",
        # "on a visit to Kyiv" report a meeting of the speaker's as surely as the words said.
        # So are protests ("resigned after weeks of mass protests against his rule"): a public's
        # own act, news however the sentence frames it; and so are forces acting together ("crossed
        # into Congo in a joint operation with the Congolese army"), and so is the fighting a
        # ceasefire comes after ("agreed to a ceasefire after four days of border clashes").
        background = {f.trigger.idx for f in firings if f.pattern.pos == "noun" and args.in_background(f.trigger)
                      and not f.pattern.code.startswith(CONTACT_CODES + PROTEST_CODES + JOINT_FORCE_CODES)
                      and self._truce_verb(f) is None and not self._at_request(f)}
        # ... nor a protest only planned ("deployed police ahead of planned protests")
        nominal_background = {f.trigger.idx for f in firings if f.pattern.pos == "noun" and args.in_background(f.trigger)}
        background |= {e.trigger.start for e in events if e.trigger.start in nominal_background and "+intent" in e.rule}
        # ... but talks an agreement came out of are the agreement's ("signed an accord after nine days of
        # negotiations"): the signing is coded, not the talks before it (a visit it was signed on stays)
        dyad = lambda e: (_side(e.source), _side(e.target))
        agreed = {dyad(e) for e in events if e.cameo == AGREEMENT_CODE}
        background |= {e.trigger.start for e in events if e.trigger.start in nominal_background
                       and e.cameo_root == "04" and e.cameo not in VISIT_HOST_CODES and dyad(e) in agreed}
        main = [e for e in events if e.cameo != "010" and e.trigger.start not in background]
        if main:
            events = [e for e in events if e.trigger.start not in background]
        # A plain statement (010) is coded only when nothing more specific is said, and only
        # between two parties ("told Russian media" is not a statement to Russia).
        if any(e.cameo != "010" for e in events):
            events = [e for e in events if e.cameo != "010"]
        events = [e for e in events if not (e.cameo == "010" and e.source.country
                                            and e.source.country == e.target.country)]
        return events

    @staticmethod
    def _without_agreed_terms(events: list[Event], firings: list[Firing]) -> list[Event]:
        """"signed a pact pledging mutual military assistance", "a declaration committing their
        countries to end the conflict": the pledges an agreement is signed on are its terms, coded
        by the signing (057), not pledges of their own."""
        spans = []
        for f in firings:
            if f.pattern.code != AGREEMENT_CODE or f.pattern.pos != "verb":
                continue
            for h in [f.trigger] + list(f.objects):
                spans += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in kids(h)
                          if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.i > h.i]
        if not spans:
            return events
        return [e for e in events if not (e.cameo_root == "03" and any(lo <= e.trigger.start < hi for lo, hi in spans))]

    @staticmethod
    def _without_stated_deeds(events: list[Event], firings: list[Firing], actors: DocActors) -> list[Event]:
        """"threatened to kill passengers", "pledged to withdraw its troops": the deed promised or
        threatened is what the threat or the pledge codes (1383, 0356), not a second one of its own
        with a target guessed from elsewhere in the sentence ("hijacked a liner off Egypt and threatened
        to kill passengers" is no threat to Egypt). A party the complement itself names stays ("threatened
        to end its mediation between Israel and Hamas"), and so does the deed's event when the threat
        or pledge found no one to code ("offered to mediate between X and Y")."""
        inner = {f.xcomp.idx: (f.trigger.idx, f.xcomp) for f in firings if f.xcomp is not None
                 and f.pattern.pos == "verb" and f.pattern.code[:2] in STATED_ROOTS}
        if not inner:
            return events
        coded = {e.trigger.start for e in events}
        out = []
        for e in events:
            got = inner.get(e.trigger.start)
            if got is not None and got[0] in coded:
                x = got[1]
                lo, hi = x.left_edge.idx, x.right_edge.idx + len(x.right_edge.text)
                named = {(m.actor.country, m.actor.igo) for m in actors.mentions if lo <= m.start < hi}
                if (e.target.country, e.target.igo) not in named:
                    continue
            out.append(e)
        return out

    @staticmethod
    def _attacks_named_as_means(events: list[Event], firings: list[Firing]) -> list[Event]:
        """"A US drone strike near Baghdad's airport killed Iranian commander Qassem Soleimani":
        the strike and the killing are one act, named by the noun (195) and done to the one the
        verb names, not a second strike on the place it happened."""
        deeds = {f.trigger.i for f in firings if f.pattern.pos == "verb" and f.pattern.code[:2] in VIOLENT_ROOTS}
        verb_of = {f.trigger.idx: f.trigger.head.idx for f in firings if f.pattern.pos == "noun"
                   and f.pattern.code[:2] in VIOLENT_ROOTS and f.trigger.dep_ == "nsubj" and f.trigger.head.i in deeds}
        if not verb_of:
            return events
        # (a verb done to an organisation of no state leaves the strike on the place: "a U.S. air
        # strike hit a Medecins Sans Frontieres hospital in Kunduz")
        coded = {e.trigger.start for e in events if e.target and e.target.country}
        noun_code = {}
        for e in events:
            if e.trigger.start in verb_of:
                noun_code.setdefault(verb_of[e.trigger.start], e.cameo)
        out = []
        for e in events:
            if verb_of.get(e.trigger.start) in coded:
                continue     # the noun's own event: the verb's carries it
            code = noun_code.get(e.trigger.start)
            if code and e.cameo_root in VIOLENT_ROOTS and e.cameo != code:
                e = recoded(e, code, f"{e.rule}>{code}")
            out.append(e)
        return out

    @staticmethod
    def _release_asked_of_captors(events: list[Event]) -> list[Event]:
        """"Iranian guards seized 15 British sailors, and Blair demanded their release": a release
        asked for after a capture the sentence has told is asked of the captors, not of the
        captives' state ("their" are the sailors)."""
        captures = [e for e in events if _captured(e) and e.target and not e.negated
                    and e.source.country != e.target.country]
        if not captures:
            return events
        out, seen = [], set()
        for e in events:
            c = next((c for c in reversed(captures) if c.trigger.start < e.trigger.start), None)
            if (c is not None and e.cameo in RELEASE_ASKS and e.target and e.source
                    and (e.target.country, e.target.igo) == (c.target.country, c.target.igo)
                    and (c.source.country, c.source.igo) != (e.source.country, e.source.igo)):
                e = replace(e, target=c.source)
            key = (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
            if key not in seen:
                seen.add(key)
                out.append(e)
        return out

    def _ultimatums(self, sent: Span, firings: list[Firing]) -> list[Firing]:
        """"gave Sudan 30 days to disarm the militias or face measures", "demanded that Iran suspend
        enrichment or face sanctions": a demand with a penalty named is an ultimatum (139) of whoever
        set it, to the one told, beside the demand itself. Found from the "or face" joined to the
        demanded deed; the deed itself is not done (modality.assess reads the same "or face")."""
        out: list[Firing] = []
        have = {(f.trigger.i, f.pattern.code[:2]) for f in firings}
        c = modality.cues()
        lemmas = self._actors.lemmas    # the sentence's lemmas, read once per document
        for i in range(sent.start, sent.end):
            if lemmas[i] not in c["ultimatum_verbs"]:
                continue
            t = sent.doc[i]
            if t.dep_ != "conj" or not any(ch.dep_ == "cc" and ch.lower_ == "or" for ch in kids(t.head)):
                continue
            deed = t.head
            gov = deed.head
            for _ in range(3):    # "30 days to disarm": the infinitive hangs on the time given
                if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                    break
                gov = gov.head
            if gov.i == deed.i or gov.pos_ not in ("VERB", "AUX") or (gov.i, "13") in have:
                continue
            pattern = ULTIMATUM
            have.add((gov.i, "13"))
            out.append(Firing(pattern, gov, [], None, pattern.score(1)))
        return out

    @staticmethod
    def _without_purposes(firings: list[Firing]) -> list[Firing]:
        """"met Putin to discuss grain exports": what a meeting is for is the meeting itself, not a
        second one (whose object, a topic, would be read as its target)."""
        roots = {f.trigger.i: f.pattern.code[:2] for f in firings}
        return [f for f in firings if not (
            f.trigger.dep_ in ("xcomp", "advcl") and f.trigger.head.i != f.trigger.i
            and roots.get(f.trigger.head.i) == f.pattern.code[:2]
            and args.infinitive(f.trigger))]

    def _events(self, f: Firing, ref: SentenceRef, actors: DocActors, anchor, earlier) -> list[Event]:
        p, trig = f.pattern, f.trigger
        code = purposes.specific(p.code, [trig] + list(f.objects))
        if code.startswith(DEPLOY_CODES) and p.pos == "verb" and (
                code != POLICE_DEPLOY_CODE or with_soldiers(f.objects, actors)):
            code = deployment_purpose(trig, f.objects) or code
        leader_killed = code[:2] in ("18", "19") and code != "186" and not code.startswith("185") and kills_leader(trig)
        if leader_killed:     # "gunmen shot dead Prime Minister X": an assassination, not a gunfight
            code = "186"
        root = code[:2]
        confidence = 0.55 + 0.1 * min(p.specificity, 3)
        found = lambda t: [] if actors.is_place_modifier(t) else (
            actors.compose(actors.np_head(t)) or actors.compose(t))
        reaction = args.reaction_verb(trig) if p.pos == "noun" else None
        if reaction is not None:   # "Turkey's offensive drew criticism from France"
            src_tokens = [o for h in (trig, reaction) for _, o in args.prep_objects(h, ("from", "by"))]
        elif p.pos == "noun":
            confidence -= 0.1
            src_tokens = args.noun_sources(trig, found)
            if p.symmetric and _plural_owner(trig):
                # "urged Putin to withdraw during their phone call": the call is the urger's and Putin's
                src_tokens = self._owners_of_their(trig, actors) or src_tokens
        elif p.pos == "adj":   # "said he was hopeful that ...": the one who is
            src_tokens = (args.verb_subjects(trig.head) if trig.dep_ in ("acomp", "attr", "oprd")
                          else args.children(trig, "nsubj", "nsubjpass") if trig.tag_ == "VBN" else [])
            if p.reported and src_tokens and not any(found(t) for t in src_tokens):
                # "said the US strikes were outrageous": a deed judged is judged of its owner
                src_tokens = args.noun_sources(src_tokens[0], found)
        else:
            src_tokens = args.verb_subjects(trig)
            if root in VIOLENT_ROOTS and args.befell(trig):
                return []     # "the plane crashed in fog, killing all 96 aboard": an accident, no one's act
            if not src_tokens and p.code in THIRD_PARTY_CODES and trig.tag_ == "VBN" and trig.dep_ in ("amod", "acl"):
                # "a US-brokered ceasefire", "Omani-mediated talks": the third party is the modifier
                src_tokens = [c for c in kids(trig) if c.dep_ in ("npadvmod", "compound", "nmod")
                              and c.i in actors.by_token][:1]
        visiting = self._visiting(trig, actors) if p.code in VISIT_CODES else None
        if visiting:    # "told visiting German Chancellor Olaf Scholz": Scholz is the visitor
            src_tokens = [visiting[0]]
        sent = actors.sentence_of(trig)
        speaker_tok = modality.attribution(trig, sent, self._memo.setdefault("sentence_sources", {}))
        if (not src_tokens and speaker_tok is not None and lookup(code).quad_class in (1, 3)
                and (p.pos != "noun" or root == "13")):
            # "repeated that consequences would be harsh": the speaker's threat; but talks or a
            # request the speaker only mentions ("said talks with the bloc were going nowhere")
            # are no act of theirs
            src_tokens = [speaker_tok]
        shown_forces: list[Token] = []
        if not src_tokens and p.pos == "verb" and root in POSTURE_ROOTS and args.is_passive(trig):
            # "Kenyan troops were deployed to Haiti", "troops were put on high alert": forces moved or
            # alerted are their state's own doing
            shown_forces = [t for t in args.children(trig, "nsubjpass")
                            if any(set(a.sectors) & FORCE_SECTORS for a, _ in actors.actors_for(t))]
            src_tokens = shown_forces
        sources = [self._spoken_for(t, a, actors) for t in src_tokens for a in actors.actors_for(t)]
        if shown_forces and not located_actors(sources):
            # "police were put on high alert in Istanbul": the forces of the state where it happens
            place = self._location_country(f, actors) or actors.only_country(sent)
            if place:
                sectors = list(dict.fromkeys(s for t in shown_forces for a, _ in actors.actors_for(t)
                                             for s in a.sectors if s in FORCE_SECTORS))
                sources = [(Actor(shown_forces[0].text, self.kb_code(actors, place, sectors), place, None, sectors),
                            True)]
        if src_tokens and not located_actors(sources):
            leaders = self._leaders_of(src_tokens[0], actors)   # "the Saudi-led coalition", "US-led forces"
            if leaders:
                lead = leaders[0][0]
                sources = [(Actor(a.text, self.kb_code(actors, lead.country, a.sectors), lead.country, lead.igo,
                                  list(a.sectors), a.name, a.kind), r) for a, r in sources] or leaders
        sources = self._commanded(trig, actors, sources)
        if not sources and root == "14":
            place = self._location_country(f, actors) or actors.only_country(sent) or (
                # not "recalled its envoy in protest", nor a past uprising named in passing
                self._clause_country(trig, actors) if p.pos == "noun" and code != "140" and not args.motive(trig, anywhere=True)
                else None)
            if place:   # "tens of thousands rallied in Tbilisi": the people of the country
                sources = [(people_of(place, "protesters"), True)]
        unnamed = None
        if not sources and p.pos == "verb":
            if not src_tokens and args.is_passive(trig) and code not in UNKNOWN_DOER_CODES:
                unnamed = UNNAMED_AGENTS.get(root) or UNNAMED_AGENTS.get(code[:3])
            elif root in ("18", "19") and any(t.lemma_.lower() in actors.words["hidden_attacker_instruments"]
                                              or t.lemma_.lower() in actors.words["anonymous_attackers"]
                                              for t in src_tokens):
                unnamed = "UAF"
        # "India and Pakistan agreed to a ceasefire after four days of strikes": fighting no one else
        # is named for, which a ceasefire comes after, is between the ceasefire's parties
        truce_sides = self._truce_sides(f, actors, src_tokens) if not unnamed else []
        if not sources and not p.symmetric and not unnamed and not truce_sides:
            return []
        targets = self._targets(f, actors, found, src_tokens, earlier)
        if root == "13":
            # "threatened to send refugees to Europe if the EU called the operation an invasion":
            # a threat is made to whoever must meet its condition
            targets = self._conditioned(f, actors, sources) or targets
        holders = self._holders(f, actors) if code in RELEASE_ASKS else []
        if holders and not sides(holders) & sides(targets):
            # "demanded the release of Lebanese prisoners held by Israel": of those who hold them
            targets = holders
        if visiting:
            hosts = [x for t in visiting[1] for x in actors.actors_for(t) if x[0].country or x[0].igo]
            targets = hosts or targets
        if unnamed:
            # "Abe was shot dead in Nara", "a curfew was imposed in Sri Lanka", "a roadside bomb
            # killed soldiers": no agent named, so an unknown attacker, or the authorities, of the
            # country where it happened
            victims = next((a.country for a, _ in targets if a.country), None)
            # "French citizens ... detained in Iran": foreigners are held by the other state named
            foreign = actors.only_country(sent, besides=victims) if victims and any(
                a.kind in ("person", "state") and a.sectors for a, _ in targets) else None
            place = (self._location_country(f, actors, objects=True) or foreign or victims
                     or actors.only_country(sent))
            if not place:
                return []
            sector = unnamed
            sources = [(Actor("unnamed", self.kb_code(actors, place, [sector]), place, None, [sector]), True)]
            if not targets:
                targets = [(country_actor(actors, place), False)]
        if reaction is not None:
            targets = [x for s in args.verb_subjects(reaction)
                       for x in (actors.actors_for(s) or self._inside(s, actors, preps=("of",)))]
        unlocated = sources
        sources, targets = self._domestic(f, actors, sources, targets)
        how_target = "tree"
        if not targets:
            targets, how_target = self._implied_targets(f, actors, sources or unlocated, sent, earlier)
            if targets and not sources and root not in DOMESTIC_ROOTS and lookup(code).quad_class < 4:
                # "opposition leaders demanded that Damascus withdraw": said from the other state named
                sources, _ = self._domestic(f, actors, unlocated, targets)
        pairs = self._pairs(f, actors, sources, targets) if not truce_sides else each_with_each(truce_sides)
        if self._at_request(f):
            # "troops fought their way into Maseru at the request of Prime Minister Mosisili": the
            # request is the one named's, to those who came
            pairs = [(t, s) for s, t in pairs if _side(s[0]) != _side(t[0])]
        if p.reverse:
            # "fled into exile in France": France's asylum to the one who fled ("flew him into
            # exile in Venezuela": to the one flown)
            flown = [x for o in args.verb_objects(trig) for x in actors.actors_for(o) if x[0].kind == "person"]
            hosts = list({id(t): t for _, t in pairs}.values())
            pairs = [(t, x) for t in hosts for x in flown] or [(t, s) for s, t in pairs]
        accusers = None
        if p.reported:
            # "Pakistan said India was behind the attack": what would be a claim is, said of
            # another, the speaker's accusation of them; concluded by someone unnamed, neither
            accuser_tok, accusers = self._claim_teller(f, speaker_tok, actors, sources)
            told = trig.head if p.pos == "adj" and trig.dep_ == "acomp" else trig
            if accusers is None or (accusers and modality.assess(told, forward=False).hypothetical) or (
                    not accusers and p.reported == p.code):
                # "warned that Washington would bear full responsibility": a threat, not a charge;
                # and a verdict no one else pronounces is no one's ("the move was illegal")
                return []
            if accusers:
                pairs = [(w, s) for w in accusers[:1] for s in located_actors(sources)]
                code = p.reported
                trig = accuser_tok.head if accuser_tok.dep_ in ("nsubj", "nsubjpass") else trig
        if p.pos == "verb" and p.lemma in modality.cues()["command_verbs"]:
            # "ordered troops to pull out": a command to one's own organs, not a demand (but "ordered an
            # inquiry into the shooting by British paratroopers" looks into them)
            told = {(x[0].country, tuple(x[0].sectors)) for o in args.verb_objects(trig) for x in actors.actors_for(o)}
            pairs = [(s, t) for s, t in pairs if not (s[0].country and s[0].country == t[0].country
                                                      and set(t[0].sectors) & OWN_ORGANS and (
                                                          f.xcomp is not None or (t[0].country, tuple(t[0].sectors)) in told))]
        if not pairs:
            return []
        mood = modality.assess(trig, forward=root in modality.cues()["forward_roots"])
        if how_target == "sentence" and (mood.negated or mood.hypothetical):
            # the addressee guessed from the sentence is for acts it reports as done: "accused
            # Beijing of threatening regional peace" is no threat to the other state named
            return []
        if mood.negated and p.pos == "verb" and modality.stated_refusal(trig):
            refused = modality.cues()["refused_intents"].get(code) or self._request_code(code, kind=2)
            if refused:
                code, mood = refused, modality.Modality()
        if mood.hypothetical and not mood.negated and self._own_forces_ordered(trig, actors, sources):
            mood.hypothetical = False   # "Shoigu ordered troops to pull out of Kherson": they did
        if mood.hypothetical and p.pos == "noun" and code in SETTING_TALK_CODES and args.told_as_past(trig):
            mood.hypothetical = False   # "agreed at talks in St Vincent to ...": the talks were held
        if mood.negated and p.pos == "noun" and code in NAMED_TALK_CODES and args.in_setting(trig):
            mood.negated = False   # "failed to agree at their second round of talks": the talks were held
        speaker = None
        if speaker_tok is not None:
            who = actors.actors_for(speaker_tok)
            span = speaker_tok.doc[speaker_tok.left_edge.i:speaker_tok.right_edge.i + 1] \
                if speaker_tok.dep_ == "pobj" else speaker_tok.doc[speaker_tok.i:speaker_tok.i + 1]
            speaker = {"text": span.text, "span": [span.start_char, span.end_char],
                       "name": who[0][0].name if who else None, "code": who[0][0].code if who else None}
        rule = (p.id + ("+leader" if leader_killed else "") + ("+said.of.another" if accusers else "")
                + ("+truce.sides" if truce_sides else ""))
        hypothetical = mood.hypothetical
        if (mood.hypothetical and mood.volitional and not mood.conditional and not mood.negated
                and root in DECIDED_ROOTS and (mood.cue or "").lower() in ("will", "would", "'ll")
                and not self._on_condition(trig)):
            # "May said Britain would expel 23 Russian diplomats": a cut in relations announced
            # without a condition is a decision taken, not a threat
            hypothetical = False
        elif mood.hypothetical and not mood.negated and (
                (mood.volitional and not mood.conditional)
                or ((self._intent_code(code) or "").startswith("13") and speaker_tok is not None
                    and (self._on_condition(trig) or (mood.volitional and self._warned(trig))))):
            # "Biden said Washington would intervene militarily if China attacked Taiwan": force
            # promised on a condition is a threat
            intent = self._intent_code(code)
            # the speaker states its own intention ("the IMF agreed to lend Egypt $3 billion")
            said_by = [w for w, _ in actors.actors_for(speaker_tok)] if speaker_tok is not None else []
            # ... or one of no state named speaks of it ("a senior administration official said")
            own = speaker is None or not any(w.country or w.igo for w in said_by) or any(
                speaker["code"][:3] == (a.country or "")[:3] for a, _ in sources) or any(
                w.igo and w.igo == a.igo for w in said_by for a, _ in sources)
            if intent and own:
                code, rule, hypothetical = intent, rule + "+intent", False
        when = dates.event_date(trig, anchor, self._dates_in(sent, actors))
        if hypothetical and speaker_tok is not None and self._obligation(trig):
            # "Erdogan said Sweden must lift its embargo": the speaker demands it of the source
            demand = self._request_code(code, kind=1) or "100"
            who = [x for x in located_actors(actors.actors_for(speaker_tok))
                   if all((x[0].country, x[0].igo) != (a.country, a.igo) for a, _ in sources)]
            pairs = [(w, s) for w in who[:1] for s in sources]
            code, rule, hypothetical = demand, rule + "+must", False
            trig = speaker_tok.head if speaker_tok.dep_ in ("nsubj", "nsubjpass") else trig
            mood.negated = False
        if (p.symmetric and p.pos == "verb" and code in MUTUAL_CODES and not hypothetical and len(sources) == 1
                and self._with_party(f)):
            pairs = pairs + [(t, s) for s, t in pairs if (t, s) not in pairs]
        phrase = plover.means_of(trig, list(f.objects) + ([f.xcomp] if f.xcomp is not None else []))
        # "killed 1,400 people in a chemical weapons attack", "dropped sarin on the town, killing 80"
        weapon = plover.code_for_weapon(self._instruments(trig) + (self._instruments(trig.head) if (
            trig.dep_ == "advcl" and trig.tag_ == "VBG") else [])) if root in WEAPON_ROOTS else None
        words = self._memo.get(("words", sent.start))
        if words is None:
            words = self._memo[("words", sent.start)] = plover.Words(list(sent))
        out = []
        for (s, s_ref), (t, t_ref) in pairs:
            conf = confidence - 0.1 * (s_ref + t_ref) - (0.15 if how_target in ("context", "sentence") else 0)
            pair_code, pair_rule = recode(code, rule, s, t)
            if (pair_code[:2] == "14" and p.lemma == "protest" and (p.pos == "verb" or reaction is not None)
                    and self._state_voice(s, actors)):
                # "Pakistan strongly protested the killing", "prompting a furious protest from Beijing":
                # a state's protest is an official complaint
                pair_code, pair_rule = "114", f"{pair_rule}>114"
            entry = lookup(pair_code)
            armed = weapon and entry.root in WEAPON_ROOTS
            if armed:
                entry, pair_rule = lookup(weapon), f"{pair_rule}>{weapon}"
            # "struck with drones": 195, not 190; "warplanes destroyed the reactor": 195, not 1712
            means = None if armed else plover.code_for_means(entry.code, entry.plover, phrase)
            if means:
                entry, pair_rule, mode = lookup(means[0]), f"{pair_rule}+{means[1]}", means[1]
            else:
                mode = plover.mode_for(entry.plover, entry.plover_mode, phrase)
            if (pair_code in MASS_KILLING_FROM and entry.code[:3] in MASS_KILLING_MEANS
                    and self._mass_killing(trig, t, actors)):
                entry, pair_rule = lookup("202"), f"{pair_rule}>202"
            elif pair_code == EXPULSION_CODE and any(args.in_thousands(o) for o in args.verb_objects(trig)):
                # "expelled tens of thousands of each other's nationals": a mass expulsion
                entry, pair_rule = lookup("201"), f"{pair_rule}>201"
            out.append(Event(
                source=s, target=t, cameo=entry.code, cameo_root=entry.root, cameo_label=entry.label,
                plover=entry.plover, plover_mode=mode,
                plover_contexts=plover.contexts_for(entry.plover_contexts, words, s.sectors + t.sectors),
                goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                trigger=TextSpan(trig.text, trig.idx, trig.idx + len(trig.text)), sentence=ref,
                rule=pair_rule, confidence=max(0.05, min(0.99, conf)), negated=mood.negated,
                hypothetical=hypothetical, attributed_to=speaker, date=when))
        return out

    def _implied_targets(self, f: Firing, actors: DocActors, sources, sent: Span,
                         earlier: list[Event]) -> tuple[list, str]:
        """When the tree names no target, in order: the reported clause, the place attacked, the
        source's own country for domestic acts, each other for coordinated fighters, the
        counterpart the document gives, and, for acts addressed to someone, the one other state the
        sentence names. Returns the targets and how they were found."""
        code = f.pattern.code
        root = code[:2]
        if root in REPORTED_ROOTS or (root == "01" and (code != "010" or not self._reports_event(f))):
            # a plain statement's target is who its clause is about, unless the clause reports an
            # event of its own (coded for itself, or, when denied or only planned, not at all)
            targets = self._reported_targets(f, actors, sources)
        elif code != "010":
            # "allowed IAEA inspectors to reinstall cameras": the parser's subject of the complement;
            # what one offers or pledges is for whom its complement names ("offered to lead a force
            # to help Haiti", "pledged to cooperate with the force")
            targets = self._reported_targets(f, actors, sources, subjects_only=True) or (
                self._complement_party(f, actors, sources) if root == "03" else [])
        else:
            targets = []
        if targets:
            return targets, "tree"
        if not sources:
            return [], "none"
        contacted = self._contacted(f, actors, sources) or self._met_in_setting(f, actors, sources)
        if contacted:     # "telephoned Bush to express his condolences": to whom the call was made
            return contacted, "tree"
        about = topics.specific(code, f.trigger, list(f.objects) + ([f.xcomp] if f.xcomp is not None else []))
        # "promised to respect women's rights"; "exploded a nuclear device" (at no one): a test at home
        home = (about or code).startswith(SELF_TARGET_CODES) or f.pattern.at_home
        if lookup(code).quad_class == 4:
            place = self._location_country(f, actors, climb=True)
            if place and not (home and place == sources[0][0].country):
                # "missiles rained down on Kyiv": what is hit is the country attacked
                return [(country_actor(actors, place), False)], "place"
            struck = [] if home else (args.verb_objects(f.trigger) + [o for _, o in args.prep_objects(
                f.trigger, ("on", "against", "at", "into"))]) if f.pattern.pos == "verb" else [f.trigger]
            a = sources[0][0]
            insurgent = bool(set(a.sectors) & INSURGENT_SECTORS)
            country = actors.only_country(sent, besides=None if insurgent else a.country) if struck else None
            if struck and insurgent and country is None:
                # "the Houthis claimed drone attacks on Saudi oil facilities": the one other state named
                country = actors.only_country(sent, besides=a.country)
            if country and (country != a.country or insurgent):
                # "rebels in eastern Ukraine shelled the town of Avdiivka", "a Russian barrage
                # knocked out power", Kyiv said: a place in the other country the sentence names
                return [(country_actor(actors, country), False)], "place"
        if home:
            # a curfew, a crackdown, a protest with no one else named: within the source's country
            a = sources[0][0]
            jailer = self._custodian(f, actors, a.country) if code.startswith(PROTEST_CODES) else None
            if jailer:
                return [(country_actor(actors, jailer), False)], "place"
            # ... but a ruler leaving power does so at home, wherever he goes ("fled to Saudi Arabia")
            place = (a.country if code.startswith(LEADERSHIP_CODES) else None) or self._location_country(f, actors) or a.country
            if place:
                target = country_actor(actors, place)
                if place == a.country and not a.sectors:   # a state acting at home: on its people
                    target = people_of(place, target.text)
                return [(target, False)], "domestic"
        if code in CLAIM_CODES:
            # "an attack claimed by al-Shabaab" in Mogadishu: a claim is of a deed where it was done
            place = self._location_country(f, actors, climb=True) or actors.only_country(sent)
            if place:
                return [(country_actor(actors, place), False)], "place"
        if code in SYMBOLIC_CODES and sources[0][0].country:
            # "laid a wreath at the Warsaw Ghetto memorial": a symbolic act abroad is addressed to the host
            place = self._location_country(f, actors, climb=True)
            if place and place != sources[0][0].country:
                return [(country_actor(actors, place), False)], "place"
        if code.startswith(TRUCE_CODES) and sources[0][0].country:
            # "agreed to a pause in fighting in Gaza": where the fighting stops
            place = self._location_country(f, actors, climb=True)
            if place and place != sources[0][0].country:
                return [(country_actor(actors, place), False)], "place"
        if code.startswith(RETREAT_CODES) and sources[0][0].country:
            # "pulled out of Avdiivka after months of Russian assaults": from the other side named
            other = actors.only_country(sent, besides=sources[0][0].country)
            if other:
                return [(country_actor(actors, other), False)], "place"
            a = sources[0][0]
            if set(a.sectors) & INSURGENT_SECTORS and actors.only_country(sent) == a.country and not any(
                    x.country and x.country != a.country for x, _ in sources):
                # "FARC rebels laid down their arms": an armed group yields to its own state
                return [(Actor(a.country, self.kb_code(actors, a.country, ["GOV"]), a.country, None, ["GOV"]), False)], "domestic"
        if len({a.country for a, _ in sources}) >= 2 and (
                (lookup(code).quad_class == 4 and not self._third_party_named(sent, sources, actors)) or code.startswith("087")
                or (lookup(code).quad_class in (1, 2) and self._mutual(f.trigger))):
            # "Indian and Pakistani troops breached the truce", "... pulled back": at each other;
            # "Greece and Turkey pledged to work together": with each other. But allies are not each
            # other's enemies: "US, British and French columns smashed into Iraq in the offensive",
            # "the US and Britain charged two Libyans with planting the bomb" name a third party.
            return sources, "tree"
        # what the sentence itself has told: a guess across sentences costs more than it finds
        told = [e for e in earlier if sent.start_char <= e.trigger.start < sent.end_char]
        own = sides(sources)
        if code in RELEASE_ASKS:
            # "soldiers detained two Jordanian drivers, and Amman demanded their release": of the captors
            captors = [e.source for e in told if _captured(e)
                       and (e.source.country or e.source.igo) and (e.source.country, e.source.igo) not in own]
            if captors:
                return [(captors[-1], True)], "context"
        if code in APOLOGY_CODES:
            # "an Iraqi jet fired missiles into a US frigate, and Baghdad apologized": to whom its own deed harmed
            harmed = self._context_target(sources[0][0], told, reactive=False)
            if harmed:
                return [(a, True) for a in harmed], "context"
        if code in DENIAL_CODES:
            # "Kurti accused Serbia of ..., and Belgrade denied any involvement": the accuser
            accuser = self._context_target(sources[0][0], told, reactive=True)
            if accuser:
                return [(a, True) for a in accuser], "context"
        if root in REACTIVE_ROOTS or (root == "05" and f.pattern.lemma in actors.words["approving_verbs"]):
            doers = self._recalled_doers(f, actors, sources, sent, earlier)
            if doers:   # "..., and Russia condemned the strikes": whoever struck
                return doers, "tree"
        if f.pattern.pos == "verb" and f.trigger.dep_ == "conj" and not self._names_own_addressee(f):
            # "Wen expressed condolences to Japan and offered rescue teams": the verb it is joined
            # to names whom both are addressed to
            shared = [e.target for e in told if e.trigger.start == f.trigger.head.idx and e.target
                      and (e.source.country, e.source.igo) in own and (e.target.country, e.target.igo) not in own]
            if shared:
                return [(t, True) for t in {(t.country, t.igo): t for t in shared}.values()], "context"
        if root in ("09", "10"):
            # "Israeli shells slammed into a U.N. base, and Boutros-Ghali ordered an investigation":
            # into the deed just told; "a U.S. air strike hit the hospital, and the charity demanded
            # an inquiry": of its doer
            doers = [e.source for e in told if lookup(e.cameo).quad_class == 4 and not e.negated
                     and not e.hypothetical and (e.source.country or e.source.igo)
                     and (e.source.country, e.source.igo) not in own]
            if doers:
                return [(doers[-1], True)], "context"
        if root in CONTEXT_ROOTS and not self._names_an_unknown_target(f, actors):
            prev = self._context_target(sources[0][0], earlier, reactive=root in REACTIVE_ROOTS)
            if not prev and root == "13":
                # "..., and Islamabad vowed to respond": a vow of retaliation answers whoever acted on it
                prev = self._context_target(sources[0][0], told, reactive=True)
            if prev:
                return [(a, True) for a in prev], "context"
        a = sources[0][0]
        if root == "13" and a.country:
            # "police opened fire on schoolchildren, and Vorster warned that order would be
            # maintained": a warning after the state's own force at home is to its people
            home = [e.target for e in told if e.source.country == a.country and e.target
                    and e.target.country == a.country and lookup(e.cameo).quad_class == 4]
            if home:
                return [(home[-1], True)], "context"
        if (a.country and not a.igo and (code.startswith(HOME_CODES) or (root in ("18", "19") and set(a.sectors) & STATE_ORGANS))
                and actors.only_country(sent, besides=a.country) is None
                and {x.country for t in args.own_clause(f.trigger) if t.i in actors.by_token
                     for x, _ in actors.actors_for(t)} <= {a.country, None}):
            # "Marcos ordered an investigation", "Haitian police killed four suspects": a state's
            # inquiry, or its organs' force, with no one else named is at home; on its people,
            # unless those it struck were fighters or someone named
            struck = args.verb_objects(f.trigger) + [o for _, o in args.prep_objects(f.trigger, ("on", "at"))]
            armed = any(t.ent_type_ == "PERSON" or t.lemma_.lower() in actors.words["combatant_nouns"] for t in struck)
            return [(country_actor(actors, a.country) if armed else people_of(a.country, a.text), False)], "domestic"
        if root in ADDRESSED_ROOTS and a.country and not a.igo:
            # "Lithuania demanded compensation for damage caused by drones that strayed in from
            # Belarus": a demand, a reproach, a threat, help or a fight that the tree and what came
            # before address to no one is addressed to the one other state the sentence names
            other = actors.only_country(sent, besides=a.country)
            if other:
                return [(country_actor(actors, other), False)], "sentence"
        return [], "none"

    @staticmethod
    def _separate_blows(best: dict[tuple, Event], beaten: list[tuple[tuple, Event]],
                        trigger_of: dict[int, Token]) -> list[Event]:
        """Blows of different kinds dealt in separate clauses ("entered Gori, a day after its
        warplanes bombed Poti", 192 and 195) are separate events of one root between one pair;
        one blow told twice ("violated the truce by shelling") is not, nor is a residual code
        beside a specific one (an "attack" that was a bombing)."""
        extra: list[tuple[tuple, Event]] = []
        for key, ev in beaten:
            kept = [best[key]] + [e for k, e in extra if k == key]
            if ev.cameo_root in BLOW_ROOTS and code_rank(ev.cameo)[1] and all(
                    code_rank(k.cameo)[1] and k.cameo != ev.cameo
                    and args.separate_clauses(trigger_of[id(k)], trigger_of[id(ev)]) for k in kept):
                extra.append((key, ev))
        return [e for _, e in extra]

    @staticmethod
    def _contacted(f: Firing, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """For a word said on a call or a visit made to say it ("telephoned Bush to express his
        condolences", "visited Kyiv to pledge support"): the one called or visited."""
        trig = f.trigger
        if (f.pattern.pos != "verb" or trig.dep_ not in ("xcomp", "advcl")
                or (lookup(f.pattern.code).quad_class == 4 and f.pattern.code[:2] != "14")   # "summoned X to protest"
                or trig.head.lemma_.lower() not in args.SUBJECT_PURPOSE_VERBS or not args.infinitive(trig)):
            return []
        own = sides(sources)
        called = args.verb_objects(trig.head) + [o for _, o in args.prep_objects(trig.head, ("to", "with"))]
        return [x for o in called for x in other_sides(actors.actors_for(o), own)][:1]

    @staticmethod
    def _complement_party(f: Firing, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """For an offer or a pledge, the party its complement acts with, for or on ("offered to
        lead a force to help Haiti", "pledged to cooperate with the force"): an object or a "with",
        "to", "for", "between" phrase of the complement's verbs, not where or when they act."""
        own = sides(sources)
        verbs = [c for c in kids(f.trigger) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        while verbs:
            v = verbs.pop(0)
            parties = args.verb_objects(v) + [o for _, o in args.prep_objects(v, ("with", "to", "for", "between"))] + [
                s for c in kids(v) if c.dep_ == "ccomp" for s in args.children(c, "nsubj")]   # "help Haiti fight"
            for o in parties:
                got = other_sides(actors.actors_for(o), own)
                if got and not actors.is_place_modifier(o):
                    return got
            verbs += [c for c in kids(v) if c.pos_ in ("VERB", "AUX") and (
                c.dep_ in ("xcomp", "conj") or (c.dep_ == "advcl" and args.infinitive(c)))]
        return []

    @staticmethod
    def _third_party_named(sent: Span, sources, actors: DocActors) -> bool:
        """Whether the sentence names a state besides the coordinated sources (by name, city or actor)."""
        own = {a.country for a, _ in sources}
        return any(m.actor.country and m.actor.country not in own
                   for m in actors.mentions if sent.start_char <= m.start < sent.end_char)

    @staticmethod
    def _leaders_of(token: Token, actors: DocActors) -> list[tuple[Actor, bool]]:
        """"the Saudi-led coalition", "US-led forces": a coalition is its leader's."""
        for t in token.subtree:
            if t.i > token.i:
                break
            if t.lemma_.lower() == "lead" and t.tag_ == "VBN" and t.dep_ in ("amod", "compound"):
                for c in kids(t):
                    if c.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                        got = located_actors(actors.actors_for(c))
                        if got:
                            return got
        return []

    def _deed_doers(self, c: Token, actors: DocActors) -> list[Token]:
        """The located "by" agents of a deed noun that names no actor itself, or the doers of the
        same deed told before ("carried out its first nuclear test, and Japan condemned the test")."""
        if c.pos_ != "NOUN" or actors.actors_for(c):
            return []
        agents = self._deed_agents(c)
        if not agents:
            return self._told_deed_doers(c, actors)
        return [g for g in agents if located_actors(actors.actors_for(g))]

    @staticmethod
    def _told_deed_doers(c: Token, actors: DocActors) -> list[Token]:
        """For "the test", "the raid": the owner of the latest earlier mention of the same noun in
        this or the previous sentence ("its test", "a Russian raid"), or the subject of the verb
        it was the object of ("North Korea conducted a test")."""
        if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in kids(c)):
            return []
        sent = actors.sentence_of(c)
        start = sent.start
        if start > 0:
            start = actors.sentence_of(c.doc[start - 1]).start
        lemma, lemmas = c.lemma_.lower(), actors.lemmas
        for i in range(c.i - 1, start - 1, -1):
            if lemmas[i] != lemma:
                continue
            t = c.doc[i]
            if t.pos_ != "NOUN":
                continue
            owners = [m for m in kids(t) if m.dep_ in ("poss", "compound", "amod")
                      and located_actors(actors.actors_for(m))]
            if not owners and t.dep_ == "dobj":
                owners = [s for s in args.verb_subjects(t.head) if located_actors(actors.actors_for(s))]
            return owners
        return []

    @staticmethod
    def _deed_agents(noun: Token) -> list[Token]:
        """The "by" phrase of a deed, also when the parser hangs it on the deed's "of" object
        ("the shelling of a hospital by Russian forces")."""
        agents = [o for _, o in args.prep_objects(noun, ("by",))]
        for _, o in args.prep_objects(noun, ("of",)):
            agents += [a for _, a in args.prep_objects(o, ("by",))]
        if not agents and noun.dep_ == "dobj" and not args.is_passive(noun.head):
            # "broke up a rally by thousands of Georgians": the parser may hang "by" on the verb
            after = args.preposition_after(noun, "by")
            if after is not None and after.head.i == noun.head.i:
                agents = args.children(after, "pobj")
        return [args.counted(a) for a in agents]     # "a rally by thousands of Georgians"

    @staticmethod
    def _state_voice(a: Actor, actors: DocActors) -> bool:
        """A state or its government speaking as such ("Pakistan", "Moscow", "the Iranian government"),
        not its people ("Georgians")."""
        if a.kind != "state" or not a.country or a.igo:
            return False
        if a.sectors:
            return "GOV" in a.sectors and not a.name
        entry = actors.kb.countries.get(a.country) or {}
        names = {entry.get("name"), entry.get("capital")} | set(entry.get("names") or []) | set(entry.get("metonyms") or {})
        return a.text in names

    @staticmethod
    def _press(token: Token, actors: DocActors) -> bool:
        """Whether a word names only the press ("reporters", "journalists"), with no state of its own."""
        got = actors.actors_for(token)
        return bool(got) and all(set(a.sectors) & PRESS_SECTORS and not a.name for a, _ in got)

    @staticmethod
    def _purpose_partners(f: Firing, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """The partners a reciprocal act's purpose names "with": "signed agreements to normalise
        relations with Israel"."""
        own = sides(sources)
        purposes = [c for h in [f.trigger] + args.verb_objects(f.trigger) for c in kids(h)
                    if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB" and args.infinitive(c)]
        return [x for v in purposes for h in [v] + args.verb_objects(v) for _, o in args.prep_objects(h, ("with",))
                for x in other_sides(actors.actors_for(o), own)][:2]

    def _with_party(self, f: Firing) -> bool:
        """Whether the other side is named as a partner ("talks with X", "a deal with X"), not as
        what was acted on ("ratified Sweden's accession")."""
        clauses = ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis")
        stack = [c for c in kids(f.trigger) if c.dep_ not in clauses]
        while stack:       # "signed deals worth $13 billion with Xi", "the treaty on cooperation with the US"
            t = stack.pop()
            if t.dep_ == "prep" and t.lower_ in args.LOCATIVE_PREPS:
                continue   # "drills near Belarus's borders with Ukraine": where, not with whom
            # not "with Moscow freeing the reporter", "with Biden warning of ...": clauses of their own
            if t.dep_ == "prep" and t.lower_ == "with" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() not in self.lexicon.nouns
                    and not any(c.tag_ == "VBG" for c in kids(p)) for p in kids(t)):
                return True
            stack.extend(c for c in kids(t) if c.dep_ not in clauses)
        return False

    def _recalled_doers(self, f: Firing, actors: DocActors, sources, sent: Span,
                        earlier: list[Event]) -> list[tuple[Actor, bool]]:
        """The doers of a deed the sentence has just told, when a reaction names it by a noun or a
        pronoun ("..., and Russia condemned the strikes", "Palestinian leaders denounced the deals",
        "Putin called it a terrorist act"): the sources of the latest event before the trigger in
        the same sentence, if the source is not one of them."""
        if f.pattern.pos == "adj":
            # "Abe visited the shrine, and Washington said it was disappointed": at the latest doer
            return self._later_deed_doers(f.trigger, actors, sources, -1)
        if f.pattern.pos != "verb":
            return []
        objs = args.verb_objects(f.trigger)
        deed = next((o for o in objs if not actors.actors_for(o) and (
            o.lemma_.lower() in self.lexicon.nouns or o.lemma_.lower() in actors.words["summary_nouns"]
            or o.lower_ in DEED_PRONOUNS or any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in kids(o)))
            and not args.children(o, "poss")), None)
        if deed is None:
            return []
        own = {a.code for a, _ in sources}   # "Ruto called the unrest treasonous": Kenyans may be the doers
        choice = deed.lemma_.lower() in actors.words["decision_nouns"]
        # (an event coded from its beneficiary, "flew him into exile in Costa Rica", has no doer for a source)
        told = [e for e in earlier if sent.start_char <= e.trigger.start < f.trigger.idx
                and not e.negated and not e.hypothetical and e.source.code not in own
                and (e.source.country or e.source.igo) and not (choice and e.quad_class == 4)
                and not self._reversed(e)]
        if not told:
            # "North Korea said it had carried out a nuclear test, and Japan condemned the test",
            # "the Council authorised force, and Baghdad rejected the resolution": a deed the lexicon
            # codes as no event between two is still the deed of the main clause told before
            return (self._main_clause_doers(f.trigger, actors, sources)
                    or self._attacked_place(deed, f.trigger, actors, sources))
        last = told[-1].trigger.start
        fights = {g.trigger.i for g in self._firings if lookup(g.pattern.code).quad_class == 4} if choice else set()
        later = self._later_deed_doers(f.trigger, actors, sources, last, skip=fights)
        if later:
            # "Clinton imposed sanctions after New Delhi carried out tests, and Japan called the
            # blasts a blow": a deed told after the last coded event is the one reacted to
            return later
        out, seen = [], set()
        for e in told:
            key = (e.source.country, e.source.igo)
            if e.trigger.start == last and key not in seen:
                seen.add(key)
                out.append((e.source, True))
        return out

    @staticmethod
    def _deed_subjects(trig: Token, after: int = -1, skip: set[int] = frozenset()) -> list[Token]:
        """The subjects of the clauses told before a reaction in its sentence, latest first (down to
        the character offset `after`), leaving out saying, the reaction's own clauses and the verbs
        at the token indices `skip`."""
        speech = modality.cues()["speech"]
        # not the clauses it hangs on (up to the "and" that joins it to what was told before), nor
        # those of its own subject ("the guerrillas it backs")
        above = {t.i for t in trig.subtree}
        node = trig
        while node.dep_ != "conj" and node.head.i != node.i:
            node = node.head
            above.add(node.i)
        above |= skip
        out = []
        for i in range(trig.i - 1, trig.sent.start - 1, -1):
            verb = trig.doc[i]
            if verb.idx <= after:
                break
            if verb.pos_ == "VERB" and verb.lemma_.lower() not in speech and verb.i not in above and not (
                    # "captured Saddam Hussein hiding in a hole": a state the one acted on was in, no deed
                    verb.tag_ == "VBG" and not args.children(verb, "aux")):
                out += args.children(verb, "nsubj")
        return out

    def _later_deed_doers(self, trig: Token, actors: DocActors, sources, after: int,
                          skip: set[int] = frozenset()) -> list[tuple[Actor, bool]]:
        """The subject of the latest clause told after the offset `after`, before the reaction,
        when it is a located actor other than the reaction's source (clauses of the verbs at the
        token indices `skip` left out)."""
        own = sides(sources)
        for s in self._deed_subjects(trig, after, skip):
            got = other_sides(actors.actors_for(s), own)
            if got:
                return [(a, True) for a, _ in got]
        return []

    def _attacked_place(self, deed: Token, reaction: Token, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """The state where an attack of no named doer struck, for a reaction to it: "Guterres
        condemned twin car bombings near the education ministry in Mogadishu" is about Somalia
        (also where the parser hangs the place on the reaction: "condemned a bombing at a market
        in Kabul")."""
        patterns = self.lexicon.nouns.get(deed.lemma_.lower()) or []
        if not patterns or not all(p.code[:2] in VIOLENT_ROOTS for p in patterns):
            return []
        own = sides(sources)
        places = [t for _, o in args.prep_objects(reaction, ("at", "in", "near", "outside")) for t in o.subtree]
        for t in list(deed.subtree) + places:
            m = actors.by_token.get(t.i)
            if t.i != deed.i and m is not None and m.kinds & {"place", "capital", "country"}:
                got = [x for x in actors.actors_for(t) if x[0].country and (x[0].country, None) not in own]
                if got:
                    return [(country_actor(actors, got[0][0].country), True)]
        return []

    @staticmethod
    def _clause_country(noun: Token, actors: DocActors) -> str | None:
        """The country of the subject of the clause a nominal event is told in: "President Ben Ali
        fled after a month of street protests" were protests in Tunisia."""
        verb = args.clause_verb(noun)
        subjects = args.verb_subjects(verb) if verb is not None else []
        return next((c for s in subjects if (c := first_country(located_actors(actors.actors_for(s))))), None)

    @staticmethod
    def _main_clause_doers(trig: Token, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """The subject of the latest main clause told before the reaction's own, in the same
        sentence ("X did ..., and Y condemned the deed"): the root and the clauses joined to it by
        "and", not what those clauses report, when it is a located actor other than the source."""
        clause = trig
        for _ in range(8):     # up to the clause that hangs on the root (or is the root)
            if clause.dep_ == "ROOT" or clause.head.i == clause.i or (
                    clause.dep_ == "conj" and clause.head.dep_ == "ROOT" and clause.pos_ in ("VERB", "AUX")):
                break
            clause = clause.head
        root = clause if clause.dep_ == "ROOT" else clause.head
        if clause.i == root.i:
            return []          # the reaction is the main clause: nothing told before it at that level
        mains = [root] + [c for c in root.conjuncts if c.pos_ in ("VERB", "AUX")]
        own = sides(sources)
        for verb in sorted((v for v in mains if v.i < clause.i), key=lambda v: -v.i):
            for s in args.verb_subjects(verb):
                got = other_sides(actors.actors_for(s), own)
                if got:
                    return [(a, True) for a, _ in got]
        return []

    def _names_an_unknown_target(self, f: Firing, actors: DocActors) -> bool:
        """Whether a target slot of the pattern holds a noun that is no actor ("called on its
        partners to send air defences", "pressed an offensive"): the target is someone the
        coder cannot name, not the counterpart the context gives. A pronoun ("urged them")
        still takes the context's."""
        words: list[Token] = []
        for slot in f.pattern.target:
            if slot == "dobj":
                words += args.verb_objects(f.trigger)
            elif slot not in ("dative", "poss", "compound", "other"):
                words += [o for _, o in args.prep_objects(f.trigger, (slot,))]
        return any(w.pos_ in ("NOUN", "PROPN") and not actors.actors_for(w) for w in words)

    def _reports_event(self, f: Firing) -> bool:
        """Whether what the trigger reports is an event rather than a view: another pattern fired
        inside it, or it is news told before its source ("No Russian tanks have crossed into
        Ukraine, Kyiv said"), or it is denied."""
        trig = f.trigger
        # inside it: below it in the tree (climbing from the other trigger is shorter than
        # walking the subtree of a verb of saying, often the whole sentence)
        if any(g is not f and g.pattern.pos != "noun" and g.trigger.i != trig.i and trig.is_ancestor(g.trigger)
               for g in self._firings):
            return True
        clauses = args.children(trig, "ccomp")
        c = modality.cues()
        ahead = c["modals"] | c["future"] | c["volitional"]
        # "said it would build a hospital", "said it was ready to send troops": an intention
        return not clauses or any(
            k.i < trig.i or args.children(k, "neg") or any(
                (ch.dep_ == "aux" and ch.lower_ in ahead) or (ch.dep_ == "acomp" and ch.lemma_.lower() in ahead)
                for ch in kids(k)) for k in clauses)

    @staticmethod
    def _at_request(f: Firing) -> bool:
        """"at the request of X", "at X's request": a request made before the act it frames (and
        news of its own, as the ceasefire a fight comes after is)."""
        trig = f.trigger
        return (f.pattern.pos == "noun" and f.pattern.code[:2] == "02" and trig.dep_ == "pobj"
                and trig.head.lower_ == "at")

    @staticmethod
    def _mutual(trig: Token) -> bool:
        return any(t.lower_ in MUTUAL_WORDS for t in trig.subtree)

    def _pairs(self, f: Firing, actors: DocActors, sources, targets) -> list:
        """Source-target pairs. Reciprocal events ("X and Y met", "talks between X and Y") pair
        every participant with every other; a named target makes the event one-way."""
        p = f.pattern
        doers = {a.country for a, _ in sources}
        if (p.code[:2] in VIOLENT_ROOTS and f.trigger.lemma_.lower() in MUTUAL_FIGHTS and len(doers) >= 2
                and None not in doers and targets and {b.country for b, _ in targets} <= doers):
            # "Kyrgyz and Tajik troops fought along their border": the sides fought each other
            return each_with_each(located_actors(sources))
        partners = self._purpose_partners(f, actors, sources) if (
            p.symmetric and p.pos == "verb" and len(sources) >= 2 and not targets) else []
        if partners:
            # "the UAE and Bahrain signed agreements to normalise relations with Israel": each
            # with the partner its purpose names, not with each other
            return [(a, b) for a in sources for b in partners] + [(b, a) for a in sources for b in partners]
        if p.symmetric and p.pos == "verb" and len(sources) >= 2 and targets and self._with_party(f):
            # "Russia and Ukraine signed separate deals with Turkey and the UN": each with the partners
            return [(a, b) for a in sources for b in targets if not same(a[0], b[0])]
        if p.symmetric:
            participants = list(sources) if sources and targets and p.pos == "verb" else list(sources) + list(targets)
            setting = args.setting_verb(f.trigger) if p.pos == "noun" and len(participants) < 2 and not (
                sources and targets) and not args.actor_modifiers(f.trigger, actors.actors_for) else None
            if len(participants) < 2 and not (sources and targets) and (
                    _plural_owner(f.trigger) or (setting is not None and p.code in NAMED_TALK_CODES)):
                # "Assad told Clinton at talks in Geneva": the talks are the clause's actors'
                participants += EventCoder._clause_participants(setting or f.trigger, actors)
            elif setting is not None and targets and p.code[:2] in VIOLENT_ROOTS:
                # "declared martial law after clashes with Azerbaijan erupted": the clause's subject
                # fought the party named
                participants += located_actors([x for s in args.verb_subjects(setting) for x in actors.actors_for(s)])
            unique, seen = [], set()
            for a, r in participants:
                # a state's government and its rebels are two sides ("Sudan's government and southern
                # rebels signed a peace deal")
                key = (a.country, a.igo, a.name, bool(set(a.sectors) & INSURGENT_SECTORS))
                if key not in seen:
                    seen.add(key)
                    unique.append((a, r))
            if len(unique) >= 2 and not (p.pos == "verb" and sources and targets and len(sources) == 1):
                return each_with_each(unique)
            if len(unique) == 1 and not targets and unique[0][0].country and self._rivals(f.trigger):
                # "rival Lebanese leaders signed a deal": the sides are one state's
                return [(unique[0], unique[0])]
        return [(a, b) for a in sources for b in targets if not same(a[0], b[0])]

    @staticmethod
    def _instruments(verb: Token) -> list[Token]:
        """The words of what a deed is done with: its object ("dropped sarin"), "with" and "using"
        ("shelled with chlorine"), and an attack it is done in ("killed 1,400 in a gas attack"), not
        what it answers ("in response to a chemical attack") or hits ("chemical weapons sites")."""
        # (an object the parser took for a modifier too: "dropped sarin on the town")
        heads = [c for c in kids(verb) if c.dep_ == "dobj" or (c.dep_ in ("advmod", "npadvmod") and c.pos_ == "NOUN")]
        # (a phrase the parser hung on the object: "killed 1,400 people in a gas attack")
        heads += [o for h in [verb, *heads] for p, o in args.prep_objects(h, None) if (
            p in ("with", "using") or (p == "in" and o.lemma_.lower() in ONE_ATTACK))]
        # each head with the words before it ("a chemical weapons attack"), not the phrases after it
        # ("air strikes against chemical weapons sites")
        return [t for h in heads for t in h.subtree if t.i <= h.i]

    def _holders(self, f: Firing, actors: DocActors) -> list[tuple[Actor, bool]]:
        """Who holds the people whose release is asked for: "prisoners held by Israel", "French
        citizens detained in Iran", "activists jailed in Israeli prisons"."""
        subjects = {t.i for s in args.verb_subjects(f.trigger) for t in s.subtree}
        verbs = actors.words["captivity_verbs"]    # where they are held before where they were taken
        held = sorted((t for t in f.trigger.subtree if t.tag_ == "VBN" and t.i not in subjects
                       and t.lemma_.lower() in verbs), key=lambda t: verbs.index(t.lemma_.lower()))
        for t in held:
            for prep, o in args.prep_objects(t, ("by", "in")):
                found = located_actors(actors.actors_for(o) or self._jailer(o, actors))
                if found and (prep == "by" or found[0][0].kind in ("state", "")):
                    return found[:1]
        return []

    def _custodian(self, f: Firing, actors: DocActors, own: str | None) -> str | None:
        """The other state in whose jails a protest is held: "Palestinian prisoners in Israeli jails
        began a hunger strike", "died in an Israeli jail after an 87-day hunger strike"."""
        verb = f.trigger if f.pattern.pos == "verb" else args.setting_verb(f.trigger)
        subjects = args.verb_subjects(verb) if verb is not None else []
        # ... and "prisoners held in Israeli jails": the participle that places the subject
        placed = [f.trigger, *([verb] if verb is not None else []), *subjects,
                  *(c for s in subjects for c in kids(s) if c.dep_ == "acl")]
        for h in placed:
            for _, o in args.prep_objects(h, ("in", "at", "inside")):
                country = first_country(self._jailer(o, actors))
                if country and country != own:
                    return country
        return None

    def _jailer(self, place: Token, actors: DocActors) -> list[tuple[Actor, bool]]:
        """The actor a jail or a custody belongs to ("Israeli jails"); none for other places."""
        return self._inside(place, actors) if place.lemma_.lower() in actors.words["custody_nouns"] else []

    def _truce_verb(self, f: Firing) -> Token | None:
        """The verb of a ceasefire that a nominal fight is the setting of: "agreed to a ceasefire
        after five days of border clashes", "ordered their forces to cease fire after four days of
        fighting"."""
        if f.pattern.code[:2] != "19" or not (f.pattern.pos == "noun" or f.trigger.dep_ == "pobj"):
            return None
        truces = {g.trigger.i for g in self._firings if g.pattern.pos == "verb" and g.pattern.code in CEASEFIRE_CODES}
        if not truces:
            return None
        verb = args.setting_verb(f.trigger)
        for _ in range(3):
            if verb is None or verb.i in truces:
                return verb
            verb = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i else None
        return None

    def _truce_sides(self, f: Firing, actors: DocActors, src_tokens: list[Token]) -> list[tuple[Actor, bool]]:
        """The parties of the ceasefire a fight comes after, when no one else is named for the fight
        (no one, or the ceasefire's own subjects, read as the setting's); two at least, else none."""
        verb = self._truce_verb(f)
        if verb is None or not {t.i for t in src_tokens} <= {t.i for t in args.verb_subjects(verb)}:
            return []
        sides = self._clause_participants(verb, actors)
        return sides if len(sides) >= 2 else []

    @staticmethod
    def _rivals(trig: Token) -> bool:
        """Whether the verb's subject is several parties of one side: "rival leaders", "the warring
        factions" (coreference.yaml, `rival_parties`)."""
        words = coreference_words()["rival_parties"]
        return any(s.tag_ == "NNS" and (s.lemma_.lower() in words["heads"] or any(
            c.dep_ == "amod" and c.lower_ in words["modifiers"] for c in kids(s)))
            for s in args.verb_subjects(trig))

    def _domestic(self, f: Firing, actors: DocActors, sources, targets):
        """Unnamed actors ("protesters", "gunmen", "police") take the country the text gives:
        where the event happens, the one country the sentence names, or, for protest,
        repression and insurgency, the other side's, else the one it names most."""
        place = located = None
        sent = actors.sentence_of(f.trigger)
        domestic = f.pattern.code[:2] in DOMESTIC_ROOTS
        quad = lookup(f.pattern.code).quad_class
        out = []
        for side, other in ((sources, targets), (targets, sources)):
            kept = []
            for a, r in side:
                if a.country or a.igo:
                    kept.append((a, r))
                    continue
                partner = next((x.country for x, _ in side if x.country), None) if f.pattern.symmetric else None
                if not a.sectors or (a.kind == "person" and not (a.name and a.sectors[0] in OFFICIAL_SECTORS
                                                                 and side is sources)
                                     and not (partner and a.sectors[0] in INSURGENT_SECTORS)):
                    continue      # a named person's country is never guessed from the sentence ...
                if side is sources and a.sectors[0] in FORCE_SECTORS and quad == 4 and any(
                        x.country or x.igo for x, _ in side):
                    continue      # "US and British warships and aircraft struck": the aircraft are theirs
                if a.sectors[0] in INSURGENT_SECTORS:
                    # "militants fired rockets", after "Islamic Jihad ..." was named: that group
                    group = actors.previous_group(f.trigger, a.sectors[0]) or (
                        # "..., and a frigate sank a pirate mother ship", after "Somali pirates"
                        actors.previous_of_sector(f.trigger, a.sectors[0]) if side is targets else None)
                    if group is not None:
                        kept.append((Actor(a.text, group.code, group.country, group.igo,
                                           list(group.sectors), group.name, "group"), True))
                        continue
                if partner and a.sectors[0] in INSURGENT_SECTORS:
                    # "talks between the Venezuelan government and opposition delegates in Mexico
                    # City": the other side of a state's own talks is of that state, not of the venue
                    kept.append((self._of_country(actors, a, partner), r))
                    continue
                if side is targets:
                    # "expelled diplomats from Argentina and Chile": the states they come from
                    holders = [f.trigger] + list(f.objects)
                    origins = {x.country: x for h in holders for _, o in args.prep_objects(h, ("from",))
                               for x, _ in actors.actors_for(o) if x.country}
                    if origins:
                        kept.extend((self._of_country(actors, a, c), r) for c in origins)
                        continue
                if side is sources and a.sectors[0] in INSURGENT_SECTORS:
                    # "militants fired rockets at Israeli towns from Gaza": where the fire came from
                    origin = place_of(f.trigger, actors, ("from",))
                    if origin:
                        kept.append((self._of_country(actors, a, origin), r))
                        continue
                if place is None:
                    located = self._location_country(f, actors, objects=True)
                    place = located or actors.only_country(sent) or ""
                if a.kind == "person" and (place != actors.only_country(sent) or not place):
                    continue      # ... but an official's by title, when it names one state only
                if a.kind == "people" and place != located:
                    # sector words of peoples of several states: "Beijing sanctioned ten European
                    # lawmakers" are not Chinese ones
                    continue
                placed = ("placed", sent.start, a.text, tuple(a.sectors))
                # protest and repression are within one state; insurgents fight their own state's
                # forces, but "the insurgents who killed four American contractors" are no Americans
                inherits = domestic or a.sectors[0] in INSURGENT_SECTORS
                country = place or (self._memo.get(placed) if side is sources else None) or (
                    next((o.country for o, _ in other if o.country and (
                        domestic or not o.sectors or set(o.sectors) & OFFICIAL_SECTORS or quad != 4)), None)
                    if inherits else None)
                guessed = not country and domestic
                if guessed:
                    # "Georgians marched through Tbilisi against a law modelled on Russian
                    # legislation, and riot police detained dozens": the state the sentence names most
                    country = actors.main_country(sent)
                if not place and placed not in self._memo and side is sources and country and not domestic and quad < 4:
                    # "opposition leaders blamed Syria for the assassination" (in Beirut): words of
                    # a state's opposition about another are said from the one other state named
                    country = actors.only_country(sent, besides=country) or country
                if country and side is sources and not guessed:
                    # the same words are the same doers in the rest of the sentence
                    self._memo.setdefault(placed, country)
                if country:
                    kept.append((self._of_country(actors, a, country), r))
            out.append(kept)
        return out[0], out[1]

    def _met_in_setting(self, f: Firing, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """Words said at or after talks with another are said to the one met: "Koizumi said after
        talks with Kim that he was optimistic about normalising relations"."""
        if f.pattern.code[:2] != "01":
            return []
        verb = f.trigger if f.pattern.pos == "verb" else f.trigger.head
        if f.pattern.pos == "adj" and verb.dep_ == "ccomp":
            verb = verb.head      # "said ... that he was optimistic": the saying
        own = sides(sources)
        for g in self._firings:
            if g.pattern.pos != "noun" or g.pattern.code not in NAMED_TALK_CODES:
                continue
            setting = args.setting_verb(g.trigger)
            if setting is None or setting.i != verb.i:
                continue
            partners = args.prep_objects(args.of_carrier(g.trigger), ("with",)) + args.prep_objects(
                g.trigger, ("with",))
            met = [x for _, o in partners for t in [o, *args.conjuncts(o)]
                   for x in other_sides(actors.actors_for(t), own)]
            if met:
                return met
        return []

    @staticmethod
    def _claim_teller(f: Firing, speaker_tok: Token | None, actors: DocActors, sources):
        """Who says or finds a claim of its subject, when that is a state or organisation other
        than the subject: (their word, their actors); no one else: (None, []); a finder that
        names no one ("an investigation concluded that the government was responsible"): (_, None)."""
        clause = f.trigger.head if f.pattern.pos == "adj" else f.trigger
        sayer = next(iter(args.children(clause.head, "nsubj")), None) if clause.dep_ == "ccomp" else None
        sayer = sayer if sayer is not None else speaker_tok
        if sayer is None:
            return None, []
        found = actors.actors_for(sayer)
        own = sides(sources)
        others = other_sides(found, own)
        if not found and sayer.pos_ != "PRON":
            return sayer, None
        return sayer, others

    def _spoken_for(self, token: Token, found: tuple[Actor, bool], actors: DocActors) -> tuple[Actor, bool]:
        """A named official whose state the text does not give, reporting what a state will do or
        has done, speaks for that state: "Russia will scale back military activity around Kyiv,
        Deputy Defence Minister Alexander Fomin said"."""
        a = found[0]
        if (a.country or a.igo or a.kind != "person" or not a.name or not a.sectors
                or a.sectors[0] not in OFFICIAL_SECTORS or token.dep_ != "nsubj"
                or token.head.lemma_.lower() not in modality.cues()["speech"]):
            return found
        verb = token.head
        clauses = args.children(verb, "ccomp") + ([verb.head] if verb.dep_ in ("ccomp", "parataxis") else [])
        for c in clauses:
            for s in args.children(c, "nsubj", "nsubjpass"):
                state = next((x for x, _ in actors.actors_for(s) if x.kind == "state" and x.country), None)
                if state is not None and set(state.sectors) <= {"GOV"}:
                    return Actor(a.text, self.kb_code(actors, state.country, a.sectors), state.country, None,
                                 list(a.sectors), a.name, a.kind), True
        return found

    @staticmethod
    def kb_code(actors: DocActors, country: str, sectors: list[str]) -> str:
        return actors.kb.code_for(country, None, sectors)

    @classmethod
    def _of_country(cls, actors: DocActors, a: Actor, country: str) -> Actor:
        """An unnamed actor ("protesters", "gunmen") placed in a country."""
        return Actor(a.text, cls.kb_code(actors, country, a.sectors), country, None, list(a.sectors), a.name)

    def _location_country(self, f: Firing, actors: DocActors, climb: bool = False,
                          objects: bool = False) -> str | None:
        """The country named where the event happens: "in Tehran", "near the Afghan border";
        with `objects`, also where the object is ("killed 60 people at a reception in Kabul");
        with `climb`, also where the governing clause is, and "on", "into", "against", "over"."""
        holders = [f.trigger] + ([f.xcomp] if f.xcomp is not None else []) + list(f.objects)
        preps = args.LOCATIVE_PREPS
        if climb or objects:
            # "blew up the headquarters of the Marines and a barracks in Beirut": each object's place
            holders += [c for o in args.verb_objects(f.trigger) for c in (o, *args.conjuncts(o))]
        if climb:
            head = f.trigger
            for _ in range(2):
                if head.dep_ not in ("advcl", "conj", "xcomp", "acl") or head.head.i == head.i:
                    break
                head = head.head
                holders.append(head)
            preps = preps + ("on", "into", "against", "over")
        missions = actors.words["mission_nouns"]
        for h in holders:
            for _, o in args.prep_objects(h, preps):
                # "outside the French embassy in Niamey": an embassy names its state, not the place
                if o.lemma_.lower() not in missions:
                    country = first_country(actors.actors_for(o) or self._inside(o, actors))
                    if country:
                        return country
                # "at a wedding reception in Kabul": the place of the place
                country = place_of(o, actors, args.LOCATIVE_PREPS + ("of",))
                if country:
                    return country
        if objects:
            # "set fire to the U.S. embassy in Belgrade": where the mission acted on stands
            for h in holders:
                for o in [h] + [o for _, o in args.prep_objects(h, None)]:
                    country = place_of(o, actors, ("in",)) if o.lemma_.lower() in missions else None
                    if country:
                        return country
        return None

    @staticmethod
    def _specific_request(f: Firing, firings: list[Firing], events: list[Event]) -> list[Event]:
        """"demanded that Russia withdraw its troops": a demand for de-escalation (1056), not a
        bare demand (100); likewise appeals (02) and refusals (12), by what is asked or refused."""
        kind = {"02": 0, "10": 1, "12": 2}.get(f.pattern.code[:2])
        if kind is None or not events:
            return events
        if not any(inner is not f and inner.trigger.i != f.trigger.i for inner in firings):
            return events    # nothing else fired in the sentence: the subtree need not be walked
        table = modality.cues()["request_codes"]
        below = {t.i for t in f.trigger.subtree} - {f.trigger.i}
        # what is asked is in the complement, not in the subject: "Bush and Gorbachev, meeting in
        # Helsinki, demanded that Iraq withdraw" asks for a withdrawal, not a meeting
        below -= {t.i for c in kids(f.trigger) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        # ... nor in a circumstance: "refused the demand, withdrawing its envoy" refuses no withdrawal
        below -= {t.i for c in kids(f.trigger) if c.dep_ == "advcl" and not EventCoder._complement(c)
                  for t in c.subtree}
        for inner in firings:
            if inner.trigger.i not in below or inner is f:
                continue
            code = inner.pattern.code
            mapped = next((table[k][kind] for k in (code, code[:3], code[:2]) if k in table), None)
            if mapped and code_rank(mapped) > code_rank(events[0].cameo):
                return [recoded(ev, mapped, f"{ev.rule}+{inner.pattern.id}") for ev in events]
        return events

    @staticmethod
    def _consequences(events: list[Event], firings: list[Firing]) -> list[Event]:
        """"Israeli jets struck Gaza, killing 20 people", "an attack ... killing 130", "shelled the
        island, setting homes ablaze": the killing or the burning is what the attack did, not an
        attack of its own (its victims' side is no target)."""
        by_start = {f.trigger.idx: f.trigger for f in firings}
        # fires and ruins are what shells and bombs do; the homes a mob torches are an act of its own
        violent = {e.trigger.start for e in events if e.quad_class == 4}
        bombarding = {e.trigger.start for e in events if e.cameo.startswith(BOMBARDMENT_CODES)}
        out = []
        for e in events:
            t = by_start.get(e.trigger.start)
            ruin = e.cameo.startswith("171")
            # ("..., seizing dozens of hostages": a kidnapping is an act of its own, not what the attack did)
            if (t is not None and (e.cameo_root in VIOLENT_ROOTS or ruin) and not e.cameo.startswith(ABDUCTION_CODE)
                    and t.tag_ == "VBG"
                    and t.dep_ in ("advcl", "conj") and t.head.idx != t.idx
                    and not args.children(t, "nsubj", "nsubjpass")):
                # "opened fire on the crowds as they forced their way into the square, killing hundreds":
                # the killing may hang from a clause inside the attack's own
                head = t.head
                for _ in range(2):
                    if head.idx in violent or head.dep_ not in ("advcl", "conj") or head.head.i == head.i:
                        break
                    head = head.head
                if head.idx in (bombarding if ruin else violent):
                    continue
            out.append(e)
        return out

    @staticmethod
    def _protest_demands(events: list[Event], firings: list[Firing]) -> list[Event]:
        """"went on hunger strike demanding a fair trial": the demand is what the protest is
        for (1423), not an event of its own. A crowd's demand with no protest coded beside it
        is a demonstration for it ("protesters demanded the prime minister resign": 1411)."""
        tokens = {f.trigger.idx: f for f in firings}
        protests = [e for e in events if e.cameo in purposes.table()["codes"] | {c + d for c in
                    purposes.table()["codes"] for d in "1234"}]
        out = []
        for e in events:
            f = tokens.get(e.trigger.start)
            if e.cameo_root != "10" or f is None:
                out.append(e)
                continue
            if not protests:
                digit = DEMAND_PURPOSES.get(e.cameo) if e.cameo.startswith("104") else None
                crowd = e.source is not None and "CVL" in e.source.sectors and e.source.kind != "person"
                out.append(recoded(e, "141" + digit, f"{e.rule}>141{digit}") if digit and crowd else e)
                continue
            trig = f.trigger
            near = {trig.head.i, trig.head.head.i} if trig.dep_ in ("advcl", "acl", "xcomp", "relcl") else set()
            protest = next((p for p in protests if tokens.get(p.trigger.start) is not None and (
                {tokens[p.trigger.start].trigger.i} | {o.i for o in tokens[p.trigger.start].objects}) & near
                and p.source.country == e.source.country), None)
            if protest is None:
                out.append(e)
                continue
            digit = DEMAND_PURPOSES.get(e.cameo)
            if digit and len(protest.cameo) == 3:
                out = [recoded(x, protest.cameo + digit, f"{x.rule}+{f.pattern.id}") if x is protest else x
                       for x in out]
                protests = [p for p in protests if p is not protest]
        return out

    @staticmethod
    def _topic(f: Firing, events: list[Event]) -> list[Event]:
        """"urged Georgia to press ahead with political reforms": 024, by what is asked."""
        holders = list(f.objects) + ([f.xcomp] if f.xcomp is not None else [])
        out = []
        for ev in events:
            code = topics.specific(ev.cameo, f.trigger, holders)
            out.append(recoded(ev, code, f"{ev.rule}+topic") if code else ev)
        return out

    def _commanded(self, trig: Token, actors: DocActors, sources):
        """"Putin ordered the army to withdraw": unnamed forces under a command verb are the
        commander's own."""
        cmd = trig.head
        if trig.dep_ != "xcomp" or cmd.lemma_.lower() not in modality.cues()["command_verbs"] or not sources:
            return sources
        if all(a.country or a.igo or not a.sectors for a, _ in sources):
            return sources
        boss = next((a for s in args.verb_subjects(cmd) for a, _ in actors.actors_for(s) if a.country), None)
        if boss is None:
            return sources
        return [(Actor(a.text, self.kb_code(actors, boss.country, a.sectors), boss.country, None,
                       list(a.sectors), a.name, a.kind), r) if a.sectors and not (a.country or a.igo) else (a, r)
                for a, r in sources]

    @staticmethod
    def _commemorated(noun: Token) -> bool:
        """"the memorial to the Warsaw Ghetto uprising", "the anniversary of the invasion": history
        named by what remembers it, not news."""
        node = noun
        for _ in range(2):
            if node.dep_ == "pobj" and node.head.lower_ in ("to", "of", "for"):
                return node.head.head.lemma_.lower() in modality.cues()["commemorative"]
            if node.dep_ not in ("compound", "conj"):
                return False
            node = node.head
        return False

    @staticmethod
    def _recalled(noun: Token) -> bool:
        """A nominal event named as the object of a verb of reaction or follow-up ("welcomed the
        ceasefire between X and Y", "condemned the new U.S. sanctions"): a topic, not news, unless
        a possessor makes it the news ("condemned Iran's attack on Israel")."""
        if noun.dep_ not in ("dobj", "conj") or noun.head.lemma_.lower() not in modality.cues()["topic_verbs"]:
            return False
        return not args.children(noun, "poss")   # "the Armenian-Azerbaijani ceasefire": its parties

    @staticmethod
    def _visiting(trig: Token, actors: DocActors) -> tuple[Token, list[Token]] | None:
        """A participle before a person, "met visiting Chancellor Scholz" (read as an adjective or,
        by the parser, as a verb taking the person as object): the person is the visitor and the
        subject of the clause the host. Returns (visitor, host tokens)."""
        if trig.tag_ != "VBG" or args.children(trig, "aux", "nsubj", "nsubjpass"):
            return None
        if trig.dep_ == "amod":
            visitor, clause = trig.head, args.clause_verb(trig.head)
        elif trig.dep_ in ("xcomp", "advcl", "dobj"):
            objs = args.children(trig, "dobj")
            visitor, clause = (objs[0] if objs else None), trig.head
        else:
            return None
        if visitor is None or visitor.left_edge.i != trig.i + 1 and visitor.left_edge.i != trig.i:
            return None
        if visitor.ent_type_ in ("GPE", "LOC", "FAC"):
            return None     # "Baerbock, visiting Warsaw on Tuesday, said": the place visited, no visitor
        if not any(a.kind == "person" or a.sectors for a, _ in actors.actors_for(visitor)):
            return None
        hosts = args.verb_subjects(clause) if clause is not None and clause.pos_ in ("VERB", "AUX") else []
        return visitor, hosts

    @staticmethod
    def _own_forces_ordered(trig: Token, actors: DocActors, sources) -> bool:
        """Whether the trigger is what a commander ordered its own side to do: the order is the
        act ("ordered troops to withdraw"), unless the order itself is only planned or asked."""
        cmd = trig.head
        # "ordered a partial mobilisation", "ordered a military offensive": the order is the act
        ordered_deed = trig.dep_ == "dobj" and trig.pos_ == "NOUN"
        if (trig.dep_ != "xcomp" and not ordered_deed) or cmd.lemma_.lower() not in modality.cues()["command_verbs"]:
            return False
        if modality.assess(cmd, forward=False).hypothetical:
            return False
        bosses = {a.country for s in args.verb_subjects(cmd) for a, _ in actors.actors_for(s)}
        return bool(sources) and all(a.country and a.country in bosses for a, _ in sources)

    def _reversed(self, e: Event) -> bool:
        """Whether an event runs from the one its pattern's target slot names to the doer ("fled into
        exile in France": France's asylum)."""
        p = self.lexicon.by_id.get(re.split(r"[+>]", e.rule)[0])
        return p is not None and p.reverse

    @staticmethod
    def _conditioned(f: Firing, actors: DocActors, sources) -> list[tuple[Actor, bool]]:
        """The states or bodies, other than the source's side, that are the subject of an
        if- or unless-clause on the trigger or on what it threatens."""
        heads = [f.trigger] + ([f.xcomp] if f.xcomp is not None else [])
        # what is threatened: "threatened to open the gates and send refugees", "warned it would strike"
        heads += [c for h in list(heads) for c in kids(h) if c.dep_ in ("xcomp", "ccomp") or (
            c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)))]
        heads += [c for h in list(heads) for c in kids(h) if c.dep_ == "conj"]
        own = sides(sources)
        for clause in (c for h in heads for c in EventCoder._conditions(h)):
            # named, not a pronoun ("... if it did not halt the crackdown" is anyone's guess)
            found = [x for t in args.children(clause, "nsubj") if t.pos_ != "PRON"
                     for x in located_actors(actors.actors_for(t)) if (x[0].country, x[0].igo) not in own]
            if found:
                return found
        return []

    @staticmethod
    def _conditions(head: Token) -> list[Token]:
        """The if- or unless-clauses hung on a word."""
        marks = modality.cues()["conditional_marks"]
        return [c for c in kids(head) if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in marks for m in kids(c))]

    @staticmethod
    def _on_condition(trig: Token) -> bool:
        """"will walk out of the talks if the three countries trigger the snapback": a threat."""
        return bool(EventCoder._conditions(trig))

    @staticmethod
    def _warned(trig: Token) -> bool:
        """"warned they would ban the party": the clause a warning verb reports (the coder checks
        that the one warned of is the speaker's own side)."""
        node = trig
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ccomp" and node.head.lemma_.lower() in modality.cues()["warning_verbs"]

    @staticmethod
    def _obligation(trig: Token) -> bool:
        """"must", "should", "has to", "needs to" in the trigger's own clause."""
        for c in kids(trig):
            if c.dep_ == "aux" and c.lower_ in ("must", "should"):
                return True
        head = trig.head
        return trig.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need") and head.i != trig.i

    @staticmethod
    def _request_code(code: str, kind: int) -> str | None:
        table = modality.cues()["request_codes"]
        return next((table[k][kind] for k in (code, code[:3], code[:2]) if k in table), None)

    @staticmethod
    def _intent_code(code: str) -> str | None:
        table = modality.cues()["intent_codes"]
        for key in (code, code[:3], code[:2]):
            if key in table:
                return table[key]
        return None

    def _targets(self, f: Firing, actors: DocActors, found, src_tokens,
                 earlier: list[Event] = ()) -> list[tuple[Actor, bool]]:
        p, trig = f.pattern, f.trigger
        if p.pos == "verb" and p.code[:2] in REACTION_ROOTS:
            summarised = self._summarised_actor(trig, actors, src_tokens)
            if summarised:   # "France will recognise Palestine, a decision condemned by Israel"
                return summarised
        if p.code in THIRD_PARTY_CODES:
            met = self._participants_of_hosted(f, actors, src_tokens, earlier)
            if met:     # "hosted talks between X and Y", "a deal brokered by China": both sides
                return met
        src_ids = {t.i for t in src_tokens}
        default = (("dobj", "dative") + args.DEFAULT_TARGET_PREPS if p.pos == "verb"
                   else ("compound",) + args.NOUN_TARGET_PREPS)
        if p.at_home and p.target:
            default = ()     # an act at home names its target only where its pattern says ("fled to Riyadh": no)
        slots = tuple(dict.fromkeys(p.target + default))   # the pattern's own slots first
        if p.code[:2] == "09":
            slots += ("in",)     # "investigate allegations of torture in Eritrea": the state looked into
        holders = [trig] + ([f.xcomp] if f.xcomp is not None else []) + list(f.objects)
        # "pulled back from the border area": spaCy hangs the phrase on the particle
        holders += [c for c in kids(trig) if c.dep_ in ("advmod", "prt") and c.lower_ in p.particles]
        holders += [o for o in args.verb_objects(trig) if o not in holders] if p.pos == "verb" else []
        # "urged partners to impose sanctions on Belarus": the complement's object carries it too
        holders += [o for o in args.verb_objects(f.xcomp) if o not in holders] if f.xcomp is not None else []
        # "sent trucks carrying food into Gaza": where the load goes
        holders += [w for o in holders[1:] for w in args.loads(o)]
        # "pledged tents, rescue crews and field hospitals for flood victims": the list's last item
        # carries what belongs to all of it
        holders += [c for o in list(holders[1:]) for c in args.conjuncts(o) if c not in holders]
        # "earmarked $1.5 billion in grants for Iraq": an amount's "in" or "of" phrase says what is given,
        # and carries whom it is for
        holders += [x for o in list(holders[1:]) if args.is_amount(o)
                    for _, x in args.prep_objects(o, ("in", "of")) if x not in holders]
        happened = args.occurrence_verb(trig) if p.pos == "noun" else None
        holders += [happened] if happened is not None else []
        if p.pos == "noun":
            # "a ceasefire in the war between Iran and Iraq": the sides of the conflict it is in
            holders += conflicts_of(trig)
        by_prep: dict[str, list[Token]] = {}
        for h in holders:
            for prep, o in args.prep_objects(h, None):
                by_prep.setdefault(prep, []).append(o)
        src_actors = [a for t in src_tokens for a, _ in actors.actors_for(t)]
        own = {(a.country, a.igo) for a in src_actors}
        said = {(a.code, a.text) for a in src_actors}
        for slot in slots:
            cands: list[Token] = []
            if slot == "dobj":
                for h in [trig] + ([f.xcomp] if f.xcomp is not None else []):
                    for o in args.verb_objects(h):
                        # a misparsed noun object ("rejected OAS calls" read as a clause): its subject
                        cands += [o] + (args.children(o, "nsubj") if o.pos_ == "VERB" else [])
            elif slot == "dative":
                cands += args.children(trig, "dative", "iobj")
            elif slot == "poss":
                cands += args.children(trig, "poss")
            elif slot == "compound":
                if p.pos == "noun":
                    src = next((t for t in src_tokens), None)
                    cands += args.noun_modifier_targets(trig, src, found)
            elif slot == "other":
                # "..., calling the seizure an act of piracy", "in what Washington called an
                # unprovoked attack": the verdict is on what the other party named in the sentence
                # did, the doer of the latest deed told before it first
                sent = actors.sentence_of(trig)
                cands += self._deed_subjects(trig) + [
                    sent.doc[i] for i in sorted(actors.by_token) if sent.start <= i < sent.end
                    and not actors.is_place_modifier(sent.doc[i])]
            elif slot in by_prep:
                cands += [x for o in by_prep[slot] for x in [o] + self._clause_subjects(o, own, actors)]
            if not cands:
                continue    # most slots hold nothing
            # "condemned the shelling of a hospital by Russian forces", "an inquiry into abuses by the
            # military": a deed's doer, named by its "by" phrase, is whom the reaction or inquiry is about
            cands = [a for c in cands for a in self._deed_doers(c, actors) + [c]]
            for c in cands:
                if c.i in src_ids:
                    continue
                if (p.code[:2] == "01" and slot in ("dobj", "dative", "to") and c.i in actors.by_token
                        and self._press(c, actors)):
                    continue    # "told reporters that ...": the press is the audience, not the target
                if args.is_reciprocal(c):      # "accused each other": every source at every other
                    return [x for t in src_tokens for x in actors.actors_for(t)]
                got = None
                if slot in args.LOCATIVE_PREPS and not actors.names_country(c) and p.code not in ARRIVAL_CODES:
                    # "talks in Vienna" is where, not with whom; "arrived in Vienna" is a visit;
                    # but a pattern's own slot may hold people: "threw stones at riot police"
                    got = actors.actors_for(c) if slot in p.target else []
                    # ... and what a pattern aims "at" is its target, a capital too ("took a swipe
                    # at London", "fired rockets at Tel Aviv")
                    aimed = slot == "at" and any(a.country for a, _ in got)
                    if not aimed and not any((a.sectors and a.kind != "state") or a.igo for a, _ in got):
                        continue
                got = got or actors.actors_for(c) or self._inside(c, actors)
                if got and not any(a.country or a.igo or a.name for a, _ in got):
                    # "released 24 hostages, including 13 Israelis": whose the people are
                    included = [x for h in (c, c.head) for _, o in args.prep_objects(h, ("including",))
                                for x in located_actors(actors.actors_for(o))]
                    got = included or got
                if got and not any(a.country or a.igo or a.name for a, _ in got):
                    # "Azerbaijan's military operation": the sector word, owned by the state inside
                    inner = located_actors(self._inside(c, actors, preps=("of",)))
                    if inner:
                        got = [(Actor(a.text, actors.kb.code_for(a.country, a.igo, got[0][0].sectors), a.country,
                                      a.igo, list(got[0][0].sectors), a.name, a.kind), r) for a, r in inner]
                    elif c.i not in actors.by_token and c.pos_ == "NOUN" and (mods := [
                            k for k in kids(c) if k.i in actors.by_token]) and all(
                            k.dep_ == "amod" and k.pos_ == "ADJ" for k in mods):
                        # "threatened military action against Syria": a kind of act, no one; "the
                        # military takeover in Niger": the state it happens in
                        got = located_actors(self._inside(c, actors))
                # "near its border", "into its territory": the source itself is no target
                src_codes = {a.code for a in src_actors}
                # ... but a town of its own that it strikes is ("Syrian troops shelled the city of Homs")
                hit_home = p.code[:2] in VIOLENT_ROOTS
                # ... and a state is no "source itself" to its challengers ("the opposition took control
                # of the country")
                own_sides = {_side(a) for a in src_actors}
                got = [x for x in got if (x[0].sectors or x[0].name or _side(x[0]) not in own_sides
                                          or (hit_home and x[0].kind == "place"))
                       and (x[0].code, x[0].text) not in said
                       and not (x[1] and x[0].code in src_codes)   # "suspended their blockade"
                       and (x[0].country or x[0].igo or x[0].kind != "person")]   # no one to code
                if slot == "other":
                    got = [x for x in got if (x[0].country or x[0].igo) and (x[0].country, x[0].igo) not in own]
                if slot == "between":
                    # "called off a meeting between Shevardnadze and Shultz": the source's own side is no target
                    got = [x for x in got if (x[0].country, x[0].igo) not in own]
                if p.code[:2] in POSTURE_ROOTS or p.code.startswith(OWN_FORCES_CODES):
                    # "a mobilisation of reservists": one's own forces are what is shown, not a target
                    got = [x for x in got if not ((x[0].country, x[0].igo) in own and "MIL" in x[0].sectors)]
                if got and p.pos == "verb" and slot != "dobj":
                    # "travelled to Kyiv and then Moscow": a name the parser joined to the verb is one
                    # more of the same phrase
                    got += [x for k in kids(trig) if k.dep_ == "conj" and k.pos_ == "PROPN"
                            for x in located_actors(actors.actors_for(k))
                            if (x[0].country, x[0].igo) not in own and x[0].kind in ("state", "place")]
                if got:
                    return got
        return []

    @staticmethod
    def _mass_killing(trig: Token, target: Actor, actors: DocActors) -> bool:
        """"militiamen killed hundreds of civilians", "... of Yazidi men" (in northern Iraq): a mass
        killing, whoever did it; but not "killed hundreds of soldiers", nor "killed hundreds in a
        cross-border assault", the toll of one attack."""
        if trig.lemma_.lower() not in KILLING_VERBS or any(
                o.lemma_.lower() in ONE_ATTACK for _, o in args.prep_objects(trig, ("in",))):
            return False
        victims = [o for o in args.verb_objects(trig) if args.massive(o)]
        if not victims or "CVL" in target.sectors:
            return bool(victims)
        if target.sectors:
            return False
        # a target with no sector (the state where it happened): victims no words make anyone's forces
        named = [v for o in victims for v in (o, *(x for _, x in args.prep_objects(o, ("of",))))]
        return not any(set(a.sectors) - {"CVL"} for v in named for a, _ in actors.actors_for(v))

    @staticmethod
    def _clause_subjects(o: Token, own: set, actors: DocActors) -> list[Token]:
        """The subject of a clause after a preposition ("looked into whether Syrian officials were behind
        the killing"), or of the clause a noun there reports ("declined to comment on reports that
        Cambodia had reinforced its troops"); reports of one's own side are about whom they concern."""
        if o.pos_ in ("VERB", "AUX"):
            clauses, reported = [o], False
        elif o.pos_ == "NOUN":
            clauses, reported = [k for k in kids(o) if k.dep_ in ("acl", "ccomp")], True
        else:
            return []
        return [t for cl in clauses if args.children(cl, "mark")
                for t in args.children(cl, "nsubj", "nsubjpass") if t.pos_ != "PRON"
                and not (reported and any((a.country, a.igo) in own for a, _ in actors.actors_for(t)))]

    def _participants_of_hosted(self, f: Firing, actors: DocActors, src_tokens,
                                earlier: list[Event] = ()) -> list[tuple[Actor, bool]]:
        """The parties to the talks, deal or ceasefire a third party hosts, brokers or mediates:
        those "between" or "with" which it is held, or named as its modifiers ("US-Russia
        talks"), with the subjects of the clause it belongs to ("Iran and Saudi Arabia agreed
        ... in a deal brokered by China", "Pashinyan signed a Russian-brokered agreement with
        Azerbaijan"), else the parties of the deal the sentence has just told ("Israel and Hamas
        agreed to a ceasefire ..., the truce mediated by Qatar"); a mediated deal's one signer is
        its party when the other side has no state of its own."""
        trig = f.trigger
        nominal = f.pattern.pos == "noun"    # "after a night of telephone mediation by Clinton"
        if trig.tag_ == "VBN" and trig.dep_ in ("amod", "acl"):
            nouns = [trig.head]
        else:
            nouns = [trig] if nominal else args.verb_objects(trig)
        nouns = [n for n in nouns if n.pos_ == "NOUN" and n.i not in actors.by_token]
        if not nouns:
            return []
        noun = nouns[0]
        own = {(a.country, a.igo) for t in src_tokens for a, _ in actors.actors_for(t)}
        found: list[tuple[Actor, bool]] = []
        # ... or the sides of the conflict it is in ("a U.N.-mediated ceasefire in the war between Iran and Iraq")
        for h in [noun] + conflicts_of(noun):
            for _, o in args.prep_objects(h, ("between", "with", "among")):
                for t in [o] + list(o.conjuncts):
                    found += actors.actors_for(t)
        if not found:
            for m in args.actor_modifiers(noun, actors.actors_for):
                found += actors.actors_for(m)
        signers = []
        if (trig.dep_ in ("amod", "acl") or nominal) and len(self._parties(found, own)) < 2:
            verb = args.clause_verb(noun)
            for s in (args.verb_subjects(verb) if verb is not None else []):
                for t in [s] + list(s.conjuncts):
                    signers += actors.actors_for(t)
            found += signers
        out = self._parties(found, own)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in kids(noun))
        if len(out) < 2 and (trig.dep_ in ("amod", "acl") or definite):
            # "the truce mediated by Qatar", "said Washington had mediated the talks": the ones told
            told = self._parties(self._told_deal_parties(trig, actors, earlier), own)
            out = told if len(told) >= 2 else out
        if len(out) == 1 and f.pattern.code[:3] == "045" and out[0][0] in [a for a, _ in signers]:
            # "Saleh signed a Gulf-brokered deal under which he will hand power to his deputy": the
            # one who signed or agreed is a party, even when the other has no state of its own
            return out
        return out if len(out) >= 2 else []

    @staticmethod
    def _parties(found, own) -> list[tuple[Actor, bool]]:
        """Located actors, once each, without the third party; two sides of one state ("Sudan's
        army and the Rapid Support Forces") are two parties."""
        out, seen = [], set()
        for a, r in located_actors(found):
            if (a.country, a.igo) not in own and (a.country, a.igo, a.code) not in seen:
                seen.add((a.country, a.igo, a.code))
                out.append((a, r))
        return out

    @staticmethod
    def _told_deal_parties(trig: Token, actors: DocActors, earlier: list[Event]) -> list[tuple[Actor, bool]]:
        """The two sides of the latest talks, deal or truce told earlier in the same sentence."""
        sent = actors.sentence_of(trig)
        told = [e for e in earlier if sent.start_char <= e.trigger.start < trig.idx
                and e.cameo[:2] in ("04", "05", "08") and not e.negated]
        if not told:
            return []
        last = told[-1].trigger.start
        out = []
        for e in told:
            if e.trigger.start == last:
                out += [(e.source, True), (e.target, True)]
        return out

    @staticmethod
    def _summarised_actor(trig: Token, actors: DocActors, src_tokens) -> list[tuple[Actor, bool]]:
        """The actor of the clause that a noun like "a decision" or "a move" sums up, when the
        trigger reacts to that noun ("a decision swiftly condemned by Israel", "a move that
        Yerevan condemned")."""
        noun = trig.head
        if trig.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in actors.words["summary_nouns"]:
            return []
        src = {t.i for t in src_tokens}
        node = noun
        for _ in range(6):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                for s in args.verb_subjects(node):
                    got = [x for x in actors.actors_for(s) if s.i not in src and (x[0].country or x[0].igo)]
                    if got:
                        return got
        return []

    def _inside(self, token: Token, actors: DocActors, depth: int = 0,
                preps: tuple[str, ...] = INSIDE_PREPS) -> list[tuple[Actor, bool]]:
        """An actor named inside a phrase: "the borders of the Donbas region of eastern Ukraine",
        "Russia's Kursk region"."""
        if depth > 4:
            return []
        if token.lemma_.lower() in BORDER_WORDS:   # "its border with Ukraine": the neighbour
            withs = [o for _, o in args.prep_objects(token, ("with",))]
            after = args.preposition_after(token, "with") if not withs else None
            if after is not None:    # "massed troops on its border with Kuwait", "with" hung on the verb
                withs = args.children(after, "pobj")
            for o in withs:
                got = actors.actors_for(o)
                if got:
                    return got
        place_noun = token.lemma_.lower() in actors.words["settlement_nouns"]
        if place_noun:
            # "the U.N.-declared safe area of Srebrenica": the place named, not who declared it
            for _, o in args.prep_objects(token, ("of",)):
                got = located_actors(actors.actors_for(o))
                if got:
                    return got
        unlocated: list[tuple[Actor, bool]] = []    # "the family home of a Palestinian militant"
        for c in kids(token):
            if c.dep_ in ("poss", "compound", "amod") and not actors.is_place_modifier(c):
                got = actors.actors_for(c)
                if got and not located_actors(got):
                    unlocated = unlocated or got
                elif got:
                    return got
            if c.dep_ in ("acl", "amod") and c.pos_ == "VERB" and not place_noun:
                # "a proposal put forward by Egypt", "a US-drafted resolution", "Russian-backed
                # forces", "a ship linked to Israel"
                for d in kids(c):
                    tied = d.dep_ == "prep" and d.lower_ == "to" and c.lemma_.lower() in TIE_VERBS
                    if d.dep_ in ("agent", "npadvmod", "compound", "nmod", "amod") or tied:
                        who = (next((p for p in kids(d) if p.dep_ == "pobj"), d)
                               if d.dep_ in ("agent", "prep") else d)
                        got = actors.actors_for(who)
                        if got:
                            return got
        for c in kids(token):
            if c.dep_ == "acl" and c.tag_ == "VBN" and not place_noun:
                # "sanctions imposed on India and Pakistan", "the embargo placed against Iraq": whom
                # the participle's phrase names, when no one is said to have done it
                for prep, o in args.prep_objects(c, ("on", "against", "upon")):
                    got = actors.actors_for(o) or self._inside(o, actors, depth + 1, preps)
                    if got:
                        return got
        for c in kids(token):
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in kids(c):
                    if p.dep_ == "pobj" and (c.lower_ not in ("in", "at") or actors.names_country(p)):
                        got = actors.actors_for(p) or self._inside(p, actors, depth + 1, preps)
                        if got:
                            return got
        return unlocated

    def _reported_targets(self, f: Firing, actors: DocActors, sources,
                          subjects_only: bool = False) -> list[tuple[Actor, bool]]:
        """"warned that Russia would face sanctions": the actor the reported clause is about,
        its subject first, else the first other actor named in it."""
        known = sides(sources)
        clauses = [c for h in [f.trigger] + list(f.objects) for c in kids(h)
                   if c.dep_ == "ccomp" or (c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX"))]
        if args.verb_objects(f.trigger):
            # "condemned the blast as China summoned Pyongyang's envoy": beside a reaction that names
            # what it answers, a clause told alongside is news of its own, not what is reported
            clauses = [c for c in clauses if not (c.dep_ == "advcl" and any(
                m.lower_ in CONCURRENT_MARKS for m in args.children(c, "mark")))]
        if subjects_only and f.pattern.code[:2] not in POSTURE_ROOTS:
            # a deed's time or cause is not whom it is done to: "arrested him, a day after gunships
            # fired at the bunker"; but "voiced displeasure after Mongolia allowed ..." is about
            # Mongolia, and "troops were put on alert after North Korea fired missiles" face it
            clauses = [c for c in clauses if not (c.dep_ == "advcl" and any(
                m.lower_ in CIRCUMSTANCE_MARKS for m in args.children(c, "mark")))]
        for c in clauses:
            for s in args.children(c, "nsubj", "nsubjpass"):
                got = [x for x in actors.actors_for(s) if (x[0].country, x[0].igo) not in known]
                if got and (got[0][0].country or got[0][0].igo):
                    return got
        if subjects_only:
            return []
        for c in clauses:
            # "warned that Georgia's actions would provoke a response": a subject that is no actor
            # is about its owner, before any other party the clause names ("speaking in Beijing")
            for s in args.children(c, "nsubj", "nsubjpass"):
                if s.i in actors.by_token:
                    continue
                for o in args.children(s, "poss"):
                    got = [x for x in actors.actors_for(o) if (x[0].country or x[0].igo)
                           and (x[0].country, x[0].igo) not in known]
                    if got:
                        return got
        for c in clauses:
            for t in c.subtree:
                if t.i in actors.by_token and not actors.is_place_modifier(t):
                    got = [x for x in actors.compose(actors.np_head(t))
                           if (x.country or x.igo) and (x.country, x.igo) not in known]
                    if got:
                        return [(got[0], False)]
        return []

    @staticmethod
    def _context_target(source: Actor, earlier: list[Event], reactive: bool) -> list[Actor]:
        """The implied counterpart, from what happened earlier in the document: for a reaction
        ("the Kremlin rejected the threat") whoever last acted on the source; otherwise the
        counterpart of the source's own latest event ("repeated that consequences would be harsh")."""
        happened = [e for e in earlier if e.source and e.target and not e.negated and not e.hypothetical]
        owner = _side(source)
        deed = next((ev for ev in reversed(happened) if _side(ev.target) == owner and _side(ev.source) != owner), None)
        if reactive and deed is not None:
            # "US and British warships struck Houthi targets, and the group vowed to retaliate": all who did it
            doers = {}
            for ev in happened:
                if ev.trigger.start == deed.trigger.start and _side(ev.target) == owner:
                    doers.setdefault(_side(ev.source), ev.source)
            return list(doers.values())
        for ev in reversed(happened):
            if _side(ev.source) == owner and _side(ev.target) != owner:
                return [ev.target]
        return []

    @staticmethod
    def _owners_of_their(trig: Token, actors: DocActors) -> list[Token]:
        """For "their" before a meeting noun: the subject of the clause that tells it and the one
        that clause acts on ("Scholz urged Putin to withdraw during their phone call": Scholz and
        Putin, not the troops of the infinitive). Climbs from the infinitive to the verb that has the
        object; empty unless both are actors of different sides."""
        verb = args.clause_verb(args.of_carrier(trig))
        for _ in range(3):
            if verb is None or verb.dep_ != "xcomp" or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head
        for _ in range(2):
            if verb is None:
                return []
            subjects = [s for s in args.verb_subjects(verb) if located_actors(actors.actors_for(s))]
            others = [o for o in args.children(verb, "dobj", "dative") + [o for _, o in args.prep_objects(verb, ("with", "to"))]
                      if located_actors(actors.actors_for(o))]
            if others or verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
                break
            # "told his US counterpart that Beijing would not tolerate ..., in their first talks":
            # up from the told clause to the telling one
            verb = verb.head
        if not subjects or not others:
            return []
        a, b = located_actors(actors.actors_for(subjects[0]))[0][0], located_actors(actors.actors_for(others[0]))[0][0]
        return [subjects[0], others[0]] if (a.country, a.igo) != (b.country, b.igo) else []

    @staticmethod
    def _clause_participants(trig: Token, actors: DocActors) -> list[tuple[Actor, bool]]:
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
        return located_actors(found)
