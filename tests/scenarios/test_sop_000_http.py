"""SOP 000 keys replayed against the real mock tools over HTTP on the small seeded world.

The customer is instantiated beside the background world (so identifiers must dodge it and a
company search must find only this customer); the episode's trace, graded, scores 100.
"""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from scenarios.library import Library
from tests.helpers import episode_headers
from tests.scenarios.helpers import assert_key_replays_to_100, start_case
from tests.scenarios.test_sop_000_support import case_ids, sop000_library


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """SOP 000 and its cases alone."""
    return sop000_library(Path(tmp_path_factory.mktemp("sop000h")))


@pytest.mark.parametrize("case_id", case_ids())
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, lib: Library, case_id: str
) -> None:
    instance, token = start_case(lib, world_engine, case_id, seed=11)
    assert_key_replays_to_100(client, world_engine, instance, token)


def test_company_search_finds_only_the_customer(
    client: TestClient, world_engine: Engine, lib: Library
) -> None:
    instance, token = start_case(lib, world_engine, "sop000-seat-management-neither", seed=3)
    who = instance.customer["summary"]["identifiers"]
    found = client.get(
        "/ncx/ebis/asset",
        params={"company": who["company"]},
        headers=episode_headers(token, instance.episode_id),
    ).json()
    accounts = {row["account_number"] for row in found["items"]}
    assert accounts == {instance.key["expected"]["facts"]["account_number"]}
    assert found["count"] >= 3
