"""The model's stages on record bytes, in this process and in a process of their own."""

from __future__ import annotations

import threading

import pytest

from schemas.models import ArticleV1, EnrichedArticleV1, PlaceEventV1, TaggedArticleV1
from streams.core.errors import ConfigError
from streams.core.intake import RawInput
from streams.service.codec import Reason, decode, encode
from streams.service.letters import Failed, letter_record
from streams.service.model.process import ModelProcess, ModelProcessDied
from streams.service.model.stages import Outputs, serve
from streams.settings import Settings
from tests.fakes import dying_pipeline, model_pipeline, unloadable_pipeline

TEXT = "Lisbon opens bridge\nCrowds crossed in Lisbon.\n\nKaboom in Porto\nFans in Porto."


def articles() -> list[bytes]:
    """Two encoded articles: one about Lisbon, one the fake tagger fails on."""
    pipeline = model_pipeline(None)
    return [encode(a) for a in pipeline.split(RawInput(source_id="s", text=TEXT))]


@pytest.fixture(scope="module")
def child():
    model = ModelProcess(Settings(), build=model_pipeline)
    model.start()
    model.wait_loaded()
    yield model
    model.close()


def test_serve_encodes_each_record_and_gives_a_reason_for_each_failure():
    good, kaboom = articles()
    outcomes = serve(model_pipeline(None), "tag", [good, b"{not json", kaboom, None])
    assert isinstance(outcomes[0], Outputs)
    [(role, [(key, value)])] = outcomes[0].by_role
    tagged = decode(value, TaggedArticleV1, stage="tag")
    assert (role, key) == ("tagged", tagged.article.id.encode())
    assert [e.text for e in tagged.entities] == ["Lisbon", "Lisbon"]
    # not JSON, and no value at all: failed at decoding, in the model's stage
    for outcome in (outcomes[1], outcomes[3]):
        assert isinstance(outcome, Reason)
        assert (outcome.code, outcome.stage) == ("bad_event", "tag")
        assert outcome.cls == "streams.core.errors.EventError"
    # the batch failed on Kaboom: each record was retried alone, and only Kaboom failed
    assert outcomes[2] == Reason(
        "internal", "tag", "RuntimeError: tagger cannot handle 'Kaboom'", "builtins.RuntimeError"
    )


def test_the_child_answers_bytes_as_the_thread_does(child: ModelProcess):
    good, kaboom = articles()
    tagged, seconds = child.run("tag", [good, kaboom])
    assert seconds >= 0
    assert tagged == serve(model_pipeline(None), "tag", [good, kaboom])
    value = tagged[0].by_role[0][1][0][1]  # type: ignore[union-attr]
    [enriched], _ = child.run("geocode", [value])
    assert isinstance(enriched, Outputs)
    roles = dict(enriched.by_role)
    article = decode(roles["enriched"][0][1], EnrichedArticleV1, stage="geocode")
    assert [p.name for p in article.places] == ["Lisbon"]
    [(key, place)] = roles["places"]
    assert decode(place, PlaceEventV1, stage="geocode").article_id == key.decode() == article.id
    assert decode(good, ArticleV1, stage="tag").id == article.id


def test_a_record_that_fails_in_the_child_is_dead_lettered_with_its_reason(child: ModelProcess):
    _, kaboom = articles()
    [reason], _ = child.run("tag", [kaboom])
    assert isinstance(reason, Reason)
    failed = Failed(topic="geowire.articles", partition=2, offset=7, key=b"k", value=kaboom)
    record = letter_record(reason, failed, stage="tag", group="geowire")
    assert record.letter.error.code == "internal"
    assert record.letter.error.message == "RuntimeError: tagger cannot handle 'Kaboom'"
    assert record.letter.value  # the original bytes, base64
    assert ("geowire-dlq-class", b"builtins.RuntimeError") in record.headers


def test_a_model_that_cannot_load_fails_the_start_with_its_setting():
    model = ModelProcess(Settings(), build=unloadable_pipeline)
    model.start()
    try:
        with pytest.raises(ConfigError, match="nope") as raised:
            model.wait_loaded()
        assert raised.value.setting == "spacy_model"
    finally:
        model.close()


def test_the_death_of_the_child_fails_the_batch_and_is_seen_while_idle():
    model = ModelProcess(Settings(), build=dying_pipeline)
    model.start()
    try:
        model.wait_loaded()
        assert model.died() is None
        reported: list[ModelProcessDied] = []
        seen = threading.Event()
        model.on_death(lambda error: (reported.append(error), seen.set()))
        die = encode(model_pipeline(None).split(RawInput(source_id="s", text="Die here"))[0])
        with pytest.raises(ModelProcessDied, match="exit code 3"):
            model.run("tag", [die])
        assert seen.wait(10), "the death was not reported"
        assert "exit code 3" in str(reported[0])
        assert isinstance(model.died(), ModelProcessDied)
        with pytest.raises(ModelProcessDied):
            model.run("tag", [die])
    finally:
        model.close()


def test_a_closed_child_ends_and_is_no_crash():
    model = ModelProcess(Settings(), build=model_pipeline)
    model.start()
    model.wait_loaded()
    reported: list[ModelProcessDied] = []
    model.on_death(reported.append)
    model.close()
    assert model._process is not None and model._process.returncode == 0
    assert model.died() is None and reported == []
