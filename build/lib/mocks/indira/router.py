"""Indira routes: HTTP in, query out; nothing else."""

from mocks.context import ToolCtx
from mocks.daterange import FromQuery, ToQuery
from mocks.errors import ERROR_RESPONSES
from mocks.indira import queries
from mocks.indira.models import BalanceUsage, RechargeStatus, VoucherDetails
from mocks.params import MsisdnQuery, SerialPath
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/indira", tags=["indira"], responses=ERROR_RESPONSES)


@router.get("/recharges", name="indira.recharges")
async def read_recharge_status(
    ctx: ToolCtx, msisdn: MsisdnQuery, date_from: FromQuery = None, date_to: ToQuery = None
) -> RechargeStatus:
    """Recharge Status: every recharge of an MSISDN (Sukses, Gagal, Pending) in a date range.

    Default range: the 30 days up to now; at most 31 days.
    """
    return ctx.run(queries.recharge_status, msisdn=msisdn, date_from=date_from, date_to=date_to)


@router.get("/vouchers/{serial}", name="indira.voucher")
async def read_voucher_details(ctx: ToolCtx, serial: SerialPath) -> VoucherDetails:
    """Voucher Details: nominal, seller and servo status (used or not, by whom, when)."""
    return ctx.run(queries.voucher_details, serial=serial)


@router.get("/balance-usage", name="indira.balance_usage")
async def read_balance_usage(
    ctx: ToolCtx, msisdn: MsisdnQuery, date_from: FromQuery = None, date_to: ToQuery = None
) -> BalanceUsage:
    """Penggunaan Pulsa: what consumed the balance, with the balance after each row.

    Default range: the 7 days up to now; at most 31 days.
    """
    return ctx.run(queries.balance_usage, msisdn=msisdn, date_from=date_from, date_to=date_to)
