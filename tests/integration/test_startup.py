"""Fail fast: a worker with a setting it cannot use exits at once, with one line naming it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.integration.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        ("GEOWIRE_SPACY_MODEL", "nonexistent", "cannot load spaCy model 'nonexistent'"),
        ("GEOWIRE_KAFKA_BOOTSTRAP", "localhost:1", "no Kafka broker answers"),
        ("GEOWIRE_BATCH_SIZE", "0", "greater than or equal to 1"),
    ],
)
def test_a_setting_the_worker_cannot_use_stops_it_before_it_subscribes(setting, value, says):
    env = {**os.environ, setting: value, "GEOWIRE_WEB_PORT": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "streams.cli.main", "worker"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    last = done.stderr.strip().splitlines()[-1]
    assert done.returncode == 2, done.stderr[-2000:]
    assert setting in last and says in last
    assert "Traceback" not in done.stderr
    assert "partitions assigned" not in done.stderr  # it never joined the group
