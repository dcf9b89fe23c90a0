"""Cutting a page into articles: :class:`PageSplitter`.

How it decides (docs/splitting.md has the figures):

1. **Read** the input into its blocks (``layout``): paragraphs, titles, bylines
   and chrome lines, with scraping artefacts (CRLF, no-break spaces, indentation,
   hard wraps, blank-line runs) normalised away and offsets kept exact.
2. **Score** every block start but the first, in two stages. Stage 1: a
   logistic model over the features of ``features.NAMES`` gives the log-odds
   that an article starts there. Stage 2 weighs those log-odds with the page's
   separator habit (``habit``): how much likelier, on this page, a break like
   this one is a start that stage 1 is sure of, and the topic shift at a break
   between two article-sized blocks (an export written an article a paragraph).
   The weights are fitted on head data only (``geowire eval split-fit``) and
   shipped in ``data/weights.json``.
3. **Decode** globally (``decode``): the starts chosen are the set with the
   greatest total margin (log-odds minus the threshold) plus the log-prior of
   every article's length, a log-normal fitted on head articles and centred on
   the page's own sure articles, such that every article is at least
   ``min_chars`` long. Linear, with a bounded look-back. The threshold is set
   for precision: a false cut is worse than a missed one.
4. **Read the page's template** (``with_template``): where an export writes the
   same lines with every article (a record number over the title, a load date and
   the rights at its foot), each place the page writes its closing line again ends
   an article; starts move off foot lines and over head lines.
5. **Give header lines to the article below**: a start at a title moves up over
   a kicker, a date line or a headline over it that the layout groups with it
   (``with_headers``).
6. **Describe** each article: its headline (a title line at its top), its
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
from streams.split.decode import LengthPrior, decode
from streams.split.duplicate import find_duplicates
from streams.split.features import NAMES, matrix, sized
from streams.split.habit import habit
from streams.split.headers import kicker, with_headers
from streams.split.layout import Block, read, without_underline
from streams.split.sentences import split_sentences
from streams.split.shapes import shape
from streams.split.template import with_template

WEIGHTS = Path(__file__).parent / "data" / "weights.json"
#: The features of stage 2, in the order of its weights.
STAGE2: tuple[str, ...] = (
    "bias",  # always 1
    "log_odds",  # stage 1's log-odds
    "habit",  # the page's habit at this break's separator, as written (habit.habit)
    "sized_shift",  # article-sized blocks on both sides (features.sized) times the topic shift
)


@dataclass(frozen=True)
class Model:
    """The fitted model: the weights of both stages and the decoding knobs.

    Attributes:
        weights: stage 1, one weight per name of ``features.NAMES``.
        sure: stage 1's own threshold: log-odds above it make a sure start.
        stage2: one weight per name of ``STAGE2``.
        threshold: stage 2's log-odds a start is weighed against.
        min_chars: shortest article allowed, from its start to the next one.
        prior: the article-length prior of the decoder.
    """

    weights: dict[str, float]
    sure: float
    stage2: dict[str, float]
    threshold: float
    min_chars: int
    prior: LengthPrior

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Model:
        """Read the fitted model; raise ``ConfigError`` if it does not fit the features."""
        data = orjson.loads(path.read_bytes())
        if "sure" not in data:  # a model of one stage, from before stage 2
            raise ConfigError(f"{path} has no stage 2; refit it with geowire eval split-fit")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        stage2 = {str(k): float(v) for k, v in data["stage2"].items()}
        if set(weights) != set(NAMES) or set(stage2) != set(STAGE2):
            raise ConfigError(f"{path} does not have one weight per feature of the splitter")
        prior = LengthPrior(float(data["length_mu"]), float(data["length_sigma"]))
        threshold, min_chars = float(data["threshold"]), int(data["min_chars"])
        return cls(weights, float(data["sure"]), stage2, threshold, min_chars, prior)

    def to_json(self) -> bytes:
        """The model as the JSON that :meth:`load` reads."""
        data = {
            "weights": self.weights,
            "sure": self.sure,
            "stage2": self.stage2,
            "threshold": self.threshold,
            "min_chars": self.min_chars,
            "length_mu": self.prior.mu,
            "length_sigma": self.prior.sigma,
        }
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

    def vector(self) -> np.ndarray:
        """Stage 1's weights in the order of ``features.NAMES``."""
        return np.array([self.weights[name] for name in NAMES])

    def stage2_rows(self, rows: np.ndarray, blocks: Sequence[Block]) -> np.ndarray:
        """The features of stage 2 (``STAGE2``) at each candidate block of one page.

        Fitting reads them here too, so that the habit is found from stage 1's sure
        starts exactly as at run time, never from gold starts.

        Args:
            rows: the candidates' feature rows (``features.matrix``).
            blocks: all the page's blocks (the candidates are all but the first).
        """
        first = rows @ self.vector()
        size = sized(blocks)
        shift = np.maximum(rows[:, NAMES.index("shift")], 0.0)
        columns = {
            "bias": np.ones(len(first)),
            "log_odds": first,
            "habit": habit([b.gap for b in blocks[1:]], first > self.sure),
            "sized_shift": size * shift,
        }
        return np.column_stack([columns[name] for name in STAGE2])

    def log_odds(self, rows: np.ndarray, blocks: Sequence[Block]) -> np.ndarray:
        """Stage 2's log-odds of a start at each candidate block of one page."""
        weights = np.array([self.stage2[name] for name in STAGE2])
        scores: np.ndarray = self.stage2_rows(rows, blocks) @ weights
        return scores


class PageSplitter:
    """Cuts one input (an article, or a scraped page or dump of many) into articles."""

    def __init__(self, model: Model | None = None) -> None:
        """Create a splitter with the shipped model, or with ``model``."""
        self.model = model or Model.load()

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
        model = self.model
        candidates = blocks[1:]
        log_odds = model.log_odds(matrix(blocks), blocks)
        margins = log_odds - model.threshold
        offsets = [b.start for b in candidates]
        end = blocks[-1].end
        chosen = decode(offsets, margins.tolist(), end, model.min_chars, model.prior)
        return with_headers(blocks, with_template(blocks, [0, *(i + 1 for i in chosen)]))


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

    Site furniture, a kicker or a byline above it (a page's navigation, "WORLD", a
    date) is passed over.
    """
    for k, block in enumerate(blocks[:3]):
        s = shape(block.text)
        below = blocks[k + 1] if k + 1 < len(blocks) else None
        if below is None:
            return None
        if kicker(block.text) and shape(below.text).title > 0:
            continue
        if s.title > 0:  # without a markdown underline joined to it
            return Span(start=block.start, end=block.start + len(without_underline(block.text)))
        if not (s.chrome or s.meta):
            return None
    return None
