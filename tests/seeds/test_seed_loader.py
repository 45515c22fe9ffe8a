"""The bulk writer: fast path stores what Core would, one transaction, indexes restored."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from gladi.schema import ensure_schema
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



def test_prepared_chunks_store_what_the_rows_would_and_rows_missing_a_column_go_to_core(
    tmp_path: Path,
) -> None:
    """A forked generator hands over `prepare_for_sqlite` chunks: parameter tuples, or the
    rows themselves when one lacks a column (Core then fills the column's default)."""
    def notice(id_: int) -> dict[str, object]:
        return {"id": id_, "area": "Kota Bandung", "service": "DATA", "title": "Gangguan",
                "started_at": datetime(2026, 11, 20, 1, 2, 3, tzinfo=UTC),
                "expected_end": datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
                "standard_answer": "Sedang dalam perbaikan", "episode_id": None}

    as_tuples = loader.prepare_for_sqlite("outage_notice", [notice(1)])
    assert isinstance(as_tuples[0], tuple)
    lacking = notice(2)
    del lacking["episode_id"]
    as_rows = loader.prepare_for_sqlite("outage_notice", [lacking])
    assert as_rows == [lacking]
    engine = fresh_engine(tmp_path / "prepared.db")
    ensure_schema(engine)
    with engine.begin() as conn:
        writer = loader.Writer(conn)
        writer.write_prepared("outage_notice", as_tuples)
        writer.write_prepared("outage_notice", as_rows)
        stored = conn.execute(
            text("SELECT id, started_at, episode_id FROM outage_notice ORDER BY id")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in stored] == [
        (1, "2026-11-20 01:02:03.000000", None),
        (2, "2026-11-20 01:02:03.000000", None),
    ]
