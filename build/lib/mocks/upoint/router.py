"""UPoint OTT dashboard routes: login, then Addon Softbundling searches and their exports."""

from typing import Annotated, Any

from fastapi import Depends, Query, Response

from mocks import tool_login
from mocks.context import ToolCtx
from mocks.daterange import FromQuery, ToQuery
from mocks.errors import ERROR_RESPONSES
from mocks.params import IndihomeQuery, RegionalQuery
from mocks.routing import ToolRouter
from mocks.upoint import export, queries
from mocks.upoint.models import (
    SubscriptionSearch,
    TransactionSearch,
    UpointLoginRequest,
    UpointSession,
)

router = ToolRouter(prefix="/upoint", tags=["upoint"], responses=ERROR_RESPONSES)
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The table as CSV (attachment)"}
}
OttQuery = Annotated[
    str,
    Query(min_length=1, max_length=60, description="'all' or an OTT service, e.g. 799 - Disney"),
]


async def upoint_session(session: tool_login.SessionHeader = None) -> dict[str, Any]:
    """Dependency: the claims of a valid UPoint session (401 naming X-Tool-Session if not)."""
    return tool_login.check("upoint", session, queries.LOGIN_HINT)


LoggedIn = Annotated[dict[str, Any], Depends(upoint_session)]


def _form(
    indihome: str, date_from: str | None, date_to: str | None, ott: str, regional: str
) -> dict[str, Any]:
    return {
        "indihome": indihome,
        "date_from": date_from,
        "date_to": date_to,
        "ott": ott,
        "regional": regional,
    }


@router.post("/login", name="upoint.login")
async def login_upoint(ctx: ToolCtx, body: UpointLoginRequest) -> UpointSession:
    """Log in to the OTT UPoint dashboard (user, password, and any Nama and Regional 1-7)."""
    return ctx.run(queries.login, **body.model_dump())


@router.get("/softbundling/subscriptions", name="upoint.subscriptions")
async def search_subscriptions(
    ctx: ToolCtx,
    _session: LoggedIn,
    indihome: IndihomeQuery,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    ott: OttQuery = "all",
    regional: RegionalQuery = "all",
) -> SubscriptionSearch:
    """Addon Softbundling > Subscriptions: OTT subscriptions of an IndiHome number.

    One date only (from or to) shows that day only; no date shows all data.
    """
    form = _form(indihome, date_from, date_to, ott, regional)
    return ctx.run(queries.search_subscriptions, **form)


@router.get(
    "/softbundling/subscriptions.csv",
    name="upoint.subscriptions_export",
    response_class=Response,
    responses=CSV_RESPONSE,
)
async def export_subscriptions(
    ctx: ToolCtx,
    _session: LoggedIn,
    indihome: IndihomeQuery,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    ott: OttQuery = "all",
    regional: RegionalQuery = "all",
) -> Response:
    """Subscriptions > Export Search Result: the same search as a CSV attachment."""
    form = _form(indihome, date_from, date_to, ott, regional)
    result = ctx.run(queries.search_subscriptions, **form)
    return Response(
        export.table_csv(result),
        media_type="text/csv; charset=utf-8",
        headers=export.attachment("subscriptions", result),
    )


@router.get("/softbundling/transactions", name="upoint.transactions")
async def search_transactions(
    ctx: ToolCtx,
    _session: LoggedIn,
    indihome: IndihomeQuery,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    ott: OttQuery = "all",
    regional: RegionalQuery = "all",
) -> TransactionSearch:
    """Addon Softbundling > Transactions Data: every OTT charge of an IndiHome number.

    One date only (from or to) shows that day only; no date shows all data.
    """
    form = _form(indihome, date_from, date_to, ott, regional)
    return ctx.run(queries.search_transactions, **form)


@router.get(
    "/softbundling/transactions.csv",
    name="upoint.transactions_export",
    response_class=Response,
    responses=CSV_RESPONSE,
)
async def export_transactions(
    ctx: ToolCtx,
    _session: LoggedIn,
    indihome: IndihomeQuery,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    ott: OttQuery = "all",
    regional: RegionalQuery = "all",
) -> Response:
    """Transactions Data > Export Search Result: the same search as a CSV attachment."""
    form = _form(indihome, date_from, date_to, ott, regional)
    result = ctx.run(queries.search_transactions, **form)
    return Response(
        export.table_csv(result),
        media_type="text/csv; charset=utf-8",
        headers=export.attachment("transactions", result),
    )
