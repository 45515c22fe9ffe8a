"""E-Payment / I-Payment inquiry: who a number belongs to and its bills, newest period first."""

import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from gladi import formats as f
from gladi.errors import NotFound
from gladi.world import (
    EnterpriseAccount,
    IndihomeCustomer,
    PaymentBill,
    PaymentBillLine,
)
from mocks.epayment.models import BillRow, BillServiceLine, EpaymentInquiry
from mocks.scope import Scope

ACC = EnterpriseAccount.__table__  # type: ignore[attr-defined]
CUST = IndihomeCustomer.__table__  # type: ignore[attr-defined]
BILL = PaymentBill.__table__  # type: ignore[attr-defined]
LINE = PaymentBillLine.__table__  # type: ignore[attr-defined]
CURRENCY = "IDR"


@dataclass
class Owner:
    """The header of the screen and the bill numbers to look up."""

    name: str
    product: str
    phone: str
    internet: str | None = None
    group_id: str | None = None
    numbers: tuple[str, ...] = ()


def amount_text(amount: int) -> str:
    """An amount as the E-Payment figures write it: 1975800 -> '1,975,800' (000:194, 003:18)."""
    return f"{amount:,}"


def date_and_clock(moment: datetime | None) -> tuple[str, str]:
    """The Tanggal and Jam cells: ('10-Mei-2022', '07:07:20') in WIB; blank when unpaid."""
    if moment is None:
        return "", ""
    day, clock = f.epayment_datetime(moment).split(" ")
    return day, clock


def number_kind(nomor: str) -> str:
    """'account' (7 digits), 'indihome' (12 digits) or 'jastel' (a POTS phone)."""
    if f.ACCOUNT_RE.match(nomor):
        return "account"
    return "indihome" if f.INDIHOME_RE.match(nomor) else "jastel"


def _account_owner(conn: Connection, scope: Scope, nomor: str) -> Owner | None:
    acc = conn.execute(
        select(ACC.c.company)
        .where(ACC.c.account_number == nomor, scope.visible(ACC))
        .order_by(ACC.c.episode_id.is_(None))
    ).first()
    if acc is None:
        return None
    return Owner(acc.company, "NON POTS", nomor, numbers=(nomor,))


def _indihome_owner(conn: Connection, scope: Scope, nomor: str, kind: str) -> Owner | None:
    column = CUST.c.indihome_number if kind == "indihome" else CUST.c.pots_phone
    cust = conn.execute(
        select(CUST)
        .where(column == nomor, scope.visible(CUST))
        .order_by(CUST.c.episode_id.is_(None))
    ).first()
    if cust is None:
        return None
    return Owner(
        cust.name,
        cust.product,
        cust.pots_phone,
        internet=cust.indihome_number,
        group_id=cust.group_id,
        numbers=tuple(dict.fromkeys((cust.indihome_number, nomor))),
    )


def find_owner(conn: Connection, scope: Scope, nomor: str, kind: str) -> Owner:
    """The account or IndiHome customer behind `nomor` (a bare header if there is none)."""
    owner = (
        _account_owner(conn, scope, nomor)
        if kind == "account"
        else _indihome_owner(conn, scope, nomor, kind)
    )
    if owner is not None:
        return owner
    product = {"account": "NON POTS", "indihome": "IndiHome"}.get(kind, "POTS")
    return Owner("-", product, nomor, numbers=(nomor,))


def _service_line(r: dict) -> BillServiceLine:
    return BillServiceLine(
        service=r["service"],
        currency=CURRENCY,
        amount=r["amount"],
        status=r["status"],
        payment_place=r["payment_place"],
        display={
            "Jenis Layanan": r["service"],
            "Mata Uang": CURRENCY,
            "Jumlah Tagihan": amount_text(r["amount"]),
            "Status": r["status"],
            "Lokasi pembayaran": r["payment_place"] or "",
        },
    )


def _bill_row(r: dict, lines: list[BillServiceLine]) -> BillRow:
    label = f.period_label(r["period"], short=True)
    paid_at = r["paid_at"]
    day, clock = date_and_clock(paid_at)
    return BillRow(
        period=r["period"],
        period_label=label,
        currency=CURRENCY,
        amount=r["amount"],
        unpaid=r["unpaid"],
        status=r["status"],
        payment_place=r["payment_place"],
        instalment=r["instalment"],
        paid_at=paid_at,
        lines=lines,
        display={
            "Periode": label,
            "Mata Uang": CURRENCY,
            "Jumlah Tagihan": amount_text(r["amount"]),
            "Belum Bayar": amount_text(r["unpaid"]),
            "Status Pembayaran": r["status"],
            "Lokasi Pembayaran": r["payment_place"] or "",
            "Cicilan": r["instalment"],
            "Tanggal": day,
            "Jam": clock,
        },
    )


def bill_rows(conn: Connection, scope: Scope, numbers: tuple[str, ...]) -> list[BillRow]:
    """The bills of `numbers`, newest period first, each with its service lines (2 queries)."""
    bills = [
        dict(r)
        for r in conn.execute(
            select(BILL)
            .where(BILL.c.number.in_(numbers), scope.visible(BILL))
            .order_by(BILL.c.period.desc(), BILL.c.id)
        ).mappings()
    ]
    lines: dict[int, list[BillServiceLine]] = {b["id"]: [] for b in bills}
    if bills:
        for r in conn.execute(
            select(LINE)
            .where(LINE.c.bill_id.in_(list(lines)), scope.visible(LINE))
            .order_by(LINE.c.id)
        ).mappings():
            lines[r["bill_id"]].append(_service_line(dict(r)))
    return [_bill_row(b, lines[b["id"]]) for b in bills]


def _no_bill_view(nomor: str, execution: str) -> dict[str, str]:
    """E-Payment's view when no bill comes up (SOP 000, Gambar 15)."""
    return {
        "view": f"Tagihan tidak ditemukan untuk nomor {nomor}",
        "execution": execution,
        "nomor": nomor,
    }


def _header(owner: Owner, kind: str, execution: str) -> dict[str, str]:
    """The header as the figures show it: 000:194 (an account) and 003:12-16 (IndiHome).

    The screen adds nothing about the amounts: an account's Jumlah Tagihan covers all of its
    SIDs, and knowing that it cannot tell one SID's status is the agent's (SOP 000:209).
    """
    display = {"Execution": execution, "Nama": owner.name, "Produk": owner.product}
    display |= {"Phone": owner.phone, "Internet": owner.internet or ""}
    if kind != "account":
        display["GroupID"] = owner.group_id or ""
    return display


def inquiry(
    conn: Connection,
    scope: Scope,
    nomor: str,
    nama_penanya: str,
    alamat_penanya: str,
    telepon_penanya: str,
) -> EpaymentInquiry:
    """Inquiry by jastel, account or IndiHome number (the asker's fields are the form's)."""
    started = time.perf_counter()
    kind = number_kind(nomor)
    owner = find_owner(conn, scope, nomor, kind)
    rows = bill_rows(conn, scope, owner.numbers)
    seconds = round(time.perf_counter() - started, 2)
    execution = f"Execution per transaction {seconds:.2f} seconds"
    if not rows:
        raise NotFound(
            f"no bill for number {nomor}", field="nomor", extra=_no_bill_view(nomor, execution)
        )
    return EpaymentInquiry(
        nomor=nomor,
        name=owner.name,
        product=owner.product,
        phone=owner.phone,
        internet=owner.internet,
        group_id=owner.group_id,
        execution=execution,
        execution_seconds=seconds,
        count=len(rows),
        items=rows,
        display=_header(owner, kind, execution),
    )
