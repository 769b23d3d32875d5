"""PETRARCH/TABARI dictionaries -> redline actor files.

Actor dictionaries list a name, its synonyms (lines starting with "+") and one or more codes
in brackets, optionally restricted by date:

    BARACK_OBAMA_
    +PRESIDENT_OBAMA
        [USAELI 19970101-20041102]
        [USAGOV >20090120]
    KABUL [AFG]

Agent dictionaries map role words to sector codes with a tilde: `SOLDIER {SOLDIERS} [~MIL]`.
The output is YAML for `redline extract --actors`.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from redline.errors import RedlineError

CODE = re.compile(r"\[\s*(~?)([A-Z0-9]+)\s*([<>]?\d{8}(?:\s*-\s*\d{8})?)?\s*\]")
PLURAL = re.compile(r"\{([^}]*)\}")


def _name(raw: str) -> str:
    words = [w for w in raw.strip().strip("+").split("_") if w]
    if len(words) == 1 and len(words[0]) <= 5:
        return words[0]                       # an abbreviation: keep its capitals
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _dates(spec: str | None) -> tuple[str | None, str | None]:
    if not spec:
        return None, None
    iso = lambda d: f"{d[:4]}-{d[4:6]}-{d[6:8]}"  # noqa: E731
    spec = spec.replace(" ", "")
    if spec.startswith(">"):
        return iso(spec[1:]), None
    if spec.startswith("<"):
        return None, iso(spec[1:])
    a, b = spec.split("-")
    return iso(a), iso(b)


def _lines(path: str) -> list[tuple[int, str]]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise RedlineError("E201", path=path) from None
    except OSError as e:
        raise RedlineError("E202", path=path, detail=e.strerror or str(e)) from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((n, line))
    return out


def convert_agents(lines) -> dict:
    sectors: dict[str, dict] = {}
    for _, line in lines:
        m = CODE.search(line)
        if not m or not m.group(1):
            continue
        words_part = line[:m.start()]
        words = [_name(w).lower() for w in PLURAL.sub(lambda x: " " + x.group(1) + " ", words_part).split()]
        sector = m.group(2)[:3]
        entry = sectors.setdefault(sector, {"words": []})
        for w in words:
            w = w.replace("_", " ").strip("! ")
            if w and w not in entry["words"]:
                entry["words"].append(w)
    return {"sectors": sectors}


def convert_actors(lines, path: str) -> list[dict]:
    entries: list[dict] = []
    current: dict | None = None
    for n, line in lines:
        stripped = line.strip()
        codes = list(CODE.finditer(stripped))
        head = CODE.sub("", stripped).strip()
        if head.startswith("+"):
            if current is None:
                raise RedlineError("E302", path=path, index=f"line {n}", detail="synonym before any name")
            current["names"].append(_name(head))
        elif head:
            current = {"names": [_name(head)], "codes": []}
            entries.append(current)
        if codes:
            if current is None:
                raise RedlineError("E302", path=path, index=f"line {n}", detail="code before any name")
            for m in codes:
                current["codes"].append((m.group(2), *_dates(m.group(3))))
    out = []
    for e in entries:
        if not e["codes"]:
            continue
        names = list(dict.fromkeys(e["names"]))
        dated = any(start or end for _, start, end in e["codes"])
        if not dated:
            out.append({"names": names, "code": e["codes"][0][0]})
            continue
        roles = []
        for code, start, end in e["codes"]:
            roles.append({"code": code, "country": code[:3], "sector": code[3:6] or "GOV", "kind": "other",
                          "title": "", "start": start or "1900-01-01", "end": end})
        out.append({"name": names[0], "aliases": names[1:], "roles": roles})
    return out


def convert(path: str, kind: str = "auto") -> tuple[str, str]:
    lines = _lines(path)
    if kind == "auto":
        kind = "agents" if any("[~" in line for _, line in lines[:200]) else "actors"
    if kind == "agents":
        data = convert_agents(lines)
        stats = f"{sum(len(v['words']) for v in data['sectors'].values())} agent words in {len(data['sectors'])} sectors"
    else:
        data = {"actors": convert_actors(lines, path)}
        stats = f"{len(data['actors'])} actors"
    header = f"# Converted from {Path(path).name} by `redline dict import-petrarch`.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), stats
