"""The CAMEO table: every code with its root, Goldstein value, QuadClass and PLOVER type."""
from redline.events.codebook import codebook, lookup

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_every_root_and_about_three_hundred_codes():
    table = codebook()
    assert len(table) >= 290
    assert {c.root for c in table.values()} == {f"{i:02d}" for i in range(1, 21)}


def test_known_values():
    assert lookup("1312").goldstein == -5.8 and lookup("1312").quad_class == 3
    assert lookup("190").quad_class == 4 and lookup("190").plover == "ASSAULT"
    assert lookup("036").plover == "AGREE" and lookup("036").quad_class == 1
    assert lookup("154").plover == "MOBILIZE" and lookup("154").plover_mode == "troops"
    assert lookup("057").label == "Sign formal agreement"


def test_quad_class_follows_gdelt_convention():
    for c in codebook().values():
        r = int(c.root)
        assert c.quad_class == (1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4), c.code


def test_plover_types_are_plover_2_names():
    for c in codebook().values():
        if c.root in ("01", "02"):
            assert c.plover is None
        else:
            assert c.plover in PLOVER_TYPES, c.code
