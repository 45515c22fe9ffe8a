"""Informasi gangguan: notices by area, active at the caller's clock."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from gladi.formats import WORLD_NOW
from gladi.world import OutageNotice
from tests.helpers import episode_headers, make_episode, make_user, trace_of

NOTICES = OutageNotice.__table__


def notices(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(NOTICES).where(NOTICES.c.episode_id.is_(None))).mappings()
        return [dict(r) for r in rows]


@pytest.fixture(scope="module")
def active(world_engine: Engine) -> dict:
    """A notice going on at WORLD_NOW."""
    going = [n for n in notices(world_engine) if n["started_at"] <= WORLD_NOW <= n["expected_end"]]
    return going[0] if going else pytest.fail("the small world has no active outage")


def test_an_active_outage_is_listed_for_its_area_in_any_case(
    client: TestClient, active: dict, world_engine: Engine
) -> None:
    body = client.get("/support/outages", params={"area": active["area"].upper()}).json()
    expected = [
        n["id"]
        for n in notices(world_engine)
        if n["area"].lower() == active["area"].lower()
        and n["started_at"] <= WORLD_NOW <= n["expected_end"]
    ]
    assert body["count"] == len(expected) >= 1
    assert active["title"] in [i["title"] for i in body["items"]]
    item = next(i for i in body["items"] if i["title"] == active["title"])
    assert item["active"] is True and item["display"]["Status"] == "Aktif"
    assert item["display"]["Perkiraan Selesai"].endswith(" WIB")
    assert item["standard_answer"] == active["standard_answer"]


def test_a_longer_area_name_still_matches(client: TestClient, active: dict) -> None:
    body = client.get("/support/outages", params={"area": f"Kota {active['area']}"}).json()
    assert active["title"] in [i["title"] for i in body["items"]]


def test_ended_outages_only_with_include_past(client: TestClient, world_engine: Engine) -> None:
    ended = next(n for n in notices(world_engine) if n["expected_end"] < WORLD_NOW)
    params = {"area": ended["area"]}
    now = client.get("/support/outages", params=params).json()["items"]
    assert all(i["active"] for i in now)
    assert ended["standard_answer"] not in [i["standard_answer"] for i in now]
    past = client.get("/support/outages", params={**params, "include_past": "true"}).json()
    match = [i for i in past["items"] if i["standard_answer"] == ended["standard_answer"]]
    assert match and match[0]["active"] is False and match[0]["display"]["Status"] == "Selesai"


def test_the_episode_clock_decides_what_is_active(
    client: TestClient, active: dict, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    later = active["expected_end"] + timedelta(hours=1)
    episode = make_episode(world_engine, user_id, sim_now=later)
    headers = episode_headers(token, episode)
    body = client.get("/support/outages", params={"area": active["area"]}, headers=headers).json()
    assert active["title"] not in [i["title"] for i in body["items"]]
    event = trace_of(world_engine, episode)[0]
    assert event["operation"] == "outages.by_area" and event["params"]["area"] == active["area"]


def test_an_area_without_outage_is_an_empty_list(client: TestClient) -> None:
    response = client.get("/support/outages", params={"area": "Pulau Tanpa Nama"})
    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"area": "J"},
        {"area": "x" * 81},
        {"area": "  "},
        {"area": "Bandung", "include_past": "mungkin"},
    ],
)
def test_malformed_area_names_the_field(client: TestClient, params: dict) -> None:
    response = client.get("/support/outages", params=params)
    assert response.status_code == 422
    assert response.json()["field"] in ("area", "include_past")
