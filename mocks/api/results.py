"""Results routes: own history, cohort dashboard data and exports (CSV, JSON, xAPI)."""

from typing import Any, Literal

from fastapi import Query, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy import select

from gladi.episodes import exams, results
from gladi.episodes.case_ids import public_id
from gladi.episodes.housekeeping import close_overdue
from gladi.episodes.tables import UserAccount
from mocks.api.deps import CurrentUser, StaffUser, in_transaction
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter

router = PrefixRouter(prefix="/api", tags=["results"], responses=ERROR_RESPONSES)
USERS = UserAccount.__table__  # type: ignore[attr-defined]


@router.get("/me/results", name="api.my_results")
async def read_my_results(user: CurrentUser) -> list[dict[str, Any]]:
    """The caller's own ended attempts, oldest first (exam scores hidden until the exam closes;
    trainees see opaque case ids)."""

    def own(conn: Any) -> list[dict[str, Any]]:
        close_overdue(conn)
        rows = results.submitted(conn, user_id=user.id)
        for row in rows:
            row["scenario"] = public_id(user, row["scenario"])
            if not exams.released(row):
                row["score"], row["passed"] = None, None
        return rows

    return in_transaction(own)


@router.get("/results", name="api.results", response_model=None)
async def read_results(
    user: StaffUser,
    request: Request,
    format: Literal["json", "csv", "xapi"] = Query("json", description="json, csv or xapi"),
    sop: str | None = Query(None, max_length=20, description="Only this SOP, e.g. sop-001"),
) -> Any:
    """Every submitted attempt (trainers and assessors) as JSON, CSV or xAPI statements."""

    def ended(conn: Any) -> list[dict[str, Any]]:
        close_overdue(conn)
        return results.submitted(conn, sop=sop)

    rows = in_transaction(ended)
    if format == "csv":
        return PlainTextResponse(
            results.to_csv(rows),
            media_type="text/csv",
            headers={"Content-Disposition": "attachment; filename=results.csv"},
        )
    if format == "xapi":
        return results.to_xapi(rows, str(request.base_url).rstrip("/"))
    return rows


@router.get("/results/cohort", name="api.cohort")
async def read_cohort(
    user: StaffUser,
    sop: str | None = Query(None, max_length=20, description="Only this SOP"),
) -> dict[str, Any]:
    """Cohort dashboard data: attempts, pass rate per SOP, trainees, item analysis."""

    def ended(conn: Any) -> dict[str, Any]:
        close_overdue(conn)
        return results.cohort(conn, sop=sop)

    return in_transaction(ended)


@router.get("/users", name="api.users")
async def list_users(
    user: StaffUser,
    role: Literal["trainee", "trainer", "assessor"] | None = None,
) -> list[dict[str, Any]]:
    """Accounts (trainers and assessors), e.g. the trainees to assign an exam to."""

    def users(conn: Any) -> list[dict[str, Any]]:
        query = select(USERS.c.id, USERS.c.username, USERS.c.role).order_by(USERS.c.username)
        if role:
            query = query.where(USERS.c.role == role)
        return [dict(r) for r in conn.execute(query).mappings()]

    return in_transaction(users)
