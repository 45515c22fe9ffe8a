"""Exam routes: trainers create and list exams; trainees see what is assigned to them."""

from datetime import datetime
from typing import Any

from fastapi import Path
from pydantic import Field
from sqlalchemy import select

from gladi.episodes import exams
from gladi.episodes.case_ids import require_case
from gladi.episodes.housekeeping import close_overdue
from mocks.api.deps import CurrentUser, TrainerUser, in_transaction
from mocks.api.models import MAX_ID, Strict
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter
from scenarios import engine

router = PrefixRouter(prefix="/api/exams", tags=["exams"], responses=ERROR_RESPONSES)


class ExamIn(Strict):
    title: str = Field(min_length=1, max_length=200)
    scenarios: list[str] = Field(
        min_length=1, max_length=50, description="Case ids (exam-only cases included)"
    )
    deadline: datetime = Field(description="When the exam closes and its results are shown")
    trainees: list[str] = Field(min_length=1, max_length=500)


@router.post("", name="api.exam_create", status_code=201)
async def create_exam(body: ExamIn, user: TrainerUser) -> dict[str, Any]:
    """Assign a set of cases with a deadline to trainees (trainers only)."""
    library = engine.get_library()
    case_ids = [require_case(library, scenario).id for scenario in body.scenarios]
    return in_transaction(exams.create, user, body.title, case_ids, body.deadline, body.trainees)


@router.get("", name="api.exams")
async def list_exams(user: CurrentUser) -> list[dict[str, Any]]:
    """Trainees: their assigned exams and progress (opaque case ids, neutral labels).
    Trainers/assessors: every exam."""

    def mine(conn: Any) -> list[dict[str, Any]]:
        close_overdue(conn)
        return exams.for_trainee(conn, user)

    if user.role == "trainee":
        return in_transaction(mine)

    def every(conn: Any) -> list[dict[str, Any]]:
        ids = conn.execute(select(exams.EXAMS.c.id).order_by(exams.EXAMS.c.id)).scalars()
        return [exams.get(conn, i) for i in ids]

    return in_transaction(every)


@router.get("/{exam_id}", name="api.exam")
async def read_exam(user: TrainerUser, exam_id: int = Path(ge=1, le=MAX_ID)) -> dict[str, Any]:
    """One exam with who has finished it (trainers only)."""
    return in_transaction(exams.get, exam_id)
