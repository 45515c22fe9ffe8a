"""History interaksi & tiket of a number."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi.world import Interaction, Ticket
from tests.helpers import episode_headers, make_episode, make_user, trace_of

INTERACTIONS = Interaction.__table__
TICKETS = Ticket.__table__


@pytest.fixture(scope="module")
def msisdn(world_engine: Engine) -> str:
    """The mobile number with the most interactions in the world."""
    with world_engine.connect() as conn:
        return conn.execute(
            select(INTERACTIONS.c.number)
            .where(INTERACTIONS.c.number.like("08%"), INTERACTIONS.c.episode_id.is_(None))
            .group_by(INTERACTIONS.c.number)
            .order_by(func.count().desc(), INTERACTIONS.c.number)
        ).scalar() or pytest.fail("the small world has no interaction about an MSISDN")


def test_interactions_are_the_worlds_newest_first(
    client: TestClient, msisdn: str, world_engine: Engine
) -> None:
    body = client.get("/support/interactions", params={"number": msisdn}).json()
    with world_engine.connect() as conn:
        expected = conn.execute(
            select(func.count()).where(
                INTERACTIONS.c.number == msisdn, INTERACTIONS.c.episode_id.is_(None)
            )
        ).scalar_one()
    assert body["interaction_count"] == expected == len(body["interactions"]) >= 2
    times = [i["at"] for i in body["interactions"]]
    assert times == sorted(times, reverse=True)
    assert set(body["interactions"][0]["display"]) == {"Waktu", "Channel", "Kategori", "Catatan"}


@pytest.mark.parametrize("form", ["62{rest}", "+62 {rest}", " 0{rest} "])
def test_any_msisdn_form_finds_the_same_history(client: TestClient, msisdn: str, form: str) -> None:
    local = client.get("/support/interactions", params={"number": msisdn}).json()
    other = client.get("/support/interactions", params={"number": form.format(rest=msisdn[1:])})
    assert other.status_code == 200
    assert other.json()["interactions"] == local["interactions"]


def test_tickets_of_a_number_are_listed(client: TestClient, world_engine: Engine) -> None:
    with world_engine.connect() as conn:
        ticket = (
            conn.execute(
                select(TICKETS).where(TICKETS.c.episode_id.is_(None), TICKETS.c.ticket_type == "IN")
            )
            .mappings()
            .first()
        )
    listed = client.get("/support/interactions", params={"number": ticket["number"]}).json()
    item = next(t for t in listed["tickets"] if t["ticket_id"] == ticket["ticket_id"])
    assert item["status"] == ticket["status"] and item["display"]["KIP"] == item["kip_label"]
    assert item["display"]["Eskalasi"] == (ticket["escalation"] or "-")


def test_a_number_without_history_is_empty(client: TestClient) -> None:
    body = client.get("/support/interactions", params={"number": "085399999999"}).json()
    assert body["interactions"] == [] and body["tickets"] == []


@pytest.mark.parametrize("number", ["", "12345", "0812abc45678", "1-234567890", "x" * 30])
def test_malformed_numbers_name_the_field(client: TestClient, number: str) -> None:
    response = client.get("/support/interactions", params={"number": number})
    assert response.status_code == 422
    assert response.json()["field"] == "number"


def test_history_is_recorded_with_the_normalised_number(
    client: TestClient, msisdn: str, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    headers = episode_headers(token, episode)
    client.get("/support/interactions", params={"number": "62" + msisdn[1:]}, headers=headers)
    client.get("/support/interactions", params={"number": msisdn})
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["params"]) for e in events] == [
        ("interactions.history", {"number": msisdn})
    ]
    _, stranger = make_user(world_engine)
    other = client.get(
        "/support/interactions",
        params={"number": msisdn},
        headers=episode_headers(stranger, episode),
    )
    assert other.status_code == 403
