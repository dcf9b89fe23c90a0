"""Persons' names across an article: full names, their parts, and where they recur.

Once "Hadi Matar" is a PERSON, every "Matar" in the article is one too, tagged or not,
unless the bare name is a big town that the text shows as a place ("in Matar") or a
country or division. A model PERSON that reads as a place gives no names.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from streams.core.interfaces import PLACE_LABELS, PlaceOracle
from streams.lexicon.demonyms import demonym_country
from streams.lexicon.words import GENERIC_WORDS, NAME_PARTICLES, TITLES
from streams.tag.mentions import (
    WEIGHT_NER,
    WEIGHT_STRONG,
    Mention,
    covered_tokens,
    is_capitalised,
    mention_text,
    possessive_at,
    span_mention,
    surface_key,
)
from streams.tag.toponyms import (
    AREA_PRIOR,
    context_threshold,
    head_label,
    place_context,
    place_score,
)

#: Name parts at least this likely as places (towns of 10,000+) are propagated only when
#: no mention of them sits where a place is expected ("in Lincoln", "Lincoln residents"),
#: and never when they name a country or division.
PROPAGATE_BELOW = 0.75


def _place_like(doc: Doc, m: Mention, key: str, oracle: PlaceOracle | None) -> bool:
    """Whether a model PERSON reads as a place: a place head word, a well-known place
    name, or a known name where a place is expected ("in Al-Bokamal")."""
    if head_label(key.split()):
        return True
    score = place_score(oracle, key)
    if score >= 0.5:
        return True
    return score >= context_threshold(key) and place_context(doc, m.tok_start, m.tok_end, oracle)


def person_names(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None
) -> tuple[set[str], set[str]]:
    """Full names (two or more tokens) and their name parts from the PERSON mentions.

    A model-labelled PERSON the gazetteer knows as a place, or ending in a place head
    word ("County", "Drive"), is not taken as a name.
    """
    full: set[str] = set()
    parts: set[str] = set()
    # A string the model also tags as a place where a place is expected ("in Al-Bokamal")
    # is a place elsewhere in the article too, not a person's name.
    placed = {
        key
        for m in mentions
        if m.label in PLACE_LABELS
        and _place_like(doc, m, key := surface_key(mention_text(doc, m)), oracle)
    }
    for m in mentions:
        if m.label != "PERSON" or m.tok_end - m.tok_start < 2:
            continue
        key = surface_key(mention_text(doc, m))
        if key in placed or (m.evidence == "ner" and _place_like(doc, m, key, oracle)):
            continue  # "Sri Lanka", "Anderson County": a place the model took for a person
        if demonym_country(key) is not None:
            continue  # "Sri Lankan": a demonym, which assign_demonyms makes a NORP
        full.add(key)
        for tok in doc[m.tok_start : m.tok_end]:
            word = tok.text.rstrip(".")
            lower = word.lower()
            if len(word) < 2 or not is_capitalised(word) or lower in NAME_PARTICLES | TITLES:
                continue
            if word not in GENERIC_WORDS and demonym_country(word) is None:
                parts.add(word)
    return full, parts


def placed_parts(
    doc: Doc, mentions: Sequence[Mention], parts: set[str], oracle: PlaceOracle | None
) -> set[str]:
    """Name parts that are big towns (prior >= ``PROPAGATE_BELOW``) and that some mention
    shows as a place ("in Lincoln"): such a surname stays a place where it is one.

    "to X" and "at X's" are left out: "spoke to Perry" and "at George's flat" are people.
    """
    return {
        key
        for m in mentions
        if (key := surface_key(mention_text(doc, m))) in parts
        and place_context(doc, m.tok_start, m.tok_end, oracle)
        and not _personal(doc, m)
        and place_score(oracle, key) >= PROPAGATE_BELOW
    }


def _personal(doc: Doc, m: Mention) -> bool:
    to = m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "to"
    return to or possessive_at(doc, m.tok_end)


def propagate_persons(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Make every mention (and untagged occurrence) of a known person's name a PERSON."""
    full, parts = person_names(doc, mentions, oracle)
    names = full | parts
    placed = placed_parts(doc, mentions, parts, oracle)
    for m in mentions:
        key = surface_key(mention_text(doc, m))
        if m.label == "PERSON" or m.evidence == "title" or key not in names:
            continue
        score = place_score(oracle, key) if key in parts else 0.0
        if score >= AREA_PRIOR or key in placed:
            continue  # no person's name makes "US" or "Kansas" a person elsewhere
        m.label, m.evidence, m.weight = "PERSON", "propagated", WEIGHT_STRONG
    surnames = {p for p in parts if place_score(oracle, p) < PROPAGATE_BELOW}
    covered = covered_tokens(mentions)
    lower_words = {t.lower_ for t in doc if t.is_lower}
    for tok in doc:
        if tok.i in covered or tok.text not in surnames or tok.lower_ in lower_words:
            continue
        mentions.append(span_mention(doc[tok.i : tok.i + 1], "PERSON", "propagated", WEIGHT_NER))
