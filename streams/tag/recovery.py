"""Recovery of place names and demonyms the model left untagged.

Scans runs of capitalised tokens outside every mention (numbers and dates do not block a
run, so "Highway 30" is found even when the model tagged "30" as a CARDINAL) and keeps:

* administrative areas and natural features by their head word ("Henry County");
* streets, roads and routes ("Kelley Lane", "Route 16");
* shouted datelines the gazetteer knows ("NEWARK —" at the start of a sentence);
* names the gazetteer knows in a place context ("in X", "X residents") or, when not at
  the start of a sentence, names it rates as very likely places;
* demonyms ("Georgian"), as NORP with their country;
* the items of a list closed by a plural place word ("Walton and Oconee counties", "the
  Williams and Cranberry rivers"), whatever the model called them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc

from streams.core.interfaces import PLACE_LABELS, PlaceOracle
from streams.lexicon.demonyms import BLOC_ADJECTIVES, bloc_region, demonym_country
from streams.lexicon.lists import AND_WORDS
from streams.lexicon.words import (
    GENERIC_WORDS,
    OFFICIAL_WORDS,
    ORG_HEADS,
    PLACE_ACRONYMS,
    ROUTE_WORDS,
    SPEECH,
)
from streams.tag.mentions import (
    WEIGHT_CONTEXT,
    WEIGHT_NER,
    Mention,
    is_capitalised,
    mention_text,
)
from streams.tag.mentions import span_mention as _span
from streams.tag.toponyms import (
    AREA_PRIOR,
    BARE_PLACE,
    CONTEXT_PLACE,
    DATELINE_MARKS,
    NUMERIC,
    RELABELLABLE,
    SHOUTED_PLACE,
    _sentence_initial,
    head_label,
    is_dateline,
    party_tag,
    place_context,
    place_score,
)

#: After a well-known shouted place, a comma or colon also ends a dateline ("BEIRUT:").
_DASHES = DATELINE_MARKS | {",", ":"}
_COUNTABLE = frozenset({"CARDINAL", "ORDINAL", "QUANTITY"})
#: Plural place words that make each item of the list before them a place of their kind.
_PLURAL_HEADS = {
    "counties": "GPE", "parishes": "GPE", "townships": "GPE", "boroughs": "GPE",
    "rivers": "LOC", "creeks": "LOC", "lakes": "LOC", "islands": "LOC",
    "streets": "FAC", "avenues": "FAC", "roads": "FAC", "boulevards": "FAC",
}  # fmt: skip
#: Prior a named item needs to be relabelled (vowel-skeleton matches score at most 0.1).
LISTED_PLACE = 0.25
_LIST_JOINS = AND_WORDS | {","}
#: Prior a sentence opener needs before a word that speaks for its town
#: (``OFFICIAL_WORDS``: "Roselle police ticketed..."): a town of 10,000+.
OFFICIALS_PLACE = 0.75
#: Prior a name after a politician's party tag needs: a county known without its
#: "County" ("D-Braxton") scores as an alternate name.
PARTY_PLACE = 0.3


def _runs(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (numbers allowed after the first) not blocked."""
    runs: list[tuple[int, int]] = []
    start = None
    for tok in doc:
        ok = tok.i not in blocked and (
            is_capitalised(tok.text) or (start is not None and tok.like_num and tok.i > start)
        )
        if ok and start is None:
            start = tok.i
        elif not ok and start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _by_form(doc: Doc, start: int, end: int, oracle: PlaceOracle | None) -> Mention | None:
    """Places recognisable from their own words: head words, routes, datelines, demonyms."""
    span = doc[start:end]
    words = [t.text for t in span]
    label = head_label(words)
    if label is not None and not doc[start].like_num:
        return _span(span, label, "head", WEIGHT_CONTEXT)
    if len(words) == 2 and words[0] in ROUTE_WORDS and doc[start + 1].like_num:
        return _span(span, "FAC", "head", WEIGHT_CONTEXT)
    text = span.text
    if text.isupper() and len(text) > 3 and place_score(oracle, text.title()) >= SHOUTED_PLACE:
        dateline = end < len(doc) and doc[end].text in _DASHES
        if dateline and _sentence_initial(doc, start):
            return _span(span, "GPE", "dateline", WEIGHT_CONTEXT)
    if text.isupper() and is_dateline(doc, start, end, oracle):
        return _span(span, "GPE", "dateline", WEIGHT_CONTEXT)
    code = demonym_country(text)
    if code is not None:
        norp = _span(span, "NORP", "demonym", WEIGHT_NER)
        norp.country_code = code
        return norp
    if end - start == 1 and text in BLOC_ADJECTIVES and end < len(doc):
        after = doc[end - 1].whitespace_ + doc[end].text  # not doc.text: it is rebuilt per call
        if bloc_region(text, after):
            return _span(span, "NORP", "demonym", WEIGHT_NER)  # "Western diplomats"
    return None


def _by_gazetteer(
    doc: Doc,
    start: int,
    end: int,
    oracle: PlaceOracle | None,
    in_org: bool,
    placed: frozenset[str] = frozenset(),
) -> Mention | None:
    """Names the gazetteer knows, in a place context or (likelier ones) anywhere, and
    names the article already tags as places elsewhere (``placed``), even at a sentence
    start ("Fargo raised its goal" in a story about Fargo)."""
    span = doc[start:end]
    text = span.text
    if text in placed:
        return _span(span, "GPE", "echo", WEIGHT_NER)
    score = place_score(oracle, text)
    if party_tag(doc, start) and score >= PARTY_PLACE and text not in GENERIC_WORDS:
        return _span(span, "GPE", "context", WEIGHT_CONTEXT)  # "D-Braxton", "D-N.Y."
    if end - start == 1 and (text in GENERIC_WORDS or _short_caps(doc, start)):
        return None
    # at a sentence start only a town of 10,000+ speaks through its officials, and
    # never a stop word ("As police arrived")
    officials = end < len(doc) and doc[end].lower_ in OFFICIAL_WORDS and score >= OFFICIALS_PLACE
    officials = officials and not doc[start].is_stop
    if _sentence_initial(doc, start) and score < BARE_PLACE and not officials:
        return None  # "Early police work...": capitals at a sentence start prove nothing
    if score >= CONTEXT_PLACE and (in_org or place_context(doc, start, end, oracle)):
        return _span(span, "GPE", "context", WEIGHT_CONTEXT)
    if score >= BARE_PLACE and not _sentence_initial(doc, start):
        return _span(span, "GPE", "gazetteer", WEIGHT_NER)
    return None


def _short_caps(doc: Doc, i: int) -> bool:
    """A short all-caps word that is no place: an acronym, or "US" in a shouted line.

    The place acronyms ("UAE", "DRC") count only among words that are not shouted.
    """
    text = doc[i].text
    if not (text.isupper() and len(text) < 5):
        return False
    if text.replace(".", "") not in PLACE_ACRONYMS:
        return True
    near = [t.text for t in doc[max(0, i - 2) : i + 3] if t.i != i and t.is_alpha]
    return any(w.isupper() for w in near)


def _classify_run(
    doc: Doc,
    start: int,
    end: int,
    oracle: PlaceOracle | None,
    placed: frozenset[str] = frozenset(),
) -> Mention | None:
    if doc[start].text in ("The", "THE") and end - start > 1:
        start += 1
    if not is_capitalised(doc[start].text):
        return None  # "The one man": a number may continue a name, not begin one
    in_org = doc[end - 1].text in ORG_HEADS and end - start > 1
    for stop in range(end, start, -1):  # the whole run first, then shorter prefixes
        found = _by_form(doc, start, stop, oracle)
        # only a whole run echoes a place: "Washington Post" holds no mention of Washington
        echo = placed if stop == end else frozenset()
        found = found or _by_gazetteer(doc, start, stop, oracle, in_org and stop < end, echo)
        if found is not None:
            return found
    if end - start > 1 and _sentence_initial(doc, start):
        # a capitalised sentence opener is no part of the name: "Two Georgian soldiers"
        return _classify_run(doc, start + 1, end, oracle, placed)
    return None


def _echoed_places(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None
) -> frozenset[str]:
    """Names the article tags as places where a place is expected ("in Fargo") that an
    untagged occurrence repeats ("Fargo raised its goal" at a sentence start): towns
    the gazetteer knows, no generic word, and never beside a verb of saying anywhere in
    the article ("said Noma": the text makes it a person). Countries and divisions are
    left out: the model seldom misses one, and an untagged one is mostly a firm's or a
    team's name ("Iceland has released its cake": the grocer)."""
    spoken = {
        tok.text
        for tok in doc
        if (tok.i > 0 and doc[tok.i - 1].lower_ in SPEECH)
        or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in SPEECH)
    }
    return frozenset(
        text
        for m in mentions
        if m.label in PLACE_LABELS and not m.nested
        and place_context(doc, m.tok_start, m.tok_end, oracle)
        and (text := mention_text(doc, m)).istitle()
        and text not in GENERIC_WORDS and text not in spoken
        and CONTEXT_PLACE <= place_score(oracle, text) < AREA_PRIOR
    )  # fmt: skip


def recover_untagged(
    doc: Doc, mentions: list[Mention], oracle: PlaceOracle | None, names: set[str]
) -> list[Mention]:
    """Return new place and demonym mentions found in untagged capitalised runs.

    Count mentions (CARDINAL, ...) do not block a run, and those a recovered road
    covers are removed from ``mentions`` so "Highway 30" does not also carry "30".
    """
    blocked: set[int] = set()
    for m in mentions:
        if not m.nested:
            blocked.update(
                i
                for i in range(m.tok_start, m.tok_end)
                if not (m.label in _COUNTABLE and doc[i].like_num)
            )
    placed = _echoed_places(doc, mentions, oracle)
    found: list[Mention] = []
    for start, end in _runs(doc, blocked):
        if doc[start:end].text in names:
            continue
        mention = _classify_run(doc, start, end, oracle, placed - names)
        if mention is not None and mention_text(doc, mention) not in names:
            found.append(mention)
    if found:
        _drop_numeric_overlaps(mentions, found)
    return found


def listed_places(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None
) -> list[Mention]:
    """Make the items of a list closed by a plural place word places of its kind.

    "Cooke, Grayson and Love counties": each item is a county, though the model took
    "Love" for a person. Items the model labelled a person or organisation are
    relabelled in place when the gazetteer knows the name ("Banksy and London
    boroughs" keeps its artist); untagged items are returned as new mentions.
    """
    found: list[Mention] = []
    lower = doc.to_array(LOWER)
    heads = np.flatnonzero(np.isin(lower, [doc.vocab.strings[w] for w in _PLURAL_HEADS]))
    for i in heads.tolist():  # token by token would make a Token object for each
        label = _PLURAL_HEADS[doc[i].lower_]
        items = _list_items(doc, i)
        if len(items) < 2:
            continue
        for start, end in items:
            overlapping = [m for m in mentions if m.tok_start < end and start < m.tok_end]
            for m in overlapping:
                exact = (m.tok_start, m.tok_end) == (start, end)
                known = place_score(oracle, mention_text(doc, m)) >= LISTED_PLACE
                # a person's or organisation's name in such a list is the place named
                # after them ("Harrison streets"); adjectives (NORP "Democratic") stay
                if exact and m.label in RELABELLABLE and known:
                    m.label, m.evidence, m.weight = label, "listed", WEIGHT_CONTEXT
            if not overlapping:
                found.append(_span(doc[start:end], label, "listed", WEIGHT_CONTEXT))
    return found


def _list_items(doc: Doc, head: int) -> list[tuple[int, int]]:
    """Token ranges of the capitalised list items right before ``doc[head]``."""
    items: list[tuple[int, int]] = []
    i = head - 1
    while i >= 0:
        end = i + 1
        while i >= 0 and end - i <= 3 and is_capitalised(doc[i].text) and not doc[i].is_stop:
            i -= 1
        if i + 1 == end:
            break
        items.append((i + 1, end))
        if i < 0 or doc[i].lower_ not in _LIST_JOINS:
            break
        i -= 2 if i > 0 and doc[i - 1].text == "," else 1  # ", and"
    return items[::-1]


def _drop_numeric_overlaps(mentions: list[Mention], found: Sequence[Mention]) -> None:
    keep = [
        m
        for m in mentions
        if m.label not in NUMERIC
        or not any(f.tok_start < m.tok_end and m.tok_start < f.tok_end for f in found)
    ]
    mentions[:] = keep


def assign_demonyms(
    doc: Doc, mentions: Sequence[Mention], oracle: PlaceOracle | None = None
) -> None:
    """Give NORP mentions their country; demonyms the model called something else become NORP.

    A group the model tagged NORP that is the people of a state or province ("Ohioans",
    "Albertans") points to that division's country too.
    """
    for m in mentions:
        if m.label in ("LANGUAGE", "PERSON") and m.evidence != "ner":
            continue
        text = mention_text(doc, m)
        code = m.country_code or demonym_country(text)
        if code is None and m.label == "NORP" and oracle is not None:
            code = oracle.resident_country(text)
        if code is None:
            continue
        if m.label in ("NORP", "GPE", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"):
            m.label, m.country_code = "NORP", code
