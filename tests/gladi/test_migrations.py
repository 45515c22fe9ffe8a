"""Versioned schema: an older database upgrades without losing results; models match head;
0004 resolves duplicate exam attempts before the database refuses them."""

import os
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from gladi.db import build_engine
from gladi.episodes.tables import Episode, Exam, UserAccount
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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def blank_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database: a SQLite file, or a throwaway schema on the CI PostgreSQL."""
    if request.param == "sqlite":
        engine = build_engine(f"sqlite:///{tmp_path / 'dups.db'}")
        yield engine
        engine.dispose()
        return
    url = os.environ.get("GLADI_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("GLADI_TEST_POSTGRES_URL is not set")
    schema = f"migrate_{secrets.token_hex(4)}"
    admin = build_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine = build_engine(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def _attempt(conn, episode_id: str, user: int, exam: int, state: str, minutes: int) -> None:
    at = datetime.now(UTC) - timedelta(minutes=minutes)
    conn.execute(
        insert(Episode.__table__).values(
            id=episode_id,
            user_id=user,
            scenario_id="sop001-aging",
            sop="sop-001",
            seed=1,
            persona="cooperative",
            mode="exam",
            exam_id=exam,
            state=state,
            created_at=at,
            submitted_at=at if state == "submitted" else None,
            sim_now=at,
            brief={},
            customer={},
            key={},
            score=70 if state == "submitted" else None,
            report={"score": 70, "passed": True, "items": []} if state == "submitted" else None,
        )
    )


def test_0004_resolves_duplicate_exam_attempts_and_then_refuses_them(
    blank_engine: Engine,
) -> None:
    config = alembic_config()
    with blank_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    deadline = datetime.now(UTC) + timedelta(days=1)
    with blank_engine.begin() as conn:
        exam = conn.execute(
            insert(Exam.__table__).values(
                title="x",
                created_by=1,
                created_at=datetime.now(UTC),
                deadline=deadline,
                scenarios=["sop001-aging"],
            )
        ).inserted_primary_key[0]
        _attempt(conn, "first-open", 5, exam, "open", minutes=30)
        _attempt(conn, "later-submitted", 5, exam, "submitted", minutes=20)
        _attempt(conn, "latest-submitted", 5, exam, "submitted", minutes=10)
        _attempt(conn, "someone-else", 6, exam, "open", minutes=5)
    ensure_schema(blank_engine)
    table = Episode.__table__
    with blank_engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(table))}
    counted = rows["later-submitted"]  # the first submitted attempt is the one that counts
    assert counted.exam_id == exam and counted.mode == "exam" and counted.score == 70
    assert counted.deadline is not None and abs(counted.deadline - deadline) < timedelta(seconds=1)
    closed = rows["first-open"]
    assert closed.exam_id is None and closed.mode == "void" and closed.state == "closed"
    assert closed.score == 0 and "later-submitted" in closed.report["closed"]
    kept = rows["latest-submitted"]  # nothing stored is lost: its report stays
    assert kept.exam_id is None and kept.mode == "void" and kept.report["score"] == 70
    assert kept.deadline is not None  # its key stays withheld until the exam closes
    assert rows["someone-else"].exam_id == exam and rows["someone-else"].state == "open"
    with pytest.raises(IntegrityError), blank_engine.begin() as conn:
        _attempt(conn, "one-more", 5, exam, "open", minutes=1)
