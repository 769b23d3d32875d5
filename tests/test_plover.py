"""PLOVER on its own terms: the mode and contexts an event's words give, beyond the mapped code."""


def first(doc, root):
    return next(e for e in doc.events if e.cameo_root == root)


def test_drone_strikes_are_drone_assaults(code):
    e = first(code("Russian forces launched drone strikes on Odesa overnight.", "2023-07-20"), "19")
    assert (e.plover, e.plover_mode) == ("ASSAULT", "drone")


def test_shelling_is_heavy_weapons(code):
    e = first(code("Azerbaijani artillery shelled Armenian positions near the border.", "2022-09-13"), "19")
    assert e.plover_mode == "heavy-weapons"
    assert {"military", "territory"} <= set(e.plover_contexts)


def test_troop_buildup_is_mobilize_troops(code):
    e = first(code("Russia massed 100,000 troops near the Ukrainian border.", "2021-12-01"), "15")
    assert (e.plover, e.plover_mode) == ("MOBILIZE", "troops")


def test_sanctions_threat_is_restrict_and_economic(code):
    e = first(code("Biden threatened Russia with sweeping economic sanctions.", "2022-01-20"), "13")
    assert (e.plover, e.plover_mode) == ("THREATEN", "restrict")
    assert "economic" in e.plover_contexts


def test_tear_gas_is_crowd_control_not_energy(code):
    e = first(code("Police in Nairobi fired tear gas at protesters.", "2024-06-25"), "17")
    assert e.plover_mode == "crowd-control"
    assert "economic" not in e.plover_contexts and "natural_resource" not in e.plover_contexts


def test_codebook_mode_stays_when_words_say_nothing_more(code):
    e = first(code("Iran released two French nationals on Friday.", "2023-05-12"), "08")
    assert (e.plover, e.plover_mode) == ("RETREAT", "release")


def test_protest_demand_picks_the_four_digit_code(code):
    got = {e.cameo for e in code("Thousands of Serbs rallied in Belgrade demanding the resignation "
                                "of the government.", "2024-12-22").events}
    assert "1411" in got
    got = {e.cameo for e in code("Farmers blocked roads across France in protest against the new "
                                "fuel tax.", "2024-01-25").events}
    assert "1442" in got
    got = {e.cameo for e in code("Students in Dhaka rioted for a return to civilian rule.", "2024-08-01").events}
    assert "1454" in got
