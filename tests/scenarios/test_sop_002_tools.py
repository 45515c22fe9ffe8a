"""SOP 002 through the mock tools: the screens show the facts each key relies on, the desk
accepts the key's tickets, a key replayed over HTTP on the small world scores 100, and the
`amount` ticket check reads Rupiah amounts the way trainees write them.
"""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from mocks.dsc import queries as dsc
from mocks.indira import queries as indira
from mocks.interactions.queries import interaction_history
from mocks.outages.queries import outages_by_area
from mocks.scope import Scope
from mocks.tickets.validation import checked_form
from scenarios import engine
from scenarios.grading.fieldcheck import passes
from scenarios.library import load_library
from scenarios.parsing.amounts import amounts_in as amounts
from tests.helpers import episode_headers
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import assert_key_replays_to_100, make_instance, start_case

LIB = load_library(SCENARIOS, strict=False)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-002")
FULL = [c for c in CASES if LIB.cases[c].kind == "case"]
TICKET_CASES = [c for c in FULL if LIB.cases[c].covers[0].endswith("fintech_ticket")]


@pytest.mark.parametrize("case_id", FULL)
def test_tools_show_the_facts_the_key_relies_on(mem_engine: Engine, case_id: str) -> None:
    instance = make_instance(LIB, mem_engine, case_id, seed=3, episode_id=f"ep-{case_id}")
    with mem_engine.begin() as conn:
        engine.write_instance(conn, instance)
    scope = Scope(episode_id=instance.episode_id, now=instance.sim_now)
    facts, world = instance.facts, instance.key["grading"]
    msisdn = instance.customer["summary"]["identifiers"]["msisdn"]
    with mem_engine.connect() as conn:
        profile = dsc.profile(conn, scope, msisdn=msisdn)
        status = indira.recharge_status(conn, scope, msisdn=msisdn)
        history = dsc.recharges(conn, scope, msisdn=msisdn)
        usage = dsc.call_details(conn, scope, msisdn=msisdn)
        balance = indira.balance_usage(conn, scope, msisdn=msisdn)
        outages = outages_by_area(conn, scope, area=profile.location)
        contacts = interaction_history(conn, scope, number=msisdn)
        spec = next((s for s in world["lookups"] if s["id"] == "voucher"), None)
        serial = spec["params"]["serial"] if spec else None
        voucher = indira.voucher_details(conn, scope, serial=serial) if serial else None
    assert profile.prepaid
    if usage.items:
        assert profile.balance == usage.items[0].balance_after
    yesterday = (instance.sim_now - timedelta(days=1)).date()
    complained = [r for r in status.items if r.recharged_at.date() == yesterday]
    if facts["paid_with_credit"]:
        assert usage.items[0].kind == "PAKET" and usage.items[0].charge > 0
        return
    assert bool(complained) is facts["recharge_in_indira"]
    shown = [r for r in history.items if r.recharged_at.date() == yesterday]
    assert bool(shown) is facts["recharge_in_dsc"]
    credit = [r for r in usage.items if r.kind == "RECHARGE" and r.at.date() == yesterday]
    assert bool(credit) is facts["credited"]
    assert [r.at for r in balance.items] == [r.at for r in usage.items]
    if voucher is not None:
        assert voucher.used is facts["servo_used"]
        if voucher.used and not facts["credited"]:
            assert voucher.used_by_msisdn != msisdn
    else:
        assert not facts["servo_used"]
    assert (outages.count > 0) is facts["outage_in_area"]
    open_k22 = [t for t in contacts.tickets if t.kip.startswith("k22") and t.status != "Closed"]
    assert bool(open_k22) is facts["prior_ticket_same_complaint"]


@pytest.mark.parametrize("case_id", TICKET_CASES)
def test_the_keys_ticket_is_accepted_by_the_desk(mem_engine: Engine, case_id: str) -> None:
    instance = make_instance(LIB, mem_engine, case_id)
    body = next(s for s in instance.key["steps"] if s["kind"] == "action")["request"]["json"]
    form = checked_form(body)
    assert form["kip"] == "k22-pulsa-belum-bertambah"
    assert form["fields"] == body["fields"]


def test_the_customer_reveals_the_serial_only_when_asked(mem_engine: Engine) -> None:
    instance = make_instance(LIB, mem_engine, "sop002-nonfintech-ticket")
    serial = instance.key["expected"]["ticket"]["fields"]["serial_or_trx"]
    assert serial not in instance.brief["opening"]
    question_id, reply = engine.answer(instance.customer, "Boleh minta nomor serial vouchernya?")
    assert question_id == "serial" and serial in reply
    question_id, reply = engine.answer(instance.customer, "What is the recharge amount?")
    assert question_id == "nominal" and serial not in reply
    malformed = make_instance(LIB, mem_engine, "sop002-serial-malformed")
    _, reply = engine.answer(malformed.customer, "serial number voucher")
    assert "INV/" in reply


@pytest.mark.parametrize("case_id", CASES)
def test_key_replayed_over_http_scores_100(
    client: TestClient, world_engine: Engine, case_id: str
) -> None:
    instance, token = start_case(LIB, world_engine, case_id, seed=11)
    assert_key_replays_to_100(client, world_engine, instance, token)


def test_a_malformed_serial_cannot_be_looked_up(client: TestClient, world_engine: Engine) -> None:
    instance, token = start_case(LIB, world_engine, "sop002-serial-malformed", seed=0)
    headers = episode_headers(token, instance.episode_id)
    response = client.get("/indira/vouchers/0212345678901234567", headers=headers)
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Rp50.000", True),
        ("50000", True),
        ("Rp 50.000,00", True),
        ("50,000.00", True),
        ("pulsa 50 ribu via Alfamart", True),
        ("50rb", True),
        ("Rp150.000", False),
        ("Rp5.000", False),
        ("", False),
        ("lima puluh ribu", False),
    ],
)
def test_amount_check(text: str, ok: bool) -> None:
    assert passes({"kind": "amount", "expected": "50000"}, text) is ok


def test_amounts_reads_every_number() -> None:
    assert amounts("Rp25.000 tgl 14-10-2026") == {25000, 14, 10, 2026}
