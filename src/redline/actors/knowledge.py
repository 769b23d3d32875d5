"""The actor knowledge base: states, organisations, people with dated roles, sector words.

Loaded once per process from the package's data files plus any user files, and turned into a
phrase index (token sequences -> references) that the resolver matches against text.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from redline.data import as_list, data_path, load_records, load_yaml
from redline.errors import RedlineError

# How a phrase must be written in the text to count: proper names need a capital letter, short
# all-capital abbreviations ("US", "EU") must match exactly so that "us" is never the US.
ANY_CASE, TITLE_CASE, EXACT_CASE = "any", "title", "exact"


@dataclass(frozen=True, slots=True)
class Ref:
    """What a phrase in the text can refer to."""
    kind: str                      # country, adjective, capital, metonym, igo, person, sector, custom
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    person: str | None = None      # key into ActorKB.people
    role_kinds: tuple[str, ...] = ()
    case: str = ANY_CASE
    phrase: str = ""
    until: str | None = None       # a historical name, valid before this date only ("Soviet")


@dataclass(slots=True)
class Role:
    country: str | None
    igo: str | None
    sector: str
    kind: str
    title: str
    start: str
    end: str | None

    def active(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date < self.end)


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str]
    roles: list[Role] = field(default_factory=list)
    theatres: list[str] = field(default_factory=list)   # a group fighting in several states: their ISO3s

    def role_at(self, date: str | None) -> tuple[Role | None, bool]:
        """The role held at `date` (or the latest one), and whether it was held at that date."""
        if not self.roles:
            return None, False
        if date:
            active = [r for r in self.roles if r.active(date)]
            if active:
                return active[0], True
            before = [r for r in self.roles if r.start <= date]
            return (max(before, key=lambda r: r.start) if before else None), False
        return max(self.roles, key=lambda r: r.start), True


def _date(value) -> str | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def _case_for(phrase: str, default: str) -> str:
    letters = phrase.replace(".", "").replace("-", "")
    if letters.isupper() and len(letters) <= 6:
        return EXACT_CASE
    if default == TITLE_CASE and phrase[:1].islower():
        return EXACT_CASE    # "bin Laden", "al-Sistani", "de Klerk": a small particle, as the name is written
    return default


class ActorKB:
    """All actor knowledge, indexed for matching. Build with `load_kb()`."""

    def __init__(self, tokenize):
        self._tokenize = tokenize
        self.countries: dict[str, dict] = {}
        self.igos: dict[str, dict] = {}
        self.igo_by_code: dict[str, str] = {}
        self.people: dict[str, Person] = {}
        self.sector_labels: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], list[Ref]] = {}
        self.role_holders: dict[tuple[str, str], list[tuple[str, str | None, str, str]]] = {}
        self.max_len = 1
        self.longest_from: dict[str, int] = {}   # first word -> longest phrase starting with it

    # -- building -------------------------------------------------------------------------
    def add_phrase(self, phrase: str, ref: Ref) -> None:
        phrase = " ".join(str(phrase).split())
        if not phrase:
            return
        key = tuple(t.lower() for t in self._tokenize(phrase))
        refs = self.phrases.setdefault(key, [])
        ref = Ref(ref.kind, ref.country, ref.igo, ref.sector, ref.person, ref.role_kinds,
                  _case_for(phrase, ref.case), phrase, ref.until)
        # A later file overrides an earlier entry of the same kind and identity.
        refs[:] = [r for r in refs if not (r.kind == ref.kind and r.person == ref.person
                                           and r.country == ref.country and r.igo == ref.igo
                                           and r.until == ref.until)]
        refs.append(ref)
        self.max_len = max(self.max_len, len(key))
        self.longest_from[key[0]] = max(self.longest_from.get(key[0], 0), len(key))

    def add_country(self, entry: dict, where: str) -> None:
        iso3 = str(entry.get("iso3") or "").upper()
        if len(iso3) != 3:
            raise RedlineError("E302", path=where, index=entry.get("name"), detail="country needs a 3-letter 'iso3'")
        self.countries[iso3] = entry
        for name in [entry.get("name")] + as_list(entry.get("names")):
            if name:
                self.add_phrase(name, Ref("country", country=iso3, case=TITLE_CASE))
        for adj in as_list(entry.get("adjectives")) + as_list(entry.get("demonyms")):
            self.add_phrase(adj, Ref("adjective", country=iso3, case=TITLE_CASE))
        for adj, until in (entry.get("historical_adjectives") or {}).items():
            self.add_phrase(adj, Ref("adjective", country=iso3, case=TITLE_CASE, until=_date(until)))
        if entry.get("capital"):
            self.add_phrase(entry["capital"], Ref("capital", country=iso3, sector="GOV", case=TITLE_CASE))
        for phrase, sector in (entry.get("metonyms") or {}).items():
            self.add_phrase(phrase, Ref("metonym", country=iso3, sector=sector or None, case=TITLE_CASE))

    def add_igo(self, entry: dict, where: str) -> None:
        igo = entry.get("id")
        if not igo or not entry.get("code"):
            raise RedlineError("E302", path=where, index=entry.get("name"), detail="organisation needs 'id' and 'code'")
        self.igos[igo] = entry
        self.igo_by_code[entry["code"]] = igo
        # a body that is part of another ("UN peacekeepers") is that organisation in that sector
        owner = entry.get("part_of") or igo
        for name in [entry.get("name"), igo] + as_list(entry.get("names")) + as_list(entry.get("adjectives")):
            if name:
                self.add_phrase(name, Ref("igo", igo=owner, sector=entry.get("sector"), case=TITLE_CASE))
        # a city that stands for the organisation when it acts ("Brussels demanded"), and stays
        # a place where something happens in it ("talks in Brussels")
        for name in as_list(entry.get("seat_metonyms")):
            self.add_phrase(name, Ref("seat", igo=owner, sector=entry.get("sector"), case=TITLE_CASE))
        # the region's leaders or forces acting together are the body: "West African leaders" (ECOWAS)
        for phrase in as_list(entry.get("regional_phrases")):
            self.add_phrase(phrase, Ref("igo", igo=owner, sector=entry.get("sector"), case=TITLE_CASE))
        for phrase in as_list(entry.get("regional_forces")):
            self.add_phrase(phrase, Ref("igo", igo=owner, sector="MIL", case=TITLE_CASE))

    def add_person(self, entry: dict, where: str, kind: str = "person") -> None:
        name = entry.get("name")
        if not name:
            raise RedlineError("E302", path=where, index="?", detail="person needs a 'name'")
        # The same person in two files keeps the roles of both.
        person = self.people.setdefault(name, Person(name, []))
        person.aliases += [a for a in as_list(entry.get("aliases")) if a not in person.aliases]
        person.theatres += [t for t in as_list(entry.get("theatres")) if t not in person.theatres]
        for r in as_list(entry.get("roles")):
            start = _date(r.get("start")) or "0001-01-01"
            role = Role(r.get("country"), r.get("igo"), r.get("sector") or "GOV", r.get("kind") or "other",
                        r.get("title") or "", start, _date(r.get("end")))
            if any((o.country, o.igo, o.kind, o.start) == (role.country, role.igo, role.kind, role.start)
                   for o in person.roles):
                continue
            person.roles.append(role)
            owner = role.country or role.igo
            if owner:
                self.role_holders.setdefault((owner, role.kind), []).append((role.start, role.end, name, role.title))
        for alias in [name] + as_list(entry.get("aliases")):
            self.add_phrase(alias, Ref(kind, person=name, case=TITLE_CASE))

    def add_group(self, entry: dict, where: str) -> None:
        """An armed group, movement or company: a name with dated country and sector codes."""
        self.add_person(entry, where, kind="group")

    def add_sectors(self, table: dict, where: str) -> None:
        for sector, spec in (table or {}).items():
            spec = spec if isinstance(spec, dict) else {"words": spec}
            self.sector_labels[sector] = spec.get("label") or sector
            for word in as_list(spec.get("words")):
                word, _, kinds = str(word).partition(":")
                self.add_phrase(word, Ref("sector", sector=sector,
                                          role_kinds=tuple(k for k in kinds.split(",") if k)))

    def add_roles(self, table: dict, where: str) -> None:
        for kind, words in (table or {}).items():
            for word in as_list(words):
                key = tuple(t.lower() for t in self._tokenize(str(word)))
                refs = self.phrases.get(key)
                sector_refs = [r for r in refs or [] if r.kind == "sector"]
                if not sector_refs:
                    self.add_phrase(str(word), Ref("sector", sector="GOV", role_kinds=(kind,)))
                    continue
                for i, r in enumerate(refs):
                    if r.kind == "sector" and kind not in r.role_kinds:
                        refs[i] = Ref(r.kind, r.country, r.igo, r.sector, r.person, r.role_kinds + (kind,), r.case, r.phrase)

    def add_custom(self, entry: dict, where: str) -> None:
        """A user's phrase -> actor entry: {names, code | country/igo/sectors, name}."""
        country, igo, sectors = self.split_code(entry.get("code") or "")
        country = entry.get("country") or country
        igo = entry.get("igo") or igo
        sectors = as_list(entry.get("sectors") or entry.get("sector")) or sectors
        names = as_list(entry.get("names") or entry.get("phrase") or entry.get("name"))
        if not names or not (country or igo or sectors):
            raise RedlineError("E302", path=where, index=entry.get("name") or "?",
                               detail="needs 'names' and a 'code' or 'country'/'igo'/'sectors'")
        if entry.get("roles") or (entry.get("name") and entry.get("person", False)):
            self.add_person(entry, where)
            return
        for phrase in names:
            self.add_phrase(phrase, Ref("custom", country=country, igo=igo,
                                        sector=sectors[0] if sectors else None, person=entry.get("name")))

    def add_file(self, path: str | Path) -> None:
        """Add a user's file: YAML with any of the packaged sections, or a flat list / CSV of entries."""
        records = load_records(path)
        where = str(path)
        if isinstance(records, dict):
            for e in as_list(records.get("countries")):
                self.add_country(e, where)
            for e in as_list(records.get("igos")):
                self.add_igo(e, where)
            for e in as_list(records.get("people")):
                self.add_person(e, where)
            for e in as_list(records.get("groups")):
                self.add_group(e, where)
            self.add_sectors(records.get("sectors"), where)
            self.add_roles(records.get("roles"), where)
            records = as_list(records.get("actors"))
        for i, e in enumerate(records or []):
            if not isinstance(e, dict):
                raise RedlineError("E302", path=where, index=i + 1, detail="entry is not a mapping")
            if "iso3" in e:
                self.add_country(e, where)
            elif "roles" in e:
                self.add_person(e, where)
            elif "id" in e and "code" in e and "country" not in e:
                self.add_igo(e, where)
            else:
                self.add_custom(e, where)

    # -- queries --------------------------------------------------------------------------
    def split_code(self, code: str) -> tuple[str | None, str | None, list[str]]:
        """`RUSGOV` -> ("RUS", None, ["GOV"]); `IGOWSTNAT` -> (None, "NATO", [])."""
        code = (code or "").upper()
        for igo_code, igo in self.igo_by_code.items():
            if code.startswith(igo_code):
                rest = code[len(igo_code):]
                return None, igo, [rest[i:i + 3] for i in range(0, len(rest), 3)]
        if code[:3] in self.countries:
            rest = code[3:]
            return code[:3], None, [rest[i:i + 3] for i in range(0, len(rest), 3)]
        return None, None, [code[i:i + 3] for i in range(0, len(code), 3)] if code else []

    def code_for(self, country: str | None, igo: str | None, sectors: Iterable[str]) -> str:
        head = country or (self.igos[igo]["code"] if igo in self.igos else (igo or ""))
        return head + "".join(s for s in sectors if s)

    def holder(self, owner: str, kinds: Iterable[str], date: str | None, phrase: str = "") -> str | None:
        """The person who held a role kind for a country or organisation at a date; a holder
        whose title contains the phrase used ("president") wins over other holders."""
        if not date:
            return None
        found = []
        for kind in kinds:
            for start, end, name, title in self.role_holders.get((owner, kind), ()):
                if start <= date and (end is None or date < end):
                    found.append((phrase.lower() not in title.lower() if phrase else False, len(found), name))
        return min(found)[2] if found else None


def _tokenizer():
    import spacy
    return spacy.blank("en").tokenizer


@lru_cache(maxsize=8)
def load_kb(extra_files: tuple[str, ...] = ()) -> ActorKB:
    """The packaged knowledge plus the user's files (later entries override earlier ones)."""
    tok = _tokenizer()
    kb = ActorKB(lambda s: [t.text for t in tok(s)])
    for e in load_yaml(data_path("countries.yaml")) or []:
        kb.add_country(e, "countries.yaml")
    for e in load_yaml(data_path("igos.yaml")) or []:
        kb.add_igo(e, "igos.yaml")
    kb.add_sectors(load_yaml(data_path("sectors.yaml")), "sectors.yaml")
    kb.add_roles(load_yaml(data_path("roles.yaml")), "roles.yaml")
    for path in sorted(data_path("people").glob("*.yaml")):
        for e in load_yaml(path) or []:
            kb.add_person(e, path.name)
    if data_path("groups.yaml").exists():
        for e in load_yaml(data_path("groups.yaml")) or []:
            kb.add_group(e, "groups.yaml")
    for path in extra_files:
        kb.add_file(path)
    return kb
