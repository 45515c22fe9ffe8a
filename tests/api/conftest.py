"""Fixtures for the episode API: users of each role and an episode-bound client."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.helpers import make_user

CASE = "sop001-paid-blocked"


@pytest.fixture
def tokens(world_engine: Engine) -> dict[str, str]:
    """One fresh bearer token per role (and a second trainee)."""
    return {
        "trainee": make_user(world_engine, "trainee")[1],
        "other_trainee": make_user(world_engine, "trainee")[1],
        "trainer": make_user(world_engine, "trainer")[1],
        "assessor": make_user(world_engine, "assessor")[1],
    }


def bearer(token: str) -> dict[str, str]:
    """Authorization header."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def start(client: TestClient) -> Callable[..., dict]:
    """Start an episode as `token`; returns the 201 body."""

    def _start(token: str, scenario: str = CASE, seed: int | None = 3) -> dict:
        body = {"scenario": scenario} if seed is None else {"scenario": scenario, "seed": seed}
        response = client.post("/api/episodes", json=body, headers=bearer(token))
        assert response.status_code == 201, response.text
        return response.json()

    return _start


@pytest.fixture
def bound(client: TestClient) -> Callable[[str, str], TestClient]:
    """A client whose calls carry the bearer token and the episode header."""

    def _bound(token: str, episode_id: str) -> TestClient:
        return TestClient(
            client.app, headers={"Authorization": f"Bearer {token}", "X-Gladi-Episode": episode_id}
        )

    return _bound
