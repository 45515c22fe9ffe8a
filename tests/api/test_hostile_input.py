"""Hostile input is a 4xx with the JSON error body, never a 500: oversized bodies, NUL
characters, deep nesting, dates outside a tool's range, integers beyond the column."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.api.conftest import bearer
from tests.helpers import trace_of

MSISDN = "081234567890"
DATED = [
    f"/dsc/subscribers/{MSISDN}/call-details",
    "/indira/recharges",
    "/indira/balance-usage",
    "/dsc/gol/orders",
]


def _error(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] and body["message"]
    if field is not None:
        assert body["field"] == field, body
    return body


def test_a_body_over_the_limit_is_413_and_nothing_is_stored(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str], world_engine: Engine
) -> None:
    episode = start(tokens["trainee"])
    headers = bearer(tokens["trainee"])
    huge = {"resolution": "network_refresh", "facts": {"x": "a" * (1024 * 1024)}}
    response = client.post(f"/api/episodes/{episode['id']}/submit", json=huge, headers=headers)
    _error(response, 413, "body")
    streamed = client.post(  # no Content-Length: counted as it arrives
        f"/api/episodes/{episode['id']}/submit",
        content=(b"x" * 65536 for _ in range(20)),
        headers={**headers, "content-type": "application/json"},
    )
    _error(streamed, 413, "body")
    assert [e["kind"] for e in trace_of(world_engine, episode["id"])] == ["opening"]
    state = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()
    assert state["state"] == "open"


def test_nul_characters_are_422_naming_where(client: TestClient, tokens: dict[str, str]) -> None:
    _error(client.post("/api/login", json={"username": "a\x00b", "password": "x"}), 422, "username")
    _error(client.get("/ncx/ebis/asset", params={"company": "tel\x00kom"}), 422, "company")
    _error(client.get("/dsc/subscribers/0812%0034567890"), 422, "path")
    nested = {"scenario": "sop001-aging", "persona": None, "seed": 1}
    body = {**nested, "scenario": "sop001\x00aging"}
    _error(
        client.post("/api/episodes", json=body, headers=bearer(tokens["trainee"])), 422, "scenario"
    )


def test_deep_json_is_422(client: TestClient, start, tokens: dict[str, str]) -> None:
    episode = start(tokens["trainee"])
    deep: dict = {}
    node = deep
    for _ in range(200):
        node["x"] = {}
        node = node["x"]
    response = client.post(
        f"/api/episodes/{episode['id']}/submit",
        json={"resolution": "network_refresh", "facts": deep},
        headers=bearer(tokens["trainee"]),
    )
    assert "levels" in _error(response, 422)["message"]
    very_deep = b'{"resolution": "x", "facts": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    response = client.post(
        f"/api/episodes/{episode['id']}/submit",
        content=very_deep,
        headers={**bearer(tokens["trainee"]), "content-type": "application/json"},
    )
    _error(response, 422, "body")


@pytest.mark.parametrize("path", DATED)
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "31-12-9999"])
def test_dates_outside_a_tools_range_are_422(client: TestClient, path: str, day: str) -> None:
    params = {"msisdn": MSISDN, "email": "a@b.co"}
    for field in ("from", "to"):
        response = client.get(path, params={**params, field: day})
        assert response.status_code == 422, (path, field, response.text)
        assert response.json()["field"] in ("from", "to", "msisdn", "email")


def test_a_date_at_year_one_names_the_field(client: TestClient) -> None:
    body = _error(
        client.get(f"/dsc/subscribers/{MSISDN}/call-details", params={"from": "0001-01-01"}),
        422,
        "from",
    )
    assert "1900-01-01" in body["expected"]


def test_integers_beyond_the_column_are_422(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["trainee"])
    start = client.post(
        "/api/episodes", json={"scenario": "sop001-aging", "exam_id": 2**31}, headers=headers
    )
    _error(start, 422, "exam_id")
    _error(client.get(f"/api/exams/{2**63}", headers=bearer(tokens["trainer"])), 422, "exam_id")


def test_a_company_search_needs_three_real_letters(client: TestClient) -> None:
    _error(client.get("/ncx/ebis/asset", params={"company": "%%%"}), 422, "sid")
    _error(client.get("/ncx/ebis/asset", params={"company": "_%_"}), 422, "sid")
