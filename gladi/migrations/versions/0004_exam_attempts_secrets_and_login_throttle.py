"""exam attempts, deployment secret and login throttle

- episode.deadline: an exam attempt carries its exam's deadline, so every call can check it
  without another query; filled in for the exam attempts already stored.
- episode.seed becomes a BIGINT on PostgreSQL (SQLite's INTEGER is 64-bit already): exam seeds
  are drawn beyond the range practice accepts.
- One attempt per trainee and exam case (a unique index on exam_id, user_id, scenario_id: no
  table rebuild on SQLite, whose rebuilds recreate indexes in no fixed order). Duplicates made
  before (two workers starting the same exam case at once) are resolved first, nothing deleted:
  the attempt that counts is the first submitted one, else the first started; every other one
  leaves the exam (exam_id NULL, mode "void", its deadline kept so its key stays withheld until
  the exam closes) and, if still open, is closed with score 0 and the reason in its report.
- auth_session.expires_at indexed (expired sessions are purged); user_account ids are never
  reused on SQLite (AUTOINCREMENT), so a removed account's episodes never pass to a new one.
- deployment_secret (the secret generated at first run) and login_failure (login throttling).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sqlmodel.sql.sqltypes.UTCDateTime
EPISODE = sa.table(
    "episode",
    sa.column("id", sa.String),
    sa.column("user_id", sa.Integer),
    sa.column("scenario_id", sa.String),
    sa.column("exam_id", sa.Integer),
    sa.column("mode", sa.String),
    sa.column("state", sa.String),
    sa.column("created_at", UTC_TIME),
    sa.column("submitted_at", UTC_TIME),
    sa.column("deadline", UTC_TIME),
    sa.column("report", sa.JSON),
    sa.column("score", sa.Integer),
    sa.column("passed", sa.Boolean),
)
EXAM = sa.table("exam", sa.column("id", sa.Integer), sa.column("deadline", UTC_TIME))


def _resolve_duplicate_attempts() -> None:
    conn = op.get_bind()
    groups = conn.execute(
        sa.select(EPISODE.c.exam_id, EPISODE.c.user_id, EPISODE.c.scenario_id)
        .where(EPISODE.c.exam_id.is_not(None))
        .group_by(EPISODE.c.exam_id, EPISODE.c.user_id, EPISODE.c.scenario_id)
        .having(sa.func.count() > 1)
    ).all()
    now = datetime.now(UTC)
    for exam_id, user_id, scenario_id in groups:
        rows = conn.execute(
            sa.select(
                EPISODE.c.id, EPISODE.c.state, EPISODE.c.submitted_at, EPISODE.c.created_at
            ).where(
                EPISODE.c.exam_id == exam_id,
                EPISODE.c.user_id == user_id,
                EPISODE.c.scenario_id == scenario_id,
            )
        ).all()
        submitted = sorted((r for r in rows if r.state == "submitted"), key=_submitted_order)
        keeper = submitted[0] if submitted else sorted(rows, key=_started_order)[0]
        reason = f"duplicate attempt of exam {exam_id}; episode {keeper.id} is the one that counts"
        for row in rows:
            if row.id == keeper.id:
                continue
            values: dict = {"exam_id": None, "mode": "void"}
            if row.state == "open":
                values.update(
                    state="closed",
                    submitted_at=now,
                    score=0,
                    passed=False,
                    report={"score": 0, "passed": False, "items": [], "closed": reason},
                )
            conn.execute(sa.update(EPISODE).where(EPISODE.c.id == row.id).values(**values))


def _submitted_order(row: sa.Row) -> tuple:
    return (row.submitted_at is None, row.submitted_at or row.created_at, row.id)


def _started_order(row: sa.Row) -> tuple:
    return (row.created_at, row.id)


def upgrade() -> None:
    op.create_table(
        "deployment_secret",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index("ix_login_failure_address_at", ["address", "at"], unique=False)
        batch_op.create_index("ix_login_failure_username_at", ["username", "at"], unique=False)
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_session_expires_at"), ["expires_at"])

    op.add_column("episode", sa.Column("deadline", UTC_TIME(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "episode",
            "seed",
            existing_type=sa.Integer(),
            type_=sa.BigInteger(),
            existing_nullable=False,
        )
    op.get_bind().execute(
        sa.update(EPISODE)
        .where(EPISODE.c.exam_id.is_not(None))
        .values(
            deadline=sa.select(EXAM.c.deadline)
            .where(EXAM.c.id == EPISODE.c.exam_id)
            .scalar_subquery()
        )
    )
    _resolve_duplicate_attempts()
    op.create_index(
        "uq_episode_exam_attempt", "episode", ["exam_id", "user_id", "scenario_id"], unique=True
    )

    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "user_account", recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "user_account", recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
    op.drop_index("uq_episode_exam_attempt", table_name="episode")
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "episode",
            "seed",
            existing_type=sa.BigInteger(),
            type_=sa.Integer(),
            existing_nullable=False,
        )
    with op.batch_alter_table("episode", schema=None) as batch_op:
        batch_op.drop_column("deadline")
    with op.batch_alter_table("auth_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_session_expires_at"))
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failure_username_at")
        batch_op.drop_index("ix_login_failure_address_at")
    op.drop_table("login_failure")
    op.drop_table("deployment_secret")
