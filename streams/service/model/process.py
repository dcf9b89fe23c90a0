"""The model in a process of its own, fed bytes: ``GEOWIRE_MODEL_PROCESS``.

In the worker's own process the model thread shares one GIL with the event loop and
Faust's consumer thread, and gets 0.72-0.78 of a core where the offline process gets a
whole one (docs/benchmarks.md). Here a child process loads the spaCy model and the
gazetteer once and serves batches: the record values go in, the encoded output records
(or each failed record's ``Reason``) come out, as ``streams.service.model.stages.serve``
makes them. Only bytes, strings and tuples cross the socket; pickling pydantic models
both ways cost a prototype more than the process gained.

The child is a fresh interpreter (``sys.executable -c``: nothing of the worker's threads
is copied, as ``fork`` would) and imports neither faust nor the worker's modules. It is
started with ``subprocess`` rather than ``multiprocessing``, whose ``spawn`` would also
start its resource tracker, one more process of 13 MB. If the child dies, the batch
waiting for it raises ``ModelProcessDied``, which crashes the agent: the worker stops
with a non-zero status and its unacknowledged records are redone by the next worker. A
death between batches is reported to ``on_death`` (the worker crashes then too).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from streams.core.errors import ConfigError
from streams.core.pipeline import Pipeline
from streams.service.codec import Reason
from streams.service.model.stages import Outcome, Stage, serve
from streams.settings import Settings

log = logging.getLogger("geowire.model")
_STOP_S = 5.0  # how long a stopping child may take before it is killed
_ENTRY = "from streams.service.model.process import main; main()"


class ModelProcessDied(RuntimeError):
    """The model process ended while the worker needed it (not a record's fault)."""


def build_pipeline(settings: Settings) -> Pipeline:
    """The real tagger and geocoder, loaded; the model process's default ``build``.

    The child never splits (the worker's split agent does), so it loads no splitter.
    """
    from streams.service.factory import Components

    parts = Components(settings)
    return Pipeline(splitter=_NoSplitter(), tagger=parts.tagger, geocoder=parts.geocoder)


class _NoSplitter:
    """The model process's splitter: the split agent splits in the worker's process."""

    def split(self, text: str, *, whole: bool = False) -> list[Any]:
        raise NotImplementedError("the model process does not split")


class ModelProcess:
    """A child process that runs the model's stages over batches of record values.

    Call ``start`` once, then ``run`` from one thread at a time (the worker's model
    thread), and ``close`` at the end.
    """

    def __init__(
        self, settings: Settings, build: Callable[[Settings], Pipeline] = build_pipeline
    ) -> None:
        """Args: settings: passed to ``build``; build: a module-level function (the child
        imports it by name) that loads the pipeline in the child."""
        self.settings = settings
        self._build = build
        self._conn: Connection | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._closing = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the child; it loads at once (``wait_loaded`` waits for it)."""
        ours, theirs = socket.socketpair()
        with theirs:
            self._process = subprocess.Popen(
                [sys.executable, "-c", _ENTRY, str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
            )
        # only the child's copy of its end stays open: its death ends ours with EOF
        self._conn = Connection(ours.detach())
        atexit.register(self.close)
        self._conn.send((self.settings, self._build))

    def wait_loaded(self) -> float:
        """Wait until the child has loaded the model; return the seconds it took.

        Raises:
            ConfigError: the model or the gazetteer cannot be loaded as set.
            ModelProcessDied: the child died while loading.
        """
        answer = self._exchange(None)
        if answer[0] == "failed":
            _, message, setting = answer
            raise ConfigError(message, setting=setting)
        return float(answer[1])

    def run(self, stage: Stage, values: Sequence[bytes | None]) -> tuple[list[Outcome], float]:
        """One outcome per value, in order, and the seconds the child's work took.

        Raises:
            ModelProcessDied: the child is gone; the batch was not done.
        """
        outcomes, seconds = self._exchange((stage, list(values)))
        return outcomes, seconds

    def on_death(self, report: Callable[[ModelProcessDied], None]) -> None:
        """Call ``report`` (from another thread) if the child ends without ``close``."""

        def watch() -> None:
            assert self._process is not None, "not started"
            self._process.wait()
            error = self.died()
            if error is not None:
                report(error)

        threading.Thread(target=watch, name="geowire-model-watch", daemon=True).start()

    def died(self) -> ModelProcessDied | None:
        """The error to crash with if the child ended without being closed, else None."""
        process = self._process
        if self._closing or process is None or process.poll() is None:
            return None
        return ModelProcessDied(f"the model process ended (exit code {process.returncode})")

    def close(self) -> None:
        """Stop the child: it exits when its end of the socket closes; killed if it hangs."""
        self._closing = True
        if self._conn is not None:
            self._conn.close()
        process = self._process
        if process is None:
            return
        try:
            process.wait(_STOP_S)
        except subprocess.TimeoutExpired:
            log.warning("the model process did not stop in %.0f s: killing it", _STOP_S)
            process.kill()
            process.wait(_STOP_S)

    def _exchange(self, request: Any) -> Any:
        if self._conn is None:
            raise ModelProcessDied("the model process was not started")
        with self._lock:
            try:
                if request is not None:
                    self._conn.send(request)
                return self._conn.recv()
            except (EOFError, OSError) as exc:
                if self._process is not None:  # its socket closes a moment before it ends
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        self._process.wait(_STOP_S)
                raise self.died() or ModelProcessDied(f"the model process is gone: {exc}") from exc


def main() -> None:
    """The model process: load, say so, then serve batches until the socket closes."""
    # Ctrl-C (or a signal to the process group) reaches us too: the worker stops first,
    # finishing or abandoning its batch, and then closes the socket, which ends the loop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    conn = Connection(int(sys.argv[1]))
    try:
        settings, build = conn.recv()
    except (EOFError, OSError):
        return
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    pipeline = _load(conn, settings, build)
    if pipeline is not None:
        _serve(conn, pipeline)


def _load(conn: Connection, settings: Settings, build: Callable[..., Pipeline]) -> Any:
    started = time.monotonic()
    try:
        pipeline = build(settings)
    except ConfigError as exc:
        conn.send(("failed", str(exc), exc.setting))
        return None
    except Exception as exc:  # reported to the worker, which stops with it
        log.exception("the model cannot be loaded")
        conn.send(("failed", Reason.of(exc).message, None))
        return None
    conn.send(("loaded", time.monotonic() - started))
    return pipeline


def _serve(conn: Connection, pipeline: Pipeline) -> None:
    while True:
        try:
            stage, values = conn.recv()
        except (EOFError, OSError):  # the worker closed the socket, or is gone
            return
        started = time.perf_counter()
        outcomes = serve(pipeline, stage, values)
        try:
            conn.send((outcomes, time.perf_counter() - started))
        except OSError:  # the worker is gone
            return
