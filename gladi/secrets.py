"""The deployment secret: one key every worker and machine of a deployment shares.

`deployment_secret()` is the only way to get it. It is `GLADI_SECRET_KEY` when set (at least
32 characters); otherwise it is generated at first run and kept in the database (table
`deployment_secret`), so every process on that database reads the same key without any setup.
It signs the TOS / UPoint tool sessions and keys the opaque case ids trainees see, and is meant
for the trainer UI's cookie sessions and the MCP server too: derive a purpose-specific key with
`derived_key(purpose)` rather than using the secret itself.
"""

import hashlib
import hmac
import secrets as stdlib_secrets
import threading
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from gladi.db import get_engine
from gladi.episodes.tables import DeploymentSecret
from gladi.settings import get_settings

_table = DeploymentSecret.__table__  # type: ignore[attr-defined]
NAME = "secret_key"
MIN_LENGTH = 32
_cache: dict[str, bytes] = {}
_lock = threading.Lock()


class SecretKeyError(ValueError):
    """GLADI_SECRET_KEY is set but too short to be a key."""


def _stored(conn: Connection) -> str | None:
    return conn.execute(select(_table.c.value).where(_table.c.name == NAME)).scalar()


def _read_or_create() -> str:
    """The stored secret; the first process generates and commits it (a racing second one
    fails on the primary key and reads the winner's)."""
    engine = get_engine()
    with engine.connect() as conn:
        found = _stored(conn)
    if found is not None:
        return found
    value = stdlib_secrets.token_urlsafe(48)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(_table).values(name=NAME, value=value, created_at=datetime.now(UTC))
            )
    except IntegrityError:
        with engine.connect() as conn:
            stored = _stored(conn)
        assert stored is not None
        return stored
    return value


def deployment_secret(conn: Connection | None = None) -> bytes:
    """The deployment secret (cached per database for the life of the process).

    With `conn`, a stored secret is read through it (no second connection); generating one
    always commits in its own transaction, so a caller's rollback can never lose it. The app
    calls this at start-up, so the first request finds it cached.
    """
    settings = get_settings()
    if settings.secret_key is not None:
        key = settings.secret_key.get_secret_value()
        if len(key) < MIN_LENGTH:
            raise SecretKeyError(f"GLADI_SECRET_KEY must be at least {MIN_LENGTH} characters")
        return key.encode()
    url = settings.database_url
    cached = _cache.get(url)
    if cached is not None:
        return cached
    with _lock:
        if url not in _cache:
            value = _stored(conn) if conn is not None else None
            _cache[url] = (value or _read_or_create()).encode()
    return _cache[url]


def derived_key(purpose: str, conn: Connection | None = None) -> bytes:
    """A key for one purpose ("tool-session", "case-id", "ui-cookie", "mcp" ...): different
    purposes never share a key, and none of them reveals the secret."""
    return hmac.new(deployment_secret(conn), purpose.encode(), hashlib.sha256).digest()


def forget_cached() -> None:
    """Drop the cached secrets (tests that switch databases or keys)."""
    with _lock:
        _cache.clear()
