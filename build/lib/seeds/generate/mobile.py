"""The mobile part of the world: subscribers with HLR, FA payments or recharges, usage, tickets."""

from datetime import timedelta
from random import Random
from typing import Any

from seeds import ids, vocab
from seeds.builders.mobile import build_fa_payment, build_hlr, build_subscriber
from seeds.builders.recharge import build_call_details, build_recharge, build_voucher
from seeds.builders.rows import Row
from seeds.builders.support import build_interaction, build_ticket
from seeds.generate.context import Context
from seeds.rand import (
    ago,
    between,
    coverage_slots,
    cycle,
    last_periods,
    latest_period,
    period_start,
    pick,
    rupiah_amount,
)

PAID_BUT_BLOCKED = (vocab.OOC_TRIAL, vocab.COLLECTION_BLOCK, vocab.VOLUNTARY_BLOCK)
# (indira status, shown in DSC, balance added): every Indira/DSC combination SOP 002 checks.
OUTCOMES = (
    ("Sukses", True, True), ("Sukses", True, False), ("Sukses", False, False),
    ("Gagal", False, False), ("Gagal", True, False), ("Pending", False, False),
)
ALL_HUM = dict.fromkeys(vocab.HLR_SERVICES, "HUM")


def _plans() -> list[dict[str, Any]]:
    """Subscribers that force every status, block reason, ledger state and recharge outcome."""
    plans: list[dict[str, Any]] = [
        {"brand": vocab.POSTPAID_BRAND, "dsc_status": status} for status in vocab.POSTPAID_STATUSES
    ]
    plans += [
        {"brand": vocab.POSTPAID_BRAND, "dsc_status": vocab.OOC_TRIAL, "blocks": ALL_HUM},
        {"brand": vocab.POSTPAID_BRAND, "dsc_status": vocab.ACTIVE, "blocks": {"DATA": "Fraud"}},
    ]
    plans += [
        {"brand": vocab.POSTPAID_BRAND, "dsc_status": cycle(PAID_BUT_BLOCKED, i),
         "ledger": (i % 2 == 0, i // 2 % 2 == 0), "ticket": i < 2}
        for i in range(6)
    ]
    plans += [
        {"brand": cycle(vocab.PREPAID_BRANDS, i), "dsc_status": cycle(vocab.PREPAID_STATUSES, i)}
        for i in range(len(vocab.PREPAID_BRANDS) * len(vocab.PREPAID_STATUSES))
    ]
    plans += [
        {"brand": cycle(vocab.PREPAID_BRANDS, i), "dsc_status": vocab.ACTIVE,
         "recharge": (channel.name, *cycle(OUTCOMES, i)), "ticket": True}
        for i, channel in enumerate(vocab.RECHARGE_CHANNELS)
    ]
    return plans


def _fa_history(ctx: Context, rng: Random, sub: Row, plan: dict[str, Any]) -> list[Row]:
    """Monthly bill payments; a paid-but-blocked number paid lately, maybe not yet posted."""
    status, rows = sub["dsc_status"], []
    months = last_periods(latest_period(), 6)
    if status == vocab.TERMINATED:
        months = months[:2]
    elif status == vocab.COLLECTION_BLOCK:
        months = months[:-2]
    for period in months:
        offset = timedelta(days=between(rng, 5, 25), seconds=between(rng, 8 * 3600, 20 * 3600))
        moment = period_start(period) + offset
        rows.append(build_fa_payment(rng, ctx.pools, msisdn=sub["msisdn"], paid_at=moment))
    if status in PAID_BUT_BLOCKED:
        posted, notified = plan.get("ledger") or (rng.random() < 0.55, rng.random() < 0.7)
        rows.append(build_fa_payment(rng, ctx.pools, msisdn=sub["msisdn"], paid_at=ago(rng, 3),
                                     posted_to_ledger=posted, notification_sent=notified))
    return rows


def _recharges(ctx: Context, rng: Random, sub: Row, plan: dict[str, Any]) -> list[Row]:
    status, msisdn = sub["dsc_status"], sub["msisdn"]
    if status == vocab.TERMINATED:
        return []
    if status == vocab.AGING:
        oldest = sub["aging_days"] + 30
        return [build_recharge(rng, ctx.pools, msisdn=msisdn,
                               recharged_at=ago(rng, oldest, sub["aging_days"] + 1))
                for _ in range(between(rng, 0, 2))]
    rows = [build_recharge(rng, ctx.pools, msisdn=msisdn) for _ in range(between(rng, 1, 7))]
    if "recharge" in plan:
        channel, indira, shown, added = plan["recharge"]
        rows.append(build_recharge(rng, ctx.pools, msisdn=msisdn, channel=channel,
                                   indira_status=indira, shown_in_dsc=shown, balance_added=added,
                                   recharged_at=ago(rng, 4)))
    for row in rows:
        _unique_ids(ctx, rng, row)
    return rows


def _unique_ids(ctx: Context, rng: Random, row: Row) -> None:
    if row["serial"]:
        ctx.unique.fix(row, "serial", "serial", lambda: ids.voucher_serial(rng))
    else:
        moment = row["recharged_at"]
        ctx.unique.fix(row, "transaction_id", "trx", lambda: ids.mytelkomsel_trx_id(rng, moment))


def _ticket_fields(sub: Row) -> dict[str, str]:
    return {
        "class": sub["customer_class"], "msisdn": sub["msisdn"], "customer_name": sub["name"],
        "card_type": sub["brand"], "location": sub["location"], "alt_contact": sub["alt_contact"],
    }


def _tickets(rng: Random, sub: Row, payments: list[Row], recharges: list[Row],
             forced: bool) -> list[str]:
    """KIPs of past tickets this subscriber plausibly filed (`forced`: surely filed)."""
    kips = []
    if sub["dsc_status"] in PAID_BUT_BLOCKED and payments and (forced or rng.random() < 0.3):
        posted = payments[-1]["posted_to_ledger"]
        kips.append(vocab.KIP_K44_LEDGER if posted else vocab.KIP_K44_NOT_LEDGER)
    lost = [r for r in recharges if r["indira_status"] == "Sukses" and not r["balance_added"]]
    if lost and (forced or rng.random() < 0.35):
        kips.append(vocab.KIP_K22)
    return kips


def _contacts(ctx: Context, rng: Random, sub: Row, payments: list[Row],
              recharges: list[Row], forced: bool) -> None:
    topic = "payment" if sub["brand"] == vocab.POSTPAID_BRAND else "recharge"
    if rng.random() < 0.25:
        for _ in range(between(rng, 1, 3)):
            ctx.sink.add("interaction", build_interaction(
                rng, ctx.pools, number=sub["msisdn"], topic=pick(rng, (topic, "general"))))
    for kip in _tickets(rng, sub, payments, recharges, forced):
        ticket = build_ticket(rng, ctx.pools, number=sub["msisdn"], kip=kip,
                              customer_class=sub["customer_class"], fields=_ticket_fields(sub))
        ctx.unique.fix(ticket, "ticket_id", "ticket", lambda: ids.ticket_id(rng))
        ctx.sink.add("ticket", ticket)


def _subscriber(ctx: Context, rng: Random, plan: dict[str, Any]) -> None:
    sub = build_subscriber(rng, ctx.pools, brand=plan.get("brand"),
                           dsc_status=plan.get("dsc_status"))
    msisdn = ctx.unique.fix(sub, "msisdn", "msisdn", lambda: ids.msisdn(rng))
    ctx.msisdns.append(msisdn)
    prepaid = sub["brand"] != vocab.POSTPAID_BRAND
    payments = [] if prepaid else _fa_history(ctx, rng, sub, plan)
    recharges = _recharges(ctx, rng, sub, plan) if prepaid else []
    live = sub["dsc_status"] not in (vocab.AGING, vocab.TERMINATED)
    usage, balance = build_call_details(
        rng, ctx.pools, msisdn=msisdn, prepaid=prepaid, recharges=recharges,
        start_balance=rupiah_amount(rng, 0, 59_900, 100), count=between(rng, 3, 12) if live else 0,
        contacts=(sub["alt_contact"], ids.msisdn(rng), ids.msisdn(rng)))
    if prepaid:
        sub["balance"] = balance
    ctx.sink.add("subscriber", sub)
    ctx.sink.extend("hlr_service", build_hlr(rng, ctx.pools, msisdn=msisdn,
                                             dsc_status=sub["dsc_status"],
                                             blocks=plan.get("blocks")))
    ctx.sink.extend("fa_payment", payments)
    ctx.sink.extend("recharge", recharges)
    ctx.sink.extend("voucher", [build_voucher(rng, ctx.pools, recharge=row)
                                for row in recharges if row["serial"]])
    ctx.sink.extend("call_detail", usage)
    _contacts(ctx, rng, sub, payments, recharges, bool(plan.get("ticket")))


def generate_mobile(ctx: Context) -> None:
    """Every subscriber and the rows hanging off it; fills `ctx.msisdns`."""
    rng = ctx.rng("mobile")
    plans = coverage_slots(rng, ctx.scale.subscribers, _plans())
    for index in range(ctx.scale.subscribers):
        _subscriber(ctx, rng, plans.get(index, {}))
