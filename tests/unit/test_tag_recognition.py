"""Recognition scoring: overlap counting, toponym selection, parts and the runner."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from schemas.models import Entity
from streams.evaluate.recognition import (
    head_size,
    read_part,
    run,
    score_recognition,
    toponym_spans,
)


def test_overlap_counts() -> None:
    gold = [(0, 5), (10, 15), (20, 25)]
    predicted = [(0, 5), (12, 18), (30, 35)]
    assert score_recognition(predicted, gold) == (2, 1, 1)


def test_two_predictions_in_one_gold_span_are_two_hits() -> None:
    assert score_recognition([(0, 3), (4, 8)], [(0, 8)]) == (2, 0, 0)


def test_touching_spans_do_not_overlap() -> None:
    assert score_recognition([(0, 5)], [(5, 9)]) == (0, 1, 1)


def test_toponyms_are_place_labels_and_demonyms_with_a_country() -> None:
    ents = [
        Entity(text="Kesh", label="GPE", start=0, end=4, canonical="Kesh"),
        Entity(text="Iranian", label="NORP", start=5, end=12, canonical="Iranian",
               country_code="IR"),
        Entity(text="Jewish", label="NORP", start=13, end=19, canonical="Jewish"),
        Entity(text="Ann", label="PERSON", start=20, end=23, canonical="Ann"),
    ]  # fmt: skip
    assert toponym_spans(ents) == [(0, 4), (5, 12)]
    assert toponym_spans(ents, demonyms=False) == [(0, 4)]


def _doc(i: int, ids: int) -> dict[str, object]:
    return {"id": str(i), "text": "x", "toponyms": [{"start": 0, "end": 1, "geonameid": 1}] * ids}


def test_head_is_the_prefix_with_70_percent_of_identified_toponyms() -> None:
    docs = [_doc(i, n) for i, n in enumerate([5, 1, 1, 1, 2])]  # 10 ids, 70% = 7
    assert head_size(docs) == 3
    assert head_size([{"text": "x"}] * 10) == 7


class FakeTagger:
    """Tags every occurrence of 'Kesh' as a GPE."""

    def tag_texts(self, texts: Sequence[str]) -> list[list[Entity]]:
        out = []
        for text in texts:
            at = text.find("Kesh")
            out.append(
                [Entity(text="Kesh", label="GPE", start=at, end=at + 4, canonical="Kesh")]
                if at >= 0 else []
            )  # fmt: skip
        return out


def test_run_prints_and_returns_figures(tmp_path: Path, capsys: object) -> None:
    rows = [
        {"id": "a", "text": "In Kesh and Lorne.", "toponyms": [
            {"start": 3, "end": 7, "geonameid": 1}, {"start": 12, "end": 17, "geonameid": 2}],
         "unresolved_toponyms": []},
        {"id": "b", "text": "Kesh\u2028again.", "toponyms": [], "unresolved_toponyms": []},
    ]  # fmt: skip
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    assert len(read_part(path, "all")) == 2  # U+2028 inside a string is no line break
    result = run(path, part="all", tagger=FakeTagger())
    assert (result["tp"], result["fp"], result["fn"], result["gold"]) == (1, 1, 1, 2)
    assert result["precision"] == 0.5 and result["recall"] == 0.5
    assert "F1=0.500" in capsys.readouterr().out  # type: ignore[attr-defined]
