"""Hostile input: SQL and HTML/JS payloads in identifiers and free text come back inert."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi.world import Subscriber
from tests.api.conftest import bearer

SQL = ["' OR '1'='1", "1; DROP TABLE subscriber; --", "0812' UNION SELECT * FROM user_account --"]
HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]


def _subscribers(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Subscriber.__table__)).scalar_one()


@pytest.mark.parametrize("payload", SQL + HTML)
def test_payloads_in_identifiers_are_rejected_as_malformed(
    client: TestClient, world_engine: Engine, payload: str
) -> None:
    before = _subscribers(world_engine)
    for path in ("/dsc/subscribers/{}", "/ncx/ebis/asset/{}", "/indira/vouchers/{}"):
        response = client.get(path.format(payload))
        assert response.status_code in (404, 422), (path, response.status_code)
        assert response.headers["content-type"].startswith("application/json")
    assert _subscribers(world_engine) == before


@pytest.mark.parametrize("payload", SQL)
def test_sql_in_free_text_search_matches_nothing_extra(client: TestClient, payload: str) -> None:
    response = client.get("/ncx/ebis/asset", params={"company": payload})
    assert response.status_code == 200
    assert response.json()["count"] == 0  # treated as text: no company is called that


@pytest.mark.parametrize("payload", HTML + SQL)
def test_free_text_to_the_customer_comes_back_as_plain_text(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str], payload: str
) -> None:
    episode = start(tokens["trainee"])
    headers = bearer(tokens["trainee"])
    answer = client.post(
        f"/api/episodes/{episode['id']}/ask", json={"question": payload}, headers=headers
    )
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    timeline = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()["timeline"]
    assert timeline[-1]["params"]["question"] == payload.strip()  # stored verbatim, not run
    notes = client.post(
        f"/api/episodes/{episode['id']}/submit",
        json={"resolution": "network_refresh", "notes": payload},
        headers=headers,
    )
    assert notes.status_code == 200
    trace = client.get(f"/api/episodes/{episode['id']}/trace", headers=headers).json()
    assert trace["submission"]["notes"] == payload


def test_login_with_sql_in_the_username_is_just_a_wrong_login(client: TestClient) -> None:
    response = client.post("/api/login", json={"username": "' OR 1=1 --", "password": "x"})
    assert response.status_code == 401
