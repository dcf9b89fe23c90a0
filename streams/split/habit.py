"""The page's separator habit: how well each kind of break predicts a start on this page.

A site separates its articles in its own way: one dump puts a blank line between
articles and none between paragraphs, another a blank line everywhere but writes
the blank line between paragraphs with a space on it (``<p>&nbsp;</p>``), or
indents its paragraphs and not its titles. The model of stage 1 can only weigh "a
break wider than this page's usual one" the same on every page, and since pages
put wider breaks inside articles too, it weighs it little. Stage 2 asks the page
itself: of the blocks that come after the same separator as this one (the white
space between two blocks as written, ``layout.separator``), what share does stage 1
already find sure starts, against that share for the page's other blocks?

The share leaves the block itself out (so a block is not its own evidence) and
leans on the page's overall share of sure starts, worth ``SMOOTHING`` blocks, so
that a separator seen once or twice says little. A page whose article separator is
also written between paragraphs gets a weak or negative habit; a page whose
separator between articles is written nowhere else a strong one.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

#: How many blocks' worth of the page's overall share each kind's share leans on.
SMOOTHING = 4.0
#: The page's overall share itself leans on one sure start in ten blocks.
BASE_STARTS = 1.0
BASE_BLOCKS = 10.0


def habit(kinds: Sequence[Hashable], sure: Sequence[bool]) -> np.ndarray:
    """For each candidate block, how much likelier its kind of break is a sure start.

    Args:
        kinds: the kind of break before each candidate block (every block but the
            first): its separator (``Block.gap``), or any value equal for breaks alike.
        sure: whether stage 1 finds a sure start at each (log-odds above its threshold).

    Returns:
        One value per block, about -1..1: the smoothed share of sure starts among the
        page's other blocks of its kind, minus that among the blocks of other kinds;
        0 when either group is empty. One pass over the blocks.
    """
    codes: dict[Hashable, int] = {}
    kind = np.array([codes.setdefault(k, len(codes)) for k in kinds], dtype=int)
    starts = np.asarray(sure, dtype=float)
    if len(kind) == 0:
        return np.zeros(0)
    per_kind = np.bincount(kind).astype(float)
    starts_per_kind = np.bincount(kind, weights=starts)
    total, total_starts = float(len(kind)), float(starts.sum())
    # the block's own kind, without the block itself
    own_blocks = per_kind[kind] - 1.0
    own_starts = starts_per_kind[kind] - starts
    other_blocks = total - per_kind[kind]
    other_starts = total_starts - starts_per_kind[kind]
    base = (total_starts - starts + BASE_STARTS) / (total - 1.0 + BASE_BLOCKS)
    own = (own_starts + SMOOTHING * base) / (own_blocks + SMOOTHING)
    other = (other_starts + SMOOTHING * base) / (other_blocks + SMOOTHING)
    known = (own_blocks > 0) & (other_blocks > 0)
    return np.where(known, own - other, 0.0)
