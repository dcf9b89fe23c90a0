"""How each block reads among its neighbours, where reading it alone misleads.

``shapes.shape`` reads one block alone. A few readings need the lines around it:
a section label in capitals over a title is a kicker, not a short title; a date
line grouped with the title under it is that title's header; a numbered line is a
digest's title on a page that numbers its titles, and a list item elsewhere; a
label in capitals with a colon is a transcript's speaker turn when it comes round
again, and a dateline otherwise. ``features.matrix`` reads the shapes through
:func:`in_context`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from streams.split.headers import kicker
from streams.split.layout import Block
from streams.split.shapes import NUMBERED, Shape, date_line, shape


def in_context(shapes: list[Shape], blocks: Sequence[Block]) -> list[Shape]:
    """The shapes, with the header lines above a title read as site furniture, a
    numbered title read without its number and a speaker's turn as an aside.

    A kicker (a section label or breadcrumb: "WORLD", "News › Politics") over a
    title, and a date line over a title that the layout groups with it (a narrower
    break under it than above), are no start themselves, and the title under them
    is not "under a title" or "under a date line" (a byline is not taken: one
    under a title is often followed by a lead that reads as a title);
    ``headers.with_headers`` gives them to the article below.
    """
    shapes = _turns(_numbered(shapes, blocks), blocks)
    out = list(shapes)
    for k in range(len(shapes) - 1):
        s = shapes[k]
        if shapes[k + 1].title <= 0:
            continue
        grouped = k > 0 and blocks[k + 1].blank < blocks[k].blank and s.meta
        if kicker(blocks[k].text) or (grouped and date_line(blocks[k].text)):
            out[k] = replace(s, chrome=True, meta=False, title=0.0, caps=0.0, upper=False)
    return out


def _numbered(shapes: list[Shape], blocks: Sequence[Block]) -> list[Shape]:
    """The shapes, with numbered lines read without their number on a page of numbered
    titles (a digest: "1. Council backs ...", "2. Fire closes ...").

    A page writes its first title before its first paragraph, so a page that writes a
    numbered line there numbers its titles; elsewhere (a list of points, a listicle's
    numbered subheads under a lead) a numbered line is an aside. A line that another
    list item stands next to stays one.
    """
    first = next((k for k, s in enumerate(shapes) if _prose(s)), len(shapes))
    if not any(NUMBERED.match(b.text) for b in blocks[:first]):
        return shapes
    out = list(shapes)
    for k, block in enumerate(blocks):
        mark = NUMBERED.match(block.text)
        if mark is None or not shapes[k].aside:
            continue
        if not any(shapes[j].aside for j in (k - 1, k + 1) if 0 <= j < len(shapes)):
            out[k] = shape(block.text[mark.end() :])
    return out


#: A label in capitals before a colon: a speaker's turn ("REYES:") or a dateline ("LAGOS:").
_SPEAKER = re.compile(r"([A-Z][A-Z.'’\-]+(?:[ ,]+[A-Z][A-Z.'’\-]+){0,3})\s*:\s")
#: Blocks on each side where a speaker's label is looked for again.
TURNS = 3


def _turns(shapes: list[Shape], blocks: Sequence[Block]) -> list[Shape]:
    """The shapes, with the turns of a transcript read as asides, not datelines.

    A label in capitals and a colon opening a paragraph is a wire dateline ("LAGOS:"),
    or a speaker's turn ("REYES: ...") when the same label opens another paragraph,
    not a copy of this one, at most ``TURNS`` blocks away: a transcript gives its
    speakers turn about. A title line with a label ("BREAKING: ...") is neither, and
    a dateline with a dash ("CAIRO —") is never a turn: a page of briefs may open
    several in a row from one place.
    """
    labels = []
    for block, s in zip(blocks, shapes, strict=True):
        m = _SPEAKER.match(block.text) if s.dateline and not s.title else None
        labels.append(m.group(1) if m else None)
    out = list(shapes)
    for k, label in enumerate(labels):
        if label is None:
            continue
        near = range(max(0, k - TURNS), min(len(labels), k + 1 + TURNS))
        opening = blocks[k].text[:60]
        if any(labels[j] == label and blocks[j].text[:60] != opening for j in near if j != k):
            out[k] = replace(shapes[k], dateline=False, aside=True)
    return out


def _prose(s: Shape) -> bool:
    """A paragraph: a block of eight words or more that is no title, byline, chrome or aside."""
    return s.words >= 8 and not (s.title or s.meta or s.chrome or s.aside)
