"""Place rules: relabelling, nested places in organisations, recovery of untagged names."""

from __future__ import annotations

from spacy.tokens import Doc

from streams.tag.embedded import embedded_places, split_pairs
from streams.tag.entities import apply_acronyms, mentions_from_doc
from streams.tag.mentions import Mention, mention_text
from streams.tag.recovery import listed_places, recover_untagged
from streams.tag.toponyms import drop_non_places, head_label, relabel_places
from tests.unit.test_entities_rules import FakeOracle, make_doc

ORACLE = FakeOracle({
    "Brantwick": 0.9, "Ellsmere": 0.75, "Corvallo": 0.5, "Kesh": 0.95, "University": 0.75,
    "Fenwick": 0.9, "Lorne": 0.3,
})  # fmt: skip


def found(doc_text: str, ents: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    doc = make_doc(doc_text, ents or [])
    mentions = mentions_from_doc(doc)
    new = recover_untagged(doc, mentions, ORACLE, set())
    return [(mention_text(doc, m), m.label) for m in new]


def test_admin_areas_streets_and_routes_by_head_word() -> None:
    got = found("Crews closed Oakhurst County roads, Millbrook Lane and Route 9 today.")
    assert got == [("Oakhurst County", "GPE"), ("Millbrook Lane", "FAC"), ("Route 9", "FAC")]


def test_route_number_tagged_as_a_count_is_taken_over() -> None:
    text = "The crash closed Highway 30 overnight."
    doc = make_doc(text, [("30", "CARDINAL")])
    mentions = mentions_from_doc(doc)
    new = recover_untagged(doc, mentions, ORACLE, set())
    assert [mention_text(doc, m) for m in new] == ["Highway 30"]
    assert mentions == []


def test_known_name_needs_a_place_context_when_weak() -> None:
    assert found("The team flew to Corvallo on Monday.") == [("Corvallo", "GPE")]
    assert found("The team met Corvallo on Monday.") == []


def test_a_town_speaking_through_its_officials_is_recovered_at_a_sentence_start() -> None:
    assert found("Crews left. Ellsmere police closed the road.") == [("Ellsmere", "GPE")]
    assert found("Crews left. Ellsmere crews closed the road.") == []
    # a hamlet's name as an opener is an ordinary word ("Early police work...")
    assert found("Crews left. Corvallo police work found nothing.") == []
    doc = make_doc("As police arrived, crews left.", [])
    assert recover_untagged(doc, mentions_from_doc(doc), FakeOracle({"As": 0.75}), set()) == []


def test_a_county_after_a_party_tag_is_recovered_on_a_weak_prior() -> None:
    # "Lorne" scores as an alternate name only, as a county written without "County" does
    assert found("The bill came from Ada Munro, DFL-Lorne, on Monday.") == [("Lorne", "GPE")]
    assert found("The bill came from Ada Munro of Lorne on Monday.") == []


def test_strong_name_is_recovered_anywhere_but_a_sentence_start() -> None:
    assert found("Crews reached Brantwick by noon.") == [("Brantwick", "GPE")]
    assert found("Brantwick crews arrived. Crews left.") == []
    assert found("Later Fenwick arrived.") == [("Fenwick", "GPE")]


def test_a_country_acronym_is_recovered_unless_the_line_is_shouted() -> None:
    assert found("She met the ruler of the UAE on Monday.") == [("UAE", "GPE")]
    assert found("Talks with the DRC and the IMF resumed.") == [("DRC", "GPE")]
    assert found("TELL US WHAT YOU THINK") == []


def test_shouted_dateline_is_a_place() -> None:
    assert found("ELLSMERE — The council met.") == [("ELLSMERE", "GPE")]


def test_a_small_town_is_a_dateline_only_before_a_dash_or_a_wire_credit() -> None:
    # Corvallo's prior (0.5) is too low for a bare name; the dateline's shape says place
    for text in (
        "CORVALLO — The council met.",
        "Budget passes. CORVALLO (AP) -- The council met.",
        "CORVALLO, Ohio (AP) — The council met.",
    ):
        assert found(text) == [("CORVALLO", "GPE")], text
    assert found("CORVALLO: The council met.") == []
    assert found("The council met. CORVALLO is quiet.") == []
    assert found("In 2009 CORVALLO — the town — voted.") == []


def test_a_dateline_the_model_called_an_organisation_is_a_place() -> None:
    for label in ("ORG", "NORP"):
        doc = make_doc("CORVALLO — The council met on Monday.", [("CORVALLO", label)])
        mentions = mentions_from_doc(doc)
        relabel_places(doc, mentions, ORACLE, names=set())
        assert [(m.label, m.evidence) for m in mentions] == [("GPE", "dateline")], label
    doc = make_doc("CORVALLO — The council met on Monday.", [("CORVALLO", "GPE")])
    mentions = mentions_from_doc(doc)
    apply_acronyms(doc, mentions, ORACLE)  # a shouted small town is no acronym here
    assert [m.label for m in mentions] == ["GPE"]


def test_generic_words_are_never_recovered() -> None:
    assert found("Students at the University in May.") == []


def test_person_labelled_town_becomes_a_place_but_known_names_do_not() -> None:
    doc = make_doc("Officials in Ellsmere and Brantwick met Ellsmere Pike.", [
        ("Ellsmere", "PERSON"), ("Brantwick", "PERSON"), ("Ellsmere Pike", "PERSON"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)[:2]
    relabel_places(doc, mentions, ORACLE, names=set())
    assert [m.label for m in mentions] == ["GPE", "GPE"]
    mentions = mentions_from_doc(doc)[:1]
    relabel_places(doc, mentions, ORACLE, names={"Ellsmere"})
    assert mentions[0].label == "PERSON"


def test_a_town_listed_beside_a_tagged_place_is_a_place() -> None:
    oracle = FakeOracle({
        "Brantwick": 0.9, "Kesh": 0.95, "Ellsmere": 0.75, "Harlow": 0.75, "Hamsa": 0.54,
        "Dunmore": 0.75,
    })  # fmt: skip
    text = (
        "Trains stop at Brantwick, Ellsmere, Harlow and Kesh. Brantwick and Hamsa signed "
        "a deal. Near Kesh, Dunmore said no."
    )
    doc = make_doc(text, [
        ("Brantwick", "GPE"), ("Ellsmere", "ORG"), ("Harlow", "PERSON"), ("Kesh", "GPE"),
        ("Brantwick", "GPE"), ("Hamsa", "ORG"), ("Kesh", "GPE"), ("Dunmore", "PERSON"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, oracle, names=set())
    # an alternate spelling (0.54) is not enough, and a comma alone makes no list
    assert [m.label for m in mentions] == ["GPE"] * 5 + ["ORG", "GPE", "PERSON"]


def test_a_small_town_of_two_words_listed_beside_a_place_is_a_place() -> None:
    oracle = FakeOracle({"Brantwick": 0.9, "Ellsmere Vale": 0.5, "Hamsa": 0.5})
    text = "Brantwick and Ellsmere Vale merged. Brantwick and Hamsa signed."
    doc = make_doc(text, [
        ("Brantwick", "GPE"), ("Ellsmere Vale", "ORG"), ("Brantwick", "GPE"), ("Hamsa", "ORG"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, oracle, names=set())
    # one word at a small town's prior is too often a namesake; two words rarely are
    assert [m.label for m in mentions] == ["GPE", "GPE", "GPE", "ORG"]


def test_a_party_tag_gives_the_politician_s_home_town() -> None:
    text = "Rep. Ada Munro, D-Ellsmere, and Sen. Ty Okafor, R-Harlow, backed the bill."
    doc = make_doc(text, [("Ada Munro", "PERSON"), ("D-Ellsmere", "ORG"), ("Ty Okafor", "PERSON")])
    mentions = mentions_from_doc(doc)
    oracle = FakeOracle({"Ellsmere": 0.75, "Harlow": 0.75})
    relabel_places(doc, mentions, oracle, names=set())
    new = recover_untagged(doc, mentions, oracle, set())
    assert [(mention_text(doc, m), m.label) for m in mentions + new] == [
        ("Ada Munro", "PERSON"), ("Ellsmere", "GPE"), ("Ty Okafor", "PERSON"), ("Harlow", "GPE"),
    ]  # fmt: skip


def test_two_places_joined_by_a_hyphen_are_two_places() -> None:
    oracle = FakeOracle({
        "Kesh": 0.95, "Harlow": 0.75, "Ellsmere": 0.75, "Ellsmere-Harlow": 0.9, "Lorne": 0.3,
        "Brantwick": 0.9, "Brantwick-Tay": 0.95,
    })  # fmt: skip
    text = "The Kesh-Harlow line, Ellsmere-Harlow, Kesh-Lorne and Brantwick-Tay; Ms. Kesh-Harlow."
    doc = make_doc(text, [
        ("Kesh-Harlow", "ORG"), ("Ellsmere-Harlow", "GPE"), ("Kesh-Lorne", "ORG"),
        ("Brantwick", "GPE"), ("Kesh-Harlow", "PERSON"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    split_pairs(doc, mentions, oracle)
    # a name of its own stays whole, a weak half keeps the pair, a cut name is mended
    assert [(mention_text(doc, m), m.label) for m in mentions] == [
        ("Kesh", "GPE"), ("Harlow", "GPE"), ("Ellsmere-Harlow", "GPE"), ("Kesh-Lorne", "ORG"),
        ("Brantwick-Tay", "GPE"), ("Kesh-Harlow", "PERSON"),
    ]  # fmt: skip


def test_a_hyphen_glued_to_both_words_is_no_sentence_break() -> None:
    assert found("They rode the Kesh-Fenwick leg.") == [("Kesh", "GPE"), ("Fenwick", "GPE")]
    assert found("They rode on. - Fenwick waited.") == []


def test_lone_org_labelled_town_needs_context() -> None:
    doc = make_doc("Brantwick won again. Fans in Brantwick cheered.", [
        ("Brantwick", "ORG"), ("Brantwick", "ORG"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, ORACLE, names=set())
    assert [m.label for m in mentions] == ["ORG", "GPE"]


def test_a_compass_adjective_or_a_governor_makes_a_place_context() -> None:
    text = (
        "Rebels held eastern Corvallo. The Ellsmere governor quit. Western Corvallo won. "
        "Shops in downtown Ellsmere shut."
    )
    doc = make_doc(text, [
        ("Corvallo", "ORG"), ("Ellsmere", "PERSON"), ("Western Corvallo", "ORG"),
        ("Ellsmere", "ORG"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, ORACLE, names=set())
    # capitalised, the adjective begins a name ("Western Union"), which stays as tagged
    assert [m.label for m in mentions] == ["GPE", "GPE", "ORG", "GPE"]


def test_a_group_label_in_a_place_context_is_a_place_unless_it_owns_what_follows() -> None:
    oracle = FakeOracle({"Corvallo": 0.75, "Ellsmere": 0.75, "D.": 0.75})
    text = "Nuns in Corvallo sued. The son of Ellsmere's mayor and of D. Okafor spoke."
    doc = make_doc(text, [("Corvallo", "NORP"), ("Ellsmere", "NORP"), ("D.", "NORP")])
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, oracle, names=set())
    # "of Ellsmere's mayor": the "of" belongs to the mayor; one letter is an initial
    assert [m.label for m in mentions] == ["GPE", "NORP", "NORP"]


def test_a_short_acronym_needs_the_prior_of_a_country_or_division_alias() -> None:
    oracle = FakeOracle({"QF": 0.54, "NSR": 0.57})  # a city's alias; a division's alias
    doc = make_doc("Students at QF and officials in NSR met.", [("QF", "ORG"), ("NSR", "ORG")])
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, oracle, names=set())
    assert [m.label for m in mentions] == ["ORG", "GPE"]


def test_a_number_after_the_starts_no_place_name() -> None:
    oracle = FakeOracle({"one": 0.5, "Two Rivers": 0.75})
    doc = make_doc("The one man who was caught is from Ellsmere.", [("one", "CARDINAL")])
    assert recover_untagged(doc, mentions_from_doc(doc), oracle, set()) == []


def test_lowercase_model_places_are_dropped_unless_the_text_has_no_capitals() -> None:
    text = "The gulf in pay grew, and the metro area lost jobs in Brantwick."
    doc = make_doc(text, [("gulf", "LOC"), ("metro", "FAC"), ("Brantwick", "GPE")])
    mentions = mentions_from_doc(doc)
    drop_non_places(doc, mentions, ORACLE)
    assert [mention_text(doc, m) for m in mentions] == ["Brantwick"]
    lower = make_doc("flooding hit the metro again", [("metro", "FAC")])
    mentions = mentions_from_doc(lower)
    drop_non_places(lower, mentions, ORACLE)
    assert [mention_text(lower, m) for m in mentions] == ["metro"]


def test_a_lone_compass_word_or_holiday_is_no_place() -> None:
    text = "Storms hit the North over Easter, then North Kesh and the West."
    doc = make_doc(text, [
        ("North", "GPE"), ("Easter", "GPE"), ("North Kesh", "GPE"), ("West", "LOC"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    drop_non_places(doc, mentions, ORACLE)
    # no place is called "the West" alone: the Western world is no place any source lists
    assert [mention_text(doc, m) for m in mentions] == ["North Kesh"]


def test_a_name_before_day_is_a_day_unless_a_country_or_division() -> None:
    text = "Brantwick marked St. Corvan's Day, Fenwick Day, Kesh's Day and Kesh Day on Monday."
    doc = make_doc(text, [
        ("Brantwick", "GPE"), ("St. Corvan", "GPE"), ("Fenwick", "GPE"), ("Kesh", "GPE"),
        ("Kesh", "GPE"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    drop_non_places(doc, mentions, ORACLE)
    assert [(mention_text(doc, m), m.start) for m in mentions] == [
        ("Brantwick", 0),
        ("Kesh", text.rindex("Kesh")),
    ]


def test_unknown_one_word_place_without_context_is_demoted() -> None:
    doc = make_doc("Talks with Zvantsev stalled, sources near Lorne and in Quorra said.", [
        ("Zvantsev", "GPE"), ("Lorne", "GPE"), ("Quorra", "GPE"),
    ])  # fmt: skip
    mentions = mentions_from_doc(doc)
    relabel_places(doc, mentions, ORACLE, names=set())
    assert [m.label for m in mentions] == ["PERSON", "GPE", "GPE"]


def nested(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = make_doc(text, ents)
    out: list[Mention] = embedded_places(doc, mentions_from_doc(doc), ORACLE)
    return [(mention_text(doc, m), m.label) for m in out]


def test_place_at_the_head_of_an_organisation_is_nested() -> None:
    got = nested("The Brantwick Police Department said so.", [
        ("The Brantwick Police Department", "ORG"),
    ])  # fmt: skip
    assert got == [("Brantwick", "GPE")]


def test_a_county_opening_a_building_or_an_official_is_nested() -> None:
    got = nested("Brantwick County Sheriff deputies and Ellsmere Fire Station crews met.", [
        ("Brantwick County Sheriff", "FAC"), ("Ellsmere Fire Station", "FAC"),
    ])  # fmt: skip
    # a facility named after a town may be anywhere; a county's office is in the county
    assert got == [("Brantwick County", "GPE")]
    doc = make_doc(
        "Then Kesh County Clerk Ada Munro spoke.", [("Kesh County Clerk Ada Munro", "PERSON")]
    )
    out = embedded_places(doc, [_whole_mention(doc)], ORACLE)
    assert [(mention_text(doc, m), m.label) for m in out] == [("Kesh County", "GPE")]


def _whole_mention(doc: Doc) -> Mention:
    ent = doc.ents[0]  # mentions_from_doc would cut the PERSON after its title "Clerk"
    return Mention(ent.start_char, ent.end_char, ent.start, ent.end, "PERSON")


def test_a_place_after_a_direction_word_is_nested() -> None:
    text = "Northeast Kesh Medical Center and North of Services and Central Metro Kesh Board met."
    doc = make_doc(text, [
        ("Northeast Kesh Medical Center", "ORG"), ("North of Services", "ORG"),
        ("Central Metro Kesh Board", "ORG"),
    ])  # fmt: skip
    # "of" and "Metro" are towns' names somewhere; neither follows a direction as a place
    oracle = FakeOracle({"Kesh": 0.95, "of": 0.75, "Metro": 0.75, "Metro Kesh": 0.75})
    out = embedded_places(doc, mentions_from_doc(doc), oracle)
    assert [(mention_text(doc, m), m.label) for m in out] == [("Kesh", "GPE")]


def test_place_after_of_and_demonym_head_are_nested() -> None:
    assert nested("He studied at the University of Kesh.", [
        ("the University of Kesh", "ORG"),
    ]) == [("Kesh", "GPE")]  # fmt: skip
    assert nested("The Georgian Interior Ministry said.", [
        ("The Georgian Interior Ministry", "ORG"),
    ]) == [("Georgian", "NORP")]  # fmt: skip


def test_weak_or_generic_heads_are_not_nested() -> None:
    assert nested("The Corvallo Arts Council met.", [("The Corvallo Arts Council", "ORG")]) == []
    assert nested("The University Press said.", [("The University Press", "ORG")]) == []


def _resolved(text: str, ents: list[tuple[str, str]], oracle: FakeOracle) -> list[tuple[str, str]]:
    from streams.tag.tagger import resolve_mentions

    doc = make_doc(text, ents)
    return [(mention_text(doc, m), m.label) for m in resolve_mentions(doc, oracle)]


def test_a_known_place_where_a_place_is_expected_outvotes_a_contrary_label() -> None:
    # The model calls the town a place once ("in ...") and a person once; the gazetteer
    # knows it only by transliteration, which is enough after a preposition.
    oracle = FakeOracle({"Al-Qasrun": 0.3})
    text = "Shells fell on homes in Al-Qasrun near the border. Al-Qasrun has been hit before."
    got = _resolved(text, [("Al-Qasrun", "LOC"), ("Al-Qasrun", "PERSON")], oracle)
    assert got == [("Al-Qasrun", "LOC"), ("Al-Qasrun", "LOC")]


def test_a_weak_match_without_an_arabic_article_stays_a_person() -> None:
    oracle = FakeOracle({"Dunmore": 0.3})
    text = "Crowds waited in Dunmore for the count. Dunmore has been hit before."
    got = _resolved(text, [("Dunmore", "LOC"), ("Dunmore", "PERSON")], oracle)
    assert got == [("Dunmore", "PERSON"), ("Dunmore", "PERSON")]


def listed(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    doc = make_doc(text, ents)
    mentions = mentions_from_doc(doc)
    new = listed_places(doc, mentions, ORACLE)
    return sorted((mention_text(doc, m), m.label, m.evidence) for m in mentions + new)


def test_items_of_a_list_closed_by_a_plural_place_word_are_places_of_that_kind() -> None:
    text = "Storms hit Fenwick, Corvallo and Brantwick counties, and the Lorne and Kesh rivers."
    got = listed(text, [("Corvallo", "PERSON")])
    assert got == [
        ("Brantwick", "GPE", "listed"),
        ("Corvallo", "GPE", "listed"),
        ("Fenwick", "GPE", "listed"),
        ("Kesh", "LOC", "listed"),
        ("Lorne", "LOC", "listed"),
    ]
    assert listed("Crews closed the Ellsmere and Oak Hollow streets.", []) == [
        ("Ellsmere", "FAC", "listed"),
        ("Oak Hollow", "FAC", "listed"),
    ]


def test_a_list_needs_two_items_and_an_unknown_person_stays_a_person() -> None:
    # one item ("Fenwick counties" alone) is too little evidence of a list
    assert listed("Rain fell in the Fenwick counties on Monday.", []) == []
    # the artist is no place the gazetteer knows; a model label stays, untagged ones join
    text = "Murals by Quorrin and Fenwick boroughs were saved."
    assert listed(text, [("Quorrin", "PERSON")]) == [
        ("Fenwick", "GPE", "listed"),
        ("Quorrin", "PERSON", "ner"),
    ]
    # a sentence-initial stop word is no part of the first item
    assert listed("In Fenwick and Kesh counties, polls closed.", []) == [
        ("Fenwick", "GPE", "listed"),
        ("Kesh", "GPE", "listed"),
    ]


def test_a_big_town_in_a_name_is_a_place_where_the_text_places_it() -> None:
    # the model took the town for part of a shop's owner and for a person in "in ..."
    oracle = FakeOracle({"Ellsmere": 0.75})
    text = "The ticket was sold at Ellsmere Fuel Stop. Buyers in Ellsmere cheered."
    got = _resolved(text, [("Ellsmere Fuel Stop", "PERSON"), ("Ellsmere", "PERSON")], oracle)
    assert got[-1] == ("Ellsmere", "GPE")
    # "according to", "spoke to" and a possessive name a person, not a place
    for text in (
        "Ada Ellsmere was charged. The car was found, according to Ellsmere.",
        "Ada Ellsmere was charged. Police spoke to Ellsmere on Monday.",
        "Ada Ellsmere was charged. A gun was found at Ellsmere's flat.",
    ):
        got = _resolved(text, [("Ada Ellsmere", "PERSON"), ("Ellsmere", "PERSON")], oracle)
        assert got[-1] == ("Ellsmere", "PERSON"), text


def test_a_town_s_alternate_spelling_where_a_place_is_expected_is_a_place() -> None:
    # 0.75 x 0.6: the gazetteer knows a town of 10,000+ under another spelling
    oracle = FakeOracle({"Krasnoverkh": 0.75 * 0.6, "Dunmore": 0.3})
    text = "Families who fled from Krasnoverkh and from Dunmore reached the camp."
    got = _resolved(text, [("Krasnoverkh", "PERSON"), ("Dunmore", "PERSON")], oracle)
    assert got == [("Krasnoverkh", "GPE"), ("Dunmore", "PERSON")]


def test_a_town_s_alternate_spelling_stays_a_person_without_place_cues() -> None:
    oracle = FakeOracle({"Krasnoverkh": 0.75 * 0.6})
    text = "Krasnoverkh told the committee that the budget was late."
    assert _resolved(text, [("Krasnoverkh", "PERSON")], oracle) == [("Krasnoverkh", "PERSON")]
    # nor where the article gives it a person's full name
    text = "Ivo Krasnoverkh spoke. Aid came from Krasnoverkh, the minister said."
    got = _resolved(text, [("Ivo Krasnoverkh", "PERSON"), ("Krasnoverkh", "PERSON")], oracle)
    assert ("Krasnoverkh", "GPE") not in got


def test_a_town_s_mayor_or_police_make_a_place_context_but_its_family_does_not() -> None:
    oracle = FakeOracle({"Krasnoverkh": 0.75 * 0.6})
    text = "Krasnoverkh's mayor asked for generators."
    assert _resolved(text, [("Krasnoverkh", "PERSON")], oracle) == [("Krasnoverkh", "GPE")]
    text = "Krasnoverkh's family asked for privacy."
    assert _resolved(text, [("Krasnoverkh", "PERSON")], oracle) == [("Krasnoverkh", "PERSON")]


def test_metro_is_a_generic_word_not_a_town() -> None:
    # a town in Indonesia bears the name; in English news it is a city's government
    oracle = FakeOracle({"Metro": 0.9})
    text = "The bill went to the Metro council, and officials in Metro approved it."
    got = _resolved(text, [("Metro", "ORG"), ("Metro", "ORG")], oracle)
    assert not any(label in ("GPE", "LOC", "FAC") for _, label in got)


def test_a_lake_or_mount_of_two_words_is_a_feature_but_longer_names_are_not() -> None:
    assert head_label(["Lake", "Lanier"]) == "LOC"
    assert head_label(["Mt.", "Pleasant"]) == "LOC"
    assert head_label(["Mount", "Vernon", "Chamber", "of", "Commerce"]) is None
    assert head_label(["Lake", "of"]) is None
    assert head_label(["Tewksbury", "Twp."]) == "GPE"
    text = "Runoff that reaches Lake Lanier worries the county."
    assert _resolved(text, [("Lake Lanier", "PERSON")], FakeOracle()) == [("Lake Lanier", "LOC")]


def _recovered(text: str, ents: list[tuple[str, str]], oracle: FakeOracle) -> list[str]:
    doc = make_doc(text, ents)
    mentions = mentions_from_doc(doc)
    new = recover_untagged(doc, mentions, oracle, set())
    return [f"{mention_text(doc, m)}@{m.start}:{m.label}" for m in new]


def test_a_town_the_article_places_is_that_place_at_a_sentence_start_too() -> None:
    oracle = FakeOracle({"Brantwick": 0.75, "Ruritania": 0.95})
    text = "Crews worked in Brantwick overnight. Brantwick raised its goal on Monday."
    assert _recovered(text, [("Brantwick", "GPE")], oracle) == ["Brantwick@37:GPE"]
    # not where the model's place had no place context, nor a country, nor a speaker
    text = "Brantwick crews worked overnight. Brantwick raised its goal on Monday."
    assert _recovered(text, [("Brantwick", "GPE")], oracle) == []
    text = "Crews worked in Ruritania overnight. Ruritania raised its goal on Monday."
    assert _recovered(text, [("Ruritania", "GPE")], oracle) == []
    text = "Crews worked in Brantwick overnight. Brantwick raised it, said Brantwick."
    assert _recovered(text, [("Brantwick", "GPE")], oracle) == []
