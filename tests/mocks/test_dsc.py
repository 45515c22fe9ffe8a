"""DSC: profile, device, FA payments, HLR, recharge history, call details, UPCC."""

import re
import secrets
from datetime import date, datetime, time, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select

from gladi import formats as f
from gladi.world import CallDetail, FaPayment, HlrService, Recharge, Subscriber
from tests.helpers import episode_headers, make_episode, make_user, trace_of

SUB = Subscriber.__table__
FA = FaPayment.__table__
HLR = HlrService.__table__
RCH = Recharge.__table__
CDR = CallDetail.__table__
RUPIAH = re.compile(r"^Rp\d{1,3}(\.\d{3})*$")
WIB_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
TODAY = f.to_wib(f.WORLD_NOW).date()
SCREENS = ("", "/device", "/fa-payments", "/hlr", "/recharges", "/call-details", "/upcc")
UNKNOWN = "081100000001"


def sub_where(engine: Engine, *where) -> dict:
    """The first background subscriber matching `where`."""
    with engine.connect() as conn:
        row = (
            conn.execute(select(SUB).where(SUB.c.episode_id.is_(None), *where).order_by(SUB.c.id))
            .mappings()
            .first()
        )
    assert row is not None, f"the small world has no subscriber with {where}"
    return dict(row)


def msisdn_with(engine: Engine, table, *where) -> str:
    """A background MSISDN having rows in `table` matching `where`."""
    with engine.connect() as conn:
        value = conn.execute(
            select(table.c.msisdn)
            .where(table.c.episode_id.is_(None), *where)
            .order_by(table.c.msisdn)
            .limit(1)
        ).scalar()
    assert value, f"the small world has no {table.name} row with {where}"
    return value


def rows_of(engine: Engine, table, msisdn: str, *where) -> list[dict]:
    with engine.connect() as conn:
        query = select(table).where(table.c.msisdn == msisdn, table.c.episode_id.is_(None), *where)
        return [dict(r) for r in conn.execute(query).mappings()]


def unused_msisdn(engine: Engine) -> str:
    """A well-formed MSISDN no subscriber has (episode rows outlive reseeding on PostgreSQL)."""
    with engine.connect() as conn:
        while True:
            msisdn = f"0853{secrets.randbelow(10**8):08d}"
            if not conn.execute(select(func.count()).where(SUB.c.msisdn == msisdn)).scalar():
                return msisdn


def wib_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=f.WIB)


# --- profile -------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["0{}", "62{}", "+62{}"])
def test_profile_shows_the_world_row_for_every_msisdn_form(
    client: TestClient, world_engine: Engine, form: str
) -> None:
    row = sub_where(world_engine, SUB.c.brand != "KartuHalo")
    typed = form.format(row["msisdn"][1:])
    body = client.get(f"/dsc/subscribers/{typed}").json()
    assert body["msisdn"] == row["msisdn"]
    assert (body["name"], body["brand"], body["balance"]) == (
        row["name"],
        row["brand"],
        row["balance"],
    )
    shown = body["display"]
    assert shown["Nama Pelanggan"] == row["name"]
    assert shown["Jenis Kartu"] == row["brand"]
    assert shown["Kelas Pelanggan"] == row["customer_class"]
    assert shown["Lokasi"] == row["location"]
    assert shown["CP Lain"] == row["alt_contact"]
    # The customer's e-mail is asked of the customer (SOP 004:9, 002:90), not read off DSC.
    assert "email" not in body and "Email" not in shown
    assert shown["Sisa Pulsa"] == f.rupiah(row["balance"]) and RUPIAH.match(shown["Sisa Pulsa"])
    assert shown["Tanggal Aktivasi"] == f.long_date(row["activation_date"])


@pytest.mark.parametrize(
    "status",
    [
        "Active - Collection Block 1",
        "Active (Out Of Collection - on Trial)",
        "Active - Voluntary Block 1",
        "Aging",
    ],
)
def test_status_is_shown_exactly_as_dsc_writes_it(
    client: TestClient, world_engine: Engine, status: str
) -> None:
    row = sub_where(world_engine, SUB.c.dsc_status == status)
    body = client.get(f"/dsc/subscribers/{row['msisdn']}").json()
    assert body["dsc_status"] == status and body["display"]["Status"] == status
    if status == "Aging":
        assert body["aging_days"] == row["aging_days"] > 0
        assert body["display"]["Aging"] == f"{row['aging_days']} hari"


def test_postpaid_profile_has_no_balance(client: TestClient, world_engine: Engine) -> None:
    row = sub_where(world_engine, SUB.c.brand == "KartuHalo")
    body = client.get(f"/dsc/subscribers/{row['msisdn']}").json()
    assert body["prepaid"] is False and body["display"]["Sisa Pulsa"] == "-"


def test_device_and_upcc_equal_the_world_row(client: TestClient, world_engine: Engine) -> None:
    row = sub_where(world_engine)
    device = client.get(f"/dsc/subscribers/{row['msisdn']}/device").json()
    assert (device["device"], device["imei"]) == (row["device"], row["imei"])
    assert device["display"]["IMEI"] == row["imei"]
    upcc = client.get(f"/dsc/subscribers/{row['msisdn']}/upcc").json()
    assert upcc["upcc_note"] == row["upcc_note"] == upcc["display"]["Keterangan UPCC"]


# --- FA payments and HLR -------------------------------------------------------------------


@pytest.mark.parametrize("posted", [True, False])
def test_fa_payments_newest_first_with_ledger_state(
    client: TestClient, world_engine: Engine, posted: bool
) -> None:
    msisdn = msisdn_with(world_engine, FA, FA.c.posted_to_ledger.is_(posted))
    world = sorted(rows_of(world_engine, FA, msisdn), key=lambda r: r["paid_at"], reverse=True)
    body = client.get(f"/dsc/subscribers/{msisdn}/fa-payments").json()
    assert body["count"] == len(world)
    assert [i["reference"] for i in body["items"]] == [r["reference"] for r in world]
    for item, row in zip(body["items"], world, strict=True):
        assert item["amount"] == row["amount"] and item["display"]["Jumlah"] == f.rupiah(
            row["amount"]
        )
        ledger = "Sudah masuk ledger" if row["posted_to_ledger"] else "Belum masuk ledger"
        assert item["display"]["Status Ledger"] == ledger
        assert item["display"]["Tanggal Bayar"] == f.wib_datetime(row["paid_at"])
        # Whether a notification reached the customer is asked of the customer (SOP 001:22).
        assert "notification_sent" not in item and "Notifikasi" not in item["display"]


def test_hlr_has_three_services_and_shows_a_hum_block(
    client: TestClient, world_engine: Engine
) -> None:
    msisdn = msisdn_with(world_engine, HLR, HLR.c.block_reason == "HUM")
    body = client.get(f"/dsc/subscribers/{msisdn}/hlr").json()
    assert [i["service"] for i in body["items"]] == ["VOICE", "SMS", "DATA"]
    world = {r["service"]: r for r in rows_of(world_engine, HLR, msisdn)}
    for item in body["items"]:
        row = world[item["service"]]
        assert (item["state"], item["block_reason"]) == (row["state"], row["block_reason"])
        assert WIB_TIME.match(item["display"]["Update Terakhir"])
    assert any(i["display"]["Keterangan Blokir"] == "HUM" for i in body["items"])
    # The rows only: no summary saying what is blocked (the agent reads that, SOP 001:29-31).
    assert body["display"] == {"MSISDN": msisdn}


# --- recharge history and call details ----------------------------------------------------


def test_recharge_history_hides_rows_dsc_never_got(
    client: TestClient, world_engine: Engine
) -> None:
    msisdn = msisdn_with(world_engine, RCH, RCH.c.shown_in_dsc.is_(False))
    world = rows_of(world_engine, RCH, msisdn)
    shown = sorted(
        (r for r in world if r["shown_in_dsc"]), key=lambda r: r["recharged_at"], reverse=True
    )
    hidden = {r["serial"] or r["transaction_id"] for r in world if not r["shown_in_dsc"]}
    body = client.get(f"/dsc/subscribers/{msisdn}/recharges").json()
    assert body["count"] == len(shown) < len(world)
    listed = [i["serial"] or i["transaction_id"] for i in body["items"]]
    assert listed == [r["serial"] or r["transaction_id"] for r in shown]
    assert not hidden & set(listed)
    for item, row in zip(body["items"], shown, strict=True):
        assert item["status"] == row["indira_status"] and item["nominal"] == row["nominal"]


def test_call_details_default_to_the_last_7_days(client: TestClient, world_engine: Engine) -> None:
    start = TODAY - timedelta(days=6)
    since = wib_midnight(start)
    msisdn = msisdn_with(world_engine, CDR, CDR.c.at >= since)
    world = rows_of(world_engine, CDR, msisdn, CDR.c.at >= since)
    body = client.get(f"/dsc/subscribers/{msisdn}/call-details").json()
    assert (body["date_from"], body["date_to"]) == (start.isoformat(), TODAY.isoformat())
    assert body["count"] == len(world) > 0
    times = [i["at"] for i in body["items"]]
    assert times == sorted(times, reverse=True)
    first = max(world, key=lambda r: r["at"])
    assert body["items"][0]["charge"] == first["charge"]
    assert body["items"][0]["display"]["Sisa Pulsa"] == f.rupiah(first["balance_after"])


def test_call_details_in_an_explicit_range(client: TestClient, world_engine: Engine) -> None:
    with world_engine.connect() as conn:
        row = conn.execute(
            select(CDR.c.msisdn, CDR.c.at).where(CDR.c.episode_id.is_(None)).order_by(CDR.c.at)
        ).first()
    day = f.to_wib(row.at).date()
    world = rows_of(
        world_engine,
        CDR,
        row.msisdn,
        CDR.c.at >= wib_midnight(day),
        CDR.c.at < wib_midnight(day + timedelta(days=3)),
    )
    params = {"from": day.isoformat(), "to": (day + timedelta(days=2)).strftime("%d-%m-%Y")}
    body = client.get(f"/dsc/subscribers/{row.msisdn}/call-details", params=params).json()
    assert body["count"] == len(world) > 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"to": "kemarin"}, "to"),
        ({"from": "2026-10-10", "to": "2026-10-01"}, "from"),
        ({"from": "2026-08-01", "to": "2026-09-15"}, "to"),
        ({"from": "2026-08-01"}, "from"),
    ],
)
def test_call_details_bad_dates_name_the_field(
    client: TestClient, world_engine: Engine, params: dict, field: str
) -> None:
    msisdn = sub_where(world_engine)["msisdn"]
    response = client.get(f"/dsc/subscribers/{msisdn}/call-details", params=params)
    assert response.status_code == 422
    assert response.json()["field"] == field and response.json()["expected"]


# --- malformed and unknown numbers ----------------------------------------------------------


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(
    "typed",
    ["0812abc45678", "08121234", "0812123456789", "081712345678", "1-234567890", "835221950"],
    ids=["letters", "short", "long", "xl-prefix", "ao", "sid"],
)
def test_malformed_msisdn_is_422_naming_msisdn(client: TestClient, screen: str, typed: str) -> None:
    response = client.get(f"/dsc/subscribers/{typed}{screen}")
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "msisdn" and "Telkomsel" in body["expected"]


@pytest.mark.parametrize("screen", SCREENS)
def test_unknown_msisdn_is_404_with_the_not_found_view(client: TestClient, screen: str) -> None:
    response = client.get(f"/dsc/subscribers/{UNKNOWN}{screen}")
    assert response.status_code == 404
    assert response.json()["field"] == "msisdn"
    assert UNKNOWN in response.json()["view"]


# --- episodes ----------------------------------------------------------------------------


def test_calls_are_recorded_only_with_episode_headers(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    msisdn = sub_where(world_engine)["msisdn"]
    headers = episode_headers(token, episode)
    assert client.get(f"/dsc/subscribers/62{msisdn[1:]}/hlr", headers=headers).status_code == 200
    assert client.get(f"/dsc/subscribers/{UNKNOWN}", headers=headers).status_code == 404
    assert client.get(f"/dsc/subscribers/{msisdn}").status_code == 200
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["params"]["msisdn"], e["status"]) for e in events] == [
        ("dsc.hlr", msisdn, 200),
        ("dsc.profile", UNKNOWN, 404),
    ]
    assert events[0]["tool"] == "dsc"


def test_someone_elses_episode_is_403(client: TestClient, world_engine: Engine) -> None:
    owner, _ = make_user(world_engine)
    _, intruder = make_user(world_engine)
    episode = make_episode(world_engine, owner)
    msisdn = sub_where(world_engine)["msisdn"]
    response = client.get(f"/dsc/subscribers/{msisdn}", headers=episode_headers(intruder, episode))
    assert response.status_code == 403 and response.json()["field"] == "X-Gladi-Episode"
    assert trace_of(world_engine, episode) == []


def test_an_episodes_own_subscriber_is_visible_only_in_that_episode(
    client: TestClient, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    mine, other = make_episode(world_engine, user_id), make_episode(world_engine, user_id)
    template = sub_where(world_engine)
    msisdn = unused_msisdn(world_engine)
    with world_engine.begin() as conn:
        values = {k: v for k, v in template.items() if k != "id"}
        values.update(msisdn=msisdn, name="Pelanggan Episode", episode_id=mine)
        conn.execute(insert(SUB).values(**values))
    url = f"/dsc/subscribers/{msisdn}"
    inside = client.get(url, headers=episode_headers(token, mine))
    assert inside.status_code == 200 and inside.json()["name"] == "Pelanggan Episode"
    assert client.get(url).status_code == 404
    assert client.get(url, headers=episode_headers(token, other)).status_code == 404


def test_default_ranges_follow_the_episode_clock(client: TestClient, world_engine: Engine) -> None:
    user_id, token = make_user(world_engine)
    sim_now = f.WORLD_NOW - timedelta(days=10)
    episode = make_episode(world_engine, user_id, sim_now=sim_now)
    msisdn = sub_where(world_engine)["msisdn"]
    headers = episode_headers(token, episode)
    body = client.get(f"/dsc/subscribers/{msisdn}/call-details", headers=headers).json()
    day = f.to_wib(sim_now).date()
    assert (body["date_from"], body["date_to"]) == (
        (day - timedelta(days=6)).isoformat(),
        day.isoformat(),
    )
