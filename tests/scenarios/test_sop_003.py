"""SOP 003 (IndiHome OTT billed as INTERNET CONTENT): every case and drill, seeds 0-2.

A perfect replay scores 100; the derived outcome goes down the branches a case claims; the mock
tools show the facts the key expects; and the realistic wrong attempts of each branch family
fail for the right reason (wrong facts, a missing lookup, no UPoint login first).
"""

import copy
from typing import Any

import pytest
from sqlalchemy import Engine

from mocks.epayment.queries import inquiry
from mocks.scope import Scope
from mocks.upoint.queries import search_subscriptions, search_transactions
from scenarios import engine, values
from scenarios.decide import covered, decide
from scenarios.instantiate import Instance
from scenarios.library import Library, load_library
from seeds.builders import billed_period
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import assert_fails, codes, item, make_instance, perfect, without

SOP = "sop-003"
LIB = load_library(SCENARIOS, strict=False)
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == SOP and case.kind == "case")
DRILLS = sorted(c for c, case in LIB.cases.items() if case.sop == SOP and case.kind == "drill")
SEEDS = [0, 1, 2]
UPOINT_SEARCHES = ("upoint.subscriptions", "upoint.transactions")


@pytest.fixture(scope="module")
def lib() -> Library:
    """The library; SOP 003's own files must have no problem (other SOPs may be in progress)."""
    mine = [p for p in LIB.problems if "sop-003" in str(p.file) or "sop003" in str(p.file)]
    assert not mine, [str(p) for p in mine]
    return LIB


def _report(instance: Instance, events: list, submit: dict) -> dict[str, Any]:
    return engine.grade(events, submit, instance.key)


def _no_login(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trace of an agent that skipped the UPoint login: the dashboard answers 401."""
    result = []
    for event in without(events, "upoint.login"):
        event = copy.deepcopy(event)
        if event.get("operation") in UPOINT_SEARCHES:
            event["status"] = 401
        result.append(event)
    return result


def test_sop003_files_load_and_every_branch_is_covered(lib: Library) -> None:
    assert len(CASES) >= 5 and len(DRILLS) >= 3
    table = engine.coverage(lib)[SOP]
    assert all(table.values()), [b for b, cases in table.items() if not cases]
    assert {
        "active_subscription",
        "inactive_subscription",
        "several_services",
        "charges_match_bill",
        "no_ott_purchase",
    } <= set(table)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES + DRILLS)
def test_perfect_replay_scores_100(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    for persona in ("cooperative", "vague", "impatient"):
        instance = make_instance(lib, mem_engine, case_id, seed=seed, persona=persona)
        report = _report(instance, *perfect(instance))
        assert report["score"] == 100 and report["passed"], report["fail_reasons"]
        assert all(i["status"] == "ok" for i in report["items"])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
def test_derived_outcome_covers_the_claimed_branches(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    case, sop = lib.case(case_id), lib.sops[SOP]
    decision = decide(sop, instance.facts)
    for branch in case.covers:
        assert covered(sop, branch, instance.facts, decision), branch
        assert branch in instance.key["expected"]["branch"]
    want = "no_ott_purchase" if "no_ott_purchase" in case.covers else "explain_ott_charge"
    assert instance.key["expected"]["resolution"] == want
    assert instance.key["expected"]["ticket"] is None
    assert not any(s["kind"] == "action" for s in instance.key["steps"])


def _tools(mem_engine: Engine, instance: Instance) -> tuple[Any, Any, Any]:
    with mem_engine.begin() as conn:
        engine.write_instance(conn, instance)
    scope = Scope(episode_id=instance.episode_id, now=instance.sim_now)
    ids = instance.customer["summary"]["identifiers"]
    form = {"date_from": None, "date_to": None, "ott": "all", "regional": "all"}
    with mem_engine.connect() as conn:
        bills = inquiry(conn, scope, ids["given_number"], ids["name"], ids["address"], "0215551234")
        subs = search_subscriptions(conn, scope, indihome=ids["indihome_number"], **form)
        trx = search_transactions(conn, scope, indihome=ids["indihome_number"], **form)
    return bills, subs, trx


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
def test_tools_show_the_facts_the_key_expects(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed, episode_id=f"ep-{case_id}")
    bills, subs, trx = _tools(mem_engine, instance)
    expected = instance.key["expected"]["facts"]
    assert bills.internet == instance.customer["summary"]["identifiers"]["indihome_number"]
    content = [
        (row.period, line.amount)
        for row in bills.items
        for line in row.lines
        if line.service == "INTERNET CONTENT"
    ]
    assert bool(content) is expected["bill_has_internet_content"]
    assert expected["ott_purchase"] is (subs.count > 0) is (trx.count > 0)
    if not content:
        assert "ott_services" not in expected
        return
    period, amount = max(content)
    assert values.same("number", expected["internet_content_amount"], amount)
    shown = [r.display for r in subs.items]
    assert values.same("set", expected["ott_services"], [d["Service"] for d in shown])
    statuses = {d["Service"]: d["Status"] for d in shown}
    for fact, status in (("active_services", "Active"), ("inactive_services", "Inactive")):
        wanted = [s for s, st in statuses.items() if st == status]
        assert values.same("set", expected.get(fact, []), wanted), fact
    assert values.same("datetimes", expected["start_times"], [d["Start Time"] for d in shown])
    ended = [d["End Time"] for d in shown if d["End Time"] != "-"]
    assert values.same("datetimes", expected.get("end_times", []), ended)
    billed = [r for r in trx.items if billed_period(r.trx_time) == period]
    assert sum(r.price for r in billed) == amount and expected["bill_explained"] is True
    assert values.same(
        "datetimes", expected["charge_times"], [r.display["Trx Time"] for r in billed]
    )


# --- realistic wrong attempts -------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
def test_skipping_the_upoint_login_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    report = _report(instance, _no_login(events), submit)
    assert_fails(report, "not established")
    assert item(report, "lookup:upoint_login")["status"] == "missed"
    assert item(report, "lookup:subscriptions")["status"] == "wrong"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize(
    ("operation", "lookup"),
    [("epayment.inquiry", "epayment"), ("upoint.subscriptions", "subscriptions")],
)
def test_reporting_without_the_lookup_that_shows_it_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int, operation: str, lookup: str
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    report = _report(instance, without(events, operation), submit)
    assert_fails(report, "not established")
    assert f"lookup:{lookup}" in codes(report)[-1]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", [c for c in CASES if "no-ott" not in c])
def test_skipping_transactions_data_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    report = _report(instance, without(events, "upoint.transactions"), submit)
    assert_fails(report, "not established")
    assert "lookup:transactions" in codes(report)[-1]


def _swap_status(facts: dict[str, Any]) -> None:
    active, inactive = facts.get("active_services", []), facts.get("inactive_services", [])
    facts["active_services"], facts["inactive_services"] = inactive, active


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "case_id", ["sop003-active-disney", "sop003-inactive-ended", "sop003-pots-number"]
)
def test_reporting_the_wrong_status_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    _swap_status(submit["facts"])
    report = _report(instance, events, submit)
    assert_fails(report, "wrong fact")
    assert report["score"] >= 70  # only the critical-fact rule fails it


@pytest.mark.parametrize("seed", SEEDS)
def test_several_services_reported_as_one_fails(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, "sop003-several-services", seed=seed)
    events, submit = perfect(instance)
    first = submit["facts"]["ott_services"][0]
    submit["facts"]["ott_services"] = first
    report = _report(instance, events, submit)
    assert_fails(report, "wrong fact: ott_services")
    assert item(report, "fact:ott_services")["status"] == "wrong"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", ["sop003-active-disney", "sop003-several-services"])
def test_charges_outside_the_bill_period_fail(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    """The latest bill (September) carries the August charge (003:17-21 with 003:148: a charge
    is billed on the next month's bill); the 1 September charge is not billed yet."""
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    assert all(t.startswith("2026-08-01") for t in submit["facts"]["charge_times"])
    submit["facts"]["charge_times"] = [
        t.replace("-08-01", "-09-01") for t in submit["facts"]["charge_times"]
    ]
    assert_fails(_report(instance, events, submit), "wrong fact: charge_times")


@pytest.mark.parametrize("seed", SEEDS)
def test_no_ott_reported_as_a_purchase_fails(lib: Library, mem_engine: Engine, seed: int) -> None:
    instance = make_instance(lib, mem_engine, "sop003-no-ott", seed=seed)
    events, submit = perfect(instance)
    wrong = dict(submit, resolution="explain_ott_charge")
    assert_fails(_report(instance, events, wrong), "wrong resolution")
    wrong = copy.deepcopy(submit)
    wrong["facts"]["ott_purchase"] = "ya"
    assert_fails(_report(instance, events, wrong), "wrong fact: ott_purchase")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", [c for c in CASES if "no-ott" not in c])
def test_a_purchase_reported_as_no_ott_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    submit["resolution"] = "no_ott_purchase"
    assert_fails(_report(instance, events, submit), "wrong resolution")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
def test_a_missing_critical_fact_fails(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, case_id, seed=seed)
    events, submit = perfect(instance)
    del submit["facts"]["bill_has_internet_content"]
    assert_fails(_report(instance, events, submit), "missed fact: bill_has_internet_content")


@pytest.mark.parametrize("seed", SEEDS)
def test_several_services_tolerate_other_formats(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    """Facts typed as text (any order, Indonesian formats) score like the key's lists."""
    instance = make_instance(lib, mem_engine, "sop003-several-services", seed=seed)
    events, submit = perfect(instance)
    facts = submit["facts"]
    facts["ott_services"] = " dan ".join(reversed(facts["ott_services"]))
    facts["charge_times"] = "; ".join(
        f"{t[8:10]}-{t[5:7]}-{t[:4]} {t[11:13]}.{t[14:16]}" for t in facts["charge_times"]
    )
    facts["ott_prices"] = ", ".join(f"Rp{p:,}".replace(",", ".") for p in facts["ott_prices"])
    facts["internet_content_amount"] = f"{facts['internet_content_amount']:,}".replace(",", ".")
    facts["bill_explained"] = "ya"
    report = _report(instance, events, submit)
    assert report["score"] == 100, [i for i in report["items"] if i["status"] != "ok"]


# --- drills ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_last_charge_drill_needs_the_login_and_the_newest_row(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, "sop003-drill-last-ott-charge", seed=seed)
    assert [s["id"] for s in instance.key["steps"]] == [
        "lookup:upoint_login",
        "lookup:transactions",
    ]
    _, _, trx = _tools(mem_engine, instance)
    newest = trx.items[0]
    expected = instance.key["expected"]["facts"]
    assert values.same("datetime", expected["last_charge_time"], newest.display["Trx Time"])
    assert values.same("text", expected["last_charge_service"], newest.display["Service"])
    assert expected["last_charge_price"] == newest.price
    events, submit = perfect(instance)
    assert_fails(_report(instance, _no_login(events), submit), "not established")
    older = trx.items[-1]
    submit["facts"]["last_charge_time"] = older.display["Trx Time"]
    report = _report(instance, events, submit)
    assert item(report, "fact:last_charge_time")["status"] == "wrong" and not report["passed"]


@pytest.mark.parametrize("seed", SEEDS)
def test_epayment_drill_reports_the_unpaid_amount(
    lib: Library, mem_engine: Engine, seed: int
) -> None:
    instance = make_instance(lib, mem_engine, "sop003-drill-epayment-unpaid", seed=seed)
    bills, _, _ = _tools(mem_engine, instance)
    latest = bills.items[0]
    expected = instance.key["expected"]["facts"]
    assert latest.status == "Belum Lunas" and expected["period_status"] == "Belum Lunas"
    assert expected["period_unpaid"] == latest.unpaid > 0
    events, submit = perfect(instance)
    submit["facts"]["period_unpaid"] = bills.items[1].unpaid
    report = _report(instance, events, submit)
    assert item(report, "fact:period_unpaid")["status"] == "wrong" and not report["passed"]
    assert_fails(_report(instance, [], instance.key["submit"]), "nothing done")
