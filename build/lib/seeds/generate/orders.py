"""The GraPARI Online part of the world: orders in every status, and tickets about some."""

from random import Random
from typing import Any

from seeds import ids, vocab
from seeds.builders.orders import build_gol_order
from seeds.builders.rows import Row
from seeds.builders.support import build_interaction, build_ticket
from seeds.generate.context import Context
from seeds.rand import coverage_slots, cycle, pick

COURIER_PLANS = tuple((d, c) for d, couriers in vocab.COURIERS.items() for c in couriers)
TICKET_KIPS = {
    "Activation Incident": vocab.KIP_K84_ACTIVATION,
    "Delivery Incident": vocab.KIP_K84_DELIVERY,
}


def _plans() -> list[dict[str, Any]]:
    """Every status, order type, courier, payment method and state; some after 20:00 WIB."""
    count = len(vocab.GOL_STATUSES)
    plans = []
    for i in range(count):
        status = vocab.GOL_STATUSES[i]
        delivery, courier = cycle(COURIER_PLANS, i)
        plans.append({
            "status": status,
            "order_type": "Ganti Kartu" if status == "Pending Verification"
            else cycle(vocab.GOL_ORDER_TYPES, i),
            "delivery_type": delivery, "courier": courier, "late": i % 3 == 0,
            "payment_method": cycle(vocab.GOL_PAYMENT_METHODS, i),
        })
    plans.append({"status": "Pending Payment", "payment_status": "Failed", "ticket": True})
    plans.append({"status": "Delivery Incident", "ticket": True})
    return plans


def _kip(rng: Random, order: Row, forced: bool) -> str | None:
    if order["status"] in TICKET_KIPS and (forced or rng.random() < 0.4):
        return TICKET_KIPS[order["status"]]
    if order["payment_status"] == "Failed" and (forced or rng.random() < 0.5):
        return vocab.KIP_K92_PAYMENT
    if order["order_type"] == "Halo PSB" and order["status"] == "Activation In Progress":
        return vocab.KIP_K11_PSB_FAILED if rng.random() < 0.2 else None
    return None


def _msisdn(ctx: Context, rng: Random, order: Row) -> None:
    """A card swap is for a number in the world; new lines get a number nobody has."""
    if order["order_type"] == "Ganti Kartu" and ctx.msisdns:
        order["msisdn"] = pick(rng, ctx.msisdns)
    else:
        ctx.unique.fix(order, "msisdn", "msisdn", lambda: ids.msisdn(rng))


def _order(ctx: Context, rng: Random, plan: dict[str, Any]) -> None:
    forced = bool(plan.pop("ticket", False))
    order = build_gol_order(rng, ctx.pools, **plan)
    _msisdn(ctx, rng, order)
    moment = order["ordered_at"]
    ctx.unique.fix(order, "order_id", "order", lambda: ids.gol_order_id(rng, moment))
    ctx.sink.add("gol_order", order)
    if rng.random() < 0.2:
        ctx.sink.add("interaction", build_interaction(
            rng, ctx.pools, number=order["order_id"], topic="gol"))
    kip = _kip(rng, order, forced)
    if kip:
        ticket = build_ticket(rng, ctx.pools, number=order["order_id"], kip=kip, fields={
            "msisdn": order["msisdn"], "order_id": order["order_id"],
            "complained_package": order["package"], "resi": order["resi"] or "-"})
        ctx.unique.fix(ticket, "ticket_id", "ticket", lambda: ids.ticket_id(rng))
        ctx.sink.add("ticket", ticket)


def generate_orders(ctx: Context) -> None:
    """GOL orders over the last 30 days; tickets for incidents and failed payments."""
    rng = ctx.rng("orders")
    plans = coverage_slots(rng, ctx.scale.gol_orders, _plans())
    for index in range(ctx.scale.gol_orders):
        _order(ctx, rng, dict(plans.get(index, {})))
