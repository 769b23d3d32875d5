"""The attributes redline adds to spaCy's `Doc`, registered once."""
from spacy.tokens import Doc

for _name in ("redline_date", "redline_actors", "redline_events", "redline_quotes", "redline_places",
              "redline_dateline"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
