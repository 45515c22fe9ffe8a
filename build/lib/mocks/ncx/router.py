"""NCXtools routes: HTTP in, query out; nothing else."""

from typing import Annotated

from fastapi import Query

from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.ncx import queries
from mocks.ncx.models import AssetDetail, AssetSearch, Cabasa, SalesOrderDetail, SalesOrderSearch
from mocks.params import AoPath, AoQuery, SidPath, SidQuery
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/ncx/ebis", tags=["ncx"], responses=ERROR_RESPONSES)


@router.get("/asset", name="ncx.asset_search")
async def search_assets(
    ctx: ToolCtx,
    sid: SidQuery = None,
    company: Annotated[str | None, Query(max_length=100, description="Nama perusahaan")] = None,
    product: Annotated[str | None, Query(max_length=40, description="Produk, e.g. ASTINET")] = None,
) -> AssetSearch:
    """EBIS > Asset: search assets by SID, or by company name and product."""
    return ctx.run(queries.search_assets, sid=sid, company=company, product=product)


@router.get("/asset/{sid}", name="ncx.asset_detail")
async def read_asset_detail(ctx: ToolCtx, sid: SidPath) -> AssetDetail:
    """EBIS > Asset > Detail: account number, company, product, address and status of an SID."""
    return ctx.run(queries.asset_detail, sid=sid)


@router.get("/sales-order", name="ncx.sales_order_search")
async def search_sales_orders(ctx: ToolCtx, ao: AoQuery) -> SalesOrderSearch:
    """EBIS > Sales Order: search by AO (activation order number)."""
    return ctx.run(queries.search_sales_orders, ao=ao)


@router.get("/sales-order/{ao}", name="ncx.sales_order_detail")
async def read_sales_order_detail(ctx: ToolCtx, ao: AoPath) -> SalesOrderDetail:
    """EBIS > Sales Order > Detail of one AO."""
    return ctx.run(queries.sales_order_detail, ao=ao)


@router.get("/sales-order/{ao}/cabasa", name="ncx.sales_order_cabasa")
async def read_sales_order_cabasa(ctx: ToolCtx, ao: AoPath) -> Cabasa:
    """Sales Order > Detail > CABASA: customer, billing and service account of the order."""
    return ctx.run(queries.sales_order_cabasa, ao=ao)
