"""Line-level cues for article boundaries: lines, headlines, datelines, sign-offs.

A scraped dump is read as a list of non-blank lines. Each cue here looks at one
line (or one line and its neighbour) and answers a yes/no or 0..1 question the
boundary scorer weighs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.split import headlinese


def _word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of ``words``."""
    return frozenset(words.split())


@dataclass(frozen=True)
class Line:
    """One non-blank line of the input, trimmed of surrounding spaces.

    Attributes:
        start: offset of its first non-space character in the input.
        end: offset just after its last non-space character.
        newlines: line breaks in the whitespace gap before it (0 for the first line).
        text: ``input[start:end]``.
    """

    start: int
    end: int
    newlines: int
    text: str


_LINE = re.compile(r"[^\n]*\S[^\n]*")
_TERMINAL = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_WORD = re.compile(r"[^\W_][\w'’.&\-]*")
_MINOR = _word_set(
    "a an and as at but by for from in into of on or over the to up via vs with after"
)
# A line that stops on one of these was cut off mid-sentence ("This story first
# appeared in", "Follow Jane Doe at"); headlines end on "on", "up" or "over", not these.
_CUT_OFF = _word_set("a an and as at but by for from in into of or the to via vs with")
_DATELINE = re.compile(
    # (a dash lost to a bad decoding reads as U+FFFD: "BEIRUT (AP) \ufffd A ...")
    r"^[A-Z][A-Z.'’\- ]{2,40}(?:,\s+[A-Z][\w. ]{1,25})?\s*(?:\([\w .&,]{1,30}\)\s*)?[-–—―:\ufffd]"
    # or a mixed-case place and a wire agency: "Hanoi (VNA) –", "Moscow, SANA-"
    r"|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},?\s*\(?[A-Z]{2,6}\)?\s*[-–—―\ufffd]"
)
_SIGNOFF = re.compile(
    r"copyright|©|all rights reserved|\(reporting by|editing by|contributed to this"
    r"|originally published|follow (?:us|him|her|them) on|for more information"
    r"|related articles?:|^more:|^read more|e-?mail:|^contact:?|@\w+\.(?:com|org|net)"
    r"|\(\d{3}\)\s*\d{3}-\w{4}|\b\d{3}-\d{3}-\d{4}\b|materials? may not be"
    r"|newsletter|to your inbox|subscribe to|sign up for",
    re.IGNORECASE,
)
# A bare source credit closing an article ("Daily Herald", "Example News Service").
_CREDIT = re.compile(
    r"^(?:[\w&.’'\-]+\s){0,4}(?:Times|News|Press|Agency|Service|Post|Journal|Herald|Tribune"
    r"|Reuters|AFP|AP|Bureau|Desk|Wire|Staff|Correspondent|Reporter)\.?$"
)

# A photo caption: it ends with the picture's credit in brackets ("(Source: Getty)",
# "(Jane Doe/Example Press)") or opens with a "Photo:" label.
_CAPTION = re.compile(
    r"\((?:[^()]{0,60}(?:\w/\w|\b(?:source|photo|photograph|picture|image|images|getty|"
    r"reuters|afp|file|courtesy|credit)\b)[^()]{0,60})\)$"
    r"|^(?:photo|photo credit|image|picture|pictured|file photo|caption)\s*:",
    re.IGNORECASE,
)


def read_lines(text: str) -> list[Line]:
    """Cut ``text`` into its non-blank lines with their offsets.

    Args:
        text: the raw input.

    Returns:
        Lines in order; every non-space character of ``text`` is in exactly one.
    """
    lines: list[Line] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        raw = m.group()
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = m.end() - (len(raw) - len(raw.rstrip()))
        newlines = text.count("\n", prev_end, start) if lines else 0
        lines.append(Line(start, end, newlines, text[start:end]))
        prev_end = end
    return lines


def is_terminal(line: str) -> bool:
    """True if the line ends like a sentence (full stop, quote, colon...).

    A line ending in an initial ("... Scott A.") was broken inside a name.
    """
    return _TERMINAL.search(line) is not None and _INITIAL_END.search(line) is None


def headline_score(line: str) -> float:
    """How much a line looks like a headline, 0..1.

    Headlines are short, do not end with a full stop, and capitalise most words
    (title case) or at least start with a capital. A question mark is allowed.
    """
    words = _WORD.findall(line)
    if not words or len(words) > 26 or len(line) > 180:
        return 0.0
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return 0.0
    if words[-1].lower() in _CUT_OFF and line[-1].isalpha():
        return 0.0  # a cut-off sentence, not a heading
    major = [w for w in words if w.lower() not in _MINOR]
    caps = sum(1 for w in major if w[0].isupper() or w[0].isdigit())
    ratio = caps / len(major) if major else 0.0
    stripped = line.rstrip("\"'”’ ")
    if stripped.endswith((",", ";", ":")) or (
        stripped.endswith(".") and not stripped.endswith(" .") and (ratio < 0.9 or len(words) < 3)
    ):
        return 0.0  # a sentence, unless it is a capitalised title with a stop
    short = 1.0 if len(words) <= 16 else 0.6
    return short * (0.5 + 0.5 * ratio)


def is_dateline(line: str) -> bool:
    """True if the line opens with a wire dateline ("CAIRO -", "PARIS (AFP) —")."""
    return _DATELINE.match(line) is not None


def is_signoff(line: str) -> bool:
    """True if the line reads like the tail of an article (credits, contacts, rights)."""
    # sign-offs close a paragraph, so the tail of a long line is enough to read
    tail = line if len(line) < 400 else line[-300:]
    return _SIGNOFF.search(tail) is not None or _CREDIT.match(line) is not None


def is_caption(line: str) -> bool:
    """True if the line is a photo caption (it names the picture's source)."""
    return _CAPTION.search(line.rstrip(" .")) is not None


#: How much of the text below a headline is read for its lead.
SUPPORT_CHARS = 600


def supports_headline(headline: str, body: str) -> bool:
    """True if ``body`` picks up a content word of ``headline``, as a lead does."""
    head = {w[:5] for w in _norm_words(headline) if len(w) > 3 and w not in _MINOR}
    return bool(head & {w[:5] for w in _norm_words(body[:SUPPORT_CHARS])})


def repeats_headline(headline: str, body: str) -> bool:
    """True if ``body`` opens with the words of ``headline`` (a repeated title)."""
    head = _norm_words(headline)
    if len(head) < 2:
        return False
    return _norm_words(body[: len(headline) + 40])[: len(head)] == head


def _norm_words(text: str) -> list[str]:
    """Lower-cased word list, punctuation dropped, for loose comparisons."""
    return [w.lower().strip(".'’") for w in _WORD.findall(text)]


#: Headline-style log-odds (``headlinese.odds``) beyond which an inline title's
#: score moves by a quarter, up or down.
_STYLE_MARGIN = 2.0
_TITLE_END = re.compile(r"\s?[.!?]\s+(?=(?:[\"“‘'(]|â\W{0,3})?[A-Z0-9])")
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|he|she|they|it|i|we|you)\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|asked|added)\b")
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|been|would|could|did)\b", re.IGNORECASE
)


def inline_title(line: str) -> tuple[int, float]:
    """Find a headline run into its body on one line ("Man held after crash. A man ...").

    Returns:
        ``(end, score)``: where the title sentence ends in ``line`` and how much
        it looks like a headline (0 when the first sentence is not title-like).
    """
    m = _TITLE_END.search(line, 0, 160)
    if m is None or m.start() < 12:
        return 0, 0.0
    title = line[: m.start()]
    words = _WORD.findall(title)
    if not 3 <= len(words) <= 16 or _SPEECH.search(title) or "," in title[-25:]:
        return 0, 0.0
    if words[-1].lower().rstrip(".") in _MINOR or len(words[-1]) == 1:
        return 0, 0.0  # "Lt." or "St." inside a name, not the end of a title
    score = 0.5
    if not _DETERMINER.search(title):
        score += 0.25  # headlinese drops articles and pronouns
    if _AUXILIARY.search(title):
        score -= 0.25  # and its auxiliaries: "Man held after crash", not "A man was held"
    if len(set(_norm_words(title)) & set(_norm_words(line[m.end() : m.end() + 200]))) >= 3:
        score += 0.25  # the lead restates the title
    style = headlinese.odds(title)
    if style < -_STYLE_MARGIN:
        score = max(0.0, score - 0.25)  # written like a story's sentence
    elif style > _STYLE_MARGIN:
        score += 0.25  # written in headlinese
    return m.end(), score
