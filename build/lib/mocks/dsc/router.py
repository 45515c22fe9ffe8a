"""DSC routes: HTTP in, query out; nothing else."""

from mocks.context import ToolCtx
from mocks.daterange import FromQuery, ToQuery
from mocks.dsc import gol, queries
from mocks.dsc.gol_models import GolOrderDetail, GolOrderSearch, ResumeOrder
from mocks.dsc.models import CallDetails, Device, FaPayments, Hlr, Profile, Recharges, Upcc
from mocks.errors import ERROR_RESPONSES
from mocks.params import EmailQuery, GolOrderPath, MsisdnPath
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/dsc", tags=["dsc"], responses=ERROR_RESPONSES)


@router.get("/subscribers/{msisdn}", name="dsc.profile")
async def read_profile(ctx: ToolCtx, msisdn: MsisdnPath) -> Profile:
    """Profil MSISDN: name, card brand, class, status as DSC writes it, balance, location."""
    return ctx.run(queries.profile, msisdn=msisdn)


@router.get("/subscribers/{msisdn}/device", name="dsc.device")
async def read_device(ctx: ToolCtx, msisdn: MsisdnPath) -> Device:
    """Device: handset model and IMEI last seen with the number."""
    return ctx.run(queries.device, msisdn=msisdn)


@router.get("/subscribers/{msisdn}/fa-payments", name="dsc.fa_payments")
async def read_fa_payments(ctx: ToolCtx, msisdn: MsisdnPath) -> FaPayments:
    """FA Payment: payments on the financial account, newest first, and whether each is posted."""
    return ctx.run(queries.fa_payments, msisdn=msisdn)


@router.get("/subscribers/{msisdn}/hlr", name="dsc.hlr")
async def read_hlr(ctx: ToolCtx, msisdn: MsisdnPath) -> Hlr:
    """Status HLR: VOICE, SMS and DATA with state, block reason (e.g. HUM) and update time."""
    return ctx.run(queries.hlr, msisdn=msisdn)


@router.get("/subscribers/{msisdn}/recharges", name="dsc.recharges")
async def read_recharges(ctx: ToolCtx, msisdn: MsisdnPath) -> Recharges:
    """Recharge History: the recharges that reached DSC, newest first."""
    return ctx.run(queries.recharges, msisdn=msisdn)


@router.get("/subscribers/{msisdn}/call-details", name="dsc.call_details")
async def read_call_details(
    ctx: ToolCtx, msisdn: MsisdnPath, date_from: FromQuery = None, date_to: ToQuery = None
) -> CallDetails:
    """Panggilan Detail: usage from `from` to `to` (default the last 7 days; at most 31)."""
    return ctx.run(queries.call_details, msisdn=msisdn, date_from=date_from, date_to=date_to)


@router.get("/subscribers/{msisdn}/upcc", name="dsc.upcc")
async def read_upcc(ctx: ToolCtx, msisdn: MsisdnPath) -> Upcc:
    """UPCC: the subscriber's quota / package note."""
    return ctx.run(queries.upcc, msisdn=msisdn)


@router.get("/gol/orders", name="dsc.gol_search")
async def search_gol_orders(
    ctx: ToolCtx, email: EmailQuery, date_from: FromQuery = None, date_to: ToQuery = None
) -> GolOrderSearch:
    """GraPARI Online > Cari Order: orders of an e-mail from `from` to `to` (at most 14 days)."""
    return ctx.run(
        gol.search_orders,
        email=email,
        date_from=date_from,
        date_to=date_to,
        detail=lambda result: {"count": result.count},
    )


@router.get("/gol/orders/{order_id}", name="dsc.gol_order")
async def read_gol_order(ctx: ToolCtx, order_id: GolOrderPath) -> GolOrderDetail:
    """GraPARI Online > Order: type, package, delivery, resi, FOS GraPARI, status, payment."""
    return ctx.run(gol.order_detail, order_id=order_id)


@router.get("/gol/orders/{order_id}/resume", name="dsc.gol_resume")
async def read_gol_resume(ctx: ToolCtx, order_id: GolOrderPath) -> ResumeOrder:
    """Resume Order: summary, delivery tracking, and whether the `Lanjut` action is offered."""
    return ctx.run(gol.resume_order, order_id=order_id)
