"""SOP 004 (GraPARI Online order problems): the GOL order, the number, history, outage.

The order is built with `seeds.builders.build_gol_order` and then placed on the episode's clock
(`sop_004_times`); the number's DSC profile (with the same UPCC note as the order) exists unless
the case says it cannot be queried. Complaints about ordering itself (photo upload,
kelurahan/kecamatan) have no order; an order ID that is not found has no row at all.
"""

from datetime import timedelta
from typing import Any

from scenarios.materialize import sop_004_text as text
from scenarios.materialize import sop_004_times as t
from scenarios.materialize import support
from scenarios.materialize.base import Build, Built, Names
from seeds import ids, vocab
from seeds.builders import build_gol_order, build_subscriber, build_ticket
from seeds.builders.support import build_interaction
from seeds.rand import between

NAMES = Names(
    customer=frozenset(
        {"msisdn", "name", "email", "order_id", "customer_class", "location", "alt_contact"}
    ),
    world=frozenset(text.WORLD_NAMES),
    say=frozenset(text.SAY_NAMES),
)
NO_ORDER = ("photo_upload", "kelurahan_missing")
NOT_FOUND = "order_id_not_found"
GOL_KIPS = frozenset(
    {
        "k11-psb-web-submit",
        "k11-aktivasi-psb-gagal",
        "k11-bonus-tidak-sesuai",
        "k11-order-id-tidak-diterima",
        "k84-activation-incident",
        "k84-delivery-incident",
        "k92-gagal-pembayaran",
    }
)
ACTIVATED = ("Activation In Progress", "Activation Incident", "Completed")
BRANDS = {"Perdana simPATI": "simPATI", "Perdana Kartu AS": "Kartu AS", "Perdana Loop": "Loop"}


def _fixed(b: Build, name: str) -> Any:
    """The case's own value of a fact (None when the case leaves it to the SOP default)."""
    return b.case.conditions.get(name)


def _has_order(b: Build) -> bool:
    """Whether DSC holds the order (not for ordering problems or an order ID not found)."""
    return b.facts["complaint"] not in (*NO_ORDER, NOT_FOUND)


def _hours(b: Build) -> int:
    """Whole hours since the order: the case's, else a value that fits the status.

    Without an order in DSC the hours are the fact's value (the SOP default unless the case
    sets it): nothing on a screen shows them, the customer says when they ordered.
    """
    fixed = _fixed(b, "hours_since_order")
    if fixed is not None or not _has_order(b):
        return int(b.facts["hours_since_order"])
    low, high = t.PLAUSIBLE_HOURS[b.facts["order_status"]][b.facts["delivery_type"]]
    if b.facts["order_status"] == "Activation In Progress":
        low = max(low, _status_hours(b) + 2)
        high = max(high, low)
    return between(b.rng, low, high)


def _status_hours(b: Build) -> int:
    fixed = _fixed(b, "hours_in_status")
    return int(fixed) if fixed is not None else t.STATUS_HOURS[0] + 3


def _claim_taken(b: Build) -> Any:
    """A test: is an MSISDN already about someone in the background world?"""
    tests = [
        b.claims.taken_in("subscriber", "msisdn"),
        b.claims.taken_in("gol_order", "msisdn"),
        b.claims.taken_in("ticket", "number"),
        b.claims.taken_in("interaction", "number"),
    ]
    return lambda value: any(test(value) for test in tests)


def _identity(b: Build) -> dict[str, Any]:
    """The customer: number, contact number, person, e-mail, city."""
    taken = _claim_taken(b)
    msisdn = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    alt = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    person = support.seeded_pick(b.rng, b.pools.people)
    domain = support.seeded_pick(b.rng, b.pools.email_domains)
    mails = [b.claims.taken_in("gol_order", "email"), b.claims.taken_in("subscriber", "email")]

    def remake(rng: Any) -> str:
        return f"{person.email_stem}{between(rng, 100, 999)}@{domain}"

    email = b.claims.unique(
        f"{person.email_stem}{between(b.rng, 1, 99)}@{domain}",
        remake,
        lambda v: any(test(v) for test in mails),
    )
    city = support.quiet_city(b, [c.name for c in b.pools.cities])
    return {"msisdn": msisdn, "alt_contact": alt, "name": person.name, "email": email, "city": city}


def _order(b: Build, who: dict[str, Any], hours: int) -> dict[str, Any]:
    """The GOL order row, on the episode's clock."""
    facts = b.facts
    status, delivery = facts["order_status"], facts["delivery_type"]
    late = _fixed(b, "order_after_20")
    if late is None and status == "Pending Verification":
        late = False  # the call-back rule reads it: never leave it to the clock
    ordered = t.hours_ago(b.rng, b.sim_now, hours, late)
    row = build_gol_order(
        b.rng,
        b.pools,
        status=status,
        order_type=facts["order_type"],
        delivery_type=delivery,
        episode_id=b.episode_id,
    )
    if _has_order(b):
        order_id = b.claims.unique(
            ids.gol_order_id(b.rng, ordered),
            lambda rng: ids.gol_order_id(rng, ordered),
            b.claims.taken_in("gol_order", "order_id"),
        )
    else:
        order_id = text.missing_order_id(b, ordered)
    row.update(
        order_id=order_id,
        email=who["email"],
        msisdn=who["msisdn"],
        ordered_at=ordered,
        status_at=_status_at(b, status, delivery, ordered),
        payment_status=_payment(b, status),
        picked_up=_picked_up(b, status),
        upcc_note=text.upcc_note(b, row["package"]),
    )
    return row


def _status_at(b: Build, status: str, delivery: str, ordered: Any) -> Any:
    if status == "Activation In Progress":
        moment = t.hours_ago(b.rng, b.sim_now, _status_hours(b))
        if moment <= ordered:
            raise ValueError("hours_in_status must be below hours_since_order")
        return moment
    if status in ("Pending Verification", "Pending Payment"):
        return ordered + timedelta(minutes=between(b.rng, 1, 3))
    if status == "Cancelled SLA":
        return ordered + timedelta(hours=24)
    if status == "Delivery Incident":
        return t.sla_deadline(ordered, delivery)
    span = (b.sim_now - ordered).total_seconds()
    return ordered + timedelta(seconds=int(span * (0.2 + 0.6 * b.rng.random())))


def _payment(b: Build, status: str) -> str:
    fixed = _fixed(b, "payment_status")
    if fixed is not None:
        return str(fixed)
    return (
        "Unpaid"
        if status in ("Pending Verification", "Pending Payment", "Cancelled SLA")
        else "Paid"
    )


def _picked_up(b: Build, status: str) -> bool:
    if status == "Delivery Incident":
        return bool(b.facts["picked_up"])
    return status in ("Delivery In Progress", "Completed")


def _in_dsc(b: Build) -> bool:
    """Whether DSC knows the number: an existing number (card swap, or the customer's own when
    there is no order), or a new one once activation has started; never when the case says it
    cannot be queried."""
    if not b.facts["number_queryable"]:
        return False
    if not _has_order(b) or b.facts["order_type"] == "Ganti Kartu":
        return True
    return b.facts["order_status"] in ACTIVATED


def _subscriber(b: Build, who: dict[str, Any], order: dict[str, Any] | None) -> dict[str, Any]:
    """The number's DSC profile: active, with the order's UPCC note."""
    kind = order["order_type"] if order else "Ganti Kartu"
    package = order["package"] if order else ""
    brand = None
    if kind == "Halo PSB":
        brand = "KartuHalo"
    elif kind == "Perdana Prabayar":
        brand = next((v for k, v in BRANDS.items() if package.startswith(k)), "simPATI")
    row = build_subscriber(
        b.rng,
        b.pools,
        brand=brand,
        dsc_status=vocab.ACTIVE,
        msisdn=who["msisdn"],
        name=who["name"],
        email=who["email"],
        alt_contact=who["alt_contact"],
        location=who["city"],
        episode_id=b.episode_id,
    )
    if order is not None:
        row["upcc_note"] = order["upcc_note"]
    return row


def _history(b: Build, built: Built, who: dict[str, Any], cls: str) -> None:
    """An open ticket on the same GOL complaint, a closed earlier one, or a harmless contact."""
    number = who["msisdn"]
    fields = {"msisdn": number}
    if b.facts["prior_open_ticket"]:
        ticket, contact = support.prior_complaint(b, number, text.prior_kip(b), "gol", fields, cls)
        built.add("ticket", ticket)
        built.add("interaction", contact)
        built.world["prior_ticket_id"] = built.say["prior_ticket_id"] = ticket["ticket_id"]
    if b.facts["prior_closed_ticket"]:
        filed = b.sim_now - timedelta(days=between(b.rng, 8, 20), minutes=between(b.rng, 1, 600))
        ticket_id = b.claims.unique(
            ids.ticket_id(b.rng, "IN"),
            lambda r: ids.ticket_id(r, "IN"),
            b.claims.taken_in("ticket", "ticket_id"),
        )
        ticket = build_ticket(
            b.rng,
            b.pools,
            number=number,
            kip="k11-aktivasi-psb-gagal",
            ticket_id=ticket_id,
            fields=fields,
            created_at=filed,
            status="Closed",
            escalation="Remedy IT",
            customer_class=cls,
            episode_id=b.episode_id,
        )
        contact = build_interaction(
            b.rng,
            b.pools,
            number=number,
            topic="gol",
            at=filed - timedelta(minutes=6),
            category="Keluhan",
            episode_id=b.episode_id,
        )
        built.add("ticket", ticket)
        built.add("interaction", contact)
    if (
        not (b.facts["prior_open_ticket"] or b.facts["prior_closed_ticket"])
        and b.rng.random() < 0.5
    ):
        built.add("interaction", support.unrelated_contact(b, number))


def materialize(b: Build) -> Built:
    """Rows for the case's facts, and the values expressions and the persona read."""
    built = Built()
    who = _identity(b)
    hours = _hours(b)
    order = _order(b, who, hours)
    if _has_order(b):
        built.add("gol_order", order)
    cls = support.seeded_pick(b.rng, ("Gold", "Silver", "Blue"))
    if _in_dsc(b):
        sub = _subscriber(b, who, order if _has_order(b) else None)
        built.add("subscriber", sub)
        cls = sub["customer_class"]
    built.world.update(prior_ticket_id="", outage_title="")
    built.say["prior_ticket_id"] = ""
    if b.facts["outage_in_area"]:
        outage = support.active_outage(b, who["city"], "SEMUA")
        built.add("outage_notice", outage)
        built.world["outage_title"] = outage["title"]
    _history(b, built, who, cls)
    built.customer.update(
        msisdn=who["msisdn"],
        name=who["name"],
        email=who["email"],
        order_id=order["order_id"],
        customer_class=cls,
        location=who["city"],
        alt_contact=who["alt_contact"],
    )
    text.fill(b, built, order)
    return built


def observe(b: Build, built: Built) -> dict[str, Any]:
    """The lookup-established facts, read back from the rows (what the tools will show)."""
    number = built.customer["msisdn"]
    tickets = [r for r in built.rows.get("ticket", []) if r["number"] == number]
    gol = [r for r in tickets if r["kip"] in GOL_KIPS]
    outages = [
        r
        for r in built.rows.get("outage_notice", [])
        if support.area_matches(r["area"], built.customer["location"])
        and r["started_at"] <= b.sim_now <= r["expected_end"]
    ]
    found: dict[str, Any] = {
        "number_queryable": any(r["msisdn"] == number for r in built.rows.get("subscriber", [])),
        "prior_open_ticket": any(r["status"] != "Closed" for r in gol),
        "prior_closed_ticket": any(r["status"] == "Closed" for r in gol),
        "outage_in_area": bool(outages),
        "order_found_by_email": text.found_by_email(b, built),
    }
    orders = built.rows.get("gol_order", [])
    if orders:
        row = orders[0]
        found.update(
            order_status=row["status"],
            order_type=row["order_type"],
            delivery_type=row["delivery_type"],
            payment_status=row["payment_status"],
            picked_up=row["picked_up"],
            hours_since_order=t.whole_hours(row["ordered_at"], b.sim_now),
            hours_in_status=t.whole_hours(row["status_at"], b.sim_now),
            order_after_20=t.ordered_late(row["ordered_at"]),
            callback_window_open=t.callback_window_open(row["ordered_at"], b.sim_now),
        )
    return found
