"""IndiHome rows (SOP 003): customers, UPoint OTT subscriptions and their monthly charges."""

from datetime import datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import WORLD_NOW, period_of
from seeds import ids, vocab
from seeds.builders.rows import Row, address, finish
from seeds.pools import Pools
from seeds.providers import City
from seeds.rand import ago, between, next_period, period_start, pick, weighted

PRODUCT_MIX = weighted(*zip((name for name, _ in vocab.INDIHOME_PRODUCTS), (30, 30, 25, 10, 5),
                            strict=True))
OFFERS = {offer.service: offer for offer in vocab.OTT_OFFERS}
CHANNEL_MIX = weighted(("STB", 6), ("MYINDIHOME", 3), ("WEB", 1))
GRACE = timedelta(days=2)


def build_indihome_customer(
    rng: Random, pools: Pools, *, city: City | None = None, **overrides: Any
) -> Row:
    """An IndiHome subscription; the POTS area code and regional follow the city."""
    city = city or pick(rng, pools.cities)
    row = {
        "indihome_number": ids.indihome_number(rng),
        "pots_phone": ids.pots_phone(rng, city.area_code),
        "name": pick(rng, pools.people).name.upper(), "product": pick(rng, PRODUCT_MIX),
        "group_id": ids.group_id(rng), "address": address(rng, pools.streets, city.name),
        "regional": city.regional, "episode_id": None,
    }
    return finish("indihome_customer", row, overrides)


def renewal_moment(rng: Random, period: str) -> datetime:
    """A monthly renewal: just after 00:00 WIB on the first day of `period`."""
    return period_start(period) + timedelta(seconds=between(rng, 120, 600))


def _charge_times(rng: Random, start: datetime, renewals: int | None) -> list[datetime]:
    """The first purchase and up to `renewals` monthly renewals (all if None), none after now."""
    times, period = [start], next_period(period_of(start))
    while renewals is None or len(times) <= renewals:
        moment = renewal_moment(rng, period)
        if moment > WORLD_NOW:
            break
        times.append(moment)
        period = next_period(period)
    return times


def _ended(rng: Random, times: list[datetime]) -> tuple[list[datetime], datetime]:
    """Charges of an Inactive subscription and its end: a renewal that failed or was stopped."""
    keep = times[: between(rng, 1, len(times))]
    end = renewal_moment(rng, next_period(period_of(keep[-1]))) + GRACE
    while end > WORLD_NOW and len(keep) > 1:
        keep.pop()
        end = renewal_moment(rng, next_period(period_of(keep[-1]))) + GRACE
    return keep, min(end, WORLD_NOW - timedelta(hours=1))


def _transaction(rng: Random, sub: Row, offer: vocab.OttOffer, at: datetime) -> Row:
    return {
        "indihome_number": sub["indihome_number"], "price": offer.price,
        "prorate_price": offer.price, "item": offer.item, "service": offer.service,
        "partner_ref_no": sub["partner_ref_no"], "trx_id": ids.upoint_trx_id(rng),
        "trx_time": at, "regional": sub["regional"], "episode_id": sub["episode_id"],
    }


def build_ott_subscription(
    rng: Random, pools: Pools, *, customer: Row, service: str | None = None,
    status: str | None = None, start_time: datetime | None = None, renewals: int | None = None,
    **overrides: Any,
) -> tuple[Row, list[Row]]:
    """A UPoint subscription and one transaction per charge (purchase + monthly renewals).

    Active: renewed on the 1st of every month up to WORLD_NOW, no end time. Inactive: stopped
    after some renewals, end time two days after the renewal that did not happen.
    """
    offer = OFFERS[service] if service else pick(rng, vocab.OTT_OFFERS)
    status = status or ("Active" if rng.random() < 0.65 else "Inactive")
    start = start_time or ago(rng, 420, 10)
    times = _charge_times(rng, start, renewals)
    end = None
    if status == "Inactive":
        times, end = _ended(rng, times)
    sub = {
        "partner_ref_no": ids.partner_ref_no(start, customer["indihome_number"]),
        "indihome_number": customer["indihome_number"], "item": offer.item, "price": offer.price,
        "denom": offer.price, "service": offer.service, "status": status, "start_time": start,
        "end_time": end, "channel": pick(rng, CHANNEL_MIX), "last_charge": times[-1],
        "regional": customer["regional"], "episode_id": None,
    }
    sub = finish("ott_subscription", sub, overrides)
    return sub, [_transaction(rng, sub, offer, at) for at in times]
