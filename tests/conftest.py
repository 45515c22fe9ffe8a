"""Shared fixtures: a small seeded world in a temporary database, an app client, users."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.db import build_engine
from gladi.schema import ensure_schema
from gladi.settings import get_settings

SMALL_SEED = 7


REQUIRE_SERVICES = os.environ.get("GLADI_REQUIRE_SERVICES") == "1"
"""In CI every real part must run: a skipped postgres or browser test is a failure."""


def _postgres_url() -> str | None:
    """The PostgreSQL server for the world, when GLADI_TEST_WORLD=postgres (CI's second pass)."""
    if os.environ.get("GLADI_TEST_WORLD", "sqlite") != "postgres":
        return None
    url = os.environ.get("GLADI_TEST_POSTGRES_URL")
    if not url:
        raise pytest.UsageError("GLADI_TEST_WORLD=postgres needs GLADI_TEST_POSTGRES_URL")
    return url


def fresh_postgres_database(base_url: str, name: str) -> str:
    """Drop and create database `name` on the server of `base_url`; returns its URL."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = build_engine(base_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(base_url: str, url: str) -> None:
    """Drop the database of `url` (a test database on the server of `base_url`)."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    admin = build_engine(base_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Under GLADI_REQUIRE_SERVICES=1 a skipped postgres/browser test fails the run."""
    outcome = yield
    report = outcome.get_result()
    needs_service = item.get_closest_marker("postgres") or item.get_closest_marker("browser")
    if REQUIRE_SERVICES and needs_service and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"required service missing in CI: {report.longrepr}"


@pytest.fixture(scope="session")
def world_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[str]:
    """A database holding the `small` world of SMALL_SEED (SQLite, or PostgreSQL in CI's
    second pass: GLADI_TEST_WORLD=postgres with GLADI_TEST_POSTGRES_URL).

    On PostgreSQL each xdist worker of each run gets its own database (named after the run's
    id), so workers, and runs from several checkouts on one server, never collide; it is
    dropped at the end.
    """
    from seeds.world import seed_world

    base = _postgres_url()
    if base:
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))[:8]
        url = fresh_postgres_database(base, f"gladi_test_{worker_id}_{run}")
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('world') / 'gladi.db'}"
    engine = build_engine(url)
    ensure_schema(engine)
    seed_world(engine, seed=SMALL_SEED, scale="small", force=True)
    engine.dispose()
    yield url
    if base:
        drop_postgres_database(base, url)


@pytest.fixture(scope="session")
def world_engine(world_url: str) -> Iterator[Engine]:
    """An engine on the shared small world (read it; write only episode-scoped rows)."""
    engine = build_engine(world_url)
    yield engine
    engine.dispose()


@pytest.fixture
def app_env(world_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the settings (GLADI_DATABASE_URL) at the small world for one test."""
    monkeypatch.setenv("GLADI_DATABASE_URL", world_url)
    get_settings.cache_clear()
    yield world_url
    get_settings.cache_clear()


@pytest.fixture
def client(app_env: str) -> Iterator[TestClient]:
    """A client of the whole app on the small world."""
    from mocks.app import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database with the schema and no world."""
    engine = build_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    ensure_schema(engine)
    yield engine
    engine.dispose()
