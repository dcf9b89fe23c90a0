"""Name normalisation shared by the gazetteer build and the runtime lookup.

Three keys per name, from strict to loose:

* :func:`normalize` — case, diacritics, punctuation, "St."/"Saint", a leading "the".
* :func:`article_key` — also drops Arabic articles ("al-", "el ", "ez-", "ad-"...) and the
  assimilated forms glued to a word ("Ezzor" → "zor"), so "Deir al Zor", "Deir Ezzor" and
  "Deir ez-Zor" meet.
* :func:`skeleton_key` — consonant skeleton of the article key, so vowel spellings of one
  transliteration ("Bukamal", "Bokamal", "Abu Kamal") meet. Only used as a last resort.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Indel
from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_SAINT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
# Local-news abbreviations of a closing generic word: "Loudon Co.", "Jerome Twp.".
_LAST = {"co": "county", "cnty": "county", "twp": "township"}
_ARABIC_ARTICLES = frozenset(
    {"al", "el", "ad", "ed", "ar", "er", "as", "es", "az", "ez", "at", "et", "an", "ash", "ul"}
)
# Sun-letter assimilation written as one word: "Ezzor", "Assalam", "Arramadi".
_GLUED_ARTICLE = re.compile(r"^[ae](?P<c>[dnrstz])(?=(?P=c)[a-z]{2})")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Return the strict lookup key of a place name.

    Args:
        name: a place name as written ("St. Louis", "Deir ez-Zor", "Zürich").

    Returns:
        Lower-case ASCII words separated by single spaces ("saint louis").
    """
    text = unicodedata.normalize("NFKC", name)
    text = _APOSTROPHES.sub("", text)
    text = unidecode(text).lower()
    words = _NON_ALNUM.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        words = [_SAINT.get(w, w) for w in words[:-1]] + [_LAST.get(words[-1], words[-1])]
    return " ".join(words)


@lru_cache(maxsize=65536)
def article_key(name: str) -> str:
    """Return the key with Arabic articles removed (see module doc).

    Args:
        name: a place name as written, or an already normalised key.

    Returns:
        The normalised words without article words and glued articles.
    """
    return article_of(normalize(name))


def article_of(key: str) -> str:
    """The article-free form of a strict key (:func:`normalize`'s output)."""
    words = key.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in _ARABIC_ARTICLES and i < len(words) - 1:
            continue
        kept.append(_GLUED_ARTICLE.sub("", word) if i > 0 else word)
    return " ".join(kept)


@lru_cache(maxsize=65536)
def skeleton_key(name: str) -> str:
    """Return the consonant skeleton of the article key ("" when too short to trust).

    Args:
        name: a place name as written.

    Returns:
        Consonants without spaces or doubled letters, e.g. "bkml"; "" if under 4 letters.
    """
    return skeleton_of(article_key(name))


def skeleton_of(article: str) -> str:
    """The consonant skeleton of an article-free key (:func:`article_of`'s output)."""
    joined = article.replace(" ", "")
    skeleton = _DOUBLES.sub(r"\1", _VOWELS.sub("", joined))
    return skeleton if len(skeleton) >= 4 else ""


def is_latin(name: str) -> bool:
    """Return True when every letter of ``name`` is in a Latin script block.

    Args:
        name: an alternate name from GeoNames.

    Returns:
        Whether the name is worth indexing for English text.
    """
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


def similarity(a: str, b: str) -> float:
    """Similarity 0..1 of two keys: twice their longest common subsequence over both lengths."""
    return Indel.normalized_similarity(a, b)


def key_hash(key: str) -> int:
    """Return the stable 64-bit hash of a name key (Python's ``hash`` is salted)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
