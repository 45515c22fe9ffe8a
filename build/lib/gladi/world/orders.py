"""GraPARI Online (GOL) orders as DSC's order lookup and Resume Order show them (SOP 004)."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class GolOrder(SQLModel, table=True):
    """A GraPARI Online order: card replacement, prepaid starter pack or Halo PSB."""

    __tablename__ = "gol_order"
    id: int = Field(primary_key=True)
    order_id: str = Field(index=True)
    email: str = Field(index=True)
    msisdn: str = Field(index=True)
    order_type: str = Field(description="Ganti Kartu, Perdana Prabayar, Halo PSB")
    package: str = Field(description="package / bonus bought with the order")
    ordered_at: datetime
    delivery_type: str = Field(description="Reguler or Instant")
    courier: str
    resi: str | None = Field(default=None, description="courier tracking number")
    fos_grapari: str = Field(description="GraPARI outlet whose FOS ships the order")
    grapari_phone: str
    status: str = Field(description="Pending Verification ... Delivery Incident")
    status_at: datetime
    payment_method: str = Field(description="LinkAja, ShopeePay, OVO, DANA")
    payment_status: str = Field(description="Paid, Unpaid or Failed")
    picked_up: bool = Field(description="the courier has taken the parcel")
    upcc_note: str
    episode_id: str | None = Field(default=None, index=True)
