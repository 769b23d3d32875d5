"""`redline dict import-petrarch`: PETRARCH/TABARI dictionaries become redline actor files."""
import yaml

from redline.actors.knowledge import load_kb
from redline.dictionaries.petrarch import convert

ACTORS = """\
# a small actor dictionary in the PETRARCH format, written for this test
ATLANTIS_ [ATL]
HARROW_MERE_ [ATLGOV]
JOHN_QUILLBY_
+PRESIDENT_QUILLBY
+J._QUILLBY
    [ATLELI 20010101-20090120]
    [ATLGOV >20090120]
"""
AGENTS = """\
COASTGUARD {COASTGUARDS} [~MIL]
MAGISTRATE [~JUD]
"""


def test_actor_dictionary(tmp_path):
    src = tmp_path / "actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    text, stats = convert(str(src))
    data = yaml.safe_load(text)["actors"]
    assert stats == "3 actors"
    assert {"names": ["Atlantis"], "code": "ATL"} in data
    person = next(e for e in data if e.get("name") == "John Quillby")
    assert person["aliases"] == ["President Quillby", "J. Quillby"]
    assert person["roles"][1]["start"] == "2009-01-20" and person["roles"][1]["sector"] == "GOV"
    out = tmp_path / "actors.yaml"
    out.write_text(text, encoding="utf-8")
    kb = load_kb((str(out),))
    assert kb.people["John Quillby"].role_at("2010-05-01")[0].sector == "GOV"


def test_agent_dictionary(tmp_path):
    src = tmp_path / "agents.txt"
    src.write_text(AGENTS, encoding="utf-8")
    text, stats = convert(str(src))
    data = yaml.safe_load(text)
    assert data["sectors"]["MIL"]["words"] == ["coastguard", "coastguards"]
    assert "2 sectors" in stats
