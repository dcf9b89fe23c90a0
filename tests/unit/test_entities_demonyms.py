"""Demonyms: the country table and NORP mentions carrying their country."""

from __future__ import annotations

from streams.lexicon.demonyms import demonym_country
from streams.tag.entities import mentions_from_doc
from streams.tag.persons import propagate_persons
from streams.tag.recovery import assign_demonyms, recover_untagged
from tests.unit.test_entities_rules import FakeOracle, make_doc


def test_table_maps_singular_and_plural_forms() -> None:
    assert demonym_country("Iranian") == "IR"
    assert demonym_country("Iranians") == "IR"
    assert demonym_country("Saudis") == "SA"
    assert demonym_country("Sri Lankan") == "LK"
    assert demonym_country("Chinese") == "CN"  # the most populous country sharing it


def test_nouns_for_a_person_name_their_country_but_given_names_do_not() -> None:
    assert demonym_country("Serbs") == "RS"
    assert demonym_country("Briton") == "GB"
    assert demonym_country("Dane") is None


def test_regional_and_ethnic_terms_point_to_no_country() -> None:
    assert demonym_country("European") is None
    assert demonym_country("Kurdish") is None
    assert demonym_country("Chineses") is None


def test_norp_mentions_get_their_country_and_mislabelled_ones_become_norp() -> None:
    doc = make_doc("Iranian and Jewish groups met Egyptian envoys.", [
        ("Iranian", "NORP"), ("Jewish", "NORP"), ("Egyptian", "GPE"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    assign_demonyms(doc, mentions)
    assert [(m.label, m.country_code) for m in mentions] == [
        ("NORP", "IR"), ("NORP", None), ("NORP", "EG"),
    ]  # fmt: skip


def test_untagged_demonym_is_recovered_as_norp() -> None:
    doc = make_doc("Two Georgian soldiers were hurt.", [])
    found = recover_untagged(doc, [], FakeOracle(), set())
    assert [(f.label, f.country_code) for f in found] == [("NORP", "GE")]


def test_an_untagged_bloc_adjective_before_a_word_for_states_is_recovered() -> None:
    doc = make_doc("Western envoys left. The Western region voted. Western nations agreed.", [])
    found = recover_untagged(doc, [], FakeOracle(), set())
    assert [(doc.text[f.start : f.end], f.start, f.label) for f in found] == [
        ("Western", 0, "NORP"),
        ("Western", 47, "NORP"),  # not "The Western region" at 25
    ]


def test_a_demonym_the_model_took_for_a_person_is_no_name_to_propagate() -> None:
    doc = make_doc("Sri Lankan envoys met. The Sri Lankan army said the Sri Lankan talks failed.", [
        ("Sri Lankan", "PERSON"), ("Sri Lankan", "GPE"), ("Sri Lankan", "NORP"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    propagate_persons(doc, mentions, FakeOracle())
    assign_demonyms(doc, mentions)
    assert [(m.label, m.country_code) for m in mentions] == [("NORP", "LK")] * 3


def test_people_of_a_state_or_province_point_to_its_country() -> None:
    oracle = FakeOracle(residents={"Ohioans": "US", "Albertans": "CA", "Christian": "XX"})
    doc = make_doc("Ohioans and Albertans voted; Christian spoke.", [
        ("Ohioans", "NORP"), ("Albertans", "NORP"), ("Christian", "PERSON"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    assign_demonyms(doc, mentions, oracle)
    # only the model's groups: a person is never read as the people of a place
    assert [(m.label, m.country_code) for m in mentions] == [
        ("NORP", "US"), ("NORP", "CA"), ("PERSON", None),
    ]  # fmt: skip
