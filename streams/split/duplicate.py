"""Repeated text inside one article: a standfirst that repeats the lead, a title
repeated at the start of the body, a paragraph scraped twice.

The repeat stays in the article text (offsets must stay exact) but is marked, so
later stages do not count its entities and places twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schemas.models import Duplicate, Span

#: Shorter repeats ("He said." twice) are ordinary prose, not scraping debris.
MIN_REPEAT_CHARS = 40

_SPACE = re.compile(r"\s+")


def find_duplicates(
    text: str, sentences: Sequence[Span], headline: Span | None = None
) -> list[Duplicate]:
    """Mark sentences (and a repeated headline) that copy earlier text.

    Args:
        text: the article text.
        sentences: its sentences, in order, relative to ``text``.
        headline: the headline span, if the article has one.

    Returns:
        Duplicates in order of position; each points at the first copy.
    """
    seen: dict[str, Span] = {}
    found: list[Duplicate] = []
    for span in sentences:
        if headline is not None and span.start < headline.end:
            continue
        key = _key(text[span.start : span.end])
        if len(key) < MIN_REPEAT_CHARS:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = span
        else:
            found.append(Duplicate(start=span.start, end=span.end, duplicate_of=first))
    title = _repeated_title(text, sentences, headline)
    if title is not None:
        found.insert(0, title)
    return _merge(found)


def _repeated_title(
    text: str, sentences: Sequence[Span], headline: Span | None
) -> Duplicate | None:
    """The body's copy of the headline, when the body opens by restating it."""
    if headline is None:
        return None
    head = _key(text[headline.start : headline.end]).rstrip(" .")
    body = next((s for s in sentences if s.start >= headline.end), None)
    if body is None or len(head) < 12:
        return None
    first = text[body.start : body.end]
    if not _key(first).startswith(head):
        return None
    end = body.start + _raw_length(first, len(head))
    return Duplicate(start=body.start, end=end, duplicate_of=headline)


def _raw_length(raw: str, key_length: int) -> int:
    """Characters of ``raw`` needed to cover ``key_length`` characters of its key."""
    count = 0
    for i, ch in enumerate(raw):
        if not (ch.isspace() and i > 0 and raw[i - 1].isspace()):
            count += 1
        if count >= key_length:
            return i + 1
    return len(raw)


def _merge(found: list[Duplicate]) -> list[Duplicate]:
    """Sort by start and drop a duplicate that lies inside an earlier one."""
    out: list[Duplicate] = []
    for dup in sorted(found, key=lambda d: (d.start, -d.end)):
        if out and dup.start < out[-1].end:
            continue
        out.append(dup)
    return out


def _key(sentence: str) -> str:
    """Comparison key: spaces collapsed, case folded, typographic quotes unified."""
    folded = sentence.casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", folded).strip()
