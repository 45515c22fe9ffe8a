"""Seeded choice helpers: weighted tables, coverage plans and moments before WORLD_NOW."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from random import Random
from typing import TypeVar

from gladi.formats import WORLD_NOW, period_of, previous_period

T = TypeVar("T")
DAY = 86400
_NOW_TS = WORLD_NOW.timestamp()  # whole seconds: exact as a float
_WIB_OFFSET = timedelta(hours=7)  # Asia/Jakarta: UTC+07:00 all year, no DST since 1964


def weighted(*pairs: tuple[T, int]) -> tuple[T, ...]:
    """`("Active", 85), ("Inactive", 6)` -> a tuple holding each value `weight` times.

    `rng.choice` on the result is a weighted pick at the cost of a plain one.
    """
    return tuple(value for value, weight in pairs for _ in range(weight))


def pick(rng: Random, values: Sequence[T]) -> T:
    """`rng.choice(values)`, about three times faster (one float draw)."""
    return values[int(rng.random() * len(values))]


def between(rng: Random, low: int, high: int) -> int:
    """`rng.randint(low, high)` (both ends included), from one float draw."""
    return low + int(rng.random() * (high - low + 1))


def below(rng: Random, n: int) -> int:
    """`rng.randrange(n)` for n up to 2**52, from one float draw."""
    return int(rng.random() * n)


def sub_rng(seed: int, name: str) -> Random:
    """An independent, reproducible generator for one part of the world."""
    return Random(f"gladi:{seed}:{name}")


def cycle(values: Sequence[T], index: int) -> T:
    """`values[index]`, wrapping around."""
    return values[index % len(values)]


def coverage_slots(rng: Random, total: int, plans: Sequence[T]) -> dict[int, T]:
    """Spread `plans` over random positions in `range(total)` (first positions if too few)."""
    if total <= len(plans):
        return dict(enumerate(plans[:total]))
    return dict(zip(rng.sample(range(total), len(plans)), plans, strict=True))


def ago(rng: Random, max_days: float, min_days: float = 0.0) -> datetime:
    """A whole-second moment between `max_days` and `min_days` before WORLD_NOW (UTC)."""
    low = int(min_days * DAY)
    back = low + int(rng.random() * (int(max_days * DAY) - low + 1))
    return datetime.fromtimestamp(_NOW_TS - back, UTC)  # = WORLD_NOW - back s, a third cheaper


def days_ago(rng: Random, max_days: int, min_days: int = 0) -> date:
    """A calendar date between `max_days` and `min_days` before WORLD_NOW."""
    return (WORLD_NOW - timedelta(days=between(rng, min_days, max_days))).date()


def wib_moment(day: date, hour: int, minute: int, second: int = 0) -> datetime:
    """The UTC instant of a WIB wall-clock time (fixed offset: cheaper than the zone lookup)."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC) - _WIB_OFFSET


def period_start(period: str) -> datetime:
    """00:00 WIB on the first day of bill period `YYYYMM`, as a UTC instant."""
    return wib_moment(date(int(period[:4]), int(period[4:]), 1), 0, 0)


def next_period(period: str) -> str:
    """'202612' -> '202701'."""
    year, month = int(period[:4]), int(period[4:])
    return f"{year + 1}01" if month == 12 else f"{year}{month + 1:02d}"


def latest_period() -> str:
    """The newest bill period (TOS offers only this one): the month before WORLD_NOW's month."""
    return previous_period(period_of(WORLD_NOW))


def last_periods(latest: str, count: int) -> tuple[str, ...]:
    """The `count` bill periods ending with `latest`, oldest first."""
    periods = [latest]
    for _ in range(count - 1):
        year, month = int(periods[-1][:4]), int(periods[-1][4:])
        periods.append(f"{year - 1}12" if month == 1 else f"{year}{month - 1:02d}")
    return tuple(reversed(periods))


def rupiah_amount(rng: Random, low: int, high: int, step: int = 100) -> int:
    """A Rupiah amount in [low, high] rounded to `step`."""
    return between(rng, low // step, high // step) * step
