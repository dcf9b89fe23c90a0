"""``geowire eval split``: how well the splitter cuts dumps into articles.

Input lines are ``{"id", "text", "articles": [{"start", "end"}, ...]}``. Figures:

* boundary precision / recall / F1 over article starts after the first (the first
  start is free, so it is left out); a predicted start within ``TOLERANCE``
  characters of a gold start counts, each gold start matched at most once;
* exact: share of dumps with as many articles as gold and every start matched;
* Pk (Beeferman et al. 1999) at character level, k = half the mean gold article
  length of the dump, averaged over dumps; lower is better.

``run_single`` feeds each document of geoparse benchmark files alone and reports
the share that comes out as one article. ``python -m streams.evaluate.split``
runs both on the shared data.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import orjson

from streams.enrich.split import RuleSplitter
from streams.paths import shared_dir

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
    splitter = splitter or RuleSplitter()
    rows = load(path, part)
    tp = fp = fn = exact = 0
    pks: list[float] = []
    errors: list[dict[str, Any]] = []
    elapsed = 0.0
    for row in rows:
        text = row["text"]
        t0 = time.perf_counter()
        pred = [s.start for s in splitter.split(text)]
        elapsed += time.perf_counter() - t0
        gold = [a["start"] for a in row["articles"]]
        hit, missed, spurious = match_starts(gold[1:], pred[1:])
        tp, fn, fp = tp + hit, fn + len(missed), fp + len(spurious)
        exact += int(not missed and not spurious and len(gold) == len(pred))
        pks.append(pk(gold, pred, len(text), [a["end"] - a["start"] for a in row["articles"]]))
        if missed or spurious:
            errors.append({"id": row["id"], "missed": missed, "spurious": spurious})
    result = _figures(tp, fp, fn, exact, pks, len(rows), elapsed)
    result.update(part=part, articles=sum(len(r["articles"]) for r in rows), errors=errors)
    _print(f"split {path.name} [{part}]", result)
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
    _print("single-article check " + " ".join(p.name for p in paths), result)
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
    return {
        "dumps": dumps,
        "boundaries": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact": exact / dumps if dumps else 0.0,
        "pk": sum(pks) / len(pks) if pks else 0.0,
        "ms_per_dump": 1000 * elapsed / dumps if dumps else 0.0,
    }


def _print(title: str, result: dict[str, Any]) -> None:
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


def tune(
    path: Path,
    singles: Sequence[Path] = (),
    *,
    single_weight: float = 10.0,
    l2: float = 1.0,
    synthetic: int = 600,
    synthetic_weight: float = 0.25,
    seeds: Sequence[int] = (7, 8),
) -> dict[str, float]:
    """Fit the boundary weights on the head (tuning) parts of the benchmarks.

    Every non-first line of every dump is an example; it is positive when a gold
    article starts within :data:`TOLERANCE` characters of it. The lines of the
    single documents (head parts of ``singles``) are negatives, weighted by
    ``single_weight``: they teach that a long article's paragraphs are not
    breaks. ``synthetic`` dumps per seed, built at run time from those same head
    documents (:mod:`streams.evaluate.synthetic_split`), add examples weighted by
    ``synthetic_weight``. The weights are those of an L2-regularised logistic
    regression (Newton's method); they are printed for
    ``streams.enrich.boundary.WEIGHTS``.

    Returns:
        Feature name to fitted weight.
    """
    from streams.enrich.boundary import FEATURES, FIXED
    from streams.evaluate.synthetic_split import dumps

    docs = [(r["text"], [a["start"] for a in r["articles"]], 1.0) for r in load(path, "head")]
    heads = [row for single in singles for row in load(single, "head")]
    docs += [(r["text"], [], single_weight) for r in heads]
    if heads and synthetic:
        for seed in seeds:
            for r in dumps(heads, synthetic, seed):
                docs.append((r["text"], [a["start"] for a in r["articles"]], synthetic_weight))
    w = _fit_logistic(*_line_examples(docs), l2=l2)
    fitted = {name: round(float(v), 2) for name, v in zip(FEATURES, w, strict=True)}
    fitted.update(FIXED)
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in fitted.values()) + ")")
    return fitted


def _line_examples(docs: Sequence[tuple[str, Sequence[int], float]]) -> tuple[Any, Any, Any]:
    """Features, labels and weights of every non-first line of ``(text, starts, weight)``."""
    import numpy as np

    from streams.enrich.boundary import context, features, line_cues
    from streams.enrich.headline import read_lines

    xs: list[list[float]] = []
    ys: list[float] = []
    sw: list[float] = []
    for text, gold, weight in docs:
        lines = read_lines(text)
        cues = line_cues(lines)
        ctx = context(lines, cues)
        for i in range(1, len(lines)):
            xs.append(features(lines, cues, i, ctx))
            ys.append(float(any(abs(g - lines[i].start) <= TOLERANCE for g in gold)))
            sw.append(weight)
    return np.array(xs), np.array(ys), np.array(sw)


def _fit_logistic(x: Any, y: Any, s: Any, *, l2: float) -> Any:
    """Weighted L2 logistic regression by Newton's method (30 steps)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (s * (p - y)) + l2 * w
        hess = (x.T * (s * p * (1 - p))) @ x + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate on the shared benchmarks (or the file given); skip if absent."""
    import argparse

    parser = argparse.ArgumentParser(
        description="Split benchmark (head, tail, all) and the single-article check."
    )
    parser.add_argument("dumps", nargs="?", type=Path, default=SHARED / "split" / "dumps.jsonl")
    dumps = parser.parse_args(argv).dumps
    if not dumps.exists():
        print(f"skipped: {dumps} not found")
        return 0
    for part in ("head", "tail", "all"):
        run(dumps, part=part)
    singles = sorted((SHARED / "geoparse").glob("*.jsonl"))
    if singles:
        run_single(singles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
