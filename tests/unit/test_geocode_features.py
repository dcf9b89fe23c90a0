"""Natural features named with their feature word, and the small places of the extracts."""

from __future__ import annotations

import pytest

from streams.gazetteer import load_gazetteer
from streams.geocode.geocoder import GazetteerGeocoder
from streams.settings import Settings
from tests.unit.test_geocode import entity, span_of


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))


def resolved(
    geocoder: GazetteerGeocoder, text: str, *names: str
) -> list[tuple[str, str | None, str]]:
    places = geocoder.resolve(text, [span_of(text, name) for name in names])
    return [(p.name, p.country_code, p.feature_code) if p else ("-", None, "-") for p in places]


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Fishermen on Lake Chad report a smaller catch each year.", "Lake Chad", "LK"),
        ("A tanker was boarded in the Gulf of Aden on Monday.", "Gulf of Aden", "GULF"),
        ("Ferries to Vancouver Island were cancelled.", "Vancouver Island", "ISL"),
        ("Snow closed passes in the Ural Mountains.", "Ural Mountains", "MTS"),
        ("Pelicans return to the Danube Delta in spring.", "Danube Delta", "DLTA"),
        ("A freighter sank in Lake Ontario overnight.", "Lake Ontario", "LK"),
    ],
)
def test_a_feature_word_names_the_feature_not_its_namesake(
    geocoder: GazetteerGeocoder, text: str, name: str, feature: str
) -> None:
    ((found, country, code),) = resolved(geocoder, text, name)
    assert (found, country, code) == (name, None, feature)
    entities = [entity(text, name, "LOC")]
    published = geocoder.geocode(text, entities).places
    assert [(p.name, p.feature_code) for p in published] == [(name, feature)]


def test_an_unknown_feature_is_left_unplaced(geocoder: GazetteerGeocoder) -> None:
    # no source lists a Halden River; Halden, Norway must not stand in for it
    text = "Volunteers cleaned the banks of the Halden River near Oslo on Saturday."
    entities = [entity(text, "Halden River", "LOC"), entity(text, "Oslo")]
    names = [p.name for p in geocoder.geocode(text, entities).places]
    assert names == ["Oslo"]


def test_a_village_is_taken_where_the_article_names_its_country(
    geocoder: GazetteerGeocoder,
) -> None:
    # a village of the Ukrainian extracts shares its name with a Russian town
    text = "Shelling hit Zvenigorod overnight, the Ukraine army said."
    assert resolved(geocoder, text, "Zvenigorod", "Ukraine")[0][1] == "UA"


def test_a_village_without_support_yields_to_a_bigger_namesake(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Tourists visited Zvenigorod and its monastery on Sunday."
    assert resolved(geocoder, text, "Zvenigorod")[0][1] == "RU"


def test_a_village_no_bigger_place_names_is_taken(geocoder: GazetteerGeocoder) -> None:
    text = "Troops entered Robotyne after weeks of fighting."
    entities = [entity(text, "Robotyne")]
    places = geocoder.geocode(text, entities).places
    assert [(p.name, p.country_code) for p in places] == [("Robotyne", "UA")]
    assert places[0].geonameid != 0


def test_a_facility_named_after_a_big_city_is_the_city(geocoder: GazetteerGeocoder) -> None:
    # the extracts list the airport, but news means the city by such a name
    text = "The convoy reached Baghdad International Airport before dawn."
    assert resolved(geocoder, text, "Baghdad International Airport")[0][:2] == ("Baghdad", "IQ")


def test_a_feature_far_from_the_story_is_not_published(geocoder: GazetteerGeocoder) -> None:
    # the extracts hold the St. Marys River between Michigan and Ontario, not Georgia's
    text = "Kayakers paddled the St. Marys River near Folkston, Georgia, on Saturday."
    entities = [
        entity(text, "St. Marys River", "LOC"),
        entity(text, "Folkston"),
        entity(text, "Georgia"),
    ]
    names = [p.name for p in geocoder.geocode(text, entities).places]
    assert "St. Marys River" not in names and "Folkston" in names


def test_america_is_the_united_states(geocoder: GazetteerGeocoder) -> None:
    # GeoNames' region of the Americas bears the name too; English means the country
    text = "Exports to America rose in May."
    assert resolved(geocoder, text, "America")[0][:2] == ("United States", "US")


def test_a_feature_no_bigger_place_names_is_no_guess(geocoder: GazetteerGeocoder) -> None:
    # 300 km from the story's city, the river is still the river, not the city
    text = "The Caracas firm will drill for oil near the Orinoco next year."
    found = resolved(geocoder, text, "Caracas", "Orinoco")
    assert found[1] == ("Orinoco", None, "STM")


def test_a_hamlet_alias_does_not_make_a_desert_wait(geocoder: GazetteerGeocoder) -> None:
    # a Yemeni hamlet lists "Sahara" among its names; it is no bigger place
    text = "Dust from the Sahara turned the sky over Madrid orange."
    entities = [entity(text, "Sahara", "LOC"), entity(text, "Madrid")]
    assert resolved(geocoder, text, "Sahara", "Madrid")[0] == ("Sahara", None, "DSRT")
    names = [p.name for p in geocoder.geocode(text, entities).places]
    assert names == ["Sahara", "Madrid"]


def test_a_far_feature_is_a_guess_when_resolved_too(geocoder: GazetteerGeocoder) -> None:
    # gold spans: Michigan's lake-like St. Marys River is not given for a Georgia story
    text = "Kayakers paddled the St. Marys River near Folkston, Georgia, on Saturday."
    spans = [span_of(text, name) for name in ("St. Marys River", "Folkston", "Georgia")]
    river = geocoder.resolve(text, spans)[0]
    assert river is not None and river.lat < 35.0  # Georgia's own river, or Folkston


def test_a_far_feature_stays_when_the_article_names_its_state(
    geocoder: GazetteerGeocoder,
) -> None:
    text = (
        "CHARLESTON, W.Va. -- The bill protects land in West Virginia, around Mount "
        "Hood in Oregon and near Charleston."
    )
    names = ["CHARLESTON", "W.Va.", "West Virginia", "Mount Hood", "Oregon", "Charleston"]
    assert resolved(geocoder, text, *names)[3] == ("Mt. Hood", None, "MT")
    entities = [entity(text, n, "LOC" if n == "Mount Hood" else "GPE") for n in names]
    published = [p.name for p in geocoder.geocode(text, entities).places]
    assert "Mt. Hood" in published


@pytest.mark.parametrize(
    ("text", "town", "north"),
    [
        ("The Red River will crest at 40 feet in Fargo on Friday.", "Fargo", True),
        ("The Red River rose again north of Denison, Texas.", "Denison", False),
    ],
)
def test_namesake_rivers_are_told_apart_by_the_towns_beside_them(
    geocoder: GazetteerGeocoder, text: str, town: str, north: bool
) -> None:
    # Natural Earth has a Red River in Minnesota and one on the Texas line: both are kept
    span = span_of(text, "Red River")
    place = geocoder.resolve(text, [span, span_of(text, town)])[0]
    assert place is not None and place.feature_code == "STM"
    assert (place.lat > 42.0) is north
