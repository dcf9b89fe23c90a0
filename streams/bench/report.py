"""The service benchmark's table: figures, the machine they were taken on, the targets."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from streams.paths import ROOT
from streams.settings import Settings


@dataclass(frozen=True)
class Offline:
    """One offline pass: articles per input, rate and CPU per article."""

    counts: list[int]
    seconds: float
    cpu_s: float

    @property
    def articles(self) -> int:
        """Articles over all inputs."""
        return sum(self.counts)


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    what: str
    figure: str
    detail: str
    target: str


def commit() -> str:
    """The checked-out commit (short), with ``+`` when the tree has changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+" if dirty else "")


def machine(settings: Settings) -> str:
    """One line on where and how the figures were taken."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"commit {commit()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, nproc {os.cpu_count()}, "
        f"load {load} (1/5/15 min, at the end), broker {settings.kafka_bootstrap}, "
        f"{settings.topic_partitions} partitions, batch {settings.batch_size} "
        f"within {settings.batch_window_s} s"
    )


def print_table(settings: Settings, figures: dict[str, Any], rows: list[Row]) -> None:
    """Print the table in Markdown, under a line on the machine and the input."""
    print(
        f"geowire bench service: {figures['texts']} LGL texts ({figures['part']}), "
        f"{machine(settings)}"
    )
    print()
    print("| what | figure | detail | target |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| {row.what} | {row.figure} | {row.detail} | {row.target} |")


def rows(f: dict[str, Any]) -> list[Row]:
    """The table's rows from the figures of one run."""
    off = [f["offline_before"], f["offline_after"]]
    articles = off[0].articles
    off_rate = sum(articles / o.seconds for o in off) / 2
    one, two = f["one"], f["two"]
    lat = one.get("latency")
    out = [
        Row(
            "offline articles/s",
            f"{off_rate:.1f}",
            f"before {articles / off[0].seconds:.1f}, after {articles / off[1].seconds:.1f}",
            "",
        ),
        Row(
            "1 worker articles/s",
            f"{one['rate']:.1f}",
            f"{one['rate'] / off_rate:.2f}x offline",
            ">= 0.95x offline",
        ),
        Row(
            "2 workers articles/s",
            f"{two['rate']:.1f}",
            f"{two['rate'] / one['rate']:.2f}x 1",
            ">= 1.6x 1 worker",
        ),
    ]
    if lat:
        out.append(
            Row(
                f"latency p50/p95/p99 at {lat['offered']:.1f} articles/s",
                f"{lat['p50']:.2f} / {lat['p95']:.2f} / {lat['p99']:.2f} s",
                f"max {lat['max']:.2f} s, {lat['inputs']} inputs",
                "p99 <= 2 s",
            )
        )
    cpu_off = 1000 * sum(o.cpu_s for o in off) / (2 * articles)
    out += [
        Row(
            "worker peak RSS",
            f"{max(one['rss_mb'], two['rss_mb']):.0f} MB",
            f"at the end {max(one['rss_now_mb'], two['rss_now_mb']):.0f} MB",
            "<= 600 MB",
        ),
        Row(
            "cold start to first enriched event",
            f"{one['cold_s']:.1f} s",
            f"2 workers: {two['cold_s']:.1f} s",
            "<= 15 s",
        ),
        Row(
            "CPU ms per article",
            f"{one['cpu_ms']:.0f} (1 worker)",
            f"offline {cpu_off:.0f}, 2 workers {two['cpu_ms']:.0f}",
            "",
        ),
        Row(
            "duplicates / dead letters",
            f"{one['duplicates'] + two['duplicates']} / {one['dead'] + two['dead']}",
            f"rebalances while measuring: {one['rebalances']} (1 worker), "
            f"{two['rebalances']} (2 workers)",
            "0 / 0",
        ),
    ]
    return out
