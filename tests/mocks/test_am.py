"""AM lookup (Instacheck): by SID and by company name."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from gladi.world import AccountManager, EnterpriseAccount, EnterpriseService
from tests.helpers import episode_headers, make_episode, make_user, trace_of

AM = AccountManager.__table__
ACC = EnterpriseAccount.__table__
SVC = EnterpriseService.__table__


@pytest.fixture(scope="module")
def owned(world_engine: Engine) -> dict:
    """An SID with its account and that account's AM."""
    with world_engine.connect() as conn:
        row = (
            conn.execute(
                select(SVC.c.sid, ACC.c.company, ACC.c.account_number, AM)
                .join(ACC, ACC.c.account_number == SVC.c.account_number)
                .join(AM, AM.c.id == ACC.c.am_id)
                .where(SVC.c.episode_id.is_(None), ACC.c.episode_id.is_(None))
            )
            .mappings()
            .first()
        )
    return dict(row)


def test_by_sid_gives_the_am_of_the_owning_account(client: TestClient, owned: dict) -> None:
    body = client.get("/support/am", params={"sid": owned["sid"]}).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["am_name"], item["am_nik"], item["account_number"]) == (
        owned["name"],
        owned["nik"],
        owned["account_number"],
    )
    assert item["eos_phone"] == owned["eos_phone"]
    shown = item["display"]
    assert shown["Nama AM"] == owned["name"] and shown["Witel"] == owned["witel"]
    assert shown["EOS"] == f"{owned['eos_name']} ({owned['eos_phone']})"


def test_by_company_is_case_insensitive_contains(client: TestClient, owned: dict) -> None:
    word = owned["company"].split()[-1].lower()
    body = client.get("/support/am", params={"company": word}).json()
    assert all(word in i["company"].lower() for i in body["items"])
    assert owned["account_number"] in [i["account_number"] for i in body["items"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "company"),
        ({"company": "PT"}, "company"),
        ({"company": "  "}, "company"),
        ({"sid": "1-234567890"}, "sid"),
        ({"sid": "83522195X"}, "sid"),
        ({"sid": "12345"}, "sid"),
    ],
)
def test_malformed_lookups_name_the_field(client: TestClient, params: dict, field: str) -> None:
    response = client.get("/support/am", params=params)
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.parametrize(
    ("params", "field"), [({"sid": "999999999"}, "sid"), ({"company": "Zyxwvu Tbk"}, "company")]
)
def test_unknown_is_not_found(client: TestClient, params: dict, field: str) -> None:
    response = client.get("/support/am", params=params)
    assert response.status_code == 404
    assert response.json()["field"] == field


def test_lookup_is_recorded_in_the_episode(
    client: TestClient, owned: dict, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    client.get("/support/am", params={"sid": owned["sid"]}, headers=episode_headers(token, episode))
    client.get("/support/am", params={"sid": owned["sid"]})
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["params"]) for e in events] == [("am.lookup", {"sid": owned["sid"]})]
