"""Reading redline's knowledge files: the packaged ones and the ones users add.

Knowledge (actors, lexicon, codebook) is data; this module only finds and parses files,
with messages that name the file and the entry when something is wrong.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from redline.errors import RedlineError

DATA_DIR = Path(__file__).resolve().parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


def load_yaml(path: str | Path) -> Any:
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader)
    except FileNotFoundError:
        raise RedlineError("E201", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise RedlineError("E202", path=str(path), detail=str(e)) from None
    except yaml.YAMLError as e:
        raise RedlineError("E301", path=str(path), detail=" ".join(str(e).split())) from None


def load_table(path: str | Path) -> list[dict[str, str]]:
    """A CSV or TSV file with a header row, as a list of row mappings."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            sample = f.read(4096)
            f.seek(0)
            delimiter = "\t" if "\t" in sample.split("\n", 1)[0] else ","
            return [dict(row) for row in csv.DictReader(f, delimiter=delimiter)]
    except FileNotFoundError:
        raise RedlineError("E201", path=str(path)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise RedlineError("E202", path=str(path), detail=str(e)) from None


def load_records(path: str | Path) -> Any:
    """A user's knowledge file: YAML, or CSV/TSV with a header row."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return load_table(path)
    return load_yaml(path)


def as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str) and ";" in value:
        return [v.strip() for v in value.split(";") if v.strip()]
    return [value]
