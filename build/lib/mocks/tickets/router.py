"""Ticket desk routes: KIP catalog, file a ticket, read a ticket."""

from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.params import TicketPath
from mocks.routing import ToolRouter
from mocks.tickets import queries
from mocks.tickets.models import KipCatalogView, TicketRequest, TicketView

router = ToolRouter(prefix="/support", tags=["tickets"], responses=ERROR_RESPONSES)


@router.get("/kip", name="tickets.kip_catalog")
async def read_kip_catalog(ctx: ToolCtx) -> KipCatalogView:
    """Kategori KIP: codes, labels, ticket type (IN/NN), mandatory fields, escalations."""
    return ctx.run(queries.kip_catalog)


@router.post("/tickets", name="tickets.create")
async def create_ticket(ctx: ToolCtx, body: TicketRequest) -> TicketView:
    """Buat tiket: file an IN or NN ticket with its KIP's mandatory fields.

    Only inside an episode (`X-Gladi-Episode`); outside one the desk answers 403, because tool
    calls never change the shared world. A missing mandatory field is a 422 naming it.
    """
    return ctx.run(
        queries.create_ticket,
        detail=lambda ticket: {"ticket_id": ticket.ticket_id},
        **body.model_dump(),
    )


@router.get("/tickets/{ticket_id}", name="tickets.read")
async def read_ticket(ctx: ToolCtx, ticket_id: TicketPath) -> TicketView:
    """Lihat tiket: a ticket of the background world or of the caller's own episode."""
    return ctx.run(queries.read_ticket, ticket_id=ticket_id)
