"""Response models of DSC's GraPARI Online (GOL) order lookup and Resume Order."""

from datetime import date, datetime

from mocks.screens import Screen


class GolOrderDetail(Screen):
    """GraPARI Online > Order: everything DSC knows of one order."""

    order_id: str
    email: str
    msisdn: str
    order_type: str
    package: str
    ordered_at: datetime
    delivery_type: str
    courier: str
    resi: str | None
    fos_grapari: str
    grapari_phone: str
    status: str
    status_at: datetime
    payment_method: str
    payment_status: str
    upcc_note: str


class GolOrderRow(Screen):
    """A row of GraPARI Online > Cari Order results."""

    order_id: str
    ordered_at: datetime
    msisdn: str
    order_type: str
    status: str


class GolOrderSearch(Screen):
    """GraPARI Online > Cari Order: the orders of an e-mail in a date range (at most 14 days)."""

    email: str
    date_from: date
    date_to: date
    count: int
    items: list[GolOrderRow]


class Tracking(Screen):
    """Delivery tracking of an order: courier, resi and whether the courier has the parcel."""

    delivery_type: str
    courier: str
    resi: str | None
    picked_up: bool
    fos_grapari: str
    grapari_phone: str


class ResumeOrder(Screen):
    """Resume Order: summary, tracking, and whether the `Lanjut` action is offered."""

    order_id: str
    msisdn: str
    order_type: str
    package: str
    status: str
    status_at: datetime
    payment_status: str
    tracking: Tracking
    lanjut_available: bool
    actions: list[str]
