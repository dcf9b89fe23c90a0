"""What a worker takes on its host: a web port and a data directory no other worker uses.

Several workers on one machine share nothing but the consumer group. Unless
``GEOWIRE_WEB_PORT`` is set, a worker takes the first free port from 6066 on; unless
``GEOWIRE_DATA_DIR`` is set, its data directory is ``var/faust/worker-PORT``. A port is
claimed with a lock file in the system's temporary directory, held while the worker
runs, so that workers started together (each loads its model for seconds before its web
server listens) never pick the same one; a port some other program listens on is
skipped. Containers set both variables: each has a host of its own.
"""

from __future__ import annotations

import fcntl
import logging
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from streams.core.errors import ConfigError
from streams.settings import Settings

log = logging.getLogger("geowire.host")
#: Where data directories go when ``GEOWIRE_DATA_DIR`` is not set (relative to the cwd).
DATA_ROOT = Path("var/faust")
#: How many ports from the first one a worker tries before it gives up.
PORT_TRIES = 64


@dataclass
class HostClaim:
    """A web port and data directory, held until :meth:`release` (or the process ends)."""

    port: int
    data_dir: Path
    lock: IO[str]

    def release(self) -> None:
        """Give the port back (the data directory stays for the next worker)."""
        self.lock.close()


def _lock_port(port: int) -> IO[str] | None:
    """The held lock of ``port``, or None when another geowire worker holds it."""
    path = Path(tempfile.gettempdir()) / f"geowire-web-{port}.lock"
    try:
        handle = path.open("a")
    except OSError:  # another user's lock file: that user's worker may hold the port
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` (as the web server binds it: all interfaces)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def _claim_port(port: int) -> IO[str] | None:
    lock = _lock_port(port)
    if lock is not None and not port_free(port):
        lock.close()
        return None
    return lock


def claim_host(settings: Settings) -> tuple[Settings, HostClaim]:
    """Take a web port and a data directory for a worker on this host.

    Returns:
        The settings with the port and directory taken, and the claim to hold.

    Raises:
        ConfigError: ``GEOWIRE_WEB_PORT`` is set and in use, or no port is free among
            the ``PORT_TRIES`` from the default one.
    """
    chosen = "web_port" in settings.model_fields_set and settings.web_port != 0
    if chosen:
        candidates = [settings.web_port]
    elif settings.web_port == 0:
        with socket.socket() as sock:  # any free port the system gives
            sock.bind(("0.0.0.0", 0))
            candidates = [int(sock.getsockname()[1])]
    else:
        candidates = list(range(settings.web_port, settings.web_port + PORT_TRIES))
    for port in candidates:
        if (lock := _claim_port(port)) is not None:
            break
    else:
        what = f"port {settings.web_port} is" if chosen else f"ports {candidates[0]}+ are"
        message = f"{what} in use by another worker or program"
        raise ConfigError(message, setting="web_port")
    data_dir = settings.data_dir if settings.data_dir else DATA_ROOT / f"worker-{port}"
    if port != settings.web_port:
        log.info("web port %d (%d is taken)", port, settings.web_port)
    log.info("web port %d, data directory %s", port, data_dir)
    updated = settings.model_copy(update={"web_port": port, "data_dir": data_dir})
    return updated, HostClaim(port, data_dir, lock)
