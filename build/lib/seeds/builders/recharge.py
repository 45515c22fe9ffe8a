"""Prepaid recharge rows (SOP 002): Indira recharges, voucher servo records, call details."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from seeds import ids, vocab
from seeds.builders.rows import Row, finish
from seeds.pools import Pools
from seeds.rand import ago, between, pick, weighted

CHANNELS = {channel.name: channel for channel in vocab.RECHARGE_CHANNELS}
CHANNEL_MIX = weighted(*((c.name, c.weight) for c in vocab.RECHARGE_CHANNELS))
CHANNEL_MIX_BY_KIND = {
    kind: weighted(*((c.name, c.weight) for c in vocab.RECHARGE_CHANNELS if c.kind == kind))
    for kind in vocab.CHANNEL_KINDS
}
STATUS_MIX = weighted(("Sukses", 90), ("Gagal", 6), ("Pending", 4))
NOMINAL_MIX = weighted(*zip(vocab.NOMINALS, (3, 10, 4, 12, 10, 14, 9, 3, 2, 1), strict=True))
USAGE_MIX = weighted(("VOICE", 30), ("SMS", 15), ("DATA", 40), ("PAKET", 15))
VOICE_RATES, SMS_RATES = (1300, 1500, 1800), (150, 250, 350)


def _shown(rng: Random, status: str, added: bool) -> bool:
    if status == "Sukses":
        return rng.random() < (0.97 if added else 0.5)
    return status == "Gagal" and rng.random() < 0.3


def build_recharge(
    rng: Random, pools: Pools, *, msisdn: str, channel: str | None = None,
    channel_kind: str | None = None, indira_status: str | None = None,
    balance_added: bool | None = None, shown_in_dsc: bool | None = None,
    recharged_at: datetime | None = None, **overrides: Any,
) -> Row:
    """A recharge: a 25-digit serial unless paid by fintech in MyTelkomsel (then a MYT id)."""
    if channel is None:
        channel = pick(rng, CHANNEL_MIX_BY_KIND[channel_kind] if channel_kind else CHANNEL_MIX)
    kind = CHANNELS[channel].kind if channel in CHANNELS else channel_kind or vocab.NON_FINTECH
    status = indira_status or ("Sukses" if balance_added else pick(rng, STATUS_MIX))
    added = (status == "Sukses" and rng.random() < 0.94) if balance_added is None else balance_added
    at = recharged_at or ago(rng, 60)
    in_app = kind == vocab.FINTECH_MYTSEL
    row = {
        "msisdn": msisdn, "recharged_at": at, "nominal": pick(rng, NOMINAL_MIX),
        "channel": channel, "channel_kind": kind,
        "serial": None if in_app else ids.voucher_serial(rng),
        "transaction_id": ids.mytelkomsel_trx_id(rng, at) if in_app else None,
        "indira_status": status,
        "shown_in_dsc": _shown(rng, status, added) if shown_in_dsc is None else shown_in_dsc,
        "balance_added": added, "episode_id": None,
    }
    return finish("recharge", row, overrides)


def build_voucher(
    rng: Random, pools: Pools, *, recharge: Row, servo_status: str | None = None,
    **overrides: Any,
) -> Row:
    """The servo record of a recharge's serial: Used (by whom, when) exactly when credited.

    A few uncredited vouchers show Used by another number (a mistyped MSISDN).
    """
    if recharge["serial"] is None:
        raise ValueError("a MyTelkomsel fintech recharge has no voucher serial")
    other = not recharge["balance_added"] and rng.random() < 0.05
    status = servo_status or ("Used" if recharge["balance_added"] or other else "Not Used")
    used = status == "Used"
    at: datetime = recharge["recharged_at"]
    row = {
        "serial": recharge["serial"], "nominal": recharge["nominal"], "seller": recharge["channel"],
        "servo_status": status,
        "used_by_msisdn": (ids.msisdn(rng) if other else recharge["msisdn"]) if used else None,
        "used_at": at + timedelta(seconds=between(rng, 2, 90)) if used else None,
        "expires_on": (at + timedelta(days=between(rng, 30, 180))).date(), "episode_id": None,
    }
    return finish("voucher", row, overrides)


def _usage(rng: Random, contacts: Sequence[str]) -> tuple[str, str, str, int]:
    """(kind, destination, quantity, charge) of one usage event."""
    kind = pick(rng, USAGE_MIX)
    if kind == "VOICE":
        minutes = between(rng, 1, 15)
        return kind, pick(rng, contacts), f"{minutes} menit", minutes * pick(rng, VOICE_RATES)
    if kind == "SMS":
        return kind, pick(rng, contacts), "1 SMS", pick(rng, SMS_RATES)
    if kind == "DATA":
        mb = between(rng, 5, 400)
        return kind, "internet", f"{mb} MB", mb * 50
    name, price = pick(rng, vocab.PACKAGES)
    return kind, pick(rng, ("*363#", "MyTelkomsel")), name, price


def build_call_details(
    rng: Random, pools: Pools, *, msisdn: str, prepaid: bool, recharges: Sequence[Row] = (),
    start_balance: int = 0, count: int = 8, days: int = 45,
    contacts: Sequence[str] | None = None, **overrides: Any,
) -> tuple[list[Row], int]:
    """Usage rows of the last `days` days plus a RECHARGE row per credited recharge.

    Calls and SMS go to `contacts` (default: three random numbers). Prepaid rows run a
    balance from `start_balance` (RECHARGE rows have charge = -nominal, usage the balance
    cannot pay is skipped); returns (rows in time order, final balance). Postpaid rows have
    balance_after 0.
    """
    contacts = contacts or [ids.msisdn(rng) for _ in range(3)]
    events: list[tuple[datetime, str, str, str, int]] = [
        (ago(rng, days), *_usage(rng, contacts)) for _ in range(count)
    ]
    if prepaid:
        events += [
            (r["recharged_at"] + timedelta(seconds=5), "RECHARGE", r["channel"],
             f"Rp{r['nominal']:,}".replace(",", "."), -r["nominal"])
            for r in recharges if r["balance_added"]
        ]
    events.sort(key=lambda event: event[0])
    balance, rows = start_balance, []
    for at, kind, destination, quantity, charge in events:
        if prepaid and charge > balance:
            continue
        balance = balance - charge if prepaid else 0
        rows.append({"msisdn": msisdn, "at": at, "kind": kind, "destination": destination,
                     "quantity": quantity, "charge": charge, "balance_after": balance,
                     "episode_id": None})
    return [finish("call_detail", row, overrides) for row in rows] if overrides else rows, balance
