"""Accounts and housekeeping: removed accounts never hand their id (and episodes) to a new one,
an in-process `gladi assess` leaves no account or token behind, the SQLite file is private,
and the housekeeping closes overdue attempts and purges what has expired."""

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select, update
from typer.testing import CliRunner

from gladi.cli.main import app
from gladi.db import build_engine
from gladi.episodes.accounts import remove_user
from gladi.episodes.auth import create_user
from gladi.episodes.housekeeping import tidy
from gladi.episodes.tables import AuthSession, Episode, LoginFailure, UserAccount
from gladi.schema import ensure_schema
from tests.helpers import make_episode, make_user

USERS = UserAccount.__table__
SESSIONS = AuthSession.__table__


def test_a_removed_accounts_id_is_never_given_again(empty_db: Engine) -> None:
    with empty_db.begin() as conn:
        create_user(conn, "first", "trainee")
        create_user(conn, "newest", "assessor")
        gone = conn.execute(select(USERS.c.id).where(USERS.c.username == "newest")).scalar_one()
        remove_user(conn, "newest")
        create_user(conn, "after", "trainee")
        new = conn.execute(select(USERS.c.id).where(USERS.c.username == "after")).scalar_one()
    assert new > gone


def test_in_process_assess_leaves_no_account_or_token(app_env: str, world_engine: Engine) -> None:
    def assessors() -> tuple[int, int]:
        with world_engine.connect() as conn:
            names = conn.execute(
                select(func.count()).select_from(USERS).where(USERS.c.username.like("assess_%"))
            ).scalar_one()
            tokens = conn.execute(select(func.count()).select_from(SESSIONS)).scalar_one()
        return names, tokens

    before = assessors()
    result = CliRunner().invoke(
        app, ["assess", "--agent", "oracle", "--scenarios", "sop001-aging", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert assessors() == before


def test_a_new_sqlite_file_is_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        engine = build_engine(f"sqlite:///{tmp_path / 'private.db'}")
        ensure_schema(engine)
        engine.dispose()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "private.db").stat().st_mode) == 0o600
    shared = tmp_path / "shared.db"
    shared.touch(mode=0o644)
    build_engine(f"sqlite:///{shared}").dispose()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600


def test_housekeeping_closes_overdue_attempts_and_purges(
    world_engine: Engine, app_env: str
) -> None:
    user_id, _ = make_user(world_engine)
    overdue = make_episode(world_engine, user_id)
    running = make_episode(world_engine, user_id)
    past = datetime.now(UTC) - timedelta(minutes=5)
    episodes = Episode.__table__
    with world_engine.begin() as conn:
        conn.execute(
            update(episodes)
            .where(episodes.c.id == overdue)
            .values(mode="exam", exam_id=987654, deadline=past)
        )
        conn.execute(
            update(episodes)
            .where(episodes.c.id == running)
            .values(mode="exam", exam_id=987655, deadline=past + timedelta(days=1))
        )
        conn.execute(update(SESSIONS).where(SESSIONS.c.user_id == user_id).values(expires_at=past))
        conn.execute(
            LoginFailure.__table__.insert().values(
                username="x", address="y", at=past - timedelta(days=1)
            )
        )
    done = tidy(world_engine)
    assert done["closed"] >= 1 and done["sessions"] >= 1 and done["login_failures"] >= 1
    with world_engine.connect() as conn:
        rows = {
            r.id: r
            for r in conn.execute(select(episodes).where(episodes.c.id.in_([overdue, running])))
        }
    assert rows[overdue].state == "closed" and rows[overdue].score == 0
    assert rows[overdue].report["reason"] == "deadline passed"
    assert rows[running].state == "open"
    assert tidy(world_engine)["closed"] == 0  # done once, whoever runs it again
