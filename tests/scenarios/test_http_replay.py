"""Replaying a key against the real mock tools (over HTTP, on the small seeded world) scores 100.

The episode API's /ask route is not needed: questions are appended to the trace the way the
episode service does it (engine.answer, then a `kind: ask` event).
"""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import assert_key_replays_to_100, start_case

CASES = sorted(
    c for c, case in engine.load_library(SCENARIOS).cases.items() if case.sop == "sop-001"
)


@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, library: Library, case_id: str
) -> None:
    instance, token = start_case(library, world_engine, case_id, seed=11)
    assert_key_replays_to_100(client, world_engine, instance, token)
