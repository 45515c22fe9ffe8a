"""Helpers shared by CLI verbs: one-line errors with exit code 2."""

from typing import NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `gladi: <message>` on stderr and exit with `code` (2: bad input)."""
    typer.echo(f"gladi: {message}", err=True)
    raise typer.Exit(code)
