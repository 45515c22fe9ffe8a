"""GraPARI Online order rows (SOP 004), with times and delivery facts that fit their status."""

from datetime import datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import WORLD_NOW, to_wib
from seeds import ids, vocab
from seeds.builders.rows import Row, finish
from seeds.pools import Pools
from seeds.rand import below, between, pick, weighted, wib_moment

STATUS_MIX = weighted(*zip(vocab.GOL_STATUSES, (5, 6, 5, 3, 5, 6, 12, 40, 10, 8), strict=True))
TYPE_MIX = weighted(("Ganti Kartu", 35), ("Perdana Prabayar", 40), ("Halo PSB", 25))
# Hours between the order and WORLD_NOW that fit each status: (regular range, instant range).
AGE_HOURS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "Pending Verification": ((0.5, 48), (0.5, 12)),
    "Pending Payment": ((0.2, 23), (0.2, 23)),
    "Activation In Progress": ((2, 72), (2, 72)),
    "Activation Incident": ((2, 240), (2, 240)),
    "Pending Perso": ((1, 48), (1, 5)),
    "Delivery Init": ((1, 48), (0.5, 4)),
    "Delivery In Progress": ((12, 118), (1, 5.5)),
    "Completed": ((30, 720), (3, 720)),
    "Cancelled SLA": ((25, 720), (25, 720)),
    "Delivery Incident": ((122, 720), (7, 720)),
}
SLA_HOURS = {"Reguler": 5 * 24, "Instant": 6}


def _ordered_at(rng: Random, status: str, delivery: str, late: bool) -> datetime:
    low, high = AGE_HOURS[status][delivery == "Instant"]
    moment = WORLD_NOW - timedelta(seconds=between(rng, int(low * 3600), int(high * 3600)))
    if not late:
        return moment
    for back in range(40):  # the same age window, but between 20:00 and 23:59 WIB
        day = (to_wib(moment) - timedelta(days=back)).date()
        evening = wib_moment(day, between(rng, 20, 23), below(rng, 60), below(rng, 60))
        if low * 3600 <= (WORLD_NOW - evening).total_seconds() <= high * 3600:
            return evening
    return moment


def _status_at(rng: Random, status: str, delivery: str, ordered: datetime) -> datetime:
    if status == "Cancelled SLA":
        return ordered + timedelta(hours=24)
    if status == "Delivery Incident":
        return ordered + timedelta(hours=SLA_HOURS[delivery])
    return (ordered + (WORLD_NOW - ordered) * rng.uniform(0.1, 0.9)).replace(microsecond=0)


def _payment_status(rng: Random, status: str) -> str:
    if status in ("Pending Verification", "Cancelled SLA"):
        return "Unpaid"
    if status == "Pending Payment":
        return "Failed" if rng.random() < 0.2 else "Unpaid"
    return "Paid"


def _upcc(status: str, package: str) -> str:
    if status == "Completed":
        return f"{package} aktif"
    if status == "Activation Incident":
        return f"{package} gagal diaktifkan"
    return "Belum ada paket aktif"


def build_gol_order(
    rng: Random, pools: Pools, *, status: str | None = None, order_type: str | None = None,
    delivery_type: str | None = None, courier: str | None = None, late: bool = False,
    **overrides: Any,
) -> Row:
    """A GOL order; `late=True` places it after 20:00 WIB. Pending Verification is card swaps."""
    status = status or pick(rng, STATUS_MIX)
    swap = status == "Pending Verification"
    kind = order_type or ("Ganti Kartu" if swap else pick(rng, TYPE_MIX))
    delivery = delivery_type or ("Instant" if rng.random() < 0.25 else "Reguler")
    courier = courier or pick(rng, vocab.COURIERS[delivery])
    ordered = _ordered_at(rng, status, delivery, late)
    person, outlet = pick(rng, pools.people), pick(rng, pools.outlets)
    package = pick(rng, vocab.GOL_PACKAGES[kind])
    shipped = status in vocab.SHIPPED_STATUSES
    row = {
        "order_id": ids.gol_order_id(rng, ordered),
        "email": f"{person.email_stem}{below(rng, 100)}@{pick(rng, pools.email_domains)}",
        "msisdn": ids.msisdn(rng), "order_type": kind, "package": package, "ordered_at": ordered,
        "delivery_type": delivery, "courier": courier,
        "resi": ids.resi(rng, courier) if shipped else None,
        "fos_grapari": outlet.name, "grapari_phone": outlet.phone, "status": status,
        "status_at": _status_at(rng, status, delivery, ordered),
        "payment_method": pick(rng, vocab.GOL_PAYMENT_METHODS),
        "payment_status": _payment_status(rng, status),
        "picked_up": status in ("Delivery In Progress", "Completed")
        or (status == "Delivery Incident" and rng.random() < 0.5),
        "upcc_note": _upcc(status, package), "episode_id": None,
    }
    return finish("gol_order", row, overrides)
