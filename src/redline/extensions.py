"""The attributes redline adds to spaCy's `Doc`, registered once."""
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

for _name in ("redline_date", "redline_actors", "redline_events", "redline_quotes", "redline_places",
              "redline_dateline"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """The doc's text, built once per doc: `Doc.text` joins every token again on each access,
    which costs more than the quotes or places stage's own work on a short article."""
    text = doc.user_data.get("redline_text")
    if text is None:
        text = doc.user_data["redline_text"] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """`doc`, knowing that `text` is what it was made from (spaCy's docs keep every character)."""
    doc.user_data["redline_text"] = text
    return doc


_kids_of: dict[int, tuple[Token, ...]] = {}
_kids_doc: list = [None]


def kids(token: Token) -> tuple[Token, ...]:
    """A token's children, read once per document: spaCy builds new Token objects on each
    `token.children`, and the stages ask about the same words many times."""
    doc = token.doc
    if _kids_doc[0] is not doc:
        _kids_doc[0] = doc
        _kids_of.clear()
    got = _kids_of.get(token.i)
    if got is None:
        got = _kids_of[token.i] = tuple(token.children)
    return got


_memo: dict = {}
_memo_doc: list = [None]


def doc_memo(doc: Doc) -> dict:
    """Answers about one document's parse, kept until another document is asked about (as
    `kids` keeps children): the event coder asks the same questions of the same words for
    pattern after pattern. Keys name the question (with the index of the token asked about);
    callers keep their answers immutable, or hand out copies."""
    if _memo_doc[0] is not doc:
        _memo_doc[0] = doc
        _memo.clear()
    return _memo


def crosses(node: Token, top: Token, deps: set[str]) -> bool:
    """Whether the climb from `node` up to its ancestor `top` passes a word attached by one of
    `deps` (a clause of its own between the two)."""
    while node.i != top.i:
        if node.dep_ in deps:
            return True
        node = node.head
    return False


def conjuncts(token: Token) -> tuple[Token, ...]:
    """`token.conjuncts`, read once per document: spaCy climbs to the first conjunct and walks
    the coordination again on each access, and the stages ask it of every object they try."""
    memo = doc_memo(token.doc)
    got = memo.get(("conjuncts", token.i))
    if got is None:
        got = memo[("conjuncts", token.i)] = token.conjuncts
    return got


def ents_of(doc: Doc) -> tuple:
    """`doc.ents`, read once per document: spaCy builds the entity spans anew on each access,
    and the actor, place and quote stages each read them."""
    memo = doc_memo(doc)
    got = memo.get("ents")
    if got is None:
        got = memo["ents"] = doc.ents
    return got


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (`end` > `start`), cut from the doc's text: the span would build a
    Token for each of its words and join them again, and the place finder asks this of every
    stretch of up to six words after each capitalised word."""
    memo = doc_memo(doc)
    bounds = memo.get("token_bounds")
    if bounds is None:    # where each word begins and ends, read for the whole doc at once
        bounds = memo["token_bounds"] = [(idx, idx + length) for idx, length in doc.to_array([IDX, LENGTH]).tolist()]
    return text_of(doc)[bounds[start][0]:bounds[end - 1][1]]
