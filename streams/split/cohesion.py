"""Lexical cohesion between neighbouring stretches of text.

An article keeps talking about the same people, places and things; the next
article starts fresh. Cohesion is the share of the evidence in the text after a
break that already appeared before it: names (capitalised tokens) and content
words, each weighted by how rare it is in the whole input, so a word every
article of a dump shares (a dump about one country) counts for little, and by
how rare it is in English at large, so a shared "police" counts for less than a
shared "dredger".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from streams.split.rarity import rarity


def _word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of ``words``."""
    return frozenset(words.split())


_NAME = re.compile(
    r"\b[A-Z][A-Za-z]*&[A-Z][A-Za-z]*|\b[A-Z][A-Za-z\-]*[a-z][A-Za-z\-]*|\b[A-Z]{2,}\b"
)
_CONTENT = re.compile(r"\b[a-z]{4,}\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
# "Hadi Matar", "Ali Khamenei": the last word of a multi-word name is the one
# later paragraphs use alone ("Matar said").
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)* ([A-Z][a-z]{2,})\b")
_SPEAKER = re.compile(
    r"^(?:[A-Z][a-z]+ )?([A-Z][a-z]+) (?:said|says|added|adds|told|noted|explained|stressed)\b"
)
_DEFINITE = re.compile(r"^The ([a-z]{4,})(?: ([a-z]{4,}))?\b")
_CAPITAL_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
STOPWORDS = _word_set(
    """the a an and but or so yet if when while after before as in on at for from by with
    without however meanwhile also then now still despite although though because since
    instead what who how why where this that these those there here he she it they we you
    his her its their our my your him them us i one two three some many most all no not
    other another last next earlier later monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december mr mrs ms dr said says according about would could should will
    have has had been were was being into over under more than such which their there
    very just only even also like other some time year years people today week"""
)

#: Characters of text on each side of a break that the local windows look at.
LEFT_CHARS = 1200
NAME_CHARS = 3000
RIGHT_CHARS = 300
#: Nominal vocabulary of the local word-model test (pseudo-count 1 per word).
_VOCAB = 500
_LOG_FACTORIAL = [math.lgamma(n + 1.0) for n in range(256)]


@dataclass(frozen=True)
class Profile:
    """The lexical make-up of one line, computed once.

    Attributes:
        keys: names and content stems (:func:`tokens`).
        counts: how often each content word occurs (:func:`words`).
        size: characters in the line.
        surnames: last words of the multi-word names the line introduces.
        mentions: names used alone near the start of the line.
        reference: the key of what the line opens by referring to: a speaker
            ("Johnson said" gives ``^johnson``) or a definite noun ("The
            hotspot is" gives ``hotspo``); empty if it opens otherwise.
    """

    keys: frozenset[str]
    counts: Counter[str]
    size: int
    surnames: frozenset[str]
    mentions: frozenset[str]
    reference: frozenset[str]


def profile(text: str) -> Profile:
    """Compute the :class:`Profile` of one line."""
    opening = text[:200]
    keys, stems = _read(text)
    speaker = _SPEAKER.match(text)
    definite = _DEFINITE.match(text)
    reference: frozenset[str] = frozenset()
    if speaker is not None:
        reference = frozenset({"^" + speaker.group(1).lower()})
    elif definite is not None:
        # "The debate over ...", "The new levy ...": the noun is one of the first two words
        reference = frozenset(w[:6] for w in definite.groups() if w and w not in STOPWORDS)
    return Profile(
        keys=keys,
        counts=Counter(stems),
        size=len(text),
        surnames=frozenset(m.group(1) for m in _FULL_NAME.finditer(text)),
        mentions=frozenset(
            run.group()
            for run in _CAPITAL_RUN.finditer(opening)
            if " " not in run.group()
            and "-" not in run.group()
            and len(run.group()) > 2
            and run.group().lower() not in STOPWORDS
        ),
        reference=reference,
    )


def tokens(text: str) -> frozenset[str]:
    """Names and content-word stems of ``text``, as one set of keys.

    Names keep a ``^`` prefix so that "Turkey" the country and "turkey" the bird
    do not meet; content words are cut to six letters, a cheap stemmer.
    """
    return _read(text)[0]


def words(text: str) -> list[str]:
    """Content words of ``text`` in order, lower-cased, cut to six letters."""
    return _read(text)[1]


def _read(text: str) -> tuple[frozenset[str], list[str]]:
    """Both :func:`tokens` and :func:`words` of ``text``."""
    # findall and comprehensions: this runs on every line of every input, and
    # a loop over match objects was the splitter's largest single cost
    names = {w.lower() for w in _NAME.findall(text)} - STOPWORDS
    keys = {"^" + w.removesuffix("'s") for w in names}
    keys.update(w[:6] for w in _CONTENT.findall(text) if w not in STOPWORDS)
    out = [
        w.removesuffix("'s").removesuffix("’s")[:6]
        for w in _WORD.findall(text.lower())  # the pattern matches alike in either case
        if len(w) >= 3 and w not in STOPWORDS
    ]
    return frozenset(keys), out


@lru_cache(maxsize=1 << 17)
def _key_factor(key: str) -> float:
    """What a key weighs beside its in-input rarity: names double, times global rarity."""
    return (2.0 if key.startswith("^") else 1.0) * rarity(key)


class Weights:
    """Rarity of each key: inverse document frequency over the units (lines) of one
    input, times its rarity in English at large (:func:`rarity.rarity`)."""

    def __init__(self, units: Sequence[frozenset[str]]) -> None:
        n = max(len(units), 1)
        df: Counter[str] = Counter()
        for unit in units:
            df.update(unit)
        self.table: dict[str, float] = {
            key: _key_factor(key) * math.log(1.0 + n / count) for key, count in df.items()
        }
        self._unseen = math.log(1.0 + n)

    def weight(self, key: str) -> float:
        """Rarer keys weigh more; names weigh double content words."""
        w = self.table.get(key)
        if w is None:
            return _key_factor(key) * self._unseen
        return w

    def total(self, keys: frozenset[str]) -> float:
        """Sum of the weights of ``keys``.

        ``math.fsum`` rounds once, so the sum does not depend on the order in which
        the set yields its keys, which changes with Python's string hashing from run
        to run; the boundary trees compare these sums with fixed thresholds.
        """
        table = self.table
        if all(k in table for k in keys):
            return math.fsum(map(table.__getitem__, keys))
        return math.fsum(map(self.weight, keys))


def overlap(weights: Weights, before: frozenset[str], after: frozenset[str]) -> float:
    """Weighted share of the keys of ``after`` that also occur in ``before``, 0..1."""
    total = weights.total(after)
    if total <= 0.0:
        return 0.0
    return weights.total(after & before) / total


def name_overlap(weights: Weights, before: frozenset[str], after: frozenset[str]) -> float:
    """Like :func:`overlap` but over names only; 0.5 when ``after`` names nobody."""
    names = frozenset(k for k in after if k.startswith("^"))
    if not names:
        return 0.5
    return overlap(weights, before, names)


def split_gain(before: Sequence[Counter[str]], after: Counter[str]) -> float:
    """Nats per word saved by giving ``before`` and ``after`` separate word models.

    High when the two stretches use different words (a topic change), near zero
    or negative when they share their vocabulary. Under a Dirichlet-multinomial
    with pseudo-count 1, words found on one side only cancel out, so only the
    words of ``after`` are visited.

    Args:
        before: word counts of each line before the break.
        after: word counts of the text after it.
    """
    n_left, n_right = sum(c.total() for c in before), after.total()
    if not n_left or not n_right:
        return 0.0
    v = float(_VOCAB)
    gain = (
        math.lgamma(n_left + n_right + v)
        - math.lgamma(n_left + v)
        - math.lgamma(n_right + v)
        + math.lgamma(v)
    )
    for word, d in after.items():
        c = sum(counts.get(word, 0) for counts in before)
        if c:
            gain += _log_factorial(c) + _log_factorial(d) - _log_factorial(c + d)
    return gain / min(n_left, n_right)


def _log_factorial(n: int) -> float:
    """``log(n!)``, from a table for the small counts that dominate."""
    if n < len(_LOG_FACTORIAL):
        return _LOG_FACTORIAL[n]
    return math.lgamma(n + 1.0)


def window_features(lines: Sequence[Profile], index: int, weights: Weights) -> list[float]:
    """Cohesion across the break before line ``index``, as numbers.

    Args:
        lines: the :class:`Profile` of every line.
        index: the line after the break.
        weights: rarity weights of the keys.

    Returns:
        cohesion (all keys) raw, clipped at 0.1 and "below 0.03"; the same for
        names (clipped at 0.2, "none shared"); adjacent-line cohesion; forward
        cohesion (does this line belong with what follows) and "none"; word-model
        split gain; back-reference (a name used alone that an earlier full name
        introduced, as in "Matar said" after "Hadi Matar"); reference back (the
        line opens with a speaker or a definite noun the text before mentions).
    """
    sizes = [p.size for p in lines]
    lo = _reach(sizes, index - 1, -1, LEFT_CHARS)
    hi = _reach(sizes, index, 1, RIGHT_CHARS)
    before = frozenset().union(*(p.keys for p in lines[lo:index]))
    ahead = frozenset().union(*(p.keys for p in lines[index : hi + 1]))
    after = frozenset().union(*(p.keys for p in lines[index + 1 : index + 4]))
    here = lines[index].keys
    coh = overlap(weights, before, ahead)
    names = name_overlap(weights, before, ahead)
    fwd = overlap(weights, after, here)
    left = [p.counts for p in lines[max(0, index - 6) : index]]
    right: Counter[str] = Counter()
    for p in lines[index : index + 3]:
        right.update(p.counts)
    far = _reach(sizes, index - 1, -1, NAME_CHARS)
    introduced = frozenset().union(*(p.surnames for p in lines[far:index]))
    here_ref = lines[index].reference
    return [
        coh,
        min(coh, 0.1),
        1.0 if coh < 0.03 else 0.0,
        names,
        min(names, 0.2),
        1.0 if names == 0.0 else 0.0,
        overlap(weights, lines[index - 1].keys, here),
        fwd,
        1.0 if fwd < 0.05 and index + 1 < len(lines) else 0.0,
        split_gain(left, right),
        1.0 if lines[index].mentions & introduced else 0.0,
        1.0 if here_ref & before else 0.0,
    ]


def _reach(sizes: Sequence[int], start: int, step: int, chars: int) -> int:
    """Index of the last unit reached from ``start`` going ``step`` within ``chars``."""
    i, total = start, 0
    while 0 <= i < len(sizes):
        total += sizes[i]
        if total >= chars:
            return i
        i += step
    return max(0, min(i - step, len(sizes) - 1))
