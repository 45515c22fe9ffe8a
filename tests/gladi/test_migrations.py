"""Versioned schema: an older database upgrades without losing results; models match head."""

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select
from sqlmodel import SQLModel

from gladi.db import build_engine
from gladi.episodes.tables import Episode, UserAccount
from gladi.schema import alembic_config, current_revision, ensure_schema, head_revision


def test_a_database_from_0001_upgrades_and_keeps_its_results(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    report = {"score": 85, "passed": True, "items": []}
    with engine.begin() as conn:
        user = conn.execute(
            insert(UserAccount.__table__).values(
                username="lama",
                role="trainee",
                password_hash="x",
                created_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(Episode.__table__).values(
                id="old-episode-0001",
                user_id=user,
                scenario_id="sop001-aging",
                sop="sop-001",
                seed=1,
                persona="cooperative",
                mode="practice",
                state="submitted",
                created_at=datetime.now(UTC),
                submitted_at=datetime.now(UTC),
                sim_now=datetime.now(UTC),
                brief={},
                customer={},
                key={},
                report=report,
                score=85,
                passed=True,
            )
        )
    assert current_revision(engine) == "0001"
    ensure_schema(engine)
    assert current_revision(engine) == head_revision() != "0001"
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(Episode.__table__).where(Episode.__table__.c.id == "old-episode-0001")
            )
            .mappings()
            .one()
        )
    assert row["report"] == report and row["score"] == 85 and row["passed"] is True
    indexes = {i["name"] for i in inspect(engine).get_indexes("episode")}
    assert "ix_episode_state_submitted_at" in indexes


def test_the_models_match_the_newest_migration(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'new.db'}")
    ensure_schema(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == [], f"models changed without a migration: {diff}"
