"""The attributes redline adds to spaCy's `Doc`, registered once."""
from spacy.tokens import Doc

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
