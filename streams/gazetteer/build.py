"""Compile every place into the versioned on-disk index: a folder of ``.npy`` arrays.

One row per place (point, population, kind, codes, source) and three hash tables
(strict, article-free and skeleton name keys) mapping a 64-bit key hash to a slice of
candidate rows. Names are one UTF-8 blob with offsets. Plain arrays only: loading runs
no code (no pickle), and :func:`~streams.gazetteer.index.load_gazetteer` maps
them into memory, so workers on one host share the pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from streams.gazetteer.assemble import all_places
from streams.gazetteer.extracts import ARCHIVE, Extracts, read_archive
from streams.gazetteer.normalize import article_of, normalize, skeleton_of
from streams.gazetteer.regions import COMPOSITES, COUNTRY_ALIASES, REGION_NAMES, Composite
from streams.gazetteer.sources import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    FEATURE,
    REGION,
    RawPlace,
    feature_class,
    place_kind,
)
from streams.lexicon.words import DIRECTIONS

#: Bump when the layout or contents change; the folder name carries it.
INDEX_VERSION = 17
#: Candidates kept per name key, most important first ("Springfield" has ~40).
MAX_CANDIDATES = 64
#: Where a row's point comes from (``Gazetteer.source``).
#: "typed": GeoNames' country points written by hand (``points.py``), "estimate": the
#: centre of a place's towns, "derived": the mean of a composite region's members.
SOURCES = ("geonames", "estimate", "naturalearth", "wof", "derived", "typed", "countryinfo")
_EXTRACT_SOURCE = {"geonames": 0, "naturalearth": 2, "wof": 3}
#: Alternate names that are only a generic word in some language's translation
#: ("West" for Cameroon's Ouest region, "Centre"): never a key.
GENERIC_ALTERNATES = DIRECTIONS | {"coast", "centre", "center", "capital", "city", "region"}
#: Tables of the index, in the order of their loose level.
TABLES = ("strict", "article", "skeleton")


def key_hash(key: str) -> int:
    """Return the stable 64-bit hash of a name key (Python's ``hash`` is salted)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


@dataclass
class Rows:
    """Places as columns while they are collected; names as ``(row, name, alternate)``."""

    gid: list[int] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    fcode: list[str] = field(default_factory=list)
    fclass: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    #: 1 for places that only the shipped extracts hold (villages, features...).
    extract: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    aliases: list[tuple[int, str, bool]] = field(default_factory=list)

    def add(self, place: RawPlace, extract: int, source: int) -> int:
        row = len(self.gid)
        self.gid.append(place.geonameid)
        self.lat.append(place.lat)
        self.lon.append(place.lon)
        self.population.append(place.population)
        self.kind.append(place.kind)
        self.fcode.append(place.feature_code)
        self.fclass.append(place.fclass or feature_class(place.kind, place.feature_code))
        self.cc.append(place.country_code)
        self.admin1.append(place.admin1)
        self.extract.append(extract)
        self.source.append(source)
        self.names.append(place.name)
        self.aliases.extend((row, name, alternate) for name, alternate in place.names)
        return row


def collect(extracts: Extracts | None) -> Rows:
    """Every place: the packaged sources first, then what only the extracts hold.

    An extract row with the GeoNames id of a packaged division gives that division its
    point (a Natural Earth or Who's On First label point, instead of an estimate from
    its towns); one with the id of another packaged place adds only the names it lacks.
    """
    rows = Rows()
    by_gid: dict[int, int] = {}
    for place in all_places():
        estimated = place.kind in (ADMIN1, ADMIN2)  # the packaged divisions have no point
        source = SOURCES.index(place.point_source or ("estimate" if estimated else "geonames"))
        row = rows.add(place, 0, source)
        if place.geonameid > 0:
            by_gid.setdefault(place.geonameid, row)
    if extracts is not None:
        _merge(rows, extracts, by_gid)
    _name_regions(rows)
    for composite in COMPOSITES:
        _add_composite(rows, composite, by_gid)
    return rows


def _name_regions(rows: Rows) -> None:
    """Give regions and features the English names news uses for them (``REGION_NAMES``)."""
    for row, kind in enumerate(rows.kind):
        if kind in (REGION, FEATURE) and rows.names[row] in REGION_NAMES:
            rows.aliases.extend((row, alias, False) for alias in REGION_NAMES[rows.names[row]])


def _add_composite(rows: Rows, composite: Composite, by_gid: dict[int, int]) -> None:
    """Add a region defined by its members, at the mean of their points."""
    codes = composite.members.split()
    members = [_member(rows, code, by_gid) for code in codes]
    found = [row for row in members if row is not None]
    if len(found) != len(members):
        missing = [c for c, r in zip(codes, members, strict=True) if r is None]
        raise ValueError(f"{composite.name}: no place for {missing}")
    lat, lon = mean_point([(rows.lat[r], rows.lon[r]) for r in found])
    names = [(composite.name, False), *((alias, False) for alias in composite.aliases)]
    place = RawPlace(
        -(10**12 + key_hash(composite.name) % 10**12), composite.name, lat, lon,
        composite.country_code, "", REGION, "RGN", sum(rows.population[r] for r in found), names,
    )  # fmt: skip
    rows.add(place, 0, SOURCES.index("derived"))


def _member(rows: Rows, code: str, by_gid: dict[int, int]) -> int | None:
    if code.startswith("#"):
        return by_gid.get(int(code[1:]))
    cc, _, admin1 = code.partition(".")
    kind = ADMIN1 if admin1 else COUNTRY
    for row, (k, c, a) in enumerate(zip(rows.kind, rows.cc, rows.admin1, strict=True)):
        if k == kind and c == cc and (not admin1 or a == admin1):
            return row
    return None


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of points on the sphere (through unit vectors: right across 180°)."""
    lat = np.radians([p[0] for p in points])
    lon = np.radians([p[1] for p in points])
    x, y, z = (
        (np.cos(lat) * np.cos(lon)).mean(),
        (np.cos(lat) * np.sin(lon)).mean(),
        np.sin(lat).mean(),
    )
    return float(np.degrees(np.arctan2(z, np.hypot(x, y)))), float(np.degrees(np.arctan2(y, x)))


def _merge(rows: Rows, ex: Extracts, by_gid: dict[int, int]) -> None:
    """Add the extract rows: those with a GeoNames id first, then the rest.

    A row without a GeoNames id that repeats a region or feature already there (the
    same name and feature code: Natural Earth's and Who's On First's Indian Ocean beside
    GeoNames') only adds its names; the GeoNames row keeps its point.
    """
    seen: dict[tuple[str, str], int] = {}
    order = sorted(range(len(ex)), key=lambda i: ex.gid[i] == 0)
    for i in order:
        gid = int(ex.gid[i])
        names = [(name, j > 0) for j, name in enumerate(ex.names[i])]
        known = by_gid.get(gid) if gid else None
        if known is not None:
            _enrich(rows, known, ex, i, names)
            continue
        if not ex.has_point(i):
            continue
        source = _source_name(ex, i)
        kind = place_kind(ex.feature_class[i], ex.feature_code[i], source)
        same = (normalize(ex.names[i][0]), ex.feature_code[i])
        if kind in (REGION, FEATURE) and not gid and same in seen:
            rows.aliases.extend((seen[same], name, True) for name, _ in names)
            continue
        place = RawPlace(
            gid or _own_id(ex, i), ex.names[i][0], float(ex.lat[i]), float(ex.lon[i]),
            ex.country_code[i], ex.admin1[i], kind, ex.feature_code[i], int(ex.population[i]),
            names, fclass=ex.feature_class[i],
        )  # fmt: skip
        row = rows.add(place, 1, _EXTRACT_SOURCE[source])
        if gid:
            by_gid[gid] = row
        if kind in (REGION, FEATURE):
            seen.setdefault(same, row)


def _enrich(rows: Rows, known: int, ex: Extracts, i: int, names: list[tuple[str, bool]]) -> None:
    """What an extract row adds to a packaged place with its GeoNames id.

    A division takes the row's point (a Natural Earth or Who's On First label point,
    instead of an estimate from its towns), not its names: Natural Earth lists regional
    groupings and adjectives among them ("West Midlands" for Birmingham, "Jewish" for
    the Jewish Autonomous Oblast). Other places take the names.
    """
    if rows.kind[known] in (ADMIN1, ADMIN2):
        if ex.has_point(i) and rows.source[known] == 1:
            rows.lat[known], rows.lon[known] = float(ex.lat[i]), float(ex.lon[i])
            rows.source[known] = _EXTRACT_SOURCE[_source_name(ex, i)]
        return
    rows.aliases.extend((known, name, True) for name, _ in names)


def _own_id(ex: Extracts, row: int) -> int:
    """A stable id for a place without a GeoNames id, negative so it is never one.

    Minus its Who's On First id, or (Natural Earth rows carry none) minus 10^12 and a
    hash of its name and point.
    """
    own = ex.source_id[row].split(";")[0]
    if own.isdigit():
        return -int(own)
    text = f"{ex.names[row][0]}|{ex.lat[row]:.5f}|{ex.lon[row]:.5f}"
    return -(10**12 + key_hash(text) % 10**12)


def _source_name(ex: Extracts, row: int) -> str:
    from streams.gazetteer.extracts import SOURCES as EXTRACT_SOURCES

    return EXTRACT_SOURCES[int(ex.source[row])]


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
