"""``geowire bench``: benchmarks that print their figures (they read ../shared at run time)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from streams.cli.settings import fail, settings_or_exit
from streams.paths import shared_dir

bench_app = typer.Typer(
    help="Benchmarks; each prints its figures and skips without ../shared. "
    "Without a subcommand: `geowire bench service`.",
    invoke_without_command=True,
)

Limit = Annotated[int | None, typer.Option(help="first N texts only")]
Docs = Annotated[int | None, typer.Option(help="first N LGL texts only (default: all)")]
LatencySeconds = Annotated[
    float, typer.Option(help="how long to send at half the 1-worker rate (0: no latency phase)")
]
Part = Annotated[str, typer.Option(help="all, head (first 70%) or tail (last 30%) of LGL")]
Rounds = Annotated[int, typer.Option(min=1, help="repeat every phase; the table shows medians")]


def _service(docs: int | None, latency_seconds: float, part: str, rounds: int) -> None:
    from streams.bench import service
    from streams.core.errors import GeowireError

    if part not in ("all", "head", "tail"):
        raise typer.BadParameter("--part is all, head or tail")
    settings = settings_or_exit()
    try:
        service.run(settings, docs, latency_seconds, part, rounds)
    except GeowireError as exc:
        fail(exc)


@bench_app.callback()
def bench_default(
    ctx: typer.Context,
    docs: Docs = None,
    latency_seconds: LatencySeconds = 40,
    part: Part = "all",
    rounds: Rounds = 1,
) -> None:
    """Benchmarks; without a subcommand, the service table (see `geowire bench service`)."""
    if ctx.invoked_subcommand is None:
        _service(docs, latency_seconds, part, rounds)


@bench_app.command("service")
def bench_service(
    docs: Docs = None,
    latency_seconds: LatencySeconds = 40,
    part: Part = "all",
    rounds: Rounds = 1,
) -> None:
    """The service against offline enrichment, in one table (needs a broker).

    Offline articles/s; streaming articles/s with 1 and 2 workers; latency p50/p95/p99
    at half the 1-worker rate; worker RSS; cold start to the first enriched event.
    """
    _service(docs, latency_seconds, part, rounds)


@bench_app.command("pipeline")
def bench_pipeline(limit: Limit = None, batch_size: int = 16) -> None:
    """Where enrichment time goes: split, tag and geocode on the benchmark texts."""
    from streams.bench import pipeline

    pipeline.run(settings_or_exit(), limit, batch_size)


@bench_app.command("geocode")
def bench_geocode(passes: int = 3) -> None:
    """Geocoder speed on gold spans, index load time and worker memory."""
    from streams.bench import geocode

    settings = settings_or_exit()
    geocode.run(passes, settings.spacy_model, settings.gazetteer_path)


@bench_app.command("split")
def bench_split(
    path: Annotated[Path | None, typer.Argument(help="dumps JSONL")] = None,
    tagger: Annotated[bool, typer.Option(help="also time spaCy tagging")] = False,
    repeat: int = 3,
) -> None:
    """Splitting speed on a dumps file (the shared dumps.jsonl by default)."""
    from streams.bench import split

    split.run(
        path or shared_dir() / "bench" / "split" / "dumps.jsonl", repeat=repeat, tagger=tagger
    )


@bench_app.command("long")
def bench_long(
    sizes: Annotated[str, typer.Option(help="input sizes in KiB, comma-separated")] = "128,256,512",
    write: Annotated[Path | None, typer.Option(help="also write the inputs to this folder")] = None,
) -> None:
    """Pipeline time on one long input of short lines, and its growth with size."""
    from streams.bench import long_input

    long_input.run(settings_or_exit(), [int(s) for s in sizes.split(",")], write)


@bench_app.command("stream")
def bench_stream(docs: int = 300, workers: int = 1) -> None:
    """Documents end to end through Kafka with N workers (needs a broker)."""
    from streams.bench import stream
    from streams.core.errors import GeowireError

    settings_or_exit()
    try:
        stream.run(docs, workers)
    except GeowireError as exc:
        fail(exc)


@bench_app.command("soak")
def bench_soak(
    minutes: Annotated[
        float, typer.Option(help="how long to send at half the sustained rate")
    ] = 10,
    rate: Annotated[
        float | None, typer.Option(help="documents per second (default: half the measured rate)")
    ] = None,
    calibrate: Annotated[int, typer.Option(help="documents of the burst that measures it")] = 120,
    interval: Annotated[float, typer.Option(help="seconds between samples")] = 30,
) -> None:
    """One worker for N minutes at half its sustained rate: RSS, consumer lag, counts."""
    from streams.bench import soak
    from streams.core.errors import GeowireError

    settings_or_exit()
    try:
        soak.run(soak.SoakArgs(minutes, rate, calibrate, interval))
    except GeowireError as exc:
        fail(exc)


@bench_app.command("tagging")
def bench_tagging(
    limit: int = 400,
    batch_size: int = 32,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer")] = False,
) -> None:
    """Our tagger against spaCy's full pipeline on the same texts."""
    from streams.bench import tagging

    settings = settings_or_exit()
    tagging.run(
        shared_dir() / "bench" / "geoparse",
        limit=limit,
        batch_size=batch_size,
        model=settings.spacy_model,
        gazetteer=settings.gazetteer_path,
        use_gazetteer=not no_gazetteer,
    )
