"""E-Payment / I-Payment: inquiry by account, IndiHome number or jastel (POTS phone)."""

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select

from gladi import formats as f
from gladi.world import (
    EnterpriseService,
    IndihomeCustomer,
    Invoice,
    PaymentBill,
    PaymentBillLine,
)
from tests.helpers import episode_headers, make_episode, make_user, trace_of

BILL = PaymentBill.__table__
BLINE = PaymentBillLine.__table__
SVC = EnterpriseService.__table__
CUST = IndihomeCustomer.__table__
INV = Invoice.__table__
ASKER = {
    "nama_penanya": "Budi Santoso",
    "alamat_penanya": "Jl. Merdeka 1",
    "telepon_penanya": "081321123321",
}
MONTHS = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nop|Des"
LABEL_RE = re.compile(rf"^({MONTHS}) \d{{4}}$")
DATE_RE = re.compile(rf"^\d{{2}}-({MONTHS})-\d{{4}}$")
CLOCK_RE = re.compile(r"^\d{2}:\d{2}:\d{2}$")
AMOUNT_RE = re.compile(r"^\d{1,3}(,\d{3})*$")
"""Amounts as the E-Payment figures write them: `1,975,800`, `0` (SOP 000:194, 003:18)."""
EXECUTION_RE = re.compile(r"^Execution per transaction \d+\.\d{2} seconds$")


def inquire(client: TestClient, nomor: str, headers: dict | None = None, **asker: str | None):
    params = {"nomor": nomor, **ASKER, **asker}
    params = {k: v for k, v in params.items() if v is not None}
    return client.get("/epayment/inquiry", params=params, headers=headers or {})


def bills_of(engine: Engine, number: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(BILL)
            .where(BILL.c.number == number, BILL.c.episode_id.is_(None))
            .order_by(BILL.c.period.desc())
        ).mappings()
        return [dict(r) for r in rows]


@pytest.fixture(scope="module")
def big_account(world_engine: Engine) -> str:
    """A billed enterprise account with the most services (SIDs)."""
    billed = select(BILL.c.number).where(BILL.c.number_kind == "account")
    with world_engine.connect() as conn:
        return conn.execute(
            select(SVC.c.account_number)
            .where(SVC.c.episode_id.is_(None), SVC.c.account_number.in_(billed))
            .group_by(SVC.c.account_number)
            .order_by(func.count().desc(), SVC.c.account_number)
        ).scalar() or pytest.fail("no billed enterprise account")


@pytest.fixture(scope="module")
def ott_customer(world_engine: Engine) -> dict:
    """An IndiHome customer billed for INTERNET CONTENT (an OTT purchase)."""
    with world_engine.connect() as conn:
        row = (
            conn.execute(
                select(CUST)
                .join(BILL, BILL.c.number == CUST.c.indihome_number)
                .join(BLINE, BLINE.c.bill_id == BILL.c.id)
                .where(BLINE.c.service == "INTERNET CONTENT", CUST.c.episode_id.is_(None))
                .order_by(CUST.c.indihome_number)
            )
            .mappings()
            .first()
        )
    return dict(row) if row else pytest.fail("no IndiHome customer with INTERNET CONTENT")


def test_account_rows_are_the_world_bills_newest_first(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    body = inquire(client, big_account).json()
    world = bills_of(world_engine, big_account)
    assert [(r["period"], r["amount"], r["unpaid"], r["status"]) for r in body["items"]] == [
        (b["period"], b["amount"], b["unpaid"], b["status"]) for b in world
    ]
    assert [r["period"] for r in body["items"]] == sorted(
        (r["period"] for r in body["items"]), reverse=True
    )
    assert body["product"] == "NON POTS"
    assert body["display"]["Produk"] == "NON POTS" and body["display"]["Phone"] == big_account
    assert (
        EXECUTION_RE.match(body["execution"]) and body["display"]["Execution"] == body["execution"]
    )


def test_account_amount_is_the_total_of_every_sid(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    body = inquire(client, big_account).json()
    with world_engine.connect() as conn:
        services = conn.execute(
            select(func.count()).select_from(SVC).where(SVC.c.account_number == big_account)
        ).scalar_one()
        totals = dict(
            conn.execute(
                select(INV.c.period, INV.c.total).where(INV.c.account_number == big_account)
            ).all()
        )
    assert services > 1
    # The total of every SID, and not a word about it: that it cannot tell one SID's status is
    # the SOP's note (000:209) for the agent to know, not part of the screen (000:194).
    assert "note" not in body and "Catatan" not in body["display"]
    assert list(body["display"]) == ["Execution", "Nama", "Produk", "Phone", "Internet"]
    for row in body["items"]:
        assert row["amount"] == totals[row["period"]]
        assert sum(line["amount"] for line in row["lines"]) == row["amount"]


def test_rows_show_the_screen_formats(
    client: TestClient, big_account: str, ott_customer: dict
) -> None:
    for nomor in (big_account, ott_customer["indihome_number"]):
        for row in inquire(client, nomor).json()["items"]:
            shown = row["display"]
            assert LABEL_RE.match(row["period_label"]) and shown["Periode"] == row["period_label"]
            assert row["period_label"] == f.period_label(row["period"], short=True)
            assert row["currency"] == "IDR" and row["instalment"] == "Bukan cicilan"
            assert shown["Jumlah Tagihan"] == f"{row['amount']:,}"
            assert AMOUNT_RE.match(shown["Jumlah Tagihan"])
            assert AMOUNT_RE.match(shown["Belum Bayar"])
            assert (row["status"] == "Lunas") == (row["unpaid"] == 0)
            if row["status"] == "Lunas":
                assert DATE_RE.match(shown["Tanggal"]) and CLOCK_RE.match(shown["Jam"])
                assert row["payment_place"]
            else:  # blank, as the unpaid row of the figure (003:18)
                assert row["unpaid"] == row["amount"]
                assert shown["Tanggal"] == shown["Jam"] == shown["Lokasi Pembayaran"] == ""


def test_indihome_number_shows_internet_content(
    client: TestClient, world_engine: Engine, ott_customer: dict
) -> None:
    number = ott_customer["indihome_number"]
    body = inquire(client, number).json()
    assert body["display"] == {
        "Execution": body["execution"],
        "Nama": ott_customer["name"],
        "Produk": ott_customer["product"],
        "Phone": ott_customer["pots_phone"],
        "Internet": number,
        "GroupID": ott_customer["group_id"],
    }
    assert body["count"] == len(bills_of(world_engine, number))
    services = {line["service"] for row in body["items"] for line in row["lines"]}
    assert {"INTERNET CONTENT", "ABONEMEN", "PPN UNSUR KENA PAJAK", "METERAI"} <= services
    for row in body["items"]:
        assert sum(line["amount"] for line in row["lines"]) == row["amount"]
        assert all(line["status"] == row["status"] for line in row["lines"])


def test_jastel_finds_the_indihome_bills(client: TestClient, ott_customer: dict) -> None:
    by_pots = inquire(client, ott_customer["pots_phone"]).json()
    by_number = inquire(client, ott_customer["indihome_number"]).json()
    assert by_pots["items"] == by_number["items"]
    assert by_pots["display"]["Internet"] == ott_customer["indihome_number"]


def test_november_is_written_nop(
    client: TestClient, world_engine: Engine, ott_customer: dict
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    number = ott_customer["indihome_number"]
    with world_engine.begin() as conn:
        inserted = conn.execute(
            insert(BILL).values(
                number=number,
                number_kind="indihome",
                period="202511",
                amount=454_000,
                unpaid=0,
                status="Lunas",
                payment_place="ALFAMART",
                instalment="Bukan cicilan",
                paid_at=datetime(2025, 11, 9, 3, 33, 41, tzinfo=UTC),
                episode_id=episode,
            )
        )
        bill_id = inserted.inserted_primary_key[0]  # the database's id, never max(id) + 1
        conn.execute(
            insert(BLINE).values(
                bill_id=bill_id,
                service="ABONEMEN",
                amount=454_000,
                status="Lunas",
                payment_place="ALFAMART",
                episode_id=episode,
            )
        )
    rows = inquire(client, number, episode_headers(token, episode)).json()["items"]
    november = next(r for r in rows if r["period"] == "202511")
    assert november["display"]["Periode"] == "Nop 2025"
    shown = november["display"]
    assert (shown["Tanggal"], shown["Jam"]) == ("09-Nop-2025", "10:33:41")
    assert "202511" not in [r["period"] for r in inquire(client, number).json()["items"]]


@pytest.mark.parametrize(
    "nomor",
    [
        "",
        "12345",
        "48616755",
        "abcdefg",
        "4861 675x",
        "1-234567890",
        "835221950",
        "081321123321",
        "6281321123321",
        "221517209330",
        "1215172093301",
    ],
)
def test_malformed_number_names_nomor_and_the_three_shapes(client: TestClient, nomor: str) -> None:
    response = inquire(client, nomor)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "nomor"
    assert all(word in body["expected"] for word in ("jastel", "account", "IndiHome"))


def test_number_is_required(client: TestClient) -> None:
    response = client.get("/epayment/inquiry", params=ASKER)
    assert response.status_code == 422 and response.json()["field"] == "nomor"


@pytest.mark.parametrize("field", ["nama_penanya", "alamat_penanya", "telepon_penanya"])
@pytest.mark.parametrize("value", [None, "", "   "])
def test_asker_fields_are_required(
    client: TestClient, big_account: str, field: str, value: str | None
) -> None:
    response = inquire(client, big_account, **{field: value})
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.parametrize("phone", ["abc", "12", "0812-abc-999", "+1 555 0100", "0812345678901234"])
def test_asker_phone_must_look_like_a_phone(
    client: TestClient, big_account: str, phone: str
) -> None:
    response = inquire(client, big_account, telepon_penanya=phone)
    assert response.status_code == 422
    assert response.json()["field"] == "telepon_penanya"
    assert "phone number" in response.json()["expected"]


@pytest.mark.parametrize(
    "phone", ["0812 1234 5678", "0812-1234-5678", "+6281321123321", "0215551234"]
)
def test_asker_phone_accepts_written_forms(
    client: TestClient, big_account: str, phone: str
) -> None:
    assert inquire(client, big_account, telepon_penanya=phone).status_code == 200


@pytest.mark.parametrize("nomor", ["0000001", "100000000000", "0219999999"])
def test_unknown_number_answers_the_no_bill_view(client: TestClient, nomor: str) -> None:
    response = inquire(client, nomor)
    assert response.status_code == 404
    body = response.json()
    assert body["field"] == "nomor" and nomor in body["view"]
    assert EXECUTION_RE.match(body["execution"])


def test_calls_in_an_episode_are_recorded(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    headers = episode_headers(token, episode)
    inquire(client, big_account, headers)
    inquire(client, "0000001", headers)
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["tool"], e["status"]) for e in events] == [
        ("epayment.inquiry", "epayment", 200),
        ("epayment.inquiry", "epayment", 404),
    ]
    assert events[0]["params"] == {"nomor": big_account, **ASKER}
    assert events[0]["detail"]["kind"] == "account" and events[0]["detail"]["rows"] > 0


def test_calls_without_an_episode_are_not_recorded(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    user_id, _token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    assert inquire(client, big_account).status_code == 200
    assert trace_of(world_engine, episode) == []


def test_someone_elses_episode_is_forbidden(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    owner_id, _ = make_user(world_engine)
    _, intruder = make_user(world_engine)
    episode = make_episode(world_engine, owner_id)
    response = inquire(client, big_account, episode_headers(intruder, episode))
    assert response.status_code == 403
    assert response.json()["field"] == "X-Gladi-Episode"
    assert trace_of(world_engine, episode) == []
