"""Every place of the index as columns: the packaged sources, the shipped extracts, the
composite regions.

Packaged places come first (:mod:`streams.gazetteer.assemble`). An extract row with a
packaged place's GeoNames id gives a division its point or another place its extra
names; the rest are places of their own. Each row records where its point comes from
(:data:`SOURCES`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from streams.gazetteer.assemble import all_places
from streams.gazetteer.extracts import SOURCES as EXTRACT_SOURCES
from streams.gazetteer.extracts import Extracts
from streams.gazetteer.normalize import key_hash, normalize
from streams.gazetteer.regions import COMPOSITES, REGION_NAMES, Composite
from streams.gazetteer.sources import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    FEATURE,
    REGION,
    RawPlace,
    feature_class,
    place_kind,
)

#: Where a row's point comes from (``Gazetteer.source``).
#: "typed": GeoNames' country points written by hand (``points.py``), "estimate": the
#: centre of a place's towns, "derived": the mean of sourced points (a composite
#: region's members, the counties of a division that has no label point).
SOURCES = ("geonames", "estimate", "naturalearth", "wof", "derived", "typed", "countryinfo")
_EXTRACT_SOURCE = {"geonames": 0, "naturalearth": 2, "wof": 3}


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
        _centre_on_counties(rows)
    _name_regions(rows)
    for composite in COMPOSITES:
        _add_composite(rows, composite, by_gid)
    return rows


#: A division without a label point is centred on its counties when it has this many.
MIN_COUNTIES = 3


def _centre_on_counties(rows: Rows) -> None:
    """Centre a first-level division that no source gives a point on its counties.

    The centre of its towns leans to where people live (England's towns pull it to
    London's side); the second-level units tile the division, so the mean of their
    Natural Earth or Who's On First label points is nearer its middle. Only units of
    the same country and division code count, and only sourced points, not estimates.
    """
    estimate, sourced = (
        SOURCES.index("estimate"),
        {_EXTRACT_SOURCE[s] for s in ("naturalearth", "wof")},
    )
    counties: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row, kind in enumerate(rows.kind):
        if kind == ADMIN2 and rows.source[row] in sourced and rows.cc[row] and rows.admin1[row]:
            counties.setdefault((rows.cc[row], rows.admin1[row]), []).append(
                (rows.lat[row], rows.lon[row])
            )
    for row, kind in enumerate(rows.kind):
        if kind != ADMIN1 or rows.source[row] != estimate:
            continue
        points = counties.get((rows.cc[row], rows.admin1[row]), [])
        if len(points) >= MIN_COUNTIES:
            rows.lat[row], rows.lon[row] = mean_point(points)
            rows.source[row] = SOURCES.index("derived")


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
    GeoNames') only adds its names; the GeoNames row keeps its point. A river, lake or
    mountain repeats one only within ``SAME_FEATURE_KM`` of it: farther, it is another
    of the name (the Red Rivers of Texas and of Minnesota, Georgia's St. Marys River
    and Michigan's).
    """
    seen: dict[tuple[str, str], list[int]] = {}
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
        repeated = _repeated(rows, seen.get(same, []), kind, ex, i) if not gid else None
        if repeated is not None:
            rows.aliases.extend((repeated, name, True) for name, _ in names)
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
            seen.setdefault(same, []).append(row)


#: Features of one name and code farther apart than this are distinct features.
SAME_FEATURE_KM = 500.0


def _repeated(rows: Rows, earlier: list[int], kind: int, ex: Extracts, i: int) -> int | None:
    """The row an extract row repeats (same name and code), if any: the first region of
    the name, or a feature of the name within ``SAME_FEATURE_KM``."""
    if kind == REGION:
        return earlier[0] if earlier else None
    if kind != FEATURE:
        return None
    lat, lon = float(ex.lat[i]), float(ex.lon[i])
    for row in earlier:
        if _km(lat, lon, rows.lat[row], rows.lon[row]) <= SAME_FEATURE_KM:
            return row
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return float(2 * 6371.0088 * np.arcsin(min(1.0, np.sqrt(a))))


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
    return EXTRACT_SOURCES[int(ex.source[row])]
