"""Outage notice queries: by area (case-insensitive, either name inside the other)."""

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, literal, or_, select

from gladi import formats as f
from gladi.errors import BadInput
from gladi.world import OutageNotice
from mocks.outages.models import OutageItem, OutageList
from mocks.scope import Scope

NOTICES = OutageNotice.__table__  # type: ignore[attr-defined]


def _item(r: Any, now: datetime) -> OutageItem:
    active = r["started_at"] <= now <= r["expected_end"]
    display = {
        "Judul": r["title"],
        "Area": r["area"],
        "Layanan": r["service"],
        "Mulai": f"{f.wib_datetime(r['started_at'])} WIB",
        "Perkiraan Selesai": f"{f.wib_datetime(r['expected_end'])} WIB",
        "Status": "Aktif" if active else "Selesai",
        "Standar Jawaban": r["standard_answer"],
    }
    fields = {k: r[k] for k in OutageItem.model_fields if k not in ("active", "display")}
    return OutageItem(active=active, display=display, **fields)


def outages_by_area(
    conn: Connection, scope: Scope, area: str, include_past: bool = False
) -> OutageList:
    """Notices whose area matches, active at scope.now (and ended ones with include_past)."""
    wanted = " ".join(area.split()).lower()
    if len(wanted) < 2:
        raise BadInput("an area needs at least 2 letters", field="area", expected="e.g. Bandung")
    now = scope.now
    column = func.lower(NOTICES.c.area)
    matches = or_(column.contains(wanted, autoescape=True), literal(wanted).contains(column))
    query = select(NOTICES).where(scope.visible(NOTICES), matches, NOTICES.c.started_at <= now)
    if not include_past:
        query = query.where(NOTICES.c.expected_end >= now)
    rows = conn.execute(query.order_by(NOTICES.c.started_at.desc(), NOTICES.c.id)).mappings()
    items = [_item(r, now) for r in rows]
    summary = (
        f"{len(items)} informasi gangguan" if items else f"Tidak ada informasi gangguan di {area}"
    )
    return OutageList(
        area=area,
        include_past=include_past,
        count=len(items),
        items=items,
        display={"Area": area, "Hasil": summary},
    )
