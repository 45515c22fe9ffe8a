"""Indira queries: recharge status, Voucher Details (servo) and balance usage."""

from sqlalchemy import Connection, RowMapping, exists, select

from gladi import formats as f
from gladi.errors import NotFound
from gladi.world import CallDetail, Recharge, Subscriber, Voucher
from mocks.daterange import date_range
from mocks.indira.models import (
    BalanceUsage,
    RechargeRow,
    RechargeStatus,
    UsageRow,
    VoucherDetails,
)
from mocks.scope import Scope
from mocks.screens import not_found_view

SUB = Subscriber.__table__  # type: ignore[attr-defined]
RCH = Recharge.__table__  # type: ignore[attr-defined]
VOU = Voucher.__table__  # type: ignore[attr-defined]
CDR = CallDetail.__table__  # type: ignore[attr-defined]
RECHARGE_DAYS = 30
USAGE_DAYS = 7
MAX_DAYS = 31
SERVO_LABELS = {"Used": "Sudah digunakan", "Not Used": "Belum digunakan"}


def require_msisdn(conn: Connection, scope: Scope, msisdn: str) -> None:
    """NotFound unless a visible subscriber has this MSISDN."""
    found = conn.execute(
        select(exists().where(SUB.c.msisdn == msisdn, scope.visible(SUB)))
    ).scalar()
    if not found:
        raise NotFound(
            f"no subscriber with MSISDN {msisdn}",
            field="msisdn",
            extra=not_found_view("MSISDN", msisdn),
        )


def _recharge_row(r: RowMapping) -> RechargeRow:
    return RechargeRow(
        recharged_at=f.to_wib(r["recharged_at"]),
        nominal=r["nominal"],
        channel=r["channel"],
        serial=r["serial"],
        transaction_id=r["transaction_id"],
        indira_status=r["indira_status"],
        display={
            "Waktu": f.wib_datetime(r["recharged_at"]),
            "Nominal": f.rupiah(r["nominal"]),
            "Channel": r["channel"],
            "Serial / ID Transaksi": r["serial"] or r["transaction_id"] or "-",
            "Status": r["indira_status"],
        },
    )


def recharge_status(
    conn: Connection,
    scope: Scope,
    msisdn: str,
    date_from: str | None = None,
    date_to: str | None = None,
) -> RechargeStatus:
    """Every recharge of `msisdn` in `from`..`to` (default: the 30 days up to now), newest first."""
    period = date_range(
        date_from, date_to, now=scope.now, default_days=RECHARGE_DAYS, max_days=MAX_DAYS
    )
    require_msisdn(conn, scope, msisdn)
    query = (
        select(RCH)
        .where(RCH.c.msisdn == msisdn, scope.visible(RCH), period.contains(RCH.c.recharged_at))
        .order_by(RCH.c.recharged_at.desc(), RCH.c.id.desc())
    )
    items = [_recharge_row(r) for r in conn.execute(query).mappings()]
    return RechargeStatus(
        msisdn=msisdn,
        date_from=period.start,
        date_to=period.end,
        count=len(items),
        items=items,
        display={"MSISDN": msisdn, "Periode": period.label(), "Hasil": f"{len(items)} isi ulang"},
    )


def voucher_details(conn: Connection, scope: Scope, serial: str) -> VoucherDetails:
    """Voucher Details of a serial: nominal, seller, servo state, used by whom and when."""
    r = (
        conn.execute(
            select(VOU)
            .where(VOU.c.serial == serial, scope.visible(VOU))
            .order_by(VOU.c.episode_id.is_(None))
        )
        .mappings()
        .first()
    )
    if r is None:
        raise NotFound(
            f"no voucher with serial {serial}",
            field="serial",
            extra=not_found_view("Serial Number", serial),
        )
    used_at = f.to_wib(r["used_at"]) if r["used_at"] else None
    return VoucherDetails(
        serial=r["serial"],
        nominal=r["nominal"],
        seller=r["seller"],
        servo_status=r["servo_status"],
        used=r["servo_status"] == "Used",
        used_by_msisdn=r["used_by_msisdn"],
        used_at=used_at,
        expires_on=r["expires_on"],
        display={
            "Serial Number": r["serial"],
            "Nominal": f.rupiah(r["nominal"]),
            "Penjual": r["seller"],
            "Status Servo": SERVO_LABELS.get(r["servo_status"], r["servo_status"]),
            "Digunakan Oleh": r["used_by_msisdn"] or "-",
            "Waktu Digunakan": f.wib_datetime(r["used_at"]) if r["used_at"] else "-",
            "Masa Berlaku": f.long_date(r["expires_on"]),
        },
    )


def _usage_row(r: RowMapping) -> UsageRow:
    return UsageRow(
        at=f.to_wib(r["at"]),
        kind=r["kind"],
        description=r["destination"],
        quantity=r["quantity"],
        charge=r["charge"],
        balance_after=r["balance_after"],
        display={
            "Waktu": f.wib_datetime(r["at"]),
            "Jenis": r["kind"],
            "Keterangan": r["destination"],
            "Pemakaian": r["quantity"],
            "Pemotongan Pulsa": f.rupiah(r["charge"]),
            "Saldo Akhir": f.rupiah(r["balance_after"]),
        },
    )


def balance_usage(
    conn: Connection,
    scope: Scope,
    msisdn: str,
    date_from: str | None = None,
    date_to: str | None = None,
) -> BalanceUsage:
    """Penggunaan Pulsa in `from`..`to` (default: the 7 days up to now): charge, balance after."""
    period = date_range(
        date_from, date_to, now=scope.now, default_days=USAGE_DAYS, max_days=MAX_DAYS
    )
    require_msisdn(conn, scope, msisdn)
    query = (
        select(CDR)
        .where(CDR.c.msisdn == msisdn, scope.visible(CDR), period.contains(CDR.c.at))
        .order_by(CDR.c.at.desc(), CDR.c.id.desc())
    )
    items = [_usage_row(r) for r in conn.execute(query).mappings()]
    total = sum(i.charge for i in items)
    return BalanceUsage(
        msisdn=msisdn,
        date_from=period.start,
        date_to=period.end,
        count=len(items),
        total_charge=total,
        items=items,
        display={
            "MSISDN": msisdn,
            "Periode": period.label(),
            "Total Pemotongan": f.rupiah(total),
            "Hasil": f"{len(items)} data",
        },
    )
