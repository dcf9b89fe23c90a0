"""The evidence at each block start: does an article start here?

Every feature reads the candidate block, its neighbours (two on each side) and a
few statistics of the whole input, so that a layout is judged against the
page's own habits rather than against fixed numbers: a run of blank lines is
*wide* when it is wider than this page's usual paragraph break, a line is
*outdented* when it sits left of this page's usual indent, a topic shift is
*strong* when it is stronger than this page's usual one at a break between two
paragraph-sized blocks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

import numpy as np

from streams.split.context import in_context
from streams.split.layout import Block
from streams.split.shapes import Shape, shape
from streams.split.topic import WINDOW, cosines, name_novelty, word_stream

#: Content words before a block in the wide topic window.
WIDE = 240
#: The median cosine at a break over the head pages of the benchmarks (0.25), and how
#: many breaks of its own a page needs before its median outweighs it.
USUAL_COSINE = 0.25
PRIOR_BREAKS = 8
#: A block of ``SIZED_LOW`` characters or fewer is paragraph-sized, of ``SIZED_HIGH`` or more
#: article-sized: half and twice the median article of the head data (1,621 characters).
SIZED_LOW = 800
SIZED_HIGH = 3200

#: The features, in the order of the model's weights; each is 0..1 unless noted.
NAMES: tuple[str, ...] = (
    "bias",  # always 1
    "wider",  # more blank lines before it than the page's usual break
    "narrower",  # fewer blank lines than usual
    "widest",  # the page's widest break, and wider than usual
    "outdent",  # left of the page's usual indent
    "title",  # reads as a title line
    "caps",  # a title line's share of capitalised main words
    "upper",  # a short line in capitals
    "title_body",  # a title with a paragraph under it (after any byline or date line)
    "meta_under",  # a title with a byline or date line right under it
    "meta",  # itself a byline or date line
    "dateline",  # opens with a wire dateline, not under a title
    "dateline_under",  # a title over a paragraph that opens with a dateline
    "inline",  # its first sentence reads as a title run into the body
    "chrome",  # site furniture or a sign-off
    "after_chrome",  # right after site furniture or a sign-off
    "after_title",  # right under a title line
    "after_meta",  # right under a byline or date line
    "after_cut",  # the paragraph before stops mid-sentence (a cut-off excerpt)
    "after_abbrev",  # the block before stops on a title or initial ("Gov.")
    "lower",  # opens in lower case
    "aside",  # a list item or a photo caption
    "quote",  # a paragraph opening with a quotation mark
    "anaphora",  # opens with a word that points back ("He", "But")
    "shift",  # topic shift against the page's median (about -2..1; 0 when unknown)
    "shift_wide",  # the same with a wider window before the block
    "peak",  # the shift again where it is the strongest of the breaks near it (windows overlap)
    "new_names",  # the names at its head are new (1) or named before (-1)
    "repeat",  # repeats an earlier block word for word (a scraped duplicate)
    "echo",  # opens with the words the block before opens with (a lead under its standfirst)
)


@dataclass(frozen=True)
class _Page:
    """The page's habits: its usual break, widest break and usual indent."""

    blank: float
    widest: int
    indent: float


def matrix(blocks: Sequence[Block]) -> np.ndarray:
    """The feature rows of every block but the first (row ``k`` is block ``k + 1``).

    Args:
        blocks: the blocks of one input, in order (``layout.read``).

    Returns:
        An array of shape ``(len(blocks) - 1, len(NAMES))``.
    """
    if len(blocks) < 2:
        return np.zeros((0, len(NAMES)))
    shapes = in_context([shape(b.text) for b in blocks], blocks)
    # site furniture (teasers of other stories, share bars) says nothing of the topic
    texts = ["" if s.chrome else b.text for b, s in zip(blocks, shapes, strict=True)]
    words, firsts = word_stream(texts)
    paragraphs = _paragraph_breaks(blocks)
    shifts = _shifts(cosines(words, firsts, WINDOW, WINDOW), paragraphs)
    wide = _shifts(cosines(words, firsts, WIDE, WINDOW), paragraphs)
    novelty = name_novelty(texts)
    peaks = _peaks(shifts, firsts)
    blanks = [b.blank for b in blocks[1:]]
    page = _Page(median(blanks), max(blanks), median(b.indent for b in blocks))
    seen: set[str] = set()
    heads = [_key(b.text) for b in blocks]
    rows = np.zeros((len(blocks) - 1, len(NAMES)))
    for k in range(1, len(blocks)):
        key = blocks[k].text.casefold()
        repeat = len(key) >= 40 and key in seen
        seen.add(key)
        values = _values(blocks[k], shapes, k, page, shifts)
        values["repeat"] = float(repeat)
        values["new_names"] = novelty[k]
        values["echo"] = float(_echo(heads[k - 1], heads[k]))
        values["shift_wide"] = 0.0 if math.isnan(wide[k]) else wide[k]
        values["peak"] = peaks[k]
        rows[k - 1] = [values[name] for name in NAMES]
    return rows


def sized(blocks: Sequence[Block]) -> np.ndarray:
    """How article-sized the blocks on either side of each break are: 0..1 per candidate.

    The shorter of a block and the block before it, on a log scale from ``SIZED_LOW``
    characters (0) to ``SIZED_HIGH`` (1). A break between two blocks each the length
    of an article is where, in an export of articles written as one paragraph or one
    line each, one article ends and the next begins; between paragraphs it is rare.
    """
    lengths = np.array([b.end - b.start for b in blocks], dtype=float)
    if len(lengths) < 2:
        return np.zeros(0)
    shorter = np.minimum(lengths[:-1], lengths[1:])
    scale = math.log(SIZED_HIGH / SIZED_LOW)
    found: np.ndarray = np.clip(np.log(np.maximum(shorter, 1.0) / SIZED_LOW) / scale, 0.0, 1.0)
    return found


def _peaks(shifts: Sequence[float], firsts: Sequence[int]) -> list[float]:
    """The shift at each block where it is the largest of the breaks near it; else 0.

    The breaks near block ``k`` are those of the two blocks on either side that begin
    less than ``WINDOW`` content words from it: their topic windows overlap block
    ``k``'s, so at most one of them is where the topic turns. A break further away is
    read from windows of its own and says nothing of this one, so on a page of
    article-sized blocks (an article a paragraph) every break can be a peak.

    Args:
        shifts: the topic shift at each block (NaN where unknown).
        firsts: where each block's words begin in the page's word stream.
    """
    found = [0.0] * len(shifts)
    for k, shift in enumerate(shifts):
        if k == 0 or math.isnan(shift) or shift <= 0:
            continue
        near = range(max(1, k - 2), min(len(shifts), k + 3))
        if all(
            math.isnan(shifts[j]) or shifts[j] <= shift or abs(firsts[j] - firsts[k]) >= WINDOW
            for j in near
        ):
            found[k] = shift
    return found


def _paragraph_breaks(blocks: Sequence[Block]) -> list[bool]:
    """Whether each break is between two paragraph-sized blocks (under ``SIZED_LOW``).

    The page's usual break is read there only: between two article-sized blocks (an
    export written an article a paragraph) a break is as likely an article's as a
    paragraph's, and a page of them has no usual paragraph break of its own.
    """
    sizes = [b.end - b.start for b in blocks]
    return [k > 0 and max(sizes[k - 1], sizes[k]) < SIZED_LOW for k in range(len(blocks))]


def _shifts(sims: Sequence[float], paragraphs: Sequence[bool]) -> list[float]:
    """Topic shift at each block against the page's median; NaN where unknown.

    The shift is how much less alike the two windows are than usual on this page,
    as a share of the usual cosine: 0 is a usual break, about 1 no shared word. The
    page's median is read at its breaks between paragraph-sized blocks (``paragraphs``).
    """
    known = [s for s, p in zip(sims, paragraphs, strict=True) if p and not math.isnan(s)]
    # a short page has too few breaks to know its usual cosine: lean on a prior
    middle = median(known) if known else USUAL_COSINE
    usual = (len(known) * middle + PRIOR_BREAKS * USUAL_COSINE) / (len(known) + PRIOR_BREAKS)
    return [(usual - s) / (usual + 0.05) for s in sims]


def _values(
    block: Block, shapes: Sequence[Shape], k: int, page: _Page, shifts: Sequence[float]
) -> dict[str, float]:
    """The features of block ``k`` but those read from the whole page (``matrix`` adds them)."""
    s, prev = shapes[k], shapes[k - 1]
    nxt = shapes[k + 1] if k + 1 < len(shapes) else None
    under = shapes[k + 2] if nxt is not None and nxt.meta and k + 2 < len(shapes) else nxt
    body = under is not None and under.words >= 8 and not under.title and not under.chrome
    shift = 0.0 if math.isnan(shifts[k]) else shifts[k]
    return {
        "bias": 1.0,
        "wider": float(block.blank > page.blank),
        "narrower": float(block.blank < page.blank),
        "widest": float(block.blank == page.widest and block.blank > page.blank),
        "outdent": float(block.indent < page.indent),
        "title": s.title,
        "caps": s.caps,
        "upper": float(s.upper),
        "title_body": s.title * body,
        "meta_under": s.title * float(nxt is not None and nxt.meta),
        "meta": float(s.meta),
        "dateline": float(s.dateline and not prev.title and not prev.meta),
        "dateline_under": s.title * float(nxt is not None and nxt.dateline),
        "inline": s.inline,
        "chrome": float(s.chrome),
        "after_chrome": float(prev.chrome),
        "after_title": prev.title,
        "after_meta": float(prev.meta),
        "after_cut": float(prev.cut_end and not prev.title and not prev.chrome),
        "after_abbrev": float(prev.abbrev_end),
        "lower": float(s.lower),
        "aside": float(s.aside),
        "quote": float(s.quote),
        "anaphora": float(s.anaphora),
        "shift": shift,
    }


def _echo(a: str, b: str) -> bool:
    """True if one block opens with the words the other opens with (their ``_key``).

    A lead repeats its title or standfirst, and a scraped paragraph its copy.
    """
    size = min(len(a), len(b), 40)
    return size >= 15 and a[:size] == b[:size]


_NOT_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    """The opening of ``text`` in lower-case letters and digits only, for loose comparisons."""
    return _NOT_ALNUM.sub("", text[:80].casefold())
