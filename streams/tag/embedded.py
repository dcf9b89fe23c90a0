"""Places nested inside organisation names: "Athens Police Department", "University of
Kentucky", "the Georgian Interior Ministry"; and pairs of places joined by a hyphen.

The organisation stays an ORG; the nested place (or demonym) is added beside it and may
overlap it, so the place is geocoded and the organisation keeps its name. A pair
("Fargo-Moorhead", "the Amsterdam-London leg") is two places, not one name.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from streams.core.interfaces import PLACE_LABELS, PlaceOracle
from streams.lexicon.demonyms import demonym_country
from streams.lexicon.words import ADMIN_HEADS, DIRECTIONS
from streams.tag.mentions import (
    WEIGHT_CONTEXT,
    WEIGHT_NER,
    Mention,
    glued_hyphen,
    is_capitalised,
    mention_text,
    span_mention,
)
from streams.tag.toponyms import (
    CONTEXT_PLACE,
    EMBEDDED_PLACE,
    RELABELLABLE,
    head_label,
    place_score,
)


def _place_run(doc: Doc, start: int, end: int, oracle: PlaceOracle | None, floor: float) -> int:
    """Return the end of the longest place name starting at ``start`` (``start`` if none)."""
    for stop in range(end, start, -1):
        words = [t.text for t in doc[start:stop]]
        if head_label(words) is not None:
            return stop
        name = " ".join(words)
        # a name with odd spacing inside ("Greenville- Spartanburg") is not one name
        if place_score(oracle, name) >= floor and doc[start:stop].text == name:
            return stop
    return start


def embedded_places(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None
) -> list[Mention]:
    """Find places and demonyms nested inside multi-token organisation-like mentions."""
    found: list[Mention] = []
    for m in mentions:
        if m.label in ("FAC", "PERSON"):
            found.extend(_leading_county(doc, m))
            continue
        if m.label not in RELABELLABLE - {"PERSON"} or m.tok_end - m.tok_start < 2:
            continue
        if m.evidence == "storm":  # "Hurricane Delphine" holds no place
            continue
        start = m.tok_start + (doc[m.tok_start].lower_ == "the")
        stop = _place_run(doc, start, m.tok_end - 1, oracle, EMBEDDED_PLACE)
        if stop == start and _part_of_place(doc, start, m.tok_end - 1):
            # "Northeast Georgia Medical Center": the part of a place, named by its whole
            after = _place_run(doc, start + 1, m.tok_end - 1, oracle, EMBEDDED_PLACE)
            start, stop = (start + 1, after) if after > start + 1 else (start, stop)
        if stop > start:
            label = head_label([t.text for t in doc[start:stop]]) or "GPE"
            found.append(_nested(doc, start, stop, label))
        elif code := demonym_country(doc[start].text):
            found.append(_nested(doc, start, start + 1, "NORP", code))
        found.extend(_after_of(doc, m, oracle))
    return found


def _leading_county(doc: Doc, m: Mention) -> list[Mention]:
    """A county opening a building's or an official's name: "Henry County Sheriff",
    "Laurel County Clerk Dean Ames". Only an admin head word makes it sure: a facility
    or a person named after a town is anywhere."""
    for k in range(m.tok_start + 1, m.tok_end - 1):
        if not is_capitalised(doc[k].text):
            return []
        if doc[k].text in ADMIN_HEADS:
            return [_nested(doc, m.tok_start, k + 1, "GPE")]
    return []


def _part_of_place(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start]`` is a direction before a capitalised word ("Northeast Texas")."""
    if start + 1 >= end or doc[start].lower_ not in DIRECTIONS:
        return False
    nxt = doc[start + 1]
    return nxt.text[:1].isupper() and nxt.lower_ not in DIRECTIONS


def _after_of(doc: Doc, m: Mention, oracle: PlaceOracle | None) -> list[Mention]:
    """A place closing an organisation name after "of": "University of Kentucky"."""
    for i in range(m.tok_start, m.tok_end - 1):
        if doc[i].lower_ != "of":
            continue
        first = i + 1 + (doc[i + 1].lower_ == "the")
        for begin in range(first, m.tok_end):  # "of Metropolitan Atlanta" -> "Atlanta"
            if _place_run(doc, begin, m.tok_end, oracle, EMBEDDED_PLACE) == m.tok_end:
                return [_nested(doc, begin, m.tok_end, "GPE")]
    return []


def _nested(doc: Doc, start: int, end: int, label: str, code: str | None = None) -> Mention:
    nested = span_mention(doc[start:end], label, "embedded", WEIGHT_NER)
    nested.nested, nested.country_code = True, code
    return nested


def split_pairs(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Replace each mention written "X-Y" of two known places by the two places.

    "Fargo-Moorhead", "the Amsterdam-London leg", "the Armenia-Italy group": both
    halves must be towns of 10,000+ or areas, and the whole must not be a place's own
    name ("Winston-Salem"). A person's double name is left alone. A place the model
    cut at its hyphen is made whole again ("Guinea" of "Guinea-Bissau").
    """
    out: list[Mention] = []
    for m in mentions:
        out.extend(_pair(doc, m, oracle) or [_whole(doc, m, oracle)])
    mentions[:] = out


def _whole(doc: Doc, m: Mention, oracle: PlaceOracle | None) -> Mention:
    """A place the model cut at its hyphen ("Guinea" of "Guinea-Bissau"), made whole."""
    end = m.tok_end
    if not (m.is_place and glued_hyphen(doc, end)):
        return m
    whole = doc[m.tok_start : end + 2]
    if place_score(oracle, whole.text) < CONTEXT_PLACE:
        return m
    return span_mention(whole, m.label, m.evidence, m.weight)


def _pair(doc: Doc, m: Mention, oracle: PlaceOracle | None) -> list[Mention]:
    if m.nested or m.label == "PERSON" or m.label not in RELABELLABLE | PLACE_LABELS:
        return []
    joins = [i for i in range(m.tok_start + 1, m.tok_end - 1) if glued_hyphen(doc, i)]
    if len(joins) != 1 or place_score(oracle, mention_text(doc, m)) >= CONTEXT_PLACE:
        return []
    left, right = doc[m.tok_start : joins[0]], doc[joins[0] + 1 : m.tok_end]
    if min(place_score(oracle, left.text), place_score(oracle, right.text)) < EMBEDDED_PLACE:
        return []
    return [span_mention(half, "GPE", "pair", WEIGHT_CONTEXT) for half in (left, right)]
