"""SOP 004 (GraPARI Online): every cause has a case, and the DSC GOL screens show the facts (and
times) its key uses (keys replaying to 100 down their branches: tests/scenarios/test_cases.py)."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine

from gladi import formats as f
from gladi.errors import NotFound
from mocks.dsc import gol
from mocks.dsc import queries as dsc
from mocks.interactions.queries import interaction_history
from mocks.scope import Scope
from mocks.tickets.catalog import CATALOG
from mocks.tickets.validation import checked_form
from scenarios import engine
from scenarios.customer import answer
from scenarios.instantiate import Instance
from scenarios.library import Library
from scenarios.materialize import sop_004_times as times
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import make_instance

LIB = engine.load_library(SCENARIOS)
SOP = "sop-004"
CASES = sorted(c for c, case in LIB.cases.items() if case.sop == SOP)
FULL = [c for c in CASES if LIB.cases[c].kind == "case"]
DRILLS = [c for c in CASES if LIB.cases[c].kind == "drill"]
GOL_KIPS = {k.code for k in CATALOG.kips if k.sop == SOP}
TIMED = {
    "Pending Verification": "hours_since_order",
    "Activation In Progress": "hours_in_status",
    "Delivery In Progress": "hours_since_order",
}


def test_every_branch_and_every_cause_has_a_case(library: Library) -> None:
    table = engine.coverage(library)[SOP]
    assert all(table.values()), [b for b, cases in table.items() if not cases]
    causes = {int(b[1:3]) for b in table if b[0] == "c" and b[1:3].isdigit()}
    assert causes == set(range(1, 22))
    assert len(DRILLS) >= 2


def test_time_dependent_cases_fix_their_clock_facts(library: Library) -> None:
    """A rule reading elapsed hours must not depend on a seeded pick."""
    for case_id in FULL:
        conditions = library.case(case_id).conditions
        needed = TIMED.get(str(conditions.get("order_status")))
        if needed and conditions.get("complaint", "order_status") == "order_status":
            assert needed in conditions, case_id


def _scope(instance: Instance) -> Scope:
    return Scope(episode_id=instance.episode_id, now=instance.sim_now)


def _shown_hours(text: str, now: datetime) -> int:
    """Whole hours from a screen's `YYYY-MM-DD HH:MM:SS` (WIB) to `now`."""
    shown = datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=f.WIB)
    return times.whole_hours(shown, now)


def _key_range(instance: Instance) -> dict[str, str]:
    """The e-mail search the key makes: from the order date, 14 days at most."""
    step = next(s for s in instance.key["steps"] if s["id"] == "lookup:search")
    params = step["request"]["params"]
    return {"email": params["email"], "date_from": params["from"], "date_to": params["to"]}


def _written(mem_engine: Engine, library: Library, case_id: str, seed: int = 3) -> Instance:
    instance = make_instance(library, mem_engine, case_id, seed=seed, episode_id=f"ep-{case_id}")
    with mem_engine.begin() as conn:
        engine.write_instance(conn, instance)
    return instance


@pytest.mark.parametrize("case_id", FULL)
def test_screens_show_the_facts_the_key_relies_on(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = _written(mem_engine, library, case_id)
    facts, scope = instance.facts, _scope(instance)
    ids = instance.customer["summary"]["identifiers"]
    with mem_engine.connect() as conn:
        history = interaction_history(conn, scope, number=ids["msisdn"])
        open_gol = [t for t in history.tickets if t.status != "Closed" and t.kip in GOL_KIPS]
        assert bool(open_gol) is facts["prior_open_ticket"]
        if facts["number_queryable"]:
            assert dsc.profile(conn, scope, msisdn=ids["msisdn"]).dsc_status == "Active"
        else:
            with pytest.raises(NotFound):
                dsc.profile(conn, scope, msisdn=ids["msisdn"])
        if facts["complaint"] == "order_id_not_found":
            with pytest.raises(NotFound):
                gol.order_detail(conn, scope, order_id=ids["order_id"])
            found = gol.search_orders(conn, scope, **_key_range(instance))
            assert found.count == 0
            return
        if facts["complaint"] in ("photo_upload", "kelurahan_missing"):
            assert gol.search_orders(conn, scope, email=ids["email"]).count == 0
            return
        order = gol.order_detail(conn, scope, order_id=ids["order_id"])
        resume = gol.resume_order(conn, scope, order_id=ids["order_id"])
    shown = order.display
    assert shown["Status Order"] == facts["order_status"]
    assert shown["Jenis Order"] == facts["order_type"]
    assert shown["Jenis Pengiriman"] == facts["delivery_type"]
    assert shown["Status Pembayaran"] == facts["payment_status"]
    assert _shown_hours(shown["Tanggal Order"], instance.sim_now) == facts["hours_since_order"]
    assert _shown_hours(shown["Waktu Status"], instance.sim_now) == facts["hours_in_status"]
    assert (int(shown["Tanggal Order"][11:13]) >= 20) is facts["order_after_20"]
    assert resume.lanjut_available is facts["lanjut_available"]
    assert resume.tracking.picked_up is facts["picked_up"]
    assert order.order_id.startswith("GOL" + shown["Tanggal Order"][2:10].replace("-", ""))


@pytest.mark.parametrize("case_id", DRILLS)
def test_drills_find_the_order_only_from_the_order_date(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = _written(mem_engine, library, case_id)
    scope, ids = _scope(instance), instance.customer["summary"]["identifiers"]
    expected = instance.key["expected"]["facts"]
    with mem_engine.connect() as conn:
        order = gol.order_detail(conn, scope, order_id=ids["order_id"])
        day = datetime.strptime(order.display["Tanggal Order"][:10], "%Y-%m-%d").date()
        end = min(day + timedelta(days=13), f.to_wib(instance.sim_now).date())
        hit = gol.search_orders(
            conn, scope, email=ids["email"], date_from=str(day), date_to=str(end)
        )
        default = gol.search_orders(conn, scope, email=ids["email"])
    assert [r.order_id for r in hit.items] == [ids["order_id"]]
    old = instance.facts["hours_since_order"] >= 14 * 24
    assert (default.count == 0) is old
    if "order_id" in expected:
        assert expected["order_id"] == ids["order_id"]
        assert ids["order_id"] not in instance.customer["questions"]["order_info"]["answer"]


def test_every_question_text_reaches_its_own_question(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop004-delivery-incident-arrived")
    for question in library.sops[SOP].questions:
        assert answer(instance.customer, question.text)[0] == question.id, question.id
        assert answer(instance.customer, question.text_en)[0] == question.id, question.id


@pytest.mark.parametrize("case_id", FULL)
def test_the_keys_ticket_is_accepted_by_the_desk(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(library, mem_engine, case_id)
    action = [s for s in instance.key["steps"] if s["kind"] == "action"]
    if not action:
        assert instance.key["expected"]["ticket"] is None
        return
    body = action[0]["request"]["json"]
    form = checked_form(body)
    assert form["kip"] == instance.key["expected"]["ticket"]["kip"]
    assert form["escalation"] == instance.key["expected"]["escalation"]
    assert form["fields"] == body["fields"]


def test_the_call_back_window_follows_the_order_time() -> None:
    evening = datetime(2026, 10, 14, 20, 30, tzinfo=f.WIB)
    assert times.callback_window_open(evening, datetime(2026, 10, 15, 19, 59, tzinfo=f.WIB))
    assert not times.callback_window_open(evening, datetime(2026, 10, 15, 20, 0, tzinfo=f.WIB))
    noon = datetime(2026, 10, 14, 12, 0, tzinfo=f.WIB)
    assert not times.callback_window_open(noon, datetime(2026, 10, 14, 13, 0, tzinfo=f.WIB))


def test_the_desks_sop_004_fields_cite_their_mandatory_ticket_lines() -> None:
    lines = (SCENARIOS / "sops" / "source" / "004_5fc22f0a10c60eff.txt").read_text().splitlines()
    words = {
        "incident_date": "Tanggal Kejadian",
        "order_id": "Order ID",
        "complained_package": "Paket/jenis bonus",
        "dsc_upcc_note": "DSC-UPCC",
        "resi": "No. Resi",
        "failure_note": "Keterangan gagal",
        "payment_proof": "bukti pembayaran",
        "error_capture": "Capture Gagal",
    }
    for field, word in words.items():
        ref = CATALOG.fields[field].ref
        assert word in lines[int(ref.split(":")[1]) - 1], (field, ref)
