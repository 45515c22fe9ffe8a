"""Response models of the Indira screens."""

from datetime import date, datetime

from mocks.screens import Screen


class RechargeRow(Screen):
    """One recharge as Indira's recharge status lists it (failed and pending ones too)."""

    recharged_at: datetime
    nominal: int
    channel: str
    serial: str | None
    transaction_id: str | None
    indira_status: str


class RechargeStatus(Screen):
    """Recharge Status: every recharge of an MSISDN in a date range, newest first."""

    msisdn: str
    date_from: date
    date_to: date
    count: int
    items: list[RechargeRow]


class VoucherDetails(Screen):
    """Voucher Details: a voucher's nominal, seller and servo state (used, by whom, when)."""

    serial: str
    nominal: int
    seller: str
    servo_status: str
    used: bool
    used_by_msisdn: str | None
    used_at: datetime | None
    expires_on: date


class UsageRow(Screen):
    """One balance deduction (or top-up) and the balance after it."""

    at: datetime
    kind: str
    description: str
    quantity: str
    charge: int
    balance_after: int


class BalanceUsage(Screen):
    """Penggunaan Pulsa: balance movements in a date range, newest first."""

    msisdn: str
    date_from: date
    date_to: date
    count: int
    total_charge: int
    items: list[UsageRow]
