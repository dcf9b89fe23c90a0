"""Benchmark: where enrichment time goes (split, tag, geocode) on real news text.

Usage: ``geowire bench pipeline [--limit N] [--batch-size B]``. Reads the
geoparse and split benchmark texts from ../shared/bench at run time and skips
cleanly when they are absent. Prints per-stage seconds, shares and throughput.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import orjson

from streams.core.intake import RawInput
from streams.paths import shared_dir
from streams.service.factory import Components
from streams.settings import Settings

SHARED = shared_dir() / "bench"
T = TypeVar("T")


def load_texts(limit: int | None) -> list[str]:
    """Texts of the geoparse documents and split dumps (benchmark files, read at run time)."""
    files = [SHARED / "geoparse" / "geowebnews.jsonl", SHARED / "geoparse" / "lgl.jsonl"]
    files.append(SHARED / "split" / "dumps.jsonl")
    texts = [orjson.loads(line)["text"] for f in files if f.exists() for line in f.open("rb")]
    return texts[:limit] if limit else texts


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Run ``fn`` and return its result with the seconds it took."""
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def run(settings: Settings, limit: int | None, batch_size: int) -> dict[str, Any] | None:
    """Enrich the benchmark texts stage by stage and print where the time goes."""
    texts = load_texts(limit)
    if not texts:
        print(f"skipped: no benchmark data under {SHARED}")
        return None
    components = Components(settings)
    pipeline, load_s = timed(lambda: components.pipeline)
    raws = [RawInput(source_id=f"bench:{i}", text=t) for i, t in enumerate(texts)]
    articles, split_s = timed(lambda: [a for raw in raws for a in pipeline.split(raw)])
    batches = [articles[i : i + batch_size] for i in range(0, len(articles), batch_size)]
    tagged, tag_s = timed(lambda: [t for b in batches for t in pipeline.tag(b)])
    enriched, geo_s = timed(lambda: [pipeline.geocode(t) for t in tagged])
    total = split_s + tag_s + geo_s
    chars = sum(len(t) for t in texts)
    figures = {
        "inputs": len(texts),
        "articles": len(articles),
        "chars": chars,
        "places": sum(len(a.places) for a in enriched),
        "load_s": round(load_s, 2),
        "split_s": round(split_s, 3),
        "tag_s": round(tag_s, 3),
        "geocode_s": round(geo_s, 3),
        "split_share": round(split_s / total, 4),
        "geocode_share": round(geo_s / total, 4),
        "articles_per_s": round(len(articles) / total, 1),
        "chars_per_s": round(chars / total),
    }
    for key, value in figures.items():
        print(f"{key:>15}: {value}")
    return figures
