"""The pipeline: sources -> nlp -> actors -> events -> output, on one core or several.

`Pipeline.process` takes `Document` records and yields them back, in input order, with their
actors and events filled in. With `workers > 1` the documents are split into chunks that worker
processes parse, each loading the model once.
"""
from __future__ import annotations

import gc
import multiprocessing
from dataclasses import dataclass, field
from typing import Iterable, Iterator, TypeVar

import redline.extensions  # noqa: F401
from redline.actors.component import ActorsComponent
from redline.actors.knowledge import load_kb
from redline.events.component import EventsComponent
from redline.events.lexicon import load_lexicon
from redline.nlp.dateline import blank_dateline, dateline
from redline.nlp.model import load_spacy
from redline.places.component import PlacesComponent
from redline.quotes.component import QuotesComponent
from redline.quotes.finder import attach_events
from redline.errors import message
from redline.records import Document, Event

MODALITIES = ("asserted", "all")



T = TypeVar("T")

@dataclass
class Options:
    model: str | None = None
    workers: int = 1
    batch_size: int = 32
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    place_files: tuple[str, ...] = ()
    modality: str = "asserted"      # asserted: drop negated and hypothetical events; all: keep them
    quotes: bool = True             # find quotations and their speakers
    places: bool = True             # find places and locate events
    max_chars: int = 1_000_000
    extra: dict = field(default_factory=dict)


def keep(event: Event, modality: str) -> bool:
    return modality == "all" or not (event.negated or event.hypothetical)


class Pipeline:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        if self.options.workers > 1:
            return   # the workers load the model; the parent only hands out chunks
        self.nlp = load_spacy(self.options.model)
        self.nlp.max_length = max(self.nlp.max_length, self.options.max_chars + 1)
        self.actors = ActorsComponent(load_kb(tuple(self.options.actor_files)))
        self.events = EventsComponent(load_lexicon(tuple(self.options.lexicon_files)),
                                      tuple(self.options.actor_files))
        self.quotes = QuotesComponent(tuple(self.options.actor_files))
        self.places = PlacesComponent(self.nlp, tuple(self.options.place_files)) if self.options.places else None
        # The model and the knowledge are millions of objects that live as long as the process;
        # left to the collector, every full collection walks them all again. Frozen, they are not
        # walked: a long run spends its collections on what it allocates itself.
        gc.freeze()

    def _finish(self, document: Document, doc) -> Document:
        doc._.redline_date = document.date
        doc._.redline_dateline = dateline(document.text)
        self.actors(doc)
        self.events(doc)
        if self.places is not None:
            self.places(doc)
            document.places = doc._.redline_places
        if self.options.quotes:
            self.quotes(doc)
        document.mentions = doc._.redline_actors.mentions
        document.events = [e for e in doc._.redline_events if keep(e, self.options.modality)]
        document.quotes = doc._.redline_quotes or []
        attach_events(document.quotes, document.events)
        return document

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        if self.options.workers > 1:
            yield from _parallel(documents, self.options)
            return
        yield from self._process_serial(documents)

    def _process_serial(self, documents: Iterable[Document]) -> Iterator[Document]:
        batch: list[Document] = []
        for d in documents:
            batch.append(d)
            if len(batch) >= self.options.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Document]) -> Iterator[Document]:
        todo = [d for d in batch if d.error is None]
        for d in todo:
            if len(d.text) > self.options.max_chars:
                d.warnings.append(f"text longer than {self.options.max_chars} characters: coded up to there")
        # a dateline is not part of the first sentence: spaCy sees it blanked (offsets unchanged)
        texts = (blank_dateline(d.text[:self.options.max_chars]) for d in todo)
        parsed = iter(self.nlp.pipe(texts, batch_size=self.options.batch_size))
        for d in batch:
            if d.error is None:
                doc = next(parsed)
                try:
                    self._finish(d, doc)
                except Exception as e:   # a bug on one document must not cost the others
                    d.events, d.quotes, d.mentions, d.places = [], [], [], []
                    d.error = message("E501", origin=d.origin or d.id, detail=f"{type(e).__name__}: {e}")
            yield d


# -- worker processes ------------------------------------------------------------------------
_worker: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _worker
    _worker = Pipeline(Options(**{**options.__dict__, "workers": 1}))


def _run_chunk(chunk: list[Document]) -> list[Document]:
    return list(_worker._process_serial(chunk))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Items in lists of `size` (the last may be shorter)."""
    chunk: list[T] = []
    for d in items:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(documents: Iterable[Document], options: Options) -> Iterator[Document]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(options.workers, initializer=_init_worker, initargs=(options,)) as pool:
        for chunk in pool.imap(_run_chunk, chunks(documents, options.batch_size)):
            yield from chunk


_shared: dict[tuple, Pipeline] = {}


def shared_pipeline(options: Options) -> Pipeline:
    """One loaded pipeline per configuration for the process (the model loads once)."""
    key = (options.model, options.actor_files, options.lexicon_files, options.modality)
    if key not in _shared:
        _shared[key] = Pipeline(options)
    return _shared[key]
