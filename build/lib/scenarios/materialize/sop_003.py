"""SOP 003 (IndiHome OTT billed as INTERNET CONTENT): customer, UPoint rows, I-Payment bills.

The rows come from the seed builders, so a case customer follows the world's rules: monthly
renewals just after 00:00 WIB on the 1st, an Inactive subscription ends two days after the
renewal that did not happen, and the INTERNET CONTENT of a bill period is the sum of the OTT
charges whose Trx Time (WIB) falls in it (`seeds.builders.internet_content`).
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from gladi import formats as f
from scenarios.materialize import support
from scenarios.materialize.base import Build, Built, Names
from seeds import ids, vocab
from seeds.builders import (
    build_indihome_bill,
    build_indihome_customer,
    build_ott_subscription,
    internet_content,
)
from seeds.rand import last_periods

NAMES = Names(
    customer=frozenset({"indihome_number", "pots_phone", "given_number", "name", "address"}),
    world=frozenset(
        {
            "bill_period",
            "bill_has_content",
            "internet_content_amount",
            "bill_amount",
            "bill_explained",
            "ott_purchase",
            "ott_services",
            "active_services",
            "inactive_services",
            "start_times",
            "end_times",
            "ott_prices",
            "charge_times",
            "last_charge_time",
            "last_charge_service",
            "last_charge_price",
            "period_unpaid",
            "period_status",
        }
    ),
    say=frozenset({"period_label", "content_amount", "bill_amount"}),
)
BILL_PERIODS = 6
"""Bill periods per customer, ending with the latest one (as the background world has them)."""
CONTENT = "INTERNET CONTENT"
DAY = 86400


def latest_period(b: Build) -> str:
    """The latest bill period: the month before the episode's month (WIB)."""
    return f.previous_period(f.period_of(b.sim_now))


def _customer(b: Build) -> dict[str, Any]:
    city = support.seeded_pick(b.rng, b.pools.cities)
    row = build_indihome_customer(b.rng, b.pools, city=city, episode_id=b.episode_id)
    billed = b.claims.taken_in("payment_bill", "number")
    for column, remake in (
        ("indihome_number", ids.indihome_number),
        ("pots_phone", lambda r: ids.pots_phone(r, city.area_code)),
    ):
        taken = _either(b.claims.taken_in("indihome_customer", column), billed)
        row[column] = b.claims.unique(row[column], remake, taken)
    return row


def _either(*tests: Callable[[str], bool]) -> Callable[[str], bool]:
    """A test that holds when one of `tests` does (a number taken in any of the tables)."""
    return lambda value: any(test(value) for test in tests)


def _seconds_ago(b: Build, most_days: int, least_days: int) -> datetime:
    """A whole-second moment between `most_days` and `least_days` before the episode's now."""
    low, high = least_days * DAY, most_days * DAY
    return b.sim_now - timedelta(seconds=low + int(b.rng.random() * (high - low)))


def _start(b: Build, status: str) -> datetime:
    """When a subscription was bought, so that its charges land in the billed periods.

    Active: 16-400 days ago (before the latest period ends, so that period bills a charge).
    Inactive: 40-170 days ago (inside the six billed periods; the builder keeps some renewals
    and ends it, never past the latest billed period).
    """
    return _seconds_ago(b, 400, 16) if status == "Active" else _seconds_ago(b, 170, 40)


def _subscriptions(b: Build, customer: dict[str, Any]) -> list[tuple[dict, list[dict]]]:
    statuses = ["Active"] * b.facts["active_count"] + ["Inactive"] * b.facts["inactive_count"]
    offers = b.rng.sample(list(vocab.OTT_OFFERS), len(statuses))
    made = []
    for offer, status in zip(offers, statuses, strict=True):
        sub, charges = build_ott_subscription(
            b.rng,
            b.pools,
            customer=customer,
            service=offer.service,
            status=status,
            start_time=_start(b, status),
            episode_id=b.episode_id,
        )
        made.append((sub, charges))
    return made


def _bills(b: Build, built: Built, customer: dict[str, Any], charges: list[dict]) -> None:
    content = internet_content(charges)
    latest = latest_period(b)
    for period in last_periods(latest, BILL_PERIODS):
        paid = b.facts["latest_bill_paid"] if period == latest else True
        bill, lines = build_indihome_bill(
            b.rng,
            b.pools,
            customer=customer,
            period=period,
            content=content.get(period, 0),
            paid=paid,
            id=built.new_id("payment_bill"),
            episode_id=b.episode_id,
        )
        built.add("payment_bill", bill)
        built.add("payment_bill_line", *lines)


def materialize(b: Build) -> Built:
    """Rows for the case's facts, and the values expressions and the persona read."""
    built = Built()
    customer = _customer(b)
    built.add("indihome_customer", customer)
    made = _subscriptions(b, customer)
    # The dashboard lists subscriptions newest start first; keep that order everywhere.
    made.sort(key=lambda pair: pair[0]["start_time"], reverse=True)
    charges = [c for _, cs in made for c in cs]
    if made:
        built.add("ott_subscription", *(sub for sub, _ in made))
        built.add("ott_transaction", *charges)
    _bills(b, built, customer, charges)
    given = customer["pots_phone"] if b.facts["number_given"] == "pots" else None
    built.customer.update({k: customer[k] for k in NAMES.customer if k in customer})
    built.customer["given_number"] = given or customer["indihome_number"]
    _world_values(built)
    return built


def bill_in_question(built: Built) -> dict[str, Any]:
    """The latest bill with an INTERNET CONTENT line, else the latest bill."""
    bills = sorted(built.rows["payment_bill"], key=lambda r: r["period"], reverse=True)
    with_content = {line["bill_id"] for line in _content_lines(built)}
    return next((r for r in bills if r["id"] in with_content), bills[0])


def _content_lines(built: Built) -> list[dict[str, Any]]:
    return [r for r in built.rows["payment_bill_line"] if r["service"] == CONTENT]


def _wib(moment: datetime | None) -> str:
    return f.wib_datetime(moment) if moment is not None else ""


def _world_values(built: Built) -> None:
    bill = bill_in_question(built)
    lines = [r for r in _content_lines(built) if r["bill_id"] == bill["id"]]
    amount = sum(r["amount"] for r in lines)
    subs = built.rows.get("ott_subscription", [])
    trx = built.rows.get("ott_transaction", [])
    billed = sorted(
        (t for t in trx if f.period_of(t["trx_time"]) == bill["period"]),
        key=lambda t: t["trx_time"],
    )
    last = max(trx, key=lambda t: t["trx_time"], default=None)
    built.world.update(
        bill_period=bill["period"],
        bill_has_content=bool(_content_lines(built)),
        internet_content_amount=amount,
        bill_amount=bill["amount"],
        bill_explained=bool(lines) and amount == sum(t["price"] for t in billed),
        ott_purchase=bool(subs),
        ott_services=[s["service"] for s in subs],
        active_services=[s["service"] for s in subs if s["status"] == "Active"],
        inactive_services=[s["service"] for s in subs if s["status"] == "Inactive"],
        start_times=[_wib(s["start_time"]) for s in subs],
        end_times=[_wib(s["end_time"]) for s in subs if s["end_time"] is not None],
        ott_prices=[s["price"] for s in subs],
        charge_times=[_wib(t["trx_time"]) for t in billed],
        last_charge_time=_wib(last["trx_time"]) if last else "",
        last_charge_service=last["service"] if last else "",
        last_charge_price=last["price"] if last else 0,
        period_unpaid=bill["unpaid"],
        period_status=bill["status"],
    )
    built.say.update(
        period_label=f.period_label(bill["period"]),
        content_amount=f.rupiah(amount),
        bill_amount=f.rupiah(bill["amount"]),
    )


def observe(b: Build, built: Built) -> dict[str, Any]:
    """The lookup-established facts, read back from the rows (what the tools will show)."""
    subs = built.rows.get("ott_subscription", [])
    bill = bill_in_question(built)
    lines = [r for r in _content_lines(built) if r["bill_id"] == bill["id"]]
    charged = sum(
        t["price"]
        for t in built.rows.get("ott_transaction", [])
        if f.period_of(t["trx_time"]) == bill["period"]
    )
    latest = max(built.rows["payment_bill"], key=lambda r: r["period"])
    return {
        "active_count": sum(s["status"] == "Active" for s in subs),
        "inactive_count": sum(s["status"] == "Inactive" for s in subs),
        "bill_has_internet_content": bool(_content_lines(built)),
        "charges_match_bill": bool(lines) and sum(r["amount"] for r in lines) == charged,
        "latest_bill_paid": latest["status"] == "Lunas",
    }
