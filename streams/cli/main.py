"""``geowire``: the command line (offline enrichment, Kafka tools, worker, broker, evals)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from streams.cli.bench import bench_app
from streams.cli.broker import broker_app
from streams.cli.eval import eval_app
from streams.cli.settings import fail, kafka_or_exit, settings_or_exit
from streams.core.errors import GeowireError
from streams.core.intake import RawInput, decode_raw
from streams.settings import Settings

app = typer.Typer(
    help="geowire: raw news text in, structured geocoded events out.", no_args_is_help=True
)
gazetteer_app = typer.Typer(help="The offline gazetteer index.")
app.add_typer(broker_app, name="broker")
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")
app.add_typer(gazetteer_app, name="gazetteer")

Source = Annotated[str, typer.Argument(help="a file, or - for standard input")]
SinceMs = Annotated[
    int | None, typer.Option(help="only records stamped from this epoch millisecond on")
]
MaxRecords = Annotated[int | None, typer.Option("--max", help="stop after N records")]


def _read(source: str) -> bytes:
    return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()


def _emit(obj: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(obj) + b"\n")
    sys.stdout.buffer.flush()


def _inputs(source: str, jsonl: bool, settings: Settings) -> Iterator[RawInput | GeowireError]:
    data = _read(source)
    chunks = [
        (f"{source}:{n}", line) for n, line in enumerate(data.splitlines(), 1) if line.strip()
    ]
    # A whole file is keyed by its name, as `geowire produce` keys it, so both paths
    # give the same source_id and article ids.
    key = None if jsonl or source == "-" else Path(source).name.encode()
    for origin, value in chunks if jsonl else [(source, data)]:
        try:
            yield decode_raw(
                value,
                key,
                origin=origin,
                max_bytes=settings.max_input_bytes,
                split=settings.split == "auto",
            )
        except GeowireError as exc:
            yield exc


@app.command()
def enrich(
    source: Source = "-",
    jsonl: Annotated[bool, typer.Option(help="input lines are JSON envelopes")] = False,
) -> None:
    """Run the whole pipeline in process, no Kafka: one EnrichedArticle JSON per line."""
    from streams.service.factory import Components

    settings = settings_or_exit()
    pipeline = Components(settings).pipeline
    failed = 0
    for item in _inputs(source, jsonl, settings):
        if isinstance(item, GeowireError):
            failed += 1
            typer.echo(f"skipped input: {item.code}: {item}", err=True)
            continue
        for article in pipeline.enrich([item], batch_size=settings.batch_size):
            _emit(article.model_dump(mode="json"))
    raise typer.Exit(1 if failed else 0)


@app.command()
def resolve(source: Source = "-") -> None:
    """Geocode given spans: lines {"id","text","spans":[{start,end}]} -> {"id","places"}."""
    from schemas.models import Span
    from streams.service.factory import Components

    geocoder = Components(settings_or_exit()).geocoder
    for line in _read(source).splitlines():
        if not line.strip():
            continue
        doc = orjson.loads(line)
        spans = [Span(start=s["start"], end=s["end"]) for s in doc["spans"]]
        places = geocoder.resolve(doc["text"], spans)
        _emit({"id": doc.get("id"), "places": [p and p.model_dump(mode="json") for p in places]})


@app.command()
def produce(
    paths: Annotated[list[Path], typer.Argument(help="files to send", exists=True)],
    jsonl: Annotated[bool, typer.Option(help="files hold JSON envelopes, one a line")] = False,
    topic: Annotated[str | None, typer.Option(help="default: the raw topic")] = None,
) -> None:
    """Send files to the raw topic (a whole text file is one record)."""
    from tqdm import tqdm

    from streams.service.client import produce as send
    from streams.service.topics import ensure_topics

    settings = kafka_or_exit(settings_or_exit())
    if topic is None:
        # before any worker runs, and on brokers that do not create topics on first use
        asyncio.run(ensure_topics(settings))
    records: list[tuple[bytes | None, bytes]] = []
    for path in paths:
        data = path.read_bytes()
        if jsonl:
            records += [(None, line) for line in data.splitlines() if line.strip()]
        else:
            records.append((path.name.encode(), data))
    with tqdm(total=len(records), unit="rec", file=sys.stderr) as bar:
        sent = asyncio.run(send(settings, records, topic=topic, on_sent=lambda _n: bar.update()))
    typer.echo(f"sent {sent} records to {topic or settings.topic_raw}", err=True)


@app.command()
def tail(
    topic: str,
    from_beginning: Annotated[bool, typer.Option("--from-beginning")] = False,
    since_ms: SinceMs = None,
    max_records: MaxRecords = None,
    timeout: Annotated[float | None, typer.Option(help="stop after S seconds idle")] = None,
    brief: Annotated[bool, typer.Option(help="one readable line per enriched article")] = False,
) -> None:
    """Print a topic's messages as JSON lines."""
    from streams.service.client import tail as read

    settings = kafka_or_exit(settings_or_exit())

    async def run() -> None:
        async for record in read(
            settings,
            topic,
            from_beginning=from_beginning,
            since_ms=since_ms,
            max_records=max_records,
            timeout_s=timeout,
        ):
            if brief:
                typer.echo(_summary(record["value"]))
            else:
                _emit(record)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


@app.command()
def replay(
    code: Annotated[list[str], typer.Option(help="only this error code (repeatable)")] = [],  # noqa: B006
    stage: Annotated[list[str], typer.Option(help="only this stage (repeatable)")] = [],  # noqa: B006
    since_ms: SinceMs = None,
    max_records: MaxRecords = None,
    to: Annotated[str | None, typer.Option(help="send here, not where each failed")] = None,
    dry_run: Annotated[bool, typer.Option(help="list the matching letters, send nothing")] = False,
    again: Annotated[
        bool, typer.Option(help="also send letters an earlier replay to the same target sent")
    ] = False,
) -> None:
    """Resend the original records of dead letters (after fixing their cause), once."""
    from streams.core.errors import CODES, STAGES
    from streams.service.replay import LetterFilter, letter_line
    from streams.service.replay import replay as run

    for given, known in ((code, sorted(CODES)), (stage, sorted(STAGES))):
        if unknown := sorted(set(given) - set(known)):
            typer.echo(f"unknown {unknown}: choose from {', '.join(known)}", err=True)
            raise typer.Exit(2)
    select = LetterFilter(codes=frozenset(code), stages=frozenset(stage), since_ms=since_ms)
    settings = kafka_or_exit(settings_or_exit())
    try:
        summary = asyncio.run(
            run(
                settings,
                select,
                max_records=max_records,
                to_topic=to,
                dry_run=dry_run,
                again=again,
                on_match=(lambda letter: _emit(letter_line(letter))) if dry_run else None,
            )
        )
    except GeowireError as exc:
        fail(exc)
    if summary.replayed_before:
        typer.echo(
            f"{summary.replayed_before} matching letters were replayed before and are "
            "skipped; --again sends them again",
            err=True,
        )
    typer.echo(orjson.dumps(summary.as_dict()).decode(), err=True)


def _summary(value: Any) -> str:
    """A one-line view of an enriched article (other values are shown as JSON)."""
    if not isinstance(value, dict) or "places" not in value:
        return orjson.dumps(value).decode()
    title = value.get("headline") or value["text"][:60].replace("\n", " ") + "…"
    places = ", ".join(f"{p['name']} ({p['country_code'] or '-'})" for p in value["places"])
    people = sorted({e["canonical"] for e in value["entities"] if e["label"] == "PERSON"})
    focus = value["focus"].get("city") or value["focus"].get("country")
    topics = ", ".join(t["label"] for t in value["topics"])
    return (
        f"[{value['source_id']}#{value['index']}] {title}\n"
        f"    places: {places or '-'}\n    focus: {focus['name'] if focus else '-'}"
        f" | people: {', '.join(people) or '-'} | topics: {topics or '-'}"
    )


@app.command()
def worker(
    web_port: Annotated[
        int | None,
        typer.Option(help="default: GEOWIRE_WEB_PORT, else the first free port from 6066"),
    ] = None,
) -> None:
    """Run a Faust worker (split, tag and geocode agents)."""
    from streams.service.worker import run_worker

    settings = settings_or_exit()
    if web_port is not None:
        settings = settings.model_copy(update={"web_port": web_port})
    try:
        run_worker(settings)
    except GeowireError as exc:
        fail(exc)


@app.command("topics")
def topics_create() -> None:
    """Create geowire's topics when missing; warn about existing ones set up otherwise."""
    from streams.service.topics import check_topics, ensure_topics

    settings = kafka_or_exit(settings_or_exit())
    created = asyncio.run(ensure_topics(settings))
    typer.echo(f"created: {', '.join(created) or 'none (all exist)'}")
    for warning in asyncio.run(check_topics(settings)):
        typer.echo(f"warning: {warning}", err=True)


@gazetteer_app.command("import")
def gazetteer_import(
    source: Annotated[
        Path | None, typer.Argument(help="folder of the extracts; default: ../shared/gazetteer")
    ] = None,
) -> None:
    """Compile the shared gazetteer extracts into the archive shipped with geowire.

    Run it when ../shared/gazetteer changes, commit the archive, then rebuild the index
    (`geowire gazetteer build`). The service itself never reads ../shared.
    """
    from streams.gazetteer.extracts import ARCHIVE, import_extracts
    from streams.gazetteer.sources import packaged_city_names
    from streams.paths import shared_dir

    folder = source or shared_dir() / "gazetteer"
    if not (folder / "localities.tsv.gz").exists():
        typer.echo(f"no gazetteer extracts in {folder}", err=True)
        raise typer.Exit(2)
    counts = import_extracts(folder, packaged_city_names())
    for name, tally in counts.items():
        typer.echo(f"{name:<11} " + " ".join(f"{k} {v:,}" for k, v in tally.items()))
    typer.echo(f"archive {ARCHIVE} ({ARCHIVE.stat().st_size / 2**20:.1f} MiB)")


@gazetteer_app.command("build")
def gazetteer_build(
    path: Annotated[Path | None, typer.Argument(help="default: GEOWIRE_GAZETTEER_PATH")] = None,
) -> None:
    """Compile the offline gazetteer index (also done on first use)."""
    from streams.gazetteer import build_gazetteer

    target = path or settings_or_exit().gazetteer_path
    typer.echo(f"gazetteer written to {build_gazetteer(target)}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
