"""``geowire eval split``: how well the splitter cuts inputs into articles.

Benchmark lines are ``{"id", "text", "articles": [{"start", "end"}, ...]}``;
messy.jsonl lines also carry ``part`` (head or tail), ``kind`` (dump, long or
single) and, per article, ``glue_start`` (the end of the article before it).

Figures:

* boundary precision, recall and F1 over article starts after the first (the
  first start is free). A predicted start counts for a gold article when it lies
  anywhere from the article's ``glue_start`` to 3 characters past its start (the
  glue between two articles may go to either side); without ``glue_start``,
  within 3 characters of the start. White space before a gold start is skipped.
  Each gold start is matched once.
* ``exact``: dumps (inputs of two or more articles) with every start right and
  none spurious, with the 95% Wilson interval of the share;
* ``singles``: single articles kept whole;
* ``long_f1``: boundary F1 over the long dumps alone (messy.jsonl's ``long``);
* ``seconds``: time spent splitting.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import orjson

from streams.paths import shared_dir
from streams.split.splitter import PageSplitter

TOLERANCE = 3
SHARED = shared_dir() / "bench"

Part = Literal["head", "tail", "all"]

#: Head/tail cuts: the geoparse files by their README, dumps.jsonl by its README.
HEAD_LINES = {"geowebnews.jsonl": 138, "lgl.jsonl": 413, "dumps.jsonl": 39}


def load(path: Path, part: Part = "all", kind: str = "all") -> list[dict[str, Any]]:
    """Read a JSONL benchmark, keeping one part and some kinds of record.

    Records with a ``part`` field (messy.jsonl) are chosen by it; other files by
    their line: the head is the first ``HEAD_LINES`` lines (70% when unlisted).
    ``kind`` is "all" or kinds joined by commas ("dump,long").
    """
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    if rows and "part" in rows[0]:
        rows = [r for r in rows if part in ("all", r["part"])]
    elif part != "all":
        cut = HEAD_LINES.get(path.name, int(len(rows) * 0.7))
        rows = rows[:cut] if part == "head" else rows[cut:]
    kinds = set(kind.split(","))
    return [r for r in rows if kind == "all" or r.get("kind") in kinds]


def run(
    path: Path, *, part: Part = "all", kind: str = "all", splitter: PageSplitter | None = None
) -> dict[str, Any]:
    """Score the splitter on one benchmark file; print and return the figures."""
    result = score(load(path, part, kind), splitter)
    print_figures(f"split {path.name} [part {part}, kind {kind}]", result)
    return result


def run_raw(
    path: Path, starts: Sequence[int], splitter: PageSplitter | None = None
) -> dict[str, Any]:
    """Score the splitter on one raw text whose article starts are known (the seed dump).

    Returns:
        The figures of :func:`score`, plus ``predicted``: the starts chosen.
    """
    text = path.read_text(encoding="utf-8")
    gold = sorted(starts)
    ends = [*gold[1:], len(text)]
    articles = [{"start": a, "end": b} for a, b in zip(gold, ends, strict=True)]
    result = score([{"id": path.name, "text": text, "articles": articles}], splitter)
    result["predicted"] = result.pop("starts")[0]
    print_figures(f"split {path.name} [{len(gold)} gold articles]", result)
    print(f"  {'predicted':12s} {result['predicted']}")
    return result


def run_pages(
    paths: Sequence[Path], count: int, seed: int, splitter: PageSplitter | None = None
) -> dict[str, Any]:
    """Score the splitter on ``count`` pages rendered from the head documents of ``paths``.

    The fit renders its pages with seed 5 (and its single articles with 6); other
    seeds give pages the model was not fitted on, from the same documents.
    """
    from streams.evaluate.pages import pages

    docs = [doc for path in paths for doc in load(path, "head")]
    result = score(pages(docs, count, seed), splitter)
    print_figures(f"split {count} rendered pages [seed {seed}]", result)
    return result


def run_formats(
    paths: Sequence[Path], count: int, seed: int, splitter: PageSplitter | None = None
) -> dict[str, dict[str, Any]]:
    """Score the splitter on pages in formats it was not fitted on (``formats.py``).

    For each format, ``count`` dumps of 3-8 articles and ``count`` single articles,
    from the head documents of ``paths``, and the long dumps of ``formats.LONG``
    articles (their F1 and how many articles they came out as); one line of figures
    a format, then all (``all`` over the short dumps and singles, ``long`` over the
    long dumps).
    """
    from streams.evaluate.formats import FORMATS, LONG, long_pages, pages

    docs = [doc for path in paths for doc in load(path, "head")]
    splitter = splitter or PageSplitter()
    results, every, longs = {}, [], []
    print(
        f"split: pages in other formats [{count} dumps and {count} singles each, "
        f"and dumps of {', '.join(map(str, LONG))}; seed {seed}]"
    )
    for name, (what, _) in FORMATS.items():
        rows, long_rows = pages(docs, name, count, seed), long_pages(docs, name, seed)
        every += rows
        longs += long_rows
        results[name] = score(rows, splitter)
        results[name]["long"] = score(long_rows, splitter)
        results[name]["long"]["pieces"] = [len(p) for p in results[name]["long"]["starts"]]
        print(_format_line(name, results[name]) + f"  ({what})")
    results["all"] = score(every, splitter)
    results["long"] = score(longs, splitter)
    print(_format_line("all", results["all"]))
    r = results["long"]
    print(f"  {'long':9s} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}")
    return results


def _format_line(name: str, r: dict[str, Any]) -> str:
    line = (
        f"  {name:9s} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
        f"exact {r['exact']}/{r['dumps']}  singles whole {r['whole']}/{r['singles']}"
    )
    if "long" in r:
        line += f"  long F1 {r['long']['f1']:.3f} (pieces {r['long']['pieces']})"
    return line


def run_single(paths: Sequence[Path], splitter: PageSplitter | None = None) -> dict[str, Any]:
    """Feed each document of article files alone; report the share kept whole."""
    splitter = splitter or PageSplitter()
    total = single = 0
    cut: list[dict[str, Any]] = []
    for path in paths:
        for row in load(path):
            n = len(splitter.split(row["text"]))
            total += 1
            single += n == 1
            if n != 1:
                cut.append({"id": row["id"], "articles": n})
    result = {"documents": total, "single": single, "share": single / total if total else 0.0}
    result["cut"] = cut
    print_figures("single-article check " + " ".join(p.name for p in paths), result)
    return result


def score(rows: Sequence[dict[str, Any]], splitter: PageSplitter | None = None) -> dict[str, Any]:
    """The figures of ``splitter`` over benchmark records (see the module docstring)."""
    splitter = splitter or PageSplitter()
    counts = {"all": [0, 0, 0], "long": [0, 0, 0]}  # hits, spurious, missed
    dumps = exact = singles = whole = 0
    errors: list[dict[str, Any]] = []
    starts: list[list[int]] = []
    elapsed = 0.0
    for row in rows:
        t0 = time.perf_counter()
        pred = [s.start for s in splitter.split(row["text"])]
        elapsed += time.perf_counter() - t0
        starts.append(pred)
        hits, missed, spurious = match_starts(row["text"], row["articles"], pred)
        for key in ("all", "long") if row.get("kind") == "long" else ("all",):
            _add(counts[key], hits, len(spurious), len(missed))
        if len(row["articles"]) > 1:
            dumps += 1
            exact += not missed and not spurious
        else:
            singles += 1
            whole += not spurious
        if missed or spurious:
            errors.append({"id": row["id"], "missed": missed, "spurious": spurious})
    result = _prf(*counts["all"])
    low, high = wilson(exact, dumps)
    result.update(dumps=dumps, exact=exact, exact_low=low, exact_high=high)
    result.update(singles=singles, whole=whole, whole_share=whole / singles if singles else 1.0)
    if any(counts["long"]):
        result["long_f1"] = _prf(*counts["long"])["f1"]
    result.update(seconds=elapsed, errors=errors, starts=starts)
    return result


def match_starts(
    text: str, articles: Sequence[dict[str, Any]], pred: Sequence[int]
) -> tuple[int, list[int], list[int]]:
    """Match predicted starts (after the first) to gold articles, one to one.

    Returns:
        ``(hits, missed gold starts, spurious predicted starts)``.
    """
    windows = {_skip_space(text, a["start"]): _window(text, a) for a in articles[1:]}
    free = dict(windows)
    spurious: list[int] = []
    hits = 0
    for p in sorted(pred[1:]):
        near = [g for g, (lo, hi) in free.items() if lo <= p <= hi]
        if near:
            del free[min(near, key=lambda g: abs(g - p))]
            hits += 1
        else:
            spurious.append(p)
    return hits, sorted(free), spurious


def _window(text: str, article: dict[str, Any]) -> tuple[int, int]:
    start = _skip_space(text, article["start"])
    low = article.get("glue_start", start - TOLERANCE)
    return low, start + TOLERANCE


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _add(counts: list[int], hits: int, spurious: int, missed: int) -> None:
    counts[0] += hits
    counts[1] += spurious
    counts[2] += missed


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"boundaries": tp + fn, "precision": precision, "recall": recall, "f1": f1}


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a share (95% by default); ``(0, 1)`` with no trials."""
    if trials == 0:
        return 0.0, 1.0
    share = successes / trials
    scale = 1.0 + z * z / trials
    centre = (share + z * z / (2 * trials)) / scale
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


def print_figures(
    title: str, result: dict[str, Any], lists: Iterable[str] = ("errors", "cut")
) -> None:
    """Print the scalar figures of a result, one a line, then the first listed errors."""
    print(title)
    for key, value in result.items():
        if isinstance(value, float):
            print(f"  {key:12s} {value:.4f}")
        elif isinstance(value, int | str):
            print(f"  {key:12s} {value}")
    for key in lists:
        if result.get(key):
            print(f"  {key:12s} {orjson.dumps(result[key][:20]).decode()}")
