"""The loaded runtime gazetteer: name lookup, place records and the place prior."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from streams.core.errors import GeowireError
from streams.gazetteer.build import INDEX_VERSION, TABLES, build_index
from streams.gazetteer.normalize import article_key, key_hash, normalize, skeleton_key
from streams.gazetteer.sources import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, REGION
from streams.lexicon.demonyms import resident_bases

DIR_NAME = f"gazetteer-v{INDEX_VERSION}"
#: How a name was matched, loosest last.
STRICT, ARTICLE, SKELETON = range(3)
_EMPTY = np.zeros(0, dtype=np.int32)


@dataclass(frozen=True)
class Candidates:
    """Rows a name may refer to, how each matched, and how loosely."""

    rows: np.ndarray
    alternate: np.ndarray
    level: int


#: The place prior of a name only villages, streams or airports of the extracts bear:
#: enough after "in al-" (the tagger's threshold there), not for a bare name.
SMALL_PLACE_PRIOR = 0.3
#: The place prior of a feature's own name of several words ("Niger Delta"): a town's.
FEATURE_PRIOR = 0.75
#: What a name that matches nothing gives.
NO_CANDIDATES = Candidates(_EMPTY, np.zeros(0, dtype=bool), STRICT)


class _Table:
    """One hash table of the index: sorted key hashes → slices of candidate rows."""

    def __init__(self, arrays: Mapping[str, np.ndarray], label: str) -> None:
        self._hashes: np.ndarray = arrays[f"{label}_hash"]
        self._offset = arrays[f"{label}_offset"]
        self._cand = arrays[f"{label}_cand"]

    def get(self, key: str) -> np.ndarray:
        if not key:
            return _EMPTY
        h = np.uint64(key_hash(key))
        i = int(self._hashes.searchsorted(h))
        if i == len(self._hashes) or self._hashes[i] != h:
            return _EMPTY
        result: np.ndarray = np.asarray(self._cand[self._offset[i] : self._offset[i + 1]])
        return result


class Gazetteer:
    """Places of the compiled index, looked up by name; a ``PlaceOracle``.

    Args:
        arrays: the index's arrays by name (memory-mapped when loaded from disk).
        tables: its code tables: feature classes and codes, country and admin1 codes.
    """

    def __init__(self, arrays: Mapping[str, np.ndarray], tables: Mapping[str, list[str]]) -> None:
        self.gid: np.ndarray = arrays["gid"]
        self.lat: np.ndarray = arrays["lat"]
        self.lon: np.ndarray = arrays["lon"]
        self.population: np.ndarray = arrays["pop"]
        self.kind: np.ndarray = arrays["kind"]
        self.cc: np.ndarray = arrays["cc"]
        self.a1row: np.ndarray = arrays["a1row"]
        #: True for places only the shipped extracts hold (villages, features, airports).
        self.extract: np.ndarray = arrays["extract"]
        #: Villages, neighbourhoods, counties and features only the extracts hold.
        self.small = self.extract & np.isin(self.kind, [CITY, ADMIN2, FEATURE])
        self._source = arrays["source"]
        self._fcode = arrays["fcode"]
        self._fclass = arrays["fclass"]
        self._fcodes: list[str] = list(tables["fcodes"])
        self._fclasses: list[str] = list(tables["fclasses"])
        self._ccs: list[str] = list(tables["ccs"])
        self._a1code = arrays["a1code"]
        self._a1codes: list[str] = list(tables["a1codes"])
        self._sources: list[str] = list(tables["sources"])
        self._names = arrays["names"]
        self._name_offsets = arrays["name_offsets"]
        self._tables = [_Table(arrays, label) for label in TABLES]
        self._cache: dict[str, Candidates] = {}
        self.country_rows = {
            self._ccs[int(self.cc[row])]: int(row) for row in np.flatnonzero(self.kind == COUNTRY)
        }
        self.capital = np.asarray(self._fcode) == self._fcodes.index("PPLC")

    def __len__(self) -> int:
        return len(self.gid)

    @property
    def country_count(self) -> int:
        """Number of distinct country codes (the range of ``cc``)."""
        return len(self._ccs)

    def fcode_index(self) -> np.ndarray:
        """Return the per-row feature code indices."""
        codes: np.ndarray = self._fcode
        return codes

    def has_fcode(self, codes: Iterable[str]) -> np.ndarray:
        """Per row: whether its feature code is one of ``codes``."""
        wanted = [i for i, code in enumerate(self._fcodes) if code in set(codes)]
        result: np.ndarray = np.isin(np.asarray(self._fcode), wanted)
        return result

    def lookup(self, name: str, *, loose: bool = True) -> Candidates:
        """Return the candidate rows of a name, trying looser keys only on a miss.

        Args:
            name: the name as written in text.
            loose: also try the article-free and skeleton keys.

        Returns:
            The candidates (possibly empty) and the level that matched.
        """
        cached = self._cache.get(name)
        if cached is not None and (loose or cached.level == STRICT):
            return cached
        keyers = (normalize, article_key, skeleton_key) if loose else (normalize,)
        found = NO_CANDIDATES
        for level, keyer in enumerate(keyers):
            packed = self._tables[level].get(keyer(name))
            if not len(packed):
                continue
            here = Candidates(packed >> 1, (packed & 1).astype(bool), level)
            if len(found.rows):
                if level == SKELETON:
                    break  # a sound-alike is no match beside an exact one
                # the strict key found only small places of the extracts: the known
                # town written with an article may be meant ("Qamishli", Al Qamishli)
                known = ~self.small[here.rows]
                rows = np.concatenate([found.rows, here.rows[known]])
                alternate = np.concatenate([found.alternate, here.alternate[known]])
                here = Candidates(rows, alternate, level if known.any() else found.level)
            found = here
            if not self.small[found.rows].all():
                break
        if loose and len(self._cache) < 200_000:
            self._cache[name] = found
        return found

    def place_prior(self, name: str) -> float:
        """Return 0..1: how likely ``name`` names a place (``PlaceOracle``).

        Countries, divisions and regions score high; cities by population; names known
        only as alternate spellings of places score lower, transliteration matches
        ("Deir Ezzor") a little lower, vowel-skeleton matches at most 0.3 (0.1 without an
        Arabic article), names that only small places of the extracts bear 0.3.
        """
        found = self.lookup(name)
        known = ~self.small[found.rows]
        if not known.any():
            if not len(found.rows):
                return 0.0
            # only villages, streams or airports of the extracts bear it: half a million
            # small places share names with surnames and common words ("Sen", "Mr");
            # a feature's whole name of several words is no such accident ("Niger Delta")
            feature = (self.kind[found.rows] == FEATURE) & ~found.alternate
            return FEATURE_PRIOR if feature.any() and " " in name.strip() else SMALL_PLACE_PRIOR
        primary = ~found.alternate[known]
        rows = found.rows[known][primary] if primary.any() else found.rows[known]
        kinds = self.kind[rows]
        if (kinds <= ADMIN1).any() or (kinds == REGION).any():
            prior = 0.95
        else:
            top = int(self.population[rows].max())
            prior = 0.9 if top >= 100_000 else 0.75 if top >= 10_000 else 0.5
        prior = prior if primary.any() else prior * 0.6
        if found.level == SKELETON:
            # vowel skeletons also match surnames ("Khamenei"); trust them only for
            # names written with an Arabic article ("Al-Bokamal")
            return min(prior, 0.3 if article_key(name) != normalize(name) else 0.1)
        return prior * 0.8 if found.level == ARTICLE else prior

    def resident_division(self, name: str) -> int | None:
        """Return the row of the first-level division whose people ``name`` names
        ("Ohioans", "Texan", "Albertans"), or None.

        Only -an and -ian forms, and only a division's own name: "New Yorkers" and
        "Long Islanders" are the people of a city and an island, "Christians" of no
        place. Of namesake divisions the most important is meant (Florida, US, not
        Uruguay's department).
        """
        words = name.split()
        if not words or not words[-1][:1].isupper() or not name.rstrip("s").endswith("an"):
            return None
        last = words[-1].removesuffix("s")
        for base in resident_bases(last):  # "Floridia" is a town; "Florida" the state
            found = self.lookup(" ".join([*words[:-1], base]), loose=False)
            own = found.rows[(self.kind[found.rows] == ADMIN1) & ~found.alternate]
            if len(own):  # most important first
                return int(own[0])
        return None

    def resident_country(self, name: str) -> str | None:
        """Return the country of :meth:`resident_division` (``PlaceOracle``): "Ohioans" US."""
        row = self.resident_division(name)
        return None if row is None else self.country_code(row)

    def name(self, row: int) -> str:
        """Return the primary name of a row."""
        start, end = self._name_offsets[row], self._name_offsets[row + 1]
        return bytes(self._names[start:end]).decode("utf-8")

    def source(self, row: int) -> str:
        """Return where a row's point comes from ("geonames", "naturalearth", "wof"...)."""
        return self._sources[int(self._source[row])]

    def country_code(self, row: int) -> str | None:
        """Return the ISO country code of a row (None for continents, seas)."""
        return self._ccs[int(self.cc[row])] or None

    def admin1_code(self, row: int) -> str | None:
        """Return the GeoNames admin1 code of a row ("TX", "07"), if any."""
        return self._a1codes[int(self._a1code[row])] or None

    def feature(self, row: int) -> tuple[str, str]:
        """Return the GeoNames feature class and code of a row."""
        return self._fclasses[int(self._fclass[row])], self._fcodes[int(self._fcode[row])]


def resolve_path(path: Path) -> Path:
    """Map a parent directory to the versioned index folder inside it."""
    return path if path.name.startswith("gazetteer-v") else path / DIR_NAME


def _build_apart(target: Path) -> None:
    child = multiprocessing.get_context("spawn").Process(target=build_index, args=(target,))
    child.start()
    child.join()
    if child.exitcode != 0:
        message = f"building the gazetteer index at {target} failed (exit {child.exitcode})"
        raise GeowireError(message, code="config", stage="geocode")


def build_gazetteer(path: Path) -> Path:
    """Compile the index from the packaged data (``geowire gazetteer build``).

    Args:
        path: index folder or its parent (``Settings.gazetteer_path``).

    Returns:
        The written index folder.
    """
    return build_index(resolve_path(path), replace=True)


def load_gazetteer(path: Path) -> Gazetteer:
    """Load the compiled index (memory-mapped), building it first if it is missing.

    The build runs in a child process: it needs far more memory than the index, which
    a worker that built it in-process would keep.

    Args:
        path: index folder or its parent (``Settings.gazetteer_path``).

    Returns:
        The loaded gazetteer.

    Raises:
        GeowireError: if the folder is not a gazetteer index of this version.
    """
    target = resolve_path(path)
    if not (target / "meta.json").exists():
        _build_apart(target)
    try:
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
        if meta.get("version") != INDEX_VERSION:
            raise ValueError(meta.get("version"))
        # plain ndarray views of the maps: the same shared pages, without np.memmap's
        # per-index bookkeeping, which a hot loop of small lookups pays for
        arrays = {
            p.stem: np.load(p, mmap_mode="r", allow_pickle=False).view(np.ndarray)
            for p in target.glob("*.npy")
        }
    except (OSError, ValueError) as exc:
        message = f"{target} is not a version {INDEX_VERSION} gazetteer index; rebuild it"
        raise GeowireError(message, code="config", stage="geocode") from exc
    return Gazetteer(arrays, meta)
