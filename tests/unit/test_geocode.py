"""The geocoder on short articles written for each ambiguity rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.models import Duplicate, Entity, Span
from streams.gazetteer import load_gazetteer
from streams.geocode.geocoder import GazetteerGeocoder
from streams.settings import Settings

ARTICLES = json.loads(
    (Path(__file__).parents[1] / "data" / "geocode" / "articles.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))


def span_of(text: str, name: str, occurrence: int = 0) -> Span:
    """The ``occurrence``-th span of ``name`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return Span(start=start, end=start + len(name))


def entity(text: str, name: str, label: str = "GPE", occurrence: int = 0) -> Entity:
    span = span_of(text, name, occurrence)
    return Entity(text=name, label=label, start=span.start, end=span.end, canonical=name)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["rule"] for a in ARTICLES])
def test_ambiguity_rules_in_gold_span_mode(
    geocoder: GazetteerGeocoder, article: dict[str, Any]
) -> None:
    text = article["text"]
    spans = [span_of(text, name, occurrence) for name, occurrence, *_ in article["places"]]
    for (name, _, country, admin1, *gid), place in zip(
        article["places"], geocoder.resolve(text, spans), strict=True
    ):
        assert place is not None, name
        assert place.country_code == country, (name, place.name)
        if admin1 is not None:
            assert place.admin1 == admin1, (name, place.name)
        if gid:
            assert place.geonameid == gid[0], (name, place.name)
        assert 0.0 <= place.confidence <= 1.0


def test_geocode_groups_mentions_and_finds_the_focus(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Rockets hit Baghdad overnight. Iraqi officials in Baghdad said the attack came "
        "from the south, near Basra."
    )
    entities = [
        entity(text, "Baghdad"),
        entity(text, "Iraqi", "NORP"),
        entity(text, "Baghdad", occurrence=1),
        entity(text, "Basra"),
    ]
    result = geocoder.geocode(text, entities)
    # The demonym is published as a mention of its country, GDELT-style.
    assert [(p.name, p.country_code) for p in result.places] == [
        ("Baghdad", "IQ"),
        ("Iraq", "IQ"),
        ("Basrah", "IQ"),
    ]
    assert [[m.text for m in p.mentions] for p in result.places] == [
        ["Baghdad", "Baghdad"],
        ["Iraqi"],
        ["Basra"],
    ]
    assert result.focus.country is not None and result.focus.country.country_code == "IQ"
    assert result.focus.city is not None and result.focus.city.name == "Baghdad"


def test_demonyms_in_a_repeated_standfirst_are_context_only(geocoder: GazetteerGeocoder) -> None:
    text = "Syrian troops moved north.\n\nSyrian troops moved north. They reached Aleppo."
    second = text.index("Syrian", 5)
    entities = [
        entity(text, "Syrian", "NORP"),
        entity(text, "Syrian", "NORP", occurrence=1),
        entity(text, "Aleppo"),
    ]
    repeat = Duplicate(start=second, end=second + 26, duplicate_of=Span(start=0, end=26))
    places = geocoder.geocode(text, entities, [repeat]).places
    assert [(p.name, [m.start for m in p.mentions]) for p in places] == [
        ("Syria", [0]),
        ("Aleppo", [text.index("Aleppo")]),
    ]


def test_people_are_never_geocoded(geocoder: GazetteerGeocoder) -> None:
    text = "Senator Jordan Washington met Paris Hilton in Houston."
    entities = [
        entity(text, "Jordan Washington", "PERSON"),
        entity(text, "Paris Hilton", "PERSON"),
        entity(text, "Houston"),
    ]
    places = geocoder.geocode(text, entities).places
    assert [(p.name, p.country_code) for p in places] == [("Houston", "US")]


def test_repeated_standfirst_mentions_are_not_counted(geocoder: GazetteerGeocoder) -> None:
    lead = "Floods hit Dhaka."
    text = f"{lead}\n{lead}\nRescuers reached Dhaka on Monday."
    entities = [
        entity(text, "Dhaka", occurrence=0),
        entity(text, "Dhaka", occurrence=1),
        entity(text, "Dhaka", occurrence=2),
    ]
    second = Span(start=len(lead) + 1, end=2 * len(lead) + 1)
    duplicate = Duplicate(
        start=second.start, end=second.end, duplicate_of=Span(start=0, end=len(lead))
    )
    places = geocoder.geocode(text, entities, [duplicate]).places
    assert len(places) == 1
    assert [m.start for m in places[0].mentions] == [entities[0].start, entities[2].start]


def test_an_unknown_span_falls_back_to_the_article_locality(geocoder: GazetteerGeocoder) -> None:
    text = "Crowds gathered on Qwerzt Boulevard as the mayor of Lyon spoke in Lyon."
    spans = [span_of(text, "Qwerzt Boulevard"), span_of(text, "Lyon"), span_of(text, "Lyon", 1)]
    street, city, _ = geocoder.resolve(text, spans)
    assert city is not None and city.name == "Lyon"
    assert street is not None and street.geonameid == city.geonameid
    assert street.confidence < 0.05


def test_an_unknown_span_takes_the_place_the_text_puts_it_in(
    geocoder: GazetteerGeocoder,
) -> None:
    text = (
        "Fans filled Qwerzt Park in Springfield, Illinois, on Sunday, and hikers crowded "
        "Utah's Vrelk Canyon. Springfield police closed two roads."
    )
    names = ["Qwerzt Park", "Springfield", "Illinois", "Utah", "Vrelk Canyon", "Springfield"]
    spans = [span_of(text, name, names[:i].count(name)) for i, name in enumerate(names)]
    park, town, _, utah, canyon, _ = geocoder.resolve(text, spans)
    assert town is not None and (town.country_code, town.admin1) == ("US", "IL")
    assert park is not None and park.geonameid == town.geonameid
    assert utah is not None and canyon is not None and canyon.geonameid == utah.geonameid
    assert park.confidence <= 0.1


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Ontarians will vote in June, the premier said.", "Ontarians", ("CA", "08")),
        ("The Texan rancher sold his herd.", "Texan", ("US", "TX")),
        ("Bond yields rose after the US Federal Reserve met.", "US Federal Reserve", ("US", None)),
    ],
)
def test_resident_names_and_places_inside_longer_names(
    geocoder: GazetteerGeocoder, text: str, name: str, expected: tuple[str, str | None]
) -> None:
    (place,) = geocoder.resolve(text, [span_of(text, name)])
    assert place is not None
    assert (place.country_code, place.admin1 if expected[1] else None) == expected


def test_a_known_town_inside_a_name_beats_a_vowel_skeleton(geocoder: GazetteerGeocoder) -> None:
    text = "Shops reopened along Greer Station, the old downtown of Greer, S.C."
    (place,) = geocoder.resolve(text, [span_of(text, "Greer Station")])
    assert place is not None and (place.name, place.admin1) == ("Greer", "SC")


def test_geocode_drops_what_it_cannot_place(geocoder: GazetteerGeocoder) -> None:
    text = "The Qwerzt Boulevard project was approved."
    result = geocoder.geocode(text, [entity(text, "Qwerzt Boulevard", "FAC")])
    assert result.places == []
    assert result.focus.country is None


def test_places_are_sorted_by_first_mention(geocoder: GazetteerGeocoder) -> None:
    text = "From Nairobi to Kampala and back to Nairobi."
    entities = [
        entity(text, "Nairobi"),
        entity(text, "Kampala"),
        entity(text, "Nairobi", occurrence=1),
    ]
    places = geocoder.geocode(text, entities).places
    assert [p.name for p in places] == ["Nairobi", "Kampala"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Old maps of Tsarist Russia hung in the hall.", "Tsarist Russia", "RU"),
        ("Scholars of Fascist Italy met in the hall.", "Fascist Italy", "IT"),
    ],
)
def test_a_country_closing_a_longer_name(
    geocoder: GazetteerGeocoder, text: str, name: str, country: str
) -> None:
    (place,) = geocoder.resolve(text, [span_of(text, name)])
    assert place is not None and (place.country_code, place.feature_code) == (country, "PCLI")


@pytest.mark.parametrize("name", ["North Island", "South Island"])
def test_a_generic_feature_word_is_not_a_place_inside_a_longer_name(
    geocoder: GazetteerGeocoder, name: str
) -> None:
    # "Island" is an alternate name of Iceland
    found = geocoder.ranker.variants.partial(name)
    assert "Iceland" not in [geocoder.gazetteer.name(int(r)) for r in found.rows]


def test_a_big_town_known_only_by_an_alternate_name_is_not_trusted_inside_a_name(
    geocoder: GazetteerGeocoder,
) -> None:
    # Glendale, California, has "Riverdale" only as an old name; the Riverdales are small.
    text = "The Riverdale Feed Store sold out of seed as farmers across Kansas planted early."
    store, _ = geocoder.resolve(
        text, [span_of(text, "Riverdale Feed Store"), span_of(text, "Kansas")]
    )
    assert store is not None and (store.country_code, store.admin1) == ("US", "KS")


def test_seats_of_government_stand_for_their_city(geocoder: GazetteerGeocoder) -> None:
    text = "The White House said the Oval Office meeting would go ahead; the Kremlin was silent."
    names = ["White House", "Oval Office", "Kremlin"]
    house, office, kremlin = geocoder.resolve(text, [span_of(text, n) for n in names])
    assert house is not None and (house.name, house.admin1) == ("Washington", "DC")
    assert office is not None and office.geonameid == house.geonameid
    assert kremlin is not None and (kremlin.name, kremlin.country_code) == ("Moscow", "RU")


@pytest.mark.parametrize(
    ("text", "names", "admin1"),
    [
        (
            "After stops in Washington, New York and Boston, the delegation flew home.",
            ["Washington", "New York", "Boston"],
            "DC",
        ),
        (
            "The band played Boston, Washington, Georgia, Austin and Denver last year.",
            ["Boston", "Washington", "Georgia", "Austin", "Denver"],
            "DC",
        ),
        # Mostly states around it: the state, still not a town in Georgia.
        (
            "The band played Boston, Washington, Georgia, Texas and Ohio last year.",
            ["Boston", "Washington", "Georgia", "Texas", "Ohio"],
            "WA",
        ),
    ],
)
def test_a_list_item_is_not_a_state_qualifier(
    geocoder: GazetteerGeocoder, text: str, names: list[str], admin1: str
) -> None:
    places = geocoder.resolve(text, [span_of(text, n) for n in names])
    washington = places[names.index("Washington")]
    assert washington is not None and (washington.name, washington.admin1) == ("Washington", admin1)


def test_a_state_qualifier_outside_a_list_still_counts(geocoder: GazetteerGeocoder) -> None:
    text = "The band played in Athens, Georgia on Friday and flew home."
    athens, _ = geocoder.resolve(text, [span_of(text, "Athens"), span_of(text, "Georgia")])
    assert athens is not None and (athens.country_code, athens.admin1) == ("US", "GA")


FRANKLIN = (
    "Snow closed the pass above Franklin overnight. Crews from Denver cleared it by "
    "dawn, Colorado officials said, and a convoy left for Tulsa at noon."
)


@pytest.mark.parametrize(
    ("text", "names", "story_place"),
    [
        (
            "The home opener drew a sellout crowd to the Rogers Centre on Friday. Fans from "
            "across Ontario cheered every pitch, and Toronto police closed two streets.",
            ("Rogers Centre", "Ontario", "Toronto"),
            ("Toronto", "CA", "08"),
        ),
        (
            # "Anfield" is not in the gazetteer; its vowel skeleton matches Enfield, London.
            "Supporters queued outside Anfield for hours before kick-off. Liverpool police "
            "said the crowd stayed calm, and Merseyside buses ran until midnight.",
            ("Anfield", "Liverpool"),
            ("Liverpool", "GB", "ENG"),
        ),
        (FRANKLIN, ("Franklin", "Denver", "Colorado"), ("Denver", "US", "CO")),
        (
            "The fundraiser at Cherokee Golf Club raised $40,000 for the food bank. Players "
            "drove in from Portland, and Salem sent a team of six.",
            ("Cherokee Golf Club", "Portland", "Salem"),
            ("Portland", "US", "OR"),
        ),
        (
            "Parents gathered outside the German School on Friday after a fire alarm. "
            "Police in Lisbon said no one was hurt, and Portugal's ministry promised a review.",
            ("German School", "Lisbon", "Portugal"),
            ("Lisbon", "PT", "14"),
        ),
    ],
    ids=[
        "facility named after a distant town",
        "sound-alike of a distant town",
        "town barely preferred among namesakes",
        "facility named after a distant county",
        "facility named with a country's adjective",
    ],
)
def test_a_loose_guess_far_from_the_story_is_where_the_story_is(
    geocoder: GazetteerGeocoder,
    text: str,
    names: tuple[str, ...],
    story_place: tuple[str, str, str],
) -> None:
    guess, *context = geocoder.resolve(text, [span_of(text, name) for name in names])
    city = next(p for p in context if p is not None and p.name == story_place[0])
    assert (city.name, city.country_code, city.admin1) == story_place
    assert guess is not None and guess.geonameid == city.geonameid
    assert guess.confidence < 0.05


def test_a_country_adjective_alone_still_names_the_country(geocoder: GazetteerGeocoder) -> None:
    text = "The German School reopened on Friday, and German officials praised its staff."
    school, adjective = geocoder.resolve(
        text, [span_of(text, "German School"), span_of(text, "German", 1)]
    )
    # no town in the story to yield to: the country is the best guess for both
    assert school is not None and adjective is not None
    assert school.name == adjective.name == "Germany"


def test_a_town_named_once_without_namesakes_is_not_a_guess(geocoder: GazetteerGeocoder) -> None:
    names = ("Franklin", "Denver", "Colorado", "Tulsa")
    *_, far = geocoder.resolve(FRANKLIN, [span_of(FRANKLIN, name) for name in names])
    assert far is not None and (far.name, far.admin1) == ("Tulsa", "OK")


def test_a_big_city_with_many_namesakes_is_no_guess(geocoder: GazetteerGeocoder) -> None:
    # US towns called Geneva leave Geneva, Switzerland a low share of the name, but a
    # city of 100,000+ is meant: it must not yield to the story's country
    text = "Talks over Western Sahara resumed in Geneva on Monday, the envoy said."
    _, geneva = geocoder.resolve(text, [span_of(text, "Western Sahara"), span_of(text, "Geneva")])
    assert geneva is not None and (geneva.name, geneva.country_code) == ("Geneva", "CH")


def test_a_facility_named_after_a_nearby_county_keeps_it(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Volunteers cleared litter along the Stanislaus Trail on Sunday. The Sacramento "
        "group plans a second day in May."
    )
    spans = [span_of(text, name) for name in ("Stanislaus Trail", "Sacramento")]
    trail, _ = geocoder.resolve(text, spans)
    assert trail is not None and (trail.name, trail.feature_code) == ("Stanislaus County", "ADM2")


def test_names_worked_out_once_are_kept_in_a_bounded_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streams.geocode import candidates

    geocoder = GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))
    text = "Talks moved from Paris to Lyon, then to Paris, Texas, and on to Dallas."
    spans = [span_of(text, "Paris"), span_of(text, "Lyon"), span_of(text, "Paris", 1)]
    first = geocoder.resolve(text, spans)
    assert geocoder.resolve(text, spans) == first  # the cached names give the same places
    assert len(geocoder.ranker.names._found) == 2  # "Paris" twice is one name
    monkeypatch.setattr(candidates, "_FOUND_CACHE", 1)
    geocoder.resolve(text, [span_of(text, "Dallas"), span_of(text, "Texas")])
    assert list(geocoder.ranker.names._found) == ["Texas"]  # the most recent name is kept
