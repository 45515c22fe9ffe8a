"""Response models of the NCXtools screens."""

from datetime import date, datetime

from mocks.screens import Screen


class AssetRow(Screen):
    """A row of EBIS > Asset search results."""

    sid: str
    product: str
    company: str
    account_number: str
    ncx_status: str


class AssetSearch(Screen):
    """EBIS > Asset: the result list of a search by SID or by company (and product)."""

    count: int
    items: list[AssetRow]


class AssetDetail(Screen):
    """EBIS > Asset > Detail."""

    sid: str
    account_number: str
    company: str
    product: str
    bandwidth_mbps: int | None
    install_address: str
    ncx_status: str
    status_reason: str | None
    start_date: date


class SalesOrderRow(Screen):
    """A row of EBIS > Sales Order search results."""

    ao: str
    order_type: str
    sid: str
    status: str


class SalesOrderSearch(Screen):
    """EBIS > Sales Order: result list of a search by AO."""

    count: int
    items: list[SalesOrderRow]


class SalesOrderDetail(Screen):
    """EBIS > Sales Order > Detail."""

    ao: str
    order_type: str
    sid: str
    product: str
    company: str
    status: str
    created_at: datetime


class Cabasa(Screen):
    """Sales Order > Detail > CABASA: customer, billing and service accounts."""

    ao: str
    customer_account: str
    billing_account: str
    service_account: str
