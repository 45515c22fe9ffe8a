"""Indira: recharge status, Voucher Details (servo) and balance usage."""

import re
import secrets
from datetime import date, datetime, time, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select

from gladi import formats as f
from gladi.world import CallDetail, Recharge, Subscriber, Voucher
from tests.helpers import episode_headers, make_episode, make_user, trace_of

SUB = Subscriber.__table__
RCH = Recharge.__table__
VOU = Voucher.__table__
CDR = CallDetail.__table__
TODAY = f.to_wib(f.WORLD_NOW).date()
UNKNOWN = "081100000001"
SERIAL = re.compile(r"^02\d{23}$")


def wib_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=f.WIB)


def first(engine: Engine, table, *where) -> dict:
    """The first background row of `table` matching `where`."""
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(table).where(table.c.episode_id.is_(None), *where).order_by(table.c.id)
            )
            .mappings()
            .first()
        )
    assert row is not None, f"the small world has no {table.name} row with {where}"
    return dict(row)


def rows_of(engine: Engine, table, msisdn: str, *where) -> list[dict]:
    with engine.connect() as conn:
        query = select(table).where(table.c.msisdn == msisdn, table.c.episode_id.is_(None), *where)
        return [dict(r) for r in conn.execute(query).mappings()]


def whole_history(rows: list[dict], column: str) -> dict[str, str]:
    """A from/to covering every row (at most 31 days, or the test fails loudly)."""
    start = f.to_wib(min(r[column] for r in rows)).date()
    end = f.to_wib(max(r[column] for r in rows)).date()
    assert (end - start).days < 31, "rows span more than one allowed range"
    return {"from": start.isoformat(), "to": end.isoformat()}


# --- recharge status ------------------------------------------------------------------------


def test_indira_shows_the_recharges_dsc_hides(client: TestClient, world_engine: Engine) -> None:
    hidden = first(world_engine, RCH, RCH.c.shown_in_dsc.is_(False))
    day = f.to_wib(hidden["recharged_at"]).date()
    params = {"msisdn": hidden["msisdn"], "from": day.isoformat(), "to": day.isoformat()}
    body = client.get("/indira/recharges", params=params).json()
    key = hidden["serial"] or hidden["transaction_id"]
    listed = {i["serial"] or i["transaction_id"]: i for i in body["items"]}
    assert key in listed
    assert listed[key]["indira_status"] == hidden["indira_status"]
    assert listed[key]["nominal"] == hidden["nominal"]
    dsc = client.get(f"/dsc/subscribers/{hidden['msisdn']}/recharges").json()
    assert key not in {i["serial"] or i["transaction_id"] for i in dsc["items"]}


@pytest.mark.parametrize("status", ["Sukses", "Gagal", "Pending"])
def test_recharge_status_rows_equal_the_world(
    client: TestClient, world_engine: Engine, status: str
) -> None:
    row = first(world_engine, RCH, RCH.c.indira_status == status)
    day = f.to_wib(row["recharged_at"]).date()
    world = rows_of(
        world_engine,
        RCH,
        row["msisdn"],
        RCH.c.recharged_at >= wib_midnight(day - timedelta(days=10)),
        RCH.c.recharged_at < wib_midnight(day + timedelta(days=1)),
    )
    params = {
        "msisdn": "62" + row["msisdn"][1:],
        "from": (day - timedelta(days=10)).isoformat(),
        "to": day.isoformat(),
    }
    body = client.get("/indira/recharges", params=params).json()
    assert body["msisdn"] == row["msisdn"] and body["count"] == len(world)
    times = [i["recharged_at"] for i in body["items"]]
    assert times == sorted(times, reverse=True)
    mine = next(
        i for i in body["items"] if i["recharged_at"] == f.to_wib(row["recharged_at"]).isoformat()
    )
    assert mine["display"]["Status"] == status
    assert mine["display"]["Nominal"] == f.rupiah(row["nominal"])


def test_recharge_status_defaults_to_30_days(client: TestClient, world_engine: Engine) -> None:
    msisdn = first(world_engine, SUB)["msisdn"]
    body = client.get("/indira/recharges", params={"msisdn": msisdn}).json()
    start = TODAY - timedelta(days=29)
    assert (body["date_from"], body["date_to"]) == (start.isoformat(), TODAY.isoformat())
    world = rows_of(world_engine, RCH, msisdn, RCH.c.recharged_at >= wib_midnight(start))
    assert body["count"] == len(world)


# --- voucher details --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("servo", "label"), [("Used", "Sudah digunakan"), ("Not Used", "Belum digunakan")]
)
def test_voucher_details_show_the_servo_state(
    client: TestClient, world_engine: Engine, servo: str, label: str
) -> None:
    row = first(world_engine, VOU, VOU.c.servo_status == servo)
    assert SERIAL.match(row["serial"])
    body = client.get(f"/indira/vouchers/{row['serial']}").json()
    assert (body["servo_status"], body["used"]) == (servo, servo == "Used")
    assert body["display"]["Status Servo"] == label
    assert body["nominal"] == row["nominal"] and body["seller"] == row["seller"]
    assert body["used_by_msisdn"] == row["used_by_msisdn"]
    if servo == "Used":
        assert body["display"]["Digunakan Oleh"] == row["used_by_msisdn"]
        assert body["display"]["Waktu Digunakan"] == f.wib_datetime(row["used_at"])
    else:
        assert body["display"]["Digunakan Oleh"] == "-"
    assert body["display"]["Masa Berlaku"] == f.long_date(row["expires_on"])


@pytest.mark.parametrize(
    "serial",
    ["0212345", "03" + "1" * 23, "02" + "1" * 24, "02" + "a" * 23, "081321123321"],
    ids=["short", "prefix", "long", "letters", "msisdn"],
)
def test_malformed_serial_is_422_saying_the_shape(client: TestClient, serial: str) -> None:
    response = client.get(f"/indira/vouchers/{serial}")
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "serial" and "25 digits starting 02" in body["expected"]


def test_unknown_serial_is_404_with_the_not_found_view(client: TestClient) -> None:
    serial = "02" + "0" * 23
    response = client.get(f"/indira/vouchers/{serial}")
    assert response.status_code == 404
    assert response.json()["field"] == "serial" and serial in response.json()["view"]


# --- balance usage ----------------------------------------------------------------------------


def test_balance_usage_matches_call_details(client: TestClient, world_engine: Engine) -> None:
    since = wib_midnight(TODAY - timedelta(days=6))
    msisdn = first(world_engine, CDR, CDR.c.at >= since)["msisdn"]
    world = rows_of(world_engine, CDR, msisdn, CDR.c.at >= since)
    body = client.get("/indira/balance-usage", params={"msisdn": msisdn}).json()
    assert body["count"] == len(world) > 0
    assert body["total_charge"] == sum(r["charge"] for r in world)
    assert body["display"]["Total Pemotongan"] == f.rupiah(body["total_charge"])
    dsc = client.get(f"/dsc/subscribers/{msisdn}/call-details").json()
    assert [(i["at"], i["charge"], i["balance_after"]) for i in body["items"]] == [
        (i["at"], i["charge"], i["balance_after"]) for i in dsc["items"]
    ]


# --- malformed input, unknown numbers, episodes ----------------------------------------------


@pytest.mark.parametrize("path", ["/indira/recharges", "/indira/balance-usage"])
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"msisdn": "0812abc45678"}, "msisdn"),
        ({"msisdn": "08121234"}, "msisdn"),
        ({"msisdn": "081712345678"}, "msisdn"),
        ({"msisdn": "1-234567890"}, "msisdn"),
        ({"msisdn": "835221950"}, "msisdn"),
        ({}, "msisdn"),
        ({"msisdn": "081321123321", "from": "32-10-2026"}, "from"),
        ({"msisdn": "081321123321", "from": "2026-10-10", "to": "2026-10-01"}, "from"),
        ({"msisdn": "081321123321", "from": "2026-08-01", "to": "2026-10-01"}, "to"),
    ],
)
def test_malformed_input_names_the_field(
    client: TestClient, path: str, params: dict, field: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422 and response.json()["field"] == field


@pytest.mark.parametrize("path", ["/indira/recharges", "/indira/balance-usage"])
def test_unknown_msisdn_is_404(client: TestClient, path: str) -> None:
    response = client.get(path, params={"msisdn": UNKNOWN})
    assert response.status_code == 404 and UNKNOWN in response.json()["view"]


def test_calls_are_recorded_only_with_episode_headers(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    serial = first(world_engine, VOU)["serial"]
    headers = episode_headers(token, episode)
    assert client.get(f"/indira/vouchers/{serial}", headers=headers).status_code == 200
    assert client.get(f"/indira/vouchers/{serial}").status_code == 200
    events = trace_of(world_engine, episode)
    assert [(e["tool"], e["operation"], e["params"]) for e in events] == [
        ("indira", "indira.voucher", {"serial": serial})
    ]
    _, intruder = make_user(world_engine)
    other = client.get(f"/indira/vouchers/{serial}", headers=episode_headers(intruder, episode))
    assert other.status_code == 403


def test_an_episodes_own_voucher_is_visible_only_in_that_episode(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    template = first(world_engine, VOU, VOU.c.servo_status == "Not Used")
    with world_engine.begin() as conn:
        while True:
            serial = f"02{secrets.randbelow(10**23):023d}"
            if not conn.execute(select(func.count()).where(VOU.c.serial == serial)).scalar():
                break
        values = {k: v for k, v in template.items() if k != "id"}
        values.update(serial=serial, episode_id=episode)
        conn.execute(insert(VOU).values(**values))
    url = f"/indira/vouchers/{serial}"
    assert client.get(url, headers=episode_headers(token, episode)).status_code == 200
    assert client.get(url).status_code == 404
