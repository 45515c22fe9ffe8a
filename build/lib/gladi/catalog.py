"""The catalog of tool operations: the one list the mocks, the SOP encodings and the UI share.

Each mock route is registered with `name=<operation name>`; a trace event stores that name and
the call's parameters, and SOP lookups say which operation must be made with which identifier.
A test checks that every operation here is served by the app with this method and path.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Operation:
    """One screen or action of a mocked tool."""

    name: str
    tool: str
    method: str
    path: str
    label: str
    keys: tuple[str, ...] = ()
    """Parameters that identify what was looked up (what SOP lookups check)."""


TOOLS: dict[str, str] = {
    "ncx": "NCXtools",
    "tos": "TOS (TiBS Operational Support)",
    "epayment": "E-Payment / I-Payment",
    "dsc": "DSC",
    "indira": "Indira",
    "upoint": "UPoint OTT Dashboard",
    "tickets": "Ticket desk",
    "outages": "Informasi gangguan",
    "am": "AM lookup (Instacheck)",
    "interactions": "Interaction history",
}

OPERATIONS: tuple[Operation, ...] = (
    # NCXtools: EBIS > Asset, EBIS > Sales Order > Detail > CABASA
    Operation(
        "ncx.asset_search", "ncx", "GET", "/ncx/ebis/asset", "EBIS > Asset", ("sid", "company")
    ),
    Operation(
        "ncx.asset_detail", "ncx", "GET", "/ncx/ebis/asset/{sid}", "EBIS > Asset > Detail", ("sid",)
    ),
    Operation(
        "ncx.sales_order_search",
        "ncx",
        "GET",
        "/ncx/ebis/sales-order",
        "EBIS > Sales Order",
        ("ao",),
    ),
    Operation(
        "ncx.sales_order_detail",
        "ncx",
        "GET",
        "/ncx/ebis/sales-order/{ao}",
        "EBIS > Sales Order > Detail",
        ("ao",),
    ),
    Operation(
        "ncx.sales_order_cabasa",
        "ncx",
        "GET",
        "/ncx/ebis/sales-order/{ao}/cabasa",
        "Sales Order > Detail > CABASA",
        ("ao",),
    ),
    # TOS: login, TiBS NON POTS > Laporan Billing Process > Print Invoice Billing Test
    Operation("tos.login", "tos", "POST", "/tos/login", "Login", ("username",)),
    Operation(
        "tos.bill_periods",
        "tos",
        "GET",
        "/tos/tibs-non-pots/billing-process/bill-periods",
        "Print Invoice Billing Test > Bill Periode",
    ),
    Operation(
        "tos.invoice",
        "tos",
        "GET",
        "/tos/tibs-non-pots/billing-process/invoice",
        "Print Invoice Billing Test",
        ("account", "period"),
    ),
    Operation(
        "tos.invoice_pdf",
        "tos",
        "GET",
        "/tos/tibs-non-pots/billing-process/invoice.pdf",
        "Print Invoice Billing Test (PDF)",
        ("account", "period"),
    ),
    # E-Payment / I-Payment
    Operation(
        "epayment.inquiry", "epayment", "GET", "/epayment/inquiry", "Inquiry tagihan", ("nomor",)
    ),
    # DSC
    Operation(
        "dsc.profile", "dsc", "GET", "/dsc/subscribers/{msisdn}", "Profil MSISDN", ("msisdn",)
    ),
    Operation(
        "dsc.device", "dsc", "GET", "/dsc/subscribers/{msisdn}/device", "Device", ("msisdn",)
    ),
    Operation(
        "dsc.fa_payments",
        "dsc",
        "GET",
        "/dsc/subscribers/{msisdn}/fa-payments",
        "FA Payment",
        ("msisdn",),
    ),
    Operation("dsc.hlr", "dsc", "GET", "/dsc/subscribers/{msisdn}/hlr", "Status HLR", ("msisdn",)),
    Operation(
        "dsc.recharges",
        "dsc",
        "GET",
        "/dsc/subscribers/{msisdn}/recharges",
        "Recharge History",
        ("msisdn",),
    ),
    Operation(
        "dsc.call_details",
        "dsc",
        "GET",
        "/dsc/subscribers/{msisdn}/call-details",
        "Panggilan Detail",
        ("msisdn",),
    ),
    Operation("dsc.upcc", "dsc", "GET", "/dsc/subscribers/{msisdn}/upcc", "UPCC", ("msisdn",)),
    Operation(
        "dsc.gol_order",
        "dsc",
        "GET",
        "/dsc/gol/orders/{order_id}",
        "GraPARI Online > Order",
        ("order_id",),
    ),
    Operation(
        "dsc.gol_search", "dsc", "GET", "/dsc/gol/orders", "GraPARI Online > Cari Order", ("email",)
    ),
    Operation(
        "dsc.gol_resume",
        "dsc",
        "GET",
        "/dsc/gol/orders/{order_id}/resume",
        "Resume Order",
        ("order_id",),
    ),
    # Indira
    Operation(
        "indira.recharges", "indira", "GET", "/indira/recharges", "Recharge Status", ("msisdn",)
    ),
    Operation(
        "indira.voucher",
        "indira",
        "GET",
        "/indira/vouchers/{serial}",
        "Voucher Details",
        ("serial",),
    ),
    Operation(
        "indira.balance_usage",
        "indira",
        "GET",
        "/indira/balance-usage",
        "Penggunaan Pulsa",
        ("msisdn",),
    ),
    # UPoint OTT dashboard
    Operation("upoint.login", "upoint", "POST", "/upoint/login", "Login", ("username",)),
    Operation(
        "upoint.subscriptions",
        "upoint",
        "GET",
        "/upoint/softbundling/subscriptions",
        "Addon Softbundling > Subscriptions",
        ("indihome",),
    ),
    Operation(
        "upoint.subscriptions_export",
        "upoint",
        "GET",
        "/upoint/softbundling/subscriptions.csv",
        "Subscriptions > Export Search Result",
        ("indihome",),
    ),
    Operation(
        "upoint.transactions",
        "upoint",
        "GET",
        "/upoint/softbundling/transactions",
        "Addon Softbundling > Transactions Data",
        ("indihome",),
    ),
    Operation(
        "upoint.transactions_export",
        "upoint",
        "GET",
        "/upoint/softbundling/transactions.csv",
        "Transactions Data > Export Search Result",
        ("indihome",),
    ),
    # Support systems
    Operation("tickets.kip_catalog", "tickets", "GET", "/support/kip", "Kategori KIP"),
    Operation("tickets.create", "tickets", "POST", "/support/tickets", "Buat tiket", ("number",)),
    Operation(
        "tickets.read",
        "tickets",
        "GET",
        "/support/tickets/{ticket_id}",
        "Lihat tiket",
        ("ticket_id",),
    ),
    Operation(
        "outages.by_area", "outages", "GET", "/support/outages", "Informasi gangguan", ("area",)
    ),
    Operation("am.lookup", "am", "GET", "/support/am", "Cari AM", ("company", "sid")),
    Operation(
        "interactions.history",
        "interactions",
        "GET",
        "/support/interactions",
        "History interaksi & tiket",
        ("number",),
    ),
)

BY_NAME: dict[str, Operation] = {op.name: op for op in OPERATIONS}


def operation(name: str) -> Operation:
    """The operation called `name` (KeyError names the unknown operation)."""
    return BY_NAME[name]
