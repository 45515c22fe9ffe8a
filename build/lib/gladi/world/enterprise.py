"""Enterprise records read by NCXtools, TOS and the AM lookup (SOP 000)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class AccountManager(SQLModel, table=True):
    """An account manager (AM) and the EOS desk that stands in when the AM does not answer."""

    __tablename__ = "account_manager"
    id: int = Field(primary_key=True)
    nik: str = Field(index=True, description="employee number, 6 digits")
    name: str
    phone: str
    email: str
    segment: str = Field(description="e.g. 'Government Service', 'Enterprise Service'")
    witel: str = Field(description="regional office, e.g. 'WITEL JAKARTA SELATAN'")
    eos_name: str
    eos_phone: str
    episode_id: str | None = Field(default=None, index=True)


class EnterpriseAccount(SQLModel, table=True):
    """A billing account: 7-digit account number, company `PT ...`, NPWP, CIDNAS, AM."""

    __tablename__ = "enterprise_account"
    id: int = Field(primary_key=True)
    account_number: str = Field(index=True)
    company: str = Field(index=True)
    npwp: str
    cidnas: str
    address: str
    city: str
    am_id: int = Field(index=True)
    pic_name: str
    pic_phone: str
    episode_id: str | None = Field(default=None, index=True)


class EnterpriseService(SQLModel, table=True):
    """A service (asset) in NCXtools: SID, product, bandwidth, NCX status and its reason."""

    __tablename__ = "enterprise_service"
    id: int = Field(primary_key=True)
    sid: str = Field(index=True)
    account_number: str = Field(index=True)
    product: str = Field(description="ASTINET, VPN IP, METRO, Device Services, IMES ...")
    serial_number: str | None = Field(default=None, index=True)
    device: str | None = None
    bandwidth_mbps: int | None = None
    install_address: str
    ncx_status: str = Field(description="Active, Inactive, Suspended, In Progress")
    status_reason: str | None = None
    monthly_charge: int
    start_date: date
    episode_id: str | None = Field(default=None, index=True)


class SalesOrder(SQLModel, table=True):
    """An NCXtools sales order (AO) with its CABASA accounts."""

    __tablename__ = "sales_order"
    id: int = Field(primary_key=True)
    ao: str = Field(index=True)
    order_type: str = Field(description="New Install, Modify, Suspend, Resume, Disconnect")
    sid: str = Field(index=True)
    customer_account: str
    billing_account: str = Field(description="the account number")
    service_account: str
    status: str
    created_at: datetime
    episode_id: str | None = Field(default=None, index=True)


class Invoice(SQLModel, table=True):
    """A monthly TOS invoice of one account."""

    __tablename__ = "invoice"
    id: int = Field(primary_key=True)
    invoice_number: str = Field(index=True)
    account_number: str = Field(index=True)
    period: str = Field(index=True, description="YYYYMM")
    due_date: date
    total: int
    episode_id: str | None = Field(default=None, index=True)


class InvoiceLine(SQLModel, table=True):
    """One SID's charge on an invoice, grouped on the PDF by product."""

    __tablename__ = "invoice_line"
    id: int = Field(primary_key=True)
    invoice_id: int = Field(index=True)
    product_group: str = Field(description="e.g. 'ASTINET - MONTHLY RECURRING CHARGES'")
    description: str
    sid: str
    bandwidth_mbps: int | None = None
    period: str
    amount: int
    episode_id: str | None = Field(default=None, index=True)
