"""The settings every command reads, or a clean exit when they are invalid."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from streams.settings import Settings, describe_errors


def settings_or_exit() -> Settings:
    """The settings from the environment; exit with status 2 when they are invalid."""
    try:
        return Settings()
    except ValidationError as exc:
        typer.echo(f"invalid settings: {describe_errors(exc)}", err=True)
        raise typer.Exit(2) from exc
