"""Compile every place into the versioned on-disk index: a folder of ``.npy`` arrays.

One row per place (point, population, kind, codes, source) and three hash tables
(strict, article-free and skeleton name keys) mapping a 64-bit key hash to a slice of
candidate rows. Names are one UTF-8 blob with offsets. Plain arrays only: loading runs
no code (no pickle), and :func:`~streams.gazetteer.index.load_gazetteer` maps
them into memory, so workers on one host share the pages.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from streams.gazetteer.extracts import ARCHIVE, read_archive
from streams.gazetteer.merge import SOURCES, Rows, collect
from streams.gazetteer.normalize import article_of, key_hash, normalize, skeleton_of
from streams.gazetteer.regions import COUNTRY_ALIASES
from streams.gazetteer.sources import ADMIN1, ADMIN2, CITY, FEATURE, REGION
from streams.lexicon.words import DIRECTIONS

#: Bump when the layout or contents change; the folder name carries it.
INDEX_VERSION = 18
#: Candidates kept per name key, most important first ("Springfield" has ~40).
MAX_CANDIDATES = 64
#: Alternate names that are only a generic word in some language's translation
#: ("West" for Cameroon's Ouest region, "Centre"): never a key.
GENERIC_ALTERNATES = DIRECTIONS | {"coast", "centre", "center", "capital", "city", "region"}
#: Tables of the index, in the order of their loose level.
TABLES = ("strict", "article", "skeleton")


def _codes(values: list[str]) -> tuple[list[str], np.ndarray]:
    table = sorted(set(values))
    lookup = {v: i for i, v in enumerate(table)}
    return table, np.array([lookup[v] for v in values], dtype=np.uint16)


def compile_rows(rows: Rows) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    """Turn the collected rows into the index arrays and its code tables."""
    fcodes, fcode = _codes(rows.fcode)
    fclasses, fclass = _codes(rows.fclass)
    ccs, cc = _codes(rows.cc)
    a1codes, a1code = _codes(rows.admin1)
    kind = np.array(rows.kind, dtype=np.uint8)
    admin1_rows: dict[tuple[str, str], int] = {}
    for row in np.flatnonzero(kind == ADMIN1).tolist():
        admin1_rows.setdefault((rows.cc[row], rows.admin1[row]), row)
    population = np.array(rows.population, dtype=np.int64)
    arrays: dict[str, np.ndarray] = {
        "gid": np.array(rows.gid, dtype=np.int64),
        "lat": np.array(rows.lat, dtype=np.float32),
        "lon": np.array(rows.lon, dtype=np.float32),
        "pop": population,
        "kind": kind,
        "fcode": fcode,
        "fclass": fclass,
        "cc": cc,
        "a1code": a1code,
        "a1row": np.array(
            [admin1_rows.get(key, -1) for key in zip(rows.cc, rows.admin1, strict=True)],
            dtype=np.int32,
        ),
        "extract": np.array(rows.extract, dtype=bool),
        "source": np.array(rows.source, dtype=np.uint8),
    }
    blob = "".join(rows.names).encode("utf-8")
    arrays["names"] = np.frombuffer(blob, dtype=np.uint8)
    lengths = [len(n.encode("utf-8")) for n in rows.names]
    arrays["name_offsets"] = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    importance = np.log10(population + 10.0) + (kind <= ADMIN1) * 3.0 - arrays["extract"]
    for label, table in zip(TABLES, compile_tables(rows, importance), strict=True):
        for part, values in table.items():
            arrays[f"{label}_{part}"] = values
    return arrays, {
        "fcodes": fcodes,
        "fclasses": fclasses,
        "ccs": ccs,
        "a1codes": a1codes,
        "sources": list(SOURCES),
    }


def compile_tables(rows: Rows, importance: np.ndarray) -> list[dict[str, np.ndarray]]:
    """The strict, article-free and skeleton tables, from one pass over the names.

    Names of the places only the extracts hold get no skeleton key: a vowel skeleton
    of half a million small places would match almost any foreign surname; the packaged
    places keep it (transliterations of known towns).
    """
    groups: list[dict[int, dict[int, int]]] = [defaultdict(dict) for _ in TABLES]
    country_names = {normalize(a) for names in COUNTRY_ALIASES.values() for a in names}
    hashed: dict[str, int] = {}
    for row, name, alternate in rows.aliases:
        strict = normalize(name)
        if not strict or (alternate and strict in GENERIC_ALTERNATES):
            continue
        if rows.kind[row] == REGION and strict in country_names:
            continue  # "America" is the United States in English, not GeoNames' Americas
        article = article_of(strict)
        keys = [strict, article]
        if not (rows.extract[row] and rows.kind[row] in (CITY, ADMIN2, FEATURE)):
            keys.append(skeleton_of(article))
        for table, key in zip(groups, keys, strict=False):
            if key:
                h = hashed.get(key)
                if h is None:
                    h = hashed[key] = key_hash(key)
                slot = table[h]
                slot[row] = min(slot.get(row, 1), int(alternate))
    return [_pack(table, importance) for table in groups]


def _pack(groups: dict[int, dict[int, int]], importance: np.ndarray) -> dict[str, np.ndarray]:
    """One hash table: ``{"hash": sorted uint64, "offset": int32, "cand": int32}``.

    ``cand`` holds ``row * 2 + alternate``; each key's candidates are stored primary
    names first, then most important first, at most ``MAX_CANDIDATES``.
    """
    hashes = np.array(sorted(groups), dtype=np.uint64)
    offsets = np.zeros(len(hashes) + 1, dtype=np.int32)
    cands: list[int] = []
    for i, h in enumerate(hashes.tolist()):
        ranked = sorted(groups[h].items(), key=lambda item: (item[1], -importance[item[0]]))
        cands.extend(row * 2 + alternate for row, alternate in ranked[:MAX_CANDIDATES])
        offsets[i + 1] = len(cands)
    return {"hash": hashes, "offset": offsets, "cand": np.array(cands, dtype=np.int32)}


def write_index(
    arrays: dict[str, np.ndarray], tables: dict[str, list[str]], path: Path, *, replace: bool
) -> Path:
    """Write the index folder atomically (build and load may race between workers).

    The arrays go to a temporary sibling folder that is renamed into place. With
    ``replace`` an existing index is moved aside first (workers that map it keep their
    pages); without, a folder a concurrent build put there first is kept.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=".gazetteer-"))
    for name, values in arrays.items():
        np.save(tmp / f"{name}.npy", np.ascontiguousarray(values), allow_pickle=False)
    meta = {"version": INDEX_VERSION, **tables}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    os.chmod(tmp, 0o755)
    if replace and path.exists():
        old = Path(tempfile.mkdtemp(dir=path.parent, prefix=".gazetteer-old-"))
        os.rename(path, old / path.name)
        shutil.rmtree(old, ignore_errors=True)
    try:
        os.rename(tmp, path)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (path / "meta.json").exists():
            raise
    return path


def build_index(path: Path, archive: Path = ARCHIVE, *, replace: bool = False) -> Path:
    """Assemble, compile and write the gazetteer index folder at ``path``.

    Args:
        path: the index folder to write.
        archive: the shipped extracts (see :mod:`streams.gazetteer.extracts`).
        replace: replace an index already there (else a concurrent build's is kept).

    Returns:
        ``path``.
    """
    arrays, tables = compile_rows(collect(read_archive(archive)))
    return write_index(arrays, tables, path, replace=replace)
