"""Workers on one host take web ports and data directories of their own."""

from __future__ import annotations

import socket

import pytest

from streams.core.errors import ConfigError
from streams.service.host import claim_host
from streams.settings import Settings


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # default data directories are relative to the cwd
    for name in ("GEOWIRE_WEB_PORT", "GEOWIRE_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def test_workers_started_together_take_different_ports_and_data_dirs():
    first, a = claim_host(Settings())
    second, b = claim_host(Settings())
    try:
        assert a.port != b.port
        assert first.web_port == a.port and second.web_port == b.port
        assert first.data_dir != second.data_dir
        assert str(second.data_dir) == f"var/faust/worker-{b.port}"
    finally:
        a.release()
        b.release()


def test_a_port_another_program_listens_on_is_skipped():
    probe, claim = claim_host(Settings())
    claim.release()
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        busy.bind(("0.0.0.0", probe.web_port))
        busy.listen()
        settings, again = claim_host(Settings())
        again.release()
    assert settings.web_port != probe.web_port


def test_a_released_port_is_taken_again_with_its_data_dir():
    first, a = claim_host(Settings())
    a.release()
    again, b = claim_host(Settings())
    b.release()
    assert (again.web_port, again.data_dir) == (first.web_port, first.data_dir)


def test_a_port_that_is_set_must_be_free(tmp_path):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ConfigError) as caught:
            claim_host(Settings(web_port=port))
    assert caught.value.setting == "web_port"
    assert f"port {port} is in use" in str(caught.value)
    # free again: taken, and a data directory that is set is kept as it is
    settings, claim = claim_host(Settings(web_port=port, data_dir=tmp_path / "mine"))
    try:
        assert (settings.web_port, settings.data_dir) == (port, tmp_path / "mine")
        with pytest.raises(ConfigError):  # held by a worker that is still loading
            claim_host(Settings(web_port=port))
    finally:
        claim.release()


def test_port_zero_takes_any_free_port():
    settings, claim = claim_host(Settings(web_port=0))
    claim.release()
    assert settings.web_port > 0
