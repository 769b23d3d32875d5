"""The CAMEO codebook as redline uses it: label, root, Goldstein value, QuadClass and PLOVER.

The table (`data/cameo.tsv`) was written from the public CAMEO, GDELT and PLOVER references by
`scripts/build_cameo_table.py`; this module only loads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redline.data import data_path, load_table


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...]


@lru_cache(maxsize=1)
def codebook() -> dict[str, Code]:
    table = {}
    for row in load_table(data_path("cameo.tsv")):
        table[row["code"]] = Code(
            row["code"], row["root"], row["label"], float(row["goldstein"]), int(row["quad_class"]),
            row["plover"] or None, row["plover_mode"] or None,
            tuple(c for c in row["plover_contexts"].split(",") if c))
    return table


def lookup(code: str) -> Code:
    """The entry for a code; unknown codes fall back to their three-digit parent."""
    table = codebook()
    if code in table:
        return table[code]
    if code[:3] in table:
        return table[code[:3]]
    raise KeyError(f"unknown CAMEO code {code!r}")
