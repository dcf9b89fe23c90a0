"""Checks for the container test (tests/containers/run.sh); standard library only.

    check.py compare EXPECTED ENRICHED [PLACES] [--count N]
        EXPECTED: `geowire enrich` output on the host (one EnrichedArticle a line);
        ENRICHED, PLACES: `geowire tail` output of the stack's enriched and place topics.
        The stack must give the articles the in-process pipeline gives (same ids, spans,
        headlines and places), and one place event per place of each article.
    check.py web PORT [--min-articles N]
        A worker's /health must say ok and its /metrics must show at least N enriched
        articles published.
Each prints one line on success and exits 1 with the reasons otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _summary(article: dict[str, Any]) -> dict[str, Any]:
    return {
        "source_id": article["source_id"],
        "span": article["span"],
        "headline": article["headline"],
        "places": [place["geonameid"] for place in article["places"]],
    }


def compare(expected_path: Path, enriched_path: Path, places_path: Path | None) -> list[str]:
    """The differences between the stack's events and the host's pipeline (none: [])."""
    expected = {a["id"]: _summary(a) for a in _lines(expected_path)}
    records = [r["value"] for r in _lines(enriched_path)]
    got = {a["id"]: _summary(a) for a in records}
    problems = []
    if len(records) != len(got):
        problems.append(f"{len(records) - len(got)} enriched articles came twice")
    for missing in sorted(expected.keys() - got.keys()):
        problems.append(f"missing article {missing} ({expected[missing]['headline']!r})")
    for extra in sorted(got.keys() - expected.keys()):
        problems.append(f"unexpected article {extra} ({got[extra]['headline']!r})")
    for key in sorted(expected.keys() & got.keys()):
        if expected[key] != got[key]:
            problems.append(f"article {key}: host {expected[key]} != stack {got[key]}")
    if places_path is not None:
        want = {f"{a['id']}:{p['geonameid']}" for a in records for p in a["places"]}
        events = [r["value"] for r in _lines(places_path)]
        have = {e["id"] for e in events}
        if want != have:
            problems.append(
                f"place events: {len(want - have)} missing, {len(have - want)} unexpected"
            )
        for event in events:
            if event["id"] != f"{event['article_id']}:{event['place']['geonameid']}":
                problems.append(f"place event {event['id']} names another article or place")
    return problems


def web(port: int, min_articles: int) -> tuple[list[str], float]:
    """Problems with a worker's /health and /metrics, and its count of articles out."""
    base = f"http://127.0.0.1:{port}"
    problems = []
    try:
        with urllib.request.urlopen(f"{base}/health", timeout=10) as response:
            health = json.loads(response.read())
            if response.status != 200 or health.get("status") != "ok":
                problems.append(f"/health: {response.status} {health}")
    except (urllib.error.URLError, OSError) as exc:
        problems.append(f"/health: {exc}")
    try:
        with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
            text = response.read().decode()
    except (urllib.error.URLError, OSError) as exc:
        return [*problems, f"/metrics: {exc}"], 0.0
    for name in ("geowire_ready", "geowire_records_total", "faust_"):
        if name not in text:
            problems.append(f"/metrics lacks {name}")
    match = re.search(r'^geowire_articles_total\{role="enriched"\} (\S+)$', text, flags=re.M)
    articles = float(match.group(1)) if match else 0.0
    if articles < min_articles:
        problems.append(
            f"/metrics: {articles:g} enriched articles out, expected at least {min_articles}"
        )
    return problems, articles


def main() -> int:
    """Run the check named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="check", required=True)
    cmp = sub.add_parser("compare")
    cmp.add_argument("expected", type=Path)
    cmp.add_argument("enriched", type=Path)
    cmp.add_argument("places", type=Path, nargs="?")
    cmp.add_argument("--count", type=int, help="the number of articles there must be")
    web_parser = sub.add_parser("web")
    web_parser.add_argument("port", type=int)
    web_parser.add_argument("--min-articles", type=int, default=0)
    args = parser.parse_args()

    if args.check == "compare":
        problems = compare(args.expected, args.enriched, args.places)
        count = len(_lines(args.enriched))
        if args.count is not None and count != args.count:
            problems.insert(0, f"{count} enriched articles, expected {args.count}")
        what = f"{count} enriched articles as the host's pipeline gives them"
        if args.places is not None:
            what += f", {len(_lines(args.places))} place events"
    else:
        problems, articles = web(args.port, args.min_articles)
        what = f"port {args.port}: /health ok, /metrics {articles:g} enriched articles out"
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if not problems:
        print(f"ok: {what}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
