"""Reading a scraped page: an analysis view of the input, and its blocks.

Scrapers leave artefacts that say nothing about where an article starts: CRLF
line ends, no-break spaces, tabs, indentation, lines hard-wrapped at a fixed
width, runs of blank lines. The splitter reads a *view* of the input that has
exactly the input's length, so that every offset into the view is an offset into
the input. In the view:

- every line break (``\\r\\n``, a lone ``\\r``, ``\\n`` and the other Unicode line
  separators) is one ``\\n`` (the ``\\r`` of ``\\r\\n`` becomes a space);
- every other white space character (tab, no-break space...) is a space, but for the
  tab that separates a title from its body on one line (``title<TAB>body``, as an
  export of records writes them), which is a line break;
- the line break inside a hard-wrapped paragraph is a space.

The non-blank stretches of the view between line breaks are the *blocks*: the
paragraphs, titles, bylines and chrome lines of the page. Articles start only at
the start of a block. Each block also keeps the white space before it as the input
writes it (``separator``): the view reads a blank line with a no-break space on it
like an empty one, but a site that writes one between paragraphs and the other
between articles has told the two apart (``habit``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

# The line boundaries of str.splitlines; "\r\n" is handled first.
_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_TABLE = {c: " " for c in range(0x10000) if chr(c).isspace() and chr(c) not in _BREAKS}
_TABLE.update({ord(c): "\n" for c in _BREAKS})
_LINE = re.compile(r"[^\n]+")
_UNDERLINE = re.compile(r"=+|-+")
#: The same underline at the end of a block's text, joined to its title line.
_UNDERLINED = re.compile(r"\s+(?:={3,}|-{3,})$")
# A title and its body on one line with a tab between (an export of records, title<TAB>body):
# the tab reads as a line break. Before it, 2 to 150 characters with no tab and no . ! or ?;
# after it, 100 or more characters with no tab to the end of the line.
_TAB_TITLE = re.compile(
    rf"(?m)^[ \t]*(?:[^\t{_BREAKS}.!?]{{1,149}}\S)(\t)[ \t]*(?=\S[^\t{_BREAKS}]{{99,}}\r?$)"
)
_BULLET = re.compile(r"(?:[-*•·●▪–—>]|\d{1,2}[.)])\s")

#: Lines on each side read to find the wrap width around a line.
_WRAP_WINDOW = 6
#: Widths a hard wrap can have; longer lines are paragraphs of their own.
_MIN_WRAP = 30
_MAX_WRAP = 180
#: A line at most this much longer than every line near it may be the longest of their wrap.
_WIDEST_GAP = 2


@dataclass(frozen=True)
class Block:
    """A paragraph of the view: one line, or the lines of one hard-wrapped paragraph.

    Attributes:
        start: offset of its first non-space character.
        end: offset just after its last non-space character.
        blank: blank lines between it and the block before (0 for the first).
        indent: white space characters before it on its first line.
        text: ``view[start:end]``: wrapped line breaks read as spaces.
        gap: the white space between the block before and it as the input writes it
            (``separator``); "" for the first.
    """

    start: int
    end: int
    blank: int
    indent: int
    text: str
    gap: str = ""


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    indent: int
    breaks: int  # line breaks since the previous non-blank line


def view(text: str) -> str:
    """The analysis view of ``text`` before hard wraps are joined (same length).

    Line breaks become ``\\n`` and other white space a space, but for the tab between a
    title and its body on one line (``_TAB_TITLE``), which becomes a line break.
    """
    base = text.replace("\r\n", " \n").translate(_TABLE)
    if "\t" not in text:
        return base
    chars: list[str] | None = None
    for m in _TAB_TITLE.finditer(text):
        chars = chars if chars is not None else list(base)
        chars[m.start(1)] = "\n"
    return "".join(chars) if chars is not None else base


def read(text: str) -> tuple[str, list[Block]]:
    """Read ``text`` into its analysis view and its blocks.

    Args:
        text: the raw input.

    Returns:
        ``(view, blocks)``. The view has the length of ``text``, with wrapped line
        breaks read as spaces. The blocks are in order and hold every non-space
        character of the view once; the first has ``blank == 0``.
    """
    base = view(text)
    lines = _lines(base)
    joins = _wrap_joins(base, lines)
    chars = list(base) if any(joins) else None
    spans: list[tuple[int, int, int, int]] = []
    first = 0
    for i, line in enumerate(lines):
        if joins[i]:
            if chars is not None:
                chars[base.index("\n", line.end, lines[i + 1].start)] = " "
            continue
        head = lines[first]
        blank = max(0, head.breaks - 1) if spans else 0
        spans.append((head.start, line.end, blank, head.indent))
        first = i + 1
    joined = "".join(chars) if chars is not None else base
    blocks, end = [], 0
    for s, e, b, i in spans:
        blocks.append(Block(s, e, b, i, joined[s:e], separator(text[end:s]) if end else ""))
        end = e
    return joined, blocks


#: Blank lines a separator keeps; more read as this many.
_SEPARATOR_BLANKS = 3


def separator(gap: str) -> str:
    """The white space between two blocks as written, the way a site writes its breaks.

    Kept as the input has it (spaces, tabs or no-break spaces on blank lines or after
    the last word, the next line's indentation), but for carriage returns, which are
    dropped, and runs of more than ``_SEPARATOR_BLANKS`` blank lines, read as that many.
    """
    lines = gap.replace("\r", "").split("\n")
    if len(lines) > _SEPARATOR_BLANKS + 2:
        lines = [*lines[: _SEPARATOR_BLANKS + 1], lines[-1]]
    return "\n".join(lines)


def _lines(base: str) -> list[_Line]:
    """The non-blank lines of the view, with their indentation and breaks before."""
    lines: list[_Line] = []
    prev = 0
    for m in _LINE.finditer(base):
        raw = m.group()
        body = raw.strip(" ")
        if not body:
            continue
        start = m.start() + len(raw) - len(raw.lstrip(" "))
        breaks = base.count("\n", prev, start) if lines else 0
        lines.append(_Line(start, start + len(body), start - m.start(), breaks))
        prev = start + len(body)
    return lines


def _wrap_joins(base: str, lines: list[_Line]) -> list[bool]:
    """For each line, whether the next line continues it (a hard wrap)."""
    # Only a line directly followed by another can be a wrapped one; others are 0.
    sizes = [
        line.end - line.start if k + 1 < len(lines) and lines[k + 1].breaks == 1 else 0
        for k, line in enumerate(lines)
    ]
    joins = [False] * len(lines)
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if _underlines(base, line, nxt):
            joins[i] = True  # a title underlined in markdown (setext): the line is part of it
            continue
        if nxt.breaks != 1 or nxt.indent > line.indent:
            continue  # a blank line or a deeper indent opens a new paragraph
        following = base[nxt.start : nxt.end]
        if _BULLET.match(following):
            continue
        width = _width(sizes, i)
        word = len(following.split(" ", 1)[0])
        # A first-line indent counts towards the width or comes on top of it; a line
        # longer than the width (and its band) is no continuation of a wrapped one.
        wraps = width > 0 and len(following) <= width + _band(width)
        if wraps and any(n <= width < n + 1 + word for n in (sizes[i], sizes[i] + line.indent)):
            joins[i] = True  # the next word would not have fitted on this line
        elif sizes[i] >= 40 and following[0].islower() and base[line.end - 1].isalpha():
            joins[i] = True  # a sentence broken mid-way, whatever the width
    return joins


def without_underline(text: str) -> str:
    """``text`` (a block's, in the view) without the markdown underline joined to it."""
    return _UNDERLINED.sub("", text)


def _underlines(base: str, line: _Line, nxt: _Line) -> bool:
    """Whether ``nxt`` underlines ``line`` as markdown does a title ("Title" / "====="):
    right under it, as long as it (give or take one), made of "=" or "-" only."""
    size = nxt.end - nxt.start
    if nxt.breaks != 1 or size < 3 or abs(size - (line.end - line.start)) > 1:
        return False
    return _UNDERLINE.fullmatch(base, nxt.start, nxt.end) is not None and not _UNDERLINE.fullmatch(
        base, line.start, line.end
    )


def _band(width: float) -> float:
    """How far under the wrap width the lines of a greedy wrap fall (and the slack over it)."""
    return max(10.0, 0.12 * width)


def _width(sizes: list[int], i: int) -> int:
    """The wrap width around line ``i``, or 0 if the lines around it are not wrapped.

    Greedy wrapping fills lines to just under the width, so the lines of a
    hard-wrapped paragraph crowd into a narrow band below it. Of the nearby
    lengths, the width is the one whose band holds the most nearby lines, at
    least three, two of them in a row, and most of those longer than half of it
    (so that a longer line nearby, a title say, does not set the width), and no
    shorter than line ``i`` itself, which is left out of the count.
    """
    lo = max(0, i - _WRAP_WINDOW)
    # the line itself does not count: a title must not set the width it is judged by
    near = [
        0 if k == i or s > _MAX_WRAP else s
        for k, s in enumerate(sizes[lo : i + _WRAP_WINDOW + 1], lo)
    ]
    values = sorted(s for s in near if s)
    tops = set(values)
    if values and sizes[i] - values[-1] <= _WIDEST_GAP:
        tops.add(sizes[i])  # the longest line of its wrap: the width is its own length
    found = []
    for top in tops:
        if top < max(_MIN_WRAP, sizes[i]):
            continue  # a wrapped line is never longer than the width
        floor = top - _band(top)
        count = bisect_right(values, top) - bisect_left(values, floor)
        long = bisect_right(values, top) - bisect_left(values, top / 2)
        if count >= 3 and count >= 0.6 * long:
            found.append((-count, top, floor))
    for _, top, floor in sorted(found):
        if any(floor <= a <= top and floor <= b <= top for a, b in pairwise(near)):
            return top
    return 0
