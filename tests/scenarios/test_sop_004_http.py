"""SOP 004 keys replayed against the real DSC GOL, profile, history and ticket mocks over HTTP
(on the small seeded world) score 100: the 14-day search, the 'not found' answers and the
episode clock all hold outside the synthetic traces too."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.helpers import episode_headers
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import assert_key_replays_to_100, grade_episode, start_case

LIB = engine.load_library(SCENARIOS)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-004")


@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, library: Library, case_id: str
) -> None:
    instance, token = start_case(library, world_engine, case_id, seed=11)
    assert_key_replays_to_100(client, world_engine, instance, token)


def test_the_default_search_misses_an_order_older_than_14_days(
    client: TestClient, world_engine: Engine, library: Library
) -> None:
    """The trace records `date_from`/`date_to`; a range that misses the order date is wrong."""
    instance, token = start_case(library, world_engine, "sop004-order-id-not-found-older", seed=4)
    headers = episode_headers(token, instance.episode_id)
    email = instance.customer["summary"]["identifiers"]["email"]
    assert (
        client.get("/dsc/gol/orders", params={"email": email}, headers=headers).json()["count"] == 0
    )
    day = next(s["window"] for s in instance.key["grading"]["lookups"] if "window" in s)["covers"]
    too_long = client.get("/dsc/gol/orders", params={"email": email, "from": day}, headers=headers)
    assert too_long.status_code == 422 and too_long.json()["field"] == "from"
    report = grade_episode(world_engine, instance)
    search = next(i for i in report["items"] if i["id"] == "lookup:search")
    assert search["status"] == "wrong" and day in search["message"]
    assert not report["passed"]
