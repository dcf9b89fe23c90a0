from schemas.models import Span
from streams.core.intake import RawInput
from streams.core.interfaces import Segment
from streams.core.pipeline import Pipeline, article_id, place_events
from tests.fakes import BlankLineSplitter, DictGeocoder, DictTagger

TEXT = "Lisbon opens bridge\nCrowds crossed in Lisbon.\n\nPorto wins\nFans in Porto cheered."


def pipeline(tagger=None) -> Pipeline:
    return Pipeline(BlankLineSplitter(), tagger or DictTagger(), DictGeocoder())


def test_enrich_keeps_exact_spans_and_order():
    arts = list(pipeline().enrich([RawInput(source_id="s", text=TEXT)]))
    assert [a.index for a in arts] == [0, 1]
    assert [TEXT[a.span.start : a.span.end] for a in arts] == [a.text for a in arts]
    assert [[p.name for p in a.places] for a in arts] == [["Lisbon"], ["Porto"]]


def test_enrich_batches_the_tagger():
    tagger = DictTagger()
    raws = [RawInput(source_id=f"s{i}", text=TEXT) for i in range(5)]
    assert len(list(pipeline(tagger).enrich(raws, batch_size=4))) == 10
    assert tagger.batches == [4, 4, 2]


def test_ids_are_deterministic_and_seeded_only_by_explicit_ids():
    seg = Segment(start=0, end=6, sentences=[Span(start=0, end=6)])
    derived = [RawInput(source_id=f"raw:0:{n}", text="Lisbon") for n in (1, 2)]
    assert article_id(derived[0], seg) == article_id(derived[1], seg)
    given = [RawInput(source_id=s, text="Lisbon", explicit_id=True) for s in ("a", "b")]
    assert article_id(given[0], seg) != article_id(given[1], seg)
    assert article_id(given[0], seg) == article_id(given[0], seg)


def test_place_events_mark_focus_and_count_mentions():
    art = next(pipeline().enrich([RawInput(source_id="s", text=TEXT)]))
    (event,) = place_events(art)
    assert (event.place.name, event.mentions, event.is_focus) == ("Lisbon", 2, True)
    assert event.article_id == art.id and event.id == f"{art.id}:2267057"


def test_an_input_marked_whole_is_one_article():
    raw = RawInput(source_id="s", text=TEXT, split=False)
    (art,) = pipeline().split(raw)
    assert art.text == TEXT and art.span == Span(start=0, end=len(TEXT))
