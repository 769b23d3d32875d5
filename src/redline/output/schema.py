"""The published JSON Schema of one output document (`document.schema.json`, draft 2020-12).

The schema ships in the package beside the writers, so users validate redline's output against
the very version that produced it; `redline schema` prints it. `Document.to_dict()` in
`redline.records` decides the shape; the schema describes it and tests hold the two together.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "document.schema.json"


def schema_text() -> str:
    """The schema file as shipped (what `redline schema` prints)."""
    return files("redline.output").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The schema as a dict (shared: do not modify it)."""
    return json.loads(schema_text())
