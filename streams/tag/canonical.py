"""Canonical names: cluster an article's mentions into entities.

* **Persons**: full names (two or more tokens) merge when their surnames and first names
  are near-identical spellings (Jaro-Winkler on ASCII-folded words, or the same Metaphone
  code for transliterations: "Qasem Soleimani" and "Qassem Soleimani"). A surname- or
  first-name-only mention joins the most recent full name before it with that name part,
  else the only one in the article. The canonical name is the cluster's longest form, the
  most frequent among equals.
* **Organisations**: an acronym joins the full name whose initials it spells ("IRGC" and
  "Islamic Revolutionary Guard Corps").
* Everything else is canonicalised by its surface form (no leading "the", no possessive,
  shouted words title-cased).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from jellyfish import jaro_winkler_similarity, metaphone
from spacy.tokens import Doc
from unidecode import unidecode

from streams.tag.mentions import Mention, mention_text, surface_key

#: Jaro-Winkler above which two name words are spellings of one name: looser when both
#: first name and surname must agree ("Gaddafi"/"Qaddafi"), stricter for a lone name
#: joining a full one ("Qasem"/"Qassem" yes, "Zarif"/"Zarei" no).
SAME_WORD_IN_FULL = 0.88
SAME_WORD = 0.92
_ORG_STOPWORDS = frozenset({"of", "the", "and", "for", "&"})


def _fold(word: str) -> str:
    return unidecode(word).lower().replace("-", "")


def _same_word(a: str, b: str, floor: float = SAME_WORD) -> bool:
    fa, fb = _fold(a), _fold(b)
    if fa == fb or jaro_winkler_similarity(fa, fb) >= floor:
        return True
    # transliterations differ in letters but not in sound: Kasim/Qassim, Gaddafi/Qaddafi
    return len(fa) > 3 and len(fb) > 3 and metaphone(fa) == metaphone(fb)


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    last = _same_word(wa[-1], wb[-1], SAME_WORD_IN_FULL)
    return last and _same_word(wa[0], wb[0], SAME_WORD_IN_FULL)


def _person_clusters(keys: Sequence[str]) -> dict[str, str]:
    """Map each full-name key to its cluster's canonical name."""
    clusters: list[list[str]] = []
    for key in keys:
        for cluster in clusters:
            if _same_person(cluster[0], key):
                cluster.append(key)
                break
        else:
            clusters.append([key])
    canonical: dict[str, str] = {}
    for cluster in clusters:
        counts = Counter(cluster)
        best = max(counts, key=lambda k: (len(k.split()), counts[k], -cluster.index(k)))
        for key in cluster:
            canonical[key] = best
    return canonical


def _person_canonicals(doc: Doc, persons: Sequence[Mention]) -> dict[int, str]:
    keys = [surface_key(mention_text(doc, m)) for m in persons]
    full = [k for k in keys if len(k.split()) > 1]
    by_full = _person_clusters(full)
    result: dict[int, str] = {}
    seen: list[str] = []  # canonical full names in order of appearance
    for m, key in zip(persons, keys, strict=True):
        if key in by_full:
            result[id(m)] = by_full[key]
            seen.append(by_full[key])
            continue
        before = [c for c in reversed(seen) if any(_same_word(key, w) for w in c.split())]
        anywhere = {c for c in by_full.values() if any(_same_word(key, w) for w in c.split())}
        if before:
            result[id(m)] = before[0]
        elif len(anywhere) == 1:
            result[id(m)] = anywhere.pop()
        else:
            result[id(m)] = key
    return result


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _ORG_STOPWORDS and w[0].isalpha())


def _org_canonicals(doc: Doc, orgs: Sequence[Mention]) -> dict[int, str]:
    keys = [surface_key(mention_text(doc, m)) for m in orgs]
    long_names = {_initials(k).upper(): k for k in keys if len(k.split()) > 2}
    result: dict[int, str] = {}
    for m, key in zip(orgs, keys, strict=True):
        result[id(m)] = long_names.get(key, key) if key.isupper() else key
    return result


def canonical_names(doc: Doc, mentions: Sequence[Mention]) -> dict[int, str]:
    """Return each mention's canonical name, keyed by ``id(mention)``.

    Args:
        doc: the parsed article.
        mentions: the article's final mentions, in text order.

    Returns:
        ``{id(mention): canonical name}`` for every mention.
    """
    persons = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]
    names = _person_canonicals(doc, persons)
    names.update(_org_canonicals(doc, orgs))
    for m in mentions:
        names.setdefault(id(m), surface_key(mention_text(doc, m)))
    return names
