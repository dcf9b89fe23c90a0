"""The page's template: lines it writes with every article, at its top or at its foot.

An export of records (a news database, a press wire, a CMS dump) writes the same
lines with every article: a record number, the source and a date over the title,
fields under it ("SECTION: WORLD", "LENGTH: 612 words"), and at the foot a load
date, a language, a rights line, an "About us" paragraph or a contact. Read alone,
a field at the foot looks like a date line or byline at the top of the next article.

The page itself tells them apart. A line the page writes with more than one
article, with only its numbers, dates or value changed, is the template's. Its first
article shows which template lines come before a body (the head) and its last which
come after one (the foot). Where the page ends on a foot line, each place it writes
that line again closes an article: :func:`with_template` starts one below it. It
also moves a start off foot lines and over head lines. It reads each block once and
looks a bounded number of blocks around each start: linear in the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from streams.split.layout import Block

#: A block of more words than this is a paragraph: template lines are shorter,
#: unless written word for word more than once.
SHORT_WORDS = 20
#: Blocks passed over by one move, at most: the work per start stays bounded.
MOVE_LINES = 8
#: Template lines around a line that closes an article, at least.
CLOSING_LINES = 3
_TOKEN = re.compile(r"[^\W_][\w'’&.\-@]*")
#: "LOAD-DATE: ...", "Section: ...": a label of one to three words, then its value.
_FIELD = re.compile(r"([A-Za-z][\w\-]*(?:[ \-][A-Za-z][\w\-]*){0,2})\s*:(?:\s+|$)")
#: A field's value is short; a title after a label ("UPDATE: Fire crews ...") is not.
VALUE_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
#: Month and weekday names, as dates write them ("Sept.", "Tuesday"), lower case.
_CALENDAR = frozenset(
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
        "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
        "october", "nov", "november", "dec", "december", "mon", "monday", "tue", "tues",
        "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday",
    }
)  # fmt: skip


def signature(text: str) -> str:
    """What is left of a line when its values are taken out: its template.

    A labelled field is its label ("LOAD-DATE: May 3" and "LOAD-DATE: June 9" are
    one line of the template); otherwise numbers, dates and words with digits read
    as ``#`` ("17 of 40 DOCUMENTS" is "# of # documents"). A paragraph is its text.
    """
    return _signature(text, _TOKEN.findall(text))


def _signature(text: str, words: list[str]) -> str:
    """:func:`signature`, given the words of ``text``."""
    label = _FIELD.match(text)
    if label is not None and len(_TOKEN.findall(text[label.end() :])) <= VALUE_WORDS:
        return label.group(1).lower() + ":"
    if len(words) > SHORT_WORDS:  # a paragraph is the template's only word for word
        return text.casefold()
    return " ".join(
        "#" if any(c.isdigit() for c in w) or w.lower().rstrip(".") in _CALENDAR else w.lower()
        for w in words
    )


def with_template(blocks: Sequence[Block], starts: Sequence[int]) -> list[int]:
    """Cut where the template closes an article, and keep starts off its foot lines.

    A line of the template is one the page writes more than once
    (:func:`signature`); ``_head_and_foot`` tells its head lines from its foot lines.
    Where the page ends on a foot line, each time it writes that line with more
    template lines around it an article has ended: the next block starts one. A
    chosen start within ``MOVE_LINES`` blocks below and no paragraph between moves up
    to it; else one is added there. Elsewhere a start on a foot line moves down past
    the foot, and a start under head lines up over them.

    Args:
        blocks: all the page's blocks.
        starts: the chosen starts (block indices, 0 first, increasing).

    Returns:
        The starts, increasing; each chosen start moved by at most ``MOVE_LINES``.
    """
    words = [_TOKEN.findall(b.text) for b in blocks]
    signs = [_signature(b.text, w) for b, w in zip(blocks, words, strict=True)]
    long = [len(w) > SHORT_WORDS for w in words]
    template = _template(signs, long)
    prose = [p and not t for p, t in zip(long, template, strict=True)]
    head, foot = _head_and_foot(signs, template, prose)
    if not (head or foot):
        return list(starts)
    moved = _moved(signs, head, foot, starts)
    return _snapped(moved, _closings(blocks, signs, foot, template), prose)


def _moved(signs: list[str], head: set[str], foot: set[str], starts: Sequence[int]) -> list[int]:
    """Each start on foot lines moved down past them, or under head lines up over them."""
    moved = [0]
    for n, start in enumerate(starts[1:], 1):
        end = starts[n + 1] if n + 1 < len(starts) else len(signs)
        top = start
        while top + 1 < end and top - start < MOVE_LINES and signs[top] in foot:
            top += 1
        if top == start:
            while top - 1 > moved[-1] and start - top < MOVE_LINES and signs[top - 1] in head:
                top -= 1
        moved.append(top)
    return moved


def _closings(
    blocks: Sequence[Block], signs: list[str], foot: set[str], template: list[bool]
) -> list[int]:
    """The blocks after each line that closes an article: the page's last line, if it
    is a foot line, where the template writes at least ``CLOSING_LINES`` lines around it."""
    last = len(signs) - 1
    if signs[last] not in foot or _SENTENCE_END.search(blocks[last].text):
        return []  # a sentence repeated word for word is no template's closing line
    found = []
    for k in range(last):
        if signs[k] != signs[last] or signs[k + 1] in foot:
            continue  # a foot ends where its last line is not followed by another
        above = 0
        while above < MOVE_LINES and k - above >= 0 and template[k - above]:
            above += 1
        below = sum(template[k + 1 : k + 4])
        if above + below >= CLOSING_LINES:
            found.append(k + 1)
    return found


def _snapped(starts: list[int], closings: list[int], prose: list[bool]) -> list[int]:
    """The starts (increasing) with each closing taken in: the first start at most
    ``MOVE_LINES`` blocks below it, with no paragraph between, moves up to it; else it
    is added."""
    out = set(starts)
    i = 0
    for b in closings:
        while i < len(starts) and starts[i] < b:
            i += 1
        s = starts[i] if i < len(starts) else None
        if s is not None and s - b <= MOVE_LINES and not any(prose[b:s]):
            out.discard(s)
            i += 1
        out.add(b)
    return sorted(out)


def _head_and_foot(
    signs: list[str], template: list[bool], prose: list[bool]
) -> tuple[set[str], set[str]]:
    """The template's head lines and foot lines (signatures).

    The head is what the page writes above its first paragraph, the foot what it
    writes below its last, each kept to its template lines. Each article writes its
    body under the same template line: the one most paragraphs have as the last
    template line above them. Above the first paragraph only lines down to that one
    are the head (a first article without a paragraph writes its foot there too),
    and below the last only lines after it are the foot.
    """
    votes: Counter[str] = Counter()
    above = ""
    for k, sign in enumerate(signs):
        if template[k]:
            above = sign
        elif prose[k] and above:
            votes[above] += 1
            above = ""
    if True not in prose:
        return set(), set()
    first = prose.index(True)
    last = len(prose) - 1 - prose[::-1].index(True)
    lead = [s for k, s in enumerate(signs[:first]) if template[k]]
    trail = [s for k, s in enumerate(signs[last + 1 :], last + 1) if template[k]]
    if votes:
        body = votes.most_common(1)[0][0]
        lead = lead[: lead.index(body) + 1] if body in lead else lead
        if body in trail[:-1]:  # a foot that ends on it writes no head: the title is next
            trail = trail[len(trail) - trail[::-1].index(body) :]
    # a first article without a paragraph writes its foot above the first paragraph
    feet = set(trail)
    ends = [k for k, s in enumerate(lead) if s in feet]
    head = set(lead[: ends[0]] if ends else lead)
    return head, feet - head


def _template(signs: list[str], long: list[bool]) -> list[bool]:
    """Whether each block is a template line: its signature is written with more than
    one article, paragraphs apart (a title echoed by its lead is no template)."""
    seen: dict[str, int] = {}
    twice: set[str] = set()
    part = 0
    for sign, paragraph in zip(signs, long, strict=True):
        part += paragraph
        if seen.setdefault(sign, part) != part:
            twice.add(sign)
    return [s in twice for s in signs]
