"""Account maintenance beyond sign-in: password resets, removal and the first-run trainer."""

import secrets

from sqlalchemy import Connection, delete, func, select, update

from gladi.episodes.auth import create_user, end_sessions
from gladi.episodes.passwords import hash_password
from gladi.episodes.tables import UserAccount
from gladi.errors import NotFound

_users = UserAccount.__table__  # type: ignore[attr-defined]
FIRST_TRAINER = "trainer"


def _user_id(conn: Connection, username: str) -> int:
    found = conn.execute(select(_users.c.id).where(_users.c.username == username)).scalar()
    if found is None:
        raise NotFound(f"no user {username!r}", field="username")
    return int(found)


def reset_password(conn: Connection, username: str) -> str:
    """Set a new generated password and return it; every session of the user ends."""
    user_id = _user_id(conn, username)
    password = secrets.token_urlsafe(12)
    conn.execute(
        update(_users).where(_users.c.id == user_id).values(password_hash=hash_password(password))
    )
    end_sessions(conn, user_id)
    return password


def remove_user(conn: Connection, username: str) -> None:
    """Delete an account and its sessions. Its episodes stay (trainers can still open them by
    id) but leave the results, and the id is never given to another account."""
    user_id = _user_id(conn, username)
    end_sessions(conn, user_id)
    conn.execute(delete(_users).where(_users.c.id == user_id))


def ensure_first_trainer(conn: Connection) -> str | None:
    """On a database with no accounts, create the `trainer` account; returns its password."""
    if conn.execute(select(func.count()).select_from(_users)).scalar_one():
        return None
    return create_user(conn, FIRST_TRAINER, "trainer")
