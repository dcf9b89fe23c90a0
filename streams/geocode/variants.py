"""Candidates for names the gazetteer does not list as written.

* adjectives and demonyms ("Iranian", "European") name their country or region;
* derived names of residents ("Ontarians", "Texan", "New Londoners") name their place;
* longer names that contain a well-known place ("Bank of England", "Greer Station")
  are cut at generic words.

Only places that are well known enough to be meant by such a name are returned:
countries, divisions, regions and towns of 20,000+ people.
"""

from __future__ import annotations

import numpy as np

from streams.gazetteer.index import NO_CANDIDATES, SKELETON, STRICT, Candidates, Gazetteer
from streams.gazetteer.normalize import normalize
from streams.gazetteer.regions import (
    COMBINING_FORMS,
    LANDMARKS,
    REGION_ADJECTIVES,
)
from streams.gazetteer.sources import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, REGION
from streams.lexicon.demonyms import demonym_country, resident_bases
from streams.lexicon.words import DIRECTIONS, FEATURE_LEADS, FEATURE_TAILS

#: A town must be at least this large to be trusted from a partial or derived name.
MIN_TOWN = 20_000

# fmt: off
GENERIC = frozenset((
    "city", "state", "university", "college", "institute", "academy", "cathedral", "court",
    "river", "township", "twp", "estate", "street", "road", "avenue", "airport", "station",
    "park", "bridge", "square", "hospital", "prison", "jail", "school", "church", "mosque",
    "temple", "stadium", "hall", "harbour", "harbor", "port", "valley", "lake", "mountains",
    "mountain", "district", "region", "province", "governorate", "area", "village", "borough",
    "town", "camp", "base", "county", "parish", "island", "islands", "delta", "bay", "gulf",
    "creek", "canyon", "falls", "forest", "lagoon", "coast", "beach", "sound",
))
_STOP = DIRECTIONS | GENERIC | frozenset((
    "of", "the", "and", "de", "del", "la", "le", "du", "des", "al", "bank", "embassy", "ministry",
    "consulate", "office", "council", "commission", "agency", "department", "club", "centre",
    "center", "hotel", "museum", "company",
))
#: Words closing the name of a division ("Sokoto State", "Oaxaca State", "Hubei Province").
_DIVISION_WORDS = frozenset((
    "state", "province", "governorate", "region", "oblast", "prefecture", "territory",
))
# fmt: on


class Variants:
    """Finds the places meant by adjectives, resident names and longer names."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._landmarks = {
            normalize(name): city for city, names in LANDMARKS.items() for name in names
        }

    def landmark(self, surface: str) -> int | None:
        """Row of the city a seat of government stands for ("White House" → Washington)."""
        city = self._landmarks.get(normalize(surface))
        if city is None:
            return None
        code, name = city
        rows = [
            int(r)
            for r in self.gaz.lookup(name, loose=False).rows
            if self.gaz.kind[r] == CITY and self.gaz.country_code(int(r)) == code
        ]
        return max(rows, key=lambda r: int(self.gaz.population[r])) if rows else None

    def adjective(self, surface: str) -> int | None:
        """Row of the country or region a demonym or adjective names ("Iranian")."""
        code = demonym_country(surface)
        if code and code in self.gaz.country_rows:
            return self.gaz.country_rows[code]
        singular = surface[:-1] if surface.endswith("s") else surface
        name = REGION_ADJECTIVES.get(surface) or REGION_ADJECTIVES.get(singular)
        if name is None:
            return None
        found = self.gaz.lookup(name, loose=False)
        areas = [int(r) for r in found.rows if self.gaz.kind[r] in (REGION, COUNTRY, ADMIN1)]
        return areas[0] if areas else None

    def combining(self, surface: str, after: str) -> int | None:
        """Row of the country or region a combining form names before its hyphen
        ("Austro" "-Hungarian", "Sino" "-US")."""
        name = COMBINING_FORMS.get(surface)
        if name is None or not after.startswith("-"):
            return None
        rows = self.gaz.lookup(name, loose=False).rows
        areas = [int(r) for r in rows if self.gaz.kind[r] in (COUNTRY, REGION)]
        return areas[0] if areas else None

    def feature(self, surface: str) -> Candidates | None:
        """Candidates of a name built with a feature word, or None for other names.

        "Lake Chad", "Gulf of Aden", "Vancouver Island", "Ural Mountains" name the lake,
        gulf, island or range: only the whole name is looked up, never the part that
        names a town or country, and no sound-alike. Features, regions, countries and
        divisions that bear the whole name are its candidates ("Solomon Islands"); a
        town only when none does ("Lake Charles"). No candidate leaves it unplaced.
        """
        words = surface.split()
        if len(words) < 2 or not (words[-1] in FEATURE_TAILS or surface.startswith(FEATURE_LEADS)):
            return None
        found = self.gaz.lookup(surface)
        if found.level == SKELETON:
            return NO_CANDIDATES
        # a country or division may bear a feature word too ("Solomon Islands"), as its
        # own name: "Red River" is the river, though Red River County is so called
        kind = self.gaz.kind[found.rows]
        natural = (kind == FEATURE) | (kind == REGION) | ((kind != CITY) & ~found.alternate)
        if natural.any():
            return Candidates(found.rows[natural], found.alternate[natural], found.level)
        return found

    def division(self, surface: str) -> Candidates:
        """Candidates of a division named with its generic word ("Sokoto State").

        Nigerian, Indian and Mexican news write states so; the gazetteer lists them as
        "Sokoto", where the city of that name is bigger. The word says it is the division.
        """
        words = surface.split()
        if len(words) < 2 or words[-1].lower() not in _DIVISION_WORDS:
            return NO_CANDIDATES
        found = self.gaz.lookup(" ".join(words[:-1]), loose=False)
        keep = np.isin(self.gaz.kind[found.rows], [ADMIN1, ADMIN2])
        return Candidates(found.rows[keep], found.alternate[keep], STRICT)

    def resident(self, surface: str) -> Candidates:
        """Candidates of the place a resident name derives from ("Ontarians" → Ontario).

        English forms these names with -an/-ian/-er/-ite; the base is recovered by the
        usual spelling changes and accepted only for well-known places.
        """
        words = surface.split()
        if not words or not words[-1][:1].isupper():
            return NO_CANDIDATES
        last = words[-1]
        if last.endswith("s") and last[-2:-1] in ("n", "r", "e"):
            last = last[:-1]
        for base in resident_bases(last):
            found = self._trusted(" ".join([*words[:-1], base]))
            if len(found.rows):
                return found
        return NO_CANDIDATES

    def residents_division(self, surface: str) -> int | None:
        """Row of the state or province a resident name derives from ("Iowans")."""
        return self.gaz.resident_division(surface)

    def partial(self, surface: str) -> Candidates:
        """Candidates of a well-known place inside a longer name.

        "Bank of England", "Port of Los Angeles", "Cavan Institute": the name is cut at
        generic words; chunks are tried longest first, then their leading words
        ("US Federal Reserve").
        """
        chunks: list[list[str]] = [[]]
        for word in surface.replace("Co.", "County").split():
            if word.lower().strip(".,") in _STOP:
                chunks.append([])
            else:
                chunks[-1].append(word)
        for chunk in sorted((c for c in chunks if c), key=len, reverse=True):
            # leading words first ("US Federal Reserve"), then trailing ("Nazi Germany")
            for n in range(len(chunk), 0, -1):
                found = self._chunk(" ".join(chunk[:n]), surface)
                if len(found.rows):
                    return found
        return self._trailing(chunks[-1], surface)

    def _trailing(self, chunk: list[str], surface: str) -> Candidates:
        """A country or region closing a longer name ("Nazi Germany", "Soviet Armenia").

        Only areas: a trailing town word is too often part of another name.
        """
        for n in range(1, len(chunk)):
            found = self._chunk(" ".join(chunk[n:]), surface)
            keep = np.isin(self.gaz.kind[found.rows], [COUNTRY, REGION])
            if keep.any():
                return Candidates(found.rows[keep], found.alternate[keep], STRICT)
        return NO_CANDIDATES

    def _chunk(self, phrase: str, surface: str) -> Candidates:
        """Candidates of one chunk of a longer name (abbreviations such as "US" count)."""
        if phrase == surface or (len(phrase) < 4 and not phrase.isupper()) or len(phrase) < 2:
            return NO_CANDIDATES
        adjective = self.adjective(phrase)
        if adjective is not None:
            return Candidates(np.array([adjective], dtype=np.int32), np.zeros(1, bool), STRICT)
        return self._trusted(phrase)

    def _trusted(self, name: str) -> Candidates:
        """Strict candidates of ``name`` that are well known enough to be meant loosely.

        A big town known by the name only as an alternate spelling is not trusted when
        smaller towns bear it as their own ("Riverdale" is not Glendale).
        """
        found = self.gaz.lookup(name, loose=False)
        rows = found.rows
        town = self.gaz.kind[rows] == CITY
        keep = ~town | (self.gaz.population[rows] >= MIN_TOWN)
        # a river, lake or village of the extracts is never what a longer name means
        keep &= ~(self.gaz.extract[rows] & town) & (self.gaz.kind[rows] != FEATURE)
        if (~found.alternate).any():
            keep &= ~(town & found.alternate)
        return Candidates(found.rows[keep], found.alternate[keep], STRICT)
