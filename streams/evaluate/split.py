"""``geowire eval split``: how well the splitter cuts dumps into articles.

Input lines are ``{"id", "text", "articles": [{"start", "end"}, ...]}``. Figures:

* boundary precision / recall / F1 over article starts after the first (the first
  start is free, so it is left out); a predicted start within ``TOLERANCE``
  characters of a gold start counts, each gold start matched at most once;
* exact: share of dumps with as many articles as gold and every start matched,
  with its count and 95% Wilson interval (``exact_low``, ``exact_high``);
* Pk (Beeferman et al. 1999) at character level, k = half the mean gold article
  length of the dump, averaged over dumps; lower is better.

``run_single`` feeds each document of geoparse benchmark files alone and reports
the share that comes out as one article. ``geowire eval split`` runs them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import orjson

from streams.paths import shared_dir
from streams.split.splitter import RuleSplitter

TOLERANCE = 3
HEAD_SHARE = 0.7
SHARED = shared_dir() / "bench"

Part = Literal["head", "tail", "all"]


#: Tuning/held-out cuts fixed by the geoparse benchmark README (lines before the tail).
HEAD_LINES = {"geowebnews.jsonl": 138, "lgl.jsonl": 413}


def load(path: Path, part: Part = "all") -> list[dict[str, Any]]:
    """Read a JSONL benchmark; ``head`` is its tuning part (first 70%), ``tail`` the rest."""
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    cut = HEAD_LINES.get(path.name, int(len(rows) * HEAD_SHARE))
    if part == "head":
        return rows[:cut]
    if part == "tail":
        return rows[cut:]
    return rows


def run(path: Path, *, part: Part = "all", splitter: RuleSplitter | None = None) -> dict[str, Any]:
    """Score the splitter on a split benchmark; print and return the figures.

    Args:
        path: JSONL with ``id``, ``text`` and gold ``articles``.
        part: ``head`` (tuning part), ``tail`` (held out) or ``all``.
        splitter: the splitter to score; the default :class:`RuleSplitter` if None.

    Returns:
        Counts and figures: dumps, articles, precision, recall, f1, exact, pk,
        ms_per_dump, and ``errors`` (per dump: missed and spurious starts).
    """
    result = score(load(path, part), splitter)
    result["part"] = part
    print_figures(f"split {path.name} [{part}]", result)
    return result


def run_raw(
    path: Path, starts: Sequence[int], splitter: RuleSplitter | None = None
) -> dict[str, Any]:
    """Score the splitter on one raw dump whose article starts are known.

    For a plain-text dump such as the shared seed sample, whose true article
    starts were checked by hand: the file is one dump, ``starts`` its gold starts.

    Args:
        path: a UTF-8 text file, the whole of it one input.
        starts: character offsets of each article's first character.
        splitter: the splitter to score; the default :class:`RuleSplitter` if None.

    Returns:
        The figures of :func:`run` for this one dump, plus ``predicted``: the
        starts the splitter chose.
    """
    splitter = splitter or RuleSplitter()
    text = path.read_text(encoding="utf-8")
    gold = sorted(starts)
    ends = [*gold[1:], len(text)]
    row = {
        "id": path.name,
        "text": text,
        "articles": [{"start": a, "end": b} for a, b in zip(gold, ends, strict=True)],
    }
    result = score([row], splitter)
    result["predicted"] = result.pop("starts")[0]
    print_figures(f"split {path.name} [{len(gold)} gold articles]", result)
    print(f"  {'predicted':12s} {result['predicted']}")
    return result


def score(rows: Sequence[dict[str, Any]], splitter: RuleSplitter | None = None) -> dict[str, Any]:
    """Boundary figures of ``splitter`` over dumps with gold ``articles``; see :func:`run`.

    ``starts`` holds the predicted article starts of each dump, in order.
    """
    splitter = splitter or RuleSplitter()
    tp = fp = fn = exact = 0
    pks: list[float] = []
    errors: list[dict[str, Any]] = []
    starts: list[list[int]] = []
    elapsed = 0.0
    for row in rows:
        text = row["text"]
        t0 = time.perf_counter()
        pred = [s.start for s in splitter.split(text)]
        elapsed += time.perf_counter() - t0
        starts.append(pred)
        gold = [a["start"] for a in row["articles"]]
        hit, missed, spurious = match_starts(gold[1:], pred[1:])
        tp, fn, fp = tp + hit, fn + len(missed), fp + len(spurious)
        exact += int(not missed and not spurious and len(gold) == len(pred))
        pks.append(pk(gold, pred, len(text), [a["end"] - a["start"] for a in row["articles"]]))
        if missed or spurious:
            errors.append({"id": row["id"], "missed": missed, "spurious": spurious})
    result = _figures(tp, fp, fn, exact, pks, len(rows), elapsed)
    result.update(articles=sum(len(r["articles"]) for r in rows), errors=errors, starts=starts)
    return result


def run_single(paths: Sequence[Path], splitter: RuleSplitter | None = None) -> dict[str, Any]:
    """Feed each document alone; report the share that stays one article.

    Args:
        paths: JSONL files with ``id`` and ``text`` per line (geoparse benchmarks).
        splitter: the splitter to check; the default :class:`RuleSplitter` if None.

    Returns:
        documents, single (count kept whole), share, and ``cut``: ids of the
        documents that were split, with their article counts.
    """
    splitter = splitter or RuleSplitter()
    total = single = 0
    cut: list[dict[str, Any]] = []
    for path in paths:
        for row in load(path):
            n = len(splitter.split(row["text"]))
            total += 1
            if n == 1:
                single += 1
            else:
                cut.append({"id": row["id"], "articles": n})
    result: dict[str, Any] = {
        "documents": total,
        "single": single,
        "share": single / total if total else 0.0,
        "cut": cut,
    }
    print_figures("single-article check " + " ".join(p.name for p in paths), result)
    return result


def match_starts(gold: Sequence[int], pred: Sequence[int]) -> tuple[int, list[int], list[int]]:
    """Match predicted starts to gold starts within :data:`TOLERANCE`, one to one.

    Returns:
        ``(hits, missed gold starts, spurious predicted starts)``.
    """
    free = sorted(gold)
    spurious: list[int] = []
    hits = 0
    for p in sorted(pred):
        near = [g for g in free if abs(g - p) <= TOLERANCE]
        if near:
            free.remove(min(near, key=lambda g: abs(g - p)))
            hits += 1
        else:
            spurious.append(p)
    return hits, free, spurious


def pk(gold: Sequence[int], pred: Sequence[int], length: int, sizes: Sequence[int]) -> float:
    """Beeferman's Pk at character level for one dump.

    Args:
        gold: gold article starts. pred: predicted starts.
        length: characters in the dump. sizes: gold article lengths (for k).

    Returns:
        Share of probes ``(i, i + k)`` where gold and prediction disagree on
        whether both ends lie in the same article (0 when the dump is too short).
    """
    if not sizes:
        return 0.0
    k = max(1, round(sum(sizes) / len(sizes) / 2))
    if length <= k:
        return 0.0
    ref, hyp = _labels(gold, length), _labels(pred, length)
    probes = length - k
    wrong = sum((ref[i] == ref[i + k]) != (hyp[i] == hyp[i + k]) for i in range(probes))
    return wrong / probes


def _labels(starts: Sequence[int], length: int) -> list[int]:
    """Article number of every character (text before the first start counts as 0)."""
    labels = [0] * length
    for n, s in enumerate(sorted(starts)[1:], 1):
        labels[s:] = [n] * (length - s)
    return labels


def _figures(
    tp: int, fp: int, fn: int, exact: int, pks: list[float], dumps: int, elapsed: float
) -> dict[str, Any]:
    """Turn counts into the reported figures."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # a 17-dump tail cannot tell 82% from 90%: say how wide the exact share is
    low, high = wilson(exact, dumps)
    return {
        "dumps": dumps,
        "boundaries": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact": exact / dumps if dumps else 0.0,
        "exact_dumps": exact,
        "exact_low": low,
        "exact_high": high,
        "pk": sum(pks) / len(pks) if pks else 0.0,
        "ms_per_dump": 1000 * elapsed / dumps if dumps else 0.0,
    }


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a share (95% by default).

    Args:
        successes: how many of the trials succeeded.
        trials: how many there were.
        z: the normal quantile of the interval.

    Returns:
        ``(low, high)``; ``(0.0, 1.0)`` when there are no trials.
    """
    if trials == 0:
        return 0.0, 1.0
    share = successes / trials
    scale = 1.0 + z * z / trials
    centre = (share + z * z / (2 * trials)) / scale
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


def print_figures(title: str, result: dict[str, Any]) -> None:
    """Print the scalar figures of a result on one line each."""
    print(title)
    for key, value in result.items():
        if isinstance(value, float):
            print(f"  {key:12s} {value:.4f}")
        elif isinstance(value, int | str):
            print(f"  {key:12s} {value}")
    for key in ("errors", "cut"):
        if result.get(key):
            print(f"  {key:12s} {orjson.dumps(result[key][:20]).decode()}")
