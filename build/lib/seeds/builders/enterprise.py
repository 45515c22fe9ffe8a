"""Enterprise rows (SOP 000): account managers, accounts, services (SIDs), AOs, TOS invoices."""

from calendar import monthrange
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import WORLD_NOW
from seeds import ids, vocab
from seeds.builders.rows import Row, address, finish
from seeds.pools import Pools
from seeds.rand import below, between, days_ago, pick, weighted, wib_moment

PRODUCT_MIX = weighted(
    ("ASTINET", 25), ("VPN IP", 30), ("METRO", 10), ("Device Services", 12),
    ("IMES Radio", 6), ("IMES VSAT", 5), ("IMES Seat Management", 12),
)
STATUS_MIX = weighted(("Active", 85), ("Inactive", 6), ("Suspended", 5), ("In Progress", 4))
SUSPEND_REASONS = ("Isolir - tunggakan tagihan", "Suspend - permintaan pelanggan")
# Monthly price = factor * Mbps ** exponent (fitted to the SOP's sample invoice).
PRICE_CURVES = {
    "ASTINET": (1_560_000, 0.70), "VPN IP": (2_330_000, 0.40), "METRO": (470_000, 0.69),
    "IMES Radio": (1_900_000, 0.55), "IMES VSAT": (4_500_000, 0.60),
}
FLAT_PRICES = {
    "Device Services": (1_500_000, 8_000_000), "IMES Seat Management": (350_000, 2_500_000),
}


def build_account_manager(rng: Random, pools: Pools, **overrides: Any) -> Row:
    """An AM with the EOS contact that stands in for them."""
    person, eos = pick(rng, pools.people), pick(rng, pools.people)
    row = {
        "nik": ids.employee_nik(rng), "name": person.name, "phone": ids.msisdn(rng),
        "email": f"{person.email_stem}@telkom.co.id", "segment": pick(rng, pools.am_segments),
        "witel": pick(rng, pools.witels), "eos_name": eos.name, "eos_phone": ids.msisdn(rng),
        "episode_id": None,
    }
    return finish("account_manager", row, overrides)


def build_account(rng: Random, pools: Pools, *, am_id: int, **overrides: Any) -> Row:
    """A billing account of a `PT ...` company, handled by AM `am_id`."""
    city, pic = pick(rng, pools.cities), pick(rng, pools.people)
    row = {
        "account_number": ids.account_number(rng), "company": pick(rng, pools.companies),
        "npwp": ids.npwp(rng), "cidnas": ids.cidnas(rng),
        "address": address(rng, pools.streets, city.name), "city": city.name, "am_id": am_id,
        "pic_name": pic.name, "pic_phone": ids.msisdn(rng), "episode_id": None,
    }
    return finish("enterprise_account", row, overrides)


def monthly_charge(rng: Random, product: str, mbps: int | None) -> int:
    """A plausible monthly recurring charge in Rupiah for a product and bandwidth."""
    if mbps is None:
        low, high = FLAT_PRICES.get(product, (1_000_000, 5_000_000))
        base = rng.uniform(low, high)
    else:
        factor, exponent = PRICE_CURVES.get(product, (2_000_000, 0.5))
        base = factor * mbps**exponent * rng.uniform(0.9, 1.15)
    return int(base) if rng.random() < 0.4 else int(round(base, -3))


def _status_reason(rng: Random, status: str) -> str | None:
    if status == "In Progress":
        return pick(rng, vocab.IN_PROGRESS_REASONS)
    if status == "Suspended":
        return pick(rng, SUSPEND_REASONS)
    return "Disconnect - berhenti berlangganan" if status == "Inactive" else None


def build_service(
    rng: Random, pools: Pools, *, account_number: str, product: str | None = None,
    ncx_status: str | None = None, status_reason: str | None = None, **overrides: Any,
) -> Row:
    """A service (SID) of `account_number`; IMES and device products get a device and SN."""
    product = product or pick(rng, PRODUCT_MIX)
    status = ncx_status or pick(rng, STATUS_MIX)
    reason = status_reason if status_reason is not None else _status_reason(rng, status)
    mbps = pick(rng, vocab.BANDWIDTHS[product]) if product in vocab.BANDWIDTHS else None
    device, serial = None, None
    if product in vocab.DEVICES:
        device, vendor = pick(rng, vocab.DEVICES[product])
        serial = ids.device_serial(rng, vendor)
    fresh = reason == "pending BASO"
    row = {
        "sid": ids.sid(rng), "account_number": account_number, "product": product,
        "serial_number": serial, "device": device, "bandwidth_mbps": mbps,
        "install_address": address(rng, pools.streets, pick(rng, pools.cities).name),
        "ncx_status": status, "status_reason": reason,
        "monthly_charge": monthly_charge(rng, product, mbps),
        "start_date": days_ago(rng, 40, 3) if fresh else days_ago(rng, 8 * 365, 200),
        "episode_id": None,
    }
    return finish("enterprise_service", row, overrides)


def _order_time(rng: Random, day: date) -> datetime:
    return min(wib_moment(day, between(rng, 8, 16), below(rng, 60), below(rng, 60)), WORLD_NOW)


def _order_story(rng: Random, service: Row) -> list[tuple[str, str, date]]:
    """(order type, status, day) of every AO the service went through."""
    start: date = service["start_date"]
    status, reason = service["ncx_status"], service["status_reason"]
    story = [("New Install", "Pending BASO" if reason == "pending BASO" else "Complete",
              start - timedelta(days=between(rng, 3, 20)))]
    recent = days_ago(rng, 150, 10)
    if status == "Active" and rng.random() < 0.15:
        story.append(("Modify", pick(rng, ("Complete",) * 6 + ("Cancelled",)), recent))
    if status == "Suspended":
        story.append(("Suspend", "Complete", recent))
    elif status == "Inactive":
        story.append(("Disconnect", "Complete", recent))
    elif reason == "delete order":
        story.append(("Disconnect", "In Progress", days_ago(rng, 20, 1)))
    return story


def build_sales_orders(
    rng: Random, pools: Pools, *, service: Row, account: Row, **overrides: Any
) -> list[Row]:
    """The AOs of a service, oldest first; CABASA billing account = the account number."""
    service_account = ids.service_account(rng)
    rows = []
    for order_type, status, day in _order_story(rng, service):
        row = {
            "ao": ids.ao(rng), "order_type": order_type, "sid": service["sid"],
            "customer_account": account["cidnas"], "billing_account": account["account_number"],
            "service_account": service_account, "status": status,
            "created_at": _order_time(rng, day), "episode_id": None,
        }
        rows.append(finish("sales_order", row, overrides))
    return rows


def disconnected_on(orders: Sequence[Row]) -> date | None:
    """The day a completed Disconnect AO ended the service, if any."""
    done = [o["created_at"].date() for o in orders if o["order_type"] == "Disconnect"
            and o["status"] == "Complete"]
    return min(done) if done else None


def line_amount(service: Row, period: str) -> int:
    """The service's charge for `period`: prorated in the month it started."""
    year, month = int(period[:4]), int(period[4:])
    days = monthrange(year, month)[1]
    start: date = service["start_date"]
    if (start.year, start.month) == (year, month):
        return service["monthly_charge"] * (days - start.day + 1) // days
    return int(service["monthly_charge"])


def build_invoice(
    rng: Random, pools: Pools, *, account_number: str, period: str,
    services: Sequence[Row], **overrides: Any,
) -> tuple[Row, list[Row]]:
    """A TOS invoice for `period` and its lines (one per SID, in product-group order).

    Lines carry `invoice_id = overrides["id"]` when given; otherwise set it after inserting.
    """
    order = list(vocab.PRODUCT_GROUPS)
    ranked = sorted(services, key=lambda s: order.index(s["product"]))
    lines = [
        {
            "invoice_id": overrides.get("id"), "product_group": vocab.PRODUCT_GROUPS[s["product"]],
            "description": s["install_address"].upper()[:48], "sid": s["sid"],
            "bandwidth_mbps": s["bandwidth_mbps"], "period": period,
            "amount": line_amount(s, period), "episode_id": overrides.get("episode_id"),
        }
        for s in ranked
    ]
    year, month = int(period[:4]), int(period[4:])
    invoice = {
        "invoice_number": ids.invoice_number(rng), "account_number": account_number,
        "period": period, "due_date": date(year, month, 20),
        "total": sum(line["amount"] for line in lines), "episode_id": None,
    }
    return finish("invoice", invoice, overrides), lines

