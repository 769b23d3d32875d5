"""The actor and event stages plug into a user's own spaCy pipeline."""
import redline.actors.component  # noqa: F401  (registers the factories)
import redline.events.component  # noqa: F401
from redline.nlp.model import load_spacy


def test_add_pipe_codes_events():
    nlp = load_spacy()
    nlp.add_pipe("redline_actors")
    nlp.add_pipe("redline_events")
    doc = nlp("Russian forces shelled the Ukrainian city of Kharkiv.")
    assert doc._.redline_actors.mentions
    ev = doc._.redline_events
    assert ev and ev[0].source.country == "RUS" and ev[0].target.country == "UKR"
    assert ev[0].cameo_root in ("19", "18")
