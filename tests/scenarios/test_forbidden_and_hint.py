"""Forbidden moves (detected from the submission or the trace) and hints."""

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.helpers import codes, item, make_instance, perfect


def _forbid(key: dict, **detect: object) -> dict:
    key["grading"]["forbidden"] = [
        {"id": "move", "detect": detect, "ref": "001:29", "message": "Do not.", "pesan": "Jangan."}
    ]
    return key


@pytest.mark.parametrize(
    ("detect", "tweak"),
    [
        ({"resolution_in": ["network_refresh"]}, None),
        ({"advice_in": ["advise_wait_24h"]}, ("advice", ["advise_wait_24h"])),
        ({"operation_in": ["dsc.*"]}, None),
    ],
)
def test_forbidden_move_fails_the_attempt(
    library: Library, mem_engine: Engine, detect: dict, tweak: tuple | None
) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, submit = perfect(instance)
    if tweak:
        submit[tweak[0]] = tweak[1]
    report = engine.grade(events, submit, _forbid(instance.key, **detect))
    assert item(report, "forbidden:move")["status"] == "wrong"
    assert not report["passed"] and "forbidden move: move" in codes(report)


def test_ticket_field_shape_is_a_forbidden_move(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-blocked")
    events, submit = perfect(instance)
    serial = {"field": "msisdn", "not_matches": "VOUCHER_SERIAL_RE"}
    key = _forbid(instance.key, ticket_field=serial)
    report = engine.grade(events, submit, key)
    assert not report["passed"]
    key = _forbid(instance.key, ticket_field={"field": "msisdn", "not_matches": "MSISDN_RE"})
    assert engine.grade(events, submit, key)["passed"]


def test_hint_walks_the_steps_in_sop_order(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-notified")
    events, _ = perfect(instance)
    first = engine.hint(instance.key, [])
    assert first["step_id"] == "lookup:profile" and first["sop_ref"] == "001:13"
    assert "Profil MSISDN" in first["passage"]
    after_four = engine.hint(instance.key, events[:5])  # the opening and four lookups
    assert after_four["step_id"] == "question:payment"
    assert after_four["passage"].startswith("a. Tanggal Pembayaran")
    before_ticket = engine.hint(instance.key, events[:-1])
    assert before_ticket["step_id"] == "action:ticket"
    done = engine.hint(instance.key, events)
    assert done["step_id"] == "submit" and done["sop_ref"] == "001:58"
    assert "eskalasi pembuatan tiket" in done["passage"]


def test_hint_skips_steps_done_out_of_order(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-paid-clear")
    events, _ = perfect(instance)
    opening, steps = events[0], events[1:]
    assert engine.hint(instance.key, [opening, *steps[1:]])["step_id"] == "lookup:profile"
    assert engine.hint(instance.key, [steps[0], steps[2]])["step_id"] == "lookup:device"
    done = [steps[0], steps[1], steps[3]]
    assert engine.hint(instance.key, done)["step_id"] == "lookup:fa_payments"


def test_drill_hint(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-drill-fa-payment")
    events, _ = perfect(instance)
    assert engine.hint(instance.key, [])["step_id"] == "lookup:profile"
    assert engine.hint(instance.key, events)["step_id"] == "submit"
