"""Compile the assembled places into the compact, versioned on-disk index.

The index is a pickle of numpy arrays: one row per place, and three hash tables
(strict, article-free and skeleton name keys) mapping a 64-bit key hash to a slice of
candidate rows. No per-name Python objects are kept, so it loads in well under a second
and costs a few tens of megabytes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from streams.gazetteer.assemble import all_places
from streams.gazetteer.normalize import article_key, normalize, skeleton_key
from streams.gazetteer.sources import ADMIN1, RawPlace

#: Bump when the file layout or its contents change; the file name carries it.
INDEX_VERSION = 16
#: Candidates kept per name key, most important first ("Springfield" has ~40).
MAX_CANDIDATES = 64


def key_hash(key: str) -> int:
    """Return the stable 64-bit hash of a name key (Python's ``hash`` is salted)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def compile_table(
    places: list[RawPlace], keyer: Callable[[str], str], importance: np.ndarray
) -> dict[str, np.ndarray]:
    """Build one hash table from every name of every place.

    Args:
        places: the assembled places, row order.
        keyer: the normalisation producing the table's keys.
        importance: per-row sort weight; candidates are stored most important first.

    Returns:
        ``{"hash": sorted uint64, "offset": int32 (len+1), "cand": int32 row*2+alternate}``
    """
    groups: dict[int, dict[int, int]] = defaultdict(dict)
    for row, place in enumerate(places):
        for name, alternate in place.names:
            key = keyer(name)
            if key:
                slot = groups[key_hash(key)]
                slot[row] = min(slot.get(row, 1), int(alternate))
    hashes = np.array(sorted(groups), dtype=np.uint64)
    offsets = np.zeros(len(hashes) + 1, dtype=np.int32)
    cands: list[int] = []
    for i, h in enumerate(hashes.tolist()):
        rows = sorted(groups[h].items(), key=lambda item: (item[1], -importance[item[0]]))
        cands.extend(row * 2 + alternate for row, alternate in rows[:MAX_CANDIDATES])
        offsets[i + 1] = len(cands)
    return {"hash": hashes, "offset": offsets, "cand": np.array(cands, dtype=np.int32)}


def compile_places(places: list[RawPlace]) -> dict[str, Any]:
    """Turn the places into the index dictionary that :class:`Gazetteer` loads."""
    codes = sorted({p.feature_code for p in places})
    ccs = sorted({p.country_code for p in places})
    admin1_codes = sorted({p.admin1 for p in places})
    admin1_rows = {(p.country_code, p.admin1): i for i, p in enumerate(places) if p.kind == ADMIN1}
    population = np.array([p.population for p in places], dtype=np.int64)
    kind = np.array([p.kind for p in places], dtype=np.uint8)
    importance = np.log10(population + 10.0) + (kind <= ADMIN1) * 3.0
    index: dict[str, Any] = {
        "version": INDEX_VERSION,
        "gid": np.array([p.geonameid for p in places], dtype=np.int64),
        "lat": np.array([p.lat for p in places], dtype=np.float32),
        "lon": np.array([p.lon for p in places], dtype=np.float32),
        "pop": population,
        "kind": kind,
        "fcode": np.array([codes.index(p.feature_code) for p in places], dtype=np.uint8),
        "fcodes": codes,
        "cc": np.array([ccs.index(p.country_code) for p in places], dtype=np.uint16),
        "ccs": ccs,
        "a1code": np.array([admin1_codes.index(p.admin1) for p in places], dtype=np.uint16),
        "a1codes": admin1_codes,
        "a1row": np.array(
            [admin1_rows.get((p.country_code, p.admin1), -1) for p in places], dtype=np.int32
        ),
        "names": "\n".join(p.name for p in places),
    }
    for label, keyer in (
        ("strict", normalize),
        ("article", article_key),
        ("skeleton", skeleton_key),
    ):
        index[label] = compile_table(places, keyer, importance)
    return index


def write_index(index: dict[str, Any], path: Path) -> Path:
    """Write the index atomically (build and load may race between workers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path


def build_index(path: Path) -> Path:
    """Assemble, compile and write the gazetteer index to ``path``.

    Args:
        path: the index file to write.

    Returns:
        ``path``.
    """
    return write_index(compile_places(all_places()), path)
