"""SOP 000: realistic wrong attempts, one family at a time, fail for the right reason."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.helpers import call_of, codes, item, perfect, without
from tests.scenarios.test_sop_000_support import make, sop000_library

SEEDS = [0, 1, 2]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """SOP 000 and its cases alone."""
    return sop000_library(Path(tmp_path_factory.mktemp("sop000w")))


def _guessed(report: dict, *missing: str) -> bool:
    reasons = [c for c in codes(report) if c.startswith("not established")]
    return not report["passed"] and bool(reasons) and all(m in reasons[0] for m in missing)


@pytest.mark.parametrize("seed", SEEDS)
def test_ao_without_cabasa_cannot_reach_the_invoice(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    instance = make(lib, mem_engine, "sop000-ao-multi-sid", seed)
    events, submit = perfect(instance)
    events = without(events, "ncx.sales_order_detail", "ncx.sales_order_cabasa")
    call_of(events, "tos.invoice")["params"]["account"] = "1234567"  # a guessed account
    report = engine.grade(events, submit, instance.key)
    assert item(report, "lookup:cabasa")["status"] == "missed"
    assert item(report, "lookup:tos_invoice")["status"] == "wrong"
    assert _guessed(report, "lookup:tos_invoice")


@pytest.mark.parametrize("seed", SEEDS)
def test_neither_another_companys_service_is_not_the_customers(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    instance = make(lib, mem_engine, "sop000-neither-suspended-eos", seed)
    events, submit = perfect(instance)
    call_of(events, "ncx.asset_detail")["params"]["sid"] = "835221950"
    report = engine.grade(events, submit, instance.key)
    assert item(report, "lookup:asset_detail")["status"] == "wrong"
    assert _guessed(report, "lookup:asset_detail")
    events, submit = perfect(instance)
    report = engine.grade(without(events, "company", "product", "address"), submit, instance.key)
    assert {item(report, f"question:{q}")["status"] for q in ("company", "address")} == {"missed"}


@pytest.mark.parametrize("case_id", ["sop000-inactive-asks-am", "sop000-neither-suspended-eos"])
def test_status_without_ncx_or_reported_wrong(
    lib: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make(lib, mem_engine, case_id)
    events, submit = perfect(instance)
    report = engine.grade(without(events, "ncx.asset_detail"), submit, instance.key)
    assert _guessed(report, "lookup:asset_detail")
    submit["facts"]["ncx_status"] = "Active"
    report = engine.grade(events, submit, instance.key)
    assert item(report, "fact:ncx_status")["status"] == "wrong" and report["score"] < 100


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("told", ["Belum Lunas", "lunas", "Sudah bayar"])
def test_multi_sid_paid_or_unpaid_from_the_epayment_total_is_forbidden(
    lib: Library, mem_engine: Engine, seed: int, told: str
) -> None:
    instance = make(lib, mem_engine, "sop000-ao-multi-sid", seed)
    events, submit = perfect(instance)
    assert "sid_bill_status" not in submit["facts"]
    submit["facts"]["sid_bill_status"] = told
    report = engine.grade(events, submit, instance.key)
    move = item(report, "forbidden:sid_status_from_epayment_total")
    assert move["status"] == "wrong" and move["sop_ref"] == "000:209"
    assert "forbidden move: sid_status_from_epayment_total" in codes(report)
    submit["facts"]["sid_bill_status"] = "tidak dapat dipastikan dari E-Payment"
    assert engine.grade(events, submit, instance.key)["passed"]


def test_single_sid_status_needs_epayment_and_must_match(lib: Library, mem_engine: Engine) -> None:
    instance = make(lib, mem_engine, "sop000-sid-active-single", 2)
    events, submit = perfect(instance)
    report = engine.grade(without(events, "epayment.inquiry"), submit, instance.key)
    assert _guessed(report, "lookup:epayment")
    shown = submit["facts"]["sid_bill_status"]
    submit["facts"]["sid_bill_status"] = "Lunas" if shown == "Belum Lunas" else "Belum Lunas"
    assert (
        item(engine.grade(events, submit, instance.key), "fact:sid_bill_status")["status"]
        == "wrong"
    )


@pytest.mark.parametrize("case_id", ["sop000-baso-no-invoice", "sop000-active-no-invoice-eos"])
def test_invoice_not_shown(lib: Library, mem_engine: Engine, case_id: str) -> None:
    instance = make(lib, mem_engine, case_id)
    events, submit = perfect(instance)
    for operation in ("tos.invoice", "epayment.inquiry"):
        call_of(events, operation)["status"] = 404  # what the tools answer over HTTP
    assert engine.grade(events, submit, instance.key)["score"] == 100
    report = engine.grade(without(events, "tos.invoice"), submit, instance.key)
    assert _guessed(report, "lookup:tos_invoice")
    submit["facts"]["invoice_shown"] = "ya"
    assert (
        item(engine.grade(events, submit, instance.key), "fact:invoice_shown")["status"] == "wrong"
    )


def test_a_404_counts_only_where_nothing_is_expected(lib: Library, mem_engine: Engine) -> None:
    instance = make(lib, mem_engine, "sop000-sid-active-single")
    events, submit = perfect(instance)
    call_of(events, "tos.invoice")["status"] = 404
    report = engine.grade(events, submit, instance.key)
    assert item(report, "lookup:tos_invoice")["status"] == "wrong" and not report["passed"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seat_management_needs_the_nn_ticket(lib: Library, mem_engine: Engine, seed: int) -> None:
    instance = make(lib, mem_engine, "sop000-seat-management-nn-ticket", seed)
    events, submit = perfect(instance)
    wrong = dict(submit, resolution="educate_am", escalation="AM")
    report = engine.grade(without(events, "tickets.create"), wrong, instance.key)
    assert "wrong resolution" in codes(report) and "wrong escalation" in codes(report)
    assert item(report, "kip")["status"] == "missed"
    ticket = call_of(events, "tickets.create")["params"]["fields"]
    ticket["serial_number"] = instance.customer["summary"]["identifiers"]["sid"]
    del ticket["pic"]
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket_field:serial_number")["status"] == "wrong"
    assert item(report, "ticket_field:pic")["status"] == "missed"
    assert item(report, "ticket_field:company")["status"] == "ok" and report["score"] < 100


@pytest.mark.parametrize("seed", SEEDS)
def test_am_or_eos(lib: Library, mem_engine: Engine, seed: int) -> None:
    """000:225: the customer is educated to coordinate with the AM at once; EOS when the AM
    is hard to reach, which the customer says (here in the opening)."""
    eos = make(lib, mem_engine, "sop000-delete-order-eos", seed)
    events, submit = perfect(eos)
    wrong = dict(submit, resolution="educate_am", escalation="AM")
    report = engine.grade(events, wrong, eos.key)
    assert {"wrong resolution", "wrong escalation"} <= set(codes(report))
    told = engine.grade(without(events, "am_contact"), submit, eos.key)
    assert told["passed"] and told["score"] == 100, codes(told)
    assert item(told, "question:am_contact")["evidence"] == {"disclosed": ["am_unresponsive"]}
    untold = [e for e in without(events, "am_contact") if e["kind"] != "opening"]
    assert _guessed(engine.grade(untold, submit, eos.key), "question:am_contact")
    am = make(lib, mem_engine, "sop000-sid-active-single", seed)
    assert "question:am_contact" not in [s["id"] for s in am.key["steps"]]  # presumed (000:225)
    events, submit = perfect(am)
    assert engine.grade(events, submit, am.key)["score"] == 100
    report = engine.grade(events, dict(submit, escalation="EOS"), am.key)
    assert item(report, "escalation")["status"] == "wrong" and not report["passed"]


@pytest.mark.parametrize("seed", SEEDS)
def test_voice_is_reactive_and_non_voice_proactive(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    chat = make(lib, mem_engine, "sop000-ao-multi-sid", seed)
    events, submit = perfect(chat)
    submit["facts"].pop("am_name")
    report = engine.grade(without(events, "am.lookup"), submit, chat.key)
    assert item(report, "lookup:am_proactive")["status"] == "missed"
    assert _guessed(report, "lookup:am_proactive")
    asked = make(lib, mem_engine, "sop000-inactive-asks-am", seed)
    events, submit = perfect(asked)
    report = engine.grade(without(events, "am.lookup"), submit, asked.key)
    assert _guessed(report, "lookup:am_reactive")
    quiet = make(lib, mem_engine, "sop000-sid-active-single", seed)
    assert "lookup:am_reactive" not in [s["id"] for s in quiet.key["steps"]]
    events, submit = perfect(quiet)
    assert engine.grade(events, submit, quiet.key)["score"] == 100


def test_sent_only_parameters_are_not_graded(lib: Library, mem_engine: Engine) -> None:
    instance = make(lib, mem_engine, "sop000-sid-active-single")
    events, submit = perfect(instance)
    call_of(events, "epayment.inquiry")["params"]["nama_penanya"] = "Orang Lain"
    assert item(engine.grade(events, submit, instance.key), "lookup:epayment")["status"] == "ok"
