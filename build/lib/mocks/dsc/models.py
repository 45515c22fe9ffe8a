"""Response models of the DSC subscriber screens (profile, device, FA, HLR, recharge, usage)."""

from datetime import date, datetime

from mocks.screens import Screen


class Profile(Screen):
    """Profil MSISDN: who the subscriber is and the number's status as DSC writes it."""

    msisdn: str
    name: str
    brand: str
    prepaid: bool
    customer_class: str
    dsc_status: str
    aging_days: int
    balance: int
    activation_date: date
    location: str
    alt_contact: str


class Device(Screen):
    """Device: the handset last seen with the SIM."""

    msisdn: str
    device: str
    imei: str


class FaPaymentRow(Screen):
    """One payment on the financial account (FA)."""

    paid_at: datetime
    channel: str
    amount: int
    reference: str
    posted_to_ledger: bool


class FaPayments(Screen):
    """FA Payment: the account's payments, newest first."""

    msisdn: str
    count: int
    items: list[FaPaymentRow]


class HlrRow(Screen):
    """One HLR service (VOICE, SMS or DATA): state and block reason."""

    service: str
    state: str
    block_reason: str | None
    updated_at: datetime


class Hlr(Screen):
    """Status HLR: the three services of the number."""

    msisdn: str
    count: int
    items: list[HlrRow]


class RechargeRow(Screen):
    """One recharge as DSC's recharge history lists it."""

    recharged_at: datetime
    nominal: int
    channel: str
    serial: str | None
    transaction_id: str | None
    status: str


class Recharges(Screen):
    """Recharge History: the recharges DSC knows of, newest first."""

    msisdn: str
    count: int
    items: list[RechargeRow]


class CallDetailRow(Screen):
    """One usage record (call, SMS, data, package, recharge)."""

    at: datetime
    kind: str
    destination: str
    quantity: str
    charge: int
    balance_after: int


class CallDetails(Screen):
    """Panggilan Detail: usage in a date range, newest first."""

    msisdn: str
    date_from: date
    date_to: date
    count: int
    items: list[CallDetailRow]


class Upcc(Screen):
    """UPCC: the subscriber's quota / package note."""

    msisdn: str
    upcc_note: str
