"""Property tests: whatever the input, article spans tile its non-space text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.enrich.split import RuleSplitter

DATA = Path(__file__).resolve().parents[1] / "data" / "split"
SPLITTER = RuleSplitter()
_PARAGRAPHS = [
    p.strip()
    for name in ("harbor_dump.txt", "headline_repeat_dump.txt", "long_article.txt")
    for p in (DATA / name).read_text(encoding="utf-8").split("\n")
    if p.strip()
]


def _check_tiling(text: str) -> None:
    segments = SPLITTER.split(text)
    if not text.strip():
        assert segments == []
        return
    prev_end = 0
    for seg in segments:
        assert prev_end <= seg.start < seg.end <= len(text)
        assert not text[seg.start].isspace() and not text[seg.end - 1].isspace()
        assert text[prev_end : seg.start].strip() == ""  # nothing but spaces between
        prev_end = seg.end
        article = text[seg.start : seg.end]
        for sent in seg.sentences:
            assert 0 <= sent.start < sent.end <= len(article)
        for dup in seg.duplicates:
            assert 0 <= dup.start < dup.end <= len(article)
            assert dup.duplicate_of.end <= dup.start
    assert text[prev_end:].strip() == ""


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\n\n \t\"'ÉU.S1"))))
def test_spans_tile_any_text(text: str) -> None:
    _check_tiling(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PARAGRAPHS), st.sampled_from(["\n", "\n\n", "\n \n", "\n\n\n\n", " "])
        ),
        max_size=25,
    )
)
def test_spans_tile_shuffled_dumps(parts: list[tuple[str, str]]) -> None:
    _check_tiling("".join(p + sep for p, sep in parts))
