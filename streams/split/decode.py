"""The decoder: which candidate starts to take, given their margins and how long articles are.

A choice of starts scores the sum of its candidates' margins (log-odds minus the
threshold) plus the log-prior of each article's length. The prior is a log-normal
fitted on head articles, centred for each page on the page's own articles (those
of the sure starts: a first pass without the prior), since one site's articles
are alike in length: briefs on one page, long features on another. It makes a run
of borderline starts at article-like distances worth taking, and a start right
after another (a title's byline, the lead under a standfirst) costly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

#: A length more than this many standard deviations above the usual one costs no more.
CAP_Z = 3.0
#: Earlier starts weighed exactly when a start is chosen; older ones count as far back.
LOOKBACK = 64
#: How many articles of the head data's usual length a page's own lengths lean on.
PRIOR_ARTICLES = 4


@dataclass(frozen=True)
class LengthPrior:
    """How long articles are: the log of an article's length in characters is normal.

    Attributes:
        mu: mean of the natural log of the length.
        sigma: its standard deviation.
    """

    mu: float
    sigma: float

    @property
    def longest(self) -> float:
        """Lengths beyond this (``CAP_Z`` deviations up) are scored as this long."""
        return math.exp(self.mu + CAP_Z * self.sigma)

    def __call__(self, length: float) -> float:
        """Log-prior of an article of ``length`` characters, up to a constant (0 at best)."""
        z = (math.log(min(max(length, 1.0), self.longest)) - self.mu) / self.sigma
        return -0.5 * z * z

    def most_gain(self) -> float:
        """The most the prior can gain by cutting one article in two: ``(ln 2 / sigma)^2``.

        Cutting a length ``2x`` into two halves gains ``-u^2/2 + u c + c^2/2`` with
        ``u = z(x)`` and ``c = ln 2 / sigma``, greatest (``c^2``) at ``u = c``; unequal
        parts gain less, and the cap only lowers what a longer article would lose.
        """
        return (math.log(2) / self.sigma) ** 2

    def around(self, lengths: Sequence[int]) -> LengthPrior:
        """The prior centred on one page: its ``lengths`` and ``PRIOR_ARTICLES`` at ``mu``."""
        logs = [math.log(n) for n in lengths if n > 0]
        mu = (sum(logs) + PRIOR_ARTICLES * self.mu) / (len(logs) + PRIOR_ARTICLES)
        return LengthPrior(mu, self.sigma)


def decode(
    offsets: Sequence[int], margins: Sequence[float], end: int, min_chars: int, prior: LengthPrior
) -> list[int]:
    """The starts chosen, in two passes: the sure ones, then with the page's length prior.

    Args:
        offsets: increasing character offsets of the candidates.
        margins: each candidate's log-odds minus the threshold.
        end: the input's end.
        min_chars: the shortest article allowed.
        prior: the article-length prior of the head data.

    Returns:
        Indices into ``offsets`` of the chosen starts, in order.
    """
    sure = best_starts(offsets, margins, end, min_chars, None)
    cuts = [0, *(offsets[i] for i in sure), end]
    page = prior.around([b - a for a, b in pairwise(cuts)])
    return best_starts(offsets, margins, end, min_chars, page)


def best_starts(
    offsets: Sequence[int],
    margins: Sequence[float],
    end: int,
    min_chars: int,
    prior: LengthPrior | None,
    lookback: int = LOOKBACK,
) -> list[int]:
    """The starts with the highest total of margins and length log-priors.

    The input starts at 0 and ends at ``end``; a chosen candidate ``i`` starts an
    article at ``offsets[i]``. A choice scores the sum of its candidates' margins
    plus ``prior`` of each article's length, the first and the last included
    (nothing without a prior), and every article must be at least ``min_chars``
    long. One cut gains at most ``prior.most_gain()`` from the prior (0 without),
    so a candidate whose margin is below minus that is never worth it.

    The best score of a choice ending with each candidate is found in one pass: the
    candidate is weighed against the ``lookback`` latest earlier starts that are far
    enough back; older ones, and those further back than ``prior.longest`` (where
    the prior is flat), are kept as one running maximum scored at that length,
    which is exact for the latter and can only undervalue the former. The work is
    at most ``lookback`` steps per candidate.

    Args:
        offsets: increasing character offsets of the candidates.
        margins: each candidate's log-odds minus the threshold.
        end: the input's end.
        min_chars: the shortest article allowed.
        prior: the article-length prior, or ``None`` for none.
        lookback: earlier starts weighed exactly.

    Returns:
        Indices into ``offsets`` of the chosen starts, in order.
    """
    score = prior or _flat
    floor = -prior.most_gain() if prior else 0.0
    longest = prior.longest if prior else 0.0
    far_prior = score(longest)
    at, total, back, index = [0], [0.0], [-1], [-1]  # state 0: the input's start
    far, far_k, merged, ready = -math.inf, -1, 0, 0
    for i, margin in enumerate(margins):
        o = offsets[i]
        if margin <= floor or o < min_chars or end - o < min_chars:
            continue
        while ready < len(at) and o - at[ready] >= min_chars:
            ready += 1
        while merged < ready and (o - at[merged] >= longest or ready - merged > lookback):
            if total[merged] > far:
                far, far_k = total[merged], merged
            merged += 1
        best, best_k = far + far_prior, far_k
        for k in range(merged, ready):
            value = total[k] + score(o - at[k])
            if value > best:
                best, best_k = value, k
        at.append(o)
        total.append(best + margin)
        back.append(best_k)
        index.append(i)
    last = max(
        (k for k in range(len(at)) if k == 0 or end - at[k] >= min_chars),
        key=lambda k: total[k] + score(end - at[k]),
    )
    chosen: list[int] = []
    while last > 0:
        chosen.append(index[last])
        last = back[last]
    return chosen[::-1]


def _flat(length: float) -> float:
    return 0.0
