"""The settings every command reads and the broker it talks to, or one line and an exit."""

from __future__ import annotations

import asyncio
from typing import NoReturn

import typer
from pydantic import ValidationError

from streams.core.errors import ConfigError, GeowireError
from streams.settings import Settings, describe_errors


def settings_or_exit() -> Settings:
    """The settings from the environment; exit with status 2 when they are invalid."""
    try:
        return Settings()
    except ValidationError as exc:
        typer.echo(f"invalid settings: {describe_errors(exc)}", err=True)
        raise typer.Exit(2) from exc


def fail(exc: GeowireError) -> NoReturn:
    """Say on one line what went wrong (naming the setting at fault) and exit with 2."""
    if isinstance(exc, ConfigError) and exc.setting:
        line = f"invalid setting GEOWIRE_{exc.setting.upper()}: {exc}"
    else:
        line = f"{exc.code}: {exc}"
    typer.echo(" ".join(line.split()), err=True)
    raise typer.Exit(2) from exc


def kafka_or_exit(settings: Settings) -> Settings:
    """The settings, once the broker has been reached with them (TLS, SASL); else exit."""
    from streams.service.startup import probe

    try:
        asyncio.run(probe(settings))
    except GeowireError as exc:
        fail(exc)
    return settings
