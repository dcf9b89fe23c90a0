"""Canonical names: spelling variants, surname-only mentions and acronyms cluster."""

from __future__ import annotations

from streams.tag.canonical import canonical_names
from streams.tag.entities import mentions_from_doc
from streams.tag.mentions import mention_text
from tests.unit.test_entities_rules import make_doc


def canon(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = make_doc(text, ents)
    mentions = mentions_from_doc(doc)
    names = canonical_names(doc, mentions)
    return [(mention_text(doc, m), names[id(m)]) for m in mentions]


def test_spelling_variants_and_surname_join_the_full_name() -> None:
    text = "Kasim Arandi led. Qassim Arandi fell. Arandi was buried. Kasim Arandi's son spoke."
    got = canon(text, [
        ("Kasim Arandi", "PERSON"), ("Qassim Arandi", "PERSON"), ("Arandi", "PERSON"),
        ("Kasim Arandi", "PERSON"),
    ])  # fmt: skip
    assert {c for _, c in got} == {"Kasim Arandi"}


def test_lone_surname_joins_the_most_recent_full_name() -> None:
    text = "Ruth Okafor met Daniel Okafor. Okafor said no."
    got = canon(text, [
        ("Ruth Okafor", "PERSON"), ("Daniel Okafor", "PERSON"), ("Okafor", "PERSON"),
    ])  # fmt: skip
    assert got[-1] == ("Okafor", "Daniel Okafor")


def test_similar_but_different_surnames_stay_apart() -> None:
    text = "Javid Zarif spoke. Later Zarei answered."
    got = canon(text, [("Javid Zarif", "PERSON"), ("Zarei", "PERSON")])
    assert got[1] == ("Zarei", "Zarei")


def test_different_first_names_are_different_people() -> None:
    text = "Ruth Okafor met Daniel Okafor."
    got = canon(text, [("Ruth Okafor", "PERSON"), ("Daniel Okafor", "PERSON")])
    assert [c for _, c in got] == ["Ruth Okafor", "Daniel Okafor"]


def test_acronym_joins_the_organisation_it_spells() -> None:
    text = "The Northern Border Defence Force said the NBDF would withdraw."
    got = canon(text, [("Northern Border Defence Force", "ORG"), ("NBDF", "ORG")])
    assert got[1] == ("NBDF", "Northern Border Defence Force")


def test_shouted_and_possessive_forms_are_normalised() -> None:
    got = canon("KALVORSTAD — Kalvorstad's mayor resigned.", [
        ("KALVORSTAD", "GPE"), ("Kalvorstad's", "GPE"),
    ])  # fmt: skip
    assert [c for _, c in got] == ["Kalvorstad", "Kalvorstad"]
