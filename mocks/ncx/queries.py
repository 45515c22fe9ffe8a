"""NCXtools queries: plain functions over a connection, raising domain errors."""

from sqlalchemy import Connection, func, select

from gladi import formats as f
from gladi.errors import BadInput, NotFound
from gladi.world import EnterpriseAccount, EnterpriseService, SalesOrder
from mocks.ncx.models import (
    AssetDetail,
    AssetRow,
    AssetSearch,
    Cabasa,
    SalesOrderDetail,
    SalesOrderRow,
    SalesOrderSearch,
)
from mocks.scope import Scope
from mocks.screens import not_found_view

SVC = EnterpriseService.__table__  # type: ignore[attr-defined]
ACC = EnterpriseAccount.__table__  # type: ignore[attr-defined]
SO = SalesOrder.__table__  # type: ignore[attr-defined]
SEARCH_LIMIT = 50


def _asset_row(r: dict) -> AssetRow:
    return AssetRow(
        sid=r["sid"],
        product=r["product"],
        company=r["company"],
        account_number=r["account_number"],
        ncx_status=r["ncx_status"],
        display={
            "SID": r["sid"],
            "Produk": r["product"],
            "Nama Pelanggan": r["company"],
            "Account Number": r["account_number"],
            "Status": r["ncx_status"],
        },
    )


def search_assets(
    conn: Connection,
    scope: Scope,
    sid: str | None = None,
    company: str | None = None,
    product: str | None = None,
) -> AssetSearch:
    """EBIS > Asset search: by SID, or by company name (at least 3 letters) and product."""
    query = (
        select(SVC.c.sid, SVC.c.product, SVC.c.account_number, SVC.c.ncx_status, ACC.c.company)
        .join(ACC, (ACC.c.account_number == SVC.c.account_number) & scope.visible(ACC))
        .where(scope.visible(SVC))
    )
    if sid:
        query = query.where(SVC.c.sid == sid)
    elif company and sum(ch.isalnum() for ch in company) >= 3:
        wanted = company.strip().lower()
        query = query.where(func.lower(ACC.c.company).contains(wanted, autoescape=True))
        if product:
            query = query.where(func.lower(SVC.c.product) == product.strip().lower())
    else:
        raise BadInput(
            "search by SID, or by company name (at least 3 letters)",
            field="sid",
            expected="sid=<SID> or company=<name>[&product=<product>]",
        )
    rows = conn.execute(query.order_by(SVC.c.sid).limit(SEARCH_LIMIT)).mappings().all()
    items = [_asset_row(dict(r)) for r in rows]
    return AssetSearch(
        count=len(items), items=items, display={"Hasil": f"{len(items)} data ditemukan"}
    )


def asset_detail(conn: Connection, scope: Scope, sid: str) -> AssetDetail:
    """EBIS > Asset > Detail of one SID: account number, company, product, address, status.

    No AM and no device serial: SOP 000 has the agent find the AM with the AM lookup tool
    (000:229-230) and ask the customer for the SN and the device (000:216).
    """
    row = (
        conn.execute(
            select(SVC, ACC.c.company)
            .join(ACC, (ACC.c.account_number == SVC.c.account_number) & scope.visible(ACC))
            .where(SVC.c.sid == sid, scope.visible(SVC))
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"no asset with SID {sid}", field="sid", extra=not_found_view("SID", sid))
    display = {
        "SID": row["sid"],
        "Account Number": row["account_number"],
        "Nama Pelanggan": row["company"],
        "Produk": row["product"],
        "Bandwidth": f.bandwidth_label(row["bandwidth_mbps"]),
        "Alamat Instalasi": row["install_address"],
        "Status": row["ncx_status"],
        "Keterangan Status": row["status_reason"] or "-",
        "Tanggal Aktif": f.long_date(row["start_date"]),
    }
    return AssetDetail(
        display=display, **{k: row[k] for k in AssetDetail.model_fields if k != "display"}
    )


def _order(conn: Connection, scope: Scope, ao: str) -> dict:
    row = (
        conn.execute(
            select(SO, SVC.c.product, ACC.c.company)
            .join(SVC, (SVC.c.sid == SO.c.sid) & scope.visible(SVC))
            .join(ACC, (ACC.c.account_number == SVC.c.account_number) & scope.visible(ACC))
            .where(SO.c.ao == ao, scope.visible(SO))
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"no sales order {ao}", field="ao", extra=not_found_view("AO", ao))
    return dict(row)


def search_sales_orders(conn: Connection, scope: Scope, ao: str) -> SalesOrderSearch:
    """EBIS > Sales Order search by AO (empty list when nothing matches)."""
    rows = (
        conn.execute(
            select(SO.c.ao, SO.c.order_type, SO.c.sid, SO.c.status).where(
                SO.c.ao == ao, scope.visible(SO)
            )
        )
        .mappings()
        .all()
    )
    items = [
        SalesOrderRow(
            **dict(r),
            display={
                "AO": r["ao"],
                "Tipe Order": r["order_type"],
                "SID": r["sid"],
                "Status": r["status"],
            },
        )
        for r in rows
    ]
    return SalesOrderSearch(
        count=len(items), items=items, display={"Hasil": f"{len(items)} data ditemukan"}
    )


def sales_order_detail(conn: Connection, scope: Scope, ao: str) -> SalesOrderDetail:
    """EBIS > Sales Order > Detail."""
    r = _order(conn, scope, ao)
    display = {
        "AO": r["ao"],
        "Tipe Order": r["order_type"],
        "SID": r["sid"],
        "Produk": r["product"],
        "Nama Pelanggan": r["company"],
        "Status": r["status"],
        "Tanggal Order": f.wib_datetime(r["created_at"]),
    }
    return SalesOrderDetail(
        display=display, **{k: r[k] for k in SalesOrderDetail.model_fields if k != "display"}
    )


def sales_order_cabasa(conn: Connection, scope: Scope, ao: str) -> Cabasa:
    """Sales Order > Detail > CABASA: the customer, billing and service accounts."""
    r = _order(conn, scope, ao)
    display = {
        "Customer Account": r["customer_account"],
        "Billing Account": r["billing_account"],
        "Service Account": r["service_account"],
    }
    return Cabasa(
        ao=ao,
        customer_account=r["customer_account"],
        billing_account=r["billing_account"],
        service_account=r["service_account"],
        display=display,
    )
