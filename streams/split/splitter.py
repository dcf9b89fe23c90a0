"""Cutting a page into articles: :class:`PageSplitter`.

How it decides (docs/splitting.md has the figures):

1. **Read** the input into its blocks (``layout``): paragraphs, titles, bylines
   and chrome lines, with scraping artefacts (CRLF, no-break spaces, indentation,
   hard wraps, blank-line runs) normalised away and offsets kept exact.
2. **Score** every block start but the first: a logistic model over the
   features of ``features.NAMES`` gives the log-odds that an article starts
   there. The weights are fitted on head data only
   (``geowire eval split-fit``) and shipped in ``data/weights.json``.
3. **Decode** globally: the starts chosen are the set with the greatest total
   margin (log-odds minus the threshold) such that every article, the first and
   last included, is at least ``min_chars`` long. A dynamic programme finds it in
   one pass. The threshold is set for precision: a false cut is worse than a
   missed one.
4. **Describe** each article: its headline (a title line at its top), its
   sentences and its repeated passages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import orjson

from schemas.models import Span
from streams.core.errors import ConfigError
from streams.core.interfaces import Segment
from streams.split.duplicate import find_duplicates
from streams.split.features import NAMES, matrix
from streams.split.layout import Block, read
from streams.split.sentences import split_sentences
from streams.split.shapes import shape

WEIGHTS = Path(__file__).parent / "data" / "weights.json"


@dataclass(frozen=True)
class Model:
    """The fitted model: weights over ``features.NAMES`` and the decoding knobs.

    Attributes:
        weights: one weight per feature name.
        threshold: log-odds a start must exceed to be chosen.
        min_chars: shortest article allowed, from its start to the next one.
    """

    weights: dict[str, float]
    threshold: float
    min_chars: int

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Model:
        """Read the fitted model; raise ``ConfigError`` if it does not fit the features."""
        data = orjson.loads(path.read_bytes())
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        if set(weights) != set(NAMES):
            raise ConfigError(f"{path} has weights for {sorted(weights)}, not {sorted(NAMES)}")
        return cls(weights, float(data["threshold"]), int(data["min_chars"]))

    def to_json(self) -> bytes:
        """The model as the JSON that :meth:`load` reads."""
        data = {"weights": self.weights, "threshold": self.threshold, "min_chars": self.min_chars}
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

    def vector(self) -> np.ndarray:
        """The weights in the order of ``features.NAMES``."""
        return np.array([self.weights[name] for name in NAMES])


class PageSplitter:
    """Cuts one input (an article, or a scraped page or dump of many) into articles."""

    def __init__(self, model: Model | None = None) -> None:
        """Create a splitter with the shipped model, or with ``model``."""
        self.model = model or Model.load()
        self._weights = self.model.vector()

    def split(self, text: str, *, whole: bool = False) -> list[Segment]:
        """Cut ``text`` into articles.

        Args:
            text: the raw input.
            whole: keep the input as one article (the producer said so).

        Returns:
            Segments in order. Each spans its article from its first to its last
            non-space character, so that ``text[start:end]`` is the article;
            together they hold every non-space character of ``text`` once.
            Blank input gives ``[]``.
        """
        view, blocks = read(text)
        if not blocks:
            return []
        starts = [0] if whole else self.starts(blocks)
        ends = [*starts[1:], len(blocks)]
        return [_segment(view, blocks[a:b]) for a, b in zip(starts, ends, strict=True)]

    def starts(self, blocks: Sequence[Block]) -> list[int]:
        """Indices of the blocks that start an article (always 0 first)."""
        if len(blocks) < 2:
            return [0]
        margins = matrix(blocks) @ self._weights - self.model.threshold
        offsets = [b.start for b in blocks[1:]]
        chosen = best_starts(offsets, margins.tolist(), blocks[-1].end, self.model.min_chars)
        return [0, *(i + 1 for i in chosen)]


def best_starts(
    offsets: Sequence[int], margins: Sequence[float], end: int, min_chars: int
) -> list[int]:
    """The candidates whose margins sum highest, with no article under ``min_chars``.

    The input starts at 0 and ends at ``end``; a chosen candidate ``i`` starts an
    article at ``offsets[i]``. Every article, the first and the last included,
    must be at least ``min_chars`` long. A candidate with a margin of 0 or less
    never helps, so only the others are visited; the best total of the candidates
    far enough back is kept as a running maximum, so the work is linear.

    Args:
        offsets: increasing character offsets of the candidates.
        margins: each candidate's log-odds minus the threshold.
        end: the input's end.
        min_chars: the shortest article allowed.

    Returns:
        Indices into ``offsets`` of the chosen starts, in order.
    """
    cands = [i for i, m in enumerate(margins) if m > 0 and offsets[i] >= min_chars]
    total: list[float] = []  # best sum of a choice whose last start is cands[j]
    back: list[int] = []  # the start chosen before cands[j] (-1: none)
    best, best_j, j = 0.0, -1, 0
    for i in cands:
        while j < len(total) and offsets[cands[j]] <= offsets[i] - min_chars:
            if total[j] > best:
                best, best_j = total[j], j
            j += 1
        total.append(margins[i] + best)
        back.append(best_j)
    last, top = -1, 0.0
    for k, i in enumerate(cands):
        if end - offsets[i] >= min_chars and total[k] > top:
            last, top = k, total[k]
    chosen: list[int] = []
    while last != -1:
        chosen.append(cands[last])
        last = back[last]
    return chosen[::-1]


def _segment(view: str, blocks: Sequence[Block]) -> Segment:
    """One article: its span, headline, sentences and repeated passages."""
    start, end = blocks[0].start, blocks[-1].end
    article = view[start:end]
    headline = _headline(blocks)
    sentences = split_sentences(article)
    shifted = (
        None if headline is None else Span(start=headline.start - start, end=headline.end - start)
    )
    return Segment(
        start=start,
        end=end,
        headline=shifted,
        sentences=sentences,
        duplicates=find_duplicates(article, sentences, shifted),
    )


def _headline(blocks: Sequence[Block]) -> Span | None:
    """The title line at the top of an article, if it has one and a body below it.

    Site furniture or a byline above it (a page's navigation, a date) is passed over.
    """
    for k, block in enumerate(blocks[:3]):
        s = shape(block.text)
        if s.title > 0 and k + 1 < len(blocks):
            return Span(start=block.start, end=block.end)
        if not (s.chrome or s.meta):
            return None
    return None
