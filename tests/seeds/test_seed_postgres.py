"""On PostgreSQL (Core inserts) the world equals the SQLite one (needs GLADI_TEST_POSTGRES_URL)."""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from gladi.db import build_engine
from gladi.formats import WORLD_NOW
from seeds.loader import TABLES
from seeds.world import WorldExists, seed_world
from tests.seeds.seed_worlds import fresh_engine

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    """An engine whose search_path is a throwaway schema of the test database."""
    url = os.environ.get("GLADI_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("GLADI_TEST_POSTGRES_URL is not set")
    schema = f"seeds_test_{secrets.token_hex(4)}"
    admin = build_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine = build_engine(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in TABLES.items()}


def first_rows(engine: Engine, table: str) -> list[dict[str, object]]:
    with engine.connect() as conn:
        query = select(TABLES[table]).order_by(TABLES[table].c.id).limit(50)
        return [dict(row) for row in conn.execute(query).mappings()]


def test_postgres_world_equals_the_sqlite_world(pg_engine: Engine, tmp_path: Path) -> None:
    seed_world(pg_engine, 11, "small")
    lite = fresh_engine(tmp_path / "lite.db")
    seed_world(lite, 11, "small")
    assert counts(pg_engine) == counts(lite)
    for table in ("subscriber", "recharge", "ticket", "ott_subscription", "gol_order"):
        assert first_rows(pg_engine, table) == first_rows(lite, table), table
    lite.dispose()
    with pytest.raises(WorldExists):
        seed_world(pg_engine, 12, "small")
    seed_world(pg_engine, 12, "small", force=True)
    assert counts(pg_engine)["world_info"] == 1


def test_postgres_hands_out_ids_after_the_seeded_ones(pg_engine: Engine) -> None:
    seed_world(pg_engine, 11, "small")
    table = TABLES["interaction"]
    with pg_engine.begin() as conn:
        biggest = conn.execute(select(func.max(table.c.id))).scalar_one()
        new_id = conn.execute(table.insert().values(
            number="081200000001", at=WORLD_NOW, channel="GraPARI", category="Informasi",
            note="episode row", episode_id="ep-1").returning(table.c.id)).scalar_one()
    assert new_id > biggest
