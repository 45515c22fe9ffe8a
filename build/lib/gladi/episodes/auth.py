"""Local accounts and bearer tokens: argon2 password hashes, tokens stored as SHA-256."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pwdlib import PasswordHash
from sqlalchemy import Connection, Row, bindparam, delete, insert, select

from gladi.episodes.tables import AuthSession, UserAccount
from gladi.errors import BadInput, Conflict, Forbidden, Unauthorized

ROLES = ("trainee", "trainer", "assessor")
_hasher = PasswordHash.recommended()
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
            password_hash=_hasher.hash(password),
            created_at=datetime.now(UTC),
        )
    )
    return password


def login(conn: Connection, username: str, password: str, ttl_minutes: int) -> tuple[str, User]:
    """Check the password and open a session; returns the bearer token and the user."""
    row = conn.execute(select(_users).where(_users.c.username == username)).first()
    if row is None or not _hasher.verify(password, row.password_hash):
        raise Unauthorized("wrong username or password", field="password")
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    conn.execute(
        insert(_sessions).values(
            token_hash=_token_hash(token),
            user_id=row.id,
            created_at=now,
            expires_at=now + timedelta(minutes=ttl_minutes),
        )
    )
    return token, User(row.id, row.username, row.role)


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
