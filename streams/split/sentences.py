"""Sentence segmentation with exact character offsets.

Rules, not a model: a sentence ends at a line break, or at ``.``/``!``/``?``/``…``
(plus closing quotes and brackets) when what follows looks like a new sentence.
A full stop after an abbreviation, an initial or inside a number does not end a
sentence; a full stop glued to a capitalised word ("explosions.Since") does.
"""

from __future__ import annotations

import re

from schemas.models import Span


def _word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of ``words``."""
    return frozenset(words.split())


#: Titles: never the last word of a sentence ("Gov. Smith", "Lt. Col. Jones").
_TITLES = _word_set(
    """mr mrs ms messrs dr prof gov sen rep gen lt col sgt capt cpt maj cpl pvt adm cmdr
    rev hon pres supt det insp brig fr"""
)

#: Short forms that may also end a sentence ("... of Acme Inc. The firm ...",
#: "... on Main St. It ..."); they end one only before a clear sentence opener.
_ABBREVIATIONS = _word_set(
    """inc ltd corp co plc llc bros etc al jr sr st mt ft ave blvd rd dept est approx vs v
    no nos jan feb mar apr jun jul aug sep sept oct nov dec fig figs vol ch art sec pp op
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss
    mo mont neb nev okla ore pa tenn tex va vt wash wis wyo"""
)

#: Words that start sentences and are rarely a name; after an ambiguous stop they
#: decide for a boundary ("... in the U.S. The ...").
_STARTERS = _word_set(
    """a an the he she it they we i you his her its their our this that these those there
    but and or so yet if when while after before as in on at for from by with without
    however meanwhile also then now still despite although though because since instead
    what who how why where one two three some many most all no not other another last
    next earlier later police officials authorities"""
)

# A stop candidate: terminal punctuation, then closing quotes/brackets.
_STOP = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([A-Za-z]+)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
# An opening quote mis-decoded from UTF-8 reads as "â" (“ lost its other bytes):
# '... said Dave Roe. â It is ...' starts a sentence at the quote.
_GARBLED_QUOTE = re.compile(r"â\W{0,3}(?=[A-Z0-9])")


def split_sentences(text: str) -> list[Span]:
    """Cut ``text`` into sentences.

    Args:
        text: any text; line breaks always end a sentence.

    Returns:
        Spans in order, each starting at a non-space character and ending after
        one; together they hold every non-space character of ``text`` exactly once.
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        cut = line.start()
        for stop in _STOP.finditer(text, line.start(), line.end()):
            if _ends_sentence(text, stop.start(), stop.end(), line.end()):
                _append(spans, text, cut, stop.end())
                cut = stop.end()
        _append(spans, text, cut, line.end())
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its surrounding spaces, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start=start, end=end))


def _ends_sentence(text: str, p_start: int, p_end: int, line_end: int) -> bool:
    """Decide whether the punctuation run ``text[p_start:p_end]`` closes a sentence."""
    if p_end >= line_end:
        return False  # the line break itself ends it
    nxt = text[p_end]
    if nxt.isspace():
        return _ends_before_space(text, p_start, p_end, line_end)
    return _ends_glued(text, p_start, p_end)


def _ends_glued(text: str, p_start: int, p_end: int) -> bool:
    """A stop with no space after it ends a sentence only in "word.Word" joins."""
    if text[p_start] != "." or p_end - p_start != 1:
        return text[p_start] in "!?" and text[p_end : p_end + 1].isupper()
    after = text[p_end : p_end + 2]
    if len(after) < 2 or not (after[0].isupper() and after[1].islower()):
        return False  # 1.5, U.S., e.g., cleveland.com
    before = _WORD_BEFORE.search(text, max(0, p_start - 40), p_start)
    if before is None:
        return text[p_start - 1 : p_start].isdigit() or text[p_start - 1 : p_start] in '"”’)'
    word = before.group(1)
    if "." in word or len(word) < 2 or not word[-1].islower():
        return False  # M.Sc, Ph.D, initials
    return word.lower() not in _TITLES and not _in_url(text, p_start)


def _ends_before_space(text: str, p_start: int, p_end: int, line_end: int) -> bool:
    """A stop followed by a space: look at the word before and the text after."""
    rest = text[p_end:line_end].lstrip()
    garbled = _GARBLED_QUOTE.match(rest)
    if garbled:
        rest = rest[garbled.end() :]
    if not rest:
        return False
    first = rest[0]
    if first.islower() or first in ",;:":
        return False  # "?" he asked / approx. five
    if p_end - p_start > 1 or text[p_start] != ".":
        return True  # ! ? … and stops closed by a quote ("...said." The)
    return _ends_after_word(text, p_start, rest)


def _ends_after_word(text: str, p_start: int, rest: str) -> bool:
    """Judge a bare ``.`` by the word it follows and the word that comes next."""
    head = text[max(0, p_start - 40) : p_start]
    if head[-1:].isdigit():
        return not rest[0].isdigit()  # "1. 5 metres" is a broken decimal
    before = _WORD_BEFORE.search(head)
    if before is None:
        return True
    word = before.group(1)
    key = word.lower().rstrip(".")
    starter = _next_is_starter(rest)
    if key in _TITLES:
        return False
    if _INITIALISM.search(word + ".") or (key in _ABBREVIATIONS and word[0].isupper()):
        return starter  # U.S. / Inc. end a sentence only before a clear opener
    if len(word) == 1 and word.isupper():
        return starter  # an initial: "John F. Kennedy"
    return True


def _next_is_starter(rest: str) -> bool:
    """True if the next word is a common sentence opener rather than a name."""
    m = _NEXT_WORD.match(rest)
    return m is not None and m.group(1).lower() in _STARTERS


def _in_url(text: str, pos: int) -> bool:
    """True if ``pos`` sits inside a URL or e-mail address (no spaces around it)."""
    start = text.rfind(" ", 0, pos) + 1
    token = text[start:pos]
    return "/" in token or "@" in token or token.lower().startswith("www")
