"""Interaction history routes."""

from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.interactions import queries
from mocks.interactions.models import InteractionHistory
from mocks.params import AnyNumberQuery
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/support", tags=["interactions"], responses=ERROR_RESPONSES)


@router.get("/interactions", name="interactions.history")
async def read_interaction_history(ctx: ToolCtx, number: AnyNumberQuery) -> InteractionHistory:
    """History interaksi & tiket of a number, newest first.

    The number may be an MSISDN in any form (0812..., 62812..., +62 812...), an IndiHome
    number, a POTS phone, an SID, an account number or a GraPARI Online order id. A number
    with no history answers empty lists (no previous complaint), not an error.
    """
    return ctx.run(queries.interaction_history, number=number)
