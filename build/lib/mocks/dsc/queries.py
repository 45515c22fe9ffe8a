"""DSC subscriber queries: plain functions over a connection, raising domain errors."""

from sqlalchemy import Connection, RowMapping, bindparam, or_, select

from gladi.db import first_mapping
from gladi.errors import NotFound
from gladi.world import CallDetail, FaPayment, HlrService, Recharge, Subscriber
from mocks.daterange import date_range
from mocks.dsc import views
from mocks.dsc.models import (
    CallDetails,
    Device,
    FaPayments,
    Hlr,
    Profile,
    Recharges,
    Upcc,
)
from mocks.scope import Scope
from mocks.screens import not_found_view

SUB = Subscriber.__table__  # type: ignore[attr-defined]
FA = FaPayment.__table__  # type: ignore[attr-defined]
HLR = HlrService.__table__  # type: ignore[attr-defined]
RCH = Recharge.__table__  # type: ignore[attr-defined]
CDR = CallDetail.__table__  # type: ignore[attr-defined]
HISTORY_LIMIT = 100
CALL_DETAIL_DAYS = 7
CALL_DETAIL_MAX_DAYS = 31
HLR_ORDER = {"VOICE": 0, "SMS": 1, "DATA": 2}


# The subscriber lookup runs on every DSC screen: its two statements (background only, or
# background plus one episode) are built once, so SQLAlchemy reuses their cache key and
# compiled form instead of rebuilding both per call. Same SQL as `scope.visible(SUB)`.
_SUBSCRIBER = select(SUB).where(SUB.c.msisdn == bindparam("msisdn"))
_SUBSCRIBER_BACKGROUND = _SUBSCRIBER.where(SUB.c.episode_id.is_(None)).order_by(
    SUB.c.episode_id.is_(None)
)
_SUBSCRIBER_IN_EPISODE = _SUBSCRIBER.where(
    or_(SUB.c.episode_id.is_(None), SUB.c.episode_id == bindparam("episode_id"))
).order_by(SUB.c.episode_id.is_(None))


def subscriber_row(conn: Connection, scope: Scope, msisdn: str) -> RowMapping:
    """The visible subscriber with this MSISDN (the episode's own row first), else NotFound."""
    if scope.episode_id is None:
        result = conn.execute(_SUBSCRIBER_BACKGROUND, {"msisdn": msisdn})
    else:
        result = conn.execute(
            _SUBSCRIBER_IN_EPISODE, {"msisdn": msisdn, "episode_id": scope.episode_id}
        )
    row = first_mapping(result)
    if row is None:
        raise NotFound(
            f"no subscriber with MSISDN {msisdn}",
            field="msisdn",
            extra=not_found_view("MSISDN", msisdn),
        )
    return row


def profile(conn: Connection, scope: Scope, msisdn: str) -> Profile:
    """Profil MSISDN: name, brand, class, status (and aging), balance, location, contact."""
    row = subscriber_row(conn, scope, msisdn)
    return views.profile(row)


def device(conn: Connection, scope: Scope, msisdn: str) -> Device:
    """Device: handset model and IMEI."""
    row = subscriber_row(conn, scope, msisdn)
    return Device(
        msisdn=row["msisdn"],
        device=row["device"],
        imei=row["imei"],
        display={"MSISDN": row["msisdn"], "Perangkat": row["device"], "IMEI": row["imei"]},
    )


def fa_payments(conn: Connection, scope: Scope, msisdn: str) -> FaPayments:
    """FA Payment: payments on the financial account, newest first, with ledger state."""
    subscriber_row(conn, scope, msisdn)
    query = (
        select(FA)
        .where(FA.c.msisdn == msisdn, scope.visible(FA))
        .order_by(FA.c.paid_at.desc(), FA.c.id.desc())
        .limit(HISTORY_LIMIT)
    )
    items = [views.fa_row(r) for r in conn.execute(query).mappings()]
    return FaPayments(
        msisdn=msisdn,
        count=len(items),
        items=items,
        display={"MSISDN": msisdn, "Hasil": f"{len(items)} pembayaran"},
    )


def hlr(conn: Connection, scope: Scope, msisdn: str) -> Hlr:
    """Status HLR: VOICE, SMS and DATA with state, block reason and last update."""
    subscriber_row(conn, scope, msisdn)
    query = select(HLR).where(HLR.c.msisdn == msisdn, scope.visible(HLR))
    rows = conn.execute(query.order_by(HLR.c.updated_at, HLR.c.id)).mappings().all()
    # An episode's own row for a service replaces the background one.
    latest: dict[str, RowMapping] = {}
    for r in sorted(rows, key=lambda r: r["episode_id"] is not None):
        latest[r["service"]] = r
    ordered = sorted(latest.values(), key=lambda r: HLR_ORDER.get(r["service"], 9))
    items = [views.hlr_row(r) for r in ordered]
    # The rows only: whether anything is blocked is for the agent to read (SOP 001:29-31).
    return Hlr(msisdn=msisdn, count=len(items), items=items, display={"MSISDN": msisdn})


def recharges(conn: Connection, scope: Scope, msisdn: str) -> Recharges:
    """Recharge History: only the recharges that reached DSC, newest first."""
    subscriber_row(conn, scope, msisdn)
    query = (
        select(RCH)
        .where(RCH.c.msisdn == msisdn, RCH.c.shown_in_dsc.is_(True), scope.visible(RCH))
        .order_by(RCH.c.recharged_at.desc(), RCH.c.id.desc())
        .limit(HISTORY_LIMIT)
    )
    items = [views.recharge_row(r) for r in conn.execute(query).mappings()]
    return Recharges(
        msisdn=msisdn,
        count=len(items),
        items=items,
        display={"MSISDN": msisdn, "Hasil": f"{len(items)} isi ulang"},
    )


def call_details(
    conn: Connection,
    scope: Scope,
    msisdn: str,
    date_from: str | None = None,
    date_to: str | None = None,
) -> CallDetails:
    """Panggilan Detail: usage in `from`..`to` (default: the 7 days up to now), newest first."""
    period = date_range(
        date_from,
        date_to,
        now=scope.now,
        default_days=CALL_DETAIL_DAYS,
        max_days=CALL_DETAIL_MAX_DAYS,
    )
    subscriber_row(conn, scope, msisdn)
    query = (
        select(CDR)
        .where(CDR.c.msisdn == msisdn, scope.visible(CDR), period.contains(CDR.c.at))
        .order_by(CDR.c.at.desc(), CDR.c.id.desc())
    )
    items = [views.call_detail_row(r) for r in conn.execute(query).mappings()]
    return CallDetails(
        msisdn=msisdn,
        date_from=period.start,
        date_to=period.end,
        count=len(items),
        items=items,
        display={"MSISDN": msisdn, "Periode": period.label(), "Hasil": f"{len(items)} data"},
    )


def upcc(conn: Connection, scope: Scope, msisdn: str) -> Upcc:
    """UPCC: the subscriber's quota / package note."""
    row = subscriber_row(conn, scope, msisdn)
    return Upcc(
        msisdn=row["msisdn"],
        upcc_note=row["upcc_note"],
        display={"MSISDN": row["msisdn"], "Keterangan UPCC": row["upcc_note"]},
    )
