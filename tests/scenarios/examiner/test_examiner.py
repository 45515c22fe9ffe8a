"""Cases written from the SOP texts by an outside examiner (tests/scenarios/examiner/cases, not
in the library), graded through the contract and through right, wrong and sloppy attempts
written the way a careful, a careless and a new agent would make them."""

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.instantiate import Instance
from scenarios.library import Library
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.contract.attempts import violation
from tests.scenarios.contract.run import run_contract
from tests.scenarios.helpers import call_of, codes, make_instance, perfect, without

CASES = Path(__file__).resolve().parent / "cases"
Events = list[dict[str, Any]]


@pytest.fixture(scope="module")
def examiner(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The library's SOPs with the examiner's cases only."""
    root = tmp_path_factory.mktemp("examiner")
    (root / "sops").symlink_to(SCENARIOS / "sops")
    (root / "cases").symlink_to(CASES)
    return engine.load_library(root)


def test_the_examiners_cases_are_new_and_valid(examiner: Library) -> None:
    assert len(examiner.cases) >= 10
    per_sop = {sop: [c for c in examiner.cases.values() if c.sop == sop] for sop in examiner.sops}
    assert all(len(cases) >= 2 for cases in per_sop.values()), per_sop.keys()
    library = engine.load_library(SCENARIOS)
    assert not set(examiner.cases) & set(library.cases)
    for case in examiner.cases.values():
        same = [
            c.id
            for c in library.cases.values()
            if c.sop == case.sop and c.conditions == case.conditions and c.channel == case.channel
        ]
        assert not same, (case.id, same)


def test_the_contract_holds_on_the_examiners_cases(examiner: Library, mem_engine: Engine) -> None:
    outcome = run_contract(examiner, mem_engine, sorted(examiner.cases))
    assert outcome.graded >= 200
    assert outcome.violations == [], "\n".join(outcome.violations[:20])


Tweak = Callable[[Instance, Events, dict[str, Any]], tuple[Events, dict[str, Any]]]


def _facts(**changes: Any) -> Tweak:
    def tweak(_: Instance, events: Events, submit: dict[str, Any]) -> tuple[Events, dict]:
        submit = copy.deepcopy(submit)
        submit["facts"].update(changes)
        return events, submit

    return tweak


def _submit(**changes: Any) -> Tweak:
    return lambda _, events, submit: (events, {**submit, **changes})


def _skip(*names: str) -> Tweak:
    return lambda _, events, submit: (without(events, *names), submit)


def _ticket_field(name: str, value: Callable[[Instance], str] | str) -> Tweak:
    def tweak(instance: Instance, events: Events, submit: dict[str, Any]) -> tuple[Events, dict]:
        events = copy.deepcopy(events)
        got = value(instance) if callable(value) else value
        fields = call_of(events, "tickets.create")["params"]["fields"]
        fields[name] = got
        return events, submit

    return tweak


def _ticket(**changes: Any) -> Tweak:
    def tweak(_: Instance, events: Events, submit: dict[str, Any]) -> tuple[Events, dict]:
        events = copy.deepcopy(events)
        call_of(events, "tickets.create")["params"].update(changes)
        return events, submit

    return tweak


def _fact(instance: Instance, name: str) -> int:
    return int(instance.key["expected"]["facts"][name])


def _spaced_serial(instance: Instance) -> str:
    serial = instance.key["expected"]["ticket"]["fields"]["serial_or_trx"]
    return " ".join(serial[i : i + 4] for i in range(0, len(serial), 4))


def _nominal_in_ribu(instance: Instance) -> str:
    from scenarios.parsing.amounts import parse_amount

    typed = instance.key["expected"]["ticket"]["fields"]["nominal"]
    amount = parse_amount(typed) or 0
    return f"{amount // 1000} ribu"


# (case, what the agent did, tweak, verdict): right, wrong and sloppy attempts from the SOP text
ATTEMPTS: list[tuple[str, str, Tweak, str]] = [
    ("ex000-vsat-suspended-multi-sid-social", "as the SOP says", _submit(), "pass100"),
    (
        "ex000-vsat-suspended-multi-sid-social",
        "reads the SID's status from the account total, qualified",
        _facts(sid_bill_status="Belum Lunas (total account)"),
        "fail:forbidden move: sid_status_from_epayment_total",
    ),
    (
        "ex000-vsat-suspended-multi-sid-social",
        "says the Suspended service is Active",
        _facts(ncx_status="Active"),
        "fail:wrong fact: ncx_status",
    ),
    (
        "ex000-vsat-suspended-multi-sid-social",
        "types the SID's charge as Rupiah with a dash",
        lambda i, e, s: _facts(
            sid_amount=f"Rp {int(i.key['expected']['facts']['sid_amount']):,},-".replace(",", ".")
        )(i, e, s),
        "pass100",
    ),
    (
        "ex000-vsat-suspended-multi-sid-social",
        "skips the proactive AM lookup on a non-voice channel",
        _skip("am.lookup"),
        "fail:not established: lookup:am_proactive",
    ),
    ("ex000-radio-inactive-no-invoice-chat-eos", "as the SOP says", _submit(), "pass100"),
    (
        "ex000-radio-inactive-no-invoice-chat-eos",
        "sends the customer back to the AM who never answers",
        _submit(resolution="educate_am", escalation="AM"),
        "fail:wrong resolution",
    ),
    (
        "ex000-radio-inactive-no-invoice-chat-eos",
        "does not ask about the AM again (the customer said it)",
        _skip("am_contact"),
        "pass100",
    ),
    ("ex001-ooc-trial-clear-chat", "as the SOP says", _submit(), "pass100"),
    (
        "ex001-ooc-trial-clear-chat",
        "files a ticket instead of the network refresh",
        _submit(resolution="create_ticket"),
        "fail:wrong resolution",
    ),
    (
        "ex001-ooc-trial-clear-chat",
        "advises the refresh without checking HLR",
        _skip("dsc.hlr"),
        "fail:not established: lookup:hlr",
    ),
    (
        "ex001-ooc-trial-clear-chat",
        "forgets the device check (sloppy, not critical)",
        _skip("dsc.device"),
        "pass_less",
    ),
    (
        "ex001-ooc-trial-clear-chat",
        "does not ask again which services fail (the customer said SMS)",
        _skip("services"),
        "pass100",
    ),
    ("ex001-unposted-notified-email", "as the SOP says", _submit(), "pass100"),
    ("ex001-unposted-notified-email", "files no ticket", _skip("tickets.create"), "fail:no ticket"),
    (
        "ex001-unposted-notified-email",
        "files the 'sudah masuk ledger' KIP",
        _ticket(kip="k44-sudah-ledger"),
        "fail:wrong KIP",
    ),
    (
        "ex001-unposted-notified-email",
        "writes the payment date as 'kemarin' and the MSISDN as 62...",
        lambda i, e, s: _ticket_field(
            "msisdn", lambda x: "62" + x.key["expected"]["ticket"]["fields"]["msisdn"][1:]
        )(i, *_ticket_field("payment_date", "kemarin")(i, e, s)),
        "pass100",
    ),
    (
        "ex001-unposted-notified-email",
        "files the ticket about the alternative contact number",
        lambda i, e, s: _ticket_field(
            "msisdn", lambda x: x.key["expected"]["ticket"]["fields"]["alt_contact"]
        )(i, e, s),
        "fail:ticket about another customer: msisdn",
    ),
    ("ex002-mkios-ticket-impatient", "as the SOP says", _submit(), "pass100"),
    (
        "ex002-mkios-ticket-impatient",
        "reads the serial out in groups of four and the nominal as 'ribu'",
        lambda i, e, s: _ticket_field("nominal", _nominal_in_ribu)(
            i, *_ticket_field("serial_or_trx", _spaced_serial)(i, e, s)
        ),
        "pass100",
    ),
    (
        "ex002-mkios-ticket-impatient",
        "also tells the customer to wait 1x24 hours (not this SOP's advice here)",
        _submit(advice=["wait_1x24h"]),
        "pass_less",
    ),
    (
        "ex002-mkios-ticket-impatient",
        "files the ticket without checking servo and call details",
        _skip("indira.voucher", "dsc.call_details"),
        "fail:not established",
    ),
    ("ex002-bank-credited-email", "as the SOP says", _submit(), "pass100"),
    (
        "ex002-bank-credited-email",
        "files a ticket for a recharge that arrived",
        _submit(resolution="create_ticket"),
        "fail:wrong resolution",
    ),
    (
        "ex002-bank-credited-email",
        "tells the customer the credit arrived without the call details",
        _skip("dsc.call_details"),
        "fail:not established: lookup:call_details",
    ),
    ("ex003-two-active-pots-voice", "as the SOP says", _submit(), "pass100"),
    (
        "ex003-two-active-pots-voice",
        "names the services without codes and the amount in English style",
        lambda i, e, s: _facts(
            ott_services=", ".join(
                x.split(" - ", 1)[-1] for x in i.key["expected"]["facts"]["ott_services"]
            ),
            internet_content_amount=f"IDR {_fact(i, 'internet_content_amount'):,}",
        )(i, e, s),
        "pass100",
    ),
    (
        "ex003-two-active-pots-voice",
        "explains the charge without Transactions Data",
        _skip("upoint.transactions"),
        "fail:not established: lookup:transactions",
    ),
    ("ex003-inactive-only-chat", "as the SOP says", _submit(), "pass100"),
    (
        "ex003-inactive-only-chat",
        "reports the ended service as still active",
        lambda i, e, s: _facts(active_services=i.key["expected"]["facts"]["inactive_services"])(
            i, e, s
        ),
        "fail:wrong fact",
    ),
    ("ex004-in-transit-regular-chat", "as the SOP says", _submit(), "pass100"),
    ("ex004-in-transit-regular-chat", "files no ticket", _skip("tickets.create"), "fail:no ticket"),
    (
        "ex004-in-transit-regular-chat",
        "routes the ticket to Remedy IT",
        _ticket(escalation="Remedy IT"),
        "fail:ticket routed to another team",
    ),
    (
        "ex004-in-transit-regular-chat",
        "types another order's id on the ticket",
        _ticket_field("order_id", "GOL000000000001"),
        "fail:ticket about another customer: order_id",
    ),
    ("ex004-pending-payment-voice", "as the SOP says", _submit(), "pass100"),
    (
        "ex004-pending-payment-voice",
        "tells the customer to wait instead of paying",
        _submit(resolution="wait_verification"),
        "fail:wrong resolution",
    ),
    (
        "ex004-pending-payment-voice",
        "also lists the pay-now advice the resolution already gives",
        _submit(advice=["pay_with_ewallet"]),
        "pass100",
    ),
]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("case_id", "what", "tweak", "verdict"), ATTEMPTS)
def test_crafted_attempts(
    examiner: Library,
    mem_engine: Engine,
    case_id: str,
    what: str,
    tweak: Tweak,
    verdict: str,
    seed: int,
) -> None:
    instance = make_instance(examiner, mem_engine, case_id, seed=seed)
    events, submit = tweak(instance, *perfect(instance))
    report = engine.grade(events, submit, instance.key)
    assert violation(report, verdict) is None, (what, report["score"], codes(report))
