"""SOP 004: realistic wrong attempts fail, each for the reason a trainer would give.

One or more per branch family: timing read wrongly (6 h / 1x24 h / after 20:00 / SLA / the
14-day search), wrong resolution or escalation target, the lookup or question that establishes
the decision skipped ("guessed"), a wrong KIP or ticket field.
"""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from scenarios.replay import tool_event
from tests.scenarios.helpers import codes, item, make_instance, perfect

Events = list[dict[str, Any]]


def _attempt(
    library: Library,
    db: Engine,
    case_id: str,
    submit: dict[str, Any] | None = None,
    events: Callable[[Events], Events] | None = None,
    seed: int = 5,
) -> dict[str, Any]:
    instance = make_instance(library, db, case_id, seed=seed)
    trace, body = perfect(instance)
    if events is not None:
        trace = events(trace)
    if submit is not None:
        body = {k: v for k, v in {**body, **submit}.items() if v is not None}
    return engine.grade(trace, body, instance.key)


def _skip(step_id: str) -> Callable[[Events], Events]:
    """Drop one key step from the replayed trace (a lookup or a question)."""
    kind, _, name = step_id.partition(":")

    def drop(trace: Events) -> Events:
        if kind == "question":
            return [e for e in trace if (e.get("detail") or {}).get("question_id") != name]
        return [e for e in trace if e.get("operation") != name]

    return drop


# (case, wrong submission, why a trainer rejects it, fail reasons expected)
WRONG_DECISIONS = [
    (
        "sop004-verification-after-20-callback",
        {"resolution": "accelerate_verification", "escalation": "CCIS INT 856"},
        "ordered after 20:00: the call back is today, the 6 h rule does not apply yet",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-verification-instant-overdue",
        {"resolution": "wait_verification", "escalation": None},
        "instant over 6 h must be accelerated via CCIS INT 856",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-verification-regular-wait",
        {"resolution": "accelerate_verification", "escalation": "CCIS INT 856"},
        "regular under 1x24 h waits",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-activation-wait",
        {"resolution": "escalate", "escalation": "Remedy IT"},
        "1x24 h counts from the activation (Waktu Status), not from the order date",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-activation-overdue",
        {"resolution": "wait_activation", "escalation": None},
        "steps done and past 1x24 h: Remedy IT",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-activation-not-queryable",
        {"escalation": "INT404 BESHQ"},
        "the number cannot be queried: Remedy IT, not INT404 BESHQ",
        {"wrong escalation"},
    ),
    (
        "sop004-activation-incident",
        {"escalation": "Remedy IT"},
        "a system failure during activation goes to INT404 BESHQ",
        {"wrong escalation"},
    ),
    (
        "sop004-pending-perso",
        {"escalation": None},
        "Pending Perso is escalated to the FOS GraPARI",
        {"wrong escalation"},
    ),
    (
        "sop004-delivery-in-sla-regular",
        {"resolution": "track_courier", "escalation": "FOS GraPARI"},
        "4 days 4 hours is inside the 5-day regular SLA",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-delivery-late-instant",
        {"resolution": "inform_delivery_sla", "escalation": None},
        "8 hours is past the 6-hour instant SLA",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-delivery-incident-not-picked-up",
        {"resolution": "resume_order_lanjut", "escalation": None},
        "not picked up and not arrived: contact the courier, FOS GraPARI",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-delivery-incident-no-lanjut",
        {"escalation": "FOS GraPARI"},
        "no Lanjut button although delivered: Remedy IT",
        {"wrong escalation"},
    ),
    (
        "sop004-delivery-incident-arrived",
        {"resolution": "track_courier", "escalation": "FOS GraPARI"},
        "the parcel arrived and Lanjut is offered: continue it in Resume Order",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-completed-card-swap-trouble",
        {"resolution": "guide_card_activation", "escalation": None},
        "the customer already tried tsel.me/aktifkankartu: help and ask Remedy IT",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-cancelled-sla",
        {"resolution": "inform_payment_methods"},
        "a cancelled order cannot be paid any more",
        {"wrong resolution"},
    ),
    (
        "sop004-psb-web-grapari-unreachable",
        {"escalation": "Remedy IT"},
        "the customer cannot reach the GraPARI: escalate to the GraPARI concerned",
        {"wrong escalation"},
    ),
    (
        "sop004-payment-failed-not-deducted",
        {"resolution": "escalate", "escalation": "INT404 BESHQ"},
        "nothing was taken: pay again, nothing to escalate",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-kelurahan-pin-wrong",
        {"resolution": "escalate", "escalation": "Remedy IT"},
        "the PIN is off: educate first",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-number-unusable-outage",
        {"resolution": "escalate", "escalation": "INT404 BESHQ"},
        "a mass outage in the area: the standard outage answer",
        {"wrong resolution", "wrong escalation"},
    ),
    (
        "sop004-existing-ticket",
        {"resolution": "track_courier", "escalation": "FOS GraPARI"},
        "an open ticket on the same complaint is re-checked, not duplicated",
        {"wrong resolution", "wrong escalation"},
    ),
]


@pytest.mark.parametrize(("case_id", "submit", "why", "reasons"), WRONG_DECISIONS)
def test_wrong_resolution_or_escalation_fails(
    library: Library,
    mem_engine: Engine,
    case_id: str,
    submit: dict[str, Any],
    why: str,
    reasons: set[str],
) -> None:
    report = _attempt(library, mem_engine, case_id, submit=submit)
    assert not report["passed"], why
    assert reasons <= set(codes(report)), (why, report["fail_reasons"])


# (case, the key step left out, why the decision is then a guess)
GUESSES = [
    ("sop004-verification-instant-overdue", "lookup:dsc.gol_order", "hours since the order"),
    ("sop004-activation-overdue", "question:activation_steps", "whether the steps were done"),
    ("sop004-activation-not-queryable", "lookup:dsc.profile", "the number cannot be queried"),
    ("sop004-delivery-incident-no-lanjut", "lookup:dsc.gol_resume", "Lanjut / pick-up in DSC"),
    ("sop004-delivery-incident-arrived", "question:parcel", "whether the parcel arrived"),
    ("sop004-number-unusable-outage", "lookup:outages.by_area", "the outage in the area"),
    ("sop004-order-id-not-found-recent", "lookup:dsc.gol_search", "the e-mail search"),
    ("sop004-existing-ticket", "lookup:interactions.history", "the open ticket"),
    ("sop004-payment-failed-deducted-voice", "question:payment", "whether money was taken"),
    ("sop004-kelurahan-pin-correct", "question:pin_location", "whether the PIN is right"),
]


def _unsaid(drop: Callable[[Events], Events]) -> Callable[[Events], Events]:
    """The same, with an opening that states nothing (the customer did not say it)."""
    return lambda trace: [e for e in drop(trace) if e.get("kind") != "opening"]


@pytest.mark.parametrize(("case_id", "step", "what"), GUESSES)
def test_the_right_answer_without_its_evidence_is_a_guess(
    library: Library, mem_engine: Engine, case_id: str, step: str, what: str
) -> None:
    report = _attempt(library, mem_engine, case_id, events=_unsaid(_skip(step)))
    assert not report["passed"], what
    assert any(c.startswith("not established") for c in codes(report)), report["fail_reasons"]
    assert item(report, "decision")["status"] == "ok" and item(report, "decision")["guessed"]


@pytest.mark.parametrize(
    ("case_id", "step"), [(c, s) for c, s, _ in GUESSES if s.startswith("question:")]
)
def test_a_question_the_customer_already_answered_in_the_opening_need_not_be_asked(
    library: Library, mem_engine: Engine, case_id: str, step: str
) -> None:
    report = _attempt(library, mem_engine, case_id, events=_skip(step))
    assert report["passed"] and report["score"] == 100, report["fail_reasons"]
    assert "disclosed" in item(report, step)["evidence"]


def _search_with(params: dict[str, str]) -> Callable[[Events], Events]:
    """Replace the key's e-mail search by one with these parameters (as the mock records)."""

    def swap(trace: Events) -> Events:
        for event in trace:
            if event.get("operation") == "dsc.gol_search":
                email = event["params"]["email"]
                event["params"] = {"email": email, **params}
        return trace

    return swap


def test_a_search_that_misses_the_order_date_establishes_nothing(
    library: Library, mem_engine: Engine
) -> None:
    """Order 20 days ago: the tool's default range (the last 14 days) does not contain it."""
    report = _attempt(
        library, mem_engine, "sop004-order-id-not-found-older", events=_search_with({})
    )
    search = item(report, "lookup:search")
    assert search["status"] == "wrong" and "range containing" in search["message"]
    assert not report["passed"] and any("lookup:search" in c for c in codes(report))


def test_any_range_holding_the_order_date_counts(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop004-order-id-not-found-older", seed=5)
    day = next(s for s in instance.key["grading"]["lookups"] if "window" in s)["window"]["covers"]
    y, m, d = day.split("-")
    typed = {"date_from": f"{int(d) - 3:02d}-{m}-{y}" if int(d) > 3 else day, "date_to": day}
    trace, body = perfect(instance)
    report = engine.grade(_search_with(typed)(trace), body, instance.key)
    assert report["score"] == 100 and report["passed"], report["fail_reasons"]


def test_the_default_range_is_enough_for_a_recent_order(
    library: Library, mem_engine: Engine
) -> None:
    report = _attempt(
        library, mem_engine, "sop004-order-id-not-found-recent", events=_search_with({})
    )
    assert report["score"] == 100 and report["passed"]


def test_telling_a_verification_customer_to_pay_is_forbidden(
    library: Library, mem_engine: Engine
) -> None:
    report = _attempt(
        library,
        mem_engine,
        "sop004-verification-regular-wait",
        {"resolution": "inform_payment_methods"},
    )
    assert "forbidden move: pay_during_verification" in codes(report)
    assert item(report, "forbidden:pay_during_verification")["sop_ref"] == "004:24"


def _ticket(change: Callable[[dict[str, Any]], None]) -> Callable[[Events], Events]:
    def edit(trace: Events) -> Events:
        for event in trace:
            if event.get("operation") == "tickets.create":
                change(event["params"])
        return trace

    return edit


def test_a_wrong_kip_and_wrong_ticket_fields_cost_points(
    library: Library, mem_engine: Engine
) -> None:
    def misfile(params: dict[str, Any]) -> None:
        params["kip"] = "k84-activation-incident"
        params["fields"]["complained_package"] = "Paket internet"
        params["fields"]["incident_date"] = "1 Januari 2026"

    report = _attempt(library, mem_engine, "sop004-bonus-mismatch", events=_ticket(misfile))
    assert item(report, "kip")["status"] == "wrong"
    assert item(report, "ticket_field:complained_package")["status"] == "wrong"
    assert item(report, "ticket_field:incident_date")["status"] == "wrong"
    assert report["score"] < 90


def test_a_voice_payment_ticket_must_send_the_proof_by_email(
    library: Library, mem_engine: Engine
) -> None:
    def capture(params: dict[str, Any]) -> None:
        params["fields"]["payment_proof"] = "Capture bukti bayar terlampir"

    report = _attempt(
        library, mem_engine, "sop004-payment-failed-deducted-voice", events=_ticket(capture)
    )
    assert item(report, "ticket_field:payment_proof")["status"] == "wrong"


def test_a_delivery_incident_ticket_needs_the_resi(library: Library, mem_engine: Engine) -> None:
    def wrong_resi(params: dict[str, Any]) -> None:
        params["fields"]["resi"] = "Belum ada resi"

    report = _attempt(
        library, mem_engine, "sop004-delivery-incident-not-picked-up", events=_ticket(wrong_resi)
    )
    assert item(report, "ticket_field:resi")["status"] == "wrong"


def test_a_missing_ticket_where_the_sop_gives_a_kip(library: Library, mem_engine: Engine) -> None:
    def no_ticket(trace: Events) -> Events:
        return [e for e in trace if e.get("operation") != "tickets.create"]

    report = _attempt(library, mem_engine, "sop004-psb-activation-failed", events=no_ticket)
    assert item(report, "kip")["status"] == "missed" and report["score"] < 90


def test_drill_order_id_without_the_search_is_a_guess(library: Library, mem_engine: Engine) -> None:
    report = _attempt(
        library, mem_engine, "sop004-drill-search-email", events=_skip("lookup:dsc.gol_search")
    )
    assert not report["passed"] and any("lookup:search" in c for c in codes(report))
    wrong = _attempt(
        library, mem_engine, "sop004-drill-resume-sla", submit={"facts": {"sla_deadline": "x"}}
    )
    assert item(wrong, "fact:sla_deadline")["status"] == "wrong"


def test_a_wrong_sop_tool_is_extra(library: Library, mem_engine: Engine) -> None:
    def add(trace: Events) -> Events:
        return [
            *trace,
            tool_event(99, "dsc.fa_payments", {"path": "/dsc/subscribers/0812/fa-payments"}),
        ]

    report = _attempt(library, mem_engine, "sop004-completed-halo", events=add)
    assert item(report, "extra:dsc.fa_payments")["status"] == "extra" and report["score"] == 98
