"""Place-name rules: recover toponyms the statistical model missed or mislabelled.

All rules are general (no list of benchmark places); the gazetteer's ``place_prior``
supplies world knowledge and the surrounding words supply context:

* **Relabel**: a model-labelled PERSON/ORG/... that is not a known person's name and
  that the gazetteer rates a likely place becomes a GPE, more readily in a place context
  ("in X", "X, Texas", "X residents") or listed beside a tagged place
  (:mod:`streams.lexicon.lists`).
* **Embedded** (:mod:`streams.tag.embedded`): a place or demonym at the head of an
  organisation ("Athens Police Department") or after its "of" ("University of Kentucky")
  is added as a nested mention.
* **Not places**: lowercase common nouns the model tagged, the names of days, and lone
  compass words and holidays ("the North", "Easter").
* **Untagged**: capitalised runs the model left alone: "X County", streets and roads
  ("Kelley Lane", "Highway 30"), shouted datelines ("NEWARK —"), and names the gazetteer
  knows in a place context.
* **Demonyms**: NORP mentions (and untagged demonyms) get the country they point to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from streams.core.interfaces import PlaceOracle
from streams.lexicon.demonyms import demonym_country
from streams.lexicon.lists import coordinated
from streams.lexicon.words import (
    ADMIN_HEADS,
    FEATURE_HEADS,
    GENERIC_WORDS,
    OFFICIAL_WORDS,
    PLACE_ACRONYMS,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_PREPS,
    STREET_HEADS,
)
from streams.tag.mentions import (
    WEIGHT_CONTEXT,
    Mention,
    glued_hyphen,
    is_capitalised,
    mention_text,
    possessive_at,
    prior,
    surface_key,
)

#: Model labels a gazetteer-backed rule may overrule; persons only when not a known name.
RELABELLABLE = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: Model labels a shouted dateline may carry instead of GPE ("HAMILTON —" as NORP).
_DATELINE_RELABELLABLE = RELABELLABLE | {"NORP"}
#: Party letters of a politician's tag, "D-Charleston": the town that follows is home.
PARTIES = frozenset({"D", "R", "I", "DFL"})
NUMERIC = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "MONEY", "PERCENT"})
#: Words the model tags as places that no gazetteer town is meant by: "the North" is a
#: part of some country, not North, South Carolina; "Easter" is no place at all.
_NOT_PLACES_ALONE = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
    | {"Easter", "Christmas"}
)
#: First words that make a name a feature's: "Lake Lanier", "Mount Washington".
_FEATURE_LEAD_WORDS = frozenset({"Lake", "Mount", "Mt."})
_BOUNDARY = frozenset({".", "!", "?", ":", '"', "“", "”", "—", "–", "-", "--", "(", ";"})

#: Prior needed in a place context ("in X"), bare, and nested inside an organisation.
CONTEXT_PLACE = 0.5
BARE_PLACE = 0.8
EMBEDDED_PLACE = 0.75
SHOUTED_PLACE = 0.6
#: Prior a shouted name needs when the text sets it as a dateline ("HARWINTON —"): any
#: town the gazetteer lists under that name.
DATELINE_PLACE = 0.45
#: What follows a dateline's place: a dash or the opening of a wire credit.
DATELINE_MARKS = frozenset({"—", "–", "-", "--", "---", "(", "\u0097"})
#: Prior an alternate spelling of a town of 10,000+ scores ("Avdiivka" for Avdiyivka,
#: 0.75 x 0.6): enough where a place is expected ("from Avdiivka"), whatever the model
#: called the name, as long as the article gives it no person's name.
ALIAS_CONTEXT_PLACE = 0.449  # 0.75 x 0.6, less rounding
#: Prior needed in a place context for a name written with an Arabic article.
ARABIC_CONTEXT_PLACE = 0.3
#: Prior a short all-caps word needs to be promoted to a place: an alternate name of a
#: country or division scores 0.57 ("SA", "NSW"); a city's alternate name 0.54 ("UF"
#: for Ufa) and a small town's own name 0.5 ("SEC" for Seč) do not pass.
ACRONYM_PLACE = 0.55
#: Prior a name listed beside a place needs ("Oban and Mallaig"): a town of 10,000+
#: under its own name. An alternate spelling is not enough ("Israel and Hamas": Hamm).
COORDINATED_PLACE = 0.6
#: A name of two or more words matches a town's by accident far more rarely: any town's
#: own name will do ("Decatur and Avondale Estates").
COORDINATED_NAME = 0.5
#: The prior the gazetteer gives the primary name of a country, division or region.
AREA_PRIOR = 0.95
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z]", re.IGNORECASE)


def place_score(oracle: PlaceOracle | None, text: str) -> float:
    """The gazetteer prior with abbreviations and generic words corrected.

    "U.S.", "Ill.", "W. Va." are stored as alternate names and score low; abbreviations
    with periods the gazetteer knows score as major places. Generic words score 0.
    """
    if text in GENERIC_WORDS or len(text.replace(".", "")) < 2:
        return 0.0  # one letter is an initial ("D. Valentine"), never a place's name
    if text.replace(".", "") in PLACE_ACRONYMS:
        return 0.95
    score = prior(oracle, text)
    if "." in text and score >= 0.5:
        return max(score, 0.9)
    return score


def head_label(words: Sequence[str]) -> str | None:
    """The place label a multi-word name's last word implies ("Anderson County", "Kelley
    Lane"), or the first of two: "Lake Lanier", "Mount Hood" are features (or a town
    named after one); longer names are often an organisation's ("Mount Vernon Chamber
    of Commerce")."""
    if len(words) < 2:
        return None
    if words[-1] in ADMIN_HEADS:
        return "GPE"
    if words[-1] in FEATURE_HEADS:
        return "LOC"
    if words[-1] in STREET_HEADS:
        return "FAC"
    if len(words) == 2 and words[0] in _FEATURE_LEAD_WORDS and words[1][:1].isupper():
        return "LOC"
    return None


def _sentence_initial(doc: Doc, i: int) -> bool:
    if glued_hyphen(doc, i - 1):
        return False  # "the Amsterdam-London leg": a hyphen glued to both words joins them
    return i == 0 or doc[i - 1].text in _BOUNDARY or doc[i - 1].is_space


def is_dateline(doc: Doc, start: int, end: int, oracle: PlaceOracle | None) -> bool:
    """Whether tokens ``[start, end)`` are a shouted dateline naming a known place.

    In capitals at a sentence start and followed by a dash or a wire credit
    ("HARWINTON —", "MOUNT GILEAD (AP) --"), or by a comma and then one on the same line
    ("COLUMBUS, Ohio (AP) —", "SOUTH WAZIRISTAN, April 5 (APP):"). The model often calls
    such a word an organisation, and small towns score too low to pass as bare names.
    """
    text = doc[start:end].text
    if not (text.isupper() and len(text) > 3 and _sentence_initial(doc, start)):
        return False
    if end >= len(doc) or not (doc[end].text in DATELINE_MARKS or _mark_after_comma(doc, end)):
        return False
    return place_score(oracle, text.title()) >= DATELINE_PLACE


def _mark_after_comma(doc: Doc, i: int) -> bool:
    if doc[i].text != ",":
        return False
    for tok in doc[i + 1 : i + 6]:
        if "\n" in tok.text:
            return False
        if tok.text in DATELINE_MARKS:
            return True
    return False


def place_context(doc: Doc, start: int, end: int, oracle: PlaceOracle | None) -> bool:
    """Whether tokens ``[start, end)`` sit where a place name is expected.

    "in X", "eastern X", "X County", "X residents", "a X man", "X's mayor", "X-based",
    "X, Texas", and the party tags of politicians ("D-X").
    """
    if start > 0 and (doc[start - 1].lower_ in PLACE_PREPS or doc[start - 1].text in PLACE_BEFORE):
        return True
    if party_tag(doc, start):
        return True
    if end < len(doc) and doc[end].lower_ in PLACE_AFTER:
        return True
    if possessive_at(doc, end) and end + 1 < len(doc) and doc[end + 1].lower_ in OFFICIAL_WORDS:
        return True  # "Kesh's mayor", "Kesh's police": a town's, not a person's
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        return True
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = doc[end + 1]
        return is_capitalised(nxt.text) and place_score(oracle, nxt.text) >= 0.9
    return False


def party_tag(doc: Doc, start: int) -> bool:
    """Whether tokens before ``start`` are a politician's party tag ("D-", "DFL-")."""
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].text in PARTIES


def drop_non_places(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Remove place mentions that are common words or the names of days.

    In text that uses capitals at all, a place name has one: the model's lowercase
    places ("the gulf in pay", "the metro") are common nouns, which the gazetteer would
    match to a namesake town. A name before "'s Day" is a person's ("St. Patrick's
    Day"); one before "Day" ("Lincoln Day Dinner") too, unless it is a country's or
    division's ("Canada Day", "Texas Independence Day" keep their place).
    """
    cased = any(t.is_alpha and t.text[0].isupper() for t in doc)
    mentions[:] = [m for m in mentions if not _non_place(doc, m, oracle, cased)]


def _non_place(doc: Doc, m: Mention, oracle: PlaceOracle | None, cased: bool) -> bool:
    if not m.is_place:
        return False
    surface = mention_text(doc, m)
    if cased and not m.nested and surface.islower():
        return True
    if surface in _NOT_PLACES_ALONE:
        return True
    after = [t.text for t in doc[m.tok_end : m.tok_end + 2]]  # not doc.text: rebuilt per use
    if after[:2] in (["'s", "Day"], ["’s", "Day"]):
        return True
    return after[:1] == ["Day"] and place_score(oracle, surface) < AREA_PRIOR


def relabel_places(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None, names: set[str]
) -> None:
    """Fix model labels with place evidence: non-places the gazetteer knows become GPEs,
    names ending in a place head word get its label, and single-token places unknown to
    the gazetteer with no place context become PERSONs (mostly foreign surnames).

    Args:
        doc: the parsed article.
        mentions: mentions after the consistency rules (relabelled in place).
        oracle: the gazetteer.
        names: full names and name parts of the article's persons, never relabelled.
    """
    starts = {m.tok_start for m in mentions if m.is_place}
    ends = {m.tok_end for m in mentions if m.is_place}
    for m in mentions:
        if m.evidence != "ner":
            continue
        text = mention_text(doc, m)
        key = surface_key(text)
        if key in names or demonym_country(key):
            continue
        shouted = text.isupper() and m.label in _DATELINE_RELABELLABLE
        if shouted and is_dateline(doc, m.tok_start, m.tok_end, oracle):
            m.label, m.evidence, m.weight = "GPE", "dateline", WEIGHT_CONTEXT
            continue
        head = head_label(key.split())
        context = place_context(doc, m.tok_start, m.tok_end, oracle)
        if m.label in RELABELLABLE and head is not None:
            m.label, m.evidence, m.weight = head, "head", WEIGHT_CONTEXT
        elif m.label in RELABELLABLE:
            score = place_score(oracle, key)
            floor = COORDINATED_NAME if m.tok_end - m.tok_start > 1 else COORDINATED_PLACE
            if not context and score >= floor:
                context = coordinated(doc, m.tok_start, m.tok_end, starts, ends)
            _relabel_known(m, key, score, context)
        elif m.label == "NORP" and context and _context_place(doc, m, key, oracle):
            # not a demonym (skipped above): "in Pewaukee", "in Punjab" taken for a group
            m.label, m.evidence, m.weight = "GPE", "context", WEIGHT_CONTEXT
        elif m.is_place and context and place_score(oracle, key) >= context_threshold(key):
            m.weight = WEIGHT_CONTEXT  # a known place where one is expected outvotes a bare label
        elif m.label == "GPE" and oracle is not None and m.tok_end - m.tok_start == 1:
            _demote_unknown(doc, m, key, oracle, context)


def _demote_unknown(doc: Doc, m: Mention, key: str, oracle: PlaceOracle, context: bool) -> None:
    """A one-word GPE the gazetteer does not know (or knows only as a rare alternate
    spelling), outside any place context, is a foreign surname ("Saakashvili") or, when
    some place has that alternate name, more often an organisation.
    """
    after_the = m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "the"
    if context or after_the or not key.isalpha() or key in GENERIC_WORDS:
        return
    score = prior(oracle, key)
    if score == 0.0:
        m.label, m.evidence = "PERSON", "unknown-place"
    elif score < CONTEXT_PLACE:
        m.label, m.evidence = "ORG", "unknown-place"


def _context_place(doc: Doc, m: Mention, key: str, oracle: PlaceOracle | None) -> bool:
    """A NORP in a place context names a place, unless it owns what follows ("of Bravo's
    show": the "of" belongs to the show)."""
    return not possessive_at(doc, m.tok_end) and place_score(oracle, key) >= context_threshold(key)


def context_threshold(key: str) -> float:
    """The prior a name needs to be a place where a place is expected ("in X").

    "in Al-Bokamal": a name written with an Arabic article after a place preposition is
    rarely a person, so a transliteration-level match of the gazetteer is enough there.
    """
    return ARABIC_CONTEXT_PLACE if _ARABIC_ARTICLE.match(key) else CONTEXT_PLACE


def _short_acronym(key: str) -> bool:
    """An all-caps word of up to four letters that is not a known place acronym."""
    return key.isalpha() and key.isupper() and len(key) <= 4 and key not in PLACE_ACRONYMS


def _relabel_known(m: Mention, key: str, score: float, context: bool) -> None:
    if _short_acronym(key) and score < ACRONYM_PLACE:
        return  # "students at UF": an acronym matches some town's name only by accident
    if score >= min(context_threshold(key), ALIAS_CONTEXT_PLACE) and context:
        m.label, m.evidence, m.weight = "GPE", "context", WEIGHT_CONTEXT
    elif key.replace(".", "") in PLACE_ACRONYMS:
        m.label, m.evidence = "GPE", "gazetteer"  # "U.S." and "DPRK" taken for organisations
    elif score >= BARE_PLACE and (m.label == "PERSON" or m.tok_end - m.tok_start == 1):
        # a lone ORG-labelled town name is as often a team or firm: it needs context
        m.label, m.evidence = ("ORG", m.evidence) if m.label == "ORG" else ("GPE", "gazetteer")
