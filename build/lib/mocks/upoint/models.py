"""Request and response models of the UPoint OTT dashboard screens."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from mocks.screens import Screen

SUBSCRIPTION_COLUMNS = [
    "No",
    "Partner ref_no",
    "IndiHome",
    "Item",
    "Price (Rp.)",
    "Denom (Rp.)",
    "Service",
    "Status",
    "Start Time",
    "End Time",
    "Channel",
    "Last Charge",
]
"""Subscriptions table header, as on the dashboard (SOP 003 line 92)."""

TRANSACTION_COLUMNS = [
    "No",
    "Nomor Indihome",
    "Harga",
    "Harga Prorate",
    "Item",
    "Service",
    "Partner Ref_no",
    "Telkom trx_id",
    "Trx Time",
]
"""Transactions Data table header, as on the dashboard (SOP 003 line 147)."""


class UpointLoginRequest(BaseModel):
    """The login form: username, password, and the extra 'Nama' and 'Regional' boxes."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    username: str = Field(min_length=1, max_length=64, description="User, e.g. monitor")
    password: str = Field(min_length=1, max_length=128, description="Password")
    regional: int = Field(ge=1, le=7, description="Regional 1-7 (any)")
    nama: str = Field(min_length=1, max_length=100, description="Nama (any, not blank)")


class UpointSession(Screen):
    """A successful login: send `tool_session` as `X-Tool-Session` on every later call."""

    tool_session: str
    user: str
    regional: int
    nama: str


class SubscriptionRow(Screen):
    """One row of Addon Softbundling > Subscriptions."""

    no: int
    partner_ref_no: str
    indihome_number: str
    item: str
    price: int
    denom: int
    service: str
    status: str
    start_time: datetime
    end_time: datetime | None
    channel: str
    last_charge: datetime | None


class TransactionRow(Screen):
    """One row of Addon Softbundling > Transactions Data (one charge)."""

    no: int
    indihome_number: str
    price: int
    prorate_price: int
    item: str
    service: str
    partner_ref_no: str
    trx_id: str
    trx_time: datetime


class SearchResult(Screen):
    """What a search was for, how many rows it found, and how long it took."""

    indihome: str
    date_from: date | None = Field(description="first day searched (WIB); None: all data")
    date_to: date | None = Field(description="last day searched (WIB); None: all data")
    ott: str = Field(description="'all' or the OTT service searched")
    regional: str = Field(description="'all' or the regional searched")
    columns: list[str]
    count: int
    request_time_s: float
    query_time_s: float


class SubscriptionSearch(SearchResult):
    """Subscriptions: the search summary line, 'Showing: N', the table and the request time."""

    items: list[SubscriptionRow]


class TransactionSearch(SearchResult):
    """Transactions Data: the search summary line, 'Showing : N', the table, request time."""

    items: list[TransactionRow]
