"""How a candidate line and its neighbours are written: for the boundary trees only.

The logistic weights of :mod:`streams.split.boundary` read cues that each say one
thing (a blank line, a headline shape). The trees can also use raw descriptions
whose meaning depends on the rest: a line's length and its neighbours', how much
its first sentence reads like a headline and the previous line's last sentence
like one, its share of capitalised words, a leading digit. A 60-character line in
headline style after a long paragraph opens an article; the same line after
another short one is more often a byline or a standfirst. A sum cannot express
that, and in the fourth and eighth rounds products of cues and style as a weighted
feature gained little; the trees, given these, gained about 2 points of exact
dumps (docs/splitting.md, eleventh round). They are not in the linear model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from streams.split import headlinese
from streams.split.headline import Line

#: Names of the descriptors, in the order of :func:`describe`.
SHAPE: tuple[str, ...] = (
    "length",
    "prev_length",
    "next_length",
    "style",
    "prev_style",
    "capitals",
    "digit",
)
#: A space between two sentences: a full stop (or ! ?) after a lower-case letter,
#: digit or closing mark, then a capital. Loose, but it only has to find a line's
#: first and last sentence for the style model.
SENTENCE_GAP = re.compile(r"(?<=[a-z0-9)\]”\"'’][.!?]) (?=[\"“‘]?[A-Z])")
#: Only the start of a long sentence is read for its style.
_STYLE_CHARS = 200
#: Style log-odds are rounded so that the last bits of a float sum never move a tree split.
_DIGITS = 4
#: Words read for the share of capitals.
_CAPITAL_WORDS = 10


def describe(lines: Sequence[Line], index: int) -> list[float]:
    """Describe line ``index`` (not the first) and its neighbours, one value per :data:`SHAPE`."""
    text, before = lines[index].text, lines[index - 1].text
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    words = text.split()[:_CAPITAL_WORDS]
    capitals = sum(1 for w in words if w[:1].isupper()) / len(words) if words else 0.0
    return [
        math.log1p(len(text)),
        math.log1p(len(before)),
        math.log1p(len(after)),
        round(headlinese.odds(_first_sentence(text)[:_STYLE_CHARS]), _DIGITS),
        round(headlinese.odds(_last_sentence(before)[:_STYLE_CHARS]), _DIGITS),
        capitals,
        1.0 if text[:1].isdigit() else 0.0,
    ]


def _first_sentence(text: str) -> str:
    gap = SENTENCE_GAP.search(text)
    return text[: gap.start()] if gap else text


def _last_sentence(text: str) -> str:
    gaps = list(SENTENCE_GAP.finditer(text))
    return text[gaps[-1].end() :] if gaps else text
