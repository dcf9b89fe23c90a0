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
    words: list[str] = []
    firsts: list[int] = []
    for text in blocks:
        firsts.append(len(words))
        words.extend(keys(text))
    window = _Windows(words, before, after)
    out: list[float] = []
    for first in firsts:
        window.move_to(first)
        out.append(window.cosine())
    return out


class _Windows:
    """The count vectors of ``words[lo:p]`` (before) and ``words[p:hi]`` (after)."""

    def __init__(self, words: list[str], before: int, after: int) -> None:
        self.words = words
        self.size_before, self.size_after = before, after
        self.before: Counter[str] = Counter()
        self.after: Counter[str] = Counter()
        self.dot = self.nb = self.na = 0  # dot product and squared norms
        self.lo = self.p = self.hi = 0

    def move_to(self, first: int) -> None:
        """Move the split point to word ``first`` (never backwards)."""
        while self.p < first:
            word = self.words[self.p]
            if self.hi > self.p:
                self._add(self.after, word, -1)
            else:
                self.hi = self.p + 1  # it never entered "after"
            self._add(self.before, word, 1)
            self.p += 1
            if self.p - self.lo > self.size_before:
                self._add(self.before, self.words[self.lo], -1)
                self.lo += 1
        end = min(len(self.words), self.p + self.size_after)
        while self.hi < end:
            self._add(self.after, self.words[self.hi], 1)
            self.hi += 1

    def _add(self, side: Counter[str], word: str, step: int) -> None:
        other = self.after if side is self.before else self.before
        count = side[word]
        self.dot += step * other[word]
        if side is self.before:
            self.nb += 2 * step * count + 1
        else:
            self.na += 2 * step * count + 1
        side[word] = count + step

    def cosine(self) -> float:
        if min(self.p - self.lo, self.hi - self.p) < MIN_WORDS or not self.nb or not self.na:
            return math.nan
        return self.dot / math.sqrt(self.nb * self.na)


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
