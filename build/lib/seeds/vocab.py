"""The values the world uses for statuses, products, channels and complaint codes.

Each tuple lists every value the SOPs name, so builders, the coverage plans and the tests
agree on what "all statuses" means. Display strings are kept exactly as the tools write them.
"""

from typing import NamedTuple

# --- Enterprise (SOP 000) -------------------------------------------------------------------
PRODUCTS = (
    "ASTINET", "VPN IP", "METRO", "Device Services",
    "IMES Radio", "IMES VSAT", "IMES Seat Management",
)
IMES_PRODUCTS = ("IMES Radio", "IMES VSAT", "IMES Seat Management")
DEVICE_PRODUCTS = ("Device Services", "IMES Seat Management")  # no bandwidth
PRODUCT_GROUPS = {
    "ASTINET": "ASTINET - MONTHLY RECURRING CHARGES",
    "Device Services": "Device Services - Monthly Recurring Charges",
    "VPN IP": "TELKOM VPN IP - MONTHLY RECURRING CHARGES",
    "METRO": "TELKOM METRO -MONTHLY RECCURRING CHARGES",
    "IMES Radio": "IMES RADIO - MONTHLY RECURRING CHARGES",
    "IMES VSAT": "IMES VSAT - MONTHLY RECURRING CHARGES",
    "IMES Seat Management": "IMES SEAT MANAGEMENT - MONTHLY RECURRING CHARGES",
}
BANDWIDTHS = {
    "ASTINET": (10, 20, 30, 40, 50, 100, 200, 500, 1000),
    "VPN IP": (2, 4, 5, 8, 10, 15, 16, 20, 30, 50, 100),
    "METRO": (50, 100, 200, 500, 600, 1000),
    "IMES Radio": (2, 4, 8, 10, 20),
    "IMES VSAT": (1, 2, 4),
}
DEVICES = {
    "Device Services": (
        ("Cisco ISR 4331", "FGL"), ("Fortinet FortiGate 60F", "FGT"),
        ("Huawei AR1220", "HWA"), ("MikroTik CCR2004", "MKT"),
    ),
    "IMES Radio": (("Cambium ePMP 3000", "CBM"), ("Ubiquiti airFiber 5XHD", "UBQ")),
    "IMES VSAT": (("Hughes HT2010", "HUG"), ("iDirect iQ 200", "IDR")),
    "IMES Seat Management": (
        ("Lenovo ThinkPad E14 Gen 5", "PF4"), ("HP ProDesk 400 G9", "5CG"),
        ("Dell OptiPlex 7010", "DLO"), ("Epson L6270", "X8H"), ("HP LaserJet M236sdw", "VNB"),
    ),
}
NCX_STATUSES = ("Active", "Inactive", "Suspended", "In Progress")
IN_PROGRESS_REASONS = ("pending BASO", "delete order")
ORDER_TYPES = ("New Install", "Modify", "Suspend", "Resume", "Disconnect")
ORDER_STATUSES = ("Complete", "In Progress", "Pending BASO", "Cancelled")
PAYMENT_STATUSES = ("Lunas", "Belum Lunas")
ENTERPRISE_PAY_PLACES = (
    "BANK MANDIRI", "BANK BRI", "BANK BNI", "BANK BCA", "KANTOR POS", "TELKOM PLASA", "FINNET",
)
INSTALMENT = "Bukan cicilan"

# --- Mobile (SOP 001, 002) ------------------------------------------------------------------
POSTPAID_BRAND = "KartuHalo"
PREPAID_BRANDS = ("simPATI", "Kartu AS", "Loop")
BRANDS = (POSTPAID_BRAND, *PREPAID_BRANDS)
CLASSES = ("Diamond", "Platinum", "Gold", "Silver", "Blue")
ACTIVE = "Active"
OOC_TRIAL = "Active (Out Of Collection - on Trial)"
COLLECTION_BLOCK = "Active - Collection Block 1"
VOLUNTARY_BLOCK = "Active - Voluntary Block 1"
AGING = "Aging"
TERMINATED = "Terminated"
POSTPAID_STATUSES = (ACTIVE, OOC_TRIAL, COLLECTION_BLOCK, VOLUNTARY_BLOCK, TERMINATED)
PREPAID_STATUSES = (ACTIVE, AGING, VOLUNTARY_BLOCK, TERMINATED)
DSC_STATUSES = (ACTIVE, OOC_TRIAL, COLLECTION_BLOCK, VOLUNTARY_BLOCK, AGING, TERMINATED)
HLR_SERVICES = ("VOICE", "SMS", "DATA")
BLOCK_REASONS = ("HUM", "Collection", "Fraud", "Customer Request", "Aging", "Terminated")
FA_CHANNELS = (
    "Bank BCA", "Bank Mandiri", "Bank BRI", "Bank BNI", "Indomaret", "Alfamart",
    "MyTelkomsel", "GoPay", "OVO", "Kantor Pos", "Tokopedia",
)


class RechargeChannel(NamedTuple):
    """A recharge channel as Indira names it, its kind and how often it is used."""

    name: str
    kind: str
    weight: int


NON_FINTECH, FINTECH_MYTSEL, FINTECH_APP = "non_fintech", "fintech_mytelkomsel", "fintech_app"
CHANNEL_KINDS = (NON_FINTECH, FINTECH_MYTSEL, FINTECH_APP)
RECHARGE_CHANNELS = tuple(
    RechargeChannel(*row)
    for row in (
        ("Mkios", NON_FINTECH, 14), ("Alfamart", NON_FINTECH, 9), ("Indomaret", NON_FINTECH, 10),
        ("PT Pos Indonesia", NON_FINTECH, 2), ("Pegadaian", NON_FINTECH, 2),
        ("Bank BCA", NON_FINTECH, 5), ("Bank BRI", NON_FINTECH, 4),
        ("Bank Mandiri", NON_FINTECH, 4), ("Bank BNI", NON_FINTECH, 3),
        ("GoPay (MyTelkomsel)", FINTECH_MYTSEL, 9), ("OVO (MyTelkomsel)", FINTECH_MYTSEL, 6),
        ("DANA (MyTelkomsel)", FINTECH_MYTSEL, 6), ("ShopeePay (MyTelkomsel)", FINTECH_MYTSEL, 5),
        ("Kredivo (MyTelkomsel)", FINTECH_MYTSEL, 1), ("LinkAja (MyTelkomsel)", FINTECH_MYTSEL, 2),
        ("Jenius (MyTelkomsel)", FINTECH_MYTSEL, 1),
        ("Tokopedia", FINTECH_APP, 5), ("Shopee", FINTECH_APP, 5), ("Bukalapak", FINTECH_APP, 2),
        ("DANA", FINTECH_APP, 3),
    )
)
INDIRA_STATUSES = ("Sukses", "Gagal", "Pending")
NOMINALS = (5000, 10000, 15000, 20000, 25000, 50000, 100000, 150000, 200000, 300000)
SERVO_STATUSES = ("Used", "Not Used")
USAGE_KINDS = ("VOICE", "SMS", "DATA", "PAKET", "RECHARGE")
PACKAGES = (
    ("Internet OMG! 14GB 30 Hari", 65000), ("Internet OMG! 24GB 30 Hari", 100000),
    ("Combo Sakti 13GB", 60000), ("Ketengan YouTube 2GB 1 Hari", 6000),
    ("Internet Harian 1GB", 5000), ("Telepon 100 Menit Sesama", 20000),
)

# --- IndiHome and UPoint (SOP 003) -----------------------------------------------------------
INDIHOME_PRODUCTS = (
    ("IndiHome 1P Internet 30 Mbps", 280000), ("IndiHome Dual Play 50 Mbps", 375000),
    ("IndiHome Triple Play 50 Mbps", 425000), ("IndiHome Triple Play 100 Mbps", 575000),
    ("Telkom Link ADSL", 425000),
)


class OttOffer(NamedTuple):
    """An OTT item sold through UPoint: its service (`799 - Disney`), item and monthly price."""

    service: str
    item: str
    price: int


OTT_OFFERS = (
    OttOffer("799 - Disney", "Telkom.Premium.Monthly", 29000),
    OttOffer("812 - Catchplay", "Catchplay.Monthly", 35000),
    OttOffer("805 - iflix", "iflix.VIP.Monthly", 39000),
    OttOffer("827 - Mola", "Mola.Polytron.Monthly", 12500),
    OttOffer("834 - Vidio", "Vidio.Platinum.Monthly", 29000),
    OttOffer("841 - HBO GO", "HBOGO.Monthly", 59000),
)
OTT_STATUSES = ("Active", "Inactive")
OTT_CHANNELS = ("STB", "MYINDIHOME", "WEB")
BILL_LINES = ("INTERNET CONTENT", "ABONEMEN", "PPN UNSUR KENA PAJAK", "METERAI")
PPN_PERCENT = 11
INDIHOME_PAY_PLACES = (
    "MYINDIHOME", "TOKOPEDIA", "INDOMARET", "ALFAMART", "BANK BRI", "BANK MANDIRI", "KANTOR POS",
)

# --- GraPARI Online (SOP 004) ------------------------------------------------------------------
GOL_ORDER_TYPES = ("Ganti Kartu", "Perdana Prabayar", "Halo PSB")
GOL_STATUSES = (
    "Pending Verification", "Pending Payment", "Activation In Progress", "Activation Incident",
    "Pending Perso", "Delivery Init", "Delivery In Progress", "Completed", "Cancelled SLA",
    "Delivery Incident",
)
SHIPPED_STATUSES = ("Delivery Init", "Delivery In Progress", "Completed", "Delivery Incident")
DELIVERY_TYPES = ("Reguler", "Instant")
COURIERS = {"Reguler": ("JNE", "SiCepat", "AnterAja"), "Instant": ("GoSend", "GrabExpress")}
GOL_PAYMENT_METHODS = ("LinkAja", "ShopeePay", "OVO", "DANA")
GOL_PAYMENT_STATES = ("Paid", "Unpaid", "Failed")
GOL_PACKAGES = {
    "Ganti Kartu": ("Ganti Kartu 4G/5G", "Ganti Kartu eSIM", "Ganti Kartu + Bonus 5GB"),
    "Perdana Prabayar": (
        "Perdana simPATI 25GB 30 Hari", "Perdana Kartu AS 18GB 30 Hari", "Perdana Loop 12GB",
    ),
    "Halo PSB": ("Halo Kick 50", "Halo+ 150", "Halo Unlimited 100K", "Halo Keluarga 250"),
}

# --- Support ---------------------------------------------------------------------------------
# Past tickets carry the ticket desk's KIP codes (mocks/tickets/kip_catalog.yaml), as the
# tickets trainees file do; OTT billing complaints have no SOP KIP and keep a plain label.
KIP_K44_NOT_LEDGER = "k44-belum-ledger"
KIP_K44_LEDGER = "k44-sudah-ledger"
KIP_K22 = "k22-pulsa-belum-bertambah"
KIP_K84_ACTIVATION = "k84-activation-incident"
KIP_K84_DELIVERY = "k84-delivery-incident"
KIP_K92_PAYMENT = "k92-gagal-pembayaran"
KIP_K11_PSB_FAILED = "k11-aktivasi-psb-gagal"
KIP_GOL = (
    "k11-psb-web-submit", KIP_K11_PSB_FAILED, "k11-bonus-tidak-sesuai",
    "k11-order-id-tidak-diterima", KIP_K84_ACTIVATION, KIP_K84_DELIVERY, KIP_K92_PAYMENT,
)
KIP_IMES = "nn-imes-seat-management"
KIP_OTT = "Consumer - tagihan & pembayaran - tagihan IndiHome - keberatan tagihan INTERNET CONTENT"
ESCALATIONS = ("CCIS INT 856", "INT404 BESHQ", "Remedy IT", "FOS GraPARI", "Billco")
ESCALATION_BY_KIP = {
    KIP_K44_NOT_LEDGER: "Billco", KIP_K44_LEDGER: "Billco",
    KIP_K84_ACTIVATION: "INT404 BESHQ", KIP_K84_DELIVERY: "FOS GraPARI",
    KIP_K92_PAYMENT: "INT404 BESHQ", KIP_K11_PSB_FAILED: "Remedy IT",
    "k11-psb-web-submit": "Remedy IT",
}
TICKET_STATUSES = ("Open", "In Progress", "Closed")
INTERACTION_CHANNELS = (
    "Call Center 188", "GraPARI", "Live Chat Veronika", "Twitter @Telkomsel",
    "Email cs@telkomsel.com", "MyTelkomsel",
)
OUTAGE_SERVICES = ("VOICE", "SMS", "DATA", "SEMUA", "INDIHOME")
