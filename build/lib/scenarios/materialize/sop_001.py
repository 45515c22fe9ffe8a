"""SOP 001 (payment succeeded, number still not active): subscriber, FA, HLR, outage, history."""

from datetime import timedelta
from typing import Any

from gladi import formats as f
from scenarios.materialize import support
from scenarios.materialize.base import Build, Built, Names
from seeds import ids, vocab
from seeds.builders import build_fa_payment, build_hlr, build_subscriber
from seeds.rand import wib_moment

NAMES = Names(
    customer=frozenset(
        {"msisdn", "name", "brand", "customer_class", "location", "alt_contact", "email", "device"}
    ),
    world=frozenset(
        {
            "dsc_status",
            "payment_date",
            "payment_time",
            "payment_channel",
            "payment_channel_key",
            "payment_amount",
            "hlr_summary",
            "hlr_terms",
            "hlr_blocked_list",
            "profile_summary",
            "affected_terms",
            "affected_label",
            "prior_ticket_id",
            "outage_title",
        }
    ),
    say=frozenset({"payment_date", "payment_clock", "payment_amount", "prior_ticket_id"}),
)
SERVICES = {
    "VOICE": ["VOICE"],
    "SMS": ["SMS"],
    "DATA": ["DATA"],
    "SEMUANYA": ["VOICE", "SMS", "DATA"],
}
TERMS = {
    "VOICE": ["VOICE|TELEPON|PANGGILAN"],
    "SMS": ["SMS"],
    "DATA": ["DATA|INTERNET"],
    "SEMUANYA": ["SEMUA"],
}
LABELS = {"VOICE": "VOICE", "SMS": "SMS", "DATA": "DATA/INTERNET", "SEMUANYA": "SEMUANYA"}
OUTAGE_SERVICE = {"VOICE": "VOICE", "SMS": "SMS", "DATA": "DATA", "SEMUANYA": "SEMUA"}
STATUS_BLOCKS = {vocab.AGING: "Aging", vocab.VOLUNTARY_BLOCK: "Customer Request"}


def _subscriber(b: Build) -> dict[str, Any]:
    taken = b.claims.taken_in("subscriber", "msisdn")
    msisdn = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    alt = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    city = support.quiet_city(b, [c.name for c in b.pools.cities])
    return build_subscriber(
        b.rng,
        b.pools,
        brand=b.facts["brand"],
        dsc_status=b.facts["dsc_status"],
        msisdn=msisdn,
        alt_contact=alt,
        location=city,
        episode_id=b.episode_id,
    )


def _payments(b: Build, msisdn: str) -> list[dict[str, Any]]:
    """Three earlier monthly payments, all posted, and the one the customer calls about."""
    rows = []
    for months in (3, 2, 1):
        paid = b.sim_now - timedelta(days=30 * months + int(b.rng.random() * 5))
        rows.append(
            build_fa_payment(
                b.rng,
                b.pools,
                msisdn=msisdn,
                paid_at=paid,
                posted_to_ledger=True,
                notification_sent=True,
                episode_id=b.episode_id,
            )
        )
    yesterday = f.to_wib(b.sim_now).date() - timedelta(days=1)
    recent = wib_moment(yesterday, 8 + int(b.rng.random() * 13), int(b.rng.random() * 60))
    rows.append(
        build_fa_payment(
            b.rng,
            b.pools,
            msisdn=msisdn,
            paid_at=recent,
            channel=b.facts["payment_channel"],
            posted_to_ledger=b.facts["payment_posted"],
            notification_sent=b.facts["notification_received"],
            episode_id=b.episode_id,
        )
    )
    return rows


def _blocks(b: Build) -> dict[str, str]:
    """HLR blocks: the case's block reason, else what the DSC status implies."""
    facts = b.facts
    services = SERVICES[facts["affected_services"]]
    if facts["hlr_block_reason"] != "none":
        return dict.fromkeys(services, facts["hlr_block_reason"])
    if facts["dsc_status"] in STATUS_BLOCKS:
        return dict.fromkeys(vocab.HLR_SERVICES, STATUS_BLOCKS[facts["dsc_status"]])
    if not facts["payment_posted"] and facts["dsc_status"] == vocab.COLLECTION_BLOCK:
        return dict.fromkeys(services, "Collection")
    return {}


def _history(b: Build, built: Built, sub: dict[str, Any]) -> None:
    if b.facts["prior_ticket_same_complaint"]:
        kip = "k44-sudah-ledger" if b.facts["payment_posted"] else "k44-belum-ledger"
        fields = {
            "msisdn": sub["msisdn"],
            "customer_name": sub["name"],
            "card_type": sub["brand"],
            "location": sub["location"],
        }
        ticket, contact = support.prior_complaint(
            b, sub["msisdn"], kip, "payment", fields, sub["customer_class"]
        )
        built.add("ticket", ticket)
        built.add("interaction", contact)
        built.world["prior_ticket_id"] = built.say["prior_ticket_id"] = ticket["ticket_id"]
    elif b.rng.random() < 0.5:
        built.add("interaction", support.unrelated_contact(b, sub["msisdn"]))


def materialize(b: Build) -> Built:
    """Rows for the case's facts, and the values expressions and the persona read."""
    built = Built()
    sub = _subscriber(b)
    built.add("subscriber", sub)
    payments = _payments(b, sub["msisdn"])
    built.add("fa_payment", *payments)
    blocks = _blocks(b)
    built.add(
        "hlr_service",
        *build_hlr(
            b.rng,
            b.pools,
            msisdn=sub["msisdn"],
            dsc_status=sub["dsc_status"],
            blocks=blocks,
            episode_id=b.episode_id,
        ),
    )
    built.world.update(prior_ticket_id="", outage_title="")
    built.say["prior_ticket_id"] = ""
    if b.facts["outage_in_area"]:
        outage = support.active_outage(
            b, sub["location"], OUTAGE_SERVICE[b.facts["affected_services"]]
        )
        built.add("outage_notice", outage)
        built.world["outage_title"] = outage["title"]
    _history(b, built, sub)
    built.customer.update({k: sub[k] for k in NAMES.customer})
    _world_values(b, built, sub, payments[-1], blocks)
    return built


def _world_values(
    b: Build, built: Built, sub: dict[str, Any], payment: dict[str, Any], blocks: dict[str, str]
) -> None:
    affected = b.facts["affected_services"]
    blocked = [s for s in vocab.HLR_SERVICES if s in blocks]
    channel = payment["channel"]
    built.world.update(
        dsc_status=sub["dsc_status"],
        payment_date=f.to_wib(payment["paid_at"]).date().isoformat(),
        payment_time=f.to_wib(payment["paid_at"]).isoformat(),
        payment_channel=channel,
        payment_channel_key=channel.removeprefix("Bank ").strip(),
        payment_amount=payment["amount"],
        hlr_summary=("Terblokir: " + ", ".join(f"{s} ({blocks[s]})" for s in blocked))
        if blocked
        else "Semua layanan aktif",
        hlr_terms=blocked or ["AKTIF|ACTIVE"],
        hlr_blocked_list=blocked,
        profile_summary=f"{sub['brand']} {sub['customer_class']}, status {sub['dsc_status']}",
        affected_terms=TERMS[affected],
        affected_label=LABELS[affected],
    )
    built.say.update(
        payment_date=f.long_date(payment["paid_at"]),
        payment_clock=f.to_wib(payment["paid_at"]).strftime("%H.%M"),
        payment_amount=f.rupiah(payment["amount"]),
    )


def observe(b: Build, built: Built) -> dict[str, Any]:
    """The lookup-established facts, read back from the rows (what the tools will show)."""
    sub = built.rows["subscriber"][0]
    latest = max(built.rows["fa_payment"], key=lambda r: r["paid_at"])
    blocked = [r for r in built.rows["hlr_service"] if r["state"] != "Active"]
    order = {s: i for i, s in enumerate(vocab.HLR_SERVICES)}
    blocked.sort(key=lambda r: order.get(r["service"], 9))
    outages = [
        r
        for r in built.rows.get("outage_notice", [])
        if support.area_matches(r["area"], sub["location"])
        and r["started_at"] <= b.sim_now <= r["expected_end"]
    ]
    tickets = [
        r
        for r in built.rows.get("ticket", [])
        if r["number"] == sub["msisdn"] and r["kip"].startswith("k44") and r["status"] != "Closed"
    ]
    return {
        "brand": sub["brand"],
        "dsc_status": sub["dsc_status"],
        "payment_posted": latest["posted_to_ledger"],
        "notification_received": latest["notification_sent"],
        "payment_channel": latest["channel"],
        "hlr_block_reason": blocked[0]["block_reason"] if blocked else "none",
        "outage_in_area": bool(outages),
        "prior_ticket_same_complaint": bool(tickets),
    }
