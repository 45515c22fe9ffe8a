"""Date ranges typed into tool screens (`from` / `to`): parsing, limits, defaults from scope.now.

Routes take the raw strings (`FromQuery`, `ToQuery`) and pass them to the query, which calls
`date_range(...)` with the scope's clock, so defaults follow the episode's simulated "now".
Days are calendar days in WIB and both ends are inclusive: a 14-day range is `from` .. `from+13`.
A typed date must lie between EARLIEST and LATEST (years 1900-2100): anything else is a 422
naming the field, never an overflow turning WIB days into UTC instants.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import Query
from sqlalchemy import ColumnElement, and_

from gladi import formats as f
from gladi.errors import BadInput

DATE_EXPECTED = "a date YYYY-MM-DD (e.g. 2026-10-15) or DD-MM-YYYY"
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

FromQuery = Annotated[
    str | None,
    Query(alias="from", max_length=20, description=f"Tanggal awal: {DATE_EXPECTED}"),
]
ToQuery = Annotated[
    str | None,
    Query(alias="to", max_length=20, description=f"Tanggal akhir: {DATE_EXPECTED}"),
]


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of WIB calendar days."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many calendar days the range covers (both ends included)."""
        return (self.end - self.start).days + 1

    @property
    def since(self) -> datetime:
        """The first instant of `start` (00:00 WIB), aware (the columns store UTC)."""
        return datetime.combine(self.start, time(), tzinfo=f.WIB)

    @property
    def until(self) -> datetime:
        """The first instant after `end` (00:00 WIB the next day), aware."""
        return datetime.combine(self.end + timedelta(days=1), time(), tzinfo=f.WIB)

    def contains(self, column: ColumnElement[datetime]) -> ColumnElement[bool]:
        """SQL condition: the datetime column falls inside the range."""
        return and_(column >= self.since, column < self.until)

    def label(self) -> str:
        """'1 Oktober 2026 - 14 Oktober 2026', as the screen's period line."""
        return f"{f.long_date(self.start)} - {f.long_date(self.end)}"


def parse_date(raw: str, field: str) -> date:
    """A typed date (`2026-10-15`, `15-10-2026` or `15/10/2026`), else BadInput naming `field`."""
    text = raw.strip()
    for fmt in _FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not EARLIEST <= day <= LATEST:
            raise BadInput(
                f"{field}: {day.isoformat()} is outside the dates a tool keeps",
                field=field,
                expected=f"a date from {EARLIEST.isoformat()} to {LATEST.isoformat()}",
            )
        return day
    raise BadInput(f"{field}: not a date, got {raw!r}", field=field, expected=DATE_EXPECTED)


def date_range(
    raw_from: str | None,
    raw_to: str | None,
    *,
    now: datetime,
    default_days: int,
    max_days: int,
) -> DateRange:
    """The range the caller asked for, checked.

    `to` defaults to today (the WIB date of `now`); `from` defaults to `default_days` days
    ending at `to`. `from` after `to`, or a range longer than `max_days`, is BadInput naming
    the field to change and saying the maximum.
    """
    end = parse_date(raw_to, "to") if raw_to and raw_to.strip() else f.to_wib(now).date()
    if raw_from and raw_from.strip():
        start = parse_date(raw_from, "from")
    else:
        start = end - timedelta(days=default_days - 1)
    if start > end:
        raise BadInput(
            f"from ({start.isoformat()}) is after to ({end.isoformat()})",
            field="from",
            expected="a date on or before `to`",
        )
    picked = DateRange(start, end)
    if picked.days > max_days:
        raise BadInput(
            f"the range covers {picked.days} days; the maximum is {max_days} days",
            field="to" if raw_to else "from",
            expected=f"a range of at most {max_days} days (from .. to, both included)",
        )
    return picked
