"""The bulk writer: fast path stores what Core would, one transaction, indexes restored."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select

from seeds import fast_sqlite, loader
from seeds.loader import TABLES
from seeds.world import seed_world
from tests.seeds.seed_worlds import dump, fresh_engine


class Boom(RuntimeError):
    """The failure injected into the loader."""


def index_names(engine: Engine) -> set[str]:
    inspector = inspect(engine)
    return {ix["name"] for table in TABLES for ix in inspector.get_indexes(table)}


def row_total(engine: Engine) -> int:
    with engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t)).scalar_one()
                   for t in TABLES.values())


def fail_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """Make the loader raise on its `calls`-th write (after writing the ones before)."""
    real = fast_sqlite.insert_tuples
    seen = []

    def flaky(*args: object) -> None:
        seen.append(1)
        if len(seen) >= calls:
            raise Boom("disk on fire")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fast_sqlite, "insert_tuples", flaky)
    monkeypatch.setattr(fast_sqlite, "insert", lambda conn, table, rows: (
        flaky(conn, table, fast_sqlite.as_tuples(table, rows)) or True))


def test_fast_path_stores_exactly_what_core_inserts_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = fresh_engine(tmp_path / "fast.db")
    seed_world(engine, 8, "small", parallel=False)
    engine.dispose()
    monkeypatch.setattr(fast_sqlite, "insert", lambda *args: False)  # Core insert only
    engine = fresh_engine(tmp_path / "core.db")
    seed_world(engine, 8, "small", parallel=False)
    engine.dispose()
    assert dump(tmp_path / "fast.db") == dump(tmp_path / "core.db")


def test_a_failing_load_leaves_no_world_and_keeps_the_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = fresh_engine(tmp_path / "w.db")
    from gladi.schema import ensure_schema

    ensure_schema(engine)
    indexes = index_names(engine)
    fail_after(monkeypatch, 5)
    with pytest.raises(Boom):
        seed_world(engine, 3, "small", parallel=False)
    assert row_total(engine) == 0
    assert index_names(engine) == indexes and "ix_subscriber_msisdn" in indexes
    engine.dispose()


def test_a_failing_replacement_keeps_the_old_world(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.db"
    engine = fresh_engine(path)
    seed_world(engine, 3, "small")
    before = dump(path)
    fail_after(monkeypatch, 7)
    with pytest.raises(Boom):
        seed_world(engine, 4, "small", force=True, parallel=True)
    engine.dispose()
    assert dump(path) == before


def test_indexes_are_the_same_after_seeding(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path / "w.db")
    from gladi.schema import ensure_schema

    ensure_schema(engine)
    indexes = index_names(engine)
    seed_world(engine, 3, "small")
    assert index_names(engine) == indexes
    engine.dispose()


def test_sink_numbers_rows_and_writes_in_chunks() -> None:
    written: list[tuple[str, int]] = []
    sink = loader.Sink(lambda table, rows: written.append((table, len(rows))),
                       first_ids={"voucher": 10}, chunk=3)
    ids = [sink.add("voucher", {"serial": str(n)}) for n in range(7)]
    assert sink.reserve("ticket") == 1
    assert ids == list(range(10, 17))
    assert sink.close() == {"voucher": 7}
    assert written == [("voucher", 3), ("voucher", 3), ("voucher", 1)]


def _explode(ctx: object) -> None:
    raise RuntimeError("generator exploded")


def test_a_failing_child_generator_aborts_the_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seeds import producer

    monkeypatch.setattr(producer, "GENERATORS", (producer.GENERATORS[0], _explode))
    engine = fresh_engine(tmp_path / "w.db")
    # Forked when this process may fork (no other threads), else in-process (e.g. under
    # xdist): either way the failure aborts the whole seed.
    expected = producer.ProducerFailed if producer.can_fork() else RuntimeError
    with pytest.raises(expected, match="generator exploded"):
        seed_world(engine, 3, "small", parallel=True)
    assert row_total(engine) == 0
    engine.dispose()
