"""Every SOP branch is in the small world by construction, whatever the seed."""

import pytest

from gladi.formats import WORLD_NOW, to_wib
from seeds import vocab
from tests.seeds.seed_worlds import World, generated


def distinct(world: World, table: str, column: str) -> set[object]:
    return {row[column] for row in world[table]}


@pytest.fixture(scope="module", params=[1, 2, 3, 2026])
def world(request: pytest.FixtureRequest) -> World:
    return generated(request.param)


def test_statuses(world: World) -> None:
    assert distinct(world, "enterprise_service", "ncx_status") == set(vocab.NCX_STATUSES)
    assert distinct(world, "enterprise_service", "product") == set(vocab.PRODUCTS)
    assert distinct(world, "subscriber", "dsc_status") == set(vocab.DSC_STATUSES)
    assert distinct(world, "subscriber", "brand") == set(vocab.BRANDS)
    assert distinct(world, "gol_order", "status") == set(vocab.GOL_STATUSES)
    assert distinct(world, "gol_order", "payment_status") == set(vocab.GOL_PAYMENT_STATES)
    assert distinct(world, "ott_subscription", "status") == set(vocab.OTT_STATUSES)
    assert distinct(world, "outage_notice", "service") == set(vocab.OUTAGE_SERVICES)
    for kind in ("account", "indihome"):
        bills = {b["status"] for b in world["payment_bill"] if b["number_kind"] == kind}
        assert bills == set(vocab.PAYMENT_STATUSES)


def test_branch_facts(world: World) -> None:
    reasons = {s["status_reason"] for s in world["enterprise_service"]}
    assert set(vocab.IN_PROGRESS_REASONS) <= reasons
    assert {"HUM", "Collection", "Fraud", "Customer Request"} <= distinct(
        world, "hlr_service", "block_reason")
    ledger = {(p["posted_to_ledger"], p["notification_sent"]) for p in world["fa_payment"]}
    assert len(ledger) == 4
    assert distinct(world, "recharge", "channel") == {c.name for c in vocab.RECHARGE_CHANNELS}
    assert distinct(world, "recharge", "indira_status") == set(vocab.INDIRA_STATUSES)
    assert ("Sukses", True, False) in {
        (r["indira_status"], r["shown_in_dsc"], r["balance_added"]) for r in world["recharge"]}
    assert distinct(world, "voucher", "servo_status") == set(vocab.SERVO_STATUSES)
    assert any(to_wib(o["ordered_at"]).hour >= 20 for o in world["gol_order"])
    assert any(o["started_at"] <= WORLD_NOW < o["expected_end"] for o in world["outage_notice"])


def test_past_tickets_of_every_sop(world: World) -> None:
    kips = distinct(world, "ticket", "kip")
    assert {vocab.KIP_K22, vocab.KIP_IMES, vocab.KIP_OTT, vocab.KIP_K84_DELIVERY,
            vocab.KIP_K92_PAYMENT} <= kips
    assert kips & {vocab.KIP_K44_LEDGER, vocab.KIP_K44_NOT_LEDGER}
    assert distinct(world, "ticket", "ticket_type") == {"IN", "NN"}


def test_world_size_is_small(world: World) -> None:
    assert 2000 < sum(len(rows) for rows in world.values()) < 20000
