"""DSC GraPARI Online: order detail, search by e-mail in a 14-day window, Resume Order."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from gladi import formats as f
from gladi.world import GolOrder
from tests.helpers import episode_headers, make_episode, make_user, trace_of

GOL = GolOrder.__table__
TODAY = f.to_wib(f.WORLD_NOW).date()


def order_where(engine: Engine, *where) -> dict:
    """The first background order matching `where`."""
    with engine.connect() as conn:
        row = (
            conn.execute(select(GOL).where(GOL.c.episode_id.is_(None), *where).order_by(GOL.c.id))
            .mappings()
            .first()
        )
    assert row is not None, f"the small world has no GOL order with {where}"
    return dict(row)


def test_order_detail_equals_the_world_row(client: TestClient, world_engine: Engine) -> None:
    row = order_where(world_engine, GOL.c.resi.is_not(None))
    body = client.get(f"/dsc/gol/orders/{row['order_id']}").json()
    for key in ("order_id", "email", "msisdn", "order_type", "package", "courier", "resi"):
        assert body[key] == row[key]
    for key in ("fos_grapari", "grapari_phone", "status", "payment_method", "payment_status"):
        assert body[key] == row[key]
    shown = body["display"]
    assert shown["Status Order"] == row["status"]
    assert shown["No. Resi"] == row["resi"]
    assert shown["FOS GraPARI"] == row["fos_grapari"]
    assert shown["Keterangan UPCC"] == row["upcc_note"]
    assert shown["Tanggal Order"] == f.wib_datetime(row["ordered_at"])


def test_search_by_email_finds_the_order_from_its_order_date(
    client: TestClient, world_engine: Engine
) -> None:
    row = order_where(world_engine, GOL.c.ordered_at < f.WORLD_NOW - timedelta(days=20))
    day = f.to_wib(row["ordered_at"]).date()
    params = {
        "email": row["email"].upper(),
        "from": day.isoformat(),
        "to": (day + timedelta(days=13)).isoformat(),
    }
    body = client.get("/dsc/gol/orders", params=params).json()
    assert row["order_id"] in [i["order_id"] for i in body["items"]]
    assert body["count"] == len(body["items"]) and body["email"] == row["email"].lower()
    default = client.get("/dsc/gol/orders", params={"email": row["email"]}).json()
    assert row["order_id"] not in [i["order_id"] for i in default["items"]]


def test_default_window_is_the_14_days_up_to_now(client: TestClient, world_engine: Engine) -> None:
    row = order_where(world_engine, GOL.c.ordered_at > f.WORLD_NOW - timedelta(days=5))
    body = client.get("/dsc/gol/orders", params={"email": row["email"]}).json()
    start = TODAY - timedelta(days=13)
    assert (body["date_from"], body["date_to"]) == (start.isoformat(), TODAY.isoformat())
    assert row["order_id"] in [i["order_id"] for i in body["items"]]


def test_an_email_without_orders_is_an_empty_list(client: TestClient) -> None:
    response = client.get("/dsc/gol/orders", params={"email": "tidak.ada@example.com"})
    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["items"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-09-01", "to": "2026-09-15"}, "to"),
        ({"from": "2026-09-01"}, "from"),
        ({"to": "2026-09-01", "from": "2026-09-02"}, "from"),
        ({"from": "01/13/2026"}, "from"),
    ],
)
def test_the_14_day_window_is_enforced(client: TestClient, params: dict, field: str) -> None:
    response = client.get("/dsc/gol/orders", params={"email": "a@example.com", **params})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == field
    if "to" in params and field == "to":
        assert "14 days" in body["message"] and "14 days" in body["expected"]


@pytest.mark.parametrize("email", ["budi", "budi@", "budi@mail", "a b@mail.com"])
def test_malformed_email_is_422(client: TestClient, email: str) -> None:
    response = client.get("/dsc/gol/orders", params={"email": email})
    assert response.status_code == 422 and response.json()["field"] == "email"


def test_email_is_required(client: TestClient) -> None:
    response = client.get("/dsc/gol/orders")
    assert response.status_code == 422 and response.json()["field"] == "email"


@pytest.mark.parametrize("suffix", ["", "/resume"])
@pytest.mark.parametrize("order_id", ["GOL12345", "1-234567890", "081321123321", "gol12345678901x"])
def test_malformed_order_id_is_422(client: TestClient, order_id: str, suffix: str) -> None:
    response = client.get(f"/dsc/gol/orders/{order_id}{suffix}")
    assert response.status_code == 422
    assert response.json()["field"] == "order_id" and "GOL" in response.json()["expected"]


@pytest.mark.parametrize("suffix", ["", "/resume"])
def test_unknown_order_is_404_with_the_not_found_view(client: TestClient, suffix: str) -> None:
    response = client.get(f"/dsc/gol/orders/GOL000000000000{suffix}")
    assert response.status_code == 404
    assert "GOL000000000000" in response.json()["view"]


@pytest.mark.parametrize(
    ("status", "picked_up", "lanjut"),
    [
        ("Completed", True, True),
        ("Delivery Incident", True, True),
        ("Delivery Incident", False, False),
        ("Delivery In Progress", True, False),
        ("Pending Perso", False, False),
    ],
)
def test_resume_order_offers_lanjut_only_after_delivery(
    client: TestClient, world_engine: Engine, status: str, picked_up: bool, lanjut: bool
) -> None:
    row = order_where(world_engine, GOL.c.status == status, GOL.c.picked_up.is_(picked_up))
    body = client.get(f"/dsc/gol/orders/{row['order_id']}/resume").json()
    assert body["status"] == status and body["lanjut_available"] is lanjut
    assert body["actions"] == (["Lanjut"] if lanjut else [])
    assert body["display"]["Action"] == ("Lanjut" if lanjut else "-")
    tracking = body["tracking"]
    assert (tracking["courier"], tracking["resi"], tracking["picked_up"]) == (
        row["courier"],
        row["resi"],
        row["picked_up"],
    )


def test_gol_calls_are_recorded_in_the_episode(client: TestClient, world_engine: Engine) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    row = order_where(world_engine)
    headers = episode_headers(token, episode)
    client.get("/dsc/gol/orders", params={"email": row["email"]}, headers=headers)
    client.get(f"/dsc/gol/orders/{row['order_id']}/resume", headers=headers)
    client.get("/dsc/gol/orders", params={"email": "a@example.com", "from": "2026-01-01"})
    events = trace_of(world_engine, episode)
    assert [e["operation"] for e in events] == ["dsc.gol_search", "dsc.gol_resume"]
    assert events[0]["params"]["email"] == row["email"] and "count" in events[0]["detail"]
    assert events[1]["params"] == {"order_id": row["order_id"]}
