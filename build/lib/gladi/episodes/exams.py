"""Exams: a trainer assigns a set of cases with a deadline; feedback waits for the whole set."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gladi.db import first_mapping
from gladi.episodes.auth import User
from gladi.episodes.tables import Episode, Exam, ExamAssignment, UserAccount
from gladi.errors import BadInput, Conflict, Forbidden, NotFound

EXAMS = Exam.__table__  # type: ignore[attr-defined]
ASSIGN = ExamAssignment.__table__  # type: ignore[attr-defined]
EPISODES = Episode.__table__  # type: ignore[attr-defined]
USERS = UserAccount.__table__  # type: ignore[attr-defined]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def create(
    conn: Connection,
    trainer: User,
    title: str,
    scenarios: list[str],
    deadline: datetime,
    trainees: list[str],
) -> dict[str, Any]:
    """Create an exam and assign it to the named trainees."""
    if not scenarios:
        raise BadInput("an exam needs at least one case", field="scenarios")
    if _aware(deadline) <= datetime.now(UTC):
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
            deadline=_aware(deadline),
            scenarios=list(dict.fromkeys(scenarios)),
        )
    ).inserted_primary_key
    assert inserted is not None
    exam_id = int(inserted[0])
    for user_id in dict.fromkeys(ids):
        conn.execute(insert(ASSIGN).values(exam_id=exam_id, user_id=user_id))
    return get(conn, int(exam_id))


def get(conn: Connection, exam_id: int) -> dict[str, Any]:
    """One exam with its assignees."""
    row = first_mapping(conn.execute(select(EXAMS).where(EXAMS.c.id == exam_id)))
    if row is None:
        raise NotFound(f"no exam {exam_id}", field="exam_id")
    assignees = conn.execute(
        select(USERS.c.username, ASSIGN.c.finished_at)
        .join(ASSIGN, ASSIGN.c.user_id == USERS.c.id)
        .where(ASSIGN.c.exam_id == exam_id)
    ).all()
    return {
        "id": row["id"],
        "title": row["title"],
        "scenarios": row["scenarios"],
        "deadline": _aware(row["deadline"]).isoformat(),
        "assignees": [
            {
                "username": a.username,
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in assignees
        ],
    }


def for_trainee(conn: Connection, user: User) -> list[dict[str, Any]]:
    """The trainee's assigned exams with which cases are done."""
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
    result = []
    for row in rows:
        done = _submitted_cases(conn, user.id, row["id"])
        result.append(
            {
                "id": row["id"],
                "title": row["title"],
                "scenarios": row["scenarios"],
                "deadline": _aware(row["deadline"]).isoformat(),
                "done": sorted(done),
                "finished": row["finished_at"] is not None,
            }
        )
    return result


def _submitted_cases(conn: Connection, user_id: int, exam_id: int) -> set[str]:
    rows = conn.execute(
        select(EPISODES.c.scenario_id).where(
            EPISODES.c.user_id == user_id,
            EPISODES.c.exam_id == exam_id,
            EPISODES.c.state == "submitted",
        )
    ).all()
    return {r.scenario_id for r in rows}


def check_can_start(conn: Connection, user: User, exam_id: int, scenario: str) -> None:
    """The trainee is assigned, before the deadline, the case is in the set and not yet taken."""
    exam = first_mapping(conn.execute(select(EXAMS).where(EXAMS.c.id == exam_id)))
    if exam is None:
        raise NotFound(f"no exam {exam_id}", field="exam_id")
    assigned = conn.execute(
        select(ASSIGN.c.id).where(ASSIGN.c.exam_id == exam_id, ASSIGN.c.user_id == user.id)
    ).first()
    if assigned is None:
        raise Forbidden("this exam is not assigned to you", field="exam_id")
    if _aware(exam["deadline"]) <= datetime.now(UTC):
        raise Conflict("the exam deadline has passed", field="exam_id")
    if scenario not in exam["scenarios"]:
        raise BadInput(f"case {scenario!r} is not part of this exam", field="scenario")
    taken = conn.execute(
        select(EPISODES.c.id).where(
            EPISODES.c.user_id == user.id,
            EPISODES.c.exam_id == exam_id,
            EPISODES.c.scenario_id == scenario,
        )
    ).first()
    if taken is not None:
        raise Conflict(
            "you already started this exam case", field="scenario", extra={"episode": taken.id}
        )


def mark_progress(conn: Connection, user: User, exam_id: int) -> None:
    """After a submission: mark the assignment finished once every case is submitted."""
    exam = conn.execute(select(EXAMS.c.scenarios).where(EXAMS.c.id == exam_id)).first()
    if exam is not None and set(exam.scenarios) <= _submitted_cases(conn, user.id, exam_id):
        conn.execute(
            update(ASSIGN)
            .where(ASSIGN.c.exam_id == exam_id, ASSIGN.c.user_id == user.id)
            .values(finished_at=datetime.now(UTC))
        )


def finished(conn: Connection, user_id: int, exam_id: int) -> bool:
    """Whether the trainee has submitted the whole exam."""
    row = conn.execute(
        select(ASSIGN.c.finished_at).where(ASSIGN.c.exam_id == exam_id, ASSIGN.c.user_id == user_id)
    ).first()
    return row is not None and row.finished_at is not None
