"""The pipeline: sources -> nlp -> actors -> events -> output, on one core or several.

`Pipeline.process` takes `Document` records and yields them back, in input order, with their
actors and events filled in. With `workers > 1` the documents are split into chunks that worker
processes parse, each loading the model once.

Two limits keep one document from costing a run more than its share: a text is coded up to
`max_chars` characters (with a W004 warning), and a document whose coding takes longer than
`doc_timeout` seconds is skipped with an E502 error while the rest of its batch is coded (see
`redline.limits`). Documents are read, coded and handed on batch by batch, so an endless input
(a stream on stdin) is coded as it arrives, in bounded memory.
"""
from __future__ import annotations

import gc
import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from typing import Iterable, Iterator, TypeVar

from redline.extensions import keep_text
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
from redline.limits import TimeLimitExceeded, time_limit
from redline.records import Document, Event

MODALITIES = ("asserted", "all")
# coded once when a pipeline loads (see `Pipeline._warm_up`): it meets every stage, with actors,
# an event, a quotation and its speaker, a dateline, a city and a country
WARM_UP_TEXT = ('MOSCOW (Reuters) - "We will not give in," the Russian foreign minister said in Moscow on Monday, '
                "after Ukraine shelled the city of Belgorod.")

T = TypeVar("T")

CHARS_PER_LIMIT = 100_000    # a batch's parse may take one --doc-timeout per this many characters


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
    max_chars: int = 200_000        # longer texts are coded up to here (W004); news is 2-20,000
    doc_timeout: float = 60.0       # seconds one document's coding may take, else it is skipped (E502); 0: no limit
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
        self._warm_up()
        # The model and the knowledge are millions of objects that live as long as the process;
        # left to the collector, every full collection walks them all again. Frozen, they are not
        # walked: a long run spends its collections on what it allocates itself.
        gc.freeze()

    def _warm_up(self) -> None:
        """Code a sample document, without a time limit. What the stages load on first use (the
        gazetteer, the index of city names, ...) takes seconds; loaded here, with the model, it is
        not charged to the first document's time limit."""
        sample = Document(id="warm-up", text=WARM_UP_TEXT, date="2023-01-02")
        try:
            self._finish(sample, self.nlp(blank_dateline(sample.text)))
        except Exception:   # noqa: BLE001 - a bug shows again on the documents, where it is reported
            pass

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
                d.warnings.append(message("W004", limit=self.options.max_chars))
        parsed = iter(self._parse(todo))
        for d in batch:
            if d.error is None:
                self._code(d, next(parsed))
            yield d

    def _code(self, document: Document, doc) -> None:
        """Redline's stages on one parsed document, within its time limit; `doc` None: the parse ran out."""
        too_long = message("E502", origin=document.origin or document.id, seconds=self.options.doc_timeout)
        if doc is None:
            _drop(document, too_long)
            return
        try:
            with time_limit(self.options.doc_timeout):
                self._finish(document, doc)
        except TimeLimitExceeded:
            _drop(document, too_long)
        except Exception as e:   # a bug on one document must not cost the others
            _drop(document, message("E501", origin=document.origin or document.id,
                                    detail=f"{type(e).__name__}: {e}"))

    def _parse(self, documents: list[Document]) -> list:
        """The spaCy docs of `documents`, None for each whose parse ran out of time.

        The batch is parsed together (spaCy is faster on batches) within one document's limit
        for each `CHARS_PER_LIMIT` characters it holds (parsing is linear in length; a batch of
        news takes a few seconds), so a pathological document stalls the run for minutes at
        most, not for its whole batch's allowance. When that runs out, the documents are parsed
        again one by one, each within its own limit, so that only those responsible are skipped."""
        limit = self.options.doc_timeout or 0
        # a dateline is not part of the first sentence: spaCy sees it blanked (offsets unchanged)
        texts = [blank_dateline(d.text[:self.options.max_chars]) for d in documents]
        shares = min(len(texts), max(1, -(-sum(map(len, texts)) // CHARS_PER_LIMIT)))
        try:
            with time_limit(limit * shares):
                return list(map(keep_text, self.nlp.pipe(texts, batch_size=self.options.batch_size), texts))
        except TimeLimitExceeded:
            if len(texts) == 1:
                return [None]
        docs = []
        for text in texts:
            try:
                with time_limit(limit):
                    docs.append(keep_text(self.nlp(text), text))
            except TimeLimitExceeded:
                docs.append(None)
        return docs


def _drop(document: Document, error: str) -> None:
    """The document is output without annotations, with the reason why."""
    document.events, document.quotes, document.mentions, document.places = [], [], [], []
    document.error = error


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


_END = object()


def _parallel(documents: Iterable[Document], options: Options) -> Iterator[Document]:
    """Chunks coded by worker processes, handed back in input order as they are done.

    A thread reads the input and hands chunks out while the caller takes the results, so output
    follows input as it arrives. It stays at most `2 * workers` chunks ahead of the caller, which
    keeps every worker busy while an endless input is never read into memory (`Pool.imap` would
    read it all ahead)."""
    ctx = multiprocessing.get_context("spawn")
    ahead: queue.Queue = queue.Queue(maxsize=2 * options.workers)     # results to come, in input order
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                ahead.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    with ctx.Pool(options.workers, initializer=_init_worker, initargs=(options,)) as pool:
        def feed() -> None:
            try:
                for chunk in chunks(documents, options.batch_size):
                    if not put(pool.apply_async(_run_chunk, (chunk,))):
                        return
                put(_END)
            except BaseException as e:   # an input that fails: raised again in the caller, in its place
                put(e)

        threading.Thread(target=feed, name="redline-feed", daemon=True).start()
        try:
            while (item := ahead.get()) is not _END:
                if isinstance(item, BaseException):
                    raise item
                yield from item.get()
        finally:
            stop.set()      # the caller stopped early: the reader stops handing out chunks


_shared: dict[tuple, Pipeline] = {}


def shared_pipeline(options: Options) -> Pipeline:
    """One loaded pipeline per configuration for the process (the model loads once)."""
    key = (options.model, options.actor_files, options.lexicon_files, options.modality, options.max_chars,
           options.doc_timeout)
    if key not in _shared:
        _shared[key] = Pipeline(options)
    return _shared[key]
