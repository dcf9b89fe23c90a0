"""People named after places, and storms: never places, in the whole article."""

from __future__ import annotations

import pytest

from streams.tag.entities import mentions_from_doc
from streams.tag.mentions import Mention, mention_text
from streams.tag.namesakes import people, storms
from tests.unit.test_entities_rules import FakeOracle, labels, make_doc

# the first names are places too; the surnames are nothing the gazetteer knows
ORACLE = FakeOracle({
    "Georgia": 0.95, "Jordan": 0.95, "Salem": 0.9, "Florence": 0.9, "Chad": 0.95,
    "Hurricane": 0.5, "Jamaica": 0.95, "Kesh": 0.95, "Brantwick": 0.9, "Kansas City": 0.9,
})  # fmt: skip


def tagged(text: str, ents: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], set[str]]:
    doc = make_doc(text, ents)
    mentions: list[Mention] = mentions_from_doc(doc)
    names = storms(doc, mentions)
    people(doc, mentions, ORACLE)
    return labels(doc, mentions), names


@pytest.mark.parametrize(
    ("text", "ents", "person"),
    [
        # a given name and a surname: the model's place is part of a person
        ("Georgia Marlowe received the press prize.", [("Georgia", "GPE")], "Georgia Marlowe"),
        (
            "Florence Dunmore won the race in Brantwick.",
            [("Florence Dunmore", "ORG")],
            "Florence Dunmore",
        ),
        ("Chad Pellerin scored twice.", [], "Chad Pellerin"),
        # not a given name, but the text makes the pair a person: an apposition
        ("Salem Qarawi, a commander of the unit, spoke.", [("Qarawi", "ORG")], "Salem Qarawi"),
        ("Jordan Treadwell, a spokesman, declined to comment.", [], "Jordan Treadwell"),
    ],
)
def test_a_place_name_before_a_surname_is_a_person(
    text: str, ents: list[tuple[str, str]], person: str
) -> None:
    got, _ = tagged(text, ents)
    assert (person, "PERSON") in got
    first = person.split()[0]
    assert not any(name == first for name, _ in got)


def test_a_surname_repeated_alone_makes_the_pair_a_person() -> None:
    # "Kesh" is no given name; the lone "Varnell" later is how news repeats a surname
    got, _ = tagged("Kesh Varnell opened the hall. The crowd cheered as Varnell spoke.", [])
    assert ("Kesh Varnell", "PERSON") in got


@pytest.mark.parametrize(
    "text",
    [
        "Storms crossed Georgia Power lines.",  # a common word after the place
        "Fans of the Jordan Rockets cheered.",  # a team: the plural of a common word
        "Traffic slowed in Kansas City today.",  # the pair is itself a place
        "In Jamaica, the rain stopped.",  # a sentence's first word and a place
        "She moved from Georgia Marlowe Street last year.",  # part of a longer name
    ],
)
def test_places_before_other_words_stay_places(text: str) -> None:
    got, _ = tagged(text, [])
    assert not any(label == "PERSON" for _, label in got)


def test_a_storm_is_an_event_and_its_name_no_place_in_the_article() -> None:
    text = (
        "Hurricane Delmara strengthened as it approached Jamaica. "
        "Forecasters said Delmara would weaken by Friday."
    )
    got, names = tagged(text, [("Hurricane", "GPE"), ("Jamaica", "GPE"), ("Delmara", "GPE")])
    assert got == [
        ("Hurricane Delmara", "EVENT"),
        ("Jamaica", "GPE"),
        ("Delmara", "EVENT"),
    ]
    assert names == {"Delmara"}


def test_storm_words_before_a_place_head_are_places() -> None:
    # "Storm Lake" and "Hurricane Creek" are a town and a stream, not storms
    got, names = tagged("Rain hit Storm Lake and Hurricane Creek.", [("Storm Lake", "GPE")])
    assert got == [("Storm Lake", "GPE")] and names == set()


def test_a_named_storm_with_a_lead_word_is_one_event() -> None:
    doc = make_doc("Tropical Storm Ilvane reached Kesh.", [("Kesh", "GPE")])
    mentions = mentions_from_doc(doc)
    assert storms(doc, mentions) == {"Ilvane"}
    assert [mention_text(doc, m) for m in mentions if m.label == "EVENT"] == [
        "Tropical Storm Ilvane"
    ]
