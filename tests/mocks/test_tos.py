"""TOS: guest login, Bill Periode, Print Invoice Billing Test (JSON and PDF)."""

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi import formats as f
from gladi.world import EnterpriseAccount, Invoice, InvoiceLine
from mocks import tool_login
from tests.helpers import episode_headers, make_episode, make_user, trace_of

ACC = EnterpriseAccount.__table__
INV = Invoice.__table__
LINE = InvoiceLine.__table__
BASE = "/tos/tibs-non-pots/billing-process"
GUEST = {"username": "guest", "password": "telkom"}
UPOINT_SESSION = "<a valid UPoint session>"
OFFERED = f.previous_period(f.period_of(f.WORLD_NOW))
AMOUNT_RE = re.compile(r"^\d{1,3}(,\d{3})*\.00$")
"""AMOUNT (Rp) as the invoice figure writes it: `5,842,989.00` (SOP 000:144)."""
BANDWIDTH_RE = re.compile(r"^(\d{1,3}(,\d{3})*MBPS|-)$")


@pytest.fixture
def session(client: TestClient) -> dict[str, str]:
    """Headers of a call logged in to TOS."""
    response = client.post("/tos/login", json=GUEST)
    assert response.status_code == 200, response.text
    return {"X-Tool-Session": response.json()["tool_session"]}


@pytest.fixture(scope="module")
def big_account(world_engine: Engine) -> str:
    """The account whose latest invoice has the most SIDs."""
    with world_engine.connect() as conn:
        return conn.execute(
            select(INV.c.account_number)
            .join(LINE, LINE.c.invoice_id == INV.c.id)
            .where(INV.c.period == OFFERED, INV.c.episode_id.is_(None))
            .group_by(INV.c.account_number)
            .order_by(func.count().desc(), INV.c.account_number)
        ).scalar() or pytest.fail("the small world has no invoice in the offered period")


@pytest.fixture(scope="module")
def account_without_invoice(world_engine: Engine) -> str:
    """An account that exists but has no invoice for the offered period."""
    billed = select(INV.c.account_number).where(INV.c.period == OFFERED)
    with world_engine.connect() as conn:
        return conn.execute(
            select(ACC.c.account_number)
            .where(ACC.c.episode_id.is_(None), ACC.c.account_number.not_in(billed))
            .order_by(ACC.c.account_number)
        ).scalar() or pytest.fail("every account of the small world has a latest invoice")


def world_invoice(engine: Engine, account: str) -> tuple[dict, list[dict]]:
    with engine.connect() as conn:
        inv = (
            conn.execute(
                select(INV).where(INV.c.account_number == account, INV.c.period == OFFERED)
            )
            .mappings()
            .one()
        )
        lines = (
            conn.execute(select(LINE).where(LINE.c.invoice_id == inv["id"]).order_by(LINE.c.id))
            .mappings()
            .all()
        )
    return dict(inv), [dict(r) for r in lines]


def invoice(client: TestClient, headers: dict, account: str, period: str = OFFERED, pdf=False):
    path = f"{BASE}/invoice.pdf" if pdf else f"{BASE}/invoice"
    return client.get(path, params={"account": account, "period": period}, headers=headers)


def test_guest_login_returns_a_tool_session(client: TestClient) -> None:
    body = client.post("/tos/login", json=GUEST).json()
    assert body["user"] == "guest"
    assert tool_login.check("tos", body["tool_session"], "")["user"] == "guest"
    assert body["display"]["Menu"].endswith("Print Invoice Billing Test")


@pytest.mark.parametrize(
    "form",
    [
        {"username": "guest", "password": "Telkom"},
        {"username": "admin", "password": "telkom"},
        {"username": "monitor", "password": "monitor123@"},
    ],
)
def test_wrong_login_is_refused(client: TestClient, form: dict) -> None:
    response = client.post("/tos/login", json=form)
    assert response.status_code == 401
    assert response.json()["field"] == "password"


@pytest.mark.parametrize("missing", ["username", "password"])
def test_login_form_needs_both_fields(client: TestClient, missing: str) -> None:
    form = {k: v for k, v in GUEST.items() if k != missing}
    response = client.post("/tos/login", json=form)
    assert response.status_code == 422
    assert response.json()["field"] == missing


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Tool-Session": "garbage"},
        {"X-Tool-Session": UPOINT_SESSION},  # signed in the test: the key is the deployment's
    ],
)
@pytest.mark.parametrize("path", ["bill-periods", "invoice", "invoice.pdf"])
def test_every_screen_needs_the_tos_login(
    client: TestClient, big_account: str, headers: dict, path: str
) -> None:
    if headers.get("X-Tool-Session") == UPOINT_SESSION:
        headers = {"X-Tool-Session": tool_login.issue("upoint", {"user": "monitor"})}
    params = {"account": big_account, "period": OFFERED}
    response = client.get(f"{BASE}/{path}", params=params, headers=headers)
    assert response.status_code == 401
    assert response.json()["field"] == "X-Tool-Session"


def test_only_the_latest_bill_period_is_offered(client: TestClient, session: dict) -> None:
    body = client.get(f"{BASE}/bill-periods", headers=session).json()
    assert body["count"] == 1
    assert [i["period"] for i in body["items"]] == [OFFERED]
    assert body["items"][0]["label"] == f.period_label(OFFERED)
    assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", body["items"][0]["label"])


def test_the_offered_period_follows_the_episode_clock(
    client: TestClient, session: dict, world_engine: Engine
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id, sim_now=datetime(2026, 7, 3, 4, tzinfo=UTC))
    headers = {**session, **episode_headers(token, episode)}
    body = client.get(f"{BASE}/bill-periods", headers=headers).json()
    assert [(i["period"], i["label"]) for i in body["items"]] == [("202606", "Juni 2026")]


def test_invoice_equals_the_world_rows(
    client: TestClient, session: dict, world_engine: Engine, big_account: str
) -> None:
    inv, lines = world_invoice(world_engine, big_account)
    body = invoice(client, session, big_account).json()
    assert body["invoice_number"] == inv["invoice_number"]
    assert body["billing_month"] == f.period_label(OFFERED)
    assert body["due_date"] == inv["due_date"].isoformat()
    # The bare number as the figure prints it (000:127), no reformatted copy beside it.
    assert re.fullmatch(r"\d{12}\.\d{3}", body["npwp"])
    assert body["display"]["NPWP"] == body["npwp"]
    assert "npwp_display" not in body and "NPWP (format)" not in body["display"]
    shown = [line for group in body["groups"] for line in group["lines"]]
    assert [(x["sid"], x["amount"]) for x in shown] == [(x["sid"], x["amount"]) for x in lines]
    assert body["line_count"] == len(lines) > 1
    assert body["total"] == inv["total"] == sum(x["amount"] for x in lines)
    assert body["display"]["Total Tagihan"] == f"{inv['total']:,}.00"


def test_groups_number_their_lines_and_sum_to_subtotals(
    client: TestClient, session: dict, big_account: str
) -> None:
    body = invoice(client, session, big_account).json()
    assert len(body["groups"]) >= 2
    assert len({g["name"] for g in body["groups"]}) == len(body["groups"])
    for group in body["groups"]:
        assert [x["no"] for x in group["lines"]] == list(range(1, len(group["lines"]) + 1))
        assert group["subtotal"] == sum(x["amount"] for x in group["lines"])
        assert group["subtotal_label"] == f"Sub. {group['name']}"
        assert AMOUNT_RE.match(group["display"][group["subtotal_label"]])
        for line in group["lines"]:
            assert BANDWIDTH_RE.match(line["bandwidth"]) and line["period"] == OFFERED
            assert line["display"]["AMOUNT (Rp)"] == f"{line['amount']:,}.00"
            assert AMOUNT_RE.match(line["display"]["AMOUNT (Rp)"])
    assert sum(g["subtotal"] for g in body["groups"]) == body["total"]


def test_another_period_is_refused_naming_the_offered_one(
    client: TestClient, session: dict, big_account: str
) -> None:
    response = invoice(client, session, big_account, period=f.previous_period(OFFERED))
    assert response.status_code == 422
    assert response.json()["field"] == "period"
    assert response.json()["expected"] == OFFERED


@pytest.mark.parametrize(
    ("account", "period", "field"),
    [
        ("12345", OFFERED, "account"),
        ("48616755", OFFERED, "account"),
        ("48a1675", OFFERED, "account"),
        ("835221950", OFFERED, "account"),
        ("1-234567890", OFFERED, "account"),
        ("", OFFERED, "account"),
        ("4861675", "2026-09", "period"),
        ("4861675", "202613", "period"),
        ("4861675", "Juni 2022", "period"),
    ],
)
@pytest.mark.parametrize("pdf", [False, True])
def test_malformed_input_names_the_field(
    client: TestClient, session: dict, account: str, period: str, field: str, pdf: bool
) -> None:
    response = invoice(client, session, account, period, pdf=pdf)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["field"] == field


def test_missing_latest_invoice_answers_the_empty_report(
    client: TestClient, session: dict, account_without_invoice: str
) -> None:
    for pdf in (False, True):
        response = invoice(client, session, account_without_invoice, pdf=pdf)
        assert response.status_code == 404
        body = response.json()
        assert body["field"] == "account" and "tidak muncul" in body["view"]
        assert body["account"] == account_without_invoice and body["period"] == OFFERED


def test_unknown_account_is_not_found(client: TestClient, session: dict) -> None:
    response = invoice(client, session, "0000001")
    assert response.status_code == 404
    assert response.json()["field"] == "account"
    assert "0000001" in response.json()["view"]


def test_pdf_is_a_real_invoice_pdf(
    client: TestClient, session: dict, world_engine: Engine, big_account: str
) -> None:
    inv, lines = world_invoice(world_engine, big_account)
    response = invoice(client, session, big_account, pdf=True)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f"inline; filename=invoice-{big_account}-{OFFERED}.pdf"
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    for text in (inv["invoice_number"], big_account, "Total Tagihan", *(x["sid"] for x in lines)):
        assert f"({text}".encode() in pdf or f" {text})".encode() in pdf, text
    assert f"({inv['total']:,}.00)".encode() in pdf
    assert b"(AMOUNT \\(Rp\\))" in pdf
    assert b"(Bulan Tagihan / Billing Month)" in pdf


def test_pdf_repeats_the_page_header_on_every_page(
    client: TestClient, session: dict, big_account: str
) -> None:
    pdf = invoice(client, session, big_account, pdf=True).content
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    assert pages >= 2
    assert pdf.count(b"(RINCIAN BIAYA PENGGUNAAN TELKOM Solution)") == pages
    assert pdf.count(b"(Halaman ") == pages
    assert f"(Halaman {pages} / ".encode() in pdf


def test_calls_in_an_episode_are_recorded(
    client: TestClient, world_engine: Engine, big_account: str
) -> None:
    user_id, token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    headers = episode_headers(token, episode)
    login = client.post("/tos/login", json=GUEST, headers=headers).json()
    headers["X-Tool-Session"] = login["tool_session"]
    invoice(client, headers, big_account)
    invoice(client, headers, big_account, pdf=True)
    invoice(client, headers, big_account, period="202001")
    events = trace_of(world_engine, episode)
    assert [(e["operation"], e["status"]) for e in events] == [
        ("tos.login", 200),
        ("tos.invoice", 200),
        ("tos.invoice_pdf", 200),
        ("tos.invoice", 422),
    ]
    assert events[0]["params"] == {"username": "guest", "password": "***"}
    assert events[1]["params"] == {"account": big_account, "period": OFFERED}
    assert events[1]["detail"]["invoice_number"]


def test_calls_without_an_episode_are_not_recorded(
    client: TestClient, session: dict, world_engine: Engine, big_account: str
) -> None:
    user_id, _token = make_user(world_engine)
    episode = make_episode(world_engine, user_id)
    invoice(client, session, big_account)
    assert trace_of(world_engine, episode) == []


def test_someone_elses_episode_is_forbidden(
    client: TestClient, session: dict, world_engine: Engine, big_account: str
) -> None:
    owner_id, _ = make_user(world_engine)
    _, intruder = make_user(world_engine)
    episode = make_episode(world_engine, owner_id)
    response = invoice(client, {**session, **episode_headers(intruder, episode)}, big_account)
    assert response.status_code == 403
    assert response.json()["field"] == "X-Gladi-Episode"
    assert trace_of(world_engine, episode) == []
