import asyncio
import base64

import orjson

from schemas.models import ArticleV1, DeadLetterV1, EnrichedArticleV1, PlaceEventV1, TaggedArticleV1
from streams.core.intake import RawInput
from streams.core.pipeline import split_articles
from streams.service.codec import encode
from tests.fakes import BlankLineSplitter

DUMP = (
    b"Storm reaches Lisbon\nHeavy rain hit Lisbon overnight.\n\n"
    b"Porto ferry resumes\nBoats left Porto at dawn."
)


async def settle(agent, n: int, topic, timeout: float = 3.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if len(topic.sent) >= n:
            return
        await asyncio.sleep(0.02)


async def until(check, timeout: float = 3.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)


def values(topic, model):
    return [model.model_validate(orjson.loads(v)) for _, v in topic.sent]


async def test_split_agent_publishes_articles_keyed_by_id(harness):
    app, rt = harness
    async with app.agents["split_inputs"].test_context() as agent:
        await agent.put(DUMP, key=b"dump-1")
    arts = values(rt.topics["articles"], ArticleV1)
    assert [a.headline for a in arts] == ["Storm reaches Lisbon", "Porto ferry resumes"]
    assert all(a.source_id == "dump-1" for a in arts)
    assert [k for k, _ in rt.topics["articles"].sent] == [a.id.encode() for a in arts]
    assert all(DUMP.decode()[a.span.start : a.span.end] == a.text for a in arts)


async def test_split_agent_dead_letters_bad_input_and_keeps_going(harness):
    app, rt = harness
    async with app.agents["split_inputs"].test_context() as agent:
        await agent.put(b"\xff\xfebroken", key=b"bad-1")
        await agent.put(b'{"text": ', key=b"bad-2")
        await agent.put(b"x" * 2001, key=b"big")
        await agent.put(DUMP, key=b"good")
        # the count follows the broker's acks, a step after the records are handed over
        await until(lambda: rt.metrics.value("geowire_articles_total", role="articles") == 2)
    letters = values(rt.topics["dlq"], DeadLetterV1)
    assert [(letter.error.code, base64.b64decode(letter.key)) for letter in letters] == [
        ("not_utf8", b"bad-1"),
        ("bad_json", b"bad-2"),
        ("too_large", b"big"),
    ]
    assert base64.b64decode(letters[0].value) == b"\xff\xfebroken"
    assert len(rt.topics["articles"].sent) == 2
    # the worker's counters say the same (its /metrics page shows them)
    m = rt.metrics
    assert m.value("geowire_records_total", stage="split") == 4
    assert m.value("geowire_articles_total", role="articles") == 2
    for code in ("not_utf8", "bad_json", "too_large"):
        assert m.value("geowire_dead_letters_total", stage="decode", code=code) == 1


def articles() -> list[ArticleV1]:
    raw = RawInput(source_id="s", text=DUMP.decode())
    return split_articles(BlankLineSplitter(), raw)


async def test_tag_agent_batches_and_dead_letters_undecodable_events(harness):
    app, rt = harness
    async with app.agents["tag_articles"].test_context() as agent:
        await agent.put(b"not an article", key=b"junk")
        for art in articles():
            await agent.put(encode(art), key=art.id.encode())
        await settle(agent, 2, rt.topics["tagged"])
    tagged = values(rt.topics["tagged"], TaggedArticleV1)
    assert [[e.text for e in t.entities] for t in tagged] == [
        ["Lisbon", "Lisbon"],
        ["Porto", "Porto"],
    ]
    assert [d.error.code for d in values(rt.topics["dlq"], DeadLetterV1)] == ["bad_event"]
    assert max(rt.components.tagger.batches) == 2  # both articles went through in one call
    assert rt.metrics.value("geowire_dead_letters_total", stage="tag", code="bad_event") == 1
    assert rt.metrics.value("geowire_batch_seconds_count", stage="tag") >= 1


async def test_tag_agent_isolates_a_record_that_breaks_the_model(harness):
    app, rt = harness
    rt.components.tagger.fail_on = "ferry"
    async with app.agents["tag_articles"].test_context() as agent:
        for art in articles():
            await agent.put(encode(art), key=art.id.encode())
        await settle(agent, 1, rt.topics["dlq"])
        await settle(agent, 1, rt.topics["tagged"])
    letters = values(rt.topics["dlq"], DeadLetterV1)
    assert [(d.error.code, d.error.stage) for d in letters] == [("internal", "tag")]
    assert [t.article.headline for t in values(rt.topics["tagged"], TaggedArticleV1)] == [
        "Storm reaches Lisbon"
    ]


async def test_geocode_agent_emits_enriched_articles_and_place_events(harness):
    app, rt = harness
    tagged = rt.components.pipeline.tag(articles())
    async with app.agents["geocode_articles"].test_context() as agent:
        for t in tagged:
            await agent.put(encode(t), key=t.article.id.encode())
        await settle(agent, 2, rt.topics["enriched"])
    enriched = values(rt.topics["enriched"], EnrichedArticleV1)
    assert [[p.name for p in e.places] for e in enriched] == [["Lisbon"], ["Porto"]]
    events = values(rt.topics["places"], PlaceEventV1)
    assert [(e.place.name, e.mentions, e.is_focus) for e in events] == [
        ("Lisbon", 2, True),
        ("Porto", 2, True),
    ]
    assert events[0].id == f"{enriched[0].id}:{events[0].place.geonameid}"


async def test_an_event_too_large_to_publish_dead_letters_its_source(harness):
    app, rt = harness
    small, big = articles()
    rt.topics["tagged"].max_bytes = len(encode(rt.components.pipeline.tag([small])[0])) + 10
    big = big.model_copy(update={"text": big.text + " More rain." * 40})
    async with app.agents["tag_articles"].test_context() as agent:
        for art in (small, big):
            await agent.put(encode(art), key=art.id.encode())
        await settle(agent, 1, rt.topics["dlq"])
    (letter,) = values(rt.topics["dlq"], DeadLetterV1)
    assert (letter.error.code, letter.error.stage) == ("too_large", "publish")
    assert base64.b64decode(letter.value) == encode(big)
    assert [t.article.id for t in values(rt.topics["tagged"], TaggedArticleV1)] == [small.id]


async def test_split_agent_keeps_an_input_whole_on_header(harness):
    app, rt = harness
    async with app.agents["split_inputs"].test_context() as agent:
        await agent.put(DUMP, key=b"one", headers={"geowire-split": b"never"})
        await agent.put(DUMP, key=b"two", headers=[("geowire-split", b"auto")])
        await until(lambda: len(rt.topics["articles"].sent) >= 3)
    arts = values(rt.topics["articles"], ArticleV1)
    assert [a.source_id for a in arts] == ["one", "two", "two"]
    assert arts[0].text == DUMP.decode()
