"""How rare a word is in English at large, from the ``wordfreq`` word lists.

Cohesion weighs each key by its rarity inside the input; this adds its rarity
outside it, so that a shared "police" says less about two paragraphs belonging
together than a shared "dredger". Keys are names (``^`` prefix, the whole word)
and content words cut to six letters; a cut key stands for every English word
that starts with it, and its frequency is theirs summed. The word lists ship
inside the ``wordfreq`` wheel: nothing is fetched at run time. They are read
once per process (about half a second; :func:`load`, which the splitter calls when it
is built), and the rarities of recent keys are cached.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

#: -log10 of a word's frequency (per word of running English text) is capped
#: here: every word rarer than one in a million counts as fully rare.
RARITY_CAP = 6.0


@cache
def _tables() -> tuple[dict[str, float], dict[str, float]]:
    """Frequency of each common English word, and the summed frequency per cut.

    Only entries more frequent than the cap are kept (about 10% of the list): a
    rarer one would get rarity 1.0, the same as a word the list lacks. The list
    is read with ``read_cBpack`` rather than ``get_frequency_dict``, which would
    keep the whole list (about 70 MB) in a cache for the life of the process.
    """
    from wordfreq import available_languages, read_cBpack

    floor = 10.0**-RARITY_CAP
    words: dict[str, float] = {}
    stems: dict[str, float] = {}
    # bucket i holds the words of frequency 10 ** (-i / 100), commonest first
    for i, bucket in enumerate(read_cBpack(available_languages("best")["en"])):
        freq = 10.0 ** (-i / 100)
        for word in bucket:
            if freq > floor:
                words[word] = freq
            if word.isascii() and word.isalpha():
                stems[word[:6]] = stems.get(word[:6], 0.0) + freq
    return words, {stem: freq for stem, freq in stems.items() if freq > floor}


def load() -> None:
    """Read the word lists now rather than on the first split."""
    _tables()


# Bounded: a long-running worker meets an endless stream of new names.
@lru_cache(maxsize=1 << 17)
def rarity(key: str) -> float:
    """Global rarity of a cohesion key, in (0, 1]: ``min(cap, -log10 frequency) / cap``.

    "the" gives 0.21, "police" 0.61, "earthquake" (cut "earthq") 0.79, and a word
    the lists do not know (most surnames, misspellings) 1.0.
    """
    words, stems = _tables()
    freq = words.get(key[1:]) if key.startswith("^") else stems.get(key)
    if not freq:
        return 1.0
    return min(RARITY_CAP, -math.log10(freq)) / RARITY_CAP
