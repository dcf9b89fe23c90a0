"""Choose one place per mention from its candidates, using the whole article as context.

A candidate's score (log-population units) is a fixed part — prior (population, kind,
capital), penalties for alternate-name or loose matches, a bonus from a "City, State"
qualifier — plus article context, re-estimated a few times from the current choices:

* the share of the other mentions whose choice lies in the candidate's country, and in
  its first-level division (local news names its state once and its towns often);
* proximity: how many other mentions have a likely candidate within ~100 km.

Mentions with the same name (and qualifier) form one group and share one sense.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from streams.gazetteer.index import Gazetteer
from streams.gazetteer.normalize import normalize
from streams.gazetteer.sources import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    FEATURE,
    MINOR_FEATURES,
    read_neighbours,
)
from streams.geocode.candidates import Names
from streams.geocode.context import DocContext


@dataclass(frozen=True)
class Weights:
    """Tunable weights of the ranking (tuned on the benchmarks' first 70%)."""

    country: float = 2.5
    admin1: float = 0.5
    admin2: float = -0.5
    region: float = 3.0
    capital: float = 1.5
    alternate: float = 1.5
    shadowed: float = 1.5
    article_match: float = 0.5
    skeleton_match: float = 2.0
    partial: float = 1.0
    namesake: float = 1.5
    qualifier: float = 8.0
    context_country: float = 4.0
    context_admin1: float = 4.0
    #: Countries named in the article lend this much of their weight to the places of
    #: the countries bordering them ("Gaza" beside Israel and Egypt is Palestinian).
    context_neighbour: float = 2.0
    proximity: float = 3.0
    proximity_km: float = 50.0
    temperature: float = 1.0
    #: Share of the previous beliefs kept in each context update: without it, two
    #: mentions can swap readings every round ("Adelaide" and "SA" each following the
    #: other's last guess), and the last round decides.
    damping: float = 0.5
    iterations: int = 5
    list_kind: float = 3.0
    #: A river, lake or mountain without its feature word scores as a town of 10,000.
    feature: float = 3.0
    #: Penalty of a small place of the extracts that the article does not support when
    #: a bigger place bears the name; support is a named country or first-level
    #: division, or a place chosen within ``support_km``.
    gate: float = 6.0
    support_km: float = 100.0


_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3})")
_POSTAL = re.compile(r"^[A-Z]{2}$")
#: "A, B and C" and "A, B, C": B is the next item of a list, not A's state.
_LIST_NEXT = re.compile(r",?\s+(?:and|or|&)\s")
_LIST_BEFORE = re.compile(r"[A-Z][\w.'’-]*,\s*$")
#: The whole gap between two items of a list of places: ", ", " and ", ", or ", " & ".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+|&\s*)?|\s+(?:and|or|&)\s+)")
#: Kinds that list items agree on, by gazetteer kind (COUNTRY, ADMIN1, ADMIN2, CITY, REGION).
KIND_NAMES = ("local", "division", "country", "region")
_KIND_CLASS = np.array([2, 1, 0, 0, 3, 3])


@dataclass
class Mention:
    """One mention to resolve: its span, candidates and per-candidate fixed score."""

    start: int
    end: int
    text: str
    rows: np.ndarray
    fixed: np.ndarray
    key: str
    context_only: bool = False
    scores: np.ndarray | None = None
    #: Candidates come from a resident name, a place inside a longer name or a vowel
    #: skeleton: a guess that yields to the place the text puts the span in.
    derived: bool = False
    #: Per candidate: a small place of the extracts, taken only where the article
    #: supports it (see ``DocContext``).
    gated: np.ndarray | None = None
    #: Per candidate, after ranking: how much the article supports it (0..1).
    support: np.ndarray | None = None
    #: Per candidate, after ranking: a small place of the extracts whose name a bigger
    #: place also bears (only these pay for a lack of support).
    contested: np.ndarray | None = None

    def unsupported(self, row: int) -> bool:
        """Whether ``row`` is a small place of the extracts that nothing else supports."""
        if self.gated is None or self.support is None or not self.gated.any():
            return False
        at = self.rows == row
        return bool((self.gated[at] & (self.support[at] < SUPPORTED)).any())


#: Support (0..1) from which a small place of the extracts counts as supported.
SUPPORTED = 0.5


class Ranker:
    """Resolves the mentions of one article against a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gaz = gazetteer
        self.w = weights or Weights()
        self.area = np.where(gazetteer.kind == ADMIN1, np.arange(len(gazetteer)), gazetteer.a1row)
        self.area = np.where(np.isin(gazetteer.kind, [CITY, ADMIN1, ADMIN2]), self.area, -1)
        #: Places that other places named nearby make likelier: towns, counties, and
        #: streams, lakes, peaks and islands (of which many share a name).
        self.located = np.isin(gazetteer.kind, [CITY, ADMIN2]) | (
            (gazetteer.kind == FEATURE) & gazetteer.has_fcode(MINOR_FEATURES)
        )
        self.neighbours = neighbour_matrix(gazetteer)
        self.names = Names(gazetteer, self.w, self.area)
        self.variants = self.names.variants
        self.prior = self.names.prior
        us_states = np.flatnonzero(gazetteer.kind == ADMIN1)
        self._postal = {
            code: int(row)
            for row in us_states
            if gazetteer.country_code(int(row)) == "US"
            and (code := gazetteer.admin1_code(int(row)))
        }

    def mention(self, text: str, start: int, end: int, *, context_only: bool = False) -> Mention:
        """Look up one span and score what does not depend on the rest of the article."""
        surface = text[start:end]
        combined = self.variants.combining(surface, text[end : end + 20])
        if combined is not None:  # "Austro" before "-Hungarian"
            rows = np.array([combined], dtype=np.int32)
            return Mention(start, end, surface, rows, self.prior[rows], str(combined), context_only)
        found = self.names.candidates(surface)
        if found.fixed_key is not None:  # an adjective or landmark: one sense, no qualifier
            return Mention(
                start, end, surface, found.rows, found.fixed, found.fixed_key, context_only
            )
        rows, fixed = found.rows, found.fixed
        in_list = _LIST_BEFORE.search(text, max(0, start - 30), start) is not None
        qualifier: tuple[int, ...] = () if in_list else self._qualifier(text, end)
        if qualifier and len(rows):
            fixed = fixed + self._qualifier_bonus(rows, qualifier)
        key = normalize(surface) + ("|" + ",".join(map(str, qualifier)) if qualifier else "")
        return Mention(
            start, end, surface, rows, fixed, key, context_only, derived=found.derived,
            gated=found.gated,
        )  # fmt: skip

    def _qualifier(self, text: str, end: int) -> tuple[int, ...]:
        """Rows of the country or state named right after ", " (``Paris, Texas``)."""
        match = _QUALIFIER.match(text, end, min(len(text), end + 60))
        if not match:
            return ()
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).rstrip(",")
            if _POSTAL.match(phrase) and phrase in self._postal:
                return (self._postal[phrase],)
            found = self.gaz.lookup(phrase, loose=False)
            rows = [int(r) for r in found.rows if self.gaz.kind[r] in (COUNTRY, ADMIN1)]
            if rows:
                after = match.start(1) + len(phrase)
                return () if _LIST_NEXT.match(text, after, after + 6) else tuple(rows)
        return ()

    def _qualifier_bonus(self, rows: np.ndarray, qualifier: tuple[int, ...]) -> np.ndarray:
        gaz = self.gaz
        inside = np.zeros(len(rows), dtype=bool)
        for q in qualifier:
            inside |= (
                (gaz.cc[rows] == gaz.cc[q]) if gaz.kind[q] == COUNTRY else (self.area[rows] == q)
            )
        result: np.ndarray = np.where(inside, self.w.qualifier, -self.w.qualifier / 2)
        return result

    def share_senses(self, mentions: Sequence[Mention]) -> None:
        """A bare name takes the sense of the same name qualified elsewhere in the article."""
        qualified = {m.key.split("|")[0]: m for m in mentions if "|" in m.key and len(m.rows)}
        for m in mentions:
            source = qualified.get(m.key)
            if source is not None:
                m.rows, m.fixed, m.key = source.rows, source.fixed, source.key

    def rank(
        self, mentions: Sequence[Mention], countries: Mapping[str, float], text: str = ""
    ) -> None:
        """Score every mention's candidates in place, iterating the article context.

        Args:
            mentions: the article's mentions (candidates already looked up).
            countries: extra country evidence (e.g. demonyms) by ISO code, in mentions.
            text: the article, to find lists of places ("Washington, New York and Boston").
        """
        by_key: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            if len(m.rows):
                by_key[m.key].append(m)
        groups = list(by_key.values())
        if not groups:
            return
        fixed = self._list_bonus(text, mentions)
        doc = DocContext(
            self.gaz,
            self.area,
            [(g[0].rows, _group_fixed(g, fixed), len(g), _gated(g[0])) for g in groups],
            countries,
            self.w,
            self.located,
            self.neighbours,
        )
        for _ in range(self.w.iterations):
            doc.update()
        supports = np.split(doc.support, doc.starts[1:])
        contested = np.split(doc.gated, doc.starts[1:])
        for group, scores, support, bigger in zip(
            groups, doc.group_scores(), supports, contested, strict=True
        ):
            for m in group:
                m.scores, m.support, m.contested = scores, support, bigger

    def _list_bonus(self, text: str, mentions: Sequence[Mention]) -> dict[int, np.ndarray]:
        """Fixed scores of list items, moved towards the kind of the other items.

        Items of one list ("A, B and C", "A or B") are places of one kind: "New York"
        among Washington and Boston is the city, "Washington" after "California or" the
        state. Each candidate gains ``list_kind`` times the mean probability (from the
        other items' fixed scores) that another item is of its kind: local (towns and
        counties), first-level division, country or region. A comma-only chain is an
        address ("Matias Romero, Oaxaca, Mexico"), not a list.

        Returns:
            New fixed scores by ``id`` of the mention, for list items with mixed kinds.
        """
        out: dict[int, np.ndarray] = {}
        for items in self._lists(text, mentions):
            kinds = [_KIND_CLASS[self.gaz.kind[m.rows]] for m in items]
            probs = [_kind_distribution(k, m.fixed) for k, m in zip(kinds, items, strict=True)]
            total = np.sum(probs, axis=0)
            for m, k, p in zip(items, kinds, probs, strict=True):
                if len(set(k.tolist())) > 1:
                    others = (total - p) / (len(items) - 1)
                    out[id(m)] = m.fixed + self.w.list_kind * others[k]
        return out

    @staticmethod
    def _lists(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
        """Runs of mentions joined by list gaps, with at least one "and"/"or"/"&"."""
        order = sorted((m for m in mentions if len(m.rows)), key=lambda m: m.start)
        runs: list[list[Mention]] = []
        joined: list[bool] = []
        for prev, m in zip([None, *order], order, strict=False):
            gap = None if prev is None or "|" in prev.key else text[prev.end : m.start]
            if gap is not None and _LIST_GAP.fullmatch(gap):
                runs[-1].append(m)
                joined[-1] = joined[-1] or gap.strip(" ,") != ""
            else:
                runs.append([m])
                joined.append(False)
        return [run for run, conj in zip(runs, joined, strict=True) if conj]


def neighbour_matrix(gazetteer: Gazetteer) -> np.ndarray:
    """A (countries x countries) 0/1 matrix of land borders, by the index's country keys."""
    n = gazetteer.country_count
    matrix = np.zeros((n, n))
    key = {code: int(gazetteer.cc[row]) for code, row in gazetteer.country_rows.items()}
    for code, others in read_neighbours().items():
        for other in others:
            if code in key and other in key:
                matrix[key[code], key[other]] = matrix[key[other], key[code]] = 1.0
    return matrix


def _kind_distribution(kinds: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """Probability of each kind class under a softmax of the fixed scores."""
    p = np.exp(fixed - fixed.max())
    result: np.ndarray = np.bincount(kinds, p, minlength=len(KIND_NAMES)) / p.sum()
    return result


def _gated(m: Mention) -> np.ndarray:
    return m.gated if m.gated is not None else np.zeros(len(m.rows), dtype=bool)


def _group_fixed(group: Sequence[Mention], adjusted: Mapping[int, np.ndarray]) -> np.ndarray:
    """A group's fixed scores: a list item's adjusted ones if any mention is one."""
    return next((adjusted[id(m)] for m in group if id(m) in adjusted), group[0].fixed)


#: Score (log-population units, context included) at which a lone reading is a coin flip.
PLAUSIBLE_SCORE = 5.0


def confidence(scores: np.ndarray) -> float:
    """Confidence in the best candidate, 0..1.

    The softmax share of the best candidate says how sure the choice among candidates
    is; a logistic of its absolute score says whether the name is a place at all (a
    hamlet that only matched an alternate spelling is not much evidence).
    """
    if len(scores) == 0:
        return 0.0
    best = float(scores.max())
    share = 1.0 / float(np.exp(scores - best).sum())
    plausible = 1.0 / (1.0 + float(np.exp(PLAUSIBLE_SCORE - best)))
    return share * plausible
