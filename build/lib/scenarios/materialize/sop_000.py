"""SOP 000 (enterprise customer cannot pay an IMES bill): AM, account, SIDs, AOs, invoices, bills.

One company of its own (no background company name contains it, so a search by company finds
only this customer), its AM, one billing account holding the customer's IMES service and, when
the account has several SIDs, a few non-IMES services; the service's AOs (CABASA billing
account = the account number); three periods of TOS invoices and E-Payment bills unless no bill
is shown at all.
"""

from datetime import timedelta
from random import Random
from typing import Any

from sqlalchemy import func, select

from gladi import formats as f
from scenarios.materialize.base import TABLES, Build, Built, Names
from seeds import ids
from seeds.builders import (
    build_account,
    build_account_bill,
    build_account_manager,
    build_invoice,
    build_sales_orders,
    build_service,
)
from seeds.providers import TelecomProvider
from seeds.rand import between, last_periods, pick

NAMES = Names(
    customer=frozenset(
        {
            "sid",
            "ao",
            "company",
            "product",
            "device",
            "serial_number",
            "address",
            "pic_name",
            "pic_phone",
        }
    ),
    world=frozenset(
        {
            "account_number",
            "period",
            "period_label",
            "ncx_status",
            "status_reason",
            "sid_amount",
            "invoice_total",
            "sid_count",
            "latest_status",
            "am_name",
            "am_phone",
            "eos_name",
            "eos_phone",
            "product_device",
            "pic_text",
        }
    ),
    say=frozenset({"sid_amount_text", "invoice_total_text"}),
)
OTHER_PRODUCTS = ("ASTINET", "VPN IP", "METRO", "Device Services")
HISTORY = 3
"""Bill periods an account with bills has: the latest (the one TOS offers) and two before."""
ENDING_ORDERS = ("Suspend", "Disconnect")


def latest_period(b: Build) -> str:
    """The only bill period TOS offers at the episode's now."""
    return f.previous_period(f.period_of(b.sim_now))


def _company(b: Build) -> str:
    """A company name no background account's name contains (a company search finds only it)."""
    acc = TABLES["enterprise_account"]

    def make(rng: Random) -> str:
        words = [pick(rng, TelecomProvider.company_sectors)]
        words += [
            p.name.split()[-1] for p in (pick(rng, b.pools.people), pick(rng, b.pools.people))
        ]
        words.append(pick(rng, TelecomProvider.company_suffixes))
        return "PT " + " ".join(w for w in words if w)

    def taken(name: str) -> bool:
        query = select(acc.c.id).where(
            func.lower(acc.c.company).contains(name.lower(), autoescape=True),
            acc.c.episode_id.is_(None),
        )
        return b.conn.execute(query.limit(1)).first() is not None

    return b.claims.unique(make(b.rng), make, taken)


def _account(b: Build, built: Built) -> tuple[dict[str, Any], dict[str, Any]]:
    am = build_account_manager(
        b.rng, b.pools, id=built.new_id("account_manager"), episode_id=b.episode_id
    )
    number = b.claims.unique(
        ids.account_number(b.rng),
        ids.account_number,
        b.claims.taken_in("enterprise_account", "account_number"),
    )
    account = build_account(
        b.rng,
        b.pools,
        am_id=am["id"],
        account_number=number,
        company=_company(b),
        episode_id=b.episode_id,
    )
    return am, account


def _sid(b: Build) -> str:
    return b.claims.unique(ids.sid(b.rng), ids.sid, b.claims.taken_in("enterprise_service", "sid"))


def _service(b: Build, account: dict[str, Any]) -> dict[str, Any]:
    """The customer's IMES service, installed at the company's address."""
    status = b.facts["ncx_status"]
    reason = b.facts["in_progress_reason"] if status == "In Progress" else None
    service = build_service(
        b.rng,
        b.pools,
        account_number=account["account_number"],
        product=b.facts["product"],
        ncx_status=status,
        status_reason=reason,
        sid=_sid(b),
        install_address=account["address"],
        episode_id=b.episode_id,
    )
    serial = service["serial_number"]
    vendor = serial[:3]
    service["serial_number"] = b.claims.unique(
        serial,
        lambda rng: ids.device_serial(rng, vendor),
        b.claims.taken_in("enterprise_service", "serial_number"),
    )
    return service


def _others(b: Build, account: dict[str, Any]) -> list[dict[str, Any]]:
    """The account's other SIDs (non-IMES, active) when it holds several."""
    if not b.facts["multi_sid"]:
        return []
    return [
        build_service(
            b.rng,
            b.pools,
            account_number=account["account_number"],
            product=pick(b.rng, OTHER_PRODUCTS),
            ncx_status="Active",
            sid=_sid(b),
            episode_id=b.episode_id,
        )
        for _ in range(between(b.rng, 2, 6))
    ]


def _orders(b: Build, service: dict[str, Any], account: dict[str, Any]) -> list[dict[str, Any]]:
    """The service's AOs; a Suspend/Disconnect falls in the current month (latest period billed)."""
    orders = build_sales_orders(
        b.rng, b.pools, service=service, account=account, episode_id=b.episode_id
    )
    wib_now = f.to_wib(b.sim_now)
    month_start = wib_now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for order in orders:
        order["ao"] = b.claims.unique(order["ao"], ids.ao, b.claims.taken_in("sales_order", "ao"))
        if order["order_type"] in ENDING_ORDERS:
            span = max(int((wib_now - month_start).total_seconds()) - 3600, 60)
            order["created_at"] = b.sim_now - timedelta(seconds=between(b.rng, 60, span))
    return orders


def _billed(service: dict[str, Any], period: str) -> bool:
    """A service is billed in a period once started, unless its install still awaits BASO."""
    year, month = int(period[:4]), int(period[4:])
    started = (service["start_date"].year, service["start_date"].month) <= (year, month)
    return started and service["status_reason"] != "pending BASO"


def _bills(b: Build, built: Built, account: dict[str, Any], services: list[dict[str, Any]]) -> None:
    """Invoices and E-Payment bills of the last periods (none at all when no bill is shown)."""
    if not b.facts["invoice_shown"]:
        return
    latest = latest_period(b)
    if not _billed(services[0], latest):
        raise ValueError(
            "a pending BASO install is never billed: the case needs invoice_shown false"
        )
    for period in last_periods(latest, HISTORY):
        billable = [s for s in services if _billed(s, period)]
        if not billable:
            continue
        invoice, lines = build_invoice(
            b.rng,
            b.pools,
            account_number=account["account_number"],
            period=period,
            services=billable,
            id=built.new_id("invoice"),
            episode_id=b.episode_id,
        )
        invoice["invoice_number"] = b.claims.unique(
            invoice["invoice_number"],
            ids.invoice_number,
            b.claims.taken_in("invoice", "invoice_number"),
        )
        paid = b.rng.random() < 0.3 if period == latest else True
        bill, bill_lines = build_account_bill(
            b.rng,
            b.pools,
            invoice=invoice,
            lines=lines,
            paid=paid,
            id=built.new_id("payment_bill"),
            episode_id=b.episode_id,
        )
        built.add("invoice", invoice)
        built.add("invoice_line", *lines)
        built.add("payment_bill", bill)
        built.add("payment_bill_line", *bill_lines)


def materialize(b: Build) -> Built:
    """Rows for the case's facts, and the values expressions and the persona read."""
    built = Built()
    am, account = _account(b, built)
    service = _service(b, account)
    services = [service, *_others(b, account)]
    orders = _orders(b, service, account)
    built.add("account_manager", am)
    built.add("enterprise_account", account)
    built.add("enterprise_service", *services)
    built.add("sales_order", *orders)
    _bills(b, built, account, services)
    built.customer.update(
        sid=service["sid"],
        ao=orders[0]["ao"],
        company=account["company"],
        product=service["product"],
        device=service["device"],
        serial_number=service["serial_number"],
        address=account["address"],
        pic_name=account["pic_name"],
        pic_phone=account["pic_phone"],
    )
    _world_values(b, built, am, account, service)
    return built


def _latest(built: Built, period: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The latest period's invoice and E-Payment bill, if any."""
    invoice = next((r for r in built.rows.get("invoice", []) if r["period"] == period), None)
    bill = next((r for r in built.rows.get("payment_bill", []) if r["period"] == period), None)
    return invoice, bill


def _world_values(
    b: Build,
    built: Built,
    am: dict[str, Any],
    account: dict[str, Any],
    service: dict[str, Any],
) -> None:
    period = latest_period(b)
    invoice, bill = _latest(built, period)
    lines = [
        r
        for r in built.rows.get("invoice_line", [])
        if invoice and r["invoice_id"] == invoice["id"]
    ]
    amount = sum(r["amount"] for r in lines if r["sid"] == service["sid"])
    built.world.update(
        account_number=account["account_number"],
        period=period,
        period_label=f.period_label(period),
        ncx_status=service["ncx_status"],
        status_reason=service["status_reason"] or "-",
        sid_amount=amount,
        invoice_total=invoice["total"] if invoice else 0,
        sid_count=len(built.rows["enterprise_service"]),
        latest_status=bill["status"] if bill else "-",
        am_name=am["name"],
        am_phone=am["phone"],
        eos_name=am["eos_name"],
        eos_phone=am["eos_phone"],
        product_device=f"{service['product']} - {service['device']}",
        pic_text=f"{account['pic_name']} ({account['pic_phone']})",
    )
    built.say.update(
        sid_amount_text=f.rupiah(amount),
        invoice_total_text=f.rupiah(invoice["total"] if invoice else 0),
    )


def observe(b: Build, built: Built) -> dict[str, Any]:
    """The lookup-established facts, read back from the rows (what the tools will show)."""
    service = built.rows["enterprise_service"][0]
    status = service["ncx_status"]
    invoice, _ = _latest(built, latest_period(b))
    account = service["account_number"]
    sids = [r for r in built.rows["enterprise_service"] if r["account_number"] == account]
    am_found = bool(built.rows["account_manager"])
    return {
        "am_found_on_request": am_found,
        "am_found_upfront": am_found,
        "product": service["product"],
        "ncx_status": status,
        "in_progress_reason": service["status_reason"]
        if status == "In Progress"
        else b.facts["in_progress_reason"],
        "invoice_shown": invoice is not None,
        "multi_sid": len(sids) > 1,
    }
