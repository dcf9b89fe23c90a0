"""The service benchmark's table: figures, the machine they were taken on, the targets."""

from __future__ import annotations

import os
import statistics
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from streams.paths import ROOT
from streams.settings import Settings

#: below this many articles a phase's middle holds too few batches for a steady rate
COARSE = 300


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
    asks = (["rev-parse", "--short", "HEAD"], ["status", "--porcelain", "--untracked-files=no"])
    try:
        head, dirty = (
            subprocess.run(
                ["git", "-C", str(ROOT), *ask], capture_output=True, text=True, check=True
            ).stdout.strip()
            for ask in asks
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+" if dirty else "")


def machine(settings: Settings, figures: dict[str, Any]) -> str:
    """One line on where and how the figures were taken."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"commit {figures.get('commit', commit())}, {figures.get('started', '?')} to "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, nproc {os.cpu_count()}, "
        f"load {load} (1/5/15 min, at the end), broker {settings.kafka_bootstrap}, "
        f"{settings.topic_partitions} partitions, batch {settings.batch_size} "
        f"within {settings.batch_window_s} s"
    )


def print_table(settings: Settings, figures: dict[str, Any], rows: list[Row]) -> None:
    """Print the table in Markdown, under a line on the machine and the input."""
    articles = figures["rounds"][0]["offline"][0].articles
    print(
        f"geowire bench service: {figures['texts']} LGL texts ({figures['part']}, "
        f"{articles} articles), {len(figures['rounds'])} round(s), {machine(settings, figures)}"
    )
    if articles < COARSE:
        print(f"(fewer than {COARSE} articles: the sustained rates span few batches; read loosely)")
    print()
    print("| what | figure | detail | target |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| {row.what} | {row.figure} | {row.detail} | {row.target} |")


def _mid(values: list[float]) -> float:
    return statistics.median(values)


def _each(values: list[float], fmt: str = ".2f") -> str:
    return ", ".join(format(v, fmt) for v in values)


def ratios(r: dict[str, Any], rate: str = "sustained") -> dict[str, float]:
    """One round's ratios, each streaming phase against the offline passes either side
    of it; ``rate`` is ``sustained`` (the middle of the run) or ``rate`` (all of it)."""
    first, middle, last = (o.articles / o.seconds for o in r["offline"])
    one = r["one"][rate] / ((first + middle) / 2)
    two = r["two"][rate] / ((middle + last) / 2)
    return {"offline": (first + middle + last) / 3, "one": one, "two_per_one": two / one}


def _rate_rows(rounds: list[dict[str, Any]]) -> list[Row]:
    """The two streaming rates: sustained (the figure and the targets), then the whole
    run's, each as medians over the rounds with their ratios."""
    out = []
    for phase, key, versus, target in (
        ("one", "one", "offline", ">= 0.95x offline"),
        ("two", "two_per_one", "1 worker", ">= 1.6x 1 worker"),
    ):
        parts = []
        for rate in ("sustained", "rate"):
            got = [ratios(r, rate)[key] for r in rounds]
            mid = _mid([r[phase][rate] for r in rounds])
            parts.append((mid, f"{_mid(got):.2f}x {versus} (rounds {_each(got)})"))
        (figure, ratio), (whole, whole_ratio) = parts
        what = "1 worker articles/s" if phase == "one" else "2 workers articles/s"
        detail = f"{ratio}; whole run {whole:.1f}/s, {whole_ratio}"
        if phase == "two":
            shares = [r["two"].get("busiest", 0.5) for r in rounds]
            detail += f"; the busier worker had {_each([100 * x for x in shares], '.1f')}%"
        out.append(Row(what, f"{figure:.1f}", detail, target))
    return out


def _waits(ones: list[dict[str, Any]], twos: list[dict[str, Any]]) -> list[Row]:
    """The latency row and the hand-over row, for the phases that measured them."""
    out = []
    if lats := [x["latency"] for x in ones if x.get("latency")]:
        p99s = _each([x["p99"] for x in lats])
        figure = " / ".join(f"{_mid([x[q] for x in lats]):.2f}" for q in ("p50", "p95", "p99"))
        what = f"latency p50/p95/p99 at {_mid([x['offered'] for x in lats]):.1f} articles/s"
        detail = f"p99 in rounds {p99s} s, max {max(x['max'] for x in lats):.2f} s"
        out.append(Row(what, figure + " s", detail, "p99 <= 2 s"))
    if hands := [x["handover"] for x in twos if x.get("handover")]:
        leave, join = ([h[k] for h in hands] for k in ("leave", "join"))
        steady = _mid([h["steady"] for h in hands])
        out.append(
            Row(
                "longest wait when a worker leaves / joins",
                f"{_mid(leave):.1f} / {_mid(join):.1f} s",
                f"rounds {_each(leave, '.1f')} / {_each(join, '.1f')}; "
                f"steady median {steady:.2f} s; "
                f"articles twice {sum(h.get('duplicates', 0) for h in hands)}",
                "no stall beyond one rebalance",
            )
        )
    return out


def _parts(phases: list[dict[str, Any]]) -> str:
    """Where a phase's CPU went, ms per article: shell, model, broker, bench client."""
    names = ("shell", "model", "broker", "client")
    got = {k: [x["cpu_parts"][k] for x in phases if k in x.get("cpu_parts", {})] for k in names}
    return " + ".join(f"{k} {_mid(v):.1f}" for k, v in got.items() if v)


def rows(f: dict[str, Any]) -> list[Row]:
    """The table's rows from the figures of a run: medians over its rounds."""
    rounds = f["rounds"]
    ones, twos = [r["one"] for r in rounds], [r["two"] for r in rounds]
    offs = [o.articles / o.seconds for r in rounds for o in r["offline"]]
    out = [Row("offline articles/s", f"{_mid(offs):.1f}", f"passes {_each(offs, '.1f')}", "")]
    out += _rate_rows(rounds)
    out += _waits(ones, twos)
    both = ones + twos
    cpu_off = [1000 * o.cpu_s / o.articles for r in rounds for o in r["offline"]]
    out += [
        Row(
            "worker peak RSS",
            f"{max(x['rss_mb'] for x in both):.0f} MB",
            f"at the end {max(x['rss_now_mb'] for x in both):.0f} MB",
            "<= 600 MB",
        ),
        Row(
            "cold start to first enriched event",
            f"{_mid([x['cold_s'] for x in ones]):.1f} s",
            f"rounds {_each([x['cold_s'] for x in ones], '.1f')}; "
            f"2 workers {_each([x['cold_s'] for x in twos], '.1f')}",
            "<= 15 s",
        ),
        Row(
            "CPU ms per article",
            f"{_mid([x['cpu_ms'] for x in ones]):.0f} (1 worker)",
            f"offline {_mid(cpu_off):.0f}, 2 workers {_mid([x['cpu_ms'] for x in twos]):.0f}; "
            f"{_parts(ones)} (1 worker), {_parts(twos)} (2 workers)",
            "",
        ),
        Row(
            "duplicates / dead letters",
            f"{sum(x['duplicates'] for x in both)} / {sum(x['dead'] for x in both)}",
            f"rebalances while measuring: {sum(x['rebalances'] for x in both)}",
            "0 / 0",
        ),
    ]
    return out
