"""AM lookup routes."""

from typing import Annotated

from fastapi import Query

from mocks.am import queries
from mocks.am.models import AmLookup
from mocks.context import ToolCtx
from mocks.errors import ERROR_RESPONSES
from mocks.params import SidQuery
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/support", tags=["am"], responses=ERROR_RESPONSES)


@router.get("/am", name="am.lookup")
async def lookup_am(
    ctx: ToolCtx,
    company: Annotated[
        str | None, Query(max_length=100, description="Nama perusahaan (at least 3 letters)")
    ] = None,
    sid: SidQuery = None,
) -> AmLookup:
    """Cari AM (Instacheck): by SID, or by company name (contains, case-insensitive).

    Each record gives the AM's name, NIK, phone, e-mail, segment and witel, and the account's
    EOS contact. With both, the SID wins.
    """
    return ctx.run(queries.lookup_am, company=company, sid=sid)
