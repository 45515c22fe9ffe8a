"""UPoint OTT dashboard: login, Subscriptions, Transactions Data and their CSV exports."""

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi import formats as f
from gladi.world import IndihomeCustomer, OttSubscription, OttTransaction
from tests.helpers import episode_headers, make_episode, make_user, trace_of

SUBS = OttSubscription.__table__
TRX = OttTransaction.__table__
CUST = IndihomeCustomer.__table__
LOGIN = {"username": "monitor", "password": "monitor123@", "regional": 3, "nama": "Agent"}
SUB_COLUMNS = (
    "No,Partner ref_no,IndiHome,Item,Price (Rp.),Denom (Rp.),Service,Status,Start Time,"
    "End Time,Channel,Last Charge"
)
TRX_COLUMNS = (
    "No,Nomor Indihome,Harga,Harga Prorate,Item,Service,Partner Ref_no,Telkom trx_id,Trx Time"
)


@pytest.fixture
def session(client: TestClient) -> dict[str, str]:
    """Headers of a logged-in UPoint user."""
    response = client.post("/upoint/login", json=LOGIN)
    assert response.status_code == 200, response.text
    return {"X-Tool-Session": response.json()["tool_session"]}


@pytest.fixture(scope="module")
def busy(world_engine: Engine) -> str:
    """An IndiHome number with subscriptions to several OTT services."""
    with world_engine.connect() as conn:
        return conn.execute(
            select(SUBS.c.indihome_number)
            .where(SUBS.c.episode_id.is_(None))
            .group_by(SUBS.c.indihome_number)
            .having(func.count(func.distinct(SUBS.c.service)) >= 2)
            .order_by(SUBS.c.indihome_number)
        ).scalar() or pytest.fail("the small world has no multi-OTT customer")


def world_rows(engine: Engine, table, number: str) -> list[dict]:
    with engine.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(
                select(table).where(table.c.indihome_number == number, table.c.episode_id.is_(None))
            ).mappings()
        ]


def test_login_accepts_the_monitor_account_with_any_regional_and_name(client: TestClient) -> None:
    body = client.post("/upoint/login", json={**LOGIN, "regional": "7", "nama": "Siti"}).json()
    assert body["user"] == "monitor" and body["regional"] == 7 and body["tool_session"]


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"username": "admin"}, 401, "username"),
        ({"password": "monitor123"}, 401, "password"),
        ({"regional": 8}, 422, "regional"),
        ({"regional": "tiga"}, 422, "regional"),
        ({"nama": "  "}, 422, "nama"),
        ({"role": "admin"}, 422, "role"),
    ],
)
def test_wrong_login_is_refused_naming_the_field(
    client: TestClient, change: dict, status: int, field: str
) -> None:
    response = client.post("/upoint/login", json={**LOGIN, **change})
    assert response.status_code == status
    assert response.json()["field"] == field


@pytest.mark.parametrize("header", [None, "garbage", "eyJ0b29sIjogInRvcyJ9.0000"])
def test_searches_need_a_upoint_session(client: TestClient, busy: str, header: str | None) -> None:
    headers = {"X-Tool-Session": header} if header else {}
    for path in ("subscriptions", "transactions", "subscriptions.csv", "transactions.csv"):
        response = client.get(
            f"/upoint/softbundling/{path}", params={"indihome": busy}, headers=headers
        )
        assert response.status_code == 401
        assert response.json()["field"] == "X-Tool-Session"


def test_subscriptions_equal_the_world(
    client: TestClient, session: dict, busy: str, world_engine: Engine
) -> None:
    body = client.get(
        "/upoint/softbundling/subscriptions", params={"indihome": busy}, headers=session
    ).json()
    expected = world_rows(world_engine, SUBS, busy)
    assert body["count"] == len(expected) == len(body["items"])
    assert {(i["partner_ref_no"], i["service"]) for i in body["items"]} == {
        (r["partner_ref_no"], r["service"]) for r in expected
    }
    assert body["display"]["Hasil untuk pencarian"] == (
        f"Nomor Indihome: {busy}, Semua Data, Kategori: all_item, Regional: all_item."
    )
    assert body["display"]["Showing"] == str(len(expected))
    assert re.fullmatch(r"\d+\.\d{16}s \| \d+\.\d{16}s", body["display"]["request time"])
    for no, item in enumerate(body["items"], start=1):
        shown = item["display"]
        assert list(shown) == SUB_COLUMNS.split(",")
        assert shown["No"] == str(no)
        assert re.fullmatch(r"\d{1,3}(\.\d{3})*,00", shown["Price (Rp.)"])
        assert shown["Price (Rp.)"] == f.number_id(item["price"], decimals=2)
        assert re.fullmatch(r"\d{3} - .+", shown["Service"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", shown["Start Time"])
        assert re.fullmatch(rf"[a-z]+-\d{{14}}-{busy}", shown["Partner ref_no"])


def test_transactions_equal_the_world_newest_first(
    client: TestClient, session: dict, busy: str, world_engine: Engine
) -> None:
    body = client.get(
        "/upoint/softbundling/transactions", params={"indihome": busy}, headers=session
    ).json()
    expected = world_rows(world_engine, TRX, busy)
    assert sorted(i["trx_id"] for i in body["items"]) == sorted(r["trx_id"] for r in expected)
    times = [i["trx_time"] for i in body["items"]]
    assert times == sorted(times, reverse=True)
    assert body["display"]["Hasil untuk pencarian"] == (
        f"Nomor Indihome: {busy}, OTT: all_item, Regional: all_item."
    )
    first = body["items"][0]["display"]
    assert list(first) == TRX_COLUMNS.split(",")
    assert first["Harga"] == str(body["items"][0]["price"])
    assert first["Service"] == body["items"][0]["service"].lower()
    assert re.fullmatch(r"stbupoint[0-9a-f]+", first["Telkom trx_id"])


def test_one_date_only_shows_that_day(
    client: TestClient, session: dict, busy: str, world_engine: Engine
) -> None:
    rows = world_rows(world_engine, TRX, busy)
    day = f.to_wib(rows[0]["trx_time"]).date()
    expected = {r["trx_id"] for r in rows if f.to_wib(r["trx_time"]).date() == day}
    assert 0 < len(expected) < len(rows)
    for box in ("from", "to"):
        body = client.get(
            "/upoint/softbundling/transactions",
            params={"indihome": busy, box: day.isoformat()},
            headers=session,
        ).json()
        assert {i["trx_id"] for i in body["items"]} == expected
        assert f"Tanggal: {day.isoformat()}" in body["display"]["Hasil untuk pencarian"]


def test_ott_and_regional_filters_narrow_the_results(
    client: TestClient, session: dict, busy: str, world_engine: Engine
) -> None:
    rows = world_rows(world_engine, SUBS, busy)
    service = rows[0]["service"]
    name = service.partition(" - ")[2].upper()
    url = "/upoint/softbundling/subscriptions"
    body = client.get(url, params={"indihome": busy, "ott": name}, headers=session).json()
    assert {i["service"] for i in body["items"]} == {service}
    assert body["count"] == sum(r["service"] == service for r in rows) < len(rows)
    regional = rows[0]["regional"]
    same = client.get(url, params={"indihome": busy, "regional": regional}, headers=session)
    assert same.json()["count"] == len(rows)
    other = client.get(
        url, params={"indihome": busy, "regional": regional % 7 + 1}, headers=session
    )
    assert other.json()["count"] == 0


def test_csv_export_has_the_sop_headers_and_the_same_rows(
    client: TestClient, session: dict, busy: str
) -> None:
    for kind, columns in (("subscriptions", SUB_COLUMNS), ("transactions", TRX_COLUMNS)):
        params = {"indihome": busy}
        shown = client.get(f"/upoint/softbundling/{kind}", params=params, headers=session).json()
        export = client.get(f"/upoint/softbundling/{kind}.csv", params=params, headers=session)
        assert export.headers["content-type"].startswith("text/csv")
        assert export.headers["content-disposition"].startswith("attachment")
        table = list(csv.reader(io.StringIO(export.text)))
        assert ",".join(table[0]) == columns
        assert table[1:] == [list(i["display"].values()) for i in shown["items"]]


def test_a_number_without_ott_shows_zero(
    client: TestClient, session: dict, world_engine: Engine
) -> None:
    with world_engine.connect() as conn:
        number = conn.execute(
            select(CUST.c.indihome_number).where(
                CUST.c.episode_id.is_(None),
                CUST.c.indihome_number.not_in(select(SUBS.c.indihome_number)),
            )
        ).scalar()
    for kind in ("subscriptions", "transactions"):
        body = client.get(
            f"/upoint/softbundling/{kind}", params={"indihome": number}, headers=session
        ).json()
        assert body["count"] == 0 and body["items"] == [] and body["display"]["Showing"] == "0"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"indihome": "12151720933"}, "indihome"),
        ({"indihome": "12151720933A"}, "indihome"),
        ({"indihome": "835221950"}, "indihome"),
        ({}, "indihome"),
        ({"from": "2026-02-30"}, "from"),
        ({"to": "kemarin"}, "to"),
        ({"from": "2026-10-10", "to": "2026-10-01"}, "to"),
        ({"ott": "Netflix"}, "ott"),
        ({"regional": "8"}, "regional"),
    ],
)
def test_malformed_search_input_names_the_field(
    client: TestClient, session: dict, busy: str, params: dict, field: str
) -> None:
    query = params if "indihome" in params or not params else {"indihome": busy, **params}
    response = client.get("/upoint/softbundling/subscriptions", params=query, headers=session)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_calls_are_recorded_in_the_episode_only(
    client: TestClient, busy: str, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    headers = episode_headers(token, episode)
    login = client.post("/upoint/login", json=LOGIN, headers=headers).json()
    session = {"X-Tool-Session": login["tool_session"]}
    url = "/upoint/softbundling/subscriptions"
    client.get(url, params={"indihome": busy}, headers={**headers, **session})
    client.get(url, params={"indihome": busy}, headers=session)
    events = trace_of(world_engine, episode)
    assert [e["operation"] for e in events] == ["upoint.login", "upoint.subscriptions"]
    assert events[0]["params"]["password"] == "***"
    assert events[1]["params"]["indihome"] == busy
    _, stranger = make_user(world_engine)
    refused = client.get(
        url, params={"indihome": busy}, headers={**episode_headers(stranger, episode), **session}
    )
    assert refused.status_code == 403
    assert len(trace_of(world_engine, episode)) == 2
