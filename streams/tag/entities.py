"""Document-level consistency of entity labels.

spaCy labels each mention on its own, so one surname can be a PERSON in one sentence and
a GPE in the next. These rules decide one label per surface form from the whole article:

1. **Titles**: a mention right after "Mr.", "Gen.", "President", ... is a PERSON; one
   followed by "said"/"told" is a PERSON unless the gazetteer knows it as a major place.
2. **Acronyms**: an all-caps or camel-case token labelled as a place ("IRGC", "MoD") is an
   ORG unless it is a known place abbreviation or a shouted place name ("BEIRUT").
3. **Person propagation** (:mod:`streams.tag.persons`): once "Hadi Matar" is a PERSON,
   every "Matar" in the article is one too (tagged or not), unless the name is a place.
4. **Votes**: mentions with the same surface form share the label with the most evidence
   (weights in :mod:`streams.tag.mentions`); the gazetteer breaks place/non-place ties.

Mentions inside ``duplicates`` ranges (a repeated standfirst) are relabelled like the rest
but do not vote, so a repeated paragraph cannot outvote the article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from streams.core.interfaces import PLACE_LABELS, PlaceOracle
from streams.lexicon.words import (
    LOWER_TITLES,
    ORG_HEADS,
    PLACE_ACRONYMS,
    PLACE_PREPS,
    SPEECH,
    TITLES,
)
from streams.tag.mentions import (
    POSSESSIVE_TOKENS,
    WEIGHT_CONTEXT,
    WEIGHT_NER,
    WEIGHT_STRONG,
    Mention,
    in_ranges,
    is_capitalised,
    mention_text,
    prior,
    span_mention,
    surface_key,
)
from streams.tag.toponyms import (
    PARTIES,
    RELABELLABLE,
    head_label,
    is_dateline,
    place_score,
)

_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "a", "an"})
#: Lowercase words no person's name contains: "Observatory for Human Rights" is no one.
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in"})
#: A gazetteer prior at or above this is a major place: "X said" cannot undo it.
MAJOR_PLACE = 0.9
#: Shouted words ("BEIRUT") are places when the title-cased form is at least this likely.
SHOUTED_PLACE = 0.6


def mentions_from_doc(doc: Doc) -> list[Mention]:
    """Turn spaCy's entities into mentions, trimmed of "the", possessives and line breaks."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_space):
            start += 1
        if end - start > 2 and doc[start].text in PARTIES and doc[start + 1].text == "-":
            start += 2  # "D-Charleston": a politician's party and home town; keep the town
        for i in range(start, end):
            if doc[i].is_space or "\n" in doc[i].text:
                end = i
                break
        while end > start and (doc[end - 1].text in POSSESSIVE_TOKENS or doc[end - 1].is_punct):
            end -= 1
        if ent.label_ == "PERSON":
            start = _after_titles(doc, start, end)
        elif ent.label_ in PLACE_LABELS:
            end = _before_possessive(doc, start, end)
        if end > start:
            mentions.append(span_mention(doc[start:end], ent.label_, "ner", WEIGHT_NER))
    return mentions


def _after_titles(doc: Doc, start: int, end: int) -> int:
    """Skip "Gen." or "Sri Lankan President" at the head of a PERSON entity."""
    for i in range(end - 2, start - 1, -1):
        if doc[i].lower_.rstrip(".") in TITLES:
            return i + 1
    return start


def _before_possessive(doc: Doc, start: int, end: int) -> int:
    """Cut "Iran's Revolutionary Guards" taken as one place after the possessor."""
    for i in range(start + 1, end - 1):
        if doc[i].text in POSSESSIVE_TOKENS:
            return i
    return end


def apply_heads(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel names by their last word: "Anderson County" is a GPE, "Kelley Lane" a FAC,
    "Alexandria Police" an ORG, whatever the model said.
    """
    for m in mentions:
        if m.label not in RELABELLABLE or m.tok_end - m.tok_start < 2:
            continue
        words = [t.text for t in doc[m.tok_start : m.tok_end]]
        label = head_label(words)
        if label is not None:
            m.label, m.evidence, m.weight = label, "head", WEIGHT_CONTEXT
        elif m.label == "PERSON" and (
            words[-1] in ORG_HEADS or any(w in _FUNCTION_WORDS for w in words[1:-1])
        ):
            m.label, m.evidence = "ORG", "head"


def _prev_word(doc: Doc, i: int) -> Token | None:
    return doc[i - 1] if i > 0 else None


def _next_word(doc: Doc, i: int) -> Token | None:
    return doc[i] if i < len(doc) else None


def apply_titles(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Relabel mentions after a title, or followed by a verb of saying, as PERSON."""
    for m in mentions:
        prev = _prev_word(doc, m.tok_start)
        title = prev is not None and prev.lower_.rstrip(".") in TITLES
        if (
            title
            and prev is not None
            and (is_capitalised(prev.text) or prev.lower_ in LOWER_TITLES)
        ):
            m.label, m.evidence, m.weight = "PERSON", "title", WEIGHT_STRONG
            continue
        nxt = _next_word(doc, m.tok_end)
        # "police in X said": the preposition makes X the place the speakers are in
        placed = m.tok_start > 0 and doc[m.tok_start - 1].lower_ in PLACE_PREPS
        said = nxt is not None and nxt.lower_ in SPEECH and not placed
        according = m.tok_start > 1 and doc[m.tok_start - 2 : m.tok_start].text == "according to"
        if (
            m.label != "PERSON"
            and (said or according)
            and place_score(oracle, surface_key(mention_text(doc, m))) < MAJOR_PLACE
        ):
            # place_score, not the raw prior: "The U.S. said" is the country speaking
            m.label, m.evidence, m.weight = "PERSON", "speech", WEIGHT_CONTEXT


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    shouted = letters.isupper() and letters.isalpha()
    camel = letters.isalpha() and any(c.isupper() for c in letters[1:]) and not shouted
    return shouted or camel


def apply_acronyms(doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None) -> None:
    """Relabel place-labelled acronyms that are not known places as ORG."""
    for m in mentions:
        text = mention_text(doc, m)
        if not m.is_place or " " in text or not _is_acronym(text):
            continue
        if text.replace(".", "") in PLACE_ACRONYMS or "." in text:
            continue  # "U.S.", "N.D.": abbreviations with periods are place-style
        if is_dateline(doc, m.tok_start, m.tok_end, oracle):
            continue
        if prior(oracle, text.title()) >= SHOUTED_PLACE and len(text) > 4:
            continue
        if prior(oracle, text) >= MAJOR_PLACE:
            continue
        m.label, m.evidence, m.weight = "ORG", "acronym", WEIGHT_STRONG


def vote_labels(
    doc: Doc,
    mentions: list[Mention],
    oracle: PlaceOracle | None,
    duplicates: Sequence[tuple[int, int]] = (),
) -> None:
    """Give every mention of a surface form the label with the most evidence."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[surface_key(mention_text(doc, m))].append(m)
    for key, group in groups.items():
        label = _winner(key, group, oracle, duplicates)
        for m in group:
            if m.label != label and not (m.label == "NORP" and label not in PLACE_LABELS):
                m.label, m.evidence = label, "vote"


def _winner(
    key: str,
    group: Sequence[Mention],
    oracle: PlaceOracle | None,
    duplicates: Sequence[tuple[int, int]],
) -> str:
    scores: dict[str, float] = defaultdict(float)
    for m in group:
        if not in_ranges(m.start, m.end, duplicates):
            # all place labels pool their votes; the most common one is used below
            scores["PLACE" if m.is_place else m.label] += m.weight
    if not scores:
        return group[0].label
    best = max(scores.values())
    leaders = [lab for lab, s in scores.items() if s == best]
    if len(leaders) > 1:
        is_place = prior(oracle, key) >= 0.5
        leaders = sorted(leaders, key=lambda lab: (lab == "PLACE") != is_place)
    if leaders[0] != "PLACE":
        return leaders[0]
    place_labels = [m.label for m in group if m.is_place]
    # most frequent, then first seen: a set would order a tie by the string hash seed
    return max(dict.fromkeys(place_labels), key=place_labels.count)
