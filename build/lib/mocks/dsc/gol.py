"""DSC GraPARI Online queries: order by id, search by e-mail (14-day window), Resume Order."""

from sqlalchemy import Connection, RowMapping, func, select

from gladi import formats as f
from gladi.errors import NotFound
from gladi.world import GolOrder
from mocks.daterange import date_range
from mocks.dsc.gol_models import GolOrderDetail, GolOrderRow, GolOrderSearch, ResumeOrder, Tracking
from mocks.scope import Scope
from mocks.screens import not_found_view

GOL = GolOrder.__table__  # type: ignore[attr-defined]
SEARCH_DAYS = 14
"""SOP 004: "Pastikan range searching order adalah 14 hari" (default and maximum)."""
SEARCH_LIMIT = 50
LANJUT = "Lanjut"


def order_row(conn: Connection, scope: Scope, order_id: str) -> RowMapping:
    """The visible order with this id (the episode's own row first), else NotFound."""
    row = (
        conn.execute(
            select(GOL)
            .where(GOL.c.order_id == order_id, scope.visible(GOL))
            .order_by(GOL.c.episode_id.is_(None))
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(
            f"no GraPARI Online order {order_id}",
            field="order_id",
            extra=not_found_view("Order ID", order_id),
        )
    return row


def _detail_display(r: RowMapping) -> dict[str, str]:
    return {
        "Order ID": r["order_id"],
        "Email": r["email"],
        "MSISDN": r["msisdn"],
        "Jenis Order": r["order_type"],
        "Paket": r["package"],
        "Tanggal Order": f.wib_datetime(r["ordered_at"]),
        "Jenis Pengiriman": r["delivery_type"],
        "Kurir": r["courier"],
        "No. Resi": r["resi"] or "-",
        "FOS GraPARI": r["fos_grapari"],
        "Telepon GraPARI": r["grapari_phone"],
        "Status Order": r["status"],
        "Waktu Status": f.wib_datetime(r["status_at"]),
        "Metode Pembayaran": r["payment_method"],
        "Status Pembayaran": r["payment_status"],
        "Keterangan UPCC": r["upcc_note"],
    }


def order_detail(conn: Connection, scope: Scope, order_id: str) -> GolOrderDetail:
    """GraPARI Online > Order: the order's type, package, delivery, status, payment and UPCC."""
    r = order_row(conn, scope, order_id)
    values = {k: r[k] for k in GolOrderDetail.model_fields if k != "display"}
    values["ordered_at"] = f.to_wib(r["ordered_at"])
    values["status_at"] = f.to_wib(r["status_at"])
    return GolOrderDetail(display=_detail_display(r), **values)


def _search_row(r: RowMapping) -> GolOrderRow:
    return GolOrderRow(
        order_id=r["order_id"],
        ordered_at=f.to_wib(r["ordered_at"]),
        msisdn=r["msisdn"],
        order_type=r["order_type"],
        status=r["status"],
        display={
            "Order ID": r["order_id"],
            "Tanggal Order": f.wib_datetime(r["ordered_at"]),
            "MSISDN": r["msisdn"],
            "Jenis Order": r["order_type"],
            "Status Order": r["status"],
        },
    )


def search_orders(
    conn: Connection,
    scope: Scope,
    email: str,
    date_from: str | None = None,
    date_to: str | None = None,
) -> GolOrderSearch:
    """Cari Order by e-mail, ordered in `from`..`to` (at most 14 days; default: up to now)."""
    period = date_range(
        date_from, date_to, now=scope.now, default_days=SEARCH_DAYS, max_days=SEARCH_DAYS
    )
    query = (
        select(GOL)
        .where(
            func.lower(GOL.c.email) == email.lower(),
            scope.visible(GOL),
            period.contains(GOL.c.ordered_at),
        )
        .order_by(GOL.c.ordered_at.desc(), GOL.c.id.desc())
        .limit(SEARCH_LIMIT)
    )
    items = [_search_row(r) for r in conn.execute(query).mappings()]
    return GolOrderSearch(
        email=email,
        date_from=period.start,
        date_to=period.end,
        count=len(items),
        items=items,
        display={
            "Email": email,
            "Periode": period.label(),
            "Hasil": f"{len(items)} order ditemukan",
        },
    )


def lanjut_available(status: str, picked_up: bool) -> bool:
    """`Lanjut` shows for delivered orders, or Delivery Incident orders the courier has taken."""
    return status == "Completed" or (status == "Delivery Incident" and picked_up)


def _tracking(r: RowMapping) -> Tracking:
    return Tracking(
        delivery_type=r["delivery_type"],
        courier=r["courier"],
        resi=r["resi"],
        picked_up=r["picked_up"],
        fos_grapari=r["fos_grapari"],
        grapari_phone=r["grapari_phone"],
        display={
            "Jenis Pengiriman": r["delivery_type"],
            "Kurir": r["courier"],
            "No. Resi": r["resi"] or "-",
            "Diambil Kurir": "Sudah" if r["picked_up"] else "Belum",
            "FOS GraPARI": r["fos_grapari"],
            "Telepon GraPARI": r["grapari_phone"],
        },
    )


def resume_order(conn: Connection, scope: Scope, order_id: str) -> ResumeOrder:
    """Resume Order: order summary, delivery tracking and the `Lanjut` action if offered."""
    r = order_row(conn, scope, order_id)
    lanjut = lanjut_available(r["status"], r["picked_up"])
    return ResumeOrder(
        order_id=r["order_id"],
        msisdn=r["msisdn"],
        order_type=r["order_type"],
        package=r["package"],
        status=r["status"],
        status_at=f.to_wib(r["status_at"]),
        payment_status=r["payment_status"],
        tracking=_tracking(r),
        lanjut_available=lanjut,
        actions=[LANJUT] if lanjut else [],
        display={
            "Order ID": r["order_id"],
            "MSISDN": r["msisdn"],
            "Jenis Order": r["order_type"],
            "Paket": r["package"],
            "Status Order": r["status"],
            "Waktu Status": f.wib_datetime(r["status_at"]),
            "Status Pembayaran": r["payment_status"],
            "Action": LANJUT if lanjut else "-",
        },
    )
