"""gladi.db.HeldConnection: the serving loop's own SQLite connection, and its limits."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from gladi.db import HeldConnection, build_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = build_engine(f"sqlite:///{tmp_path / 'held.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)"))
    yield engine
    engine.dispose()


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM note")).scalar_one())


def test_the_same_connection_serves_one_use_after_another(engine: Engine) -> None:
    held = HeldConnection(engine)
    first = held.take()
    assert first is not None
    held.release()
    assert held.take() is first
    held.release()
    held.close()


def test_a_use_ends_with_its_uncommitted_writes_rolled_back(engine: Engine) -> None:
    held = HeldConnection(engine)
    conn = held.take()
    assert conn is not None
    conn.execute(text("INSERT INTO note (body) VALUES ('kept')"))
    conn.commit()
    conn.execute(text("INSERT INTO note (body) VALUES ('never committed')"))
    held.release()
    assert _count(engine) == 1
    # nothing is left open: another connection can write at once
    with engine.begin() as other:
        other.execute(text("INSERT INTO note (body) VALUES ('other')"))
    assert _count(engine) == 2
    held.close()


def test_reads_after_a_use_see_what_others_committed_since(engine: Engine) -> None:
    held = HeldConnection(engine)
    conn = held.take()
    assert conn is not None
    assert conn.execute(text("SELECT count(*) FROM note")).scalar_one() == 0
    held.release()
    with engine.begin() as other:
        other.execute(text("INSERT INTO note (body) VALUES ('new')"))
    conn = held.take()
    assert conn is not None
    assert conn.execute(text("SELECT count(*) FROM note")).scalar_one() == 1
    held.release()
    held.close()


def test_a_failed_use_closes_the_connection_and_the_next_opens_a_fresh_one(
    engine: Engine,
) -> None:
    held = HeldConnection(engine)
    first = held.take()
    assert first is not None
    first.execute(text("INSERT INTO note (body) VALUES ('half done')"))
    held.release(failed=True)
    assert first.closed
    assert _count(engine) == 0
    second = held.take()
    assert second is not None and second is not first
    held.release()
    held.close()


def test_a_nested_use_and_other_threads_get_none_and_use_the_pool(engine: Engine) -> None:
    held = HeldConnection(engine)
    assert held.take() is not None
    assert held.take() is None  # nested: the connection is busy
    held.release()
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(held.take()))
    thread.start()
    thread.join()
    assert seen == [None]
    held.close()


def test_in_memory_databases_are_not_held() -> None:
    engine = build_engine("sqlite://")
    assert HeldConnection(engine).take() is None
    engine.dispose()


def test_the_app_holds_one_sqlite_connection_while_it_serves_and_closes_it_after(
    app_env: str,
) -> None:
    from fastapi.testclient import TestClient

    from mocks.app import create_app

    app = create_app()
    with TestClient(app) as client:
        held = app.state.held_connection
        assert client.get("/dsc/subscribers/0811000000").status_code in (200, 404)
        conn = held._conn
        if held.engine.dialect.name != "sqlite":
            assert conn is None  # PostgreSQL keeps the pool and its pre-ping
            return
        assert conn is not None and not conn.closed
        assert not conn.in_transaction()  # the request's transaction ended with it
    assert conn.closed
    assert not hasattr(app.state, "held_connection")
