"""The enterprise part of the world: AMs, accounts with 1..40 SIDs, AOs, invoices, E-Payment."""

from calendar import monthrange
from datetime import date
from random import Random
from typing import Any

from seeds import ids, vocab
from seeds.builders.enterprise import (
    build_account,
    build_account_manager,
    build_invoice,
    build_sales_orders,
    build_service,
    disconnected_on,
)
from seeds.builders.payments import build_account_bill
from seeds.builders.rows import Row
from seeds.builders.support import build_interaction, build_ticket
from seeds.generate.context import Context
from seeds.rand import between, coverage_slots, cycle, last_periods, latest_period, pick

STATUS_PLANS = (
    ("Active", None), ("Inactive", None), ("Suspended", None),
    ("In Progress", "pending BASO"), ("In Progress", "delete order"),
)
ACCOUNT_PLANS: tuple[dict[str, Any], ...] = (
    {"sids": 1}, {"sids": 1, "no_latest": True}, {"sids": 24}, {"sids": 12, "unpaid": True},
    {"sids": 3, "unpaid": True}, {"sids": 38},
)


def _sid_count(rng: Random) -> int:
    roll = rng.random()
    if roll < 0.66:
        return 1
    return between(rng, 2, 9) if roll < 0.95 else between(rng, 10, 40)


def _service_plans() -> list[dict[str, Any]]:
    """Every product and every NCX status (with both In Progress reasons) at least once."""
    count = max(len(vocab.PRODUCTS), len(STATUS_PLANS))
    return [
        {"product": cycle(vocab.PRODUCTS, i), "ncx_status": cycle(STATUS_PLANS, i)[0],
         "status_reason": cycle(STATUS_PLANS, i)[1],
         "nn_ticket": cycle(vocab.PRODUCTS, i) in vocab.IMES_PRODUCTS}
        for i in range(count)
    ]


def _billed(service: Row, ended: date | None, period: str) -> bool:
    year, month = int(period[:4]), int(period[4:])
    if service["status_reason"] == "pending BASO":
        return False
    if service["start_date"] > date(year, month, monthrange(year, month)[1]):
        return False
    return ended is None or ended >= date(year, month, 1)


Billed = list[tuple[Row, date | None, bool]]
"""(service, day a Disconnect AO ended it, whether it surely has an NN ticket)."""


def _services(ctx: Context, rng: Random, account: Row, count: int, plans: dict[int, Any],
              first: int) -> Billed:
    out = []
    for index in range(first, first + count):
        plan = dict(plans.get(index, {}))
        ticket = bool(plan.pop("nn_ticket", False))
        service = build_service(rng, ctx.pools, account_number=account["account_number"], **plan)
        ctx.unique.fix(service, "sid", "sid", lambda: ids.sid(rng))
        ctx.sink.add("enterprise_service", service)
        orders = build_sales_orders(rng, ctx.pools, service=service, account=account)
        for order in orders:
            ctx.unique.fix(order, "ao", "ao", lambda: ids.ao(rng))
        ctx.sink.extend("sales_order", orders)
        out.append((service, disconnected_on(orders), ticket))
    return out


def _bills(ctx: Context, rng: Random, account: Row, services: Billed,
           plan: dict[str, Any]) -> None:
    latest = latest_period()
    for period in last_periods(latest, ctx.scale.periods):
        if period == latest and plan.get("no_latest"):
            continue
        billable = [s for s, ended, _ in services if _billed(s, ended, period)]
        if not billable:
            continue
        invoice, lines = build_invoice(rng, ctx.pools, account_number=account["account_number"],
                                       period=period, services=billable,
                                       id=ctx.sink.reserve("invoice"))
        ctx.unique.fix(invoice, "invoice_number", "invoice", lambda: ids.invoice_number(rng))
        ctx.sink.add("invoice", invoice)
        ctx.sink.extend("invoice_line", lines)
        paid = not plan.get("unpaid") and rng.random() < (0.85 if period == latest else 0.98)
        bill, bill_lines = build_account_bill(rng, ctx.pools, invoice=invoice, lines=lines,
                                              paid=paid, id=ctx.sink.reserve("payment_bill"))
        ctx.sink.add("payment_bill", bill)
        ctx.sink.extend("payment_bill_line", bill_lines)


def _contacts(ctx: Context, rng: Random, account: Row, services: Billed) -> None:
    if rng.random() < 0.1:
        ctx.sink.add("interaction", build_interaction(
            rng, ctx.pools, number=account["account_number"], topic="enterprise"))
    for service, _, forced in services:
        if service["product"] in vocab.IMES_PRODUCTS and (forced or rng.random() < 0.08):
            ticket = build_ticket(
                rng, ctx.pools, number=service["serial_number"] or service["sid"],
                kip=vocab.KIP_IMES, ticket_type="NN",
                fields={"serial_number": service["serial_number"] or "-",
                        "company": account["company"], "product": service["product"],
                        "address": service["install_address"], "pic": account["pic_name"]})
            ctx.unique.fix(ticket, "ticket_id", "ticket", lambda: ids.ticket_id(rng, "NN"))
            ctx.sink.add("ticket", ticket)


def generate_enterprise(ctx: Context) -> None:
    """AMs, then each account with its services, orders, six periods of bills and contacts."""
    rng = ctx.rng("enterprise")
    scale = ctx.scale
    am_ids = [ctx.sink.add("account_manager", build_account_manager(rng, ctx.pools))
              for _ in range(scale.account_managers)]
    account_plans = coverage_slots(rng, scale.accounts, ACCOUNT_PLANS)
    sizes = [account_plans.get(i, {}).get("sids") or _sid_count(rng) for i in range(scale.accounts)]
    service_plans = coverage_slots(rng, sum(sizes), _service_plans())
    first = 0
    for index, size in enumerate(sizes):
        account = build_account(rng, ctx.pools, am_id=pick(rng, am_ids))
        ctx.unique.fix(account, "account_number", "account", lambda: ids.account_number(rng))
        ctx.sink.add("enterprise_account", account)
        services = _services(ctx, rng, account, size, service_plans, first)
        first += size
        _bills(ctx, rng, account, services, account_plans.get(index, {}))
        _contacts(ctx, rng, account, services)
