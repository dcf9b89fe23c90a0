"""Guesses for place spans the gazetteer lacks or only matched in part.

A street, building or river the gazetteer does not list most likely lies where the text
puts it ("Hampton Park in Charleston") or where the article is (its focus locality). A
town found only inside a longer name ("Rogers Centre", "Swan Street") is often not the
place meant; see :meth:`Guesser.stray`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Collection

import numpy as np

from streams.gazetteer import Gazetteer
from streams.gazetteer.index import STRICT
from streams.gazetteer.normalize import normalize, similarity
from streams.gazetteer.sources import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, MINOR_FEATURES
from streams.geocode.focus import LEAD_CHARS, focus_rows, mention_vote
from streams.geocode.ranking import Mention as Candidate
from streams.geocode.ranking import Ranker
from streams.lexicon.demonyms import demonym_country
from streams.lexicon.words import MISSION_WORDS, STREET_HEADS

#: One resolved span: its candidates, the chosen gazetteer row (None: unplaced), confidence.
Resolved = list[tuple[Candidate, int | None, float]]

#: Confidence of a gold-span answer that is only the article's focus locality.
FALLBACK_CONFIDENCE = 0.01
#: Confidence of a gold-span answer taken from the place the text puts the span in.
ENCLOSED_CONFIDENCE = 0.1
#: A town found inside a longer name, farther than this from the article's focus, is
#: not taken (the focus is): see ``Guesser.stray``.
STRAY_KM = 150.0
#: A town resolved with less confidence than this is as loose a guess as a part-name
#: match (figures on the heads were the same or better from 0.15 to 0.3).
WEAK_CONFIDENCE = 0.2
#: How like a town's own name an alternate name must look to be published
#: ("Kiev" for Kyiv 0.75, "Saida" for Sidon 0.6; "Sam" for Damascus 0.36).
ALIAS_LIKENESS = 0.5
#: A city this big is meant even when its namesakes leave it a low confidence.
BIG_TOWN = 100_000
#: A smaller town that no other mention supports is not published this far from the
#: article's focus (the heads: 150-500 km scored alike, 300 best).
LONE_TOWN_KM = 300.0
#: A stream, lake, mountain or island of the extracts farther than this from the focus
#: is not published (ranges, peninsulas, deserts and deltas are big enough to be meant).
FAR_FEATURE_KM = 1_500.0
#: A far feature is kept when the article names a town or division this close to it
#: (about the reach of a state's label point).
BESIDE_KM = 300.0
#: Last words of street names, which are named after places anywhere.
_STREETS = STREET_HEADS - {"Airport"}
#: Kinds of place a loose guess is checked against the focus for: towns and counties.
_LOCAL = (CITY, ADMIN2)
#: "X in Y", "X, Y", "X near Y": Y is where X is.
_AFTER = re.compile(r"\s*(?:,|\s(?:in|near|outside|at))\s+(?:the\s+)?")
#: "Y's X": Y is where X is.
_BEFORE = re.compile(r"['’]s\s+$")


class Guesser:
    """Places the spans the gazetteer cannot place by itself."""

    def __init__(self, gazetteer: Gazetteer, ranker: Ranker) -> None:
        self.gazetteer = gazetteer
        self.ranker = ranker

    def locate(self, text: str, resolved: Resolved) -> None:
        """Place the spans the gazetteer lacks, and those it only matched in part.

        The place the text puts a span in ("X in Y", "Y's X") wins when it is a town or
        county, or when nothing more specific inside it is known; else the article's
        focus locality is the guess.
        """
        fallback = self.fallback(resolved)
        loose = [self._loose(m, row, conf) for m, row, conf in resolved]
        found = {
            (m.start, m.end): (row, c)
            for (m, row, c), guess in zip(resolved, loose, strict=True)
            if row is not None and not guess
        }
        for i, (m, row, conf) in enumerate(resolved):
            if row is not None and not loose[i]:
                continue
            around = _enclosing(text, m.start, m.end, found)
            if row is not None and fallback is not None and self.stray(m, row, fallback):
                row, conf = None, 0.0
            guess = row if row is not None else fallback
            if around is None:
                resolved[i] = (m, guess, conf if row is not None else FALLBACK_CONFIDENCE)
            elif guess is not None and self._inside(guess, around[0]):
                resolved[i] = (m, guess, conf if row is not None else ENCLOSED_CONFIDENCE)
            else:
                resolved[i] = (m, around[0], min(around[1], ENCLOSED_CONFIDENCE))

    def drop_strays(self, resolved: Resolved) -> None:
        """Publish no place for a derived name that strays from the article's focus.

        "Swan Street" in an Oxford story is not in Swan, Western Australia. ``resolve``
        answers such spans with the focus locality instead, but a published place must
        be the place the mention names, so here they are left unplaced. A facility
        named after a city of 100,000+ is mostly in it ("Baghdad International Airport"
        in a Washington story), but a street is named after anywhere.
        """
        fallback = self.fallback(resolved)
        if fallback is None:
            return
        for i, (m, row, _) in enumerate(resolved):
            if row is None or not m.derived or not self.stray(m, row, fallback):
                continue
            if self.gazetteer.population[row] < BIG_TOWN or m.text.split()[-1] in _STREETS:
                resolved[i] = (m, None, 0.0)

    def drop_lone_towns(self, resolved: Resolved) -> None:
        """Publish no town under 100,000 that nothing else in the article supports.

        "Farmers near Rehab" in a story about Cairo is not Rehab, Jordan, nor "Moody" in
        a Chicago story Moody, Alabama. A small town more than 300 km from the article's
        focus, abroad with no other mention of its country, or at home with none of its
        first-level division, is mostly a local place the gazetteer lacks or no place at
        all (a name the tagger took for one). A town named in the lead (a dateline, the
        headline) is kept: the lead says where the story is. Only published places are
        dropped: given as a place (``resolve``), a span still gets its best guess.
        """
        focus = self.fallback(resolved, votes=True)
        if focus is None:
            return
        gaz = self.gazetteer
        support: dict[int, set[str]] = defaultdict(set)
        in_lead: set[str] = set()
        for m, row, _ in resolved:
            if row is not None:
                support[self._area_key(row)].add(m.key)
                support[self._country_key(row)].add(m.key)
                if m.start < LEAD_CHARS:
                    in_lead.add(m.key)
        for i, (m, row, _) in enumerate(resolved):
            if row is None or not (self._small_town(row) or self._guess(m, row)):
                continue
            abroad = gaz.cc[row] != gaz.cc[focus]
            key = self._country_key(row) if abroad else self._area_key(row)
            if m.key in in_lead or support[key] != {m.key}:
                continue
            km = distance_km(gaz.lat[row], gaz.lon[row], gaz.lat[focus], gaz.lon[focus])
            if km > LONE_TOWN_KM:
                resolved[i] = (m, None, 0.0)

    def drop_far_features(self, resolved: Resolved) -> None:
        """Publish no stream, lake, mountain or island of the extracts far from the story.

        The extracts hold one St. Marys River, Mount Washington or North Island of the
        many that share each name; more than 1,500 km from the article's focus, the one
        they hold is rarely the one meant (a Georgia story's river, a San Diego story's
        naval base), unless the article names another place beside it (a story on
        national parks that names Oregon beside Mount Hood). Seas, gulfs and regions are
        exempt, and so is a feature in an article with no other place (its own focus).
        """
        focus = self.fallback(resolved, votes=True)
        if focus is None:
            return
        gaz = self.gazetteer
        for i, (m, row, _) in enumerate(resolved):
            if row is None or not gaz.small[row] or gaz.feature(row)[1] not in MINOR_FEATURES:
                continue
            km = distance_km(gaz.lat[row], gaz.lon[row], gaz.lat[focus], gaz.lon[focus])
            if km > FAR_FEATURE_KM and not self._named_beside(row, m.key, resolved):
                resolved[i] = (m, None, 0.0)

    def _named_beside(self, row: int, key: str, resolved: Resolved) -> bool:
        """Whether another name of the article is a town or division near ``row``."""
        gaz = self.gazetteer
        lat, lon = float(gaz.lat[row]), float(gaz.lon[row])
        return any(
            other is not None
            and m.key != key
            and gaz.kind[other] in (ADMIN1, ADMIN2, CITY)
            and distance_km(lat, lon, gaz.lat[other], gaz.lon[other]) <= BESIDE_KM
            for m, other, _ in resolved
        )

    def _small_town(self, row: int) -> bool:
        return bool(self.gazetteer.kind[row] == CITY and self.gazetteer.population[row] < BIG_TOWN)

    def _area_key(self, row: int) -> int:
        """A place's first-level division row, or its country's key where that is unknown."""
        area = int(self.ranker.area[row])
        return area if area >= 0 else self._country_key(row)

    def _country_key(self, row: int) -> int:
        """A key for a place's country that no gazetteer row can equal (negative)."""
        return -2 - int(self.gazetteer.cc[row])

    def drop_missions(self, resolved: Resolved) -> None:
        """Place no diplomatic mission in the country it is named after.

        "The British Embassy" in a Tokyo story is in Japan: the name says whose mission
        it is, not where. Unplaced, it is not published; ``resolve`` answers it from the
        place the text puts it in or the article's locality.
        """
        gaz = self.gazetteer
        for i, (m, row, _) in enumerate(resolved):
            if row is None or gaz.kind[row] != COUNTRY:
                continue
            words = m.text.replace("’", "'").split()
            if MISSION_WORDS.isdisjoint(words) and "High Commission" not in m.text:
                continue
            code = gaz.country_code(row)
            if any(_names_country(gaz, w, code) for w in words if w not in MISSION_WORDS):
                resolved[i] = (m, None, 0.0)

    def drop_odd_aliases(self, resolved: Resolved, demonyms: Collection[str] = ()) -> None:
        """Publish no town the mention names only by an unlike alternate name.

        GeoNames lists old, foreign and local names beside each town's own ("Darby"
        for Plain City, Ohio; "Bridge" for Norwalk). A word that matches a town of under
        100,000 only so, and looks nothing like its name, is rarely that town. A big
        city's exonym is kept ("Saigon", "Leningrad", "Calcutta"), and so are its junk
        aliases ("Sam", Damascus's Turkish name). So is a smaller town's exonym where
        the article names the town's country and no town there has the name as its own
        ("Palmyra" in a Syrian story is Tadmur; "Darby" in Ohio stays unplaced).

        Args:
            resolved: the article's resolved mentions (changed in place).
            demonyms: ISO codes of the countries the article's demonyms name.
        """
        gaz = self.gazetteer
        named = set(demonyms) | {
            code for _, row, _ in resolved if row is not None and gaz.kind[row] == COUNTRY
            if (code := gaz.country_code(row))
        }  # fmt: skip
        for i, (m, row, _) in enumerate(resolved):
            if row is None or gaz.kind[row] != CITY:
                continue
            found = gaz.lookup(m.text)  # the ranker's lookup, from the gazetteer's cache
            own = found.rows == row
            if found.level != STRICT or not own.any() or not found.alternate[own].all():
                continue
            like = similarity(normalize(m.text), normalize(gaz.name(row)))
            # an exonym of a big city is meant ("Saigon", "Calcutta", though smaller
            # towns bear that name); a local name of a small one rarely ("Plain City")
            odd = like < ALIAS_LIKENESS and gaz.population[row] < BIG_TOWN
            if odd and not self._exonym(row, found.rows[~found.alternate], named):
                resolved[i] = (m, None, 0.0)

    def _exonym(self, row: int, own: np.ndarray, named: set[str]) -> bool:
        """Whether an alias of ``row`` is its name abroad: its country is named in the
        article and no place there bears the name as its own (``own``: those rows)."""
        gaz = self.gazetteer
        code = gaz.country_code(row)
        return code in named and not bool((gaz.cc[own] == gaz.cc[row]).any())

    def _loose(self, m: Candidate, row: int | None, conf: float) -> bool:
        """Whether an answer is only a guess: a derived name, or a town barely preferred.

        "Franklin" with no state in a Colorado story: the Franklin, Tennessee that wins on
        size at 0.09 is less likely than a place of that name near the story. A town
        with no namesake elsewhere ("Saipan") is no such guess, however low its score.
        """
        if m.derived or (row is not None and self._guess(m, row)):
            return True  # a village or stream of the extracts that nothing supports
        gaz = self.gazetteer
        if row is None or conf >= WEAK_CONFIDENCE or gaz.kind[row] not in _LOCAL:
            return False
        # Geneva, Switzerland shares its name with many US towns, but is no mere guess
        return bool(gaz.population[row] < BIG_TOWN) and self._has_namesake(m, row)

    def _guess(self, m: Candidate, row: int) -> bool:
        """Whether ``row`` is an unsupported small place of the extracts, only a guess.

        A village is: half a million of them share names with surnames and common
        words. A river, range or sound of the extracts is not when no bigger place bears
        its name ("Appalachians", "Orinoco"): the name says what it is, and its distance
        from the story's focus says nothing against it.
        """
        if not m.unsupported(row):
            return False
        if self.gazetteer.kind[row] != FEATURE:
            return True
        return m.contested is not None and bool(m.contested[m.rows == row].any())

    def _has_namesake(self, m: Candidate, row: int) -> bool:
        """Whether another town or county has the same name in another country or division.

        The island a town is named after ("Saipan") or a village of the extracts is no
        such namesake.
        """
        gaz = self.gazetteer
        name, where = gaz.name(row), (gaz.cc[row], gaz.admin1_code(row))
        return any(
            gaz.name(r) == name and (gaz.cc[r], gaz.admin1_code(r)) != where
            for r in m.rows.tolist()
            if r != row and gaz.kind[r] in _LOCAL and not gaz.small[r]
        )

    def stray(self, m: Candidate, row: int, focus: int) -> bool:
        """Whether a loose guess should yield to the article's focus locality.

        "Rogers Centre" in a Toronto story is not in Rogers, Arkansas; a facility named
        after a town is usually where the story is, unless that town is nearby. A place
        named with a country's adjective ("the French Quarter", "the British School")
        is not at the country's centre either: a focus town is the better guess.
        """
        gaz = self.gazetteer
        if gaz.kind[row] == COUNTRY:
            code = gaz.country_code(row)
            words = m.text.split()
            return (
                gaz.kind[focus] == CITY
                and len(words) > 1
                and any(demonym_country(w) == code for w in words)
            )
        local = gaz.kind[row] in _LOCAL or m.unsupported(row)  # an unsupported stream too
        if not local or (gaz.kind[focus] == COUNTRY and gaz.cc[row] == gaz.cc[focus]):
            return False
        km = distance_km(gaz.lat[row], gaz.lon[row], gaz.lat[focus], gaz.lon[focus])
        return km > STRAY_KM

    def _inside(self, row: int, area: int) -> bool:
        """Whether ``row`` lies in the country or first-level division ``area``."""
        gaz, kind = self.gazetteer, self.gazetteer.kind[area]
        if row == area or kind not in (COUNTRY, ADMIN1):
            return False
        if kind == COUNTRY:
            return bool(gaz.cc[row] == gaz.cc[area])
        return bool(self.ranker.area[row] == area)

    def fallback(self, resolved: Resolved, *, votes: bool = False) -> int | None:
        """The article's focus locality, for spans of places the gazetteer lacks.

        A span given as a place but unknown to the gazetteer (a street, a building, a
        river) most likely lies where the article is: its focus city, else division.
        With ``votes`` the mentions vote as for the published focus (the lead weighs
        more); else each weighs its confidence.
        """
        weights: dict[int, float] = defaultdict(float)
        for m, row, conf in resolved:
            if row is not None:
                weights[row] += mention_vote(m.start, conf) if votes else conf
        country, area, city = focus_rows(self.gazetteer, weights)
        return city[0] if city[0] is not None else area[0] if area[0] is not None else country[0]


def _names_country(gazetteer: Gazetteer, word: str, code: str | None) -> bool:
    """Whether a word of a name is the country ``code``: its demonym or its name."""
    word = word.removesuffix("'s")
    if demonym_country(word) == code:
        return True
    row = gazetteer.country_rows.get(code) if code else None
    return row is not None and normalize(gazetteer.name(row)) == normalize(word)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _enclosing(
    text: str, start: int, end: int, found: dict[tuple[int, int], tuple[int, float]]
) -> tuple[int, float] | None:
    """The resolved place a span lies in, as the text says: "X in Y", "X, Y", "Y's X".

    A street, park or building the gazetteer lacks is usually followed by its town or
    preceded by its state in the possessive; that place is a far better guess than the
    article's focus, and than a town that merely shares a word of the name.
    """
    after = _AFTER.match(text, end, min(len(text), end + 12))
    before = _BEFORE.search(text, max(0, start - 4), start)
    for (a, b), value in found.items():
        if after is not None and a == after.end():
            return value
        if before is not None and b == before.start():
            return value
    return None
