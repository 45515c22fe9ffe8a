"""Outage notice routes."""

from typing import Annotated

from fastapi import Query

from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.outages import queries
from mocks.outages.models import OutageList
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/support", tags=["outages"], responses=ERROR_RESPONSES)
AreaQuery = Annotated[
    str, Query(min_length=2, max_length=80, description="Kota / kabupaten, e.g. Bandung")
]


@router.get("/outages", name="outages.by_area")
async def list_outages(
    ctx: ToolCtx,
    area: AreaQuery,
    include_past: Annotated[bool, Query(description="also list notices that have ended")] = False,
) -> OutageList:
    """Informasi gangguan: mass outage notices for an area, active now (WIB) by default.

    Each notice has its title, service, start, expected end and the standard answer to give
    the customer. No notice for the area is an empty list, not an error.
    """
    return ctx.run(queries.outages_by_area, area=area.strip(), include_past=include_past)
