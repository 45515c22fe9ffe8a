"""Every case: its key replays to 100 down the branches it claims; the tools show its facts."""

import pytest
from sqlalchemy import Engine

from gladi.formats import to_wib
from mocks.dsc import queries as dsc
from mocks.interactions.queries import interaction_history
from mocks.outages.queries import outages_by_area
from mocks.scope import Scope
from mocks.tickets.validation import checked_form
from scenarios import engine
from scenarios.decide import covered, decide
from scenarios.library import Library
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import make_instance, perfect

LIB = engine.load_library(SCENARIOS)
CASES = sorted(LIB.cases)
SOP001 = sorted(c for c in CASES if LIB.cases[c].sop == "sop-001")


@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_case_replays_to_100_down_the_branches_it_claims(
    library: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    """Whatever the seed: the key's own replay grades 100; the customer has the case's
    conditions; a case (not a drill) decides the rule, branches and resolution its key names."""
    instance = make_instance(library, mem_engine, case_id, seed=seed)
    report = engine.grade(*perfect(instance), instance.key)
    assert report["score"] == 100 and report["passed"], [
        i for i in report["items"] if i["status"] != "ok"
    ]
    case = library.case(case_id)
    for name, wanted in case.conditions.items():
        assert instance.facts[name] == wanted, name
    if case.kind == "drill":
        assert instance.key["expected"]["facts"]
        return
    sop = library.sop_of(case)
    decision = decide(sop, instance.facts)
    assert instance.key["expected"]["rule"] == decision.rule.id
    for branch in case.covers:
        assert covered(sop, branch, instance.facts, decision), branch
        assert branch in instance.key["expected"]["branch"]
    assert instance.key["expected"]["resolution"] == decision.resolution


def test_every_sop001_branch_has_a_case(library: Library) -> None:
    table = engine.coverage(library)["sop-001"]
    assert all(table.values()), [b for b, cases in table.items() if not cases]
    assert len(table) >= 11


@pytest.mark.parametrize("case_id", SOP001)
def test_tools_show_the_facts_the_key_relies_on(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(library, mem_engine, case_id, seed=3, episode_id=f"ep-{case_id}")
    with mem_engine.begin() as conn:
        engine.write_instance(conn, instance)
    scope = Scope(episode_id=instance.episode_id, now=instance.sim_now)
    facts = instance.facts
    msisdn = instance.customer["summary"]["identifiers"]["msisdn"]
    with mem_engine.connect() as conn:
        profile = dsc.profile(conn, scope, msisdn=msisdn)
        payments = dsc.fa_payments(conn, scope, msisdn=msisdn)
        hlr = dsc.hlr(conn, scope, msisdn=msisdn)
        outages = outages_by_area(conn, scope, area=profile.location)
        history = interaction_history(conn, scope, number=msisdn)
    assert profile.dsc_status == facts["dsc_status"]
    assert payments.items[0].posted_to_ledger is facts["payment_posted"]
    reasons = {i.block_reason for i in hlr.items if i.state != "Active"}
    assert (facts["hlr_block_reason"] == "none") == (not reasons)
    assert (outages.count > 0) is facts["outage_in_area"]
    open_k44 = [t for t in history.tickets if t.kip.startswith("k44") and t.status != "Closed"]
    assert bool(open_k44) is facts["prior_ticket_same_complaint"]
    if instance.key["expected"]["ticket"]:
        world = instance.key["expected"]["ticket"]["fields"]
        assert world["payment_date"] == to_wib(payments.items[0].paid_at).date().isoformat()


@pytest.mark.parametrize(
    "case_id", ["sop001-paid-blocked", "sop001-unpaid-notified", "sop001-voluntary-block"]
)
def test_the_keys_ticket_is_accepted_by_the_desk(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(library, mem_engine, case_id)
    body = next(s for s in instance.key["steps"] if s["kind"] == "action")["request"]["json"]
    form = checked_form(body)
    assert form["kip"] == instance.key["expected"]["ticket"]["kip"]
    assert form["fields"] == body["fields"]
