"""SOP 002 (recharge succeeded, credit not received): subscriber, recharges, voucher, usage.

The complained recharge happened yesterday (10:00-21:59 WIB). It is a `recharge` row of the
customer's number when it reached Telkomsel (`recharge_in_indira`), shown in DSC or not; the
credit was added exactly when the usage (Panggilan Detail, Indira Penggunaan Pulsa) has a
RECHARGE line for it; its voucher (not for fintech inside MyTelkomsel) is Used when redeemed, by
this number or, when the recharge never reached this number, by another one. Combinations the
world cannot show (credit added without a recharge record, a redeemed voucher that is not Used,
a servo check without a usable serial) raise ValueError naming the facts.
"""

from datetime import datetime, timedelta
from typing import Any

from gladi import formats as f
from scenarios.materialize import sop_002_say as say
from scenarios.materialize import support
from scenarios.materialize.base import Build, Built, Names
from seeds import ids, vocab
from seeds.builders import (
    build_call_details,
    build_hlr,
    build_recharge,
    build_subscriber,
    build_voucher,
)
from seeds.rand import wib_moment

NAMES = Names(
    customer=frozenset(
        {"msisdn", "name", "brand", "customer_class", "location", "alt_contact", "email"}
    ),
    world=frozenset(
        {
            "serial",
            "serial_or_trx",
            "recharge_time",
            "nominal",
            "nominal_label",
            "incident_terms",
            "incident_label",
            "failure_notice",
            "channel_name",
            "channel_terms",
            "channel_label",
            "proof_terms",
            "proof_label",
            "indira_status",
            "servo_status",
            "used_by",
            "used_at",
            "balance",
            "prior_ticket_id",
            "outage_title",
        }
    ),
    say=frozenset(
        {
            "nominal",
            "recharge_date",
            "recharge_clock",
            "channel_name",
            "serial_answer",
            "proof_answer",
            "failure_notice",
            "package_name",
            "package_price",
            "package_channel",
            "prior_ticket_id",
        }
    ),
)
KIP = "k22-pulsa-belum-bertambah"
NOMINALS = (10000, 20000, 25000, 50000, 100000)
PACKAGE_CHANNELS = ("MyTelkomsel", "*363#")


def _channel(b: Build) -> str:
    """An Indira channel name of the case's channel group."""
    group = b.facts["channel_group"]
    names = [c.name for c in vocab.RECHARGE_CHANNELS if say.group_of(c.name, c.kind) == group]
    return support.seeded_pick(b.rng, names)


def _check(facts: dict[str, Any]) -> None:
    """ValueError for fact combinations the world cannot show."""
    group, indira = facts["channel_group"], facts["recharge_in_indira"]
    serial_known = group != say.MYTSEL and (facts["serial_given"] == "valid" or indira)
    problems = []
    if not indira and (facts["recharge_in_dsc"] or facts["credited"]):
        problems.append("recharge_in_dsc/credited need recharge_in_indira")
    if facts["servo_used"] and not serial_known:
        problems.append("servo_used needs a voucher serial the agent can check")
    if facts["credited"] and group != say.MYTSEL and not facts["servo_used"]:
        problems.append("a credited voucher recharge is Used in servo (servo_used)")
    if group == say.MYTSEL and facts["serial_given"] != "valid":
        problems.append("a MyTelkomsel fintech customer has the transaction id (serial_given)")
    if problems:
        raise ValueError("sop-002 cannot materialize: " + "; ".join(problems))


def _subscriber(b: Build) -> dict[str, Any]:
    taken = b.claims.taken_in("subscriber", "msisdn")
    msisdn = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    alt = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    city = support.quiet_city(b, [c.name for c in b.pools.cities])
    return build_subscriber(
        b.rng,
        b.pools,
        brand=b.facts["brand"],
        dsc_status=vocab.ACTIVE,
        msisdn=msisdn,
        alt_contact=alt,
        location=city,
        episode_id=b.episode_id,
    )


def _moment(b: Build) -> datetime:
    """Yesterday (WIB), 10:00-21:59."""
    yesterday = f.to_wib(b.sim_now).date() - timedelta(days=1)
    return wib_moment(yesterday, 10 + int(b.rng.random() * 12), int(b.rng.random() * 60))


def _earlier(b: Build, msisdn: str) -> list[dict[str, Any]]:
    """Three earlier recharges of the last month (any channel), credited and shown everywhere."""
    rows = []
    for days in (26, 17, 8):
        at = b.sim_now - timedelta(days=days, minutes=int(b.rng.random() * 600))
        row = build_recharge(
            b.rng,
            b.pools,
            msisdn=msisdn,
            channel=support.seeded_pick(b.rng, [c.name for c in vocab.RECHARGE_CHANNELS]),
            balance_added=True,
            shown_in_dsc=True,
            recharged_at=at,
            episode_id=b.episode_id,
        )
        rows.append(_unique_ids(b, row))
    return rows


def _unique_ids(b: Build, row: dict[str, Any]) -> dict[str, Any]:
    """The row with a serial / transaction id nobody in the world uses."""
    if row["serial"]:
        taken = b.claims.taken_in("voucher", "serial")
        row["serial"] = b.claims.unique(row["serial"], ids.voucher_serial, taken)
    if row["transaction_id"]:
        taken = b.claims.taken_in("recharge", "transaction_id")
        at = row["recharged_at"]
        remake = lambda rng: ids.mytelkomsel_trx_id(rng, at)  # noqa: E731
        row["transaction_id"] = b.claims.unique(row["transaction_id"], remake, taken)
    return row


def _complained(b: Build, msisdn: str, channel: str) -> dict[str, Any]:
    """The recharge the customer calls about (a row only if it reached this number)."""
    facts = b.facts
    status = "Sukses" if facts["credited"] else support.seeded_pick(b.rng, ("Sukses", "Pending"))
    row = build_recharge(
        b.rng,
        b.pools,
        msisdn=msisdn,
        channel=channel,
        indira_status=status,
        balance_added=facts["credited"],
        shown_in_dsc=facts["recharge_in_dsc"],
        recharged_at=_moment(b),
        nominal=support.seeded_pick(b.rng, NOMINALS),
        episode_id=b.episode_id,
    )
    return _unique_ids(b, row)


def _voucher(b: Build, recharge: dict[str, Any], msisdn: str) -> dict[str, Any]:
    """The servo record of the complained serial: Used by this number, another one, or not."""
    used = b.facts["servo_used"]
    kwargs: dict[str, Any] = {"servo_status": "Used" if used else "Not Used"}
    if used and not b.facts["recharge_in_indira"]:
        taken = b.claims.taken_in("subscriber", "msisdn")
        kwargs["used_by_msisdn"] = b.claims.unique(ids.msisdn(b.rng), ids.msisdn, taken)
    elif used:
        kwargs["used_by_msisdn"] = msisdn
    return build_voucher(b.rng, b.pools, recharge=recharge, episode_id=b.episode_id, **kwargs)


def _usage(
    b: Build, msisdn: str, earlier: list[dict[str, Any]], cutoff: datetime
) -> tuple[list[dict[str, Any]], int]:
    """A month of usage before `cutoff` (with the earlier recharges' lines) and the balance."""
    start = support.seeded_pick(b.rng, (15000, 30000, 45000))
    rows, _ = build_call_details(
        b.rng,
        b.pools,
        msisdn=msisdn,
        prepaid=True,
        recharges=earlier,
        start_balance=start,
        count=10,
        days=28,
    )
    kept = [r for r in rows if r["at"] < cutoff]
    balance = kept[-1]["balance_after"] if kept else start
    for row in kept:
        row["episode_id"] = b.episode_id
    return kept, balance


def _line(
    msisdn: str, at: datetime, kind: str, what: tuple[str, str], charge: int, balance: int
) -> dict[str, Any]:
    """One usage line (destination, quantity), charged against `balance`."""
    destination, quantity = what
    return {
        "msisdn": msisdn,
        "at": at,
        "kind": kind,
        "destination": destination,
        "quantity": quantity,
        "charge": charge,
        "balance_after": balance - charge,
    }


def _credit_lines(
    b: Build, recharge: dict[str, Any], balance: int, consume: bool
) -> list[dict[str, Any]]:
    """The RECHARGE line of a credited recharge, then what used the credit.

    `consume`: a package and data use up the whole nominal (002:55); else one short call.
    """
    lines, _ = build_call_details(
        b.rng,
        b.pools,
        msisdn=recharge["msisdn"],
        prepaid=True,
        recharges=[recharge],
        start_balance=balance,
        count=0,
    )
    balance = lines[-1]["balance_after"]
    at, msisdn = recharge["recharged_at"], recharge["msisdn"]
    if not consume:
        minutes = 2 + int(b.rng.random() * 4)
        call = ("0" + ids.digits(b.rng, 11), f"{minutes} menit")
        lines.append(_line(msisdn, at + timedelta(hours=3), "VOICE", call, minutes * 1300, balance))
        return _with_episode(b, lines)
    left = recharge["nominal"]
    packages = [p for p in vocab.PACKAGES if p[1] <= left]
    when = at + timedelta(minutes=5 + int(b.rng.random() * 40))
    if packages:
        name, price = max(packages, key=lambda p: p[1])
        channel = support.seeded_pick(b.rng, PACKAGE_CHANNELS)
        lines.append(_line(msisdn, when, "PAKET", (channel, name), price, balance))
        balance, left = balance - price, left - price
    if left:
        data = ("internet", f"{left // 50} MB")
        lines.append(_line(msisdn, when + timedelta(minutes=50), "DATA", data, left, balance))
    return _with_episode(b, lines)


def _with_episode(b: Build, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["episode_id"] = b.episode_id
    return rows


def _history(b: Build, built: Built, sub: dict[str, Any]) -> None:
    """An open K22 ticket and its contact, or (half the time) a harmless earlier contact."""
    if b.facts["prior_ticket_same_complaint"]:
        fields = {
            "msisdn": sub["msisdn"],
            "customer_name": sub["name"],
            "card_type": sub["brand"],
            "alt_contact": sub["alt_contact"],
        }
        ticket, contact = support.prior_complaint(
            b, sub["msisdn"], KIP, "recharge", fields, sub["customer_class"]
        )
        built.add("ticket", ticket)
        built.add("interaction", contact)
        built.world["prior_ticket_id"] = built.say["prior_ticket_id"] = ticket["ticket_id"]
    elif b.rng.random() < 0.5:
        built.add("interaction", support.unrelated_contact(b, sub["msisdn"]))


def materialize(b: Build) -> Built:
    """Rows for the case's facts, and the values expressions and the persona read."""
    _check(b.facts)
    built = Built()
    sub = _subscriber(b)
    msisdn = sub["msisdn"]
    built.add("subscriber", sub)
    built.add(
        "hlr_service",
        *build_hlr(
            b.rng,
            b.pools,
            msisdn=msisdn,
            dsc_status=vocab.ACTIVE,
            blocks={},
            episode_id=b.episode_id,
        ),
    )
    earlier = _earlier(b, msisdn)
    channel = _channel(b)
    complained = _complained(b, msisdn, channel)
    usage, balance = _usage(b, msisdn, earlier, complained["recharged_at"] - timedelta(hours=1))
    built.add("recharge", *earlier)
    built.add(
        "voucher",
        *(
            build_voucher(b.rng, b.pools, recharge=r, episode_id=b.episode_id)
            for r in earlier
            if r["serial"]
        ),
    )
    built.world.update(prior_ticket_id="", outage_title="")
    built.say["prior_ticket_id"] = ""
    voucher = None
    if b.facts["paid_with_credit"]:
        usage += _package_bought(b, built, msisdn, complained["recharged_at"], balance)
    else:
        if b.facts["recharge_in_indira"]:
            built.add("recharge", complained)
        if b.facts["credited"]:
            consume = not b.facts["recharge_in_dsc"]
            usage += _credit_lines(b, complained, balance, consume)
        if _voucher_checkable(b.facts):
            voucher = _voucher(b, complained, msisdn)
            built.add("voucher", voucher)
        _outage_and_history(b, built, sub)
    built.add("call_detail", *usage)
    sub["balance"] = usage[-1]["balance_after"] if usage else balance
    built.customer.update({k: sub[k] for k in NAMES.customer})
    _world_values(b, built, sub, complained, channel, voucher)
    return built


def _voucher_checkable(facts: dict[str, Any]) -> bool:
    """Whether the agent can look the voucher up (002:49): a serial they have, not MyTelkomsel."""
    if facts["channel_group"] == say.MYTSEL:
        return False
    return facts["serial_given"] == "valid" or facts["recharge_in_indira"]


def _outage_and_history(b: Build, built: Built, sub: dict[str, Any]) -> None:
    if b.facts["outage_in_area"]:
        outage = support.active_outage(b, sub["location"], "SEMUA")
        built.add("outage_notice", outage)
        built.world["outage_title"] = outage["title"]
    _history(b, built, sub)


def _package_bought(
    b: Build, built: Built, msisdn: str, at: datetime, balance: int
) -> list[dict[str, Any]]:
    """Out of scope (002:101-103): a package paid with credit, its price taken from the balance."""
    name, price = support.seeded_pick(b.rng, vocab.PACKAGES[:3])
    channel = support.seeded_pick(b.rng, PACKAGE_CHANNELS)
    top_up = build_recharge(
        b.rng,
        b.pools,
        msisdn=msisdn,
        channel="Indomaret",
        balance_added=True,
        shown_in_dsc=True,
        recharged_at=at - timedelta(minutes=40),
        nominal=100000,
        episode_id=b.episode_id,
    )
    top_up = _unique_ids(b, top_up)
    built.add("recharge", top_up)
    built.add("voucher", build_voucher(b.rng, b.pools, recharge=top_up, episode_id=b.episode_id))
    lines, _ = build_call_details(
        b.rng,
        b.pools,
        msisdn=msisdn,
        prepaid=True,
        recharges=[top_up],
        start_balance=balance,
        count=0,
    )
    balance = lines[-1]["balance_after"]
    lines.append(_line(msisdn, at, "PAKET", (channel, name), price, balance))
    built.say.update(package_name=name, package_price=f.rupiah(price), package_channel=channel)
    return _with_episode(b, lines)


def _said_serial(b: Build, recharge: dict[str, Any]) -> str:
    """The serial (or transaction id) as the customer reads it out; malformed when so set."""
    real = recharge["serial"] or recharge["transaction_id"] or ""
    if b.facts["serial_given"] != "malformed":
        return real
    if b.facts["channel_group"] == say.APP:
        day = f.to_wib(recharge["recharged_at"]).strftime("%Y%m%d")
        return f"INV/{day}/MPL/{ids.digits(b.rng, 10)}"
    return real[:-6]


def _world_values(
    b: Build,
    built: Built,
    sub: dict[str, Any],
    recharge: dict[str, Any],
    channel: str,
    voucher: dict[str, Any] | None,
) -> None:
    group, msisdn = b.facts["channel_group"], sub["msisdn"]
    at = recharge["recharged_at"]
    terms, label = say.incident(at)
    proof_terms, proof_label = say.proof(group, channel, msisdn)
    shown = b.facts["recharge_in_indira"] and not b.facts["paid_with_credit"]
    used_at = voucher["used_at"] if voucher else None
    notice = say.failure_notice(group, channel)
    built.world.update(
        serial=recharge["serial"] or "",
        serial_or_trx=recharge["serial"] or recharge["transaction_id"] or "",
        recharge_time=f.to_wib(at).isoformat(),
        nominal=recharge["nominal"],
        nominal_label=f.rupiah(recharge["nominal"]),
        incident_terms=terms,
        incident_label=label,
        failure_notice=notice,
        channel_name=channel,
        channel_terms=say.channel_terms(channel, group),
        channel_label=say.channel_label(channel, group),
        proof_terms=proof_terms,
        proof_label=proof_label,
        indira_status=recharge["indira_status"] if shown else "",
        servo_status=voucher["servo_status"] if voucher else "",
        used_by=(voucher or {}).get("used_by_msisdn") or "",
        used_at=f.to_wib(used_at).isoformat() if used_at else "",
        balance=sub["balance"],
    )
    built.say.setdefault("package_name", "")
    built.say.setdefault("package_price", "")
    built.say.setdefault("package_channel", "")
    built.say.update(
        nominal=f.rupiah(recharge["nominal"]),
        recharge_date=f.long_date(at),
        recharge_clock=f.to_wib(at).strftime("%H.%M"),
        channel_name=say.spoken_name(channel),
        serial_answer=say.serial_answer(
            group, channel, b.facts["serial_given"], _said_serial(b, recharge)
        ),
        proof_answer=say.proof_answer(group, channel, b.facts["serial_given"]),
        failure_notice=notice,
    )


def observe(b: Build, built: Built) -> dict[str, Any]:
    """The lookup-established facts, read back from the rows (what the tools will show)."""
    sub = built.rows["subscriber"][0]
    at = datetime.fromisoformat(built.world["recharge_time"])
    rows = [r for r in built.rows.get("recharge", []) if r["recharged_at"] == at]
    credit = [
        r
        for r in built.rows.get("call_detail", [])
        if r["kind"] == "RECHARGE" and timedelta(0) <= r["at"] - at <= timedelta(minutes=1)
    ]
    serial = built.world["serial"]
    used = [
        v
        for v in built.rows.get("voucher", [])
        if serial and v["serial"] == serial and v["servo_status"] == "Used"
    ]
    outages = [
        r
        for r in built.rows.get("outage_notice", [])
        if support.area_matches(r["area"], sub["location"])
        and r["started_at"] <= b.sim_now <= r["expected_end"]
    ]
    tickets = [
        r
        for r in built.rows.get("ticket", [])
        if r["number"] == sub["msisdn"] and r["kip"] == KIP and r["status"] != "Closed"
    ]
    return {
        "brand": sub["brand"],
        "recharge_in_indira": bool(rows),
        "recharge_in_dsc": any(r["shown_in_dsc"] for r in rows),
        "credited": bool(credit),
        "servo_used": bool(used),
        "outage_in_area": bool(outages),
        "prior_ticket_same_complaint": bool(tickets),
    }
