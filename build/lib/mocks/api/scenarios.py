"""GET /api/scenarios: the case library as trainees see it (no keys)."""

from mocks.api.deps import CurrentUser
from mocks.api.models import ScenarioOut
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter
from scenarios import engine

router = PrefixRouter(prefix="/api", tags=["scenarios"], responses=ERROR_RESPONSES)


@router.get("/scenarios", name="api.scenarios")
async def list_scenarios(user: CurrentUser) -> list[ScenarioOut]:
    """Every case and drill: id, SOP, title, difficulty, channel, kind."""
    return [ScenarioOut.model_validate(c) for c in engine.list_cases(engine.get_library())]
