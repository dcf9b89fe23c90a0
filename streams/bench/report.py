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
