"""Throughput of geowire's tagger against spaCy's full default pipeline on the same texts.

Texts: the geoparse benchmark articles (GeoWebNews and LGL) read from ``../shared`` at run
time; the benchmark prints "skipped" and exits 0 when they are absent. Both sides get
the same texts and ``nlp.pipe`` batch size, and one warm-up batch each first.

* ``spacy full``: ``spacy.load(model)`` with every component, ``list(nlp.pipe(texts))``.
* ``geowire``: ``SpacyTagger.tag_batch`` over ``ArticleV1`` events — language detection,
  NER only, every consistency and place rule, canonical names and topics included —
  with the gazetteer loaded (its lookups are part of the cost).

Usage: ``geowire bench tagging [--limit N] [--batch-size 32] [--no-gazetteer]``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from schemas.models import ArticleV1, Span
from streams.paths import shared_dir

SHARED = shared_dir() / "bench" / "geoparse"
FILES = ("geowebnews.jsonl", "lgl.jsonl")


def load_texts(root: Path, limit: int) -> list[str]:
    """Read up to ``limit`` article texts from the geoparse benchmark files."""
    texts: list[str] = []
    for name in FILES:
        path = root / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[:limit]


def as_articles(texts: Sequence[str]) -> list[ArticleV1]:
    """Wrap texts as the article events the tagger receives."""
    return [
        ArticleV1(
            id=f"bench-{i}",
            source_id="bench",
            index=0,
            span=Span(start=0, end=len(t)),
            headline=None,
            text=t,
            sentences=[Span(start=0, end=len(t))],
        )
        for i, t in enumerate(texts)
    ]


def timed(work: Callable[[], object]) -> float:
    """Seconds one call of ``work`` takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run(
    root: Path,
    *,
    limit: int,
    batch_size: int,
    model: str,
    gazetteer: Path,
    use_gazetteer: bool,
) -> float | None:
    """Tag the benchmark texts with spaCy's full pipeline and with ours; print both rates.

    Returns:
        Our speed-up over spaCy's full pipeline, or None when the texts are absent.
    """
    texts = load_texts(root, limit)
    if not texts:
        print(f"skipped: no benchmark texts under {root}")
        return None
    import spacy

    from streams.tag.tagger import SpacyTagger

    oracle = None
    if use_gazetteer:
        from streams.gazetteer import load_gazetteer

        oracle = load_gazetteer(gazetteer)
    full = spacy.load(model)
    tagger = SpacyTagger(model, oracle=oracle, batch_size=batch_size)
    articles = as_articles(texts)
    warm = slice(0, batch_size)
    list(full.pipe(texts[warm], batch_size=batch_size))
    tagger.tag_batch(articles[warm])
    chars = sum(len(t) for t in texts)
    base = timed(lambda: list(full.pipe(texts, batch_size=batch_size)))
    ours = timed(lambda: tagger.tag_batch(articles))
    print(f"texts={len(texts)} chars={chars} batch_size={batch_size} model={model}")
    for name, seconds in (("spacy full pipeline", base), ("geowire SpacyTagger", ours)):
        print(
            f"{name:22} {seconds:7.2f}s  {len(texts) / seconds:7.1f} articles/s  "
            f"{chars / seconds:9.0f} chars/s"
        )
    print(f"speed-up: {base / ours:.2f}x")
    return base / ours
