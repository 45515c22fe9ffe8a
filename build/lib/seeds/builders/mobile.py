"""Mobile subscriber rows (SOP 001): DSC profile, HLR services and FA payments."""

from collections.abc import Mapping
from datetime import datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import WORLD_NOW
from seeds import ids, vocab
from seeds.builders.rows import Row, finish
from seeds.pools import Pools
from seeds.rand import ago, below, between, days_ago, pick, rupiah_amount, weighted

BRAND_MIX = weighted(("KartuHalo", 28), ("simPATI", 42), ("Kartu AS", 20), ("Loop", 10))
POSTPAID_STATUS_MIX = weighted(
    (vocab.ACTIVE, 72), (vocab.OOC_TRIAL, 7), (vocab.COLLECTION_BLOCK, 10),
    (vocab.VOLUNTARY_BLOCK, 4), (vocab.TERMINATED, 7),
)
PREPAID_STATUS_MIX = weighted(
    (vocab.ACTIVE, 82), (vocab.AGING, 8), (vocab.VOLUNTARY_BLOCK, 2), (vocab.TERMINATED, 8),
)
POSTPAID_CLASS_MIX = weighted(("Diamond", 6), ("Platinum", 16), ("Gold", 30), ("Silver", 30),
                              ("Blue", 18))
PREPAID_CLASS_MIX = weighted(("Diamond", 1), ("Platinum", 4), ("Gold", 15), ("Silver", 30),
                             ("Blue", 50))
HALO_PLANS = ("Halo Kick 50", "Halo+ 150", "Halo Unlimited 100K", "Halo Keluarga 250")
FA_CHANNEL_MIX = weighted(
    *((name, 3 if name.startswith("Bank") else 2) for name in vocab.FA_CHANNELS)
)
ALL_BLOCKED = {
    vocab.VOLUNTARY_BLOCK: "Customer Request", vocab.AGING: "Aging",
    vocab.TERMINATED: "Terminated",
}


def _upcc_note(rng: Random, postpaid: bool, status: str) -> str:
    if status in (vocab.AGING, vocab.TERMINATED, vocab.VOLUNTARY_BLOCK):
        return "Tidak ada paket aktif"
    if postpaid:
        return f"{pick(rng, HALO_PLANS)} | sisa kuota utama {between(rng, 0, 60)} GB | reset tgl 1"
    name, _ = pick(rng, vocab.PACKAGES)
    until = (WORLD_NOW + timedelta(days=between(rng, 1, 30))).strftime("%d-%m-%Y")
    return f"{name} | sisa kuota {between(rng, 1, 240) / 10:.1f} GB | berlaku s.d. {until}"


def build_subscriber(
    rng: Random, pools: Pools, *, brand: str | None = None, dsc_status: str | None = None,
    **overrides: Any,
) -> Row:
    """A DSC profile. Postpaid (KartuHalo) numbers carry no balance; `Aging` sets aging_days.

    The world replaces `balance` with the end of the call-detail timeline (build_call_details).
    """
    brand = brand or pick(rng, BRAND_MIX)
    postpaid = brand == vocab.POSTPAID_BRAND
    status = dsc_status or pick(rng, POSTPAID_STATUS_MIX if postpaid else PREPAID_STATUS_MIX)
    person, device = pick(rng, pools.people), pick(rng, pools.devices)
    city = pick(rng, pools.cities)
    lapsed = status in (vocab.AGING, vocab.TERMINATED)
    row = {
        "msisdn": ids.msisdn(rng), "name": person.name, "brand": brand,
        "customer_class": pick(rng, POSTPAID_CLASS_MIX if postpaid else PREPAID_CLASS_MIX),
        "dsc_status": status, "aging_days": between(rng, 1, 60) if status == vocab.AGING else 0,
        "balance": 0 if postpaid else rupiah_amount(rng, 0, 149_950, 50),
        "device": device.name, "imei": ids.imei(rng, device.tac), "location": city.name,
        "email": f"{person.email_stem}{below(rng, 100)}@{pick(rng, pools.email_domains)}",
        "alt_contact": ids.msisdn(rng),
        "activation_date": days_ago(rng, 12 * 365, 200 if lapsed else 30),
        "upcc_note": _upcc_note(rng, postpaid, status), "episode_id": None,
    }
    return finish("subscriber", row, overrides)


def default_blocks(rng: Random, dsc_status: str) -> dict[str, str]:
    """HLR service -> block reason that usually goes with a DSC status."""
    if dsc_status in ALL_BLOCKED:
        return dict.fromkeys(vocab.HLR_SERVICES, ALL_BLOCKED[dsc_status])
    if dsc_status == vocab.COLLECTION_BLOCK:
        blocked = ("VOICE", "SMS", "DATA") if rng.random() < 0.6 else ("VOICE", "SMS")
        return dict.fromkeys(blocked, "Collection")
    if dsc_status == vocab.OOC_TRIAL and rng.random() < 0.4:
        return dict.fromkeys(pick(rng, (("DATA",), ("VOICE", "SMS"), vocab.HLR_SERVICES)), "HUM")
    if dsc_status == vocab.ACTIVE and rng.random() < 0.015:
        return {"DATA": "Fraud"}
    return {}


def build_hlr(
    rng: Random, pools: Pools, *, msisdn: str, dsc_status: str,
    blocks: Mapping[str, str] | None = None, **overrides: Any,
) -> list[Row]:
    """The three HLR rows (VOICE, SMS, DATA); `blocks` maps a service to its block reason."""
    blocks = default_blocks(rng, dsc_status) if blocks is None else blocks
    rows = []
    for service in vocab.HLR_SERVICES:
        reason = blocks.get(service)
        row = {
            "msisdn": msisdn, "service": service, "state": "Blocked" if reason else "Active",
            "block_reason": reason, "updated_at": ago(rng, 30) if reason else ago(rng, 400, 30),
            "episode_id": None,
        }
        rows.append(finish("hlr_service", row, overrides))
    return rows


def build_fa_payment(
    rng: Random, pools: Pools, *, msisdn: str, paid_at: datetime | None = None,
    **overrides: Any,
) -> Row:
    """A postpaid bill payment on the FA; most are posted to the ledger and notified."""
    row = {
        "msisdn": msisdn, "paid_at": paid_at or ago(rng, 180),
        "channel": pick(rng, FA_CHANNEL_MIX), "amount": rupiah_amount(rng, 75_000, 1_499_500, 500),
        "reference": ids.payment_reference(rng), "posted_to_ledger": rng.random() < 0.97,
        "notification_sent": rng.random() < 0.92, "episode_id": None,
    }
    return finish("fa_payment", row, overrides)
