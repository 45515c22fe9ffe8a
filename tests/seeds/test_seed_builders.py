"""Builders honour forced facts, keep related fields consistent and return insertable rows."""

from datetime import timedelta
from random import Random

import pytest
from sqlalchemy import Engine, select

from gladi import formats
from gladi.formats import WORLD_NOW, to_wib
from seeds import builders, vocab
from seeds.loader import TABLES
from seeds.pools import Pools, build_pools


@pytest.fixture(scope="module")
def pools() -> Pools:
    return build_pools(3, size=200)


@pytest.fixture
def rng() -> Random:
    return Random(99)


def test_forced_subscriber_facts_are_kept(rng: Random, pools: Pools) -> None:
    sub = builders.build_subscriber(rng, pools, dsc_status=vocab.VOLUNTARY_BLOCK,
                                    brand="KartuHalo")
    assert (sub["dsc_status"], sub["brand"]) == (vocab.VOLUNTARY_BLOCK, "KartuHalo")
    assert sub["balance"] == 0
    assert formats.MSISDN_RE.match(sub["msisdn"]) and len(sub["imei"]) == 15
    aging = builders.build_subscriber(rng, pools, brand="simPATI", dsc_status=vocab.AGING)
    assert aging["aging_days"] > 0
    assert builders.build_subscriber(rng, pools, dsc_status=vocab.ACTIVE)["aging_days"] == 0


def test_overrides_set_columns_and_unknown_columns_are_refused(rng: Random, pools: Pools) -> None:
    sub = builders.build_subscriber(rng, pools, msisdn="081234567890", episode_id="ep-1")
    assert (sub["msisdn"], sub["episode_id"]) == ("081234567890", "ep-1")
    with pytest.raises(TypeError, match="no column"):
        builders.build_subscriber(rng, pools, msisdn_typo="0812")


def test_hlr_follows_the_status_or_the_forced_blocks(rng: Random, pools: Pools) -> None:
    rows = builders.build_hlr(rng, pools, msisdn="081234567890", dsc_status=vocab.VOLUNTARY_BLOCK)
    assert [r["service"] for r in rows] == ["VOICE", "SMS", "DATA"]
    assert {(r["state"], r["block_reason"]) for r in rows} == {("Blocked", "Customer Request")}
    forced = builders.build_hlr(rng, pools, msisdn="0812", dsc_status=vocab.OOC_TRIAL,
                                blocks={"DATA": "HUM"})
    assert [(r["state"], r["block_reason"]) for r in forced] == [
        ("Active", None), ("Active", None), ("Blocked", "HUM")]


def test_fintech_app_recharge_has_a_serial_and_no_transaction_id(rng: Random, pools: Pools) -> None:
    row = builders.build_recharge(rng, pools, msisdn="081234567890", channel_kind="fintech_app",
                                  balance_added=False)
    assert row["channel_kind"] == "fintech_app" and row["channel"] in ("Tokopedia", "Shopee",
                                                                     "Bukalapak", "DANA")
    assert formats.VOUCHER_SERIAL_RE.match(row["serial"]) and row["transaction_id"] is None
    assert (row["indira_status"], row["balance_added"]) == ("Sukses", False)
    voucher = builders.build_voucher(rng, pools, recharge=row, servo_status="Not Used")
    assert (voucher["serial"], voucher["used_by_msisdn"], voucher["used_at"]) == (
        row["serial"], None, None)


def test_mytelkomsel_fintech_recharge_has_a_transaction_id_and_no_voucher(
    rng: Random, pools: Pools
) -> None:
    row = builders.build_recharge(rng, pools, msisdn="0812", channel="GoPay (MyTelkomsel)")
    assert row["serial"] is None and formats.MYTSEL_TRX_RE.match(row["transaction_id"])
    assert row["transaction_id"][3:17] == to_wib(row["recharged_at"]).strftime("%Y%m%d%H%M%S")
    with pytest.raises(ValueError, match="no voucher serial"):
        builders.build_voucher(rng, pools, recharge=row)


def test_credited_voucher_is_used_by_the_number_right_after_the_recharge(
    rng: Random, pools: Pools
) -> None:
    row = builders.build_recharge(rng, pools, msisdn="081299990000", channel="Indomaret",
                                  balance_added=True)
    voucher = builders.build_voucher(rng, pools, recharge=row)
    assert (voucher["servo_status"], voucher["used_by_msisdn"]) == ("Used", "081299990000")
    assert timedelta(0) < voucher["used_at"] - row["recharged_at"] < timedelta(minutes=2)


def test_call_details_run_the_balance_through_usage_and_recharges(
    rng: Random, pools: Pools
) -> None:
    recharges = [builders.build_recharge(rng, pools, msisdn="0812", balance_added=True)
                 for _ in range(3)]
    rows, final = builders.build_call_details(rng, pools, msisdn="0812", prepaid=True,
                                              recharges=recharges, start_balance=20_000, count=30)
    balance = 20_000
    for row in rows:
        balance -= row["charge"]
        assert row["balance_after"] == balance >= 0
    assert final == balance
    assert sum(r["kind"] == "RECHARGE" for r in rows) == 3
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)


def test_invoice_total_is_the_sum_of_lines_in_product_group_order(
    rng: Random, pools: Pools
) -> None:
    services = [builders.build_service(rng, pools, account_number="4861675", product=product)
                for product in ("METRO", "ASTINET", "Device Services", "VPN IP")]
    invoice, lines = builders.build_invoice(rng, pools, account_number="4861675", period="202609",
                                            services=services, id=7)
    assert invoice["total"] == sum(line["amount"] for line in lines)
    assert [line["product_group"] for line in lines] == [
        "ASTINET - MONTHLY RECURRING CHARGES", "Device Services - Monthly Recurring Charges",
        "TELKOM VPN IP - MONTHLY RECURRING CHARGES", "TELKOM METRO -MONTHLY RECCURRING CHARGES"]
    assert {line["invoice_id"] for line in lines} == {7}
    bill, bill_lines = builders.build_account_bill(rng, pools, invoice=invoice, lines=lines,
                                                   paid=False, id=3)
    assert (bill["amount"], bill["unpaid"], bill["status"]) == (invoice["total"],) * 2 + (
        "Belum Lunas",)
    assert sum(line["amount"] for line in bill_lines) == bill["amount"]


def test_imes_and_device_services_carry_a_device_and_serial(rng: Random, pools: Pools) -> None:
    for product in ("IMES Seat Management", "IMES Radio", "Device Services"):
        service = builders.build_service(rng, pools, account_number="4937188", product=product)
        assert service["device"] and service["serial_number"]
    seat = builders.build_service(rng, pools, account_number="1", product="IMES Seat Management")
    assert seat["bandwidth_mbps"] is None
    link = builders.build_service(rng, pools, account_number="1", product="ASTINET")
    assert link["bandwidth_mbps"] in vocab.BANDWIDTHS["ASTINET"] and link["device"] is None


def test_in_progress_service_story_ends_with_the_matching_order(rng: Random, pools: Pools) -> None:
    account = builders.build_account(rng, pools, am_id=1)
    for reason, last in (("pending BASO", ("New Install", "Pending BASO")),
                         ("delete order", ("Disconnect", "In Progress"))):
        service = builders.build_service(rng, pools, account_number=account["account_number"],
                                         ncx_status="In Progress", status_reason=reason)
        orders = builders.build_sales_orders(rng, pools, service=service, account=account)
        assert (orders[-1]["order_type"], orders[-1]["status"]) == last
        assert {o["billing_account"] for o in orders} == {account["account_number"]}


def test_indihome_bill_has_internet_content_only_with_ott_charges(
    rng: Random, pools: Pools
) -> None:
    customer = builders.build_indihome_customer(rng, pools, product="Telkom Link ADSL")
    _, lines = builders.build_indihome_bill(rng, pools, customer=customer, period="202203",
                                            content=29000, paid=False)
    assert [(l["service"], l["amount"]) for l in lines][:2] == [  # noqa: E741
        ("INTERNET CONTENT", 29000), ("ABONEMEN", 425000)]
    _, plain = builders.build_indihome_bill(rng, pools, customer=customer, period="202203")
    assert [line["service"] for line in plain] == ["ABONEMEN", "PPN UNSUR KENA PAJAK", "METERAI"]


def test_active_ott_subscription_is_charged_every_month_until_now(
    rng: Random, pools: Pools
) -> None:
    customer = builders.build_indihome_customer(rng, pools)
    start = WORLD_NOW - timedelta(days=100)
    sub, charges = builders.build_ott_subscription(rng, pools, customer=customer,
                                                   service="799 - Disney", status="Active",
                                                   start_time=start)
    assert sub["partner_ref_no"] == f"disact-{to_wib(start):%Y%m%d%H%M%S}-" + customer[
        "indihome_number"]
    assert (sub["item"], sub["price"], sub["end_time"]) == ("Telkom.Premium.Monthly", 29000, None)
    assert charges[0]["trx_time"] == start and sub["last_charge"] == charges[-1]["trx_time"]
    assert len(charges) == 4  # the purchase and three renewals on the 1st (WIB)
    assert all(to_wib(c["trx_time"]).day == 1 for c in charges[1:])
    content = builders.internet_content(charges)
    assert sum(content.values()) == 4 * 29000


def test_inactive_ott_subscription_ends_after_its_last_charge(rng: Random, pools: Pools) -> None:
    customer = builders.build_indihome_customer(rng, pools)
    for _ in range(20):
        sub, charges = builders.build_ott_subscription(rng, pools, customer=customer,
                                                       status="Inactive")
        assert sub["last_charge"] == charges[-1]["trx_time"] < sub["end_time"] <= WORLD_NOW


@pytest.mark.parametrize("status", vocab.GOL_STATUSES)
def test_gol_order_facts_fit_the_status(rng: Random, pools: Pools, status: str) -> None:
    for _ in range(10):
        order = builders.build_gol_order(rng, pools, status=status)
        assert formats.GOL_ORDER_RE.match(order["order_id"])
        assert order["ordered_at"] <= order["status_at"] <= WORLD_NOW
        assert (order["resi"] is not None) == (status in vocab.SHIPPED_STATUSES)
        assert order["courier"] in vocab.COURIERS[order["delivery_type"]]
    if status == "Pending Verification":
        assert (order["order_type"], order["payment_status"]) == ("Ganti Kartu", "Unpaid")
    if status == "Cancelled SLA":
        assert order["status_at"] - order["ordered_at"] == timedelta(hours=24)


def test_late_gol_order_is_placed_after_eight_pm_wib(rng: Random, pools: Pools) -> None:
    for status in vocab.GOL_STATUSES:  # (an instant order a few hours old cannot be late)
        order = builders.build_gol_order(rng, pools, status=status, late=True,
                                         delivery_type="Reguler")
        assert to_wib(order["ordered_at"]).hour >= 20


def test_builder_rows_insert_as_they_are(empty_seed_db: Engine, rng: Random, pools: Pools) -> None:
    sub = builders.build_subscriber(rng, pools, episode_id="ep-9")
    hlr = builders.build_hlr(rng, pools, msisdn=sub["msisdn"], dsc_status=sub["dsc_status"],
                             episode_id="ep-9")
    order = builders.build_gol_order(rng, pools, episode_id="ep-9")
    with empty_seed_db.begin() as conn:
        conn.execute(TABLES["subscriber"].insert(), [sub])
        conn.execute(TABLES["hlr_service"].insert(), hlr)
        conn.execute(TABLES["gol_order"].insert(), [order])
    with empty_seed_db.connect() as conn:
        stored = conn.execute(select(TABLES["subscriber"])).mappings().one()
        assert stored["msisdn"] == sub["msisdn"] and stored["episode_id"] == "ep-9"
        assert stored["activation_date"] == sub["activation_date"]
        assert len(conn.execute(select(TABLES["hlr_service"])).all()) == 3
