"""Helpers shared by CLI verbs: one-line errors with exit code 2."""

from typing import NoReturn

import typer
from sqlalchemy import Engine


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `gladi: <message>` on stderr and exit with `code` (2: bad input)."""
    typer.echo(f"gladi: {message}", err=True)
    raise typer.Exit(code)


def open_engine(url: str | None) -> Engine:
    """An engine on `url` (or GLADI_DATABASE_URL) with the schema in place; exit 2 if unusable."""
    from sqlalchemy.exc import OperationalError

    from gladi.db import DatabaseUrlError, build_engine
    from gladi.schema import ensure_schema
    from gladi.settings import get_settings

    target = url or get_settings().database_url
    try:
        engine = build_engine(target)
        ensure_schema(engine)
    except DatabaseUrlError as exc:
        fail(str(exc))
    except OperationalError as exc:
        fail(f"cannot reach database {target}: {exc.orig}")
    return engine
