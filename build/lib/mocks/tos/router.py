"""TOS routes: HTTP in, query out; every route but the login needs the tool session."""

from typing import Annotated, Any

from fastapi import Body, Depends, Response

from mocks import tool_login
from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.params import AccountQuery, PeriodQuery
from mocks.routing import ToolRouter
from mocks.tos import queries
from mocks.tos.models import BillPeriods, InvoiceReport, ToolLogin, TosLoginForm
from mocks.tos.pdf import render_invoice

router = ToolRouter(prefix="/tos", tags=["tos"], responses=ERROR_RESPONSES)
BILLING = "/tibs-non-pots/billing-process"


async def tos_session(x_tool_session: tool_login.SessionHeader = None) -> dict[str, Any]:
    """Dependency: the claims of a valid TOS session (401 telling how to log in otherwise)."""
    return tool_login.check("tos", x_tool_session, queries.LOGIN_HINT)


TosSession = Annotated[dict[str, Any], Depends(tos_session)]


def _invoice_facts(report: InvoiceReport) -> dict[str, Any]:
    return {"invoice_number": report.invoice_number, "total": report.total}


@router.post("/login", name="tos.login")
async def log_in(ctx: ToolCtx, form: Annotated[TosLoginForm, Body()]) -> ToolLogin:
    """Log in to TOS with the guest account; returns the `tool_session` for X-Tool-Session."""
    return ctx.run(
        queries.login,
        detail=lambda result: {"user": result.user},
        username=form.username,
        password=form.password,
    )


@router.get(f"{BILLING}/bill-periods", name="tos.bill_periods")
async def list_bill_periods(ctx: ToolCtx, _session: TosSession) -> BillPeriods:
    """Print Invoice Billing Test > Bill Periode: only the latest bill period is offered."""
    return ctx.run(queries.bill_periods)


@router.get(f"{BILLING}/invoice", name="tos.invoice")
async def read_invoice(
    ctx: ToolCtx, _session: TosSession, account: AccountQuery, period: PeriodQuery
) -> InvoiceReport:
    """Print Invoice Billing Test: the invoice of an Account Number (All) for the bill period."""
    return ctx.run(queries.invoice_report, detail=_invoice_facts, account=account, period=period)


@router.get(
    f"{BILLING}/invoice.pdf",
    name="tos.invoice_pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The invoice PDF"}},
)
async def read_invoice_pdf(
    ctx: ToolCtx, _session: TosSession, account: AccountQuery, period: PeriodQuery
) -> Response:
    """Print Invoice Billing Test as the PDF TiBS opens (RINCIAN BIAYA PENGGUNAAN)."""
    report = ctx.run(queries.invoice_report, detail=_invoice_facts, account=account, period=period)
    return Response(
        render_invoice(report),
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename=invoice-{account}-{period}.pdf"},
    )
