"""SOP 003 over HTTP on the small seeded world: the key replays to 100 against the real mocks
(E-Payment, the UPoint login and its session, Subscriptions, Transactions Data), and an agent
that skips the UPoint login gets 401 from the dashboard and fails."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from scenarios.library import load_library
from tests.helpers import episode_headers
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import (
    assert_key_replays_to_100,
    codes,
    grade_episode,
    replay_over_http,
    start_case,
)

LIB = load_library(SCENARIOS, strict=False)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-003")


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, case_id: str, seed: int
) -> None:
    instance, token = start_case(LIB, world_engine, case_id, seed)
    assert all(step["kind"] == "lookup" for step in instance.key["steps"])
    assert_key_replays_to_100(client, world_engine, instance, token)


@pytest.mark.parametrize("case_id", ["sop003-active-disney", "sop003-drill-last-ott-charge"])
def test_skipping_the_upoint_login_gets_401_and_fails(
    client: TestClient, world_engine: Engine, case_id: str
) -> None:
    instance, token = start_case(LIB, world_engine, case_id, 0)
    calls = replay_over_http(client, world_engine, instance, token, skip=("lookup:upoint_login",))
    assert 401 in [response.status_code for _, response in calls]
    report = grade_episode(world_engine, instance)
    assert not report["passed"]
    assert any(c.startswith("not established") for c in codes(report)), report["fail_reasons"]


def test_the_pots_phone_finds_the_indihome_number_in_epayment(
    client: TestClient, world_engine: Engine
) -> None:
    instance, token = start_case(LIB, world_engine, "sop003-pots-number", 0)
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
