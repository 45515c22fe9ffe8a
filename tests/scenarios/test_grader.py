"""The grader: perfect replays pass, guesses and wrong moves fail, reports are reproducible."""

import copy
import json

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from scenarios.replay import tool_event
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import call_of, codes, item, make_instance, perfect, without

CASES = sorted(engine.load_library(SCENARIOS).cases)


@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize("persona", ["cooperative", "vague", "impatient"])
def test_perfect_replay_scores_100_and_passes(
    library: Library, mem_engine: Engine, case_id: str, persona: str
) -> None:
    instance = make_instance(library, mem_engine, case_id, seed=7, persona=persona)
    events, submit = perfect(instance)
    report = engine.grade(events, submit, instance.key)
    assert report["score"] == 100 and report["passed"], report["fail_reasons"]
    assert all(i["status"] == "ok" for i in report["items"])


def test_report_shape(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-blocked")
    report = engine.grade(*perfect(instance), instance.key)
    kinds = {i["kind"] for i in report["items"]}
    assert {"lookup", "question", "order", "decision", "kip", "ticket_field"} <= kinds
    for entry in report["items"]:
        assert {"id", "kind", "status", "evidence", "sop_ref", "message", "pesan"} <= set(entry)
        assert entry["sop_ref"].startswith("001:")
    lookup = item(report, "lookup:profile")
    assert lookup["evidence"]["operation"] == "dsc.profile"
    assert lookup["evidence"]["events"] == [2]  # event 1 is the opening


def test_empty_trace_scores_zero(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    report = engine.grade([], instance.key["submit"], instance.key)
    assert report["score"] == 0 and not report["passed"]
    assert "nothing done" in codes(report)


def test_right_resolution_without_its_lookups_is_a_guess(
    library: Library, mem_engine: Engine
) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    events = without(without(events, "dsc.hlr"), "dsc.fa_payments")
    report = engine.grade(events, submit, instance.key)
    assert not report["passed"]
    assert any(c.startswith("not established") for c in codes(report))
    decision = item(report, "decision")
    assert decision["status"] == "ok" and decision["guessed"]
    assert "lookup:hlr" in decision["message"]


def test_a_question_the_rule_depends_on_must_be_asked(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-no-notification")
    events, submit = perfect(instance)
    events = [e for e in events if (e.get("detail") or {}).get("question_id") != "notification"]
    report = engine.grade(events, submit, instance.key)
    assert not report["passed"] and "question:notification" in codes(report)[-1]


def test_lookup_with_another_identifier_is_wrong(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    for event in events:
        if event.get("operation") == "dsc.device":
            event["params"] = {"msisdn": "081100000000"}
    report = engine.grade(events, submit, instance.key)
    device = item(report, "lookup:device")
    assert device["status"] == "wrong" and "081100000000" in device["message"]
    assert device["evidence"]["params"] == {"msisdn": "081100000000"}
    assert report["score"] < 100


def test_msisdn_in_62_form_is_the_same_identifier(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    for event in events:
        if event.get("operation") == "dsc.profile":
            event["params"] = {"msisdn": "62" + event["params"]["msisdn"][1:]}
    assert item(engine.grade(events, submit, instance.key), "lookup:profile")["status"] == "ok"


def test_wrong_resolution_fails_whatever_the_score(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    submit["resolution"] = "create_ticket"
    report = engine.grade(events, submit, instance.key)
    assert report["score"] >= 70 and not report["passed"]
    assert item(report, "decision")["status"] == "wrong"
    assert "wrong resolution" in codes(report)


@pytest.mark.parametrize("escalation", [None, "Remedy IT"])
def test_wrong_or_missing_escalation_fails(
    library: Library, mem_engine: Engine, escalation: str | None
) -> None:
    instance = make_instance(library, mem_engine, "sop001-hum-block")
    events, submit = perfect(instance)
    submit["escalation"] = escalation
    report = engine.grade(events, submit, instance.key)
    assert not report["passed"] and "wrong escalation" in codes(report)
    assert item(report, "escalation")["status"] == ("missed" if escalation is None else "wrong")


def test_escalating_when_none_is_needed_fails(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    submit["escalation"] = "Billco"
    report = engine.grade(events, submit, instance.key)
    assert not report["passed"] and item(report, "escalation")["status"] == "wrong"


def test_hints_cost_points(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    hints = [{"id": 100 + i, "kind": "hint", "detail": {"sop_ref": "001:13"}} for i in range(2)]
    report = engine.grade(events + hints, submit, instance.key)
    assert report["score"] == 90 and report["passed"]
    assert [i["status"] for i in report["items"] if i["kind"] == "hint"] == ["extra", "extra"]


def test_wrong_sop_lookups_are_extra(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    events.append(tool_event(50, "ncx.asset_detail", {"path": "/ncx/ebis/asset/835221950"}))
    report = engine.grade(events, submit, instance.key)
    extra = item(report, "extra:ncx.asset_detail")
    assert extra["status"] == "extra" and report["score"] == 98 and report["passed"]


def test_order_is_graded(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    profile = next(e for e in events if e["operation"] == "dsc.profile")
    events = [e for e in events if e is not profile] + [dict(profile, id=99)]
    report = engine.grade(events, submit, instance.key)
    assert item(report, "order:profile>fa_payments")["status"] == "wrong"
    assert report["score"] < 100


def test_ticket_kip_and_fields(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-blocked")
    events, submit = perfect(instance)
    ticket = call_of(events, "tickets.create")
    ticket["params"]["kip"] = "k44-belum-ledger"
    ticket["params"]["fields"]["payment_date"] = "1 Januari 2020"
    del ticket["params"]["fields"]["location"]
    report = engine.grade(events, submit, instance.key)
    assert item(report, "kip")["status"] == "wrong"
    assert item(report, "ticket_field:payment_date")["status"] == "wrong"
    assert item(report, "ticket_field:location")["status"] == "missed"
    assert item(report, "ticket_field:msisdn")["status"] == "ok"


def test_ticket_values_in_other_formats_pass(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-notified")
    events, submit = perfect(instance)
    fields = call_of(events, "tickets.create")["params"]["fields"]
    year, month, day = fields["payment_date"].split("-")
    fields["payment_date"] = f"{day}-{month}-{year}"
    fields["msisdn"] = "62" + fields["msisdn"][1:]
    fields["affected_services"] = "layanan yang dikeluhkan: SEMUANYA"
    fields["collection_status"] = fields["collection_status"].upper()
    report = engine.grade(events, submit, instance.key)
    assert report["score"] == 100, [i for i in report["items"] if i["status"] != "ok"]


def test_missing_or_unneeded_ticket(library: Library, mem_engine: Engine) -> None:
    needed = make_instance(library, mem_engine, "sop001-voluntary-block")
    events, submit = perfect(needed)
    report = engine.grade(without(events, "tickets.create"), submit, needed.key)
    assert item(report, "ticket")["status"] == "missed" and not report["passed"]
    assert "no ticket" in codes(report)
    clear = make_instance(library, mem_engine, "sop001-paid-clear")
    extra_events, clear_submit = perfect(clear)
    extra_events.append(call_of(events, "tickets.create"))
    report = engine.grade(extra_events, clear_submit, clear.key)
    assert item(report, "ticket_extra:1")["status"] == "extra" and report["score"] == 90


def test_rejected_ticket_does_not_count(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-voluntary-block")
    events, submit = perfect(instance)
    call_of(events, "tickets.create")["status"] = 422
    report = engine.grade(events, submit, instance.key)
    assert item(report, "ticket")["status"] == "missed" and not report["passed"]
    assert "refused 1 attempt" in item(report, "ticket")["message"]


def test_drill_facts(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-drill-fa-payment")
    events, submit = perfect(instance)
    moment = submit["facts"]["payment_time"]
    day, clock = moment.split(" ")
    y, m, d = day.split("-")
    submit["facts"]["payment_time"] = f"{d}/{m}/{y} {clock.replace(':', '.')}"
    submit["facts"]["payment_posted"] = "belum"
    assert engine.grade(events, submit, instance.key)["score"] == 100
    submit["facts"]["dsc_status"] = "Aging"
    report = engine.grade(events, submit, instance.key)
    assert item(report, "fact:dsc_status")["status"] == "wrong"
    guessed = engine.grade(without(events, "dsc.fa_payments"), instance.key["submit"], instance.key)
    assert not guessed["passed"] and any("not established" in c for c in codes(guessed))


def test_same_input_gives_a_byte_identical_report(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-blocked")
    events, submit = perfect(instance)
    events = without(events, "dsc.device")
    first = json.dumps(engine.grade(events, submit, instance.key), sort_keys=True)
    key = json.loads(json.dumps(instance.key))
    second = json.dumps(engine.grade(copy.deepcopy(events), dict(submit), key), sort_keys=True)
    assert first == second


def test_grader_tolerates_odd_input(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    odd = [{"kind": "tool"}, {"kind": "ask"}, {"id": 3, "kind": "weird", "params": None}]
    report = engine.grade(odd, {"resolution": None, "facts": "x"}, instance.key)
    assert report["score"] >= 0 and not report["passed"]
    assert engine.grade([], None, instance.key)["score"] == 0
