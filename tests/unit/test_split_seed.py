"""The seed dump from the shared data (read at run time, skipped when absent)."""

from __future__ import annotations

import hashlib

import pytest

from streams.paths import shared_dir
from streams.split.splitter import PageSplitter

SEED = shared_dir() / "samples" / "news-dump-iran.txt"
SEED_SHA256 = "bf63e3edd8ba5ea2e4982dbb2b0d29b90e08ff4dbe790b267a86527c24be1096"
#: Offsets of the first character of each of its six articles (checked by hand).
SEED_STARTS = [0, 1729, 3784, 7437, 9026, 12402]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed dump not available")
@pytest.mark.xfail(
    strict=True,
    reason="issue 21 target not met: six same-subject stories with no titles; the splitter "
    "finds 4 of the 5 breaks (1729 missed) at its precision-first threshold "
    "(docs/splitting.md)",
)
def test_seed_dump_gives_its_six_articles() -> None:
    data = SEED.read_bytes()
    if hashlib.sha256(data).hexdigest() != SEED_SHA256:
        pytest.skip("the seed dump changed; its article offsets need checking again")
    text = data.decode("utf-8")
    segments = PageSplitter().split(text)
    assert [s.start for s in segments] == SEED_STARTS
    first = segments[0]
    assert first.headline is not None
    assert len(first.duplicates) == 1  # the standfirst repeated as the lead
