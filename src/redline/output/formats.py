"""Writing documents out: `jsonl` (one document per line), `json` (a pretty array), `tsv` (one
event per line, GDELT-like columns) and `summary` (for people)."""
from __future__ import annotations

import json
from typing import IO, Iterable

from redline.records import Document, Event

FORMATS = ("jsonl", "json", "tsv", "summary")
TSV_COLUMNS = ["DocId", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
               "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
               "Actor2Type1Code", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
               "GoldsteinScale", "PloverType", "PloverMode", "Negated", "Hypothetical", "SentenceID",
               "ActionCharOffset", "Trigger", "Rule", "Confidence", "SOURCEURL"]


def _clean(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def _actor_cols(a) -> list[str]:
    if a is None:
        return [""] * 5
    return [a.code, a.name or a.text, a.country or "", a.igo or "", a.sectors[0] if a.sectors else ""]


def tsv_row(doc: Document, e: Event) -> str:
    day = (e.date or "").replace("-", "")
    cols = [doc.id, day, *_actor_cols(e.source), *_actor_cols(e.target), e.cameo, e.cameo[:3],
            e.cameo_root, e.quad_class, e.goldstein, e.plover, e.plover_mode, int(e.negated),
            int(e.hypothetical), e.sentence.index, e.trigger.start, e.trigger.text, e.rule,
            round(e.confidence, 3), doc.url]
    return "\t".join(_clean(c) for c in cols)


def _who(a) -> str:
    if a is None:
        return "?"
    label = a.code or "?"
    return f"{label} ({a.name})" if a.name else label


def _where(e: Event) -> str:
    """"  @ Kharkiv" when the sentence places the event, "  @ (Idlib)" when the document does."""
    if e.location is None:
        return ""
    name = e.location.place.name
    return f"  @ {name}" if e.location.how == "sentence" else f"  @ ({name})"


def summary(doc: Document) -> str:
    if doc.error:
        return f"! {doc.id}: {doc.error}"
    lines = [f"== {doc.title or doc.id}" + (f"  [{doc.date}]" if doc.date else "")]
    for e in doc.events:
        flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical)) if on]
        lines.append(f"  {_who(e.source):<28} -> {_who(e.target):<28} {e.cameo:<5} {e.cameo_label}"
                     f"  «{e.trigger.text}»" + (f"  ({', '.join(flags)})" if flags else "") + _where(e))
    if not doc.events:
        lines.append("  (no events)")
    for w in doc.warnings:
        lines.append(f"  warning: {w}")
    return "\n".join(lines)


def write(docs: Iterable[Document], fmt: str, out: IO[str]) -> None:
    if fmt == "tsv":
        out.write("\t".join(TSV_COLUMNS) + "\n")
    first = True
    if fmt == "json":
        out.write("[")
    for doc in docs:
        if fmt == "jsonl":
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("\n" if first else ",\n") + json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        elif fmt == "tsv":
            for e in doc.events:
                out.write(tsv_row(doc, e) + "\n")
        else:
            out.write(summary(doc) + "\n\n")
        first = False
        out.flush()
    if fmt == "json":
        out.write("\n]\n")


def quotes_table(doc: Document, width: int = 100) -> str:
    """Who said what, one quotation per line: speaker, role, kind, text."""
    rows = [("SPEAKER", "ROLE", "KIND", "QUOTE")]
    for q in doc.quotes:
        sp = q.speaker
        who = (sp.name or sp.text) if sp else "(unattributed)"
        role = ", ".join(x for x in ((sp.role, sp.organization) if sp else ()) if x)
        text = " ".join(q.text.split())
        rows.append((who, role, q.kind, text if len(text) <= width else text[:width - 1] + "…"))
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((28, 40, 8))]
    lines = [f"== {doc.title or doc.id}"]
    for r in rows:
        lines.append("  ".join(c[:w].ljust(w) for c, w in zip(r[:3], widths)) + "  " + r[3])
    if len(rows) == 1:
        lines.append("(no quotations)")
    return "\n".join(lines) + "\n"
