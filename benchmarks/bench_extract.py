"""Throughput of `redline extract` against spaCy's own pipeline, side by side in one run.

    .venv/bin/python benchmarks/bench_extract.py [--articles 240] [--rounds 3]

Both parse the same synthetic wire articles (benchmarks/corpus.py) with the same model and
batch size; the spaCy side runs the pipeline as its package ships it (`nlp.pipe` alone), the
redline side runs the whole of redline (its parse, in which the model's attribute ruler and
lemmatizer run compiled with identical output, then actors, events, quotes, places and JSON).
The sides take turns on each chunk of articles, so that they share the machine's drift; each
side's time is the sum over chunks of its best round, and their ratio is reported (>= 0.85 is
the target). Two more sides run redline without the quotes stage and without the places stage,
to show what each costs (<= 5% each is the target). The gazetteer's load time is measured in
fresh processes (< 1 s is the target).
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

from redline.nlp.model import load_stock  # noqa: E402
from redline.output.formats import write  # noqa: E402
from redline.pipeline import Options, Pipeline  # noqa: E402
from redline.records import Document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--chunk", type=int, default=40, help="articles each side parses in one turn")
    a = ap.parse_args()
    articles = build_corpus(a.articles)
    texts = [x["text"] for x in articles]
    chars = sum(len(t) for t in texts)
    pipe = Pipeline(Options(batch_size=a.batch_size))
    no_quotes = Pipeline(Options(batch_size=a.batch_size, quotes=False))
    no_places = Pipeline(Options(batch_size=a.batch_size, places=False))
    nlp = load_stock(pipe.options.model)   # spaCy's pipeline as shipped, none of redline's changes
    list(nlp.pipe(texts[:10]))   # warm up every side
    for p in (pipe, no_quotes, no_places):
        list(p.process([Document(id=x["id"], text=x["text"], date=x["date"]) for x in articles[:10]]))

    def run(p, chunk):
        t = time.perf_counter()
        processed = list(p.process([Document(id=x["id"], text=x["text"], date=x["date"]) for x in chunk]))
        write(processed, "jsonl", io.StringIO())
        return time.perf_counter() - t, processed

    def parse(chunk):
        t = time.perf_counter()
        for _doc in nlp.pipe([x["text"] for x in chunk], batch_size=a.batch_size):
            pass
        return time.perf_counter() - t

    # The machine's speed drifts by tens of percent within a minute, so the sides take turns on
    # each chunk of articles (in alternating order), and each side's time for a chunk is its best
    # round: the sum over chunks compares the sides at the same moments.
    chunks = [articles[k:k + a.chunk] for k in range(0, len(articles), a.chunk)]
    outputs: dict[int, list[Document]] = {}

    def coded(k, chunk):
        seconds, outputs[k] = run(pipe, chunk)
        return seconds

    sides = {"spacy": lambda k, c: parse(c), "redline": coded,
             "bare": lambda k, c: run(no_quotes, c)[0], "placeless": lambda k, c: run(no_places, c)[0]}
    best = {name: [float("inf")] * len(chunks) for name in sides}
    for r in range(a.rounds):
        for k, chunk in enumerate(chunks):
            order = list(sides) if (r + k) % 2 == 0 else list(reversed(sides))
            for name in order:
                best[name][k] = min(best[name][k], sides[name](k, chunk))
    processed = [d for k in range(len(chunks)) for d in outputs[k]]
    best_spacy, best_redline, best_bare = (sum(best[n]) for n in ("spacy", "redline", "bare"))
    result = {
        "articles": len(texts), "characters": chars,
        "events": sum(len(d.events) for d in processed), "quotes": sum(len(d.quotes) for d in processed),
        "spacy_seconds": round(best_spacy, 3), "redline_seconds": round(best_redline, 3),
        "redline_without_quotes_seconds": round(best_bare, 3),
        "spacy_docs_per_s": round(len(texts) / best_spacy, 1),
        "redline_docs_per_s": round(len(texts) / best_redline, 1),
        "throughput_ratio": round(best_spacy / best_redline, 3),
        "quotes_added_time": round(best_redline / best_bare - 1, 3),
        "places_added_time": round(best_redline / sum(best["placeless"]) - 1, 3),
        "places_found": sum(len(d.places) for d in processed),
        "gazetteer_load_seconds": gazetteer_load_seconds(),
    }
    print(json.dumps(result, indent=2))


def gazetteer_load_seconds(runs: int = 3) -> float:
    """Median time of `gazetteer.load()` in a fresh process (what every worker pays once)."""
    code = ("import time; from redline.places import gazetteer; t = time.perf_counter(); gazetteer.load(); "
            "print(time.perf_counter() - t)")
    return round(statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)), 3)


if __name__ == "__main__":
    main()
