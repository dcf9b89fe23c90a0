"""Evidence that an article starts at a given line: features and their weights.

Every non-blank line but the first is a candidate article start. A candidate is
described by a few cues (blank lines before it, headline shape, dateline, a
sign-off just before it, lexical cohesion with the text before, how alike in
meaning the text before and after it is) and scored by a logistic model whose
weights were fitted on the tuning part of the split benchmark (see
``streams.evaluate.tuning.tune`` and docs/splitting.md), together with boosted
trees fitted on the same examples (:mod:`streams.split.trees`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from streams.split.cohesion import Profile, Weights, profile, window_features
from streams.split.headline import (
    Line,
    headline_score,
    inline_title,
    is_caption,
    is_dateline,
    is_signoff,
    is_terminal,
    repeats_headline,
    supports_headline,
)
from streams.split.shape import SHAPE, describe
from streams.split.similarity import WordVectors, window_similarity

#: Names of the weighted features, in the order of :data:`WEIGHTS` and the first
#: columns of :func:`features`.
FEATURES: tuple[str, ...] = (
    "bias",
    "blank",
    "many_blank",
    "next_headline",
    "next_repeats",
    "next_unsupported",
    "next_signoff",
    "next_inline_title",
    "next_dateline",
    "next_indefinite",
    "next_lower",
    "next_anaphora",
    "next_quote",
    "prev_headline",
    "prev_unsupported",
    "prev_open",
    "prev_signoff",
    "rare_blank",
    "cohesion",
    "cohesion_low",
    "cohesion_none",
    "name_cohesion",
    "name_low",
    "name_none",
    "adjacent",
    "forward",
    "forward_none",
    "split_gain",
    "back_reference",
    "opening_reference",
    "next_caption",
    "prev_caption",
    "next_inline_long",
    "next_inline_caps",
    "similar",
    "similar_near",
    "under_headline",
)
#: Every column of :func:`features`: the weighted features, then the descriptors
#: that only the trees read (:mod:`streams.split.shape`).
COLUMNS: tuple[str, ...] = FEATURES + SHAPE

#: Weights set by hand, not fitted: their feature never fires in the tuning data.
#: ``rare_blank`` keeps a lone blank line in a dump without blank lines at the
#: same log-odds (about +0.2 with ``bias`` and ``blank``) whatever the fit does
#: to those two: 4.0 with the 39-dump fit, 4.5 since the fit with synthetic dumps,
#: 4.95 since the similarity features moved ``bias`` by -0.47, 4.92 since
#: ``under_headline`` moved ``bias`` and ``blank`` by +0.03 together.
FIXED: dict[str, float] = {"rare_blank": 4.92}

#: Fitted (logistic regression, L2) on the first 39 dumps of the split benchmark,
#: the tuning heads of the geoparse files as single articles, and 1200 synthetic
#: dumps built from those heads (``streams.evaluate.tuning.tune``).
WEIGHTS: tuple[float, ...] = (
    -4.10,
    -0.64,
    3.33,
    3.76,
    0.99,
    1.41,
    -3.03,
    2.58,
    0.47,
    0.06,
    -0.17,
    -2.07,
    -0.93,
    -5.84,
    -2.54,
    0.51,
    1.76,
    4.92,
    -2.82,
    -1.69,
    1.31,
    -3.05,
    -1.86,
    0.44,
    -4.09,
    3.26,
    -1.47,
    4.14,
    -0.83,
    -1.20,
    -1.92,
    -0.84,
    -0.72,
    -0.90,
    -1.26,
    -4.46,
    -2.90,
)

_ANAPHORA = re.compile(
    r"^(?:he|she|it|they|his|her|its|their|this|these|those|that|but|and|also|"
    r"however|meanwhile|still|yet|so|then|there|here|both|such|the (?:man|woman|company|"
    r"group|move|decision|report|case|incident|attack|plan|bill|statement)"
    r"|in (?:a|another) separate|separately|elsewhere|in another|similarly|likewise"
    r"|(?:[\w’']+\s){1,3}(?:also|too|again|further)\b)\b",  # "The inquiry also found"
    re.IGNORECASE,
)
#: Below this share of blank-line breaks, paragraphs are separated by single line
#: breaks and a blank line is a deliberate, stronger break.
_RARE_BLANK = 0.4
#: A line longer than this is a paragraph that may end with a sign-off, not a sign-off line.
_SIGNOFF_CHARS = 300
#: A headline-shaped line up to this long heads what follows it. On the tuning dumps
#: such lines opened 86 articles and never closed one (the one that did, a teaser
#: question, is 99 characters long).
_HEADING_CHARS = 90
#: An inline title this long or longer is more often a paragraph's first sentence.
_LONG_TITLE = 70
#: Share of capital letters above which an inline title is shouted (a crosshead).
_SHOUTED = 0.8
_INDEFINITE = re.compile(r"^(?:A|An|Two|Three|Four|Five|Several|Police|Officials)\s")
_QUOTE = re.compile(r"^[\"“‘']")


@dataclass(frozen=True)
class Cues:
    """What one line looks like on its own, computed once per line.

    ``closes`` is true when the line ends with closing matter (credits, contacts,
    rights); ``signoff`` only when it is short enough to be nothing else.
    """

    headline: float
    inline_title: float
    inline_end: int
    dateline: bool
    terminal: bool
    signoff: bool
    closes: bool
    caption: bool
    text: str

    @cached_property
    def lexical(self) -> Profile:
        """The line's words for cohesion, read when first asked for.

        Most single articles have no line that could start another, and then the
        splitter never asks: reading a long paragraph's words is the dearest cue.
        """
        return profile(self.text)


def line_cues(lines: Sequence[Line]) -> list[Cues]:
    """Compute the per-line cues of every line."""
    cues: list[Cues] = []
    for line in lines:
        cut, inline = inline_title(line.text)
        closes = is_signoff(line.text)
        # a long line is a whole paragraph (or a whole one-line article) that
        # merely ends with closing matter; it may still open an article
        signoff = closes and len(line.text) <= _SIGNOFF_CHARS
        caption = is_caption(line.text)
        cues.append(
            Cues(
                headline=0.0 if signoff or caption else headline_score(line.text),
                inline_title=inline,
                inline_end=cut,
                dateline=is_dateline(line.text) or (cut > 0 and is_dateline(line.text[cut:])),
                terminal=is_terminal(line.text),
                signoff=signoff,
                closes=closes,
                caption=caption,
                text=line.text,
            )
        )
    return cues


@dataclass(frozen=True)
class Context:
    """Facts about the whole input that the features of every candidate share.

    Attributes:
        weights: rarity weights of the cohesion keys over the input's lines.
        blank_share: share of line breaks that come with a blank line.
        similarity: per line, how alike the text before and after its start
            is in meaning (:func:`streams.split.similarity.window_similarity`),
            minus the median over the input's lines. Relative, because in a dump
            of one outlet's stories on one subject every break is about as alike
            as the paragraphs of one article are in a mixed dump.
    """

    weights: Weights
    blank_share: float
    similarity: np.ndarray


def context(lines: Sequence[Line], cues: Sequence[Cues], vectors: WordVectors) -> Context:
    """Compute the :class:`Context` of one input, with word vectors from ``vectors``."""
    gaps = len(lines) - 1
    blank = sum(1 for line in lines[1:] if line.newlines >= 2)
    return Context(
        weights=Weights([c.lexical.keys for c in cues]),
        blank_share=blank / gaps if gaps else 0.0,
        similarity=_relative(window_similarity(lines, vectors)),
    )


def _relative(similarity: np.ndarray) -> np.ndarray:
    """Each column minus its median over the lines that can start an article."""
    if len(similarity) < 2:
        return similarity
    centred: np.ndarray = np.round(similarity - np.median(similarity[1:], axis=0), 4)
    return centred


def features(lines: Sequence[Line], cues: Sequence[Cues], index: int, ctx: Context) -> list[float]:
    """Describe the candidate "an article starts at ``lines[index]``" as numbers.

    Args:
        lines: all non-blank lines of the input.
        cues: :func:`line_cues` of ``lines``.
        index: the candidate line, ``1 <= index < len(lines)``.
        ctx: :func:`context` of the input.

    Returns:
        One value per name in :data:`COLUMNS`: the weighted features, then the
        descriptors for the trees.
    """
    line, cue, prev = lines[index], cues[index], cues[index - 1]
    has_body = index + 1 < len(lines)
    head = cue.headline if has_body else 0.0
    supported = supported_headline(lines, cues, index)
    text = line.text
    follows = _follows_headline(lines, cues, index, head)
    return [
        1.0,
        1.0 if line.newlines >= 2 else 0.0,
        1.0 if line.newlines >= 4 else 0.0,
        head if supported else 0.0,
        1.0 if supported and repeats_headline(text, lines[index + 1].text) else 0.0,
        head if not supported else 0.0,
        1.0 if cue.signoff else 0.0,
        cue.inline_title if head == 0.0 else 0.0,
        1.0 if cue.dateline else 0.0,
        1.0 if _INDEFINITE.match(text) else 0.0,
        1.0 if text[0].islower() else 0.0,
        1.0 if _ANAPHORA.match(text.lstrip("\"“‘'")) else 0.0,
        1.0 if _QUOTE.match(text) else 0.0,
        prev.headline if follows else 0.0,
        prev.headline if head == 0.0 and not follows else 0.0,
        0.0 if prev.terminal or prev.headline > 0.0 else 1.0,
        1.0 if prev.closes else 0.0,
        1.0 if line.newlines >= 2 and ctx.blank_share < _RARE_BLANK else 0.0,
        *window_features([c.lexical for c in cues], index, ctx.weights),
        1.0 if cue.caption else 0.0,
        1.0 if prev.caption else 0.0,
        *_inline_shape(text, cue, head),
        *(float(v) for v in ctx.similarity[index]),
        1.0 if _under_headline(lines, cues, index, head) else 0.0,
        *describe(lines, index),
    ]


def _inline_shape(text: str, cue: Cues, head: float) -> tuple[float, float]:
    """How an inline title is written: long, or shouted.

    Headlines are short; a first sentence of 70 characters or more is more often a
    paragraph's opening than a title run into its body. One in capitals ("SURGE IN
    MURALS. The ...") is a crosshead inside an article more often than a headline.
    """
    if cue.inline_title <= 0.0 or head != 0.0:
        return 0.0, 0.0
    letters = [c for c in text[: cue.inline_end] if c.isalpha()]
    shouted = bool(letters) and sum(c.isupper() for c in letters) > _SHOUTED * len(letters)
    return (1.0 if cue.inline_end >= _LONG_TITLE else 0.0), (1.0 if shouted else 0.0)


def scored_lines(lines: Sequence[Line], cues: Sequence[Cues]) -> list[int]:
    """Indices of the lines the splitter scores as possible article starts.

    Every line but the first, except sign-offs (credits close the article above
    them) and lines right under a heading (the heading opens the article below it).
    """
    return [
        i for i in range(1, len(lines)) if not (cues[i].signoff or after_heading(lines, cues, i))
    ]


def after_heading(lines: Sequence[Line], cues: Sequence[Cues], index: int) -> bool:
    """True if line ``index`` directly follows a short headline-shaped line.

    Such a line (a headline, kicker or photo credit) heads the text below it, so
    no article starts right after it: the break goes before it instead. The
    exception is a line that is itself a headline (with a body below it) or an
    inline title: then the short line above it is more likely the credit or
    cut-off last line of the previous article, and the local evidence decides.
    """
    cue = cues[index]
    if (cue.headline > 0.0 and index + 1 < len(lines)) or cue.inline_title > 0.0:
        return False
    return cues[index - 1].headline > 0.0 and len(lines[index - 1].text) <= _HEADING_CHARS


def _follows_headline(lines: Sequence[Line], cues: Sequence[Cues], index: int, head: float) -> bool:
    """True if line ``index`` is the body of a headline on the line before it."""
    if head > 0.0 or cues[index - 1].headline == 0.0:
        return False
    return supports_headline(lines[index - 1].text, lines[index].text)


def supported_headline(lines: Sequence[Line], cues: Sequence[Cues], index: int) -> bool:
    """True if line ``index`` is headline-shaped and the two lines below it take up its words."""
    if cues[index].headline == 0.0 or index + 1 >= len(lines):
        return False
    return supports_headline(lines[index].text, _following(lines, index))


def _under_headline(lines: Sequence[Line], cues: Sequence[Cues], index: int, head: float) -> bool:
    """True if headline-shaped line ``index`` sits under a short headline that its text takes up.

    Such a line is let through the heading rule (:func:`after_heading`) because it
    may be a headline of its own. Under a headline whose lead follows, it is more
    often that article's byline or standfirst (the lead's first sentence, shown
    once on its own and again at the start of the lead).
    """
    above = lines[index - 1].text
    if head == 0.0 or cues[index - 1].headline == 0.0 or len(above) > _HEADING_CHARS:
        return False
    return supports_headline(above, " ".join(line.text for line in lines[index : index + 2]))


def _following(lines: Sequence[Line], index: int) -> str:
    """The two lines after ``index``, where a headline's lead would be."""
    return " ".join(line.text for line in lines[index + 1 : index + 3])
