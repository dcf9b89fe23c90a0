"""Globally best cut of a dump into articles: local cues plus word statistics.

The cost of a segmentation is, per article, the code length of its words under
its own smoothed unigram model (Utiyama & Isahara 2001: an article reuses its own
words, so one model per article describes the text cheaply), plus a fixed price
per article, minus the local evidence (log-odds) for each chosen start. Dynamic
programming over the candidate starts finds the minimum exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from scipy.special import gammaln


def best_starts(
    units: Sequence[Mapping[str, int]],
    candidates: Sequence[int],
    evidence: Sequence[float],
    price: float,
    prior: float = 1.5,
    spans: Sequence[tuple[int, int]] = (),
    min_chars: int = 0,
    strong: float = np.inf,
    heads: Callable[[int, int], bool] | None = None,
) -> list[int]:
    """Choose which candidate units start an article.

    Args:
        units: the word counts of each unit (line), in order.
        candidates: increasing unit indices (> 0) where an article may start.
        evidence: log-odds for each candidate being a start (added as a reward).
        price: cost of opening one more article, in nats.
        prior: Dirichlet pseudo-count of each word in an article's word model.
        spans: ``(start, end)`` character offsets of each unit, for ``min_chars``.
        min_chars: an article shorter than this (first to last character) is
            not allowed, unless the whole input is that short, or unless both its
            start and the next start (or the input's start and end) have evidence
            of at least ``strong``: a headline-only item between two headlined
            articles is an article of its own, not a part of either.
        strong: evidence that lets a short article stand (see ``min_chars``).
        heads: ``heads(a, b)`` is True when unit ``a`` reads as the headline of
            the text from unit ``b`` on (the text picks up its words). A short
            article from ``a`` to just before ``b`` is then not allowed even
            between strong starts: ``a`` heads what follows, as a headline over a
            standfirst or byline does, rather than standing alone.

    Returns:
        The chosen candidate indices, in order (unit 0 always starts one too).
    """
    if not candidates:
        return []
    starts = [0, *candidates]
    counts, sizes, vocab = _block_counts(units, starts)
    cum = np.vstack([np.zeros((1, counts.shape[1])), np.cumsum(counts, axis=0)])
    cum_n = np.concatenate([[0.0], np.cumsum(sizes)])
    reward = np.array([0.0, *evidence])
    k = len(starts)
    too_short = _too_short(spans, starts, min_chars, reward >= strong, heads)
    best = np.full(k + 1, np.inf)
    best[0] = 0.0
    back = np.zeros(k + 1, dtype=int)
    for j in range(1, k + 1):
        seg = cum[j] - cum[:j]
        n = cum_n[j] - cum_n[:j]
        cost = (
            gammaln(n + vocab * prior)
            - (gammaln(seg + prior) - gammaln(prior)).sum(axis=1)
            - gammaln(vocab * prior)
        )
        total = best[:j] + cost + price - reward[:j] + too_short[j, :j]
        i = int(np.argmin(total))
        best[j], back[j] = total[i], i
    chosen: list[int] = []
    j = k
    while j > 0:
        j = int(back[j])
        chosen.append(starts[j])
    return sorted(c for c in chosen if c > 0)


def _too_short(
    spans: Sequence[tuple[int, int]],
    starts: Sequence[int],
    min_chars: int,
    strong: np.ndarray,
    heads: Callable[[int, int], bool] | None = None,
) -> np.ndarray:
    """``[j, i]`` is +inf where an article from block ``i`` to block ``j`` is too short.

    ``strong[b]`` says that block ``b`` starts on strong evidence; an article
    between two such starts may be short (the input's start and end count as
    strong), unless ``heads`` says that its first unit heads the next block.
    """
    k = len(starts)
    out = np.zeros((k + 1, k + 1))
    if not spans or min_chars <= 0:
        return out
    first = np.array([spans[s][0] for s in starts], dtype=float)
    last = np.array([spans[s - 1][1] for s in [*starts[1:], len(spans)]], dtype=float)
    length = last[None, :] - first[:, None]  # [i, j-1]: block i .. block j-1
    fenced = strong.copy()
    fenced[0] = True  # the input's first line
    fenced_after = np.append(fenced[1:], True)  # [j-1]: the start after block j-1, or the end
    below = length < min_chars
    short = np.where(below & ~(fenced[:, None] & fenced_after[None, :]), np.inf, 0.0)
    if heads is not None:
        # few articles are short and fenced, so this runs a handful of times per input
        allowed = below & (length > 0) & (short == 0.0)
        for i, j in zip(*np.nonzero(allowed[:, : k - 1]), strict=True):
            if heads(starts[i], starts[j + 1]):
                short[i, j] = np.inf
    out[1:, :k] = short.T
    out[k, 0] = 0.0  # the whole input is always allowed
    return out


def _block_counts(
    units: Sequence[Mapping[str, int]], starts: Sequence[int]
) -> tuple[np.ndarray, np.ndarray, int]:
    """Word counts per block between starts, over words seen at least twice.

    A word seen once adds the same ``log 2`` to every segmentation, so only its
    share of the token count matters; dropping it from the matrix keeps the
    dynamic programme small.
    """
    total: Counter[str] = Counter()
    for unit in units:
        total.update(unit)
    index = {w: i for i, w in enumerate(w for w, c in total.items() if c > 1)}
    bounds = [*starts, len(units)]
    counts = np.zeros((len(starts), max(len(index), 1)))
    sizes = np.zeros(len(starts))
    for b in range(len(starts)):
        for unit in units[bounds[b] : bounds[b + 1]]:
            for w, c in unit.items():
                sizes[b] += c
                col = index.get(w)
                if col is not None:
                    counts[b, col] += c
    return counts, sizes, max(len(total), 1)
