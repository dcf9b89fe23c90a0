"""The tagger's working representation of an entity mention, and the small text helpers
the consistency and place rules share.

Rules read a spaCy ``Doc`` (tokens and their character offsets) and rewrite a list of
:class:`Mention`; only the tagger turns them into ``schemas.models.Entity`` at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from streams.core.interfaces import PLACE_LABELS, PlaceOracle

#: Evidence weights in label votes: what a rule saw counts more than one model guess.
WEIGHT_NER = 1.0
WEIGHT_CONTEXT = 2.0
WEIGHT_STRONG = 3.0

_POSSESSIVE = ("'s", "’s", "'", "’")
#: The tokens spaCy splits off a possessive name ("Kesh's").
POSSESSIVE_TOKENS = frozenset({"'s", "’s"})
_LEADING_DROP = frozenset({"the", "The", "THE"})


@dataclass
class Mention:
    """One entity mention while rules work on it.

    Attributes:
        start: character offset of the first token in the article text.
        end: character offset after the last token.
        tok_start: index of the first token in the ``Doc``.
        tok_end: index after the last token.
        label: spaCy-style label (PERSON, ORG, GPE, LOC, FAC, NORP, ...).
        evidence: the rule that set the label ("ner", "title", "propagated", ...).
        weight: how much this mention's label counts in the surface-form vote.
        nested: True for a place or demonym found inside a longer mention.
        country_code: for NORP demonyms, the country they point to.
    """

    start: int
    end: int
    tok_start: int
    tok_end: int
    label: str
    evidence: str = "ner"
    weight: float = WEIGHT_NER
    nested: bool = False
    country_code: str | None = None

    @property
    def is_place(self) -> bool:
        """Whether the geocoder would resolve this mention."""
        return self.label in PLACE_LABELS


def span_mention(span: Span, label: str, evidence: str, weight: float) -> Mention:
    """Make a mention covering a spaCy span."""
    return Mention(
        start=span.start_char,
        end=span.end_char,
        tok_start=span.start,
        tok_end=span.end,
        label=label,
        evidence=evidence,
        weight=weight,
    )


def surface_key(text: str) -> str:
    """Normalise a mention's text for voting and clustering.

    Drops a leading "the" and a trailing possessive, and title-cases shouted words
    (datelines, headlines) but not short acronyms: "BEIRUT" -> "Beirut", "US" stays.
    """
    key = text.strip()
    for suffix in _POSSESSIVE:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    first, _, rest = key.partition(" ")
    if first in _LEADING_DROP and rest:
        key = rest
    if key.isupper() and len(key.replace(".", "")) > 4:
        key = key.title()
    return key


def mention_text(doc: Doc, mention: Mention) -> str:
    """The article text a mention covers."""
    # Doc.text joins every token on each access; a span joins only its own
    return doc[mention.tok_start : mention.tok_end].text


def prior(oracle: PlaceOracle | None, name: str) -> float:
    """The gazetteer's place prior for ``name``; 0 without a gazetteer."""
    if oracle is None or not name:
        return 0.0
    return oracle.place_prior(name)


def in_ranges(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies inside one of ``ranges``."""
    return any(lo <= start and end <= hi for lo, hi in ranges)


def covered_tokens(mentions: Sequence[Mention]) -> set[int]:
    """Indices of tokens inside any non-nested mention."""
    covered: set[int] = set()
    for m in mentions:
        if not m.nested:
            covered.update(range(m.tok_start, m.tok_end))
    return covered


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a hyphen with no space on either side ("Fargo-Moorhead")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i].whitespace_
        and not doc[i - 1].whitespace_
    )


def possessive_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` (any case) is a possessive "'s": the name before it owns what
    follows ("of Kesh's mayor")."""
    return i < len(doc) and doc[i].lower_ in POSSESSIVE_TOKENS


def is_capitalised(text: str) -> bool:
    """Title-case or all-caps word starting with a letter ("Tehran", "IRGC", "McAllen")."""
    return bool(text) and text[0].isupper() and text[0].isalpha()
