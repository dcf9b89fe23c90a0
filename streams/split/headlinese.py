"""How much a sentence reads like a headline rather than a sentence of a story.

Headlines are written in their own style ("headlinese"): no articles, present
tense for the past, "to" for the future, participles without auxiliaries, title
case, a number up front. A small logistic model scores that style from closed
classes only: the 300 commonest English words are kept as words, every other
word is reduced to its shape (capitalised, all capitals, number, lower case by
suffix), with pairs of neighbours and the first and last token. It never sees a
content word, so it describes how a sentence is written, not what it is about.

The weights (``streams/split/data/headlinese.json``) were fitted on the titles and body
sentences of the tuning (head) documents of the geoparse benchmarks by
``streams.evaluate.tuning.fit_headlinese``; see docs/splitting.md (eighth round).
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import orjson

_TOKEN = re.compile(r"[\w’'$%.-]+|[,:;\"“”‘()—–-]")
_SUFFIXES = ("ing", "ed", "s", "ly")
#: Neither end of this many log-odds is read as more than "clearly" one or the other.
CLIP = 8.0


def _shape(token: str) -> str:
    """The class of a word outside the common-word list."""
    if any(ch.isdigit() for ch in token):
        return "<num>"
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return token
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "<CAPS>"
    if letters[0].isupper():
        return "<Cap>"
    for suffix in _SUFFIXES:
        if token.endswith(suffix):
            return "<low-" + suffix + ">"
    return "<low>"


# Bounded: the splitter reads the style of every line, and news text brings new
# tokens without end; the commonest tokens are most of any text.
@lru_cache(maxsize=1 << 16)
def _token_class(token: str, common: frozenset[str]) -> str:
    """A common word as itself, any other token as its shape."""
    low = token.lower().strip(".")
    return "w:" + low if low in common else _shape(token)


def features(sentence: str, common: frozenset[str]) -> set[str]:
    """The style features of one sentence (a set of names).

    Args:
        sentence: one sentence or title, without what follows it.
        common: words kept as themselves; all others become their shape.
    """
    raw = _TOKEN.findall(sentence.strip().rstrip(" ."))
    tokens = [_token_class(token, common) for token in raw]
    out = set(tokens)
    if tokens:
        out.update(("^" + tokens[0], "$" + tokens[-1]))
    out.update(a + "_" + b for a, b in pairwise(tokens))
    out.add(f"len{min(len(raw) // 3, 6)}")
    return out


@cache
def _model() -> tuple[frozenset[str], dict[str, float], float]:
    """The common-word list, feature weights and bias, read once."""
    data: dict[str, Any] = orjson.loads(
        (resources.files("streams.split") / "data" / "headlinese.json").read_bytes()
    )
    return frozenset(data["common"]), dict(data["weights"]), float(data["bias"])


def odds(sentence: str) -> float:
    """Log-odds that ``sentence`` is a headline rather than a story's sentence.

    Classes were balanced in the fit, so 0 means "as likely either way".
    """
    common, weights, bias = _model()
    # fsum: a plain sum over a set moves in its last bit with string hashing, and
    # the boundary trees read this value
    value = bias + math.fsum(weights.get(f, 0.0) for f in features(sentence, common))
    return max(-CLIP, min(CLIP, value))
