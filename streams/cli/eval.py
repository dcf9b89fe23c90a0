"""``geowire eval``: scoring the splitter and the geoparser on benchmark files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from streams.cli.settings import settings_or_exit

eval_app = typer.Typer(help="Evaluations against benchmark files.")


@eval_app.command("split")
def eval_split(
    paths: Annotated[
        list[Path], typer.Argument(help="benchmark JSONL (or, with --single, articles)")
    ],
    part: Annotated[str, typer.Option(help="head, tail or all")] = "all",
    kind: Annotated[
        str,
        typer.Option(help="messy.jsonl records: dump, long, single, several (dump,long) or all"),
    ] = "all",
    single: Annotated[
        bool, typer.Option(help="files of single articles: check 1 in, 1 out")
    ] = False,
    starts: Annotated[
        str, typer.Option(help="raw text dumps with these gold starts, e.g. 0,1729,3784")
    ] = "",
    pages: Annotated[
        int, typer.Option(help="score this many pages rendered from the head documents of PATHS")
    ] = 0,
    formats: Annotated[
        int,
        typer.Option(
            help="score this many dumps and singles in each format the fit never saw "
            "(streams/evaluate/formats.py), from the head documents of PATHS"
        ),
    ] = 0,
    seed: Annotated[int, typer.Option(help="seed of the --pages or --formats pages")] = 77,
) -> None:
    """Article boundary precision/recall/F1, exact dumps, singles kept whole, seconds."""
    from streams.evaluate import split as split_eval

    if pages:
        split_eval.run_pages(paths, pages, seed)
        return
    if formats:
        split_eval.run_formats(paths, formats, seed)
        return
    if single:
        split_eval.run_single(paths)
        return
    if starts:
        gold = [int(s) for s in starts.split(",")]
        for path in paths:
            split_eval.run_raw(path, gold)
        return
    for path in paths:
        split_eval.run(path, part=part, kind=kind)  # type: ignore[arg-type]


@eval_app.command("split-fit")
def eval_split_fit(
    out: Annotated[Path | None, typer.Option(help="where to write the model JSON")] = None,
    pages: Annotated[int, typer.Option(help="rendered pages to fit on")] = 2000,
    seed: Annotated[int, typer.Option(help="seed of the rendered pages")] = 5,
) -> None:
    """Fit the splitter's model on head material; write streams/split/data/weights.json."""
    from streams.evaluate import split_fit

    split_fit.fit(out or split_fit.WEIGHTS, count=pages, seed=seed)


@eval_app.command("geoparse")
def eval_geoparse(
    path: Path,
    gold_spans: Annotated[
        bool, typer.Option("--gold-spans", help="resolve gold spans only")
    ] = False,
    part: Annotated[str, typer.Option(help="head, tail or all")] = "all",
    comparable: Annotated[
        bool, typer.Option(help="with --gold-spans, also score the Mordecai3-comparable subset")
    ] = False,
    misses: Annotated[
        Path | None,
        typer.Option(help="with --gold-spans, write the misses here (JSON lines; use on the head)"),
    ] = None,
) -> None:
    """Toponym recognition and resolution figures (Acc@161 km, errors, AUC)."""
    from streams.evaluate import geoparse
    from streams.service.factory import Components

    components = Components(settings_or_exit())
    geoparse.run(
        path,
        gold_spans=gold_spans,
        part=part,  # type: ignore[arg-type]
        tagger=None if gold_spans else components.tagger,
        geocoder=components.geocoder,  # type: ignore[arg-type]
        comparable_model=components.settings.spacy_model if comparable and gold_spans else None,
        misses=misses,
    )


@eval_app.command("recognition")
def eval_recognition(
    files: list[Path],
    part: Annotated[list[str] | None, typer.Option(help="head, tail or all (repeatable)")] = None,
    places_only: Annotated[bool, typer.Option(help="do not count demonyms")] = False,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer")] = False,
) -> None:
    """Toponym recognition precision, recall and F1 of the tagger."""
    from streams.evaluate import recognition

    settings = settings_or_exit()
    recognition.run_files(
        files,
        part or ["tail", "all"],  # type: ignore[arg-type]
        model=settings.spacy_model,
        gazetteer=settings.gazetteer_path,
        use_gazetteer=not no_gazetteer,
        demonyms=not places_only,
    )


@eval_app.command("sentences")
def eval_sentences(
    part: Annotated[str, typer.Option(help="head, tail or all")] = "head",
    examples: Annotated[int, typer.Option(help="disagreements to print")] = 0,
) -> None:
    """Our sentence ends against pysbd's on the geoparse documents."""
    from streams.evaluate import sentence_agreement

    sentence_agreement.run(part, examples)  # type: ignore[arg-type]
