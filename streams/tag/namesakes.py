"""Names that only look like places: people named after them, and storms.

* **Storms**: "Hurricane Delphine", "Storm Ciarán", "Tropical Storm Alberto" are events.
  The storm word is not Hurricane, Utah, and the storm's name ("Delphine", "Ciarán") is
  no place anywhere in the article.
* **People**: "Georgia Ruiz", "Jordan Whitfield", "Salem Misrati", "Florence Adair",
  "Chad Whitaker": a place name followed by a surname is a person. A pair of capitalised
  words counts when its first word is a given name (``gender_guesser``'s table of first
  names) and its second is no common English word, or when the text treats the pair as
  a person: an apposition ("Salem Misrati, a commander"), a verb of saying, or the
  second word alone elsewhere ("... Ruiz thanked"). The person's names then follow the
  usual person rules for the whole article (:mod:`streams.tag.persons`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from streams.core.interfaces import PlaceOracle
from streams.lexicon.demonyms import demonym_country
from streams.lexicon.words import (
    ADMIN_HEADS,
    DIRECTIONS,
    FEATURE_HEADS,
    GENERIC_WORDS,
    NAME_PARTICLES,
    ORG_HEADS,
    SPEECH,
    STREET_HEADS,
    TITLES,
)
from streams.tag.mentions import WEIGHT_STRONG, Mention, span_mention
from streams.tag.toponyms import CONTEXT_PLACE, place_score

#: Words that name a storm when a capitalised name follows ("Hurricane Delphine").
STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Storm", "Superstorm", "Tempest"})
#: Words between "Tropical"/"Winter" and the name ("Tropical Storm Alberto").
_STORM_LEADS = frozenset({"Tropical", "Winter", "Subtropical", "Post-Tropical"})
#: A surname is rarely a common English word: "Ruiz" is, in word-frequency terms, far
#: rarer than "Power" or "Tech" ("Georgia Power", "Georgia Tech").
COMMON_WORD_ZIPF = 4.0
#: A team's name is a plural ("Cowboys", "Juniors"); a surname ending in -s rarely is
#: one ("Reyes"): its singular is no common word.
PLURAL_ZIPF = 3.5
#: A second word this likely a place is one ("Rodeo Gainesville"): towns of 100,000+.
KNOWN_PLACE = 0.9
#: Words after a pair that make it a person: an apposition or a verb of saying.
_APPOSITION = re.compile(r",\s+(?:a|an|the|who|whose|aged|\d+)\b")
_NOT_SURNAMES = ADMIN_HEADS | FEATURE_HEADS | STREET_HEADS | ORG_HEADS | GENERIC_WORDS | STORM_WORDS
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "—", "–", "-", "(", "'"})
_GIVEN = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})


@cache
def _detector() -> object:
    import gender_guesser.detector as gender  # a table of 40,000 first names, read once

    return gender.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a first name people are given ("Georgia", "Chad", "Salem")."""
    return _detector().get_gender(word) in _GIVEN  # type: ignore[attr-defined]


def storms(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Make every storm an EVENT; return the storms' names ("Delphine").

    A storm word followed by a capitalised name that is no place head ("Hurricane
    Creek", "Storm Lake" are places) covers both; mentions overlapping it are dropped.
    """
    names: set[str] = set()
    for i in range(len(doc) - 1):
        word, name = doc[i], doc[i + 1]
        if word.text not in STORM_WORDS or not _name_word(name.text):
            continue
        if name.text in _NOT_SURNAMES:
            continue
        start = i - 1 if i > 0 and doc[i - 1].text in _STORM_LEADS else i
        _replace(mentions, span_mention(doc[start : i + 2], "EVENT", "storm", WEIGHT_STRONG))
        names.add(name.text)
    for m in mentions:
        if doc[m.tok_start : m.tok_end].text in names:  # "as Delphine moved east"
            m.label, m.evidence, m.weight = "EVENT", "storm", WEIGHT_STRONG
    return names


def people(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Make a place name and a surname after it one PERSON ("Georgia Ruiz")."""
    text = doc.text
    alone = _lone_words(doc)
    for i in range(len(doc) - 1):
        first, last = doc[i], doc[i + 1]
        if not (_name_word(first.text) and _name_word(last.text)):
            continue
        if _capitalised_at(doc, i - 1) or _capitalised_at(doc, i + 2) or _joined(doc, i):
            continue  # part of a longer name: "New Jersey Devils", "St. Clair Twp."
        if first.text in STORM_WORDS or first.is_stop or not _surname(last.text):
            continue  # "In China", "So Moscow": a sentence's first word
        if place_score(oracle, first.text) < CONTEXT_PLACE:
            continue  # nothing to mistake for a place
        if place_score(oracle, last.text) >= KNOWN_PLACE or _common(last.text):
            continue  # "Rodeo Gainesville", "Oregon Guard", "Dallas Cowboys"
        if place_score(oracle, f"{first.text} {last.text}") >= CONTEXT_PLACE:
            continue  # "Kansas City", "Salt Lake"
        after = text[last.idx + len(last.text) : last.idx + len(last.text) + 12]
        said = i + 2 < len(doc) and doc[i + 2].lower_ in SPEECH
        strong = bool(_APPOSITION.match(after)) or said
        # a facility or area the model saw ("Glendale Galleria") needs more than a name
        place_like = _labelled(mentions, first.idx, last.idx + len(last.text))
        weak = last.text in alone or is_given_name(first.text)
        if strong or (weak and not place_like):
            _replace(mentions, span_mention(doc[i : i + 2], "PERSON", "namesake", WEIGHT_STRONG))


def _common(word: str) -> bool:
    """Whether a word is a common English word, or the plural of one ("Cowboys")."""
    lower = word.lower()
    if zipf_frequency(lower, "en") >= COMMON_WORD_ZIPF:
        return True
    return lower.endswith("s") and zipf_frequency(lower[:-1], "en") >= PLURAL_ZIPF


def _name_word(word: str) -> bool:
    core = word.replace("'", "").replace("’", "").replace("-", "")
    return len(core) >= 2 and core.isalpha() and word[0].isupper() and not word.isupper()


def _capitalised_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and _name_word(doc[i].text) and doc[i].lower_ not in TITLES


def _joined(doc: Doc, i: int) -> bool:
    """Whether the pair at ``i`` is glued to a word before it or follows an
    abbreviation ("Plainview-Elgin Millville", "St. Clair Twp.")."""
    before = doc[i - 1].text if i > 0 else ""
    return before == "-" or (before.endswith(".") and 2 <= len(before) <= 4)


def _labelled(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start == start and m.end == end and m.label in ("FAC", "LOC") for m in mentions)


def _surname(word: str) -> bool:
    return (
        word not in _NOT_SURNAMES
        and word.lower() not in DIRECTIONS | NAME_PARTICLES | TITLES
        and demonym_country(word) is None
    )


def _lone_words(doc: Doc) -> set[str]:
    """Capitalised words that stand alone (no capitalised word beside them), not at a
    sentence start: the way news repeats a surname ("... Ruiz thanked her editors")."""
    found: set[str] = set()
    for i, tok in enumerate(doc):
        if i == 0 or not _name_word(tok.text) or doc[i - 1].text in _SENTENCE_ENDS:
            continue
        if doc[i - 1].is_space:
            continue
        if not (_capitalised_at(doc, i - 1) or _capitalised_at(doc, i + 1)):
            found.add(tok.text)
    return found


def _replace(mentions: list[Mention], new: Mention) -> None:
    """Put ``new`` in place of every mention it overlaps."""
    mentions[:] = [m for m in mentions if m.end <= new.start or new.end <= m.start]
    mentions.append(new)
