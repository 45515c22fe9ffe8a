"""`gladi db ...`: schema management."""

import typer
from sqlalchemy.exc import OperationalError

from gladi.cli.common import fail
from gladi.db import DatabaseUrlError, build_engine
from gladi.schema import ensure_schema
from gladi.settings import get_settings

app = typer.Typer(help="Database schema commands.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(
    db: str = typer.Option(None, "--db", help="Database URL (default GLADI_DATABASE_URL)."),
) -> None:
    """Bring the database schema up to date (creates it on a new database)."""
    url = db or get_settings().database_url
    try:
        ensure_schema(build_engine(url))
    except DatabaseUrlError as exc:
        fail(str(exc))
    except OperationalError as exc:
        fail(f"cannot reach database {url}: {exc.orig}")
    typer.echo(f"schema up to date at {url}")
