"""SOP 003 over HTTP on the small seeded world: the key replays to 100 against the real mocks
(E-Payment, the UPoint login and its session, Subscriptions, Transactions Data), and an agent
that skips the UPoint login gets 401 from the dashboard and fails."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.assess.client import ToolSessions
from scenarios import engine
from scenarios.library import load_library
from tests.helpers import episode_headers, make_episode, make_user, trace_of
from tests.scenarios.conftest import SCENARIOS

LIB = load_library(SCENARIOS, strict=False)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-003")


def _start(world: Engine, case_id: str, seed: int) -> tuple[engine.Instance, str]:
    user_id, token = make_user(world)
    episode_id = make_episode(world, user_id, scenario_id=case_id, sop="sop-003")
    with world.begin() as conn:
        instance = engine.instantiate(conn, LIB, case_id, seed, episode_id)
        engine.write_instance(conn, instance)
    return instance, token


def _replay(
    client: TestClient, instance: engine.Instance, token: str, skip: tuple[str, ...] = ()
) -> list[int]:
    sessions = ToolSessions()
    headers = episode_headers(token, instance.episode_id)
    statuses = []
    for step in instance.key["steps"]:
        assert step["kind"] == "lookup", step
        if step["id"] in skip:
            continue
        request: dict[str, Any] = step["request"]
        response = client.request(
            request["method"],
            request["path"],
            params=request["params"] or None,
            json=request["json"],
            headers={**headers, **sessions.headers(request["path"])},
        )
        sessions.learn(request["path"], response)
        statuses.append(response.status_code)
    return statuses


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, case_id: str, seed: int
) -> None:
    instance, token = _start(world_engine, case_id, seed)
    assert set(_replay(client, instance, token)) == {200}
    events = trace_of(world_engine, instance.episode_id)
    report = engine.grade(events, instance.key["submit"], instance.key)
    assert report["score"] == 100 and report["passed"], [
        i for i in report["items"] if i["status"] != "ok"
    ]


@pytest.mark.parametrize("case_id", ["sop003-active-disney", "sop003-drill-last-ott-charge"])
def test_skipping_the_upoint_login_gets_401_and_fails(
    client: TestClient, world_engine: Engine, case_id: str
) -> None:
    instance, token = _start(world_engine, case_id, 0)
    statuses = _replay(client, instance, token, skip=("lookup:upoint_login",))
    assert 401 in statuses
    events = trace_of(world_engine, instance.episode_id)
    report = engine.grade(events, instance.key["submit"], instance.key)
    assert not report["passed"]
    assert any(r.startswith("guessed") for r in report["fail_reasons"]), report["fail_reasons"]


def test_the_pots_phone_finds_the_indihome_number_in_epayment(
    client: TestClient, world_engine: Engine
) -> None:
    instance, token = _start(world_engine, "sop003-pots-number", 0)
    ids = instance.customer["summary"]["identifiers"]
    assert ids["given_number"] == ids["pots_phone"] != ids["indihome_number"]
    step = next(s for s in instance.key["steps"] if s["id"] == "lookup:epayment")
    response = client.get(
        step["request"]["path"],
        params=step["request"]["params"],
        headers=episode_headers(token, instance.episode_id),
    )
    assert response.status_code == 200
    assert response.json()["internet"] == ids["indihome_number"]
