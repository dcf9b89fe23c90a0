"""Article segmentation of scraped dumps: :class:`RuleSplitter`.

How it decides (details and figures in docs/splitting.md):

1. The input is read as non-blank lines; every line but the first may start an
   article.
2. Each candidate gets local evidence, a log-odds from line cues (headline
   shape, repeated title, dateline, sign-off before it, blank lines, anaphoric
   opening, lexical cohesion with the text before it, and how alike in meaning
   the text before and after it is, from static word vectors): see ``boundary``.
3. The cut is chosen globally: dynamic programming over the plausible
   candidates minimises the word-statistics cost of the articles minus the
   evidence for their starts (see ``segmentation``). Articles shorter than
   ``min_chars`` are not allowed.
4. Each article gets its headline line, its sentences and its repeated text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from schemas.models import Span
from streams.core.interfaces import Segment
from streams.split import rarity
from streams.split.boundary import (
    COLUMNS,
    Cues,
    context,
    features,
    line_cues,
    scored_lines,
    supported_headline,
)
from streams.split.duplicate import find_duplicates
from streams.split.headline import (
    SUPPORT_CHARS,
    Line,
    read_lines,
    repeats_headline,
    supports_headline,
)
from streams.split.segmentation import best_starts
from streams.split.sentences import split_sentences
from streams.split.similarity import WordVectors, default_vectors
from streams.split.trees import scores


@dataclass(frozen=True)
class SplitConfig:
    """Knobs of the splitter, tuned on the first 39 dumps of the split benchmark.

    Attributes:
        price: cost in nats of opening one more article.
        prior: Dirichlet pseudo-count of the per-article word models.
        evidence_scale: weight of the local log-odds against the word statistics.
        candidate_floor: candidates with a local log-odds below this are skipped.
        min_chars: shortest allowed article (first to last character).
        short_evidence: local log-odds at both ends that lets an article be
            shorter than ``min_chars`` (a headline-only item between two headlines).
            It was 4.0 when the log-odds came from the linear model alone, and 3.0
            with the trees, whose log-odds are less extreme. With the similarity
            features a headline after a short item can score 2.7 (a headline-only
            brief in a dump of three). The tuning figures do not move between 2.5
            and 3.0 (docs/splitting.md, tenth round).
    """

    price: float = 0.0
    prior: float = 1.5
    evidence_scale: float = 8.0
    candidate_floor: float = -4.0
    min_chars: int = 200
    short_evidence: float = 2.5


class RuleSplitter:
    """Cuts a dump into articles; deterministic, with no neural network."""

    def __init__(
        self, config: SplitConfig | None = None, vectors: WordVectors | None = None
    ) -> None:
        """Create a splitter.

        Args:
            config: tuning knobs; the defaults are the tuned values.
            vectors: word vectors for the topic-shift features; the fitted
                weights expect the default (WordLlama's, 64 dimensions).
        """
        self.config = config or SplitConfig()
        self.vectors = vectors or default_vectors()
        rarity.load()

    def split(self, text: str) -> list[Segment]:
        """Cut ``text`` into articles.

        Args:
            text: the raw input (one article or a dump of several).

        Returns:
            Segments in order. Each spans its article from its first to its last
            non-space character; together they hold every non-space character of
            ``text`` exactly once. Empty or blank input gives ``[]``.
        """
        lines = read_lines(text)
        if not lines:
            return []
        cues = line_cues(lines)
        starts = [0, *self.article_starts(lines, cues)]
        ends = [*starts[1:], len(lines)]
        return [_segment(text, lines[a:b], cues[a]) for a, b in zip(starts, ends, strict=True)]

    def article_starts(self, lines: Sequence[Line], cues: Sequence[Cues]) -> list[int]:
        """Indices of the lines (other than the first) that start an article."""
        cfg = self.config
        scored = scored_lines(lines, cues)
        if not scored:  # a headline and its body: no vectors or weights needed
            return []
        ctx = context(lines, cues, self.vectors)
        rows = np.array([features(lines, cues, i, ctx) for i in scored], dtype=float)
        logits = scores(rows.reshape(len(scored), len(COLUMNS)))
        keep = [
            (i, float(z)) for i, z in zip(scored, logits, strict=True) if z > cfg.candidate_floor
        ]
        candidates = [i for i, _ in keep]
        evidence = [cfg.evidence_scale * z for _, z in keep]
        return best_starts(
            [c.lexical.counts for c in cues],
            candidates,
            evidence,
            cfg.price,
            prior=cfg.prior,
            spans=[(line.start, line.end) for line in lines],
            min_chars=cfg.min_chars,
            strong=cfg.evidence_scale * cfg.short_evidence,
            heads=partial(_heads, lines, cues),
        )


def _heads(lines: Sequence[Line], cues: Sequence[Cues], first: int, start: int) -> bool:
    """True if line ``first`` reads as the headline of the text from line ``start`` on.

    A short item between two strong starts is usually a headline-only brief, but a
    headline over a standfirst or a byline looks the same. The text below such a
    headline picks up its words, and it has no headline of its own.
    """
    if _has_own_headline(lines, cues, start):
        return False
    body: list[str] = []
    size = 0
    for line in lines[start:]:
        if size >= SUPPORT_CHARS:
            break
        body.append(line.text)
        size += len(line.text) + 1
    return supports_headline(lines[first].text, "\n".join(body))


def _has_own_headline(lines: Sequence[Line], cues: Sequence[Cues], index: int) -> bool:
    """True if line ``index`` is a headline that the lines below it take up.

    A line repeated at the start of the next one is not counted: over a lead it
    is a standfirst, the lead's first sentence shown on its own.
    """
    return supported_headline(lines, cues, index) and not repeats_headline(
        lines[index].text, lines[index + 1].text
    )


def _segment(text: str, lines: Sequence[Line], first: Cues) -> Segment:
    """Build the segment of one article from its lines."""
    start, end = lines[0].start, lines[-1].end
    article = text[start:end]
    headline: Span | None = None
    if len(lines) > 1 and first.headline > 0.0:
        headline = Span(start=0, end=lines[0].end - start)
    sentences = split_sentences(article)
    return Segment(
        start=start,
        end=end,
        headline=headline,
        sentences=sentences,
        duplicates=find_duplicates(article, sentences, headline),
    )
