"""The small world: identifier shapes, every SOP branch present, totals that add up."""

import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from gladi import formats
from gladi.formats import WORLD_NOW, period_of, previous_period, to_wib
from seeds import vocab
from seeds.providers import TelecomProvider
from seeds.world import SeedResult
from tests.seeds.seed_worlds import SEED, World

LATEST = previous_period(period_of(WORLD_NOW))

SHAPES: dict[tuple[str, str], re.Pattern[str]] = {
    ("enterprise_service", "sid"): formats.SID_RE,
    ("invoice_line", "sid"): formats.SID_RE,
    ("sales_order", "sid"): formats.SID_RE,
    ("sales_order", "ao"): formats.AO_RE,
    ("sales_order", "billing_account"): formats.ACCOUNT_RE,
    ("enterprise_account", "account_number"): formats.ACCOUNT_RE,
    ("enterprise_account", "npwp"): formats.NPWP_RE,
    ("enterprise_account", "cidnas"): re.compile(r"^\d{8}$"),
    ("enterprise_account", "pic_phone"): formats.MSISDN_RE,
    ("enterprise_account", "company"): re.compile(r"^PT \S"),
    ("account_manager", "phone"): formats.MSISDN_RE,
    ("account_manager", "eos_phone"): formats.MSISDN_RE,
    ("invoice", "invoice_number"): formats.INVOICE_RE,
    ("invoice", "period"): formats.PERIOD_RE,
    ("payment_bill", "period"): formats.PERIOD_RE,
    ("subscriber", "msisdn"): formats.MSISDN_RE,
    ("subscriber", "alt_contact"): formats.MSISDN_RE,
    ("subscriber", "email"): formats.EMAIL_RE,
    ("subscriber", "imei"): re.compile(r"^\d{15}$"),
    ("hlr_service", "msisdn"): formats.MSISDN_RE,
    ("fa_payment", "msisdn"): formats.MSISDN_RE,
    ("recharge", "msisdn"): formats.MSISDN_RE,
    ("recharge", "serial"): formats.VOUCHER_SERIAL_RE,
    ("recharge", "transaction_id"): formats.MYTSEL_TRX_RE,
    ("voucher", "serial"): formats.VOUCHER_SERIAL_RE,
    ("voucher", "used_by_msisdn"): formats.MSISDN_RE,
    ("call_detail", "msisdn"): formats.MSISDN_RE,
    ("indihome_customer", "indihome_number"): formats.INDIHOME_RE,
    ("indihome_customer", "pots_phone"): formats.POTS_RE,
    ("indihome_customer", "group_id"): re.compile(r"^\d{11} \(TSI\)$"),
    ("ott_subscription", "partner_ref_no"): re.compile(r"^disact-\d{14}-1\d{11}$"),
    ("ott_transaction", "trx_id"): re.compile(r"^stbupoint[0-9a-f]{32}$"),
    ("ott_transaction", "indihome_number"): formats.INDIHOME_RE,
    ("gol_order", "order_id"): formats.GOL_ORDER_RE,
    ("gol_order", "msisdn"): formats.MSISDN_RE,
    ("gol_order", "email"): formats.EMAIL_RE,
    ("ticket", "ticket_id"): formats.TICKET_RE,
}
UNIQUE = [
    ("subscriber", "msisdn"), ("enterprise_service", "sid"), ("enterprise_account",
    "account_number"), ("sales_order", "ao"), ("invoice", "invoice_number"), ("recharge", "serial"),
    ("voucher", "serial"), ("recharge", "transaction_id"), ("indihome_customer", "indihome_number"),
    ("indihome_customer", "pots_phone"), ("gol_order", "order_id"), ("ticket", "ticket_id"),
    ("ott_transaction", "trx_id"),
]


def values(world: World, table: str, column: str) -> set[Any]:
    return {row[column] for row in world[table]}


@pytest.mark.parametrize(("table", "column"), list(SHAPES))
def test_identifiers_match_their_formats(world: World, table: str, column: str) -> None:
    pattern = SHAPES[(table, column)]
    present = [row[column] for row in world[table] if row[column] is not None]
    assert present, f"no {table}.{column} in the small world"
    assert [v for v in present if not pattern.match(v)] == []


@pytest.mark.parametrize(("table", "column"), UNIQUE)
def test_identifiers_are_unique(world: World, table: str, column: str) -> None:
    present = [row[column] for row in world[table] if row[column] is not None]
    assert len(present) == len(set(present))


def test_world_info_and_row_counts(world: World, small_file: tuple[Path, SeedResult]) -> None:
    (info,) = world["world_info"]
    assert (info["id"], info["seed"], info["scale"], info["world_now"]) == (1, SEED, "small",
                                                                             WORLD_NOW)
    assert info["rows"] == sum(len(rows) for rows in world.values()) == small_file[1].rows
    assert 2000 < info["rows"] < 20000


def test_background_rows_have_no_episode_and_ids_count_from_one(world: World) -> None:
    for table, rows in world.items():
        assert [row["id"] for row in rows] == list(range(1, len(rows) + 1)), table
        if table != "world_info":
            assert {row["episode_id"] for row in rows} == {None}, table


def test_every_moment_is_aware_and_not_after_world_now(world: World) -> None:
    future_ok = {("outage_notice", "expected_end")}
    for table, rows in world.items():
        for row in rows:
            for column, value in row.items():
                if isinstance(value, datetime):
                    assert value.tzinfo is not None
                    assert value <= WORLD_NOW or (table, column) in future_ok, (table, column)


def test_enterprise_covers_every_product_status_and_account_shape(world: World) -> None:
    services = world["enterprise_service"]
    assert values(world, "enterprise_service", "product") == set(vocab.PRODUCTS)
    assert values(world, "enterprise_service", "ncx_status") == set(vocab.NCX_STATUSES)
    reasons = {s["status_reason"] for s in services if s["ncx_status"] == "In Progress"}
    assert reasons == set(vocab.IN_PROGRESS_REASONS)
    per_account = Counter(s["account_number"] for s in services)
    assert 1 in per_account.values() and max(per_account.values()) >= 10
    for service in services:
        has_device = service["product"] in vocab.DEVICES
        assert bool(service["serial_number"]) == bool(service["device"]) == has_device
        assert (service["bandwidth_mbps"] is None) == (service["product"] in vocab.DEVICE_PRODUCTS)


def test_sales_orders_point_at_the_account_of_their_sid(world: World) -> None:
    account_of = {s["sid"]: s["account_number"] for s in world["enterprise_service"]}
    assert {o["sid"] for o in world["sales_order"]} == set(account_of)
    assert all(o["billing_account"] == account_of[o["sid"]] for o in world["sales_order"])


def test_invoices_add_up_and_some_account_has_no_latest_invoice(world: World) -> None:
    lines = defaultdict(list)
    for line in world["invoice_line"]:
        lines[line["invoice_id"]].append(line)
    for invoice in world["invoice"]:
        mine = lines[invoice["id"]]
        assert mine and invoice["total"] == sum(line["amount"] for line in mine)
        assert {line["period"] for line in mine} == {invoice["period"]}
    assert max(values(world, "invoice", "period")) == LATEST
    latest = {i["account_number"] for i in world["invoice"] if i["period"] == LATEST}
    assert values(world, "enterprise_account", "account_number") - latest


def test_payment_bills_add_up_and_match_invoices(world: World) -> None:
    lines = defaultdict(list)
    for line in world["payment_bill_line"]:
        lines[line["bill_id"]].append(line)
    totals = {(i["account_number"], i["period"]): i["total"] for i in world["invoice"]}
    for bill in world["payment_bill"]:
        assert bill["amount"] == sum(line["amount"] for line in lines[bill["id"]])
        assert bill["unpaid"] == (0 if bill["status"] == "Lunas" else bill["amount"])
        assert (bill["paid_at"] is None) == (bill["status"] == "Belum Lunas")
        if bill["number_kind"] == "account":
            assert bill["amount"] == totals[(bill["number"], bill["period"])]
    for kind in ("account", "indihome"):
        statuses = {b["status"] for b in world["payment_bill"] if b["number_kind"] == kind}
        assert statuses == set(vocab.PAYMENT_STATUSES), kind


def test_internet_content_equals_the_ott_charges_of_the_period(world: World) -> None:
    charges: Counter[tuple[str, str]] = Counter()
    for trx in world["ott_transaction"]:
        charges[(trx["indihome_number"], period_of(trx["trx_time"]))] += trx["price"]
    content = {
        bill["id"]: (bill["number"], bill["period"])
        for bill in world["payment_bill"] if bill["number_kind"] == "indihome"
    }
    seen = {}
    for line in world["payment_bill_line"]:
        if line["bill_id"] in content and line["service"] == "INTERNET CONTENT":
            seen[content[line["bill_id"]]] = line["amount"]
    billed = {key: total for key, total in charges.items() if key in set(content.values())}
    assert seen == billed and seen


def test_indihome_customers_with_none_one_and_several_ott(world: World) -> None:
    counts = Counter(s["indihome_number"] for s in world["ott_subscription"])
    numbers = values(world, "indihome_customer", "indihome_number")
    assert numbers - set(counts) and 1 in counts.values() and max(counts.values()) >= 2
    services = {offer.service for offer in vocab.OTT_OFFERS}
    assert values(world, "ott_subscription", "service") == services
    assert values(world, "ott_subscription", "status") == set(vocab.OTT_STATUSES)
    assert values(world, "ott_subscription", "channel") == set(vocab.OTT_CHANNELS)


def test_mobile_covers_every_status_brand_class_and_block(world: World) -> None:
    assert values(world, "subscriber", "dsc_status") == set(vocab.DSC_STATUSES)
    assert values(world, "subscriber", "brand") == set(vocab.BRANDS)
    assert values(world, "subscriber", "customer_class") == set(vocab.CLASSES)
    reasons = values(world, "hlr_service", "block_reason") - {None}
    assert {"HUM", "Collection", "Fraud", "Customer Request"} <= reasons
    for sub in world["subscriber"]:
        assert (sub["aging_days"] > 0) == (sub["dsc_status"] == vocab.AGING)
        if sub["brand"] == vocab.POSTPAID_BRAND:
            assert sub["balance"] == 0
    hlr = Counter(row["msisdn"] for row in world["hlr_service"])
    assert set(hlr.values()) == {3} and set(hlr) == values(world, "subscriber", "msisdn")


def test_fa_payments_spread_over_ledger_and_notification(world: World) -> None:
    combos = {(p["posted_to_ledger"], p["notification_sent"]) for p in world["fa_payment"]}
    assert combos == {(True, True), (True, False), (False, True), (False, False)}
    postpaid = {s["msisdn"] for s in world["subscriber"] if s["brand"] == vocab.POSTPAID_BRAND}
    assert values(world, "fa_payment", "msisdn") <= postpaid


def test_recharges_cover_every_channel_and_outcome(world: World) -> None:
    recharges = world["recharge"]
    assert values(world, "recharge", "channel") == {c.name for c in vocab.RECHARGE_CHANNELS}
    assert values(world, "recharge", "indira_status") == set(vocab.INDIRA_STATUSES)
    outcomes = {(r["indira_status"], r["shown_in_dsc"], r["balance_added"]) for r in recharges}
    assert {("Sukses", True, True), ("Sukses", True, False), ("Sukses", False, False)} <= outcomes
    for row in recharges:
        in_app = row["channel_kind"] == vocab.FINTECH_MYTSEL
        assert (row["serial"] is None) == in_app and (row["transaction_id"] is None) != in_app


def test_every_serial_has_a_voucher_used_exactly_when_credited(world: World) -> None:
    vouchers = {v["serial"]: v for v in world["voucher"]}
    assert set(vouchers) == {r["serial"] for r in world["recharge"] if r["serial"]}
    for row in world["recharge"]:
        if row["serial"]:
            voucher = vouchers[row["serial"]]
            by_caller = voucher["used_by_msisdn"] == row["msisdn"]
            assert (voucher["servo_status"] == "Used" and by_caller) == row["balance_added"]
    assert values(world, "voucher", "servo_status") == set(vocab.SERVO_STATUSES)


def test_prepaid_balance_is_where_the_call_details_end(world: World) -> None:
    last: dict[str, dict[str, Any]] = {}
    for row in world["call_detail"]:
        if row["msisdn"] not in last or row["at"] >= last[row["msisdn"]]["at"]:
            last[row["msisdn"]] = row
    prepaid = [s for s in world["subscriber"] if s["brand"] != vocab.POSTPAID_BRAND]
    checked = [s for s in prepaid if s["msisdn"] in last]
    assert checked and all(last[s["msisdn"]]["balance_after"] == s["balance"] for s in checked)
    assert values(world, "call_detail", "kind") == set(vocab.USAGE_KINDS)


def test_gol_orders_cover_every_status_type_courier_and_payment(world: World) -> None:
    orders = world["gol_order"]
    assert values(world, "gol_order", "status") == set(vocab.GOL_STATUSES)
    assert values(world, "gol_order", "order_type") == set(vocab.GOL_ORDER_TYPES)
    couriers = {courier for group in vocab.COURIERS.values() for courier in group}
    assert values(world, "gol_order", "courier") == couriers
    assert values(world, "gol_order", "payment_method") == set(vocab.GOL_PAYMENT_METHODS)
    assert values(world, "gol_order", "payment_status") == set(vocab.GOL_PAYMENT_STATES)
    assert any(to_wib(o["ordered_at"]).hour >= 20 for o in orders)
    assert all((WORLD_NOW - o["ordered_at"]).days <= 30 for o in orders)
    swaps = [o for o in orders if o["order_type"] == "Ganti Kartu"]
    assert {o["msisdn"] for o in swaps} <= values(world, "subscriber", "msisdn")


def test_outages_cover_every_service_in_subscriber_areas(world: World) -> None:
    outages = world["outage_notice"]
    assert values(world, "outage_notice", "service") == set(vocab.OUTAGE_SERVICES)
    assert any(o["started_at"] <= WORLD_NOW < o["expected_end"] for o in outages)
    cities = {city.name for city in TelecomProvider.cities}
    assert values(world, "outage_notice", "area") <= cities
    assert values(world, "subscriber", "location") <= cities
    assert all(o["area"] in o["standard_answer"] for o in outages)


def test_tickets_carry_the_desks_kip_codes_and_field_ids(world: World) -> None:
    from mocks.tickets.catalog import CATALOG

    kips = values(world, "ticket", "kip")
    assert kips & {vocab.KIP_K44_LEDGER, vocab.KIP_K44_NOT_LEDGER, vocab.KIP_K22}
    assert any(kip.startswith(("k84-", "k92-", "k11-")) for kip in kips)
    for ticket in world["ticket"]:
        assert ticket["ticket_type"] == ticket["ticket_id"][:2]
        assert isinstance(ticket["fields"], dict) and ticket["fields"]
        kip = CATALOG.kip(ticket["kip"])
        if ticket["kip"] != vocab.KIP_OTT:  # the one past complaint no SOP files
            assert kip is not None and kip.ticket_type == ticket["ticket_type"]
            assert set(ticket["fields"]) <= set(CATALOG.fields)
        if ticket["escalation"]:
            assert ticket["escalation"] in {e.code for e in CATALOG.escalations}


def test_dates_are_plain_dates(world: World) -> None:
    assert all(type(s["start_date"]) is date for s in world["enterprise_service"])
    assert all(type(s["activation_date"]) is date for s in world["subscriber"])
