"""Who did it and to whom: the one place that walks dependency trees for event arguments.

Given a trigger token and the pattern that fired, returns the tokens heading the source and
target phrases. Turning those tokens into actors is the actor resolver's job.
"""
from __future__ import annotations

from spacy.tokens import Token

from redline.actors.resolver import coreference_words, counted  # noqa: F401  (counted: re-exported)
from redline.extensions import conjuncts, crosses, doc_memo, kids  # noqa: F401  (conjuncts: re-exported)

# Where a target is looked for when a pattern does not say, in order.
DEFAULT_TARGET_PREPS = ("against", "on", "with", "to", "toward", "towards", "at", "into", "upon",
                        "from", "over", "for", "near", "along", "across")
NOUN_TARGET_PREPS = ("against", "on", "with", "to", "toward", "towards", "into", "of", "upon",
                     "between", "near", "along", "across", "at", "for")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Prepositions that say where, not with whom.
LOCATIVE_PREPS = ("in", "at", "near", "inside", "outside", "across", "along", "around", "off", "within")
# Verbs that only carry a nominal event: "launched an offensive", "held talks".
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "begin", "start", "hold", "mount", "order",
               "announce", "continue", "step", "intensify", "resume", "make", "issue", "deliver",
               "give", "have", "undertake", "pursue", "escalate", "prepare", "plan", "approve",
               "authorize", "authorise", "impose", "sign", "reach", "seal", "agree", "accept", "claim",
               # ... and those that end or break off what was under way: "cut short a visit to Poland"
               "pay", "conclude", "wrap", "cut", "interrupt", "complete", "open", "join"}
# Verbs that end what was under way, carrying it only as the main verb of a clause: "ended four
# days of talks" were the subject's talks, but "left Mali, ending a nine-year deployment" tells
# of the deployment's end, not of the leavers' deployment.
CLOSING_VERBS = {"end", "finish"}


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in kids(token) if c.dep_ in deps]


def prep_objects(token: Token, preps) -> list[tuple[str, Token]]:
    """Objects of the given prepositions (None: any) attached to a token, as (preposition,
    object head)."""
    return [x for x in _all_prep_objects(token) if preps is None or x[0] in preps]


# Words the parser reads as a preposition before the real one: "up to its border", "out of Iraq".
LEADING_ADVERBS = {"up", "down", "back", "out", "away", "close", "next", "right", "closer"}


def _all_prep_objects(token: Token) -> tuple[tuple[str, Token], ...]:
    """The objects of every preposition of a token, found once per token and document: each
    pattern tried on a word asks for those of its own preposition."""
    memo = doc_memo(token.doc)
    got = memo.get(("preps", token.i))
    if got is None:
        found = []
        for c in kids(token):
            if c.dep_ not in ("prep", "agent", "dative"):
                continue
            objects = [p for p in kids(c) if p.dep_ in ("pobj", "pcomp")]
            found += [(c.lower_, p) for p in objects]
            if not objects and c.lower_ in LEADING_ADVERBS:
                # "moved troops up to its border", "pulled back to": the inner preposition holds the object
                found += [(g.lower_, p) for g in kids(c) if g.dep_ == "prep" for p in kids(g) if p.dep_ == "pobj"]
        got = memo[("preps", token.i)] = tuple(found)
    return got


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to leave", "for the EU to impose")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def is_reciprocal(token: Token) -> bool:
    """"each other", "one another"."""
    return (token.lower_ == "other" and any(c.lower_ == "each" for c in kids(token))) or (
        token.lower_ == "another" and any(c.lower_ == "one" for c in kids(token))) or (
        token.lower_ in ("other", "another") and token.i > 0 and token.nbor(-1).lower_ in ("each", "one"))


def is_passive(verb: Token) -> bool:
    memo = doc_memo(verb.doc)   # asked of each verb again by every pattern tried on it
    got = memo.get(("passive", verb.i))
    if got is None:
        got = memo[("passive", verb.i)] = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(verb))
    return got


# Verbs whose infinitive says what their subject went on to do, not what their object is to do
# ("telephoned Bush to express his condolences", "visited Kyiv to pledge support").
SUBJECT_PURPOSE_VERBS = {"telephone", "phone", "ring", "visit", "meet", "receive", "host", "summon", "write"}


def befell(deed: Token) -> bool:
    """Whether a deed is told as the outcome of a mishap: "the plane crashed, killing all aboard"."""
    if deed.dep_ not in ("advcl", "conj") or deed.tag_ != "VBG" or children(deed, "nsubj"):
        return False
    mishaps = coreference_words()["accident_verbs"]
    # the parser may hang the participle on the main clause ("laid flowers at the site where a
    # plane crashed in fog, killing ..."): the verb just before it tells as surely
    # (read back token by token to the sentence's start: `token.sent` rescans the document)
    before = None
    for t in reversed(deed.doc[max(0, deed.i - 8):deed.i]):
        if t.pos_ == "VERB":
            before = t
            break
        if t.is_sent_start:
            break
    return any(v is not None and v.lemma_.lower() in mishaps for v in (deed.head, before))


def preposition_after(noun: Token, word: str) -> Token | None:
    """The preposition `word` just after a noun's phrase, wherever the parser hung it: "massed troops
    on its border with Kuwait" and "broke up a rally by thousands of Georgians" may hang "with" and
    "by" on the verb."""
    i = noun.right_edge.i + 1
    if i < len(noun.doc) and noun.doc[i].lower_ == word and noun.doc[i].dep_ == "prep":
        return noun.doc[i]
    return None


def verb_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of a verb, climbing to the governing clause when it has none of its own."""
    if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod")):
        # "was shelled by Russian artillery", "a decision condemned by Israel"
        agents = [p for _, p in prep_objects(verb, ("by",))]
        if agents:
            return agents[:1]
        if verb.dep_ == "relcl" and is_passive(verb):
            return []    # "citizens, two of whom have been detained": the noun is who suffered it
    subj = children(verb, "nsubj")
    if (len(subj) > 1 and subj[0].right_edge.i + 1 == subj[1].left_edge.i and subj[0].pos_ == "NOUN"
            and subj[1].pos_ == "PROPN"):
        subj = subj[1:]      # "the West African bloc ECOWAS suspended Togo": a name the parser split off
    elif len(subj) > 1 and subj[-1].pos_ == "PRON" and subj[-1].i < verb.i:
        # "... that Khartoum and the militias it armed bore responsibility, and he called for an
        # inquiry": a pronoun the parser gave a verb beside another subject is the verb's own
        subj = subj[-1:]
    if subj:
        if verb.dep_ == "relcl" and subj[0].lower_ in RELATIVE_PRONOUNS:
            return [_relative_antecedent(verb, subj[0])]     # "officials, who blamed Kyiv": the officials
        return subj[:1]
    if not is_passive(verb):
        # "Nauru switched recognition to China": a name the parser hung as an adverb before the verb
        named = [c for c in kids(verb) if c.dep_ in ("advmod", "npadvmod") and c.pos_ == "PROPN" and c.i < verb.i]
        if named:
            return named[:1]
    if verb.tag_ in ("VBD", "VBZ"):
        # "ECOWAS suspended Togo, recalled its envoys and imposed an embargo": the parser made the
        # first of a list of told verbs a clause of the second, which has no subject of its own
        first = next((c for c in kids(verb) if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in ("VBD", "VBZ")
                      and not any(m.dep_ == "mark" for m in kids(c)) and children(c, "nsubj")), None)
        if first is not None:
            return verb_subjects(first, depth + 1)
    if depth > 4 or verb.head.i == verb.i:
        return []
    head, dep = verb.head, verb.dep_
    if dep == "xcomp":
        # "urged Putin to withdraw": the one urged; but "telephoned Bush to express his
        # condolences" is the caller's purpose
        obj = children(head, "dobj") if head.lemma_.lower() not in SUBJECT_PURPOSE_VERBS else []
        return obj[:1] if obj else verb_subjects(head, depth + 1)
    if dep == "dep" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("VERB", "AUX"):
        # "forced the jet to land, then arrested a journalist": a second predicate the parser left unlabelled
        dep = "conj"
    told = told_clause_above(verb)
    if told is not None:
        return verb_subjects(told, depth + 1)
    if dep == "conj" and verb.i > 0:
        # "fired mortars on Monday and Israel responded": the parser joined the name to the date
        name = verb.doc[verb.i - 1]
        if name.dep_ == "conj" and name.pos_ == "PROPN" and name.head.ent_type_ in ("DATE", "TIME"):
            return [name]
        if verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("cc", "punct") and head.i < c.i < verb.i
                                                          for c in kids(head)):
            # "suspended aid after soldiers loyal to Bouterse shot dead 15 critics": no "and" joins
            # the verb to the main clause; the parser made the adjective the clause before it, whose
            # subject is the verb's
            clause = next((c for c in kids(head) if c.dep_ == "advcl" and c.i < verb.i
                           and c.right_edge.i == verb.i - 1 and children(c, "nsubj")), None)
            if clause is not None:
                return children(clause, "nsubj")[:1]
    if dep in ("conj", "advcl", "pcomp", "ccomp", "acomp") and head.pos_ in ("VERB", "AUX"):
        # "it was ready to restore ties": the subject of the copula
        if dep == "ccomp":
            return []
        if dep == "advcl" and _remark_on_report(verb):
            return verb_subjects(head.head, depth + 1)
        taken = subject_taken_by_preposition(verb)
        if taken is not None:
            return [taken]
        return verb_subjects(head, depth + 1)
    if dep == "advcl" and head.pos_ == "ADJ" and head.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "militiamen loyal to Aidid shot down two helicopters": the parser made the adjective the
        # main clause; its subject is the verb's
        return children(head, "nsubj")[:1]
    if dep == "pcomp" or (dep == "pobj" and head.dep_ == "prep"):
        gov = head.head
        if gov.pos_ in ("VERB", "AUX"):
            obj = children(gov, "dobj")
            if depth == 0 and dep == "pcomp" and verb.tag_ == "VBG" and head.lower_ in ("for", "of") and obj:
                # "condemned Saudi Arabia for executing 81 men", "accused Kyiv of shelling": the one
                # condemned or accused did it
                return obj[:1]
            return verb_subjects(gov, depth + 1)
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if dep in ("acl", "conj") and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and (
            dep == "acl" or head.dep_ in ("nsubj", "nsubjpass")):
        # "Bush and Gorbachev, meeting in Helsinki, ...": a participle the parser took for one more
        # conjunct of the subject is what the subject did
        return [head]
    return []


def told_clause_above(verb: Token) -> Token | None:
    """"gave the junta a week to reinstate Bazoum or face action and imposed sanctions": a told
    verb the parser joined to a bare infinitive belongs with the nearest told verb above it."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or verb.head.tag_ != "VB":
        return None
    return next((a for a in verb.head.ancestors if a.tag_ in ("VBD", "VBZ", "VBP")), None)


TIME_PREPS = ("after", "before", "since", "until")


def subject_taken_by_preposition(verb: Token) -> Token | None:
    """"sent condolences after a powerful earthquake killed thousands", "accused Moscow of
    targeting the grid, after a Russian barrage knocked out power": a clause the parser read as
    "after" + noun, then a verb of its own; the noun is the clause's subject (and the clause tells
    a fact, not what the main clause accuses, demands or plans)."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return next((t for t in [before, *before.ancestors] if t.dep_ == "pobj" and t.right_edge.i == verb.i - 1
                 and t.head.lower_ in TIME_PREPS), None)


def _remark_on_report(verb: Token) -> bool:
    """", calling the seizure piracy" hung on the clause a subject reports: the reporter's remark;
    and any such participle hung on what a subject demands ("demanded that Tokyo halt the
    discharge, announcing a ban on its seafood"): the demander's act, as what is only asked for
    has none."""
    # imported here: modality reads this module's verb_subjects
    from redline.events.modality import cues

    head = verb.head
    if not (verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and head.dep_ in ("ccomp", "xcomp") and head.head.pos_ in ("VERB", "AUX")):
        return False
    governor = head.head.lemma_.lower()
    return governor in cues()["directive"] or (
        head.dep_ == "ccomp" and verb.lemma_.lower() in cues()["remark_participles"]
        and governor in cues()["speech"] | cues()["remark_participles"])


CLAUSE_DEPS = {"advcl", "ccomp", "conj", "parataxis", "relcl", "acl", "xcomp", "csubj"}


def own_clause(verb: Token) -> list[Token]:
    """The words of a verb's own clause: its subtree without the clauses that hang on it."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids(t) if c.dep_ not in CLAUSE_DEPS)
    return out


def verb_objects(verb: Token) -> list[Token]:
    """The verb's objects (a new list: callers extend it). Worked out once per verb and document:
    every pattern tried on a verb, and each step of finding its target, asks again."""
    memo = doc_memo(verb.doc)
    got = memo.get(("objects", verb.i))
    if got is None:
        got = memo[("objects", verb.i)] = tuple(_verb_objects(verb))
    return list(got)


def _verb_objects(verb: Token) -> list[Token]:
    objs = children(verb, "dobj", "attr", "oprd")
    if len(objs) > 1:
        # "recognised the independence of Abkhazia, a move condemned by the US": a second object
        # after a comma sums the act up; it is not acted on
        objs = objs[:1] + [o for o in objs[1:] if o.left_edge.i == 0 or o.doc[o.left_edge.i - 1].text != ","]
    if not objs and is_passive(verb):
        objs = children(verb, "nsubjpass")
        if verb.dep_ == "relcl" and any(o.lower_ in RELATIVE_PRONOUNS or any(
                p.lower_ in ("whom", "which") for _, p in prep_objects(o, ("of",))) for o in objs):
            objs = [verb.head]    # "citizens, two of whom have been detained": the citizens
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs = [verb.head]
    if verb.dep_ == "relcl" and not is_passive(verb) and _object_gap(verb, objs):
        # "a charge (that) Baku rejected": the noun the clause hangs on is what its subject rejected
        objs = [verb.head]
    if not objs:
        # "allowed inspectors to return", parsed with the object as the complement's subject
        objs = [s for c in kids(verb) if c.dep_ in ("ccomp", "xcomp") and infinitive(c)
                for s in kids(c) if s.dep_ == "nsubj"]
    return objs


def _relative_antecedent(verb: Token, pronoun: Token) -> Token:
    """What a relative clause's "which" or "who" stands for: the noun it hangs on, or the name just
    before the comma when the parser hung it on an earlier noun ("condemnation from France and
    Germany, which urged Ankara to halt": France and Germany)."""
    noun = verb.head
    before = pronoun.i - 1
    if pronoun.lower_ in ("which", "who") and before > 0 and pronoun.doc[before].text == ",":
        name = pronoun.doc[before - 1]
        if name.pos_ == "PROPN" and noun.pos_ == "NOUN" and noun.i < name.i and any(
                t.i == name.i for t in noun.subtree):
            while name.dep_ in ("compound", "flat") and name.head.i > name.i:
                name = name.head
            return name
    return noun


def _object_gap(verb: Token, objs: list[Token]) -> bool:
    """Whether a relative clause with a subject of its own and no object but "that" or "which"
    answers the words it hangs on: "a charge Baku rejected", "the result, which the Kremlin
    hailed". Other nouns are no such object ("the day Russia invaded") or are told as background
    ("the constitution he had suspended")."""
    subj = children(verb, "nsubj")
    return (all(o.lower_ in RELATIVE_PRONOUNS for o in objs)
            and verb.head.lemma_.lower() in coreference_words()["answered_nouns"] and bool(subj)
            and subj[0].lower_ not in RELATIVE_PRONOUNS
            and not any(c.dep_ in ("ccomp", "xcomp") for c in kids(verb)))


# Vehicles named for what they carry: "dispatched planes loaded with tents to Pakistan".
CARRIER_NOUNS = {"plane", "aircraft", "airplane", "jet", "helicopter", "truck", "lorry", "ship", "vessel",
                 "boat", "ferry", "flight", "train", "barge", "freighter"}
LOADING_VERBS = {"load", "laden", "carry", "pack", "fill", "transport", "bear"}


def loads(vehicle: Token) -> list[Token]:
    """The words that say what a vehicle carries ("loaded", "carrying", "laden")."""
    if vehicle.lemma_.lower() not in CARRIER_NOUNS:
        return []
    return [c for c in kids(vehicle) if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in LOADING_VERBS]


def cargo(vehicle: Token) -> list[Token]:
    """What a vehicle carries: "trucks carrying food" -> food, "a ship laden with fuel" -> fuel."""
    return [o for w in loads(vehicle) for o in children(w, "dobj") + [x for _, x in prep_objects(w, ("with",))]]


# Units an amount is counted in: "30 million dollars in aid", "5,000 tonnes of wheat".
AMOUNT_NOUNS = {"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "ruble", "rouble", "riyal", "dinar",
                "shekel", "peso", "lira", "sum", "amount", "tonne", "ton"}


def is_amount(token: Token) -> bool:
    """Whether a word is an amount ("$500 million", "30 million dollars")."""
    return token.pos_ == "NUM" or token.tag_ == "CD" or (
        token.lemma_.lower() in AMOUNT_NOUNS and any(c.dep_ in ("nummod", "quantmod") for c in kids(token)))


# Spans of time a deed is counted in: "broke off three years of peace talks".
TIME_SPANS = {"year", "month", "week", "decade", "day"}


def spanned(token: Token) -> Token:
    """The deed a span of time is of ("three years of peace talks" -> talks, "a day of national
    mourning" -> mourning), else the word."""
    if token.lemma_.lower() in TIME_SPANS and any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an"))
                                                  for c in kids(token)):
        return next((o for _, o in prep_objects(token, ("of",))), token)
    return token


# Words and the least number that make a toll massive: "killed hundreds of civilians", "at least 400 people".
MASS_WORDS = {"hundreds", "thousands", "millions"}
MASS_NUMBER = 200


def _counts_at_least(people: Token, words: set[str], least: int) -> bool:
    """Whether a count of people says one of the words or a number of at least `least`."""
    for w in [people] + [c for c in kids(people) if c.dep_ in ("nummod", "quantmod")]:
        if w.lower_ in words:
            return True
        if w.dep_ == "nummod" or w.pos_ == "NUM":
            try:
                if float(w.text.replace(",", "")) >= least:
                    return True
            except ValueError:
                continue
    return False


def massive(victims: Token) -> bool:
    """Whether a count of victims is in the hundreds or more."""
    return _counts_at_least(victims, MASS_WORDS, MASS_NUMBER)


def in_thousands(people: Token) -> bool:
    """Whether a count of people runs to thousands: "tens of thousands of nationals", "5,000 refugees"."""
    return _counts_at_least(people, {"thousands", "millions"}, 1000)


# Verbs that only say an event happened: "fighting erupted between X and Y", "talks resumed
# with X": their prepositions belong to the event noun.
OCCURRENCE_VERBS = {"erupt", "break", "continue", "rage", "resume", "intensify", "escalate", "flare",
                    "begin", "start", "spread", "take", "occur", "happen", "persist", "ensue"}


def occurrence_verb(noun: Token) -> Token | None:
    """The verb that says a nominal event happened, when the noun is its subject."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRENCE_VERBS:
        return head
    return None


# Verbs whose object is a reaction to their subject: "the offensive drew criticism from France".
REACTION_VERBS = {"draw", "prompt", "spark", "trigger", "provoke", "attract", "earn", "elicit", "face",
                  "meet", "receive", "invite"}


def reaction_verb(noun: Token) -> Token | None:
    """The verb of "X drew criticism from Y", where the noun's source is Y and its target X."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in REACTION_VERBS:
        return noun.head
    return None


def of_carrier(noun: Token) -> Token:
    """The noun an event noun is counted by: "round" in "their second round of talks", "days" in
    "two days of talks"; the noun itself otherwise."""
    node = noun
    for _ in range(2):
        if node.dep_ != "pobj" or node.head.lower_ != "of" or node.head.head.pos_ != "NOUN":
            break
        node = node.head.head
    return node


def setting_verb(noun: Token) -> Token | None:
    """The verb of the clause a nominal event is the setting of: "told Clinton at talks in Geneva",
    "said after two days of talks", "declared martial law after clashes with Azerbaijan erupted"."""
    node = of_carrier(noun)
    if (node.dep_ == "pobj" and node.head.lower_ in SETTING_PREPS and node.head.dep_ == "prep"
            and node.head.head.pos_ in ("VERB", "AUX")):
        return node.head.head
    happened = occurrence_verb(node)
    if (happened is not None and happened.dep_ == "advcl" and happened.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_PREPS | {"as", "when"} for c in kids(happened))):
        return happened.head
    return None


def in_setting(noun: Token) -> bool:
    return setting_verb(noun) is not None


def clause_verb(noun: Token) -> Token | None:
    """The verb whose object or prepositional phrase a noun is, within one clause."""
    node = noun
    for _ in range(6):
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "attr") or node.head.i == node.i:
            return None
        node = node.head
        # "to end six weeks of fighting under a deal": a gerund named as a thing is no clause of its own
        if node.pos_ in ("VERB", "AUX") and not (node.tag_ == "VBG" and node.dep_ in ("pobj", "dobj")):
            return node
    return None


# Nouns through which one owns a deed: "claimed responsibility for", "took credit for".
CLAIM_NOUNS = {"responsibility", "credit"}
# Verbs of going somewhere, whose "for talks" are the traveller's.
TRAVEL_VERBS = {"visit", "fly", "travel", "arrive", "go", "come", "head", "land", "return", "stop", "jet"}
# Prepositions that set a nominal event around its clause's subject ("on a visit to", "after talks with").
SETTING_PREPS = ("in", "on", "during", "after", "at")


def noun_sources(noun: Token, actor_tokens) -> list[Token]:
    """Who a nominal event belongs to: possessor, actor modifiers, a "by" phrase, or the
    subject of a light verb ("Russia launched an offensive")."""
    poss = children(noun, "poss")
    if poss and poss[0].pos_ == "PRON":
        # "Mali and Niger announced their withdrawal", "met in Beijing for their first talks":
        # the subjects of the clause the noun is in
        verb = clause_verb(noun)
        subjects = verb_subjects(verb) if verb is not None else []
        if subjects:
            return subjects
    if poss:
        return poss[:1]
    # "Russian troops' advance": a modifier that names an owner; "military assistance" does not
    mods = [m for m in actor_modifiers(noun, actor_tokens)
            if any(a.country or a.igo or a.name for a in actor_tokens(m))]
    if mods:
        return mods[:1]
    agents = [p for _, p in prep_objects(noun, ("by",))]
    if agents:
        return agents[:1]
    # "claimed responsibility for drone attacks", "said it was behind Tuesday's attack": the claimant
    if noun.dep_ == "pobj" and not poss:
        prep, gov = noun.head, noun.head.head
        if prep.lower_ == "for" and gov.lemma_.lower() in CLAIM_NOUNS and gov.head.pos_ in ("VERB", "AUX"):
            return verb_subjects(gov.head)
        if prep.lower_ == "behind" and gov.pos_ in ("VERB", "AUX"):
            return verb_subjects(gov)
    # "visited Caracas for talks with Chavez", "flew to Geneva for a summit": the traveller's
    if (noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ in ("VERB", "AUX")
            and noun.head.head.lemma_.lower() in TRAVEL_VERBS):
        subjects = verb_subjects(noun.head.head)
        if subjects:
            return subjects
    # "fired a missile in defiance of UN resolutions", "in protest at", "said on a visit to
    # Kyiv", "said after talks with": the clause's subject (one taking part, in the setting)
    carrier = of_carrier(noun)     # "said after two days of talks"
    if carrier.dep_ == "pobj" and carrier.head.lower_ in SETTING_PREPS and carrier.head.head.pos_ in ("VERB", "AUX"):
        subjects = verb_subjects(carrier.head.head)
        if subjects:
            return subjects
    # "Russia launched an offensive", "held eight hours of talks": the light verb's subject
    node = noun
    for _ in range(3):
        if node.dep_ in ("dobj", "nsubjpass") and (node.head.lemma_.lower() in LIGHT_VERBS or (
                node.head.lemma_.lower() in CLOSING_VERBS and node.head.tag_ != "VBG")):
            return verb_subjects(node.head)
        if node.dep_ == "pobj" and node.head.head.lemma_.lower() in LIGHT_VERBS:
            return verb_subjects(node.head.head)
        if node.dep_ != "pobj" or node.head.lower_ != "of":
            break
        node = node.head.head     # through "hours of", "a round of"
    return []


def noun_modifier_targets(noun: Token, source: Token | None, actor_tokens) -> list[Token]:
    """The second actor in "US-Russia talks" or "Russian-Ukrainian negotiations"."""
    mods = actor_modifiers(noun, actor_tokens)
    return [m for m in mods if source is None or m.i != source.i][:1]


def actor_modifiers(noun: Token, actor_tokens) -> list[Token]:
    """Modifiers of a noun that name actors, in text order, one compound level deep:
    "US-China trade talks" -> [US, China]."""
    deps = ("compound", "amod", "nmod")
    mods = []
    for c in kids(noun):
        if c.dep_ in deps:
            mods.append(c)
            mods.extend(g for g in kids(c) if g.dep_ in deps + ("conj",))
    return sorted((m for m in mods if actor_tokens(m)), key=lambda t: t.i)


# Prepositions that set an event in the background of another: "during the visit", "after talks".
BACKGROUND_PREPS = {"during", "after", "before", "since", "amid", "despite", "following", "ahead",
                    "over", "at", "on", "in", "for", "until", "prior"}


def in_background(noun: Token) -> bool:
    """Whether a nominal event hangs from a preposition of time or circumstance of a clause."""
    return background_prep(noun) is not None


def background_prep(noun: Token) -> str | None:
    """The preposition of time or circumstance a nominal event hangs from ("after", "during"),
    if it does."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND_PREPS:
            after = node.right_edge.i + 1
            taken = subject_taken_by_preposition(node.doc[after]) if after < len(node.doc) else None
            if taken is not None and taken.i == node.i:
                return None     # "after a Russian barrage knocked out power": the subject of a clause told
            if node.head.head.pos_ in ("VERB", "AUX") or node.head.head.dep_ == "prep":
                return node.head.lower_
            return None
        if (node.dep_ == "pobj" and node.head.lower_ in ("of", "to") and node.head.head.lower_ in ("ahead", "prior")
                and node.head.head.head.pos_ in ("VERB", "AUX")):
            return node.head.head.lower_      # "ahead of planned protests", "prior to the talks"
        if node.dep_ not in ("conj", "compound", "pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
    return None


LOOKING_AHEAD = {"will", "would", "shall", "could", "may", "might", "should", "must", "'ll"}


def told_as_past(noun: Token) -> bool:
    """Whether a nominal event in the background is set by a clause told in the past ("said
    after talks with", "agreed at talks in"), not one that looks ahead ("would be held after a
    consultation", "pledged to boost imports during the visit")."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND_PREPS:
            prep = node.head
            verb = prep.head
            if verb.dep_ == "ccomp" and prep.i > verb.i and prep.nbor(-1).lower_ == "," and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head    # "told him that Beijing would not tolerate it, in their first talks"
            for _ in range(3):   # "agreed to exchange prisoners at talks", "was ready to accept ... after talks"
                if any(c.dep_ == "aux" and c.lower_ in LOOKING_AHEAD for c in kids(verb)):
                    return False
                if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
                        c.dep_ == "aux" and c.lemma_ == "have" for c in kids(verb))):
                    return True
                if verb.dep_ not in ("xcomp", "acomp", "advcl") or verb.head.i == verb.i:
                    return False
                verb = verb.head
            return False
        if node.dep_ not in ("conj", "compound", "pobj", "prep") or node.head.i == node.i:
            return False
        node = node.head
    return False


# Bare nouns that name why a clause's subject acted, not a deed of their own: "recalled its ambassador
# in protest at the emergency", "walked out in protest".
MOTIVE_NOUNS = {"protest"}


def motive(noun: Token, anywhere: bool = False) -> bool:
    """Whether a nominal event is only the motive of its clause: "in protest" with no determiner,
    hanging from the verb ("banned new investment in protest at the emergency"); "took part in the
    protests" and "in protests against" still name protests. With `anywhere`, also where the parser
    hangs it on a noun ("recalled its envoy from the headquarters in protest")."""
    return (noun.lower_ in MOTIVE_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "in"
            and (noun.head.head.pos_ in ("VERB", "AUX") or anywhere)
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in kids(noun)))


# Relations that set a clause of its own under another ("entered ... after its warplanes bombed",
# "rolled in and besieged"); an aim ("tried to kill") or a participle phrase is not one.
SEPARATE_CLAUSE_DEPS = CLAUSE_DEPS - {"acl", "xcomp", "csubj"}


def separate_clauses(a: Token, b: Token) -> bool:
    """Whether two words are told in clauses of their own ("entered Gori a day after its warplanes
    bombed Poti", "rolled into the compound and besieged him"), not one as the manner, the aim or
    the object of the other ("violated the truce by shelling", "tried to kill", "launched an
    invasion with a barrage")."""
    if b.is_ancestor(a):
        a, b = b, a
    return not a.is_ancestor(b) or crosses(b, a, SEPARATE_CLAUSE_DEPS)
