"""The page's separator habit: how well each kind of break predicts a start on this page.

A site separates its articles in its own way: one dump puts a blank line between
articles and none between paragraphs, another a blank line everywhere. The
model of stage 1 can only weigh "a break wider than this page's usual one" the
same on every page, and since pages put wider breaks inside articles too, it
weighs it little. Stage 2 asks the page itself: of the blocks that come after
the same number of blank lines as this one, what share does stage 1 already
find sure starts, against that share for the page's other blocks?

The share leaves the block itself out (so a block is not its own evidence) and
leans on the page's overall share of sure starts, worth ``SMOOTHING`` blocks, so
that a break seen once or twice says little. A page whose wide breaks fall inside
articles as often as between them gets a weak or negative habit; a page whose
wide breaks are only between articles a strong one.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Breaks of this many blank lines or more are one kind.
WIDEST_KIND = 3
#: How many blocks' worth of the page's overall share each kind's share leans on.
SMOOTHING = 4.0
#: The page's overall share itself leans on one sure start in ten blocks.
BASE_STARTS = 1.0
BASE_BLOCKS = 10.0


def habit(blanks: Sequence[int], sure: Sequence[bool]) -> np.ndarray:
    """For each candidate block, how much likelier its kind of break is a sure start.

    Args:
        blanks: blank lines before each candidate block (every block but the first).
        sure: whether stage 1 finds a sure start at each (log-odds above its threshold).

    Returns:
        One value per block, about -1..1: the smoothed share of sure starts among the
        page's other blocks of its kind, minus that among the blocks of other kinds;
        0 when either group is empty. One pass over the blocks.
    """
    kinds = np.minimum(np.asarray(blanks, dtype=int), WIDEST_KIND)
    starts = np.asarray(sure, dtype=float)
    if len(kinds) == 0:
        return np.zeros(0)
    per_kind = np.bincount(kinds, minlength=WIDEST_KIND + 1).astype(float)
    starts_per_kind = np.bincount(kinds, weights=starts, minlength=WIDEST_KIND + 1)
    total, total_starts = float(len(kinds)), float(starts.sum())
    # the block's own kind, without the block itself
    own_blocks = per_kind[kinds] - 1.0
    own_starts = starts_per_kind[kinds] - starts
    other_blocks = total - per_kind[kinds]
    other_starts = total_starts - starts_per_kind[kinds]
    base = (total_starts - starts + BASE_STARTS) / (total - 1.0 + BASE_BLOCKS)
    own = (own_starts + SMOOTHING * base) / (own_blocks + SMOOTHING)
    other = (other_starts + SMOOTHING * base) / (other_blocks + SMOOTHING)
    known = (own_blocks > 0) & (other_blocks > 0)
    return np.where(known, own - other, 0.0)
