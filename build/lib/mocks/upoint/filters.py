"""The Subscriptions / Transactions search form: date range, OTT and regional filters.

'Memilih hanya satu tanggal akan hanya menampilkan data pada tanggal tersebut' (SOP 003):
no date searches all data, one date (either box) searches that day only, two dates search
from .. to inclusive (WIB calendar days).
"""

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Table, func, select

from gladi.errors import BadInput
from gladi.world import OttSubscription
from mocks.daterange import DateRange, parse_date
from mocks.scope import Scope

SUBS = OttSubscription.__table__  # type: ignore[attr-defined]
ALL = ("all", "all_item")


@dataclass(frozen=True)
class SearchForm:
    """A checked search: what to match and how the dashboard words it."""

    indihome: str
    days: DateRange | None
    services: list[str] | None
    ott: str
    regional: int | None

    def conditions(self, table: Table, time_column: str) -> list[ColumnElement[bool]]:
        """SQL conditions on `table` (subscriptions or transactions) for this search."""
        conds = [table.c.indihome_number == self.indihome]
        if self.days is not None:
            conds.append(self.days.contains(table.c[time_column]))
        if self.services is not None:
            conds.append(func.lower(table.c.service).in_([s.lower() for s in self.services]))
        if self.regional is not None:
            conds.append(table.c.regional == self.regional)
        return conds

    def summary(self, ott_label: str, all_data: bool) -> str:
        """'Nomor Indihome: 121517209330, Semua Data, Kategori: all_item, Regional: all_item.'"""
        parts = [f"Nomor Indihome: {self.indihome}"]
        if self.days is not None:
            start, end = self.days.start.isoformat(), self.days.end.isoformat()
            parts.append(f"Tanggal: {start}" if start == end else f"Tanggal: {start} - {end}")
        elif all_data:
            parts.append("Semua Data")
        parts.append(f"{ott_label}: {self.ott if self.services is not None else 'all_item'}")
        parts.append(f"Regional: {self.regional if self.regional is not None else 'all_item'}")
        return ", ".join(parts) + "."


def picked_days(raw_from: str | None, raw_to: str | None) -> DateRange | None:
    """None (all data), one day, or from .. to; `from` after `to` is BadInput on `to`."""
    start = parse_date(raw_from, "from") if raw_from and raw_from.strip() else None
    end = parse_date(raw_to, "to") if raw_to and raw_to.strip() else None
    if start is None and end is None:
        return None
    if start is None or end is None:
        day = start or end
        assert day is not None
        return DateRange(day, day)
    if start > end:
        raise BadInput(
            f"from ({start.isoformat()}) is after to ({end.isoformat()})",
            field="to",
            expected="a date on or after `from`",
        )
    return DateRange(start, end)


def known_services(conn: Connection, scope: Scope) -> list[str]:
    """Every OTT service the dashboard knows (the 'All OTT' dropdown)."""
    rows = conn.execute(select(SUBS.c.service).where(scope.visible(SUBS)).distinct())
    return sorted({r.service for r in rows})


def _service_matches(service: str, wanted: str) -> bool:
    code, _, name = service.partition(" - ")
    return wanted in (service.lower(), code.strip().lower(), name.strip().lower())


def picked_services(conn: Connection, scope: Scope, ott: str) -> list[str] | None:
    """None for 'all'; else the services named by `ott` ('799 - Disney', 'Disney' or '799')."""
    wanted = " ".join(ott.split()).lower()
    if wanted in ALL or not wanted:
        return None
    services = known_services(conn, scope)
    matched = [s for s in services if _service_matches(s, wanted)]
    if not matched:
        raise BadInput(
            f"unknown OTT {ott!r}",
            field="ott",
            expected="all, or one of: " + ", ".join(services),
        )
    return matched


def search_form(
    conn: Connection,
    scope: Scope,
    *,
    indihome: str,
    date_from: str | None,
    date_to: str | None,
    ott: str,
    regional: str,
) -> SearchForm:
    """Check the form's inputs and turn them into a SearchForm."""
    services = picked_services(conn, scope, ott)
    return SearchForm(
        indihome=indihome,
        days=picked_days(date_from, date_to),
        services=services,
        ott=", ".join(services) if services else "all",
        regional=None if regional in ALL else int(regional),
    )
