"""Account maintenance beyond sign-in: password resets and the first-run trainer."""

import secrets

from sqlalchemy import Connection, func, select, update

from gladi.episodes.auth import _hasher, create_user
from gladi.episodes.tables import UserAccount
from gladi.errors import NotFound

_users = UserAccount.__table__  # type: ignore[attr-defined]
FIRST_TRAINER = "trainer"


def reset_password(conn: Connection, username: str) -> str:
    """Set a new generated password and return it."""
    password = secrets.token_urlsafe(12)
    result = conn.execute(
        update(_users)
        .where(_users.c.username == username)
        .values(password_hash=_hasher.hash(password))
    )
    if result.rowcount == 0:
        raise NotFound(f"no user {username!r}", field="username")
    return password


def ensure_first_trainer(conn: Connection) -> str | None:
    """On a database with no accounts, create the `trainer` account; returns its password."""
    if conn.execute(select(func.count()).select_from(_users)).scalar_one():
        return None
    return create_user(conn, FIRST_TRAINER, "trainer")
