"""GET /api/scenarios: the case library as the caller may see it (no keys).

Trainees get the practice cases only, under opaque ids and neutral titles (a readable id or a
staff title names the branch); trainers and assessors get every case as it is on file.
"""

from gladi.episodes.case_ids import catalog
from mocks.api.deps import CurrentUser
from mocks.api.models import ScenarioOut
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter
from scenarios import engine

router = PrefixRouter(prefix="/api", tags=["scenarios"], responses=ERROR_RESPONSES)


@router.get("/scenarios", name="api.scenarios")
async def list_scenarios(user: CurrentUser) -> list[ScenarioOut]:
    """Every case and drill the caller may start: id, SOP, title, difficulty, channel, kind."""
    return [ScenarioOut.model_validate(c) for c in catalog(user, engine.get_library())]
