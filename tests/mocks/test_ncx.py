"""NCXtools: EBIS > Asset search and Detail, EBIS > Sales Order Detail and CABASA."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi import formats as f
from gladi.world import AccountManager, EnterpriseAccount, EnterpriseService, SalesOrder
from tests.helpers import episode_headers, make_episode, make_user, trace_of

SVC = EnterpriseService.__table__
ACC = EnterpriseAccount.__table__
AM = AccountManager.__table__
SO = SalesOrder.__table__


def _one(engine: Engine, query) -> dict:
    with engine.connect() as conn:
        row = conn.execute(query.limit(1)).mappings().first()
    assert row is not None
    return dict(row)


@pytest.mark.parametrize("status", ["Active", "Inactive", "Suspended", "In Progress"])
def test_asset_detail_shows_the_ncx_status_and_account_and_no_am_or_device(
    client: TestClient, world_engine: Engine, status: str
) -> None:
    svc = _one(
        world_engine, select(SVC).where(SVC.c.ncx_status == status, SVC.c.episode_id.is_(None))
    )
    acc = _one(
        world_engine,
        select(ACC).where(
            ACC.c.account_number == svc["account_number"], ACC.c.episode_id.is_(None)
        ),
    )
    am = _one(world_engine, select(AM).where(AM.c.id == acc["am_id"]))
    body = client.get(f"/ncx/ebis/asset/{svc['sid']}").json()
    assert body["ncx_status"] == status
    assert body["account_number"] == svc["account_number"]
    assert body["company"] == acc["company"]
    # The AM is found with the AM lookup (SOP 000:229-230), the device and its SN are asked of
    # the customer (000:216): the detail shows none of them, in the JSON or on the screen.
    text = str(body)
    for hidden in (am["name"], svc["serial_number"], svc["device"]):
        assert not hidden or hidden not in text
    assert not {"am_name", "am_nik", "serial_number", "device"} & set(body)
    assert not {"Account Manager", "Serial Number", "Perangkat"} & set(body["display"])
    assert body["display"]["Status"] == status
    assert body["display"]["Account Number"] == svc["account_number"]
    assert body["display"]["Bandwidth"] == f.bandwidth_label(svc["bandwidth_mbps"])
    if status == "In Progress":
        assert body["status_reason"] in ("pending BASO", "delete order")


def test_both_sid_formats_are_found(client: TestClient, world_engine: Engine) -> None:
    for pattern in (r"^\d{9}-\d{9}$", r"^\d{9,10}$"):
        rows = _one(
            world_engine,
            select(SVC.c.sid).where(SVC.c.sid.regexp_match(pattern), SVC.c.episode_id.is_(None)),
        )
        assert client.get(f"/ncx/ebis/asset/{rows['sid']}").status_code == 200


def test_search_by_company_lists_the_company_assets(
    client: TestClient, world_engine: Engine
) -> None:
    acc = _one(world_engine, select(ACC).where(ACC.c.episode_id.is_(None)))
    with world_engine.connect() as conn:
        owned = conn.execute(
            select(func.count())
            .select_from(SVC)
            .where(SVC.c.account_number == acc["account_number"])
        ).scalar_one()
    body = client.get("/ncx/ebis/asset", params={"company": acc["company"]}).json()
    assert body["count"] >= min(owned, 50)
    assert all(acc["company"].lower() in item["company"].lower() for item in body["items"])


def test_ao_leads_to_cabasa_with_the_billing_account(
    client: TestClient, world_engine: Engine
) -> None:
    order = _one(world_engine, select(SO).where(SO.c.episode_id.is_(None)))
    svc = _one(
        world_engine, select(SVC).where(SVC.c.sid == order["sid"], SVC.c.episode_id.is_(None))
    )
    search = client.get("/ncx/ebis/sales-order", params={"ao": order["ao"]}).json()
    assert [i["ao"] for i in search["items"]] == [order["ao"]]
    detail = client.get(f"/ncx/ebis/sales-order/{order['ao']}").json()
    assert detail["sid"] == order["sid"] and detail["product"] == svc["product"]
    cabasa = client.get(f"/ncx/ebis/sales-order/{order['ao']}/cabasa").json()
    assert cabasa["billing_account"] == order["billing_account"] == svc["account_number"]
    assert cabasa["display"]["Billing Account"] == order["billing_account"]
    # The three accounts, and no hint of which one is the Account Number (SOP 000:75-81).
    assert list(cabasa["display"]) == ["Customer Account", "Billing Account", "Service Account"]
    assert "account_number" not in cabasa


@pytest.mark.parametrize(
    "path, field",
    [
        ("/ncx/ebis/asset/12345", "sid"),  # too short
        ("/ncx/ebis/asset/83522195O", "sid"),  # a letter O
        ("/ncx/ebis/asset/1-234567890", "sid"),  # an AO in the SID box
        ("/ncx/ebis/sales-order/835221950", "ao"),  # an SID in the AO box
        ("/ncx/ebis/sales-order/1-23/cabasa", "ao"),
    ],
)
def test_malformed_identifiers_name_the_field(client: TestClient, path: str, field: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == field and body["expected"]


def test_search_without_criteria_says_what_to_give(client: TestClient) -> None:
    response = client.get("/ncx/ebis/asset", params={"company": "PT"})
    assert response.status_code == 422
    assert response.json()["field"] == "sid"


def test_unknown_sid_and_ao_answer_the_not_found_view(client: TestClient) -> None:
    for path in ("/ncx/ebis/asset/999999999", "/ncx/ebis/sales-order/1-000000000"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["view"].startswith("Data tidak ditemukan")


def test_calls_in_an_episode_are_recorded(client: TestClient, world_engine: Engine) -> None:
    svc = _one(world_engine, select(SVC.c.sid).where(SVC.c.episode_id.is_(None)))
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    client.get(f"/ncx/ebis/asset/{svc['sid']}", headers=episode_headers(token, episode))
    client.get("/ncx/ebis/asset/999999999", headers=episode_headers(token, episode))
    client.get(f"/ncx/ebis/asset/{svc['sid']}")  # free exploration: not recorded
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["params"], e["status"]) for e in events] == [
        ("ncx.asset_detail", {"sid": svc["sid"]}, 200),
        ("ncx.asset_detail", {"sid": "999999999"}, 404),
    ]
    _, other_token = make_user(world_engine)
    foreign = client.get(
        f"/ncx/ebis/asset/{svc['sid']}", headers=episode_headers(other_token, episode)
    )
    assert foreign.status_code == 403
    assert len(trace_of(world_engine, episode)) == 2
