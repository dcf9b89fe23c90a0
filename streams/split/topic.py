"""Topic shift at each block start, from the words of two bounded windows.

For block ``b`` the ``WINDOW`` content words before its start are compared with
the ``WINDOW`` content words from its start on: the cosine of their word counts.
Two articles of a dump are usually about different things and share few words;
two paragraphs of one article share some. Both windows slide along the text
once: every word enters and leaves each window once, and the dot product and
the norms are updated as it does, so the whole input costs one pass.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

#: Content words in each window.
WINDOW = 80
#: A window with fewer words than this gives no reading (the page's first or last lines).
MIN_WORDS = 25
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own said same says she should so some such than that the their theirs
    them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your told say according mr mrs ms
    one two three new year years last first time people like many much get got make made
    since still even may might must well back way day week month monday tuesday wednesday
    thursday friday saturday sunday"""
)


def keys(text: str) -> list[str]:
    """Content-word keys of ``text``: lower case, no stop words, cut to 6 letters."""
    words = (w.lower() for w in _WORD.findall(text))
    return [w[:6] for w in words if len(w) > 2 and w not in _STOP]


def similarities(blocks: Sequence[str], before: int = WINDOW, after: int = WINDOW) -> list[float]:
    """Cosine of the windows before and after each block's start.

    Args:
        blocks: the texts of the blocks, in order ("" for a block to skip).
        before: content words in the window before a start.
        after: content words in the window from a start on.

    Returns:
        One value in [0, 1] per block; NaN where a window has fewer than
        ``MIN_WORDS`` words (always for the first block).
    """
    return cosines(*word_stream(blocks), before, after)


def word_stream(blocks: Sequence[str]) -> tuple[list[str], list[int]]:
    """The content-word keys of all blocks in a row, and where each block's begin."""
    words: list[str] = []
    firsts: list[int] = []
    for text in blocks:
        firsts.append(len(words))
        words.extend(keys(text))
    return words, firsts


def cosines(words: list[str], firsts: Sequence[int], before: int, after: int) -> list[float]:
    """:func:`similarities` from a :func:`word_stream`, in one pass over the words.

    ``b`` and ``a`` count the words of ``words[lo:p]`` and ``words[p:hi]``; as the
    split point ``p`` moves on, every word enters and leaves each window once, and
    the dot product and the squared norms are updated by the change it makes.
    """
    b: dict[str, int] = {}
    a: dict[str, int] = {}
    dot = nb = na = lo = p = hi = 0
    out: list[float] = []
    for first in firsts:
        while p < first:
            w = words[p]
            if hi > p:  # leaves "after"
                c = a[w]
                dot -= b.get(w, 0)
                na -= 2 * c - 1
                a[w] = c - 1
            else:
                hi = p + 1
            c = b.get(w, 0)  # enters "before"
            dot += a.get(w, 0)
            nb += 2 * c + 1
            b[w] = c + 1
            p += 1
            if p - lo > before:  # the oldest word leaves "before"
                v = words[lo]
                c = b[v]
                dot -= a.get(v, 0)
                nb -= 2 * c - 1
                b[v] = c - 1
                lo += 1
        end = min(len(words), p + after)
        while hi < end:  # the next words enter "after"
            w = words[hi]
            c = a.get(w, 0)
            dot += b.get(w, 0)
            na += 2 * c + 1
            a[w] = c + 1
            hi += 1
        enough = min(p - lo, hi - p) >= MIN_WORDS and nb and na
        out.append(dot / math.sqrt(nb * na) if enough else math.nan)
    return out


#: Names (capitalised words) remembered before a block, and read at its head.
NAMES_BEFORE = 60
NAMES_HEAD = 12
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z][\w'’\-]+")


def names(text: str) -> list[str]:
    """The capitalised words of ``text`` that do not open a sentence, as keys."""
    return [m.group()[:6] for m in _NAME.finditer(text) if m.group().lower() not in _STOP]


def name_novelty(blocks: Sequence[str]) -> list[float]:
    """For each block, how new the names at its head are: -1 all known .. 1 all new.

    The first ``NAMES_HEAD`` names of the block are looked up among the last
    ``NAMES_BEFORE`` names before it. A lead introduces people and places the
    article before never named; a paragraph goes on about those already named.
    0 when the block's head has no name, or nothing came before.
    """
    recent: list[str] = []
    counts: Counter[str] = Counter()
    out: list[float] = []
    for text in blocks:
        found = names(text)
        head = set(found[:NAMES_HEAD])
        if head and recent:
            new = sum(1 for n in head if not counts[n])
            out.append((2 * new - len(head)) / len(head))
        else:
            out.append(0.0)
        for n in found:
            recent.append(n)
            counts[n] += 1
        while len(recent) > NAMES_BEFORE:
            counts[recent.pop(0)] -= 1
    return out
