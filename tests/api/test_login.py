"""Signing in: throttled per user and per address (429 + Retry-After), the same work for unknown
users, a bounded number of hashes at once, old hashes upgraded, sessions ended and purged."""

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from pwdlib import PasswordHash
from sqlalchemy import Engine, delete, func, select, update

from gladi.db import get_engine
from gladi.episodes import auth, passwords
from gladi.episodes.accounts import reset_password
from gladi.episodes.auth import create_user
from gladi.episodes.tables import AuthSession, LoginFailure, UserAccount
from gladi.errors import Unauthorized
from gladi.settings import get_settings
from tests.api.conftest import bearer
from tests.helpers import make_user

SESSIONS = AuthSession.__table__
USERS = UserAccount.__table__


@pytest.fixture
def limits(app_env: str, world_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Low throttle limits for the test; the failures it records are removed afterwards."""
    monkeypatch.setenv("GLADI_LOGIN_FAILURES_PER_USER", "3")
    monkeypatch.setenv("GLADI_LOGIN_FAILURES_PER_ADDRESS", "6")
    get_settings.cache_clear()
    yield
    with world_engine.begin() as conn:
        conn.execute(delete(LoginFailure.__table__))
    get_settings.cache_clear()


def _account(engine: Engine, name: str) -> str:
    with engine.begin() as conn:
        return create_user(conn, name, "trainee")


def _login(client: TestClient, name: str, password: str):
    return client.post("/api/login", json={"username": name, "password": password})


def test_guessing_one_users_password_is_throttled(
    limits: None, client: TestClient, world_engine: Engine
) -> None:
    password = _account(world_engine, "guessed_user")
    for _ in range(3):
        assert _login(client, "guessed_user", "wrong").status_code == 401
    refused = _login(client, "guessed_user", password)  # even the right one, for now
    assert refused.status_code == 429 and refused.json()["field"] == "username"
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= get_settings().login_window_seconds
    assert refused.json()["retry_after"] == wait
    other = _account(world_engine, "other_user")
    assert _login(client, "other_user", other).status_code == 200  # others are not locked out
    with world_engine.begin() as conn:  # the window passes
        conn.execute(
            update(LoginFailure.__table__).values(at=datetime.now(UTC) - timedelta(hours=1))
        )
    assert _login(client, "guessed_user", password).status_code == 200


def test_one_address_trying_many_users_is_throttled(
    limits: None, client: TestClient, world_engine: Engine
) -> None:
    for n in range(6):
        assert _login(client, f"nobody_{n}", "wrong").status_code == 401
    refused = _login(client, "nobody_99", "wrong")
    assert refused.status_code == 429 and refused.json()["field"] == "address"
    assert int(refused.headers["Retry-After"]) > 0


def test_a_good_login_clears_that_users_failures(
    limits: None, client: TestClient, world_engine: Engine
) -> None:
    password = _account(world_engine, "forgetful")
    for _ in range(2):
        _login(client, "forgetful", "wrong")
    assert _login(client, "forgetful", password).status_code == 200
    for _ in range(2):
        assert _login(client, "forgetful", "wrong").status_code == 401  # not 429: back to zero


def test_an_unknown_user_costs_the_same_hash_as_a_known_one(
    app_env: str, world_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _account(world_engine, "known_user")
    checked: list[str] = []
    original = passwords.HASHER.verify_and_update

    def spy(password: str, hashed: str) -> tuple[bool, str | None]:
        checked.append(hashed)
        return original(password, hashed)

    monkeypatch.setattr(passwords.HASHER, "verify_and_update", spy)
    for name in ("known_user", "no_such_user"):
        with pytest.raises(Unauthorized):
            auth.sign_in(get_engine(), name, "wrong", "10.0.0.1", 60)
    assert len(checked) == 2
    params = [h.split("$")[3] for h in checked]  # m=...,t=...,p=...
    assert params[0] == params[1] == f"m={passwords.MEMORY_KIB},t=2,p=1"
    with world_engine.begin() as conn:
        conn.execute(delete(LoginFailure.__table__))


def test_parallel_logins_hash_a_few_at_a_time(
    app_env: str, world_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = _account(world_engine, "popular")
    monkeypatch.setenv("GLADI_LOGIN_HASH_CONCURRENCY", "2")
    get_settings.cache_clear()
    passwords.reset_pool()
    running, most = 0, 0
    threads: set[str] = set()
    lock = threading.Lock()
    original = passwords.HASHER.verify_and_update

    def counting(secret: str, hashed: str) -> tuple[bool, str | None]:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
            threads.add(threading.current_thread().name)
        try:
            return original(secret, hashed)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(passwords.HASHER, "verify_and_update", counting)
    with ThreadPoolExecutor(max_workers=16) as pool:
        tokens = list(
            pool.map(lambda _: auth.sign_in(get_engine(), "popular", password, "a", 60), range(16))
        )
    passwords.reset_pool()
    get_settings.cache_clear()
    assert len({token for token, _ in tokens}) == 16
    assert 1 <= most <= 2  # 16 logins, never more than 2 hashes (19 MiB each) at once
    assert len(threads) <= 2 and all(t.startswith("gladi-hash") for t in threads)  # same two


def test_an_old_64_mib_hash_is_replaced_at_the_next_login(
    app_env: str, client: TestClient, world_engine: Engine
) -> None:
    password = _account(world_engine, "old_timer")
    old = PasswordHash.recommended().hash(password)
    assert "m=65536" in old
    with world_engine.begin() as conn:
        conn.execute(update(USERS).where(USERS.c.username == "old_timer").values(password_hash=old))
    assert _login(client, "old_timer", password).status_code == 200
    with world_engine.connect() as conn:
        stored = conn.execute(
            select(USERS.c.password_hash).where(USERS.c.username == "old_timer")
        ).scalar_one()
    assert f"m={passwords.MEMORY_KIB}," in stored
    assert _login(client, "old_timer", password).status_code == 200


def test_a_new_password_ends_every_session_of_the_user(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    assert client.get("/api/me", headers=bearer(token)).status_code == 200
    with world_engine.connect() as conn:
        name = conn.execute(select(USERS.c.username).where(USERS.c.id == user_id)).scalar_one()
    with world_engine.begin() as conn:
        reset_password(conn, name)
    assert client.get("/api/me", headers=bearer(token)).status_code == 401


def test_expired_sessions_are_purged_at_the_next_login(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, _ = make_user(world_engine)
    with world_engine.begin() as conn:
        conn.execute(
            update(SESSIONS)
            .where(SESSIONS.c.user_id == user_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    password = _account(world_engine, "purger")
    assert _login(client, "purger", password).status_code == 200
    with world_engine.connect() as conn:
        expired = conn.execute(
            select(func.count())
            .select_from(SESSIONS)
            .where(SESSIONS.c.expires_at <= datetime.now(UTC))
        ).scalar_one()
    assert expired == 0
