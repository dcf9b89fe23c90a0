"""``geowire broker start|stop|status``: the local Apache Kafka broker for development."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from streams.broker.local import LocalBroker
from streams.broker.secure import LOCAL_USERNAME, MECHANISM
from streams.broker.tools import (
    BrokerError,
    api_versions_ok,
    broker_serving,
    uses_external_broker,
)
from streams.core.errors import GeowireError
from streams.paths import ROOT

broker_app = typer.Typer(help="The local Apache Kafka broker (KRaft) for development and tests.")

DataDir = Annotated[
    Path | None, typer.Option(help="where the node keeps its state (default: var/kafka)")
]
Port = Annotated[int, typer.Option(help="client port (PLAINTEXT)")]
SecurePort = Annotated[int, typer.Option(help="client port over SASL_SSL (with --secure)")]
ControllerPort = Annotated[int, typer.Option(help="KRaft controller port")]


def _broker(
    data_dir: Path | None, port: int, secure_port: int, controller_port: int, secure: bool = False
) -> LocalBroker:
    return LocalBroker(
        ROOT,
        port=port,
        secure_port=secure_port,
        controller_port=controller_port,
        data_dir=data_dir,
        secure=secure,
    )


@broker_app.command("start")
def broker_start(
    data_dir: DataDir = None,
    port: Port = 9092,
    secure_port: SecurePort = 9093,
    controller_port: ControllerPort = 9094,
    secure: Annotated[
        bool, typer.Option(help="also listen with SASL_SSL (SCRAM-SHA-512, a local CA)")
    ] = False,
) -> None:
    """Start the local broker in the background (a running one is left alone).

    Nothing starts when GEOWIRE_KAFKA_BOOTSTRAP names another broker.
    """
    external = os.environ.get("GEOWIRE_KAFKA_BOOTSTRAP")
    if uses_external_broker(external, port, secure_port):
        typer.echo(f"GEOWIRE_KAFKA_BOOTSTRAP={external}: using that broker, not starting one")
        return
    broker = _broker(data_dir, port, secure_port, controller_port, secure)
    try:
        started = broker.start()
    except BrokerError as exc:
        shared = broker_serving(port) if exc.reason == "port" and not secure else None
        if shared is not None and api_versions_ok("localhost", port):
            # the machine's shared broker, run from another checkout: use it (and leave it)
            typer.echo(f"a broker from {shared} already serves localhost:{port}: using it")
            return
        typer.echo(f"broker did not start ({exc.reason}): {exc}", err=True)
        raise typer.Exit(2) from exc
    except GeowireError as exc:
        reason = getattr(exc, "reason", exc.code)
        typer.echo(f"broker did not start ({reason}): {exc}", err=True)
        raise typer.Exit(2) from exc
    state = "started" if started else "already running"
    typer.echo(f"broker {state} on {broker.bootstrap}, data in {broker.data_dir}")
    if secure:
        typer.echo(
            f"SASL_SSL on {broker.secure_bootstrap}: {MECHANISM} user {LOCAL_USERNAME} "
            f"(the default for localhost), CA certificate {broker.tls.ca_pem}"
        )


@broker_app.command("stop")
def broker_stop(
    data_dir: DataDir = None,
    port: Port = 9092,
    secure_port: SecurePort = 9093,
    controller_port: ControllerPort = 9094,
) -> None:
    """Stop the local broker cleanly (SIGTERM, then SIGKILL after a minute)."""
    stopped = _broker(data_dir, port, secure_port, controller_port).stop()
    typer.echo("broker stopped" if stopped else "broker was not running")


@broker_app.command("status")
def broker_status(
    data_dir: DataDir = None,
    port: Port = 9092,
    secure_port: SecurePort = 9093,
    controller_port: ControllerPort = 9094,
) -> None:
    """Say whether the local broker runs (exit 1 when it does not)."""
    status = _broker(data_dir, port, secure_port, controller_port).status()
    state = f"running (pid {status.pid})" if status.running else "not running"
    secure = f", SASL_SSL on {status.secure_bootstrap}" if status.secure_bootstrap else ""
    typer.echo(f"{state}: {status.bootstrap}{secure}, data in {status.data_dir}")
    raise typer.Exit(0 if status.running else 1)
