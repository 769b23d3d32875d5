"""The model's attribute ruler, compiled to a table: the same tags, parts of speech, morphology
and lemmas, in a tenth of the time.

spaCy's attribute ruler runs a Matcher over every token to apply a few hundred rules ("a word
tagged PRP whose lower form is 'them' is a PRON with Case=Acc ..."); in en_core_web_sm that is
about a tenth of the whole parse, spent evaluating the same predicates again on every token.
What a one-word rule does to a token depends only on the few attributes its patterns test, so
the compiled ruler evaluates the rules once per distinct combination of those attributes and
reuses the outcome; the few rules of several words are matched on the doc. Everything is then
applied with spaCy's own setter, in the stock ruler's order (later rules win).

Only rules made of plain conditions (a value, IN, NOT_IN, REGEX) on the attributes in
`READABLE` are compiled; a pipeline whose ruler has anything else keeps its stock ruler.
"""
from __future__ import annotations

import re

from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

STOCK = "attribute_ruler"
COMPILED = "redline_attributes"
# attributes a rule may test, read from the doc's array: strings (as hashes) and flags
READABLE = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT",
            "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "LIKE_NUM")
OPERATORS = {"IN", "NOT_IN", "REGEX"}
# outcomes kept before the cache starts afresh (a combination is a few hundred bytes; a long run
# meets new words for ever)
CACHE_LIMIT = 200_000


class TokenTest:
    """One token of a rule's pattern, as a test on a token's decoded row of attribute values
    (strings or flags). A class, not a closure, so that the pipeline can be pickled."""
    __slots__ = ("checks",)

    def __init__(self, checks: list[tuple[int, object]]):
        self.checks = checks     # (column, a value or {"IN": [...], "NOT_IN": [...], "REGEX": ...})

    def __call__(self, values: tuple) -> bool:
        for column, want in self.checks:
            value = values[column]
            if not isinstance(want, dict):
                if value != want:
                    return False
                continue
            if "IN" in want and value not in want["IN"]:
                return False
            if "NOT_IN" in want and value in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], value):
                return False
        return True


class CompiledRuler:
    """Applies the rules of a stock `AttributeRuler` with the outcome of its one-word rules
    cached per combination of the attributes they read."""

    def __init__(self, ruler, strings):
        self.ruler = ruler
        self.strings = strings
        rules = [ruler.matcher.get(str(i))[1] for i in range(len(ruler.attrs))]
        self.attrs = sorted({key for rule in rules for alt in rule for spec in alt for key in spec})
        self.columns = [IDS[name] for name in self.attrs]
        self.flags = [name.startswith(("IS_", "LIKE_")) for name in self.attrs]
        # one-word rules: (rule number, a column every alternative wants equal to one of some
        # values or None, its tests); rules of several words: (rule number, its alternatives as
        # tuples of test numbers, the token it sets)
        self.tests: list[TokenTest] = []
        self.single: list[tuple[int, tuple[int, set] | None, list[TokenTest]]] = []
        self.multi: list[tuple[int, list[tuple[int, ...]], int]] = []
        for number, rule in enumerate(rules):
            index = ruler.indices[number]
            if all(len(alt) == 1 for alt in rule) and index in (0, -1):
                self.single.append((number, self._guard([alt[0] for alt in rule]),
                                    [self._test(alt[0]) for alt in rule]))
                continue
            alternatives = []
            for alt in rule:
                alternatives.append(tuple(range(len(self.tests), len(self.tests) + len(alt))))
                self.tests.extend(map(self._test, alt))
            self.multi.append((number, alternatives, index))
        # a combination of attribute values -> (what the one-word rules set, the one-word rules
        # that hold, the tests of longer rules that hold)
        self._outcomes: dict[tuple, tuple[dict | None, tuple[int, ...], frozenset[int]]] = {}

    @staticmethod
    def compilable(ruler) -> bool:
        """Whether every rule of `ruler` is one this module reads."""
        for number in range(len(ruler.attrs)):
            rule = ruler.matcher.get(str(number))[1]
            index = ruler.indices[number]
            for alt in rule:
                if not alt or not -len(alt) <= index < len(alt):
                    return False
                for spec in alt:
                    for key, value in spec.items():
                        if key not in READABLE:
                            return False
                        if isinstance(value, dict) and not set(value) <= OPERATORS:
                            return False
        return True

    def _guard(self, specs: list[dict]) -> tuple[int, set] | None:
        """A cheap first check for a rule: a column that each of its alternatives wants equal to
        a plain value (most rules name the tag), with the values wanted."""
        for column, name in enumerate(self.attrs):
            wanted = [spec.get(name) for spec in specs]
            if all(isinstance(w, (str, bool)) for w in wanted):
                return column, set(wanted)
        return None

    def _test(self, spec: dict) -> TokenTest:
        return TokenTest([(self.attrs.index(key), want) for key, want in spec.items()])

    def _outcome(self, row: tuple) -> tuple[dict | None, tuple[int, ...], frozenset[int]]:
        """What the one-word rules set on a token with these attribute values (later rules win),
        which of them hold, and which tests of the longer rules hold."""
        values = tuple(bool(v) if flag else self.strings[v] if v else ""
                       for v, flag in zip(row, self.flags))
        holding = tuple(number for number, guard, alternatives in self.single
                        if (guard is None or values[guard[0]] in guard[1])
                        and any(test(values) for test in alternatives))
        merged: dict = {}
        for number in holding:
            merged.update(self.ruler.attrs[number])
        return merged or None, holding, frozenset(k for k, test in enumerate(self.tests) if test(values))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(self.columns).reshape(len(doc), -1).tolist()]
        outcomes = self._outcomes
        if len(outcomes) > CACHE_LIMIT:
            outcomes.clear()
        for row in set(rows) - outcomes.keys():
            outcomes[row] = self._outcome(row)
        tokens = [outcomes[row] for row in rows]
        reached = self._reached(tokens) if self.multi else {}
        for i, (attrs, holding, _) in enumerate(tokens):
            if i in reached:
                attrs = {}
                for number in sorted(set(holding) | reached[i]):
                    attrs.update(self.ruler.attrs[number])
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _reached(self, tokens: list) -> dict[int, set[int]]:
        """Token position -> the rules of several words that set it."""
        where: dict[int, list[int]] = {}
        for i, (_, _, tests) in enumerate(tokens):
            for test in tests:
                where.setdefault(test, []).append(i)
        reached: dict[int, set[int]] = {}
        for number, alternatives, index in self.multi:
            for alt in alternatives:
                for start in where.get(alt[0], ()):
                    if start + len(alt) <= len(tokens) and all(
                            test in tokens[start + k][2] for k, test in enumerate(alt[1:], 1)):
                        token = start + index if index >= 0 else start + len(alt) + index
                        reached.setdefault(token, set()).add(number)
        return reached


@Language.factory(COMPILED)
def make_compiled_ruler(nlp: Language, name: str):
    """Stands in for the pipeline's stock attribute ruler (which the loader then disables)."""
    return CompiledRuler(nlp.get_pipe(STOCK), nlp.vocab.strings)


def compile_attribute_ruler(nlp: Language) -> bool:
    """Replace `nlp`'s attribute ruler by its compiled form when it can be compiled; True if so."""
    if STOCK not in nlp.pipe_names or not CompiledRuler.compilable(nlp.get_pipe(STOCK)):
        return False
    nlp.add_pipe(COMPILED, after=STOCK)
    nlp.disable_pipe(STOCK)
    return True
