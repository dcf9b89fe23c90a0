"""Header lines: the lines above an article's title that belong to its article.

A page may write above a title a section label in capitals or a breadcrumb (a
*kicker*: "WORLD", "News › Politics"), a date line, or the headline over a deck.
Read alone, a kicker may as well be a short title in capitals, and a date line
the foot of the article before; the line below and the page's layout tell them
apart. ``features`` reads a kicker (and a date line grouped with the title under
it) as site furniture; :func:`with_headers` gives them to the article below once
the starts are chosen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from streams.split.layout import Block
from streams.split.shapes import date_line, shape

#: A kicker ("WORLD", "News › Politics") has at most this many words and characters.
KICKER_WORDS = 6
KICKER_CHARS = 40
#: Marks between the steps of a breadcrumb.
_CRUMBS = ("›", "»", ">", "|", "/")
#: A kicker has no sentence punctuation, brackets or quotation marks.
_KICKER_PUNCT = re.compile(r"[.!?,;:()\[\]\"“”]")
#: Header lines passed over above one start, at most.
HEADER_LINES = 2


def kicker(text: str) -> bool:
    """Whether ``text`` could be a section label in capitals or a breadcrumb.

    Read alone it may as well be a short title in capitals; it is a kicker when a
    title line follows it (the caller knows the line below).
    """
    words = text.split()
    if not 0 < len(words) <= KICKER_WORDS or len(text) > KICKER_CHARS:
        return False
    if _KICKER_PUNCT.search(text) or shape(text).chrome:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    # a breadcrumb's marks stand between its steps ("> quoted" is no breadcrumb)
    return capitals or any(mark in words[1:-1] for mark in _CRUMBS)


def with_headers(blocks: Sequence[Block], starts: Sequence[int]) -> list[int]:
    """Move each start at a title up over the header lines written above it.

    A page may write lines above an article's title that belong to it: a section
    label in capitals or a breadcrumb (a kicker: "WORLD", "News › Politics"), a
    date line, or the headline over a deck (the model then starts the article at
    the deck, the title line over the byline). A line above the start is taken in
    when the page's layout groups it with the lines below it: the break under it is
    narrower than the break above it; a kicker also at an equal break. A line that
    may as well end the article above (a credit, chrome) stays there, and no
    earlier start is passed.

    Args:
        blocks: all the page's blocks.
        starts: the chosen starts (block indices, 0 first, increasing).

    Returns:
        The starts, each moved up by at most ``HEADER_LINES`` blocks.
    """
    moved = [0]
    for start in starts[1:]:
        top = start
        if shape(blocks[start].text).title > 0:
            while start - top < HEADER_LINES and top - 1 > moved[-1]:
                if not _header(blocks, top, start):
                    break
                top -= 1
        moved.append(top)
    return moved


def _header(blocks: Sequence[Block], k: int, start: int) -> bool:
    """Whether block ``k - 1`` is a header line of the article that ``start`` begins.

    Block ``k`` is the article's top so far. A title line counts only over the start
    itself, and only when a byline or date line is under the start: a headline over
    its deck, not a credit line that ends the article above.
    """
    above, under = blocks[k - 1].blank, blocks[k].blank
    if under > above:
        return False
    text = blocks[k - 1].text
    if kicker(text):
        return True
    line = shape(text)
    deck = k == start and start + 1 < len(blocks) and shape(blocks[start + 1].text).meta
    return under < above and ((line.meta and date_line(text)) or (line.title > 0 and deck))
