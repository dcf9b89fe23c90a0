"""Topic shift at a line: how alike the text before it and the text after it are.

Two adjacent articles of a dump are usually about different things, and the
paragraphs of one article about the same thing, even when they share few words
("the striker" and "the forward"). Word vectors see that where word overlap
(:mod:`streams.split.cohesion`) cannot. The vectors are the first 64 of the 256
dimensions of WordLlama's static token embeddings (``l2_supercat``), which ship
inside its wheel: nothing is downloaded, and no neural network runs.

A window's vector is the sum of the vectors of its words, and a word's vector the
sum of its tokens'. WordLlama averages token vectors and normalises the result,
so the cosine between two windows is the same. Words are cached, so the cost per
input is about one lookup per word and one pass over the vectors.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Protocol

import numpy as np

from streams.split.headline import Line

#: (characters before, characters after) the line's start, one feature per pair:
#: a wide view of the article so far against the new text, and a near one.
WINDOWS: tuple[tuple[int, int], ...] = ((1200, 300), (300, 300))
_TOKENIZER = "l2_supercat_tokenizer_config.json"
_WEIGHTS = "l2_supercat_256.safetensors"
#: Cosines are rounded so that the last bits of a float sum never move a tree split.
_DIGITS = 4
_PUNCTUATION = ".,;:!?\"()[]'’”“‘—–-…"
#: How many of the commonest English words the word cache starts with.
_WARM_WORDS = 30_000
#: Dimensions of the word vectors used (of 256).
DIM = 64


class WordVectors(Protocol):
    """Vectors for words: one row per word, all rows of one width."""

    def vectors(self, words: Sequence[str]) -> np.ndarray:
        """Return a ``(len(words), dim)`` array."""
        ...


class WordLlamaVectors:
    """Word vectors from WordLlama's token embeddings, with a bounded word cache."""

    def __init__(self, dim: int = DIM, cache_size: int = 200_000, warm: Sequence[str] = ()) -> None:
        """Load the tokenizer and the embedding table from the ``wordllama`` wheel.

        The files are opened directly: ``WordLlama.load`` looks for the
        tokenizer in a folder the wheel does not have and would try to download it.
        The model is trained so that its first dimensions carry most of the
        meaning (matryoshka), so ``dim`` of 256 may be cut for speed. ``warm``
        words are cached at once, so a new worker starts as fast as a running one.
        """
        import wordllama
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        root = Path(wordllama.__file__).parent
        self._tokenizer = Tokenizer.from_file(str(root / "tokenizers" / _TOKENIZER))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self._vocab: dict[str, int] = self._tokenizer.get_vocab()
        table = load_file(str(root / "weights" / _WEIGHTS))["embedding.weight"]
        self._table = np.ascontiguousarray(table[:, :dim], dtype=np.float32)
        self._cache_size = cache_size
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((1024, dim), dtype=np.float32)
        self._lock = threading.Lock()
        if warm:
            self.vectors(warm)

    def vectors(self, words: Sequence[str]) -> np.ndarray:
        """Sum of the token vectors of each word."""
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._rows]
            if len(self._rows) + len(new) > self._cache_size:
                self._rows.clear()  # a long-running worker must not grow without end
                new = list(dict.fromkeys(words))
            if new:
                self._add(new)
            return self._matrix[[self._rows[w] for w in words]]

    def _encode(self, words: list[str]) -> list[list[int]]:
        """Token ids of each word; a word that is one token is looked up, not encoded."""
        single = [self._vocab.get("▁" + w) for w in words]
        rest = [w for w, one in zip(words, single, strict=True) if one is None]
        encoded = iter(e.ids for e in self._tokenizer.encode_batch(rest, add_special_tokens=False))
        return [[one] if one is not None else next(encoded) for one in single]

    def _add(self, words: list[str]) -> None:
        """Cache the vectors of words not seen before."""
        first = len(self._rows)
        need = first + len(words)
        if need > len(self._matrix):
            grown = np.zeros((max(need, 2 * len(self._matrix)), self._table.shape[1]), np.float32)
            grown[:first] = self._matrix[:first]
            self._matrix = grown
        encoded = self._encode(words)
        sizes = np.array([len(ids) for ids in encoded])
        flat = np.fromiter(chain.from_iterable(encoded), dtype=np.int64, count=int(sizes.sum()))
        tokens = self._table[np.clip(flat, 0, len(self._table) - 1)]
        block = np.zeros((len(words), self._table.shape[1]), np.float32)
        filled = sizes > 0  # every word has a token; the guard keeps reduceat honest
        if filled.any():
            offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])[filled]
            block[filled] = np.add.reduceat(tokens, offsets, axis=0)
        self._matrix[first:need] = block
        self._rows.update(zip(words, range(first, need), strict=True))


@cache
def default_vectors() -> WordLlamaVectors:
    """The shared WordLlama word vectors, loaded once per process.

    The cache starts with the commonest English words, as written in lower case
    and capitalised: about nine in ten words of news text.
    """
    from wordfreq import top_n_list

    common = top_n_list("en", _WARM_WORDS)
    return WordLlamaVectors(warm=[*common, *(w.capitalize() for w in common)])


def window_similarity(lines: Sequence[Line], vectors: WordVectors) -> np.ndarray:
    """Cosine between the text before and after the start of every line.

    Args:
        lines: the non-blank lines of one input, with their offsets.
        vectors: where word vectors come from.

    Returns:
        A ``(len(lines), len(WINDOWS))`` array: row ``i`` compares the words in the
        ``before`` characters up to ``lines[i].start`` with those in the ``after``
        characters from it, one column per window pair. Row 0 has no text before
        it and is 0.
    """
    out = np.zeros((len(lines), len(WINDOWS)))
    if len(lines) < 2:
        return out
    per_line = [line.text.split() for line in lines]
    words = [w for line_words in per_line for w in line_words]
    at = _word_offsets(lines, per_line, words)
    # punctuation says nothing about the subject, and "said." is "said"
    bare = [w.strip(_PUNCTUATION) for w in words]
    keep = np.array([bool(w) for w in bare], dtype=bool)
    if not keep.any():
        return out
    rows, at = vectors.vectors([w for w in bare if w]), at[keep]
    starts = np.array([line.start for line in lines[1:]])
    mid = np.searchsorted(at, starts)
    for col, (before, after) in enumerate(WINDOWS):
        lo, hi = np.searchsorted(at, starts - before), np.searchsorted(at, starts + after)
        left, right = _range_sums(rows, lo, mid), _range_sums(rows, mid, hi)
        out[1:, col] = np.round(_cosine(left, right), _DIGITS)
    return out


def _word_offsets(
    lines: Sequence[Line], per_line: Sequence[list[str]], words: list[str]
) -> np.ndarray:
    """Where each word starts in the input, counting one space between words.

    Runs of spaces inside a line are rare, and counting them as one moves a
    window's edge by a few characters at most; it spares a regular expression
    over every word.
    """
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 1
    sizes = np.array([len(line_words) for line_words in per_line])
    firsts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    within = np.cumsum(lengths) - lengths  # offset from the input's first word
    line_starts = np.array([line.start for line in lines])
    first_of_line = np.append(within, 0)[firsts]  # (the 0 is for a line without words)
    offsets: np.ndarray = within - np.repeat(first_of_line - line_starts, sizes)
    return offsets


def _range_sums(rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``rows[lo[k]:hi[k]].sum(axis=0)`` for every ``k``, in one pass over ``rows``.

    Only the prefix sums at the range ends are formed: a cumulative sum over all
    rows costs several times more than the rest of the splitter on a long dump.
    """
    n = len(rows)
    cuts = np.unique(np.concatenate([[0], lo, hi]))
    cuts = cuts[cuts < n]
    prefix = np.zeros((len(cuts) + 1, rows.shape[1]))
    np.cumsum(np.add.reduceat(rows, cuts, axis=0), axis=0, dtype=np.float64, out=prefix[1:])
    ends = np.append(cuts, n)  # prefix[k] sums rows[: ends[k]]
    return prefix[np.searchsorted(ends, hi)] - prefix[np.searchsorted(ends, lo)]


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise cosine; 0 where either row is zero."""
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    dots = np.einsum("ij,ij->i", a, b)
    cosines: np.ndarray = np.where(norms > 0, dots / np.where(norms > 0, norms, 1.0), 0.0)
    return cosines
