"""Ticket desk queries: the KIP catalog, filing a ticket in an episode, reading one back."""

import secrets
from typing import Any

from sqlalchemy import Connection, insert, select

from gladi import formats as f
from gladi.errors import Conflict, NotFound
from gladi.world import Ticket
from mocks.scope import Scope
from mocks.screens import not_found_view
from mocks.tickets.catalog import CATALOG, TICKET_TYPES
from mocks.tickets.models import Escalation, KipCatalogView, KipEntry, KipField, TicketView
from mocks.tickets.validation import checked_form, require_episode

TICKETS = Ticket.__table__  # type: ignore[attr-defined]


def _field(field_id: str) -> KipField:
    return KipField(id=field_id, label=CATALOG.fields[field_id].label)


def kip_catalog(_conn: Connection, _scope: Scope) -> KipCatalogView:
    """Every KIP with its ticket type and mandatory fields, escalations and classes.

    The catalog file's SOP and line references are the sandbox's bookkeeping, not the desk's:
    the screen does not show them.
    """
    items = [
        KipEntry(
            code=k.code,
            label=k.label,
            ticket_type=k.ticket_type,
            fields=[_field(i) for i in k.fields],
            display={
                "KIP": k.label,
                "Jenis Tiket": f"{k.ticket_type} ({TICKET_TYPES[k.ticket_type]})",
                "Mandatory": ", ".join(CATALOG.field_label(i) for i in k.fields),
            },
        )
        for k in CATALOG.kips
    ]
    return KipCatalogView(
        count=len(items),
        items=items,
        all_fields=[_field(i) for i in CATALOG.fields],
        escalations=[Escalation(code=e.code) for e in CATALOG.escalations],
        classes=list(CATALOG.classes),
        ticket_types=dict(TICKET_TYPES),
        display={"Kategori KIP": f"{len(items)} kategori"},
    )


def ticket_view(row: Any) -> TicketView:
    """A stored ticket row as the desk shows it (labels from the catalog)."""
    fields = dict(row["fields"] or {})
    display = {
        "No. Tiket": row["ticket_id"],
        "Jenis Tiket": f"{row['ticket_type']} ({TICKET_TYPES.get(row['ticket_type'], '-')})",
        "KIP": CATALOG.kip_label(row["kip"]),
        "Nomor": row["number"],
        "Class": row["customer_class"] or "-",
        "Eskalasi": row["escalation"] or "-",
        "Status": row["status"],
        "Tanggal Dibuat": f.wib_datetime(row["created_at"]),
        "Keterangan": row["description"] or "-",
    }
    display.update({CATALOG.field_label(k): v for k, v in fields.items()})
    return TicketView(
        ticket_id=row["ticket_id"],
        ticket_type=row["ticket_type"],
        kip=row["kip"],
        kip_label=CATALOG.kip_label(row["kip"]),
        number=row["number"],
        customer_class=row["customer_class"],
        escalation=row["escalation"],
        status=row["status"],
        created_at=row["created_at"],
        description=row["description"] or "",
        fields=fields,
        display=display,
    )


def _new_ticket_id(conn: Connection, ticket_type: str) -> str:
    """'IN' / 'NN' + 9 random digits (from `secrets`, not the world's seed), unused so far."""
    for _ in range(8):
        candidate = f"{ticket_type}{secrets.randbelow(10**9):09d}"
        taken = conn.execute(select(TICKETS.c.id).where(TICKETS.c.ticket_id == candidate)).first()
        if taken is None:
            return candidate
    raise Conflict("could not allocate a ticket id; try again", field="ticket_id")


def create_ticket(conn: Connection, scope: Scope, **form: Any) -> TicketView:
    """File a ticket in the caller's episode (status Open, created at the episode's clock)."""
    episode_id = require_episode(scope)
    values = checked_form(form)
    row = {
        **values,
        "ticket_id": _new_ticket_id(conn, values["ticket_type"]),
        "created_at": scope.now,
        "status": "Open",
        "episode_id": episode_id,
    }
    conn.execute(insert(TICKETS).values(**row))
    return ticket_view(row)


def read_ticket(conn: Connection, scope: Scope, ticket_id: str) -> TicketView:
    """A background ticket or one of the caller's episode (another episode's: not found)."""
    row = (
        conn.execute(
            select(TICKETS).where(TICKETS.c.ticket_id == ticket_id, scope.visible(TICKETS))
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(
            f"no ticket {ticket_id}",
            field="ticket_id",
            extra=not_found_view("No. Tiket", ticket_id),
        )
    return ticket_view(row)
