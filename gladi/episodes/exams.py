"""Exams: a trainer assigns a set of cases with a deadline; feedback waits for the deadline.

The server picks an exam attempt's seed from EXAM_SEEDS, a range practice cannot ask for, so an
exam customer is never one a trainee has practised on. The database keeps one attempt per
trainee and exam case (unique exam_id, user_id, scenario_id); every attempt carries its exam's
deadline, checked on each call in it. Keys, reports and scores of exam attempts stay withheld
until the deadline, when the exam closes for everyone (gladi.episodes.housekeeping closes what is
still open then, with score 0).
"""

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gladi.db import first_mapping
from gladi.episodes.auth import User
from gladi.episodes.case_ids import opaque_id, trainee_title
from gladi.episodes.tables import Episode, Exam, ExamAssignment, UserAccount
from gladi.errors import BadInput, DeadlinePassed, Forbidden, NotFound

EXAMS = Exam.__table__  # type: ignore[attr-defined]
ASSIGN = ExamAssignment.__table__  # type: ignore[attr-defined]
EPISODES = Episode.__table__  # type: ignore[attr-defined]
USERS = UserAccount.__table__  # type: ignore[attr-defined]
PRACTICE_SEEDS = range(0, 2**31)
"""What POST /api/episodes accepts as `seed` in practice."""
EXAM_SEEDS = range(2**31, 2**53)
"""Where exam seeds are drawn (never in PRACTICE_SEEDS)."""


def aware(moment: datetime) -> datetime:
    """A stored datetime as an aware UTC datetime (SQLite gives naive ones back)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def exam_seed() -> int:
    """A fresh seed for an exam attempt, outside anything practice can use."""
    return EXAM_SEEDS.start + secrets.randbelow(len(EXAM_SEEDS))


def create(
    conn: Connection,
    trainer: User,
    title: str,
    scenarios: list[str],
    deadline: datetime,
    trainees: list[str],
) -> dict[str, Any]:
    """Create an exam of readable case ids and assign it to the named trainees."""
    if not scenarios:
        raise BadInput("an exam needs at least one case", field="scenarios")
    if aware(deadline) <= datetime.now(UTC):
        raise BadInput("the deadline is in the past", field="deadline")
    ids = []
    for name in trainees:
        row = conn.execute(select(USERS.c.id, USERS.c.role).where(USERS.c.username == name)).first()
        if row is None or row.role != "trainee":
            raise BadInput(f"{name!r} is not a trainee", field="trainees")
        ids.append(row.id)
    inserted = conn.execute(
        insert(EXAMS).values(
            title=title,
            created_by=trainer.id,
            created_at=datetime.now(UTC),
            deadline=aware(deadline),
            scenarios=list(dict.fromkeys(scenarios)),
        )
    ).inserted_primary_key
    assert inserted is not None
    exam_id = int(inserted[0])
    for user_id in dict.fromkeys(ids):
        conn.execute(insert(ASSIGN).values(exam_id=exam_id, user_id=user_id))
    return get(conn, exam_id)


def get(conn: Connection, exam_id: int) -> dict[str, Any]:
    """One exam with its assignees (staff view: readable case ids)."""
    row = first_mapping(conn.execute(select(EXAMS).where(EXAMS.c.id == exam_id)))
    if row is None:
        raise NotFound(f"no exam {exam_id}", field="exam_id")
    assignees = conn.execute(
        select(USERS.c.username, ASSIGN.c.finished_at)
        .join(ASSIGN, ASSIGN.c.user_id == USERS.c.id)
        .where(ASSIGN.c.exam_id == exam_id)
    ).all()
    deadline = aware(row["deadline"])
    return {
        "id": row["id"],
        "title": row["title"],
        "scenarios": row["scenarios"],
        "deadline": deadline.isoformat(),
        "closed": deadline <= datetime.now(UTC),
        "assignees": [
            {
                "username": a.username,
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in assignees
        ],
    }


def for_trainee(conn: Connection, user: User) -> list[dict[str, Any]]:
    """The trainee's assigned exams: opaque case ids with neutral labels, which are done."""
    rows = (
        conn.execute(
            select(EXAMS, ASSIGN.c.finished_at)
            .join(ASSIGN, ASSIGN.c.exam_id == EXAMS.c.id)
            .where(ASSIGN.c.user_id == user.id)
            .order_by(EXAMS.c.deadline)
        )
        .mappings()
        .all()
    )
    now = datetime.now(UTC)
    result = []
    for row in rows:
        done = _ended_cases(conn, user.id, row["id"])
        deadline = aware(row["deadline"])
        result.append(
            {
                "id": row["id"],
                "title": row["title"],
                "scenarios": [opaque_id(c) for c in row["scenarios"]],
                "labels": {opaque_id(c): trainee_title(c) for c in row["scenarios"]},
                "deadline": deadline.isoformat(),
                "done": sorted(opaque_id(c) for c in done),
                "finished": row["finished_at"] is not None,
                "closed": deadline <= now,
            }
        )
    return result


def _ended_cases(conn: Connection, user_id: int, exam_id: int) -> set[str]:
    rows = conn.execute(
        select(EPISODES.c.scenario_id).where(
            EPISODES.c.user_id == user_id,
            EPISODES.c.exam_id == exam_id,
            EPISODES.c.state != "open",
        )
    ).all()
    return {r.scenario_id for r in rows}


def check_can_start(conn: Connection, user: User, exam_id: int, scenario: str) -> datetime:
    """The trainee is assigned, before the deadline, the case is in the set; returns the
    deadline the attempt will carry. (One attempt per case is the database's to enforce.)"""
    exam = first_mapping(conn.execute(select(EXAMS).where(EXAMS.c.id == exam_id)))
    if exam is None:
        raise NotFound(f"no exam {exam_id}", field="exam_id")
    assigned = conn.execute(
        select(ASSIGN.c.id).where(ASSIGN.c.exam_id == exam_id, ASSIGN.c.user_id == user.id)
    ).first()
    if assigned is None:
        raise Forbidden("this exam is not assigned to you", field="exam_id")
    deadline = aware(exam["deadline"])
    if deadline <= datetime.now(UTC):
        raise DeadlinePassed(f"the exam deadline passed at {deadline.isoformat()}", field="exam_id")
    if scenario not in exam["scenarios"]:
        raise BadInput("this case is not part of this exam", field="scenario")
    return deadline


def attempt_of(conn: Connection, user_id: int, exam_id: int, scenario: str) -> str | None:
    """The id of the trainee's attempt at an exam case, if there is one."""
    return conn.execute(
        select(EPISODES.c.id).where(
            EPISODES.c.user_id == user_id,
            EPISODES.c.exam_id == exam_id,
            EPISODES.c.scenario_id == scenario,
        )
    ).scalar()


def mark_progress(conn: Connection, user: User, exam_id: int) -> None:
    """After a submission: mark the assignment finished once every case is submitted."""
    exam = conn.execute(select(EXAMS.c.scenarios).where(EXAMS.c.id == exam_id)).first()
    if exam is not None and set(exam.scenarios) <= _ended_cases(conn, user.id, exam_id):
        conn.execute(
            update(ASSIGN)
            .where(ASSIGN.c.exam_id == exam_id, ASSIGN.c.user_id == user.id)
            .values(finished_at=datetime.now(UTC))
        )


def released(episode: dict[str, Any], now: datetime | None = None) -> bool:
    """Whether an attempt's key, report and score may be shown to its owner: practice at
    once; an exam attempt (or one set aside from an exam) once its deadline has passed."""
    if episode["mode"] == "practice":
        return True
    deadline = episode.get("deadline")
    if isinstance(deadline, str):
        deadline = datetime.fromisoformat(deadline)
    return deadline is not None and aware(deadline) <= (now or datetime.now(UTC))
