"""Benchmark: geocoder speed and worker memory.

Usage: ``geowire bench geocode [--passes N]``. Reads the gold
toponym spans of ../shared/bench/geoparse/*.jsonl at run time (skips cleanly when absent)
and prints:

* gazetteer load time (index already built; the build is timed separately if missing);
* ``resolve`` toponyms per second on one core: the first pass (cold name caches) and
  the following passes (warm, as in a long-running worker);
* resident memory of this process with the gazetteer AND the spaCy model loaded (the
  index is memory-mapped: the pages it touches are shared by the workers of a host).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import psutil

from schemas.models import Span
from streams.evaluate.recognition import read_docs
from streams.gazetteer import load_gazetteer
from streams.gazetteer.index import resolve_path
from streams.geocode.geocoder import GazetteerGeocoder
from streams.paths import shared_dir

SHARED = shared_dir() / "bench" / "geoparse"
FILES = ("geowebnews.jsonl", "lgl.jsonl")


def load_spans() -> list[tuple[str, list[Span]]]:
    """Texts and gold toponym spans of the geoparse benchmarks (empty when absent)."""
    docs = [d for name in FILES if (SHARED / name).exists() for d in read_docs(SHARED / name)]
    return [
        (d["text"], [Span(start=t["start"], end=t["end"]) for t in d["toponyms"]]) for d in docs
    ]


def rss_mb() -> float:
    """Resident set size of this process in MB."""
    return float(psutil.Process().memory_info().rss) / 2**20


def resolve_rate(geocoder: GazetteerGeocoder, docs: list[tuple[str, list[Span]]]) -> float:
    """Toponyms resolved per second over one pass of the documents."""
    started = time.perf_counter()
    count = 0
    for text, spans in docs:
        geocoder.resolve(text, spans)
        count += len(spans)
    return count / (time.perf_counter() - started)


def run(passes: int, model: str, gazetteer: Path) -> dict[str, Any] | None:
    """Measure and print the figures; None when the benchmark data is absent.

    Args:
        passes: resolve passes over the spans (the first is cold).
        model: the spaCy model whose load is counted in the worker RSS.
        gazetteer: the index path from the settings.
    """
    docs = load_spans()
    if not docs:
        print(f"skipped: no benchmark data under {SHARED}")
        return None
    path = resolve_path(gazetteer)
    build_s = 0.0
    if not (path / "meta.json").exists():
        started = time.perf_counter()
        from streams.gazetteer import build_gazetteer

        build_gazetteer(path)
        build_s = time.perf_counter() - started
    base_mb = rss_mb()
    started = time.perf_counter()
    index = load_gazetteer(path)
    load_s = time.perf_counter() - started
    gazetteer_mb = rss_mb() - base_mb
    geocoder = GazetteerGeocoder(index)
    cold = resolve_rate(geocoder, docs)
    warm = max(resolve_rate(geocoder, docs) for _ in range(max(1, passes - 1)))
    import spacy

    nlp = spacy.load(model)
    nlp("Warm-up sentence in Paris, Texas.")
    figures = {
        "toponyms": sum(len(s) for _, s in docs),
        "build_s": round(build_s, 2),
        "index_mb": round(sum(f.stat().st_size for f in path.iterdir()) / 2**20, 1),
        "load_s": round(load_s, 3),
        "gazetteer_rss_mb": round(gazetteer_mb, 1),
        "resolve_per_s_cold": round(cold),
        "resolve_per_s_warm": round(warm),
        "worker_rss_mb": round(rss_mb(), 1),
    }
    for key, value in figures.items():
        print(f"{key:<22} {value}")
    return figures
