"""How enrichment time grows with one long input of short lines.

``geowire bench long [--sizes 128,256,512]`` builds, for each size in KiB, one
input of short lines (every sentence of the geoparse documents, cut after each
comma, on lines of its own; a blank line between documents; read from ../shared
at run time) and runs the
whole pipeline on it in process, as ``geowire enrich`` does: split, tag in
batches, geocode. It prints the seconds of each stage and, from the second size
on, the growth of the total against the size before (the target is at most 2.5×
per doubling). ``--write DIR`` also writes the inputs, to time ``geowire enrich``
itself on them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from streams.core.intake import RawInput
from streams.paths import shared_dir
from streams.service.factory import Components
from streams.settings import Settings
from streams.split.sentences import split_sentences

FILES = ("geowebnews.jsonl", "lgl.jsonl")


def short_lines(size_kib: int) -> str:
    """About ``size_kib`` KiB of text: sentences cut at commas, one piece a line."""
    limit = size_kib * 1024
    parts: list[str] = []
    total = 0
    while total < limit:
        for name in FILES:
            for line in (shared_dir() / "bench" / "geoparse" / name).open("rb"):
                text = orjson.loads(line)["text"]
                sentences = (text[s.start : s.end] for s in split_sentences(text))
                doc = "\n".join(line for s in sentences for line in s.split(", "))
                parts.append(doc)
                total += len(doc.encode()) + 2
                if total >= limit:  # cut to the byte limit, not inside a character
                    return "\n\n".join(parts).encode()[: limit - 1].decode(errors="ignore")
    return "\n\n".join(parts)


def run(
    settings: Settings, sizes: Sequence[int], write: Path | None = None
) -> list[dict[str, Any]]:
    """Time the pipeline on one input of each size; print and return the figures."""
    if not (shared_dir() / "bench" / "geoparse" / FILES[0]).exists():
        print("skipped: no geoparse benchmark under ../shared")
        return []
    pipeline = Components(settings).pipeline
    pipeline.tag(pipeline.split(RawInput(source_id="warm", text="Rain in Lisbon.")))  # load
    out: list[dict[str, Any]] = []
    for size in sizes:
        text = short_lines(size)
        if write:
            write.mkdir(parents=True, exist_ok=True)
            (write / f"short-lines-{size}k.txt").write_text(text, encoding="utf-8")
        raw = RawInput(source_id=f"long-{size}", text=text)
        t0 = time.perf_counter()
        articles = pipeline.split(raw)
        t1 = time.perf_counter()
        step = settings.batch_size
        batches = [articles[i : i + step] for i in range(0, len(articles), step)]
        tagged = [t for batch in batches for t in pipeline.tag(batch)]
        t2 = time.perf_counter()
        for item in tagged:
            pipeline.geocode(item)
        t3 = time.perf_counter()
        row = {"kib": size, "lines": text.count("\n") + 1, "articles": len(articles)}
        row |= {"split_s": t1 - t0, "tag_s": t2 - t1, "geocode_s": t3 - t2, "total_s": t3 - t0}
        if out:
            row["growth"] = row["total_s"] / out[-1]["total_s"]
        out.append(row)
        print(
            "  ".join(
                f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()
            )
        )
    return out
