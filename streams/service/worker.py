"""Start a Faust worker: load the models, reach the broker, then run the agents until stopped."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor

import faust

from streams.service.app import create_app
from streams.service.factory import Components
from streams.service.host import claim_host
from streams.service.model.process import ModelProcess
from streams.service.model.stages import LocalModel, Model
from streams.service.startup import prepare_broker, warm_up
from streams.settings import Settings

log = logging.getLogger("geowire.worker")
# How long a crashed worker may take to stop cleanly (leave the group, commit what it
# acknowledged) before it exits by force.
_CRASH_GRACE_S = 30.0


def run_worker(settings: Settings) -> None:
    """Run a worker in the foreground; several workers share the consumer group.

    Everything that can fail for a reason other than a record's fails here, before the
    worker joins the group (``streams.service.startup``).

    Raises:
        ConfigError: the web port, the model, the gazetteer or the broker cannot be used
            as set.
    """
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    settings, claim = claim_host(settings)  # held while the worker runs
    components = Components(settings)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="geowire-model")
    model: Model | None = None
    try:
        model = _load(settings, components, executor)
        _run(settings, components, executor, model)
    finally:
        if isinstance(model, ModelProcess):
            model.close()
        claim.release()


def _load(settings: Settings, components: Components, executor: ThreadPoolExecutor) -> Model:
    """Load the model and the gazetteer (in the model thread, or in the model process)."""
    started = time.monotonic()
    if not settings.model_process:
        # loaded in the model thread, the one thread that calls spaCy and the gazetteer
        executor.submit(lambda: components.pipeline).result()
        log.info("model and gazetteer loaded in %.1fs", time.monotonic() - started)
        return LocalModel(lambda: components.pipeline)
    model = ModelProcess(settings)
    model.start()
    try:
        components.splitter  # noqa: B018 (the split agent's, loaded meanwhile)
        seconds = model.wait_loaded()
    except BaseException:
        model.close()
        raise
    log.info("model and gazetteer loaded in a process of their own in %.1fs", seconds)
    return model


def _run(
    settings: Settings, components: Components, executor: ThreadPoolExecutor, model: Model
) -> None:
    """Warm up, reach the broker, then run the agents until stopped."""
    started = time.monotonic()
    places = executor.submit(warm_up, components.splitter, model).result()
    log.info("warmed up in %.1fs (%d places)", time.monotonic() - started, places)
    asyncio.run(prepare_broker(settings))
    assert settings.data_dir is not None
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings, components, executor=executor, model=model)
    runtime = app.geowire  # type: ignore[attr-defined]
    runtime.metrics.set_loaded()
    runtime.exit_after_crash_s = _CRASH_GRACE_S
    worker = faust.Worker(
        app,
        loglevel=settings.log_level.lower(),
        override_logging=False,
    )
    worker.execute_from_commandline()
