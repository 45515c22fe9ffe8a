"""Replaying a key against the real mock tools (over HTTP, on the small seeded world) scores 100.

The episode API's /ask route is not needed: questions are appended to the trace the way the
episode service does it (engine.answer, then a `kind: ask` event).
"""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.assess.client import ToolSessions, tool_of
from gladi.episodes.trace import append_event
from scenarios import engine
from scenarios.library import Library
from tests.helpers import episode_headers, make_episode, make_user, trace_of
from tests.scenarios.conftest import SCENARIOS

CASES = sorted(
    c for c, case in engine.load_library(SCENARIOS).cases.items() if case.sop == "sop-001"
)


def _start(library: Library, world: Engine, case_id: str, seed: int) -> tuple:
    user_id, token = make_user(world)
    case = library.case(case_id)
    episode_id = make_episode(world, user_id, scenario_id=case_id, sop=case.sop)
    with world.begin() as conn:
        instance = engine.instantiate(conn, library, case_id, seed, episode_id)
        engine.write_instance(conn, instance)
    return instance, token


def _replay(client: TestClient, world: Engine, instance: engine.Instance, token: str) -> None:
    sessions = ToolSessions()
    headers = episode_headers(token, instance.episode_id)
    for step in instance.key["steps"]:
        if step["kind"] == "question":
            question = step["question"]
            question_id, reply = engine.answer(instance.customer, question)
            with world.begin() as conn:
                append_event(
                    conn,
                    instance.episode_id,
                    "ask",
                    params={"question": question},
                    detail={"question_id": question_id, "answer": reply},
                )
            continue
        request = step["request"]
        response = client.request(
            request["method"],
            request["path"],
            params=request["params"] or None,
            json=request["json"],
            headers={**headers, **sessions.headers(request["path"])},
        )
        assert response.status_code == 200, (step["id"], response.text)
        sessions.learn(request["path"], response)
        assert tool_of(request["path"])


@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, library: Library, case_id: str
) -> None:
    instance, token = _start(library, world_engine, case_id, seed=11)
    _replay(client, world_engine, instance, token)
    events = trace_of(world_engine, instance.episode_id)
    report = engine.grade(events, instance.key["submit"], instance.key)
    assert report["score"] == 100 and report["passed"], [
        i for i in report["items"] if i["status"] != "ok"
    ]
