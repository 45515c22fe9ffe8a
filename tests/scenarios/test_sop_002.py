"""SOP 002 (recharge succeeded, credit not received): every branch has a case, and realistic
wrong attempts fail for the right reason (keys replaying to 100 down their branches:
tests/scenarios/test_cases.py, for all SOPs).

The library is loaded leniently so that another SOP's half-finished files do not hide SOP 002's
results; SOP 002's own files must load without a problem.
"""

import copy
from typing import Any

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.instantiate import Instance
from scenarios.library import Library, load_library
from scenarios.replay import tool_event
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import (
    assert_fails,
    call_of,
    codes,
    item,
    make_instance,
    perfect,
    without,
)

LIB = load_library(SCENARIOS, strict=False)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == "sop-002")
FULL = [c for c in CASES if LIB.cases[c].kind == "case"]
BAD_SERIAL = "0212345678901234567"  # 19 digits: not a voucher serial


@pytest.fixture(scope="module")
def lib() -> Library:
    """The library, with SOP 002's own files loaded cleanly."""
    mine = [p for p in LIB.problems if "sop-002" in p.file or "002" in p.file.rsplit("/", 1)[-1]]
    assert not mine, mine
    return LIB


def _ticket_fields(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The fields of the ticket the events file (to tweak them)."""
    fields: dict[str, Any] = call_of(events, "tickets.create")["params"]["fields"]
    return fields


def test_sop002_files_load_and_every_branch_has_a_case(lib: Library) -> None:
    assert "sop-002" in lib.sops
    assert len(CASES) >= 15
    table = engine.coverage(lib)["sop-002"]
    assert len(table) >= 12
    assert all(table.values()), [b for b, cases in table.items() if not cases]
    drills = [c for c in CASES if lib.cases[c].kind == "drill"]
    assert len(drills) >= 2


def test_same_case_and_seed_give_the_same_customer(lib: Library, mem_engine: Engine) -> None:
    first = make_instance(lib, mem_engine, "sop002-bank-proof", seed=2)
    second = make_instance(lib, mem_engine, "sop002-bank-proof", seed=2)
    assert first.key == second.key and first.customer == second.customer


EXPECTED = {
    "sop002-balance-added": ("inform_balance_added", None),
    "sop002-servo-used": ("inform_voucher_used", None),
    "sop002-servo-used-own-number": ("inform_voucher_used", None),
    "sop002-usage-shown": ("explain_usage", None),
    "sop002-nonfintech-ticket": ("create_ticket", "k22-pulsa-belum-bertambah"),
    "sop002-bank-proof": ("create_ticket", "k22-pulsa-belum-bertambah"),
    "sop002-fintech-mytelkomsel": ("create_ticket", "k22-pulsa-belum-bertambah"),
    "sop002-fintech-app": ("create_ticket", "k22-pulsa-belum-bertambah"),
    "sop002-serial-malformed": ("ask_seller_for_serial", None),
    "sop002-serial-missing": ("ask_seller_for_serial", None),
    "sop002-out-of-scope-package": ("route_to_aktivasi_paket", None),
    "sop002-outage": ("inform_outage", None),
    "sop002-existing-ticket": ("recheck_existing_ticket", None),
}


@pytest.mark.parametrize("case_id", sorted(EXPECTED))
def test_expected_resolution_and_kip(lib: Library, mem_engine: Engine, case_id: str) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=0)
    resolution, kip = EXPECTED[case_id]
    expected = instance.key["expected"]
    assert expected["resolution"] == resolution and expected["escalation"] is None
    assert (expected["ticket"] or {}).get("kip") == kip


def test_ticket_carries_the_serial_or_the_transaction_id(lib: Library, mem_engine: Engine) -> None:
    for case_id, shape in (
        ("sop002-nonfintech-ticket", r"^02\d{23}$"),
        ("sop002-fintech-app", r"^02\d{23}$"),
        ("sop002-fintech-mytelkomsel", r"^MYT\d{17}$"),
    ):
        fields = make_instance(lib, mem_engine, case_id).key["expected"]["ticket"]["fields"]
        assert __import__("re").match(shape, fields["serial_or_trx"]), case_id


def test_bank_ticket_sends_proof_to_cs_with_subject(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-bank-proof", seed=1)
    msisdn = instance.customer["summary"]["identifiers"]["msisdn"]
    proof = instance.key["expected"]["ticket"]["fields"]["proof"]
    assert "cs@telkomsel.com" in proof and f"Bukti {msisdn}" in proof
    events, submit = perfect(instance)
    _ticket_fields(events)["proof"] = "Struk transaksi mobile banking"
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket_field:proof")["status"] == "wrong"
    assert report["score"] < 100
    _ticket_fields(events)["proof"] = (
        f"struk + mutasi rekening, email ke CS@Telkomsel.com subject: Bukti 62{msisdn[1:]}"
    )
    assert engine.grade(events, submit, instance.key)["score"] == 100


# --- wrong attempts, one family at a time -------------------------------------------------


@pytest.mark.parametrize(
    ("case_id", "skipped"),
    [
        ("sop002-balance-added", "dsc.recharges"),
        ("sop002-servo-used", "indira.voucher"),
        ("sop002-usage-shown", "dsc.call_details"),
        ("sop002-nonfintech-ticket", "indira.voucher"),
        ("sop002-fintech-app", "dsc.call_details"),
        ("sop002-serial-malformed", "indira.recharges"),
        ("sop002-outage", "outages.by_area"),
        ("sop002-existing-ticket", "interactions.history"),
    ],
)
def test_right_resolution_without_the_lookup_that_establishes_it_fails(
    lib: Library, mem_engine: Engine, case_id: str, skipped: str
) -> None:
    instance = make_instance(lib, mem_engine, case_id)
    events, submit = perfect(instance)
    report = engine.grade(without(events, skipped), submit, instance.key)
    assert_fails(report, "not established")
    assert item(report, "decision")["guessed"]


def test_out_of_scope_without_asking_what_was_bought_is_a_guess(
    lib: Library, mem_engine: Engine
) -> None:
    """The customer says in the opening that the package was paid with credit: not asking again
    costs nothing. Without that opening, the scope rests on the question."""
    instance = make_instance(lib, mem_engine, "sop002-out-of-scope-package")
    events, submit = perfect(instance)
    events = [e for e in events if (e.get("detail") or {}).get("question_id") != "purchase"]
    told = engine.grade(events, submit, instance.key)
    assert told["passed"] and told["score"] == 100, codes(told)
    untold = [e for e in events if e["kind"] != "opening"]
    assert_fails(engine.grade(untold, submit, instance.key), "not established")


@pytest.mark.parametrize(
    ("case_id", "resolution"),
    [
        ("sop002-balance-added", "create_ticket"),
        ("sop002-servo-used", "create_ticket"),
        ("sop002-usage-shown", "create_ticket"),
        ("sop002-nonfintech-ticket", "ask_seller_for_serial"),
        ("sop002-serial-missing", "create_ticket"),
        ("sop002-out-of-scope-package", "create_ticket"),
        ("sop002-outage", "create_ticket"),
        ("sop002-existing-ticket", "create_ticket"),
    ],
)
def test_wrong_resolution_fails(
    lib: Library, mem_engine: Engine, case_id: str, resolution: str
) -> None:
    instance = make_instance(lib, mem_engine, case_id)
    events, submit = perfect(instance)
    submit["resolution"] = resolution
    report = engine.grade(events, submit, instance.key)
    assert_fails(report, "wrong resolution")
    assert item(report, "decision")["status"] == "wrong"


def _with_ticket_from(lib: Library, db: Engine, instance: Instance) -> list[dict[str, Any]]:
    """The instance's perfect events plus a K22 ticket built like a ticket case's."""
    donor = make_instance(lib, db, "sop002-nonfintech-ticket", episode_id=instance.episode_id)
    events, _ = perfect(instance)
    ticket = copy.deepcopy(call_of(perfect(donor)[0], "tickets.create"))
    ticket["id"] = len(events) + 1
    ticket["params"]["fields"]["msisdn"] = instance.customer["summary"]["identifiers"]["msisdn"]
    return [*events, ticket]


def test_ticket_where_none_is_due_costs_points(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-balance-added")
    events = _with_ticket_from(lib, mem_engine, instance)
    report = engine.grade(events, instance.key["submit"], instance.key)
    assert item(report, "ticket_extra:1")["status"] == "extra" and report["score"] == 90


@pytest.mark.parametrize("case_id", ["sop002-fintech-mytelkomsel", "sop002-fintech-app"])
def test_telling_a_fintech_customer_to_wait_1x24h_is_forbidden(
    lib: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(lib, mem_engine, case_id)
    events, submit = perfect(instance)
    report = engine.grade(events, {**submit, "advice": ["wait_1x24h"]}, instance.key)
    assert_fails(report, "forbidden move: fintech_wait_advice")
    assert item(report, "forbidden:fintech_wait_advice")["sop_ref"] in ("002:64", "002:68")
    waited = engine.grade(
        without(events, "tickets.create"),
        {**submit, "resolution": "advise_wait_1x24h"},
        instance.key,
    )
    assert_fails(waited, "wrong resolution")
    assert "forbidden move: fintech_wait_advice" in codes(waited)
    given = item(waited, "forbidden:fintech_wait_advice")["evidence"]["given_as"]
    assert given == {"wait_1x24h": "resolution:advise_wait_1x24h"}


def test_waiting_advice_is_not_forbidden_for_non_fintech(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-nonfintech-ticket")
    events, submit = perfect(instance)
    report = engine.grade(events, {**submit, "advice": ["wait_1x24h"]}, instance.key)
    assert report["passed"] and report["score"] < 100
    assert item(report, "advice_extra:wait_1x24h")["status"] == "extra"


@pytest.mark.parametrize("case_id", ["sop002-serial-malformed", "sop002-serial-missing"])
def test_filing_a_ticket_with_a_bad_serial_is_forbidden(
    lib: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(lib, mem_engine, case_id)
    events = _with_ticket_from(lib, mem_engine, instance)
    _ticket_fields(events)["serial_or_trx"] = BAD_SERIAL
    right = engine.grade(events, instance.key["submit"], instance.key)
    assert_fails(right, "forbidden move: ticket_with_bad_serial")
    filed = engine.grade(events, {"resolution": "create_ticket"}, instance.key)
    assert {"wrong resolution", "forbidden move: ticket_with_bad_serial"} <= set(codes(filed))


def test_a_ticket_with_a_malformed_serial_fails_a_ticket_case_too(
    lib: Library, mem_engine: Engine
) -> None:
    instance = make_instance(lib, mem_engine, "sop002-fintech-app")
    events, submit = perfect(instance)
    _ticket_fields(events)["serial_or_trx"] = "INV/20261014/MPL/1165102549"
    report = engine.grade(events, submit, instance.key)
    assert_fails(report, "forbidden move: ticket_with_bad_serial")
    assert item(report, "ticket_field:serial_or_trx")["status"] == "wrong"


def test_ticket_with_someone_elses_serial_is_about_someone_else(
    lib: Library, mem_engine: Engine
) -> None:
    instance = make_instance(lib, mem_engine, "sop002-nonfintech-ticket")
    events, submit = perfect(instance)
    _ticket_fields(events)["serial_or_trx"] = "02" + "7" * 23
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket_field:serial_or_trx")["status"] == "wrong"
    assert "ticket about another customer: serial_or_trx" in codes(report)
    assert not report["passed"]


def test_ticket_values_in_other_formats_pass(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-fintech-mytelkomsel", seed=2)
    events, submit = perfect(instance)
    fields = _ticket_fields(events)
    wib = instance.key["expected"]["ticket"]["fields"]["incident_time"]
    day, month, year, clock = wib.split()[1], wib.split()[2], wib.split()[3], wib.split()[5]
    months = {"Oktober": "10", "September": "09", "November": "11"}
    fields["incident_time"] = f"{day}/{months[month]}/{year} jam {clock.replace(':', '.')}"
    nominal = instance.key["expected"]["ticket"]["fields"]["nominal"]
    fields["nominal"] = nominal.removeprefix("Rp").replace(".", "") + " rupiah"
    fields["msisdn"] = "62" + fields["msisdn"][1:]
    fields["recharge_channel"] = fields["recharge_channel"].lower()
    report = engine.grade(events, submit, instance.key)
    assert report["score"] == 100, [i for i in report["items"] if i["status"] != "ok"]
    fields["incident_time"] = f"{day}/{months[month]}/{year}"
    fields["nominal"] = "Rp1" + nominal.removeprefix("Rp")
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket_field:incident_time")["status"] == "wrong"
    assert item(report, "ticket_field:nominal")["status"] == "wrong"


def test_mytelkomsel_ticket_must_say_mytelkomsel(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-fintech-mytelkomsel")
    events, submit = perfect(instance)
    channel = _ticket_fields(events)["recharge_channel"]
    _ticket_fields(events)["recharge_channel"] = channel.split(" - ")[-1]
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket_field:recharge_channel")["status"] == "wrong"


def test_postpaid_payment_lookup_is_an_extra(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-nonfintech-ticket")
    events, submit = perfect(instance)
    msisdn = instance.customer["summary"]["identifiers"]["msisdn"]
    path = f"/dsc/subscribers/{msisdn}/fa-payments"
    events.append(tool_event(90, "dsc.fa_payments", {"path": path}))
    report = engine.grade(events, submit, instance.key)
    assert item(report, "extra:dsc.fa_payments")["status"] == "extra"
    assert report["score"] == 98 and report["passed"]


def test_skipping_the_servo_check_breaks_the_order_and_costs_points(
    lib: Library, mem_engine: Engine
) -> None:
    instance = make_instance(lib, mem_engine, "sop002-servo-used")
    events, submit = perfect(instance)
    voucher = next(e for e in events if e["operation"] == "indira.voucher")
    events = [e for e in events if e is not voucher] + [dict(voucher, id=99)]
    report = engine.grade(events, submit, instance.key)
    assert item(report, "order:voucher>call_details")["status"] == "wrong"
    assert report["score"] < 100


def test_drill_reports_are_checked(lib: Library, mem_engine: Engine) -> None:
    instance = make_instance(lib, mem_engine, "sop002-drill-voucher", seed=1)
    events, submit = perfect(instance)
    submit["facts"]["servo_status"] = "used"
    used_at = submit["facts"]["voucher_used_at"]
    day, clock = used_at.split(" ")
    y, m, d = day.split("-")
    submit["facts"]["voucher_used_at"] = f"{d}-{m}-{y} {clock.replace(':', '.')}"
    assert engine.grade(events, submit, instance.key)["score"] == 100
    submit["facts"]["servo_status"] = "Not Used"
    report = engine.grade(events, submit, instance.key)
    assert item(report, "fact:servo_status")["status"] == "wrong"
    guessed = engine.grade([], instance.key["submit"], instance.key)
    assert not guessed["passed"]
