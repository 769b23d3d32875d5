"""How far independent codings of the same sentences agree: each annotator with the gold, the
annotators with each other, and the coder with each of them, at dyad+root and full-code level.

    .venv/bin/python scripts/agreement.py tests/data/reannotation/annotator_a.jsonl \
        tests/data/reannotation/annotator_b.jsonl

Every file is a gold file (id, text, date, events); the gold for the same ids is read from
tests/data/*.jsonl. An F1 between two codings reads the first as reference (it is symmetric).
"""
import argparse
import json
from collections import Counter
from pathlib import Path

from redline.evaluation import Tally, actor_key, keys, read_gold
from redline.pipeline import Options, shared_pipeline
from redline.records import Document

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def codings(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    return {str(g["id"]): [(str(e.get("source") or "-").upper(), str(e.get("target") or "-").upper(), str(e["code"]))
                           for e in g.get("events", [])] for g in read_gold(str(path))}


def coder(records: list[dict]) -> dict[str, list[tuple[str, str, str]]]:
    docs = [Document(id=str(g["id"]), text=g["text"], date=g.get("date")) for g in records]
    return {d.id: [(actor_key(e.source), actor_key(e.target), e.cameo) for e in d.events]
            for d in shared_pipeline(Options()).process(docs)}


def f1(ref, other, ids, level) -> float:
    tally = Tally()
    for i in ids:
        tally.add(Counter(keys(level, *e) for e in ref.get(i, [])), Counter(keys(level, *e) for e in other.get(i, [])))
    return tally.scores()["f1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("codings", nargs="+", type=Path, help="gold-format files coding the same sentences")
    args = ap.parse_args()
    named = {p.stem: codings(p) for p in args.codings}
    ids = list(next(iter(named.values())))
    gold = {}
    for path in sorted(DATA.glob("*.jsonl")):
        gold.update({i: e for i, e in codings(path).items() if i in ids})
    sets = {"gold": gold, **named, "coder": coder(read_gold(str(args.codings[0])))}
    names = list(sets)
    for level in ("dyad_root", "code"):
        print(f"{level} F1 ({len(ids)} sentences)")
        for a_i, a in enumerate(names):
            for b in names[a_i + 1:]:
                print(f"  {a:12s} ~ {b:12s} {f1(sets[a], sets[b], ids, level):.3f}")
    print("events:", ", ".join(f"{n} {sum(len(sets[n].get(i, [])) for i in ids)}" for n in names))


if __name__ == "__main__":
    main()
