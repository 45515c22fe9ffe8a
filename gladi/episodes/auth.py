"""Local accounts and bearer tokens: argon2id password hashes, tokens stored as SHA-256.

`sign_in` is what POST /api/login runs: throttled per username and address
(gladi.episodes.throttle), constant-time for unknown users and with a bounded number of
hashes per worker (gladi.episodes.passwords), expired sessions purged as it goes.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, delete, insert, select, update

from gladi.episodes import passwords, throttle
from gladi.episodes.tables import AuthSession, UserAccount
from gladi.errors import BadInput, Conflict, Forbidden, Unauthorized

ROLES = ("trainee", "trainer", "assessor")
_users = UserAccount.__table__  # type: ignore[attr-defined]
_sessions = AuthSession.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class User:
    """The signed-in caller."""

    id: int
    username: str
    role: str

    @property
    def sees_keys(self) -> bool:
        """Trainers and assessors may read answer keys and everyone's results."""
        return self.role in ("trainer", "assessor")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(conn: Connection, username: str, role: str) -> str:
    """Create an account and return its generated password (shown once, never stored)."""
    if role not in ROLES:
        raise BadInput(f"unknown role {role!r}", field="role", expected=" | ".join(ROLES))
    name = username.strip()
    if not name or len(name) > 64 or not name.replace("_", "").replace(".", "").isalnum():
        raise BadInput("a username is 1-64 letters, digits, '.' or '_'", field="username")
    if conn.execute(select(_users.c.id).where(_users.c.username == name)).first():
        raise Conflict(f"user {name!r} exists already", field="username")
    password = secrets.token_urlsafe(12)
    conn.execute(
        insert(_users).values(
            username=name,
            role=role,
            password_hash=passwords.hash_password(password),
            created_at=datetime.now(UTC),
        )
    )
    return password


def open_session(conn: Connection, user_id: int, ttl_minutes: int) -> str:
    """A new bearer token for the user, valid for `ttl_minutes`."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    conn.execute(
        insert(_sessions).values(
            token_hash=_token_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + timedelta(minutes=ttl_minutes),
        )
    )
    return token


def login(conn: Connection, username: str, password: str, ttl_minutes: int) -> tuple[str, User]:
    """Check the password and open a session (no throttling: for scripts and tests)."""
    row = conn.execute(select(_users).where(_users.c.username == username)).first()
    ok, _ = passwords.verify(password, row.password_hash if row is not None else None)
    if row is None or not ok:
        raise Unauthorized("wrong username or password", field="password")
    return open_session(conn, row.id, ttl_minutes), User(row.id, row.username, row.role)


def sign_in(
    engine: Engine, username: str, password: str, address: str, ttl_minutes: int
) -> tuple[str, User]:
    """POST /api/login: throttle, check the password (no connection held while hashing),
    count a failure or open a session; expired sessions are purged on the way."""
    now = datetime.now(UTC)
    with engine.connect() as conn:
        throttle.check(conn, username, address, now)
        row = conn.execute(select(_users).where(_users.c.username == username)).first()
    ok, rehashed = passwords.verify(password, row.password_hash if row is not None else None)
    if row is None or not ok:
        with engine.begin() as conn:
            throttle.record_failure(conn, username, address, now)
        raise Unauthorized("wrong username or password", field="password")
    with engine.begin() as conn:
        throttle.clear(conn, username)
        if rehashed is not None:
            conn.execute(update(_users).where(_users.c.id == row.id).values(password_hash=rehashed))
        purge_expired_sessions(conn, now)
        token = open_session(conn, row.id, ttl_minutes)
    return token, User(row.id, row.username, row.role)


def purge_expired_sessions(conn: Connection, now: datetime | None = None) -> int:
    """Delete every expired session; returns how many."""
    moment = now or datetime.now(UTC)
    return conn.execute(delete(_sessions).where(_sessions.c.expires_at <= moment)).rowcount


def end_sessions(conn: Connection, user_id: int) -> int:
    """Delete every session of a user (password changed, account removed)."""
    return conn.execute(delete(_sessions).where(_sessions.c.user_id == user_id)).rowcount


SESSION_USER = (
    select(_users.c.id, _users.c.username, _users.c.role, _sessions.c.expires_at)
    .select_from(_sessions.join(_users, _users.c.id == _sessions.c.user_id))
    .where(_sessions.c.token_hash == bindparam("token_hash"))
)
"""The user behind a session (parameter `token_hash`); built once so every authenticated call
reuses its compiled form. Extend it with more columns/joins where a caller needs them."""


def token_hash(token: str | None) -> str:
    """The stored form of a bearer token; Unauthorized when there is none."""
    if not token:
        raise Unauthorized(
            "missing bearer token",
            field="Authorization",
            expected="Authorization: Bearer <token from POST /api/login>",
        )
    return _token_hash(token)


def session_user(row: Row[Any] | None) -> User:
    """The user of a SESSION_USER row; Unauthorized when there is none or it has expired."""
    if row is None:
        raise Unauthorized("unknown token", field="Authorization")
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires <= datetime.now(UTC):
        raise Unauthorized("token expired, log in again", field="Authorization")
    return User(row.id, row.username, row.role)


def user_for_token(conn: Connection, token: str | None) -> User:
    """The user behind a bearer token; Unauthorized when missing, unknown or expired."""
    hashed = token_hash(token)
    return session_user(conn.execute(SESSION_USER, {"token_hash": hashed}).first())


def logout(conn: Connection, token: str) -> None:
    """Forget a session."""
    conn.execute(delete(_sessions).where(_sessions.c.token_hash == _token_hash(token)))


def require_role(user: User, *roles: str) -> User:
    """Forbidden unless the user has one of `roles`."""
    if user.role not in roles:
        raise Forbidden(
            f"role {user.role!r} may not do this", field="role", expected=" | ".join(roles)
        )
    return user
