"""Mobile records read by DSC, HLR and Indira (SOP 001 and 002)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class Subscriber(SQLModel, table=True):
    """A Telkomsel MSISDN as the DSC profile shows it."""

    __tablename__ = "subscriber"
    id: int = Field(primary_key=True)
    msisdn: str = Field(index=True, description="local form 08..., 11-12 digits")
    name: str
    brand: str = Field(description="KartuHalo, simPATI, Kartu AS, Loop")
    customer_class: str = Field(description="Diamond, Platinum, Gold, Silver, Blue")
    dsc_status: str = Field(description="e.g. 'Active - Collection Block 1'")
    aging_days: int = Field(default=0, description="days since the number lapsed; 0 if not")
    balance: int = Field(description="prepaid credit (pulsa) in Rupiah; postpaid: 0")
    device: str
    imei: str
    location: str = Field(description="city / kabupaten of the customer's usual area")
    email: str
    alt_contact: str = Field(description="another number the customer can be reached on")
    activation_date: date
    upcc_note: str = Field(description="UPCC quota/package note")
    episode_id: str | None = Field(default=None, index=True)


class FaPayment(SQLModel, table=True):
    """A bill payment on the subscriber's financial account (FA)."""

    __tablename__ = "fa_payment"
    id: int = Field(primary_key=True)
    msisdn: str = Field(index=True)
    paid_at: datetime
    channel: str = Field(description="e.g. 'Bank BCA', 'Indomaret', 'MyTelkomsel'")
    amount: int
    reference: str
    posted_to_ledger: bool
    notification_sent: bool
    episode_id: str | None = Field(default=None, index=True)


class HlrService(SQLModel, table=True):
    """Per-service HLR state (VOICE, SMS, DATA) and its block reason."""

    __tablename__ = "hlr_service"
    id: int = Field(primary_key=True)
    msisdn: str = Field(index=True)
    service: str = Field(description="VOICE, SMS or DATA")
    state: str = Field(description="Active or Blocked")
    block_reason: str | None = Field(default=None, description="HUM, Collection, Fraud ...")
    updated_at: datetime
    episode_id: str | None = Field(default=None, index=True)


class Recharge(SQLModel, table=True):
    """A credit recharge (isi ulang) as Indira and DSC list it."""

    __tablename__ = "recharge"
    id: int = Field(primary_key=True)
    msisdn: str = Field(index=True)
    recharged_at: datetime
    nominal: int
    channel: str = Field(description="e.g. 'Indomaret', 'GoPay (MyTelkomsel)', 'Bank Mandiri'")
    channel_kind: str = Field(description="non_fintech, fintech_mytelkomsel or fintech_app")
    serial: str | None = Field(default=None, index=True, description="25 digits, '02...'")
    transaction_id: str | None = Field(default=None, index=True)
    indira_status: str = Field(description="Sukses, Gagal or Pending")
    shown_in_dsc: bool
    balance_added: bool
    episode_id: str | None = Field(default=None, index=True)


class Voucher(SQLModel, table=True):
    """A voucher's servo record in Indira Voucher Details."""

    __tablename__ = "voucher"
    id: int = Field(primary_key=True)
    serial: str = Field(index=True)
    nominal: int
    seller: str
    servo_status: str = Field(description="Used or Not Used")
    used_by_msisdn: str | None = None
    used_at: datetime | None = None
    expires_on: date
    episode_id: str | None = Field(default=None, index=True)


class CallDetail(SQLModel, table=True):
    """A usage record that consumed balance (DSC panggilan detail / Indira balance usage)."""

    __tablename__ = "call_detail"
    id: int = Field(primary_key=True)
    msisdn: str = Field(index=True)
    at: datetime
    kind: str = Field(description="VOICE, SMS, DATA, PAKET, RECHARGE")
    destination: str
    quantity: str = Field(description="'3 menit', '1 SMS', '150 MB'")
    charge: int
    balance_after: int
    episode_id: str | None = Field(default=None, index=True)
