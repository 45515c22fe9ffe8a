"""SOP 004 keys replayed against the real DSC GOL, profile, history and ticket mocks over HTTP
(on the small seeded world) score 100: the 14-day search, the 'not found' answers and the
episode clock all hold outside the synthetic traces too."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.assess.client import ToolSessions
from gladi.episodes.trace import append_event
from scenarios import engine
from scenarios.instantiate import Instance, sim_now_of
from scenarios.library import Library
from tests.helpers import episode_headers, make_episode, make_user, trace_of
from tests.scenarios.conftest import SCENARIOS

LIB = engine.load_library(SCENARIOS)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-004")


def _start(library: Library, world: Engine, case_id: str, seed: int) -> tuple[Instance, str]:
    user_id, token = make_user(world)
    case = library.case(case_id)
    episode_id = make_episode(
        world, user_id, scenario_id=case_id, sop=case.sop, sim_now=sim_now_of(case)
    )
    with world.begin() as conn:
        instance = engine.instantiate(conn, library, case_id, seed, episode_id)
        engine.write_instance(conn, instance)
    return instance, token


def _ask(world: Engine, instance: Instance, question: str) -> None:
    question_id, reply = engine.answer(instance.customer, question)
    with world.begin() as conn:
        append_event(
            conn,
            instance.episode_id,
            "ask",
            params={"question": question},
            detail={"question_id": question_id, "answer": reply},
        )


def _replay(client: TestClient, world: Engine, instance: Instance, token: str) -> None:
    sessions = ToolSessions()
    headers = episode_headers(token, instance.episode_id)
    for step in instance.key["steps"]:
        if step["kind"] == "question":
            _ask(world, instance, step["question"])
            continue
        request = step["request"]
        response = client.request(
            request["method"],
            request["path"],
            params=request["params"] or None,
            json=request["json"],
            headers={**headers, **sessions.headers(request["path"])},
        )
        assert response.status_code == step.get("expected_status", 200), (step, response.text)


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


def test_the_default_search_misses_an_order_older_than_14_days(
    client: TestClient, world_engine: Engine, library: Library
) -> None:
    """The trace records `date_from`/`date_to`; a range that misses the order date is wrong."""
    instance, token = _start(library, world_engine, "sop004-order-id-not-found-older", seed=4)
    headers = episode_headers(token, instance.episode_id)
    email = instance.customer["summary"]["identifiers"]["email"]
    assert (
        client.get("/dsc/gol/orders", params={"email": email}, headers=headers).json()["count"] == 0
    )
    day = next(s["window"] for s in instance.key["grading"]["lookups"] if "window" in s)["covers"]
    too_long = client.get("/dsc/gol/orders", params={"email": email, "from": day}, headers=headers)
    assert too_long.status_code == 422 and too_long.json()["field"] == "from"
    events = trace_of(world_engine, instance.episode_id)
    report = engine.grade(events, instance.key["submit"], instance.key)
    search = next(i for i in report["items"] if i["id"] == "lookup:search")
    assert search["status"] == "wrong" and day in search["message"]
    assert not report["passed"]
