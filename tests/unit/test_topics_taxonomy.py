"""Topics: the taxonomy's coverage, thresholds, scores and evidence."""

from __future__ import annotations

from streams.tag.taxonomy import TAXONOMY
from streams.tag.topics import score_topics

REQUIRED = {
    "armed-conflict", "diplomacy", "terrorism", "crime", "courts", "economy", "banking",
    "sanctions", "elections", "protest", "disaster", "health", "energy", "technology",
    "sport", "culture",
}  # fmt: skip


def labels(text: str) -> list[str]:
    return [t.label for t in score_topics(text)]


def test_taxonomy_covers_the_required_topics() -> None:
    assert set(TAXONOMY) >= REQUIRED
    for terms in TAXONOMY.values():
        assert all(term == term.lower() and weight > 0 for term, weight in terms.items())


def test_each_required_topic_fires_on_its_own_story() -> None:
    stories = {
        "armed-conflict": "Artillery shelling and an airstrike hit the frontline; troops fled.",
        "diplomacy": "The foreign minister met the ambassador at the embassy before the summit.",
        "terrorism": "The terrorist cell plotted a suicide bombing; the jihadist leader was held.",
        "crime": "Police arrested two suspects after the robbery and a stabbing downtown.",
        "courts": "The judge told the jury the trial would resume; the defendant pleaded.",
        "economy": "Inflation rose as unemployment fell and the economy entered recession.",
        "banking": "The central bank raised interest rates as mortgage lenders tightened loans.",
        "sanctions": "New sanctions and an oil embargo followed; the asset freeze was widened.",
        "elections": "Voters cast ballots in the election; turnout was high for the candidate.",
        "protest": "Protesters marched; police fired tear gas at the rally as unrest grew.",
        "disaster": "The earthquake and flooding forced evacuations; the death toll rose.",
        "health": "The hospital reported an outbreak of the virus as vaccination slowed.",
        "energy": "Crude oil prices rose as OPEC cut output and the pipeline closed.",
        "technology": "The software startup was hacked in a cyberattack on its smartphone app.",
        "sport": "The football team won the championship at the stadium; players cheered.",
        "culture": "The film festival opened with a concert at the museum and a theatre premiere.",
        "transport": "The new railway will carry freight trains and commuter services to the port.",
    }
    for topic, story in stories.items():
        assert labels(story)[:1] == [topic], (topic, score_topics(story))


def test_scores_are_bounded_and_evidence_is_the_words_as_written() -> None:
    (top, *_) = score_topics("Two airstrikes and heavy shelling hit the frontline; troops fled.")
    assert top.label == "armed-conflict"
    assert 0.5 <= top.score < 1
    assert "airstrikes" in top.evidence and "shelling" in top.evidence


def test_one_repeated_word_is_not_a_topic() -> None:
    assert labels("Football. " * 20) == []


def test_neutral_text_has_no_topics() -> None:
    assert score_topics("The weather was mild and the town was quiet on Sunday.") == []


def test_more_evidence_raises_the_score_towards_one() -> None:
    short = "The judge and the jury heard the trial; the verdict came."
    longer = short + (
        " Prosecutors appealed the sentence and the defendant filed a lawsuit in court;"
        " the attorney said the ruling was wrong."
    )
    (few,) = [t for t in score_topics(short) if t.label == "courts"]
    (many,) = [t for t in score_topics(longer) if t.label == "courts"]
    assert 0.5 <= few.score < many.score < 1.0
    assert len(many.evidence) > len(few.evidence)
