"""SOP 000 cases: every branch covered, the tools show what the key says (that every key
replays to 100 down its claimed branches is tests/scenarios/test_cases.py's, for all SOPs)."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from gladi.errors import NotFound
from gladi.world import AccountManager
from mocks.am.queries import lookup_am
from mocks.epayment.queries import inquiry
from mocks.ncx import queries as ncx
from mocks.scope import Scope
from mocks.tickets.validation import checked_form
from mocks.tos.queries import invoice_report
from scenarios import engine
from scenarios.instantiate import Instance
from scenarios.library import Library
from tests.scenarios.test_sop_000_support import SOP, case_ids, make, sop000_library

CASES = case_ids("case")
DRILLS = case_ids("drill")
SEEDS = [0, 1, 2]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """SOP 000 and its cases alone."""
    return sop000_library(Path(tmp_path_factory.mktemp("sop000")))


def test_every_branch_has_a_case_and_there_are_drills(lib: Library) -> None:
    table = engine.coverage(lib)[SOP]
    assert len(table) >= 16 and all(table.values()), [b for b, c in table.items() if not c]
    assert len(DRILLS) >= 2


def _written(lib: Library, db: Engine, case_id: str, seed: int) -> tuple[Instance, Scope]:
    instance = make(lib, db, case_id, seed, episode_id=f"ep-{case_id}-{seed}")
    with db.begin() as conn:
        engine.write_instance(conn, instance)
    return instance, Scope(episode_id=instance.episode_id, now=instance.sim_now)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("case_id", CASES)
def test_the_tools_show_the_facts_the_key_relies_on(
    lib: Library, mem_engine: Engine, case_id: str, seed: int
) -> None:
    instance, scope = _written(lib, mem_engine, case_id, seed)
    facts, who = instance.facts, instance.customer["summary"]["identifiers"]
    expected = instance.key["expected"]["facts"]
    with mem_engine.connect() as conn:
        detail = ncx.asset_detail(conn, scope, sid=who["sid"])
        assert (detail.ncx_status, detail.product) == (facts["ncx_status"], facts["product"])
        assert detail.account_number == expected["account_number"]
        if facts["ncx_status"] == "In Progress":
            assert detail.status_reason == facts["in_progress_reason"]
        cabasa = ncx.sales_order_cabasa(conn, scope, ao=who["ao"])
        assert cabasa.billing_account == detail.account_number
        assert ncx.sales_order_detail(conn, scope, ao=who["ao"]).sid == who["sid"]
        found = ncx.search_assets(conn, scope, company=who["company"])
        assert {r.account_number for r in found.items} == {detail.account_number}
        assert [r.sid for r in found.items if r.product == facts["product"]] == [who["sid"]]
        am = lookup_am(conn, scope, sid=who["sid"]).items[0]
        assert am.account_number == detail.account_number
        if "am_name" in expected:
            assert am.am_name == expected["am_name"]
        _billing(conn, scope, instance, detail.account_number)


def _billing(conn: object, scope: Scope, instance: Instance, account: str) -> None:
    facts, expected = instance.facts, instance.key["expected"]["facts"]
    period = instance.key["steps"][
        [s["id"] for s in instance.key["steps"]].index("lookup:tos_invoice")
    ]["request"]["params"]["period"]
    asker = {"nama_penanya": "Budi", "alamat_penanya": "Jakarta", "telepon_penanya": "0812345678"}
    if not facts["invoice_shown"]:
        with pytest.raises(NotFound):
            invoice_report(conn, scope, account=account, period=period)  # type: ignore[arg-type]
        with pytest.raises(NotFound):
            inquiry(conn, scope, nomor=account, **asker)  # type: ignore[arg-type]
        return
    report = invoice_report(conn, scope, account=account, period=period)  # type: ignore[arg-type]
    lines = [line for group in report.groups for line in group.lines]
    sid = instance.customer["summary"]["identifiers"]["sid"]
    assert [line.amount for line in lines if line.sid == sid] == [expected["sid_amount"]]
    assert (report.line_count > 1) is facts["multi_sid"]
    bills = inquiry(conn, scope, nomor=account, **asker)  # type: ignore[arg-type]
    assert bills.items[0].period == period and bills.items[0].amount == report.total
    if not facts["multi_sid"]:
        assert bills.items[0].status == expected["sid_bill_status"]


@pytest.mark.parametrize("case_id", [c for c in CASES if "seat-management" in c])
def test_the_nn_ticket_of_the_key_is_accepted_by_the_desk(
    lib: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make(lib, mem_engine, case_id)
    body = next(s for s in instance.key["steps"] if s["kind"] == "action")["request"]["json"]
    form = checked_form(body)
    assert form["ticket_type"] == "NN" and form["kip"] == "nn-imes-seat-management"
    assert form["number"] == instance.customer["summary"]["identifiers"]["serial_number"]


def test_rows_link_to_the_ids_the_database_gives(lib: Library, mem_engine: Engine) -> None:
    instance, scope = _written(lib, mem_engine, "sop000-ao-multi-sid", 4)
    assert str(instance.rows["enterprise_account"][0]["am_id"]).startswith("@new:")
    with mem_engine.connect() as conn:
        am_ids = conn.execute(
            select(AccountManager.__table__.c.id).where(
                AccountManager.__table__.c.episode_id == instance.episode_id
            )
        ).all()
        sid = instance.customer["summary"]["identifiers"]["sid"]
        assert len(am_ids) == 1
        assert (
            lookup_am(conn, scope, sid=sid).items[0].am_name
            == instance.key["expected"]["facts"]["am_name"]
        )


def test_the_brief_lists_every_fact_a_case_may_report(lib: Library, mem_engine: Engine) -> None:
    single = make(lib, mem_engine, "sop000-sid-active-single").brief["report_facts"]
    multi = make(lib, mem_engine, "sop000-ao-multi-sid").brief["report_facts"]
    assert single == multi and "sid_bill_status" in single and "am_name" in single
    drill = make(lib, mem_engine, "sop000-drill-cabasa").brief["report_facts"]
    assert drill == ["account_number"]


def test_a_customer_answers_only_what_is_asked(lib: Library, mem_engine: Engine) -> None:
    instance = make(lib, mem_engine, "sop000-neither-suspended-eos", persona="cooperative")
    who = instance.customer["summary"]["identifiers"]
    qid, text = engine.answer(instance.customer, "Apa nama perusahaan Bapak?")
    assert qid == "company" and who["company"] in text and who["sid"] not in text
    qid, text = engine.answer(instance.customer, "Berapa SID layanannya?")
    assert qid == "sid" and who["sid"] not in text
    qid, text = engine.answer(instance.customer, "Sudah coba hubungi AM Bapak?")
    assert qid == "am_contact" and "tidak direspon" in text
    assert engine.answer(instance.customer, "What is your company's address?")[0] == "address"
