"""Context the article's countries give: neighbours of a named country, and exonyms of
towns in it (articles written for these tests, resolved against the real gazetteer)."""

from __future__ import annotations

import pytest

from streams.gazetteer import load_gazetteer
from streams.geocode.geocoder import GazetteerGeocoder
from streams.settings import Settings
from tests.unit.test_geocode import entity, span_of


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))


def resolved_country(geocoder: GazetteerGeocoder, text: str, names: list[str], name: str) -> str:
    places = geocoder.resolve(text, [span_of(text, n) for n in names])
    place = places[names.index(name)]
    assert place is not None
    return place.country_code or ""


def test_countries_named_lend_context_to_a_town_of_their_neighbour(
    geocoder: GazetteerGeocoder,
) -> None:
    # Mozambique's Gaza province outweighs Gaza City by its name alone; Israel, Egypt
    # and Jordan all border the Palestinian territories, none of them Mozambique
    text = (
        "Envoys from Israel and Egypt met on Tuesday to discuss a truce in Gaza, while "
        "Jordan held aid lorries at its border crossing for a third day."
    )
    names = ["Israel", "Egypt", "Gaza", "Jordan"]
    assert resolved_country(geocoder, text, names, "Gaza") == "PS"
    published = [
        p.country_code for p in geocoder.geocode(text, [entity(text, n) for n in names]).places
    ]
    assert "MZ" not in published


def test_a_namesake_beside_its_own_neighbours_keeps_its_country(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Floods in Gaza province cut the road from Maputo, and Zimbabwe sent boats."
    names = ["Gaza", "Maputo", "Zimbabwe"]
    assert resolved_country(geocoder, text, names, "Gaza") == "MZ"


def test_an_exonym_is_published_where_the_article_names_the_country(
    geocoder: GazetteerGeocoder,
) -> None:
    # GeoNames calls the Syrian town Tadmur; "Palmyra" is only its alternate name
    text = "Looters damaged the old theatre at Palmyra, a Syrian ministry said on Monday."
    entities = [entity(text, "Palmyra"), entity(text, "Syrian", "NORP")]
    places = geocoder.geocode(text, entities).places
    assert ("Tadmur", "SY") in [(p.name, p.country_code) for p in places]


def test_an_exonym_abroad_is_not_published_without_its_country(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Looters damaged the old theatre at Palmyra, a museum in Lyon said on Monday."
    entities = [entity(text, "Palmyra"), entity(text, "Lyon")]
    places = geocoder.geocode(text, entities).places
    assert "SY" not in [p.country_code for p in places]
