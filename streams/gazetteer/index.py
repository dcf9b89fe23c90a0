"""The loaded runtime gazetteer: name lookup, place records and the place prior."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from streams.core.errors import GeowireError
from streams.gazetteer.build import INDEX_VERSION, build_index, key_hash
from streams.gazetteer.normalize import article_key, normalize, skeleton_key
from streams.gazetteer.sources import ADMIN1, COUNTRY, FEATURE_CLASS, REGION, REGION_CLASS

FILE_NAME = f"gazetteer-v{INDEX_VERSION}.pkl"
#: How a name was matched, loosest last.
STRICT, ARTICLE, SKELETON = range(3)
_EMPTY = np.zeros(0, dtype=np.int32)


@dataclass(frozen=True)
class Candidates:
    """Rows a name may refer to, how each matched, and how loosely."""

    rows: np.ndarray
    alternate: np.ndarray
    level: int


#: What a name that matches nothing gives.
NO_CANDIDATES = Candidates(_EMPTY, np.zeros(0, dtype=bool), STRICT)


class _Table:
    """One hash table of the index: sorted key hashes → slices of candidate rows."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self._hashes: np.ndarray = data["hash"]
        self._offset = data["offset"]
        self._cand = data["cand"]

    def get(self, key: str) -> np.ndarray:
        if not key:
            return _EMPTY
        h = np.uint64(key_hash(key))
        i = int(self._hashes.searchsorted(h))
        if i == len(self._hashes) or self._hashes[i] != h:
            return _EMPTY
        result: np.ndarray = self._cand[self._offset[i] : self._offset[i + 1]]
        return result


class Gazetteer:
    """Places of the compiled index, looked up by name; a ``PlaceOracle``."""

    def __init__(self, index: dict[str, Any]) -> None:
        self.gid: np.ndarray = index["gid"]
        self.lat: np.ndarray = index["lat"]
        self.lon: np.ndarray = index["lon"]
        self.population: np.ndarray = index["pop"]
        self.kind: np.ndarray = index["kind"]
        self.cc: np.ndarray = index["cc"]
        self.a1row: np.ndarray = index["a1row"]
        self._fcode = index["fcode"]
        self._fcodes: list[str] = index["fcodes"]
        self._ccs: list[str] = index["ccs"]
        self._a1code = index["a1code"]
        self._a1codes: list[str] = index["a1codes"]
        self._names: list[str] = index["names"].split("\n")
        self._tables = [_Table(index[label]) for label in ("strict", "article", "skeleton")]
        self._cache: dict[str, Candidates] = {}
        self.country_rows = {
            self._ccs[int(self.cc[row])]: int(row) for row in np.flatnonzero(self.kind == COUNTRY)
        }
        self.capital = np.isin(self.fcode_index(), [self._fcodes.index("PPLC")])

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
            if len(packed):
                found = Candidates(packed >> 1, (packed & 1).astype(bool), level)
                break
        if loose and len(self._cache) < 200_000:
            self._cache[name] = found
        return found

    def place_prior(self, name: str) -> float:
        """Return 0..1: how likely ``name`` names a place (``PlaceOracle``).

        Countries, divisions and regions score high; cities by population; names known
        only as alternate spellings of places score lower, transliteration matches
        ("Deir Ezzor") a little lower, vowel-skeleton matches at most 0.3 (0.1 without an
        Arabic article).
        """
        found = self.lookup(name)
        if not len(found.rows):
            return 0.0
        primary = ~found.alternate
        rows = found.rows[primary] if primary.any() else found.rows
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

    def name(self, row: int) -> str:
        """Return the primary name of a row."""
        return self._names[row]

    def country_code(self, row: int) -> str | None:
        """Return the ISO country code of a row (None for continents, seas)."""
        return self._ccs[int(self.cc[row])] or None

    def admin1_code(self, row: int) -> str | None:
        """Return the GeoNames admin1 code of a row ("TX", "07"), if any."""
        return self._a1codes[int(self._a1code[row])] or None

    def feature(self, row: int) -> tuple[str, str]:
        """Return the GeoNames feature class and code of a row."""
        code = self._fcodes[int(self._fcode[row])]
        kind = int(self.kind[row])
        return (REGION_CLASS.get(code, "L") if kind == REGION else FEATURE_CLASS[kind]), code


def default_path() -> Path:
    """Return where the index lives: ``$GEOWIRE_GAZETTEER_PATH`` or the user cache."""
    configured = os.environ.get("GEOWIRE_GAZETTEER_PATH")
    if configured:
        return resolve_path(Path(configured))
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "geowire" / FILE_NAME


def resolve_path(path: Path) -> Path:
    """Map a directory (or a path without suffix) to the versioned file inside it."""
    return path if path.suffix == ".pkl" else path / FILE_NAME


def build_gazetteer(path: Path | None = None) -> Path:
    """Compile the index from the packaged data (``geowire gazetteer build``).

    Args:
        path: file or directory to write; the default location when None.

    Returns:
        The written index file.
    """
    return build_index(resolve_path(path) if path is not None else default_path())


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the compiled index, building it first if it is missing.

    Args:
        path: file or directory of the index; the default location when None.

    Returns:
        The loaded gazetteer.

    Raises:
        GeowireError: if the file is not a gazetteer index of this version.
    """
    target = resolve_path(path) if path is not None else default_path()
    if not target.exists():
        build_gazetteer(target)
    with target.open("rb") as handle:
        index = pickle.load(handle)
    if not isinstance(index, dict) or index.get("version") != INDEX_VERSION:
        message = f"{target} is not a version {INDEX_VERSION} gazetteer index; rebuild it"
        raise GeowireError(message, code="config", stage="geocode")
    return Gazetteer(index)
