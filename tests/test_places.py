"""Places: the gazetteer, finding and resolving place names by the document's context, and the
location of each event. Sentences written for these tests, one or more per rule."""
from __future__ import annotations

import pytest

from redline.errors import RedlineError
from redline.places import gazetteer
from redline.records import Document


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


def run(pipeline, text: str, date: str = "2023-05-10") -> dict:
    [doc] = list(pipeline.process([Document(id="t", text=text, date=date)]))
    return doc.to_dict()


def places(out: dict) -> dict[str, dict]:
    """Each place of the output by the first text that names it."""
    return {p["mentions"][0]["text"]: p for p in out["places"]}


# -- the gazetteer ---------------------------------------------------------------------------------

def test_the_gazetteer_has_states_regions_cities_and_curated_places(gaz):
    ukraine = gaz.countries["UKR"]
    assert ukraine.feature == "country" and ukraine.lat and ukraine.lon and ukraine.geonames_id
    assert all(p.lat is not None and p.lon is not None for p in gaz.countries.values())
    [donbas] = [p for p in gaz.lookup("Donbass") if p.feature == "region"]
    assert (donbas.name, donbas.country) == ("Donbas", "UKR")
    assert [p.country for p in gaz.lookup("Sea of Azov")][:1] == [None]
    region = gaz.lookup("Donetsk region")[0]
    assert (region.feature, region.country, region.admin1) == ("admin1", "UKR", "UA.05")
    assert gaz.lookup("Kharkov")[0].name == "Kharkiv"                         # alternate names
    assert gaz.lookup("Kiev")[0].name == "Kyiv"
    assert gaz.lookup("Genève")[0].country == "CHE"                           # accents do not matter
    contested = [p for name in ("Transnistria", "Abkhazia", "Golan Heights") for p in gaz.lookup(name)[:1]]
    assert [p.contested for p in contested] == [True, True, True]
    assert gaz.fips["UKR"] == "UP" and gaz.fips["DEU"] == "GM"


def test_a_users_place_file_adds_and_replaces_curated_places(tmp_path):
    extra = tmp_path / "places.yaml"
    extra.write_text("- {name: Donbas, aliases: [Donbas coalfield], feature: region, country: UKR, lat: 48.1,"
                     " lon: 38.0}\n- {name: Zmiinyi Shelf, feature: zone, country: UKR, lat: 45.2, lon: 30.2}\n")
    gaz = gazetteer.load((str(extra),))
    assert gaz.lookup("Zmiinyi Shelf")[0].feature == "zone"
    [donbas] = [p for p in gaz.lookup("Donbas") if p.feature == "region"]
    assert donbas.lat == 48.1 and gaz.lookup("Donbas coalfield") == [donbas]
    assert gaz.lookup("Donbass") == []                                 # the packaged entry is gone
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: Nowhere, feature: galaxy, lat: 1, lon: 2}\n")
    with pytest.raises(RedlineError, match=r"bad.yaml: entry 1: Nowhere: 'feature' must be one of"):
        gazetteer.load((str(bad),))


# -- which place a name means ----------------------------------------------------------------------------

def test_geneva_is_in_switzerland_even_in_an_article_about_washington(pipeline_all):
    out = run(pipeline_all, "US and Russian diplomats met in Geneva on Monday, and officials in Washington "
                            "said the talks would continue next month.")
    assert places(out)["Geneva"]["country"] == "CHE"


def test_geneva_is_in_the_united_states_when_the_text_says_so(pipeline_all):
    qualified = run(pipeline_all, "Floods closed two bridges in Geneva, Illinois, on Tuesday, county officials said.")
    assert places(qualified)["Geneva"]["country"] == "USA"
    assert places(qualified)["Illinois"]["feature"] == "admin1"


def test_georgia_is_the_country_unless_the_text_is_about_the_us_state(pipeline_all):
    country = run(pipeline_all, "Georgia's prime minister met European Union envoys in Tbilisi on Friday.")
    assert places(country)["Georgia"]["country"] == "GEO"
    state = run(pipeline_all, "Storms flooded streets in Atlanta and Savannah on Sunday, and the governor of "
                              "Georgia declared a state of emergency.")
    georgia = places(state)["Georgia"]
    assert (georgia["country"], georgia["feature"]) == ("USA", "admin1")


def test_a_region_word_makes_the_name_a_region_and_a_bare_name_the_city(pipeline_all):
    out = run(pipeline_all, "Shelling continued in the Donetsk region overnight, while the city of Donetsk "
                            "itself was quiet.")
    found = {p["feature"]: p for p in out["places"] if p["country"] == "UKR"}
    assert found["admin1"]["mentions"][0]["text"] == "Donetsk region"
    assert found["city"]["name"] == "Donetsk"


def test_a_region_word_after_coordinated_names_makes_each_a_region(pipeline_all):
    out = run(pipeline_all, "Moscow claimed the Donetsk and Luhansk regions last year.")
    ukrainian = [p for p in out["places"] if p["country"] == "UKR"]
    assert [(p["feature"], p["mentions"][0]["text"]) for p in ukrainian] == [
        ("admin1", "Donetsk"), ("admin1", "Luhansk regions")]


def test_country_adjectives_name_places_only_before_place_nouns(pipeline_all):
    out = run(pipeline_all, "Two drones crossed into Polish airspace on Wednesday, Polish officials said.")
    [poland] = [p for p in out["places"] if p["country"] == "POL"]
    # "Polish airspace" names Poland; "Polish officials" names people
    assert [(m["text"], m["span"]) for m in poland["mentions"]] == [("Polish", [24, 30])]


def test_a_well_known_city_inside_an_organisations_name_is_a_place(pipeline_all):
    out = run(pipeline_all, "Dr Ruth Keane, a lecturer at Queen's University Belfast, said the vote was close.")
    assert places(out)["Belfast"]["country"] == "GBR"


def test_a_famous_city_beats_a_small_namesake_and_words_that_are_place_names_are_not_places(pipeline_all):
    out = run(pipeline_all, "Moscow said on Thursday that the Nord Stream pipeline would stay shut.")
    assert places(out)["Moscow"]["country"] == "RUS"
    assert "Nord" not in places(out)                           # a region of Haiti, with nothing about Haiti


def test_every_place_mention_indexes_the_text(pipeline_all):
    text = ("KYIV, March 3 - Russian forces shelled Kharkiv and the Sea of Azov coast overnight, "
            "Ukraine's military said, as talks in Istanbul stalled.")
    out = run(pipeline_all, text)
    assert {"Kyiv", "Kharkiv", "Sea of Azov", "Ukraine", "Istanbul"} <= {p["name"] for p in out["places"]}
    for p in out["places"]:
        assert p["lat"] is not None and p["lon"] is not None
        for m in p["mentions"]:
            assert text[m["span"][0]:m["span"][1]] == m["text"]


# -- where each event happened -------------------------------------------------------------------------------

def event(out: dict, trigger: str) -> dict:
    return next(e for e in out["events"] if e["trigger"]["text"] == trigger)


def test_an_event_is_located_by_a_place_its_sentence_puts_it_at(pipeline_all):
    out = run(pipeline_all, "Russian forces shelled residential districts in Kharkiv on Tuesday.")
    loc = event(out, "shelled")["location"]
    assert (loc["name"], loc["country"], loc["how"]) == ("Kharkiv", "UKR", "sentence")
    assert loc["feature"] == "city" and loc["geonames_id"] and loc["lat"]


def test_the_most_specific_place_of_the_phrase_is_the_location(pipeline_all):
    out = run(pipeline_all, "Russia deployed 90,000 troops towards the borders of the Donbas region of eastern "
                            "Ukraine.")
    loc = event(out, "deployed")["location"]
    assert (loc["name"], loc["how"]) == ("Donbas", "sentence")


def test_a_city_that_is_attacked_is_where_the_attack_happened(pipeline_all):
    out = run(pipeline_all, "Russian artillery shelled Kherson overnight, the regional governor said.")
    assert event(out, "shelled")["location"]["name"] == "Kherson"


def test_an_actors_capital_is_not_where_its_words_were_said(pipeline_all):
    out = run(pipeline_all, "Moscow warned Kyiv on Monday against joining NATO.")
    assert event(out, "warned")["location"]["how"] == "none"


def test_talks_are_where_the_text_puts_them_and_a_warning_over_a_state_is_not_in_it(pipeline_all):
    out = run(pipeline_all, "Iran and the European Union held talks in Vienna on Monday. The United States "
                            "warned Russia over Ukraine on Tuesday.")
    assert event(out, "held")["location"]["name"] == "Vienna"
    assert event(out, "warned")["location"]["how"] == "none"


def test_events_without_a_place_of_their_own_take_the_documents_focus(pipeline_all):
    out = run(pipeline_all, "Fighting flared in Idlib on Monday as government aircraft struck villages near "
                            "Idlib city. Turkey condemned Syria on Tuesday, its foreign ministry said.")
    condemned = event(out, "condemned")["location"]
    assert condemned["name"].startswith("Idlib") and (condemned["country"], condemned["how"]) == ("SYR", "document")


def test_every_event_has_a_location_object(pipeline_all):
    out = run(pipeline_all, "The United States imposed sanctions on Iran. Israeli jets struck targets in Gaza.")
    for e in out["events"]:
        assert set(e["location"]) == {"name", "span", "country", "region", "feature", "lat", "lon",
                                      "geonames_id", "how"}
        assert e["location"]["how"] in ("sentence", "document", "none")
    assert event(out, "struck")["location"]["country"] == "PSE"


# -- datelines ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, region, rest", [
    ("KYIV, March 3 (Reuters) - Russian forces shelled Kharkiv.", "KYIV", None, "Russian forces"),
    ("THE HAGUE -- The court ruled on Friday.", "THE HAGUE", None, "The court"),
    ("LETHEM, Guyana, Sept. 9, 2026 (Northwire) - Troops arrived.", "LETHEM", "Guyana", "Troops"),
    ("BRASÍLIA — Venezuela and Guyana agreed to talks.", "BRASÍLIA", None, "Venezuela"),
])
def test_a_wire_dateline_is_recognised(text, place, region, rest):
    from redline.nlp.dateline import blank_dateline, dateline

    found = dateline(text)
    assert (found.group("place"), found.group("region")) == (place, region)
    assert text[found.end():].startswith(rest)
    blanked = blank_dateline(text)
    assert len(blanked) == len(text) and blanked.lstrip() == text[found.end():]


@pytest.mark.parametrize("text", ["US - Russia talks resumed.", "Russian forces shelled Kharkiv.",
                                  "Ukraine - Russia: what we know"])
def test_a_sentence_is_not_taken_for_a_dateline(text):
    from redline.nlp.dateline import dateline

    assert dateline(text) is None


def test_the_dateline_names_where_the_story_was_filed_and_is_nobodys_subject(pipeline_all):
    out = run(pipeline_all, "GEORGETOWN - Venezuela's foreign minister met Guyana's president on Monday.")
    met = event(out, "met")
    assert (met["source"]["code"], met["target"]["code"]) == ("VENGOV", "GUYGOV")
    filed = places(out)["GEORGETOWN"]
    assert (filed["country"], filed["feature"]) == ("GUY", "city")
    assert filed["mentions"][0]["span"] == [0, 10]
