"""The deployment secret: GLADI_SECRET_KEY, or generated once and kept in the database so every
process shares it; tool sessions are signed with it and expire."""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi.episodes.tables import DeploymentSecret
from gladi.errors import Unauthorized
from gladi.secrets import SecretKeyError, deployment_secret, derived_key, forget_cached
from gladi.settings import get_settings
from mocks import tool_login


@pytest.fixture
def fresh_db(empty_db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Settings pointed at an empty database without GLADI_SECRET_KEY."""
    monkeypatch.setenv("GLADI_DATABASE_URL", str(empty_db.url))
    monkeypatch.delenv("GLADI_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    forget_cached()
    yield empty_db
    forget_cached()
    get_settings.cache_clear()


def test_generated_once_kept_in_the_database_and_shared(fresh_db: Engine) -> None:
    first = deployment_secret()
    assert len(first) >= 32
    forget_cached()  # another process on the same database
    assert deployment_secret() == first
    with fresh_db.connect() as conn:
        assert deployment_secret(conn) == first
        rows = conn.execute(select(func.count()).select_from(DeploymentSecret.__table__))
        assert rows.scalar_one() == 1


def test_the_environment_wins_and_must_be_long(
    fresh_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLADI_SECRET_KEY", "k" * 40)
    get_settings.cache_clear()
    assert deployment_secret() == b"k" * 40
    assert derived_key("ui-cookie") != derived_key("mcp") != deployment_secret()
    monkeypatch.setenv("GLADI_SECRET_KEY", "short")
    get_settings.cache_clear()
    with pytest.raises(SecretKeyError):
        deployment_secret()


def test_a_tool_session_is_signed_with_the_deployment_secret(
    fresh_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = tool_login.issue("tos", {"user": "guest"})
    assert tool_login.check("tos", session, "log in")["user"] == "guest"
    with pytest.raises(Unauthorized):
        tool_login.check("upoint", session, "log in")  # another tool's session
    monkeypatch.setenv("GLADI_SECRET_KEY", "another-deployment-entirely-0123456789")
    get_settings.cache_clear()
    with pytest.raises(Unauthorized):
        tool_login.check("tos", session, "log in")  # signed by another deployment


def test_a_tool_session_expires(fresh_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    session = tool_login.issue("tos", {"user": "guest"})
    later = time.time() + 60 * get_settings().tool_session_minutes + 1
    monkeypatch.setattr(tool_login.time, "time", lambda: later)
    with pytest.raises(Unauthorized) as raised:
        tool_login.check("tos", session, "POST /tos/login")
    assert "expired" in raised.value.message


def test_an_expired_tos_session_is_401_over_http(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    login = client.post("/tos/login", json={"username": "guest", "password": "telkom"})
    assert login.status_code == 200, login.text
    headers = {"X-Tool-Session": login.json()["tool_session"]}
    params = {"account": "4861675", "period": "202206"}
    path = "/tos/tibs-non-pots/billing-process/invoice"
    assert client.get(path, params=params, headers=headers).status_code != 401
    later = time.time() + 60 * get_settings().tool_session_minutes + 1
    monkeypatch.setattr(tool_login.time, "time", lambda: later)
    expired = client.get(path, params=params, headers=headers)
    assert expired.status_code == 401 and "expired" in expired.json()["message"]
