"""Fixtures of the seeds tests: one small world in a SQLite file, and a way to read it."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from seeds.loader import TABLES
from seeds.world import SeedResult, seed_world
from tests.seeds.seed_worlds import SEED, fresh_engine


@pytest.fixture(scope="session")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, SeedResult]]:
    """The small world of SEED in a SQLite file, and what seeding reported."""
    path = tmp_path_factory.mktemp("seeds") / "small.db"
    engine = fresh_engine(path)
    result = seed_world(engine, SEED, "small")
    engine.dispose()
    yield path, result


@pytest.fixture(scope="session")
def world(small_file: tuple[Path, SeedResult]) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Every row of the small world, per table, as dicts in id order (read once)."""
    engine = fresh_engine(small_file[0])
    with engine.connect() as conn:
        data = {
            name: [dict(row) for row in conn.execute(select(table).order_by(table.c.id)).mappings()]
            for name, table in TABLES.items()
        }
    engine.dispose()
    yield data


@pytest.fixture
def empty_seed_db(tmp_path: Path) -> Iterator[Engine]:
    """A new SQLite database with the schema and nothing in it."""
    from gladi.schema import ensure_schema

    engine = fresh_engine(tmp_path / "empty.db")
    ensure_schema(engine)
    yield engine
    engine.dispose()
