"""E-Payment / I-Payment bills: per-period rows for a jastel, account or IndiHome number."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class PaymentBill(SQLModel, table=True):
    """One period's bill as E-Payment lists it (amount, unpaid, status, place, instalment)."""

    __tablename__ = "payment_bill"
    id: int = Field(primary_key=True)
    number: str = Field(index=True, description="account number, IndiHome number or POTS")
    number_kind: str = Field(description="account, indihome or jastel")
    period: str = Field(description="YYYYMM")
    amount: int
    unpaid: int
    status: str = Field(description="Lunas or Belum Lunas")
    payment_place: str | None = None
    instalment: str = "Bukan cicilan"
    paid_at: datetime | None = None
    episode_id: str | None = Field(default=None, index=True)


class PaymentBillLine(SQLModel, table=True):
    """A service line under a bill row (INTERNET CONTENT, ABONEMEN, PPN, METERAI, products)."""

    __tablename__ = "payment_bill_line"
    id: int = Field(primary_key=True)
    bill_id: int = Field(index=True)
    service: str
    amount: int
    status: str
    payment_place: str | None = None
    episode_id: str | None = Field(default=None, index=True)
