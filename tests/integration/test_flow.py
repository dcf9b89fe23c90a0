"""End to end on a real broker: inputs on the raw topic, enriched events out."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys

import pytest

from streams.service.client import collect, produce
from tests.integration.conftest import ROOT, SHARED

pytestmark = pytest.mark.integration
SAMPLES = ROOT / "tests" / "data" / "samples"


def send(settings, records) -> None:
    asyncio.run(produce(settings, records))


def read(settings, topic: str, n: int, timeout: float = 90) -> list[dict]:
    return collect(settings, topic, from_beginning=True, max_records=n, timeout_s=timeout)


def offline_enrich(path) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "streams.cli.main", "enrich", str(path)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def by_id(records: list[dict]) -> dict[str, dict]:
    return {r["value"]["id"]: r["value"] for r in records}


def test_samples_come_out_enriched_like_the_offline_cli(worker, it_settings):
    dump = (SAMPLES / "wire-dump.txt").read_bytes()
    send(it_settings, [(b"wire-dump.txt", dump)])  # keyed as `geowire produce` does
    enriched = by_id(read(it_settings, it_settings.topic_enriched, 3))
    assert sorted(a["headline"] for a in enriched.values()) == [
        "Chicago council approves new transit budget",
        "Floods close roads across northern Portugal",
        "Kenya and Tanzania agree to build a cross-border railway",
    ]
    text = dump.decode()
    for art in enriched.values():
        assert text[art["span"]["start"] : art["span"]["end"]] == art["text"]
        assert art["source_id"] == "wire-dump.txt"
    kenya = next(a for a in enriched.values() if a["headline"].startswith("Kenya"))
    places = {p["name"]: p for p in kenya["places"]}
    assert {"Kenya", "Tanzania", "Nairobi", "Mombasa"} <= set(places)
    assert places["Nairobi"]["country_code"] == "KE"
    persons = {e["canonical"] for e in kenya["entities"] if e["label"] == "PERSON"}
    assert "Daniel Otieno" in persons
    # The same input through `geowire enrich` gives the same articles.
    offline = {a["id"]: a for a in offline_enrich(SAMPLES / "wire-dump.txt")}
    assert offline == enriched


def test_place_events_follow_enriched_articles(worker, it_settings):
    send(it_settings, [(b"quake", (SAMPLES / "quake-report.txt").read_bytes())])
    events = [r["value"] for r in read(it_settings, it_settings.topic_places, 200, timeout=30)]
    quake = [e for e in events if e["headline"] == "Strong earthquake shakes central Chile"]
    names = {e["place"]["name"] for e in quake}
    assert {"Chile", "Santiago", "Valparaiso"} <= names or {
        "Chile",
        "Santiago",
        "Valparaíso",
    } <= names
    assert any(e["is_focus"] and e["place"]["country_code"] == "CL" for e in quake)
    assert len({e["id"] for e in quake}) == len(quake)


BAD = [
    (b"empty", b"", "no_text"),
    (b"latin1", "Caf\u00e9 in S\u00e3o Paulo".encode("latin-1"), "not_utf8"),
    (b"broken-json", b'{"id": "x", "text": "unterminated', "bad_json"),
    (b"no-text", b'{"id": "y", "title": "headline only"}', "no_text"),
    (b"binary", bytes(range(256)) * 4, "not_utf8"),
    (b"control", b"\x00\x01\x02\x03\x04\x05\x06\x07 mostly control bytes", "binary"),
    (b"huge", b"word " * (70 * 1024 // 5), "too_large"),
]


def test_bad_inputs_land_on_the_dlq_while_good_ones_flow(worker, it_settings):
    good = (SAMPLES / "quake-report.txt").read_bytes()
    send(it_settings, [(key, value) for key, value, _ in BAD] + [(b"good-after-bad", good)])
    letters = [r["value"] for r in read(it_settings, it_settings.topic_dlq, len(BAD), timeout=60)]
    got = {base64.b64decode(d["key"]): d for d in letters}
    assert {k: d["error"]["code"] for k, d in got.items()} == {k: c for k, _, c in BAD}
    for key, value, _ in BAD:
        assert base64.b64decode(got[key]["value"]) == value
        assert got[key]["topic"] == it_settings.topic_raw
    enriched = [r["value"] for r in read(it_settings, it_settings.topic_enriched, 50, timeout=20)]
    assert any(a["source_id"] == "good-after-bad" for a in enriched)


def send_seed(settings, key: bytes):
    """Send the shared seed dump under ``key``; skip when ../shared is absent."""
    seed = SHARED / "samples" / "news-dump-iran.txt"
    if not seed.exists():
        pytest.skip("../shared/samples is absent")
    send(settings, [(key, seed.read_bytes())])
    return seed


def test_seed_dump_is_enriched_with_places(worker, it_settings):
    seed = send_seed(it_settings, b"news-dump-iran.txt")
    records = read(it_settings, it_settings.topic_enriched, 100, timeout=30)
    seed_articles = [r["value"] for r in records if r["value"]["source_id"] == "news-dump-iran.txt"]
    assert seed_articles  # how many: test_seed_dump_comes_out_as_six_articles
    names = {p["name"] for a in seed_articles for p in a["places"]}
    assert {"Baghdad", "Tehran", "Iran", "Iraq"} <= names
    offline = sorted(offline_enrich(seed), key=lambda a: a["index"])
    assert offline == sorted(seed_articles, key=lambda a: a["index"])
    events = [r["value"] for r in read(it_settings, it_settings.topic_places, 500, timeout=20)]
    assert any(
        e["source_id"] == "news-dump-iran.txt" and e["place"]["name"] == "Baghdad" for e in events
    )


@pytest.mark.xfail(
    strict=True,
    reason="issue 21 target not met: the splitter finds 4 of the seed's 5 breaks "
    "(tests/unit/test_split_seed.py, docs/splitting.md)",
)
def test_seed_dump_comes_out_as_six_articles(worker, it_settings):
    send_seed(it_settings, b"news-dump-iran-count")
    records = read(it_settings, it_settings.topic_articles, 100, timeout=30)
    found = [r for r in records if r["value"]["source_id"] == "news-dump-iran-count"]
    assert len(found) == 6
