"""The model in a process of its own, fed bytes: ``GEOWIRE_MODEL_PROCESS``.

In the worker's own process the model thread shares one GIL with the event loop and
Faust's consumer thread, and gets 0.72-0.78 of a core where the offline process gets a
whole one (docs/benchmarks.md). Here a child process loads the spaCy model and the
gazetteer once and serves batches: the record values go in, the encoded output records
(or each failed record's ``Reason``) come out, as ``streams.service.model.stages.serve`` makes
them. Only bytes, strings and tuples cross the pipe; pickling pydantic models both ways
cost a prototype more than the process gained.

The child is started with ``spawn`` (the worker has threads, which ``fork`` would copy
in whatever state they hold) and does not import faust. If it dies, the batch waiting for
it raises ``ModelProcessDied``, which crashes the agent: the worker stops with a non-zero
status and its unacknowledged records are redone by the next worker. A death while idle
is noticed by ``watch`` (the worker crashes then too).

No faust here either: the child imports this module.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from streams.core.errors import ConfigError
from streams.core.pipeline import Pipeline
from streams.service.codec import Reason
from streams.service.model.stages import Outcome, Stage, serve
from streams.settings import Settings

log = logging.getLogger("geowire.model")
_STOP_S = 5.0  # how long a stopping child may take before it is killed


class ModelProcessDied(RuntimeError):
    """The model process ended while the worker needed it (not a record's fault)."""


def build_pipeline(settings: Settings) -> Pipeline:
    """The real tagger and geocoder, loaded; the model process's default ``build``.

    The child never splits (the worker's split agent does), so it loads no splitter.
    """
    from streams.service.factory import Components

    components = Components(settings)
    return Pipeline(splitter=_NoSplitter(), tagger=components.tagger, geocoder=components.geocoder)


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
        self._process: BaseProcess | None = None
        self._closing = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Spawn the child; it starts loading at once (``wait_loaded`` waits for it)."""
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        process = context.Process(
            target=_child,
            args=(theirs, self.settings, self._build),
            name="geowire-model",
            # not a daemon: it may spawn the gazetteer's index build. It ends when its end
            # of the pipe closes: at ``close``, at exit, or when the worker is killed.
        )
        process.start()
        theirs.close()  # only the child's copy stays open: its death closes the pipe
        self._conn, self._process = ours, process
        atexit.register(self.close)  # before multiprocessing's own exit joins the child

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

    @property
    def sentinel(self) -> int:
        """A file descriptor that becomes readable when the child ends."""
        assert self._process is not None, "not started"
        return self._process.sentinel

    def died(self) -> ModelProcessDied | None:
        """The error to crash with if the child ended without being closed, else None."""
        process = self._process
        if self._closing or process is None or process.is_alive():
            return None
        process.join(0)
        return ModelProcessDied(f"the model process ended (exit code {process.exitcode})")

    def close(self) -> None:
        """Stop the child: it exits when its end of the pipe closes; killed if it hangs."""
        self._closing = True
        if self._conn is not None:
            self._conn.close()
        process = self._process
        if process is not None and process.is_alive():
            process.join(_STOP_S)
            if process.is_alive():
                log.warning("the model process did not stop in %.0f s: killing it", _STOP_S)
                process.kill()
                process.join(_STOP_S)

    def _exchange(self, request: Any) -> Any:
        if self._conn is None:
            raise ModelProcessDied("the model process was not started")
        with self._lock:
            try:
                if request is not None:
                    self._conn.send(request)
                return self._conn.recv()
            except (EOFError, OSError) as exc:
                if self._process is not None:  # its pipe closes a moment before it is reaped
                    self._process.join(_STOP_S)
                raise self.died() or ModelProcessDied(f"the model process is gone: {exc}") from exc


def _child(conn: Connection, settings: Settings, build: Callable[[Settings], Pipeline]) -> None:
    """The model process: load, say so, then serve batches until the pipe closes."""
    # Ctrl-C (or a SIGTERM to the process group) reaches us too: the worker stops first,
    # finishing or abandoning its batch, and then closes the pipe, which ends this loop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    started = time.monotonic()
    try:
        pipeline = build(settings)
    except ConfigError as exc:
        conn.send(("failed", str(exc), exc.setting))
        return
    except Exception as exc:  # reported to the worker, which stops with it
        conn.send(("failed", Reason.of(exc).message, None))
        return
    conn.send(("loaded", time.monotonic() - started))
    while True:
        try:
            stage, values = conn.recv()
        except (EOFError, OSError):  # the worker closed the pipe, or is gone
            return
        started = time.perf_counter()
        outcomes = serve(pipeline, stage, values)
        try:
            conn.send((outcomes, time.perf_counter() - started))
        except OSError:  # the worker is gone
            return
