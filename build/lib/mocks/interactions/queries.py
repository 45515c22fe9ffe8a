"""Interaction history queries: interactions and tickets about a number, newest first."""

from typing import Any

from sqlalchemy import Connection, select

from gladi import formats as f
from gladi.world import Interaction, Ticket
from mocks.interactions.models import InteractionHistory, InteractionItem, TicketSummary
from mocks.scope import Scope
from mocks.tickets.catalog import CATALOG

INTERACTIONS = Interaction.__table__  # type: ignore[attr-defined]
TICKETS = Ticket.__table__  # type: ignore[attr-defined]
HISTORY_LIMIT = 100


def _interaction(r: Any) -> InteractionItem:
    return InteractionItem(
        at=r["at"],
        channel=r["channel"],
        category=r["category"],
        note=r["note"],
        display={
            "Waktu": f.wib_datetime(r["at"]),
            "Channel": r["channel"],
            "Kategori": r["category"],
            "Catatan": r["note"],
        },
    )


def _ticket(r: Any) -> TicketSummary:
    label = CATALOG.kip_label(r["kip"])
    return TicketSummary(
        ticket_id=r["ticket_id"],
        created_at=r["created_at"],
        kip=r["kip"],
        kip_label=label,
        status=r["status"],
        escalation=r["escalation"],
        display={
            "No. Tiket": r["ticket_id"],
            "Tanggal": f.wib_datetime(r["created_at"]),
            "KIP": label,
            "Status": r["status"],
            "Eskalasi": r["escalation"] or "-",
        },
    )


def interaction_history(conn: Connection, scope: Scope, number: str) -> InteractionHistory:
    """Everything on record about `number` (already normalised: MSISDN in 08... form)."""
    interactions = conn.execute(
        select(INTERACTIONS)
        .where(INTERACTIONS.c.number == number, scope.visible(INTERACTIONS))
        .order_by(INTERACTIONS.c.at.desc(), INTERACTIONS.c.id.desc())
        .limit(HISTORY_LIMIT)
    ).mappings()
    tickets = conn.execute(
        select(TICKETS)
        .where(TICKETS.c.number == number, scope.visible(TICKETS))
        .order_by(TICKETS.c.created_at.desc(), TICKETS.c.id.desc())
        .limit(HISTORY_LIMIT)
    ).mappings()
    items = [_interaction(r) for r in interactions]
    ticket_items = [_ticket(r) for r in tickets]
    return InteractionHistory(
        number=number,
        interaction_count=len(items),
        ticket_count=len(ticket_items),
        interactions=items,
        tickets=ticket_items,
        display={
            "Nomor": number,
            "Interaksi": f"{len(items)} interaksi",
            "Tiket": f"{len(ticket_items)} tiket",
        },
    )
