"""Names the gazetteer does not list as written: divisions with their generic word,
bloc and region adjectives, seats of government."""

from __future__ import annotations

import pytest

from schemas.models import Entity
from streams.gazetteer import load_gazetteer
from streams.geocode.geocoder import GazetteerGeocoder
from streams.settings import Settings
from tests.unit.test_geocode import entity, span_of


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))


def published(geocoder: GazetteerGeocoder, text: str, entities: list[Entity]) -> list:
    """Each published place's name with the texts of its mentions, in order."""
    places = geocoder.geocode(text, entities).places
    return [(p.name, [m.text for m in p.mentions]) for p in places]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Sokoto State", "NG"), ("Oaxaca State", "MX"), ("Hubei Province", "CN")],
)
def test_a_division_named_with_its_generic_word_is_the_division(
    geocoder: GazetteerGeocoder, name: str, country: str
) -> None:
    # the city of the same name is bigger and far from where this story is set, but the
    # word "State" (or "Province") says which is meant
    text = f"The clinic in Lagos will share its records with the governor of {name} this week."
    _, place = geocoder.resolve(text, [span_of(text, "Lagos"), span_of(text, name)])
    assert place is not None
    assert (place.feature_code, place.country_code) == ("ADM1", country)
    assert place.confidence > 0.5


def test_western_before_a_word_for_states_names_no_place(geocoder: GazetteerGeocoder) -> None:
    # no source lists a "Western world"; a region in Ghana is still the region
    text = (
        "Ghana's cocoa farmers in the Western region held a meeting. In Accra, the minister "
        "said Western countries had not kept their word."
    )
    entities = [
        entity(text, "Western"),
        entity(text, "Accra"),
        entity(text, "Western", "NORP", 1),
    ]
    region, *_ = geocoder.resolve(text, [span_of(text, "Western"), span_of(text, "Accra")])
    assert region is not None and (region.country_code, region.feature_code) == ("GH", "ADM1")
    names = [name for name, _ in published(geocoder, text, entities)]
    assert "Western world" not in names and names[-1] == "Accra"


def test_a_bloc_adjective_or_combining_form_tagged_norp_names_no_place(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Western diplomats left Moscow. Anglo-American settlers reached Ohio."
    entities = [
        entity(text, "Western", "NORP"),
        entity(text, "Moscow"),
        entity(text, "Anglo", "NORP"),
        entity(text, "Ohio"),
    ]
    assert published(geocoder, text, entities) == [("Moscow", ["Moscow"]), ("Ohio", ["Ohio"])]


def test_residents_of_a_state_or_province_are_a_mention_of_it(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Iowans and Manitobans shared the stage. Long Islanders and New Yorkers watched."
    entities = [
        entity(text, word, "NORP")
        for word in ("Iowans", "Manitobans", "Long Islanders", "New Yorkers")
    ]
    places = geocoder.geocode(text, entities).places
    # people of an island or a city are not those of the division sharing its name
    assert [(p.name, p.feature_code, [m.text for m in p.mentions]) for p in places] == [
        ("Iowa", "ADM1", ["Iowans"]),
        ("Manitoba", "ADM1", ["Manitobans"]),
    ]


def test_the_people_of_a_division_tagged_with_its_country_are_still_its_mention(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "Floridians and Texans cheered, and Georgians in Tbilisi marched."
    entities = [
        entity(text, "Floridians", "NORP").model_copy(update={"country_code": "US"}),
        entity(text, "Texans", "NORP").model_copy(update={"country_code": "US"}),
        entity(text, "Georgians", "NORP").model_copy(update={"country_code": "GE"}),
        entity(text, "Tbilisi"),
    ]
    places = geocoder.geocode(text, entities).places
    # "Georgians" is a demonym first: the people of the country, not of the state
    assert [(p.name, [m.text for m in p.mentions]) for p in places] == [
        ("Florida", ["Floridians"]),
        ("Texas", ["Texans"]),
        ("Georgia", ["Georgians"]),
        ("Tbilisi", ["Tbilisi"]),
    ]
    assert [p.country_code for p in places] == ["US", "US", "GE", "GE"]


def test_the_gazetteer_names_the_country_of_a_division_s_people(
    geocoder: GazetteerGeocoder,
) -> None:
    gaz = geocoder.gazetteer
    found = {w: gaz.resident_country(w) for w in ("Floridians", "Albertans", "Texan")}
    assert found == {"Floridians": "US", "Albertans": "CA", "Texan": "US"}
    for word in ("Christians", "New Yorkers", "Long Islanders", "Lutherans", "ohioans"):
        assert gaz.resident_country(word) is None, word


def test_a_street_is_never_a_vowel_skeleton_of_a_state(geocoder: GazetteerGeocoder) -> None:
    # "Main St." and "Minnesota" share the skeleton "mnst"
    text = "The bakery on Main St. in Duluth reopened on Friday."
    street, city = geocoder.resolve(text, [span_of(text, "Main St."), span_of(text, "Duluth")])
    assert city is not None and city.name == "Duluth"
    assert street is None or street.name != "Minnesota"
    places = geocoder.geocode(
        text, [entity(text, "Main St.", "FAC"), entity(text, "Duluth")]
    ).places
    assert [p.name for p in places] == ["Duluth"]


def test_a_small_town_named_only_by_an_unlike_alias_is_not_published(
    geocoder: GazetteerGeocoder,
) -> None:
    # GeoNames gives Plain City, Ohio the alternate name "Darby"; Saigon is an exonym
    text = "Darby won the Columbus, Ohio, final. Veterans of Saigon and D.C. watched."
    entities = [entity(text, w) for w in ("Darby", "Columbus", "Ohio", "Saigon", "D.C.")]
    names = [p.name for p in geocoder.geocode(text, entities).places]
    assert names == ["Columbus", "Ohio", "Ho Chi Minh City", "Washington"]


def test_a_place_named_inside_a_longer_mention_of_it_is_one_mention(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "The Kanawha County Family Court in West Virginia met."
    court = entity(text, "Kanawha County Family Court", "FAC")
    entities = [court, *(entity(text, w) for w in ("Kanawha County", "West Virginia"))]
    assert published(geocoder, text, entities) == [
        ("Kanawha County", ["Kanawha County"]),
        ("West Virginia", ["West Virginia"]),
    ]


def test_congress_stands_for_washington(geocoder: GazetteerGeocoder) -> None:
    text = "The Ohio senator will testify before Congress on Tuesday about the rail strike."
    _, congress = geocoder.resolve(text, [span_of(text, "Ohio"), span_of(text, "Congress")])
    assert congress is not None and (congress.name, congress.admin1) == ("Washington", "DC")


def test_a_region_adjective_is_a_mention_of_its_region(geocoder: GazetteerGeocoder) -> None:
    text = "European ministers met in Lisbon. Kurdish groups and Iraqi envoys did not come."
    entities = [
        entity(text, "European", "NORP"),
        entity(text, "Lisbon"),
        entity(text, "Kurdish", "NORP"),
        entity(text, "Iraqi", "NORP"),
    ]
    assert published(geocoder, text, entities) == [
        ("Europe", ["European"]),
        ("Lisbon", ["Lisbon"]),
        ("Kurdistan", ["Kurdish"]),
        ("Iraq", ["Iraqi"]),
    ]


@pytest.mark.parametrize(
    ("form", "place"),
    [("Austro", "Austria"), ("Sino", "China"), ("Afro", "Africa"), ("Anglo", "United Kingdom")],
)
def test_a_combining_form_before_its_hyphen_names_its_country(
    geocoder: GazetteerGeocoder, form: str, place: str
) -> None:
    text = f"Historians in Vienna traced the {form}-Baltic trade of the 1890s."
    _, found = geocoder.resolve(text, [span_of(text, "Vienna"), span_of(text, form)])
    assert found is not None and found.name == place


def test_a_combining_form_without_its_hyphen_is_read_as_a_name(
    geocoder: GazetteerGeocoder,
) -> None:
    text = "General Franco visited Burgos."
    franco, _ = geocoder.resolve(text, [span_of(text, "Franco"), span_of(text, "Burgos")])
    assert franco is None or franco.name != "France"


def test_the_lead_weighs_more_in_the_focus(geocoder: GazetteerGeocoder) -> None:
    lead = "Heavy rain closed roads around Porto on Tuesday."
    text = lead + " " * 200 + "The minister spoke to reporters in Lisbon."
    result = geocoder.geocode(text, [entity(text, "Porto"), entity(text, "Lisbon")])
    assert result.focus.city is not None and result.focus.city.name == "Porto"
    # named again and again further down, a place still wins over one lead mention
    text += " Lisbon sent troops. Lisbon will pay."
    entities = [entity(text, "Porto")] + [entity(text, "Lisbon", occurrence=i) for i in range(3)]
    result = geocoder.geocode(text, entities)
    assert result.focus.city is not None and result.focus.city.name == "Lisbon"


def test_a_street_named_after_a_far_town_is_not_published(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Vandals have struck parked cars in Oxford, England, three times this month. "
        "Owners on Swan Street in Oxford want more patrols."
    )
    names = ["Oxford", "England", "Swan Street", "Oxford"]
    entities = [entity(text, n, "FAC" if n == "Swan Street" else "GPE") for n in names[:3]]
    entities.append(entity(text, "Oxford", "GPE", 1))
    places = geocoder.geocode(text, entities).places
    assert [(p.name, p.country_code) for p in places] == [("Oxford", "GB"), ("England", "GB")]
    # resolve still answers the span, with the story's town
    street = geocoder.resolve(text, [span_of(text, "Oxford"), span_of(text, "Swan Street")])[1]
    assert street is not None and street.name == "Oxford"


def test_a_facility_named_after_a_big_city_keeps_its_city(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Officials in Washington said on Monday that the State Department in Washington "
        "would send envoys. Flights at Baghdad International Airport had resumed, a "
        "spokesman in Washington added."
    )
    entities = [entity(text, "Washington", "GPE", i) for i in range(3)]
    entities.insert(2, entity(text, "Baghdad International Airport", "FAC"))
    places = geocoder.geocode(text, entities).places
    assert ("Baghdad", "IQ") in [(p.name, p.country_code) for p in places]


def test_a_weak_town_with_no_namesake_is_no_guess(geocoder: GazetteerGeocoder) -> None:
    text = (
        "A Seattle charter airline based near Seattle will add routes this spring. Flights "
        "to Saipan, Guam, Alaska and Hawaii start in May, the Seattle firm said."
    )
    names = ["Seattle", "Saipan", "Guam", "Alaska", "Hawaii"]
    saipan = geocoder.resolve(text, [span_of(text, n) for n in names])[1]
    assert saipan is not None and (saipan.name, saipan.country_code) == ("Saipan", "MP")


@pytest.mark.parametrize(
    "mission", ["British Embassy", "Embassy of Canada", "Kenyan High Commission"]
)
def test_a_mission_is_not_in_the_country_it_is_named_after(
    geocoder: GazetteerGeocoder, mission: str
) -> None:
    text = f"Students queued outside the {mission} in Tokyo on Monday for visas."
    entities = [entity(text, mission, "FAC"), entity(text, "Tokyo")]
    assert published(geocoder, text, entities) == [("Tokyo", ["Tokyo"])]
    answer, _ = geocoder.resolve(text, [span_of(text, mission), span_of(text, "Tokyo")])
    assert answer is not None and answer.country_code == "JP"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ferries left the British Isles for Norway on Monday.", "British Isles"),
        ("The British Election Commission met before Norway voted.", "British Election Commission"),
    ],
)
def test_a_place_named_after_a_country_without_a_mission_word_keeps_it(
    geocoder: GazetteerGeocoder, text: str, name: str
) -> None:
    entities = [entity(text, name, "LOC"), entity(text, "Norway")]
    # the isles are a feature of their own in the extracts; the commission is British
    place = "British Isles" if name == "British Isles" else "United Kingdom"
    assert published(geocoder, text, entities) == [(place, [name]), ("Norway", ["Norway"])]


_FLOOD_LEAD = (
    "Flood waters rose through the streets of Cairo and Giza on Monday, and the river "
    "authority warned that the level would keep climbing for two more days as heavy rain "
    "upstream fed the swollen channels that run through the delta. "
)


@pytest.mark.parametrize(
    ("lone", "names"),
    [
        # abroad, and its country is named nowhere else
        ("Farmers near Rehab lost their crops.", ("Cairo", "Giza", "Rehab")),
        # at home in a story set elsewhere, its state named nowhere
        ("A charity in Moody sent blankets.", ("Cairo", "Giza", "Moody")),
    ],
)
def test_a_small_town_that_nothing_supports_is_not_published(
    geocoder: GazetteerGeocoder, lone: str, names: tuple[str, ...]
) -> None:
    text = _FLOOD_LEAD + lone
    town = names[-1]
    entities = [entity(text, name) for name in names]
    assert [name for name, _ in published(geocoder, text, entities)] == ["Cairo", "Giza"]
    # given as a place, the span still gets an answer
    assert geocoder.resolve(text, [span_of(text, town)])[0] is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # its country is named elsewhere in the article
        (_FLOOD_LEAD + "Aid trucks left Rehab in Jordan.", ("Cairo", "Giza", "Rehab", "Jordan")),
        # it is where the story is
        ("Farmers near Rehab lost their crops when the wadi flooded on Monday.", ("Rehab",)),
        # the lead (a dateline) puts the story there, though a country outweighs it
        (
            "Rehab -- A doctor back from Egypt opened a clinic here. " + _FLOOD_LEAD,
            ("Rehab", "Egypt", "Cairo", "Giza"),
        ),
    ],
)
def test_a_small_town_is_published_when_the_article_supports_it(
    geocoder: GazetteerGeocoder, text: str, names: tuple[str, ...]
) -> None:
    entities = [entity(text, name) for name in names]
    assert "Rehab" in [name for name, _ in published(geocoder, text, entities)]


_SNOW_LEAD = (
    "Snow closed schools across Chicago and the rest of Illinois on Monday, and the city "
    "said its plows would work through the night to clear the main roads before the "
    "morning rush, while trains ran late on most lines. "
)


def test_at_home_a_small_town_needs_its_division_named_not_its_country(
    geocoder: GazetteerGeocoder,
) -> None:
    text = _SNOW_LEAD + "A charity in Moody sent blankets, the United States weather service said."
    entities = [entity(text, name) for name in ("Chicago", "Illinois", "Moody", "United States")]
    assert "Moody" not in [name for name, _ in published(geocoder, text, entities)]


def test_a_small_town_near_the_story_needs_no_support(geocoder: GazetteerGeocoder) -> None:
    # Hammond, Indiana: another state, but 30 km from Chicago
    text = _SNOW_LEAD + "Buses from Hammond were late too."
    entities = [entity(text, name) for name in ("Chicago", "Illinois", "Hammond")]
    assert "Hammond" in [name for name, _ in published(geocoder, text, entities)]


def test_a_small_town_is_judged_from_the_published_focus(geocoder: GazetteerGeocoder) -> None:
    # the lead puts the story in Porto; Lisbon, named later, is only where a minister
    # spoke, and Guimaraes lies 50 km from Porto but 300 km from Lisbon
    text = (
        "Heavy rain flooded roads around Porto on Sunday and the river burst its banks in "
        "two places, cutting off several villages and closing the main railway line for "
        "most of the day. Crews worked through the night to clear the mud from the tracks. "
        "In Lisbon, the minister said help was on its way. Farmers near Guimaraes lost crops."
    )
    entities = [entity(text, name) for name in ("Porto", "Lisbon", "Guimaraes")]
    result = geocoder.geocode(text, entities)
    assert result.focus.city is not None and result.focus.city.name == "Porto"
    assert "Guimarães" in [p.name for p in result.places]
