"""A worker enriches one text of its own before it joins the group."""

import pytest

from streams.core.pipeline import Pipeline
from streams.service.model.stages import LocalModel
from streams.service.startup import warm_up
from tests.fakes import BlankLineSplitter, DictGeocoder, DictTagger


def test_warm_up_runs_every_stage_once():
    tagger = DictTagger()
    pipeline = Pipeline(BlankLineSplitter(), tagger, DictGeocoder())
    assert warm_up(pipeline.splitter, LocalModel(lambda: pipeline)) >= 0
    assert tagger.batches == [1]


def test_a_stage_that_fails_at_warm_up_stops_the_worker():
    tagger = DictTagger(fail_on="Oban")
    pipeline = Pipeline(BlankLineSplitter(), tagger, DictGeocoder())
    with pytest.raises(RuntimeError, match="Oban"):
        warm_up(pipeline.splitter, LocalModel(lambda: pipeline))
