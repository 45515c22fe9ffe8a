"""`gladi user ...`: local accounts."""

import typer

from gladi.cli.common import fail, open_engine
from gladi.episodes.accounts import reset_password
from gladi.episodes.auth import ROLES, create_user
from gladi.errors import GladiError

app = typer.Typer(help="Manage local accounts (trainee, trainer, assessor).", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="User name (letters, digits, '.', '_')."),
    role: str = typer.Option(..., "--role", help="trainee, trainer or assessor."),
    db: str = typer.Option(None, "--db", help="Database URL (default GLADI_DATABASE_URL)."),
) -> None:
    """Create an account; its generated password is printed once, alone on the last line."""
    if role not in ROLES:
        fail(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}")
    engine = open_engine(db)
    try:
        with engine.begin() as conn:
            password = create_user(conn, name, role)
    except GladiError as exc:
        fail(exc.message)
    typer.echo(f"created {role} {name!r}; password (shown once):")
    typer.echo(password)


@app.command("passwd")
def passwd(
    name: str = typer.Argument(..., help="User name."),
    db: str = typer.Option(None, "--db", help="Database URL (default GLADI_DATABASE_URL)."),
) -> None:
    """Give an account a new generated password (printed once, alone on the last line); every
    session of the account ends, so old tokens stop working at once."""
    engine = open_engine(db)
    try:
        with engine.begin() as conn:
            password = reset_password(conn, name)
    except GladiError as exc:
        fail(exc.message)
    typer.echo(f"new password for {name!r}; its sessions have ended (shown once):")
    typer.echo(password)
