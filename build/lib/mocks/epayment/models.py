"""Response models of the E-Payment / I-Payment inquiry screen."""

from datetime import datetime

from pydantic import Field

from mocks.screens import Screen


class BillServiceLine(Screen):
    """A service line shown when a bill row is expanded (`+`): Detail pembayaran."""

    service: str = Field(description="INTERNET CONTENT, ABONEMEN, PPN UNSUR KENA PAJAK ...")
    currency: str
    amount: int
    status: str
    payment_place: str | None


class BillRow(Screen):
    """One period's row: Periode, Mata Uang, Jumlah Tagihan, Belum Bayar, Status ... Jam."""

    period: str = Field(description="YYYYMM")
    period_label: str = Field(description="e.g. 'Mei 2022', 'Nop 2021'")
    currency: str
    amount: int
    unpaid: int
    status: str = Field(description="Lunas or Belum Lunas")
    payment_place: str | None
    instalment: str
    paid_at: datetime | None
    lines: list[BillServiceLine]


class EpaymentInquiry(Screen):
    """The inquiry result: who the number belongs to and its bills, newest period first."""

    nomor: str = Field(description="the number typed in the form (Nomor jastel)")
    name: str
    product: str
    phone: str
    internet: str | None
    group_id: str | None
    execution: str = Field(description="e.g. 'Execution per transaction 0.22 seconds'")
    execution_seconds: float
    count: int
    items: list[BillRow]
