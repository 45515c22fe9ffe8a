"""IndiHome customers and their UPoint OTT purchases (SOP 003)."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class IndihomeCustomer(SQLModel, table=True):
    """An IndiHome subscription: 12-digit number, POTS phone, product, GroupID."""

    __tablename__ = "indihome_customer"
    id: int = Field(primary_key=True)
    indihome_number: str = Field(index=True)
    pots_phone: str = Field(index=True)
    name: str
    product: str = Field(description="e.g. 'Telkom Link ADSL', 'IndiHome Dual Play'")
    group_id: str = Field(description="e.g. '34008951763 (TSI)'")
    address: str
    regional: int = Field(description="Telkom regional 1-7")
    episode_id: str | None = Field(default=None, index=True)


class OttSubscription(SQLModel, table=True):
    """A UPoint Addon Softbundling subscription row."""

    __tablename__ = "ott_subscription"
    id: int = Field(primary_key=True)
    partner_ref_no: str = Field(index=True)
    indihome_number: str = Field(index=True)
    item: str = Field(description="e.g. 'Telkom.Premium.Monthly'")
    price: int
    denom: int
    service: str = Field(description="e.g. '799 - Disney'")
    status: str = Field(description="Active or Inactive")
    start_time: datetime
    end_time: datetime | None = None
    channel: str = Field(description="STB, MYINDIHOME, WEB")
    last_charge: datetime | None = None
    regional: int
    episode_id: str | None = Field(default=None, index=True)


class OttTransaction(SQLModel, table=True):
    """A UPoint Transactions Data row (one charge)."""

    __tablename__ = "ott_transaction"
    id: int = Field(primary_key=True)
    indihome_number: str = Field(index=True)
    price: int
    prorate_price: int
    item: str
    service: str
    partner_ref_no: str
    trx_id: str = Field(index=True, description="'stbupoint' + hex")
    trx_time: datetime
    regional: int
    episode_id: str | None = Field(default=None, index=True)
