"""Scoring redline against a gold file of annotated sentences (`redline eval`).

Gold lines: {"id", "text", "date", "events": [{"source", "target", "code"}], "tags"}. Actors are
ISO3 codes or IGO ids. Scores are micro-averaged precision, recall and F1 over (multi)sets:
  code       - the full CAMEO code of each event;
  root       - its two-digit root;
  dyad_root  - (source, target, root), the usual event-data measure;
  dyad_code  - (source, target, code).
Also the measures for codebook-style example sentences, per tag, over the sentences with a gold
event, judged on their first gold event: `root_accuracy` (its root is among the roots coded),
`code_accuracy` (its full code is), `plover_accuracy` (its PLOVER type is; codes without a type
are left out) and `source_accuracy` (where its root was found, an event of that root has its
source country).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from redline.errors import RedlineError
from redline.events.codebook import lookup
from redline.pipeline import Options, shared_pipeline
from redline.records import Document

LEVELS = ("code", "root", "dyad_root", "dyad_code")


def actor_key(actor) -> str:
    if actor is None:
        return "-"
    if isinstance(actor, str):
        return actor.upper()
    return (actor.country or actor.igo or actor.code or "-").upper()


def keys(level: str, source: str, target: str, code: str) -> tuple:
    if level == "code":
        return (code,)
    if level == "root":
        return (code[:2],)
    if level == "dyad_root":
        return (source, target, code[:2])
    return (source, target, code)


def read_gold(path: str) -> list[dict]:
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RedlineError("E201", path=path) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise RedlineError("E101", origin=f"{path}:{n}", detail=e.msg) from None
        if "text" not in item:
            raise RedlineError("E102", origin=f"{path}:{n}")
        item.setdefault("id", f"{path}:{n}")
        items.append(item)
    return items


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Counter, pred: Counter) -> None:
        hit = sum((gold & pred).values())
        self.tp += hit
        self.fp += sum(pred.values()) - hit
        self.fn += sum(gold.values()) - hit

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


MEASURES = ("root", "code", "plover", "source")


def first_event_hits(gold: tuple, predicted: list[tuple]) -> dict[str, bool]:
    """Whether the coder got the root, the code, the PLOVER type and the source of a gold event."""
    source, _target, code = gold
    out = {"root": code[:2] in {e[2][:2] for e in predicted},
           "code": code in {e[2] for e in predicted}}
    if out["root"]:
        out["source"] = any(e[0] == source for e in predicted if e[2][:2] == code[:2])
    ptype = lookup(code).plover
    if ptype:    # statements and appeals have no PLOVER type
        out["plover"] = ptype in {lookup(e[2]).plover for e in predicted}
    return out


def evaluate(gold_path: str, actor_files=(), lexicon_files=()) -> dict:
    gold = read_gold(gold_path)
    pipe = shared_pipeline(Options(actor_files=actor_files, lexicon_files=lexicon_files))
    docs = [Document(id=str(g["id"]), text=g["text"], date=g.get("date")) for g in gold]
    overall = {lvl: Tally() for lvl in LEVELS}
    per_root: dict[str, dict[str, Tally]] = defaultdict(lambda: {lvl: Tally() for lvl in LEVELS})
    per_tag: dict[str, Tally] = defaultdict(Tally)
    per_code: dict[str, Tally] = defaultdict(Tally)
    hits = {m: defaultdict(lambda: [0, 0]) for m in MEASURES}
    wrong = []
    failed = []     # sentences the pipeline could not code: a bug, not a miss, and said so
    for g, d in zip(gold, pipe.process(docs)):
        if d.error is not None:
            failed.append({"id": g["id"], "error": d.error})
        g_events = [(str(e.get("source", "-")).upper(), str(e.get("target", "-")).upper(), str(e["code"]))
                    for e in g.get("events", [])]
        p_events = [(actor_key(e.source), actor_key(e.target), e.cameo) for e in d.events]
        for lvl in LEVELS:
            gk = Counter(keys(lvl, *e) for e in g_events)
            pk = Counter(keys(lvl, *e) for e in p_events)
            overall[lvl].add(gk, pk)
            roots = {e[2][:2] for e in g_events} | {e[2][:2] for e in p_events}
            for root in roots:
                per_root[root][lvl].add(Counter(keys(lvl, *e) for e in g_events if e[2][:2] == root),
                                        Counter(keys(lvl, *e) for e in p_events if e[2][:2] == root))
        gk = Counter(keys("dyad_root", *e) for e in g_events)
        pk = Counter(keys("dyad_root", *e) for e in p_events)
        for tag in g.get("tags", []) or ["untagged"]:
            per_tag[tag].add(gk, pk)
        for code in {e[2] for e in g_events} | {e[2] for e in p_events}:
            per_code[code].add(Counter(e[2] for e in g_events if e[2] == code),
                               Counter(e[2] for e in p_events if e[2] == code))
        if g_events:
            for measure, hit in first_event_hits(g_events[0], p_events).items():
                for tag in ["all"] + list(g.get("tags", [])):
                    hits[measure][tag][0] += hit
                    hits[measure][tag][1] += 1
        if gk != pk:
            wrong.append({"id": g["id"], "text": g["text"], "gold": g_events, "predicted": p_events,
                          "rules": [e.rule for e in d.events]})
    return {"sentences": len(gold), "failed": failed, "overall": {k: v.scores() for k, v in overall.items()},
            **{f"{m}_accuracy": {t: round(h / n, 4) for t, (h, n) in sorted(hits[m].items())} for m in MEASURES},
            "per_code": {c: t.scores() for c, t in sorted(per_code.items())},
            "per_root": {r: {k: v.scores() for k, v in t.items()} for r, t in sorted(per_root.items())},
            "per_tag": {t: v.scores() for t, v in sorted(per_tag.items())}, "errors": wrong}


def report(result: dict, per_root: bool = False, errors: bool = False, as_json: bool = False,
           per_code: bool = False) -> str:
    if as_json:
        shown = dict(result)
        if not errors:
            shown.pop("errors")
        return json.dumps(shown, indent=2)
    lines = [f"{result['sentences']} sentences"]
    if result["failed"]:
        # scored as coding nothing; a failure must not pass for a low score
        lines.append(f"{len(result['failed'])} could not be coded (scored as coding nothing): "
                     + "; ".join(f"{f['id']}: {f['error']}" for f in result["failed"][:5]))
    lines.append(f"{'level':<10} {'P':>7} {'R':>7} {'F1':>7}")
    for lvl, s in result["overall"].items():
        lines.append(f"{lvl:<10} {s['precision']:>7.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}")
    lines.append("root accuracy (first gold root coded): " + ", ".join(
        f"{t} {v:.3f}" for t, v in result["root_accuracy"].items() if t in ("all", "codebook", "wire")))
    for m, what in (("code", "full code"), ("plover", "PLOVER type"), ("source", "source, root found")):
        lines.append(f"{m} accuracy ({what}): " + ", ".join(
            f"{t} {v:.3f}" for t, v in result[f"{m}_accuracy"].items() if t in ("all", "codebook", "wire")))
    wire = result["per_tag"].get("wire")
    if wire:
        lines.append(f"wire sentences, dyad+root: P {wire['precision']:.3f} R {wire['recall']:.3f} F1 {wire['f1']:.3f}")
    if per_root:
        lines.append("")
        lines.append(f"{'root':<6} {'code F1':>8} {'root F1':>8} {'dyad+root F1':>13}  n")
        for root, s in result["per_root"].items():
            lines.append(f"{root:<6} {s['code']['f1']:>8.3f} {s['root']['f1']:>8.3f} "
                         f"{s['dyad_root']['f1']:>13.3f}  {s['root']['tp'] + s['root']['fn']}")
    if per_code:
        lines.append("")
        lines.append(f"{'code':<6} {'P':>6} {'R':>6} {'F1':>6}  n")
        for code, s in result["per_code"].items():
            lines.append(f"{code:<6} {s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>6.2f}  {s['tp'] + s['fn']}")
    if errors:
        lines.append("")
        for w in result["errors"]:
            lines.append(f"{w['id']}: {w['text']}\n    gold {w['gold']}\n    got  {w['predicted']} {w['rules']}")
    return "\n".join(lines)


# -- quotations -----------------------------------------------------------------------------------
def _norm(s: str | None) -> str:
    if not s:
        return ""
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("''", '"')):
        s = s.replace(a, b)
    return " ".join(s.lower().split())


def _overlap(a: str, b: str) -> bool:
    """Two quotation texts are the same quotation when one holds most of the other."""
    a, b = _norm(a).strip(" ,.\"'"), _norm(b).strip(" ,.\"'")
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ or (len(set(short.split()) & set(long_.split())) >= 0.8 * len(short.split()))


def _same_speaker(pred, gold: dict) -> bool:
    if not gold.get("speaker") and not gold.get("speaker_name"):
        return pred.speaker is None
    if pred.speaker is None:
        return False
    said = {_norm(pred.speaker.text), _norm(pred.speaker.name)}
    for want in (gold.get("speaker"), gold.get("speaker_name")):
        if want and any(w and (_norm(want) in w or w in _norm(want) or _norm(want).split()[-1] in w.split())
                        for w in said):
            return True
    return False


def evaluate_quotes(gold_path: str) -> dict:
    """Quote + speaker P/R/F1 on articles annotated as in tests/data/quotes/gold.jsonl."""
    base = Path(gold_path).parent
    items = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = shared_pipeline(Options())
    docs = [Document(id=i["file"], text=(base / i["file"]).read_text(encoding="utf-8")) for i in items]
    tallies = {k: Tally() for k in ("direct", "all", "direct_text", "all_text")}
    stray_scare = 0
    for item, doc in zip(items, pipe.process(docs)):
        gold = item["quotes"]
        for scope in ("direct", "all"):
            g = [q for q in gold if scope == "all" or q["kind"] == "direct"]
            p = [q for q in doc.quotes if scope == "all" or q.kind == "direct"]
            for with_speaker in (True, False):
                used, hit = set(), 0
                for gq in g:
                    for k, pq in enumerate(p):
                        if k not in used and _overlap(pq.text, gq["text"]) and (
                                not with_speaker or _same_speaker(pq, gq)):
                            used.add(k)
                            hit += 1
                            break
                t = tallies[scope if with_speaker else scope + "_text"]
                t.tp += hit
                t.fp += len(p) - hit
                t.fn += len(g) - hit
        stray_scare += sum(1 for s in item.get("not_quotes", []) for q in doc.quotes
                           if _norm(q.text).strip(" ,.") == _norm(s).strip(" ,."))
    return {"articles": len(items), "scare_quotes_taken": stray_scare,
            **{k: v.scores() for k, v in tallies.items()}}
