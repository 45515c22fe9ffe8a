"""E-Payment / I-Payment bill rows: an enterprise account's bill and an IndiHome bill."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import WORLD_NOW, period_of
from seeds import vocab
from seeds.builders.rows import Row, finish
from seeds.pools import Pools
from seeds.rand import between, period_start, pick

INDIHOME_PRICES = dict(vocab.INDIHOME_PRODUCTS)
METERAI_THRESHOLD, METERAI = 5_000_000, 10_000


def paid_moment(rng: Random, period: str) -> datetime:
    """When a bill of `period` was paid: a WIB business hour in its month, never after now."""
    offset = timedelta(days=between(rng, 0, 24), seconds=between(rng, 7 * 3600, 21 * 3600))
    return min(period_start(period) + offset, WORLD_NOW - timedelta(hours=1))


def _bill(
    rng: Random, number: str, kind: str, period: str, parts: Sequence[tuple[str, int]],
    paid: bool, places: Sequence[str],
) -> tuple[Row, list[Row]]:
    amount = sum(value for _, value in parts)
    status = "Lunas" if paid else "Belum Lunas"
    place = pick(rng, places) if paid else None
    bill = {
        "number": number, "number_kind": kind, "period": period, "amount": amount,
        "unpaid": 0 if paid else amount, "status": status, "payment_place": place,
        "instalment": vocab.INSTALMENT, "paid_at": paid_moment(rng, period) if paid else None,
        "episode_id": None,
    }
    lines = [
        {"bill_id": None, "service": service, "amount": value, "status": status,
         "payment_place": place, "episode_id": None}
        for service, value in parts
    ]
    return bill, lines


def _attach(bill: Row, lines: list[Row], overrides: dict[str, Any]) -> tuple[Row, list[Row]]:
    bill = finish("payment_bill", bill, overrides)
    for line in lines:
        line["bill_id"] = bill.get("id")
        line["episode_id"] = bill["episode_id"]
    return bill, lines


def build_account_bill(
    rng: Random, pools: Pools, *, invoice: Row, lines: Sequence[Row], paid: bool | None = None,
    **overrides: Any,
) -> tuple[Row, list[Row]]:
    """E-Payment row of an enterprise account for the invoice's period; lines = product subtotals.

    Lines carry `bill_id = overrides["id"]` when given; otherwise set it after inserting.
    """
    totals: dict[str, int] = {}
    for line in lines:
        totals[line["product_group"]] = totals.get(line["product_group"], 0) + line["amount"]
    paid = rng.random() < 0.95 if paid is None else paid
    bill, parts = _bill(rng, invoice["account_number"], "account", invoice["period"],
                        list(totals.items()), paid, vocab.ENTERPRISE_PAY_PLACES)
    return _attach(bill, parts, overrides)


def indihome_parts(abonemen: int, content: int) -> list[tuple[str, int]]:
    """INTERNET CONTENT (only when there was OTT), ABONEMEN, PPN, METERAI."""
    ppn = round((abonemen + content) * vocab.PPN_PERCENT / 100)
    meterai = METERAI if abonemen + content + ppn > METERAI_THRESHOLD else 0
    parts = [("INTERNET CONTENT", content)] if content else []
    return [*parts, ("ABONEMEN", abonemen), ("PPN UNSUR KENA PAJAK", ppn), ("METERAI", meterai)]


def build_indihome_bill(
    rng: Random, pools: Pools, *, customer: Row, period: str, content: int = 0,
    paid: bool | None = None, abonemen: int | None = None, **overrides: Any,
) -> tuple[Row, list[Row]]:
    """I-Payment row of an IndiHome number; `content` = that period's OTT charges.

    Lines carry `bill_id = overrides["id"]` when given; otherwise set it after inserting.
    """
    fee = abonemen if abonemen is not None else INDIHOME_PRICES.get(customer["product"], 425000)
    paid = rng.random() < 0.9 if paid is None else paid
    bill, parts = _bill(rng, customer["indihome_number"], "indihome", period,
                        indihome_parts(fee, content), paid, vocab.INDIHOME_PAY_PLACES)
    return _attach(bill, parts, overrides)


def internet_content(transactions: Iterable[Row]) -> dict[str, int]:
    """Period `YYYYMM` (WIB) -> sum of the OTT transaction prices charged in it."""
    totals: dict[str, int] = {}
    for trx in transactions:
        period = period_of(trx["trx_time"])
        totals[period] = totals.get(period, 0) + trx["price"]
    return totals
