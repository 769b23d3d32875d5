"""Telling English articles from articles in other languages, which redline cannot code.

redline's patterns, dictionaries and model are English; a French or Russian article coded
anyway gives nothing, or worse, events made of names and numbers. The readers therefore skip
a document that is plainly not English, and say why.

"Plainly" is the point: a headline, a one-line wire item or an English report crowded with
Ukrainian, Arabic or Chinese names must never be lost. So no statistical model guesses here;
two measures a person can check decide:
- the script: most of the letters are not Latin (Cyrillic, Arabic, Han, ...);
- the function words (data/language.yaml): among enough words, few are English ones ("the",
  "of", "said") and many are those of another language ("le", "und", "que"). Names add no
  function words of any language, so they cannot tip the balance.
Too little text to tell is English.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from redline.data import data_path, load_yaml

SAMPLE_CHARS = 20_000       # enough to judge; a 20 MB text is not read through for this
MIN_LETTERS = 12            # fewer letters than this: too little to tell the script
LATIN_SHARE = 0.5           # English text is mostly Latin letters, whatever names it quotes
MIN_WORDS = 10              # fewer words than this: too few to judge by function words
ENGLISH_ENOUGH = 0.08       # English running text has far more English function words than this
FOREIGN_ENOUGH = 0.15       # ...and another language's running text this many of its own
FOREIGN_OVER_ENGLISH = 2    # times as many of another language's function words as English ones
MIN_WORDS_UNKNOWN = 40      # this many words with almost no English function words...
UNKNOWN_ENGLISH = 0.03      # ...is a language with no list here (Polish, Turkish, Indonesian)

_WORD = re.compile(r"[^\W\d_]+")
# Tokens that are no words of any language: web and mail addresses, paths, and anything longer
# than a word gets (a 100 KB URL would otherwise be thousands of "words" of no language).
_NOT_PROSE = re.compile(r"\S*(?:://|www\.|@|/)\S*|\S{40,}")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_LATIN_END = "\u0250"       # Basic Latin to Latin Extended-B
_LATIN_EXTENDED = ("\u1e00", "\u1eff")      # Latin Extended Additional (Vietnamese)


@lru_cache(maxsize=1)
def _knowledge() -> tuple[frozenset[str], dict[str, frozenset[str]], dict[str, str]]:
    data = load_yaml(data_path("language.yaml"))
    others = {name: frozenset(words) for name, words in data["others"].items()}
    return frozenset(data["english"]), others, dict(data.get("script_names") or {})


def not_english(text: str) -> str | None:
    """Why `text` is not English, for a message; None when it is English or too short to tell."""
    sample = text[:SAMPLE_CHARS]
    reason = _script_reason(sample)
    if reason:
        return reason
    return _word_reason(sample)


def _script(ch: str) -> str:
    if ch < _LATIN_END or _LATIN_EXTENDED[0] <= ch <= _LATIN_EXTENDED[1]:
        return "LATIN"
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def _script_reason(sample: str) -> str | None:
    # Counted by regular expressions first: every document passes here, and a loop over its
    # characters in Python cost more than the rest of reading it. Only a text that is mostly
    # not Latin is looked at letter by letter, to name its script.
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS or len(_LATIN_LETTER.findall(sample)) / letters >= LATIN_SHARE:
        return None
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    if letters < MIN_LETTERS or counts.get("LATIN", 0) / letters >= LATIN_SHARE:
        return None
    script, count = max(((s, n) for s, n in counts.items() if s != "LATIN"), key=lambda sn: sn[1])
    name = _knowledge()[2].get(script, script.title())
    return f"written in {name} script: {count / letters:.0%} of its letters"


def _word_reason(sample: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(_NOT_PROSE.sub(" ", sample))]
    if len(words) < MIN_WORDS:
        return None
    english, others, _ = _knowledge()
    share = sum(w in english for w in words) / len(words)
    if share >= ENGLISH_ENOUGH:
        return None
    language, foreign = max(((name, sum(w in listed for w in words) / len(words))
                             for name, listed in others.items()), key=lambda nf: nf[1])
    if foreign >= FOREIGN_ENOUGH and foreign >= FOREIGN_OVER_ENGLISH * share:
        return (f"looks {language}: {foreign:.0%} of its {len(words)} words are {language} function "
                f"words, {share:.0%} English ones")
    if len(words) >= MIN_WORDS_UNKNOWN and share < UNKNOWN_ENGLISH:
        return f"only {share:.0%} of its {len(words)} words are English function words"
    return None
