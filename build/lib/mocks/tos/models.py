"""Request and response models of the TOS screens."""

from datetime import date

from pydantic import BaseModel, Field

from mocks.screens import Screen


class TosLoginForm(BaseModel):
    """The TOS login form."""

    username: str = Field(min_length=1, max_length=50, description="e.g. guest")
    password: str = Field(min_length=1, max_length=100)


class ToolLogin(Screen):
    """A successful login: send `tool_session` as `X-Tool-Session` on every later call."""

    tool_session: str
    user: str


class BillPeriod(Screen):
    """One choice of the Bill Periode box."""

    period: str = Field(description="YYYYMM")
    label: str = Field(description="e.g. 'Juni 2022'")


class BillPeriods(Screen):
    """Print Invoice Billing Test > Bill Periode: only the latest period is offered."""

    count: int
    items: list[BillPeriod]


class InvoiceLineRow(Screen):
    """One row of a product group's table: No. | DESCRIPTION | ID | BW | PERIOD | AMOUNT (Rp)."""

    no: int
    description: str
    sid: str
    bandwidth_mbps: int | None
    bandwidth: str = Field(description="'40MBPS', '1,000MBPS' or '-'")
    period: str
    amount: int


class ProductGroup(Screen):
    """A product group of the invoice (e.g. ASTINET - MONTHLY RECURRING CHARGES)."""

    name: str
    lines: list[InvoiceLineRow]
    subtotal: int
    subtotal_label: str = Field(description="'Sub. <group>'")


class InvoiceReport(Screen):
    """RINCIAN BIAYA PENGGUNAAN TELKOM Solution / DETAIL USAGE of one account and period."""

    company: str
    invoice_number: str
    npwp: str
    cidnas: str
    account_number: str
    period: str
    billing_month: str
    due_date: date
    groups: list[ProductGroup]
    line_count: int
    total: int
