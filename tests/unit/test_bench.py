"""The service benchmark's plumbing: percentiles, phase bookkeeping, skipping without data."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from streams.bench import service
from streams.bench.report import Offline, ratios, rows
from streams.bench.traffic import Arrival, Collector, percentile
from streams.bench.workers import Worker, local_broker
from streams.cli.main import app
from streams.settings import Settings


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([7.0], 99) == 7.0


def test_collector_counts_each_article_once_per_phase() -> None:
    col = Collector(Settings())
    for arrival in [
        Arrival("tp-1", "a1", 1.0),
        Arrival("tp-2", "a2", 2.0),
        Arrival("tp-1", "a1", 3.0),  # redelivered: same id
        Arrival("lat-1", "a9", 4.0),
        Arrival("tp-3", "dlq:7", 5.0, dead=True),
    ]:
        col._add(arrival)
    assert [a.article_id for a in col.of("tp-")] == ["a1", "a2", "dlq:7"]
    assert col.of("tp-")[0].received == 1.0  # the first arrival counts
    assert [col.count(p) for p in ("tp-", "lat-", "ho-", "tp-1")] == [3, 1, 0, 1]
    assert col.duplicates("tp-") == 1
    assert col.duplicates("lat-") == 0


def test_service_bench_skips_without_the_data(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(service, "LGL", tmp_path / "absent.jsonl")
    # no broker is needed to skip
    assert service.run(Settings(kafka_bootstrap="localhost:1"), None, 0) is None
    assert "skipped" in capsys.readouterr().out


def test_the_table_has_every_figure_of_the_issue() -> None:
    off = Offline(counts=[1, 2], seconds=0.3, cpu_s=0.25)  # 10 articles/s
    one = {"rate": 8.0, "sustained": 9.0, "cpu_ms": 60, "duplicates": 0, "dead": 0, "rebalances": 0}
    one |= {"rss_mb": 500, "rss_now_mb": 450, "cold_s": 9}
    one["cpu_parts"] = {"shell": 6.0, "model": 54.0, "broker": 5.0, "client": 2.0}
    one["latency"] = {"offered": 4.5, "inputs": 20, "p50": 0.2, "p95": 0.5, "p99": 0.9, "max": 1}
    two = {**one, "rate": 12.0, "sustained": 15.0, "busiest": 0.523}
    two["handover"] = {"inputs": 30, "steady": 0.4, "leave": 2.5, "join": 9.0, "duplicates": 3}
    rounds = [{"offline": [off, off, off], "one": one, "two": two}]
    table = rows({"rounds": rounds})
    what = [r.what for r in table]
    assert what[:3] == ["offline articles/s", "1 worker articles/s", "2 workers articles/s"]
    assert any(w.startswith("latency p50/p95/p99 at 4.5") for w in what)
    assert {"worker peak RSS", "cold start to first enriched event"} <= set(what)
    leave_join = next(r for r in table if r.what.startswith("longest wait when a worker"))
    assert leave_join.figure == "2.5 / 9.0 s"
    assert leave_join.detail.endswith("articles twice 3")
    # the sustained rate is the figure; the whole run's is beside it
    assert (table[1].figure, table[2].figure) == ("9.0", "15.0")
    assert table[1].detail.startswith("0.90x offline")
    assert "whole run 8.0/s, 0.80x offline" in table[1].detail
    assert table[2].detail.startswith("1.67x 1 worker")
    assert "whole run 12.0/s, 1.50x 1 worker" in table[2].detail
    assert table[2].detail.endswith("the busier worker had 52.3%")
    cpu = next(r for r in table if r.what == "CPU ms per article")
    assert "shell 6.0 + model 54.0 + broker 5.0 + client 2.0 (1 worker)" in cpu.detail


def test_a_worker_s_partitions_come_from_its_latest_assignment(tmp_path: Path) -> None:
    worker = Worker({}, tmp_path, "w0")
    assert worker.partitions("run.tagged") == set()  # no log yet: nothing assigned
    worker.log.write_text(
        "INFO Setting newly assigned partitions {TopicPartition(topic='run.tagged', "
        "partition=1), TopicPartition(topic='run.articles', partition=3)} for group g\n"
        "INFO Setting newly assigned partitions {TopicPartition(topic='run.tagged', "
        "partition=4), TopicPartition(topic='run.tagged', partition=10), "
        "TopicPartition(topic='run.tagged2', partition=7)} for group g\n"
    )
    assert worker.partitions("run.tagged") == {4, 10}


def test_only_a_broker_on_this_machine_is_measured() -> None:
    assert local_broker(Settings(kafka_bootstrap="kafka-1.example.org:9092")) is None


def test_each_phase_is_compared_with_the_offline_speed_around_it() -> None:
    slow, fast = Offline([1], 0.2, 0.1), Offline([1], 0.1, 0.1)  # 5 and 10 articles/s
    # the machine got twice as fast between the one-worker and two-worker phases
    r = {"offline": [slow, slow, fast], "one": {"sustained": 4.0}, "two": {"sustained": 6.0}}
    got = ratios(r)
    assert got["one"] == pytest.approx(0.8)
    assert got["two_per_one"] == pytest.approx((6.0 / 7.5) / 0.8)


def test_the_sustained_rate_leaves_out_the_filling_and_the_last_worker_alone() -> None:
    # 10 articles/s for 10 s, after 2 s of filling and before a 4 s tail at 2.5/s
    steady = [2.0 + n / 10 for n in range(1, 101)]
    tail = [12.0 + n * 0.4 for n in range(1, 11)]
    received = [0.5, *steady, *tail]
    assert service.sustained(received) == pytest.approx(10.0, rel=0.02)
    assert len(received) / (received[-1] - 0.0) < 7  # the whole run's rate
    # batches arrive together: the count is of whole batches between the two cuts
    batches = [t for t in (1.0, 2.0, 3.0, 4.0, 5.0) for _ in range(16)]
    assert service.sustained(batches) == pytest.approx(16.0)
    assert math.isnan(service.sustained([3.0, 3.0]))  # one instant: no rate, not a huge one


@pytest.mark.parametrize("args", [["bench", "--help"], ["bench", "service", "--help"]])
def test_bench_command_offers_the_service_table(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    for word in ("service", "pipeline", "stream") if len(args) == 2 else ("--latency-seconds",):
        assert word in result.output
