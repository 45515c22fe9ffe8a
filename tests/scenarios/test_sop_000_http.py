"""SOP 000 keys replayed against the real mock tools over HTTP on the small seeded world.

The customer is instantiated beside the background world (so identifiers must dodge it and a
company search must find only this customer); the episode's trace, graded, scores 100.
"""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.assess.client import ToolSessions
from gladi.episodes.trace import append_event
from scenarios import engine
from scenarios.library import Library
from tests.helpers import episode_headers, make_episode, make_user, trace_of
from tests.scenarios.test_sop_000_support import SOP, case_ids, sop000_library


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """SOP 000 and its cases alone."""
    return sop000_library(Path(tmp_path_factory.mktemp("sop000h")))


def _start(lib: Library, world: Engine, case_id: str, seed: int) -> tuple[engine.Instance, str]:
    user_id, token = make_user(world)
    episode_id = make_episode(world, user_id, scenario_id=case_id, sop=SOP)
    with world.begin() as conn:
        instance = engine.instantiate(conn, lib, case_id, seed, episode_id)
        engine.write_instance(conn, instance)
    return instance, token


def _replay(client: TestClient, world: Engine, instance: engine.Instance, token: str) -> None:
    sessions = ToolSessions()
    headers = episode_headers(token, instance.episode_id)
    for step in instance.key["steps"]:
        if step["kind"] == "question":
            question_id, reply = engine.answer(instance.customer, step["question"])
            with world.begin() as conn:
                append_event(
                    conn,
                    instance.episode_id,
                    "ask",
                    params={"question": step["question"]},
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
        wanted = step.get("expected_status", 200)
        assert response.status_code == wanted, (step["id"], response.text)
        sessions.learn(request["path"], response)


@pytest.mark.parametrize("case_id", case_ids())
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, lib: Library, case_id: str
) -> None:
    instance, token = _start(lib, world_engine, case_id, seed=11)
    _replay(client, world_engine, instance, token)
    events = trace_of(world_engine, instance.episode_id)
    report = engine.grade(events, instance.key["submit"], instance.key)
    assert report["score"] == 100 and report["passed"], [
        i for i in report["items"] if i["status"] != "ok"
    ]


def test_company_search_finds_only_the_customer(
    client: TestClient, world_engine: Engine, lib: Library
) -> None:
    instance, token = _start(lib, world_engine, "sop000-seat-management-neither", seed=3)
    who = instance.customer["summary"]["identifiers"]
    found = client.get(
        "/ncx/ebis/asset",
        params={"company": who["company"]},
        headers=episode_headers(token, instance.episode_id),
    ).json()
    accounts = {row["account_number"] for row in found["items"]}
    assert accounts == {instance.key["expected"]["facts"]["account_number"]}
    assert found["count"] >= 3
