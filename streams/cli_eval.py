"""``geowire eval``: scoring the splitter and the geoparser on benchmark files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(help="Evaluations against benchmark files.")


@eval_app.command("split")
def eval_split(
    paths: Annotated[list[Path], typer.Argument(help="dumps JSONL (or, with --single, articles)")],
    part: Annotated[str, typer.Option(help="head, tail or all")] = "all",
    single: Annotated[
        bool, typer.Option(help="files of single articles: check 1 in, 1 out")
    ] = False,
    starts: Annotated[
        str, typer.Option(help="raw text dumps with these gold starts, e.g. 0,1729,3784")
    ] = "",
    synthetic: Annotated[
        int, typer.Option(help="build this many dumps from the --part of article files")
    ] = 0,
    seed: Annotated[int, typer.Option(help="layout seed of --synthetic dumps")] = 0,
) -> None:
    """Article boundary precision/recall/F1, exact-split share and Pk."""
    from streams.evaluate import split as split_eval
    from streams.evaluate import synthetic_split

    if synthetic:
        synthetic_split.run(paths, synthetic, part=part, seed=seed)  # type: ignore[arg-type]
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
        split_eval.run(path, part=part)  # type: ignore[arg-type]


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
    from streams.cli import settings_or_exit
    from streams.enrich.factory import Components
    from streams.evaluate import geoparse

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
