"""The IndiHome part of the world: customers, OTT subscriptions and charges, I-Payment bills."""

from collections.abc import Callable
from random import Random
from typing import Any

from seeds import ids, vocab
from seeds.builders.indihome import build_indihome_customer, build_ott_subscription
from seeds.builders.payments import build_indihome_bill, internet_content
from seeds.builders.rows import Row
from seeds.builders.support import build_interaction, build_ticket
from seeds.generate.context import Context
from seeds.rand import coverage_slots, cycle, last_periods, latest_period, pick, weighted

OTT_COUNT_MIX = weighted((0, 60), (1, 28), (2, 8), (3, 4))


def _plans() -> list[dict[str, Any]]:
    """No OTT, one, several; every OTT service and both statuses; an unpaid latest bill."""
    plans: list[dict[str, Any]] = [{"ott": ()}, {"ott": (), "unpaid": True}]
    plans += [
        {"ott": ((offer.service, cycle(vocab.OTT_STATUSES, i)),)}
        for i, offer in enumerate(vocab.OTT_OFFERS)
    ]
    plans.append({"ott": ((vocab.OTT_OFFERS[0].service, "Active"),
                          (vocab.OTT_OFFERS[1].service, "Inactive"),
                          (vocab.OTT_OFFERS[2].service, "Active")), "unpaid": True,
                  "ticket": True})
    return plans


def _subscriptions(ctx: Context, rng: Random, customer: Row, plan: dict[str, Any]) -> list[Row]:
    """Add the customer's OTT subscriptions; return all their transactions."""
    wanted = plan.get("ott")
    if wanted is None:
        wanted = [(None, None)] * pick(rng, OTT_COUNT_MIX)
    transactions: list[Row] = []
    for service, status in wanted:
        sub, charges = build_ott_subscription(rng, ctx.pools, customer=customer,
                                              service=service, status=status)
        ctx.sink.add("ott_subscription", sub)
        transactions += charges
    return transactions


def _bills(ctx: Context, rng: Random, customer: Row, transactions: list[Row],
           plan: dict[str, Any]) -> None:
    content = internet_content(transactions)
    latest = latest_period()
    for period in last_periods(latest, ctx.scale.periods):
        unpaid = plan.get("unpaid") and period == latest
        paid = not unpaid and rng.random() < (0.8 if period == latest else 0.97)
        bill, lines = build_indihome_bill(rng, ctx.pools, customer=customer, period=period,
                                          content=content.get(period, 0), paid=paid,
                                          id=ctx.sink.reserve("payment_bill"))
        ctx.sink.add("payment_bill", bill)
        ctx.sink.extend("payment_bill_line", lines)


def _contacts(ctx: Context, rng: Random, customer: Row, transactions: list[Row],
              forced: bool) -> None:
    number = customer["indihome_number"]
    if rng.random() < 0.1:
        ctx.sink.add("interaction", build_interaction(
            rng, ctx.pools, number=number, topic="ott" if transactions else "general"))
    if transactions and (forced or rng.random() < 0.04):
        ticket = build_ticket(rng, ctx.pools, number=number, kip=vocab.KIP_OTT,
                              fields={"Nomor IndiHome": number, "Nama": customer["name"]})
        ctx.unique.fix(ticket, "ticket_id", "ticket", lambda: ids.ticket_id(rng))
        ctx.sink.add("ticket", ticket)


def _pots_maker(rng: Random, area_code: str) -> Callable[[], str]:
    return lambda: ids.pots_phone(rng, area_code)


def generate_indihome(ctx: Context) -> None:
    """Each customer, their OTT subscriptions and charges, and six periods of bills."""
    rng = ctx.rng("indihome")
    plans = coverage_slots(rng, ctx.scale.indihome_customers, _plans())
    for index in range(ctx.scale.indihome_customers):
        plan = plans.get(index, {})
        city = pick(rng, ctx.pools.cities)
        customer = build_indihome_customer(rng, ctx.pools, city=city)
        ctx.unique.fix(customer, "indihome_number", "indihome", lambda: ids.indihome_number(rng))
        ctx.unique.fix(customer, "pots_phone", "pots", _pots_maker(rng, city.area_code))
        ctx.sink.add("indihome_customer", customer)
        transactions = _subscriptions(ctx, rng, customer, plan)
        ctx.sink.extend("ott_transaction", transactions)
        _bills(ctx, rng, customer, transactions, plan)
        _contacts(ctx, rng, customer, transactions, bool(plan.get("ticket")))
