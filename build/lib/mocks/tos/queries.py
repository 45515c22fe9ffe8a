"""TOS queries: guest login, the offered bill period and the invoice report of an account."""

from typing import Any

from sqlalchemy import Connection, select

from gladi import formats as f
from gladi.db import first_mapping
from gladi.errors import BadInput, NotFound, Unauthorized
from gladi.world import EnterpriseAccount, Invoice, InvoiceLine
from mocks import tool_login
from mocks.scope import Scope
from mocks.screens import not_found_view
from mocks.tos.models import (
    BillPeriod,
    BillPeriods,
    InvoiceLineRow,
    InvoiceReport,
    ProductGroup,
    ToolLogin,
)

ACC = EnterpriseAccount.__table__  # type: ignore[attr-defined]
INV = Invoice.__table__  # type: ignore[attr-defined]
LINE = InvoiceLine.__table__  # type: ignore[attr-defined]
GUEST = ("guest", "telkom")
"""The only account SOP 000 gives (Username : guest Password : telkom)."""
MENU = "TiBS NON POTS > Laporan Billing Process > Print Invoice Billing Test"
LOGIN_HINT = "POST /tos/login with the guest account first"
REPORT_TITLE = "RINCIAN BIAYA PENGGUNAAN TELKOM Solution / DETAIL USAGE"


HEADER_LABELS = (
    "Nomor Tagihan / Invoice Number",
    "NPWP",
    "CIDNAS / Customer ID",
    "Nomor Account / Account Number",
    "Bulan Tagihan / Billing Month",
    "Tanggal Akhir Pembayaran / Due Date",
)
"""The invoice's bilingual header labels in figure order (SOP 000:126-132); the figure writes
"NPWP. NPWP", one word in both languages, shown once here."""


def amount_text(amount: int) -> str:
    """An amount as the AMOUNT (Rp) column writes it: 20580000 -> '20,580,000.00' (000:144)."""
    return f"{amount:,.2f}"


def login(conn: Connection, scope: Scope, username: str, password: str) -> ToolLogin:
    """Log in to TOS: only the SOP's guest account is accepted."""
    if (username.strip(), password) != GUEST:
        raise Unauthorized(
            "Username atau password salah",
            field="password",
            expected="the TOS account given in the SOP",
        )
    session = tool_login.issue("tos", {"user": GUEST[0]})
    return ToolLogin(
        tool_session=session,
        user=GUEST[0],
        display={"User": GUEST[0], "Aplikasi": "TOS (TiBS Operational Support)", "Menu": MENU},
    )


def offered_period(scope: Scope) -> str:
    """The only bill period offered: the month before the caller's `now`."""
    return f.previous_period(f.period_of(scope.now))


def bill_periods(conn: Connection, scope: Scope) -> BillPeriods:
    """Bill Periode choices: only the latest period ("hanya akan muncul di bulan terakhir")."""
    period = offered_period(scope)
    label = f.period_label(period)
    item = BillPeriod(period=period, label=label, display={"Bill Periode": f"{period} / {label}"})
    return BillPeriods(count=1, items=[item], display={"Bill Periode": f"{period} / {label}"})


def _first(conn: Connection, query: Any, table: Any) -> dict | None:
    """The first row, preferring the episode's own row over the background one."""
    row = first_mapping(conn.execute(query.order_by(table.c.episode_id.is_(None))))
    return dict(row) if row is not None else None


def _empty_report(account: str, period: str) -> dict[str, str]:
    """TiBS's view when the account has no invoice for the period (SOP 000, Gambar 14)."""
    return {
        "view": f"{REPORT_TITLE}: tagihan tidak muncul (Account Number {account}, "
        f"Bill Periode {period} / {f.period_label(period)}): 0 record",
        "account": account,
        "period": period,
    }


def _line_row(no: int, r: dict) -> InvoiceLineRow:
    bandwidth = f.bandwidth_label(r["bandwidth_mbps"])
    display = {
        "No.": str(no),
        "DESCRIPTION": r["description"],
        "ID": r["sid"],
        "BW": bandwidth,
        "PERIOD": r["period"],
        "AMOUNT (Rp)": amount_text(r["amount"]),
    }
    return InvoiceLineRow(
        no=no,
        description=r["description"],
        sid=r["sid"],
        bandwidth_mbps=r["bandwidth_mbps"],
        bandwidth=bandwidth,
        period=r["period"],
        amount=r["amount"],
        display=display,
    )


def group_lines(rows: list[dict]) -> list[ProductGroup]:
    """Invoice lines grouped by product, groups in order of first appearance, numbered 1..n."""
    by_group: dict[str, list[dict]] = {}
    for r in rows:
        by_group.setdefault(r["product_group"], []).append(r)
    groups = []
    for name, members in by_group.items():
        lines = [_line_row(no, r) for no, r in enumerate(members, start=1)]
        subtotal = sum(line.amount for line in lines)
        label = f"Sub. {name}"
        groups.append(
            ProductGroup(
                name=name,
                lines=lines,
                subtotal=subtotal,
                subtotal_label=label,
                display={"Produk": name, label: amount_text(subtotal)},
            )
        )
    return groups


def _header_display(acc: dict, inv: dict, period: str) -> dict[str, str]:
    values = (
        inv["invoice_number"],
        acc["npwp"],
        acc["cidnas"] or "-",
        acc["account_number"],
        f.period_label(period),
        f.long_date(inv["due_date"]),
    )
    return {
        "Perusahaan": acc["company"],
        **dict(zip(HEADER_LABELS, values, strict=True)),
        "Total Tagihan": amount_text(inv["total"]),
    }


def _check_period(scope: Scope, period: str) -> None:
    offered = offered_period(scope)
    if period != offered:
        raise BadInput(
            f"Bill Periode {period} tidak tersedia; hanya {offered} "
            f"({f.period_label(offered)}) yang muncul",
            field="period",
            expected=offered,
        )


def _load(conn: Connection, scope: Scope, account: str, period: str) -> tuple[dict, dict, list]:
    """The account, its invoice for `period` and the invoice's lines (three queries)."""
    acc = _first(conn, select(ACC).where(ACC.c.account_number == account, scope.visible(ACC)), ACC)
    if acc is None:
        raise NotFound(
            f"no account {account}",
            field="account",
            extra=not_found_view("Account Number", account),
        )
    inv = _first(
        conn,
        select(INV).where(
            INV.c.account_number == account, INV.c.period == period, scope.visible(INV)
        ),
        INV,
    )
    if inv is None:
        raise NotFound(
            f"no invoice for account {account} in {period}",
            field="account",
            extra=_empty_report(account, period),
        )
    rows = conn.execute(
        select(LINE).where(LINE.c.invoice_id == inv["id"], scope.visible(LINE)).order_by(LINE.c.id)
    ).mappings()
    return acc, inv, [dict(r) for r in rows]


def invoice_report(conn: Connection, scope: Scope, account: str, period: str) -> InvoiceReport:
    """Print Invoice Billing Test: the invoice of `account` for the offered `period`.

    The one builder of the invoice model: the JSON screen and the PDF both render from it.
    """
    _check_period(scope, period)
    acc, inv, rows = _load(conn, scope, account, period)
    groups = group_lines(rows)
    return InvoiceReport(
        company=acc["company"],
        invoice_number=inv["invoice_number"],
        npwp=acc["npwp"],
        cidnas=acc["cidnas"] or "-",
        account_number=account,
        period=period,
        billing_month=f.period_label(period),
        due_date=inv["due_date"],
        groups=groups,
        line_count=sum(len(g.lines) for g in groups),
        total=inv["total"],
        display=_header_display(acc, inv, period),
    )
