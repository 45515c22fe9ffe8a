"""SOP 004 times: GOL order and status moments placed on the episode's clock.

A fact "N hours since X" means the moment is more than N and less than N+1 hours before the
episode's now (whole minutes 1-59 past the hour), so the trainee reads the same whole hours off
the tool's `Tanggal Order` / `Waktu Status` as the rules use.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from gladi.formats import WIB, to_wib

SLA_HOURS = {"Reguler": 5 * 24, "Instant": 6}
"""004:67: delivery SLA from the order time."""
CALLBACK_END = time(20, 0)
"""004:20: the next day's call-back window is 08.00-20.00 WIB."""
LATE_HOUR = 20
"""004:20: "Order yg dilakukan lebih dari jam 8 malam"."""

# Whole hours since the order that fit a status when the case does not fix them, per delivery
# type; none crosses a threshold a rule of that status uses (1x24 h, 6 h, SLA).
PLAUSIBLE_HOURS: dict[str, dict[str, tuple[int, int]]] = {
    "Pending Verification": {"Reguler": (1, 5), "Instant": (1, 4)},
    "Pending Payment": {"Reguler": (1, 20), "Instant": (1, 20)},
    "Activation In Progress": {"Reguler": (30, 96), "Instant": (30, 96)},
    "Activation Incident": {"Reguler": (4, 100), "Instant": (4, 100)},
    "Pending Perso": {"Reguler": (2, 40), "Instant": (1, 4)},
    "Delivery Init": {"Reguler": (2, 40), "Instant": (1, 4)},
    "Delivery In Progress": {"Reguler": (12, 100), "Instant": (1, 5)},
    "Completed": {"Reguler": (30, 300), "Instant": (3, 200)},
    "Cancelled SLA": {"Reguler": (26, 300), "Instant": (26, 300)},
    "Delivery Incident": {"Reguler": (121, 300), "Instant": (7, 200)},
}
NO_ORDER_HOURS = (1, 5)
NOT_FOUND_HOURS = (24, 200)
STATUS_HOURS = (2, 10)
"""Hours in Activation In Progress when the case does not fix them (under 1x24 h)."""


def hours_ago(rng: Random, now: datetime, hours: int, late: bool | None = None) -> datetime:
    """A whole-second moment more than `hours` and less than `hours + 1` before `now`.

    `late=True` wants it at/after 20:00 WIB, `late=False` before; ValueError if the hour allows
    neither (the case's clock and hours disagree with `order_after_20`).
    """
    minutes = list(range(1, 60))
    rng.shuffle(minutes)
    for minute in minutes:
        moment = now - timedelta(hours=hours, minutes=minute, seconds=int(rng.random() * 60))
        moment = moment.replace(microsecond=0)
        if late is None or (to_wib(moment).hour >= LATE_HOUR) == late:
            return moment
    wanted = "at/after" if late else "before"
    raise ValueError(f"no moment {hours} h before {now} is {wanted} 20:00 WIB; fix the case clock")


def whole_hours(start: datetime, end: datetime) -> int:
    """Whole hours from `start` to `end` (floored)."""
    return int((end - start) // timedelta(hours=1))


def ordered_late(ordered: datetime) -> bool:
    """Ordered at or after 20:00 WIB."""
    return to_wib(ordered).hour >= LATE_HOUR


def callback_window_open(ordered: datetime, now: datetime) -> bool:
    """Ordered after 20:00 and the next day's 08.00-20.00 call-back window has not ended."""
    if not ordered_late(ordered):
        return False
    next_day = to_wib(ordered).date() + timedelta(days=1)
    return now < datetime.combine(next_day, CALLBACK_END, tzinfo=WIB)


def sla_deadline(ordered: datetime, delivery_type: str) -> datetime:
    """When the delivery SLA runs out."""
    return ordered + timedelta(hours=SLA_HOURS[delivery_type])


def wib_day(moment: datetime) -> date:
    """The WIB calendar day of a moment."""
    return to_wib(moment).date()
