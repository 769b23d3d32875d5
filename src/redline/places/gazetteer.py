"""The offline gazetteer: every place redline can name, found by any of its names.

Four layers, loaded once per process (about 0.3 s):

- countries: GeoNames' country table (ISO codes, FIPS, GeoNames id) shipped by the `pycities`
  package, with the names of redline's own actor knowledge (`data/actors/countries.yaml`) and a
  centre point each (`data/country_points.tsv`);
- first-level regions (oblasts, provinces, states): GeoNames' admin1 table from `pycities`, with
  the extra names news uses and a centre point (`data/region_points.tsv`); a region without one
  takes its capital's point, or the population-weighted centre of its cities;
- cities of 15,000 people or more with their alternate names (GeoNames' cities15000 extract in
  `pycities`);
- curated regions, seas, straits and contested areas that generic gazetteers lack
  (`data/places.yaml`).

`lookup` gives every place a name may mean; choosing among them is `places.resolve`'s job.
Each place also gets a `prominence`: how likely a bare mention of its name in international
news means it (countries above regions above cities, cities by population and by how many
languages name them).
"""
from __future__ import annotations

import csv
import math
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from redline.data import data_path, load_yaml
from redline.errors import RedlineError
from redline.records import Place

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-. ]{2,40}$")
# Prominence of a bare name by kind of place; a city's comes from its population and fame.
COUNTRY_PROMINENCE = 10.0
CURATED_PROMINENCE = 9.0
REGION_PROMINENCE = 7.0
CAPITAL_BONUS = {"PPLC": 1.0, "PPLA": 0.5, "PPLG": 0.5}
# cities this large (and capitals) are looked for in any text, not only where spaCy sees a place
MATCHED_CITY_POPULATION = 100_000
MATCHED_ALTERNATES_POPULATION = 1_000_000        # ... and by their other names ("Kharkov") too
# Sections of cities (neighbourhoods) and abandoned or historical places are rarely what a
# name in the news means.
MINOR_CITY_FEATURES = {"PPLX", "PPLH", "PPLQ", "PPLW"}
CURATED_FEATURES = {"region", "sea", "strait", "gulf", "bay", "ocean", "lake", "river", "peninsula", "island",
                    "islands", "mountains", "desert", "plateau", "valley", "canal", "corridor", "zone"}


@dataclass(frozen=True, slots=True)
class City:
    """A city as the actor resolver needs it: the state an event there concerns."""
    geonames_id: int
    name: str
    country: str          # ISO3 of the sovereign state (dependent territories count for theirs)
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass
class Gazetteer:
    by_name: dict[str, list[Place]] = field(default_factory=dict)     # name_key -> places
    countries: dict[str, Place] = field(default_factory=dict)         # ISO3 -> place
    regions: dict[str, Place] = field(default_factory=dict)           # admin1 key ("UA.05") -> place
    prominence: dict[str, float] = field(default_factory=dict)        # place key -> prior
    fips: dict[str, str] = field(default_factory=dict)                # ISO3 -> FIPS 10-4
    feature_code: dict[str, str] = field(default_factory=dict)        # city key -> GeoNames code
    names_to_match: set[str] = field(default_factory=set)             # names looked for in any text
    names_of: dict[str, list[str]] = field(default_factory=dict)      # place key -> its name keys

    def lookup(self, text: str) -> list[Place]:
        """Every place `text` may name, most prominent first."""
        return self.by_name.get(name_key(text), [])

    def add(self, place: Place, names, prominence: float) -> None:
        self.add_keys(place, {name_key(name) for name in names if name}, prominence)

    def add_keys(self, place: Place, keys: set[str], prominence: float) -> None:
        """`add`, with the names already made index keys (`name_key`): the cities' loader works
        the key of each alternate name out to check it, and it is too slow to work out twice."""
        if place.key in self.prominence:
            self.remove(place.key)            # a user's entry replaces the packaged one
        self.prominence[place.key] = prominence
        keys = keys - {""}
        self.names_of[place.key] = list(keys)
        by_name = self.by_name
        for key in keys:
            places = by_name.get(key)
            if places is None:
                by_name[key] = [place]
            else:
                places.append(place)

    def remove(self, place_key: str) -> None:
        for key in self.names_of.pop(place_key, []):
            self.by_name[key] = [p for p in self.by_name[key] if p.key != place_key]
        del self.prominence[place_key]

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether `inner` lies in `outer` (a country or a first-level region)."""
        if outer.key == inner.key:
            return False
        if outer.feature == "country":
            return inner.country == outer.country and inner.feature != "country"
        if outer.feature == "admin1":
            return inner.admin1 == outer.admin1 is not None
        return False


def name_key(text: str) -> str:
    """A name as the index knows it: no accents, lower case, straight apostrophes, no leading 'the'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.lower().replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


def _pycities_db() -> Path:
    import pycities.config

    return Path(pycities.config.DEFAULT_DATA_SOURCE)


def _points(name: str, key_column: str) -> dict[str, tuple[float, float, list[str]]]:
    out = {}
    with open(data_path(name), encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            out[row[key_column]] = (float(row["lat"]), float(row["lon"]), aliases)
    return out


def _country_names(countries: list[dict]) -> dict[str, list[str]]:
    """ISO3 -> the names redline's actor knowledge (`countries`, data/countries.yaml) gives the
    state (short name first)."""
    return {entry["iso3"]: [n for n in [entry.get("name"), *(entry.get("names") or [])] if n]
            for entry in countries if entry.get("iso3")}


def _institution_names(countries: list[dict]) -> set[str]:
    """Name keys of the seats and institutions the actor knowledge (`countries`) knows ("White
    House", "Kremlin", "Kiev"): they name governments, never a city other than a capital that has
    them as an alternate name (Casablanca is "White House" in translation)."""
    return {name_key(m) for entry in countries for m in (entry.get("metonyms") or {})}


@lru_cache(maxsize=4)
def load(place_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer, with the curated places of `place_files` (format of `data/places.yaml`)
    added to the packaged ones; loaded once per process and set of files."""
    gaz = Gazetteer()
    countries = load_yaml(data_path("countries.yaml")) or []    # read once: it is long
    con = sqlite3.connect(f"file:{_pycities_db()}?mode=ro&immutable=1", uri=True)
    try:
        iso3 = _load_countries(gaz, con, countries)
        cities = con.execute(
            "SELECT geonames_id, name, ascii_name, name_en, alternate_names, latitude, longitude, feature_code, "
            "country_code, admin1_code, population FROM city").fetchall()
        regions = con.execute("SELECT key, name, name_en, geonames_id, country_id "
                              "FROM administrative_unit").fetchall()
        iso2 = {cid: iso for cid, iso in con.execute("SELECT geonames_id, iso FROM country")}
    finally:
        con.close()
    _load_regions(gaz, regions, cities, iso2, iso3)
    _load_cities(gaz, cities, iso3, _institution_names(countries))
    for path in (data_path("places.yaml"), *place_files):
        _load_curated(gaz, path)
    for places in gaz.by_name.values():
        if len(places) > 1:
            places.sort(key=lambda p: -gaz.prominence[p.key])
    return gaz


def _load_countries(gaz: Gazetteer, con, countries: list[dict]) -> dict[str, str]:
    """Loads the countries; returns ISO2 -> ISO3 for the tables that use ISO2."""
    points = _points("country_points.tsv", "iso3")
    names = _country_names(countries)
    iso3: dict[str, str] = {}
    for iso, code, fips, name, name_en, geonames_id in con.execute(
            "SELECT iso, iso3, fips, name, name_en, geonames_id FROM country"):
        lat, lon, _ = points.get(code, (None, None, []))
        place = Place(name=name_en or name, feature="country", country=code, region=None, lat=lat, lon=lon,
                      geonames_id=geonames_id, key=f"country:{code}")
        gaz.countries[code] = place
        iso3[iso] = code
        if fips:
            gaz.fips[code] = fips
        gaz.add(place, {name, name_en, *names.get(code, [])}, COUNTRY_PROMINENCE)
        gaz.names_to_match.update(n for n in {name, name_en, *names.get(code, [])} if n)
    for code, known in names.items():          # states GeoNames lacks (Kosovo under another code)
        if code not in gaz.countries and code in points:
            lat, lon, _ = points[code]
            place = Place(name=known[0], feature="country", country=code, region=None, lat=lat, lon=lon,
                          key=f"country:{code}")
            gaz.countries[code] = place
            gaz.add(place, known, COUNTRY_PROMINENCE)
            gaz.names_to_match.update(known)
    return iso3


def _load_regions(gaz: Gazetteer, regions, cities, iso2, iso3) -> None:
    points = _points("region_points.tsv", "key")
    capitals: dict[str, tuple[float, float]] = {}
    weighted: dict[str, list[float]] = {}
    for _gid, _n, _a, _e, _alt, lat, lon, fcode, cc, a1, pop in cities:
        key = f"{cc}.{a1}"
        if key in points:
            continue     # a region with a point of its own needs no other
        if fcode in ("PPLA", "PPLC") and key not in capitals:
            capitals[key] = (lat, lon)
        w = weighted.setdefault(key, [0.0, 0.0, 0.0])
        w[0] += (pop or 1) * lat
        w[1] += (pop or 1) * lon
        w[2] += pop or 1
    for key, name, name_en, geonames_id, country_id in regions:
        country = iso3.get(iso2.get(country_id))
        if key in points:
            lat, lon, aliases = points[key]
        elif key in capitals:
            (lat, lon), aliases = capitals[key], []
        elif key in weighted:
            w = weighted[key]
            lat, lon, aliases = round(w[0] / w[2], 2), round(w[1] / w[2], 2), []
        else:
            lat = lon = None
            aliases = []
        place = Place(name=name_en or name, feature="admin1", country=country, region=name, lat=lat, lon=lon,
                      geonames_id=geonames_id, key=f"gn:{geonames_id}", admin1=key)
        gaz.regions[key] = place
        gaz.add(place, {name, name_en, *aliases}, REGION_PROMINENCE)
        gaz.names_to_match.update(aliases)


def _load_cities(gaz: Gazetteer, cities, iso3, institutions: set[str]) -> None:
    for gid, name, ascii_name, name_en, alternates, lat, lon, fcode, cc, a1, pop in cities:
        region_key = f"{cc}.{a1}"
        region = gaz.regions.get(region_key)
        # a capital keeps the names its government is called by ("Kiev"); no other city takes them
        # (most alternates are in other scripts: `isascii` says so faster than the pattern)
        latin = [(a, name_key(a)) for a in (alternates or "").split(",") if a.isascii() and LATIN_NAME.match(a)]
        latin = [(a, key) for a, key in latin if fcode == "PPLC" or key not in institutions]
        alternates = [a for a, _ in latin]
        place = Place(name=name_en or name, feature="city", country=iso3.get(cc),
                      region=region.region if region else None, lat=lat, lon=lon, geonames_id=gid,
                      population=pop or 0, key=f"gn:{gid}", admin1=region_key if region else None)
        fame = math.log10(max(pop or 0, 1000)) + 0.5 * math.log2(1 + len(alternates))
        if fcode in MINOR_CITY_FEATURES:
            fame -= 3
        gaz.feature_code[place.key] = fcode
        keys = {name_key(n) for n in {name, ascii_name, name_en} if n}
        keys.update(key for _, key in latin)
        gaz.add_keys(place, keys, fame + CAPITAL_BONUS.get(fcode, 0.0))
        if (pop or 0) >= MATCHED_CITY_POPULATION or fcode == "PPLC":
            gaz.names_to_match.update(n for n in (name, name_en) if n)
        if (pop or 0) >= MATCHED_ALTERNATES_POPULATION or fcode == "PPLC":
            gaz.names_to_match.update(alternates)


def _load_curated(gaz: Gazetteer, path) -> None:
    entries = load_yaml(path) or []
    if not isinstance(entries, list):
        raise RedlineError("E301", path=str(path), detail="expected a list of places")
    region_keys = {(r.country, r.region): key for key, r in gaz.regions.items()}
    for index, entry in enumerate(entries, 1):
        problem = _check_entry(entry)
        if problem:
            raise RedlineError("E302", path=str(path), index=index, detail=problem)
        region_key = region_keys.get((entry.get("country"), entry.get("region")))
        place = Place(name=entry["name"], feature=entry["feature"], country=entry.get("country"),
                      region=entry.get("region"), lat=entry.get("lat"), lon=entry.get("lon"),
                      geonames_id=entry.get("geonames_id"),
                      contested=bool(entry.get("contested")), key=f"curated:{name_key(entry['name'])}",
                      admin1=region_key)
        names = [entry["name"], *(entry.get("aliases") or [])]
        gaz.add(place, names, CURATED_PROMINENCE)
        gaz.names_to_match.update(names)


def _check_entry(entry) -> str | None:
    """What is wrong with a curated place entry, or None."""
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        return "a place needs a 'name'"
    if entry.get("feature") not in CURATED_FEATURES:
        return f"{entry['name']}: 'feature' must be one of {', '.join(sorted(CURATED_FEATURES))}"
    for axis, limit in (("lat", 90), ("lon", 180)):
        value = entry.get(axis)
        if value is not None and (not isinstance(value, (int, float)) or abs(value) > limit):
            return f"{entry['name']}: '{axis}' must be a number between -{limit} and {limit}"
    if not isinstance(entry.get("aliases") or [], list):
        return f"{entry['name']}: 'aliases' must be a list"
    return None


# -- the actor resolver's view: a city name -> the state it concerns ------------------------------------

@lru_cache(maxsize=1)
def cities_by_name() -> dict[str, City]:
    """Lowercased name or alternate name -> the most prominent city of that name, its country
    counted for the sovereign state (`data/territories.yaml`)."""
    gaz = load()
    sovereign = sovereign_states()
    primary: dict[str, City] = {}
    alternate: dict[str, City] = {}
    for key, places in gaz.by_name.items():
        for place in places:
            if place.feature != "city" or place.country is None:
                continue
            city = _as_city(place, sovereign)
            index = primary if name_key(place.name) == key else alternate
            old = index.get(key)
            if old is None or old.population < city.population:
                index[key] = city
    # A city's own name beats another city's alternate name ("Victoria" is not Hong Kong).
    return {**alternate, **primary}


def lookup(name: str, prefer: frozenset[str] = frozenset()) -> City | None:
    """The city a name concerns: the most prominent one of that name, or, when some lie in the
    states of `prefer` (those the text names), the most prominent of those ("the Black Sea port
    of Poti" in a story about Georgia is not Poti in Brazil)."""
    key = name_key(name)
    city = cities_by_name().get(key)
    if city is None or not prefer or city.country in prefer:
        return city
    return _cities_in(key, prefer) or city


def _cities_in(key: str, states: frozenset[str]) -> City | None:
    best = None
    for place in load().by_name.get(key, []):
        if (place.feature == "city" and sovereign_of(place.country) in states
                and (best is None or place.population > best.population)):
            best = place
    return _as_city(best, sovereign_states()) if best is not None else None


def _as_city(place: Place, sovereign: dict[str, str]) -> City:
    """A gazetteer city as the resolver sees it, its country counted for the sovereign state."""
    return City(place.geonames_id, place.name, sovereign.get(place.country, place.country), place.admin1 or "",
                place.lat, place.lon, place.population)


@lru_cache(maxsize=1)
def sovereign_states() -> dict[str, str]:
    """Dependent territory ISO3 -> the state it is counted for (Hong Kong -> CHN)."""
    return load_yaml(data_path("territories.yaml")) or {}


def sovereign_of(country: str | None) -> str | None:
    """The state a country code is counted for: itself, or the sovereign of a dependent territory."""
    return sovereign_states().get(country, country)
