"""Pure row builders, one module per domain.

Every builder takes a `random.Random`, the run's `Pools` and keyword overrides, and returns
plain dicts (column -> value) ready for `conn.execute(Table.insert(), rows)`. They never touch
the database, the clock or Faker, so the scenario engine can build one case customer with
forced facts from the same code as the background world. See seeds/README.md.
"""

from seeds.builders.enterprise import (
    build_account,
    build_account_manager,
    build_invoice,
    build_sales_orders,
    build_service,
)
from seeds.builders.indihome import build_indihome_customer, build_ott_subscription
from seeds.builders.mobile import build_fa_payment, build_hlr, build_subscriber
from seeds.builders.orders import build_gol_order
from seeds.builders.payments import build_account_bill, build_indihome_bill, internet_content
from seeds.builders.recharge import build_call_details, build_recharge, build_voucher
from seeds.builders.support import build_interaction, build_outage, build_ticket

__all__ = [
    "build_account",
    "build_account_bill",
    "build_account_manager",
    "build_call_details",
    "build_fa_payment",
    "build_gol_order",
    "build_hlr",
    "build_indihome_bill",
    "build_indihome_customer",
    "build_interaction",
    "build_invoice",
    "build_ott_subscription",
    "build_outage",
    "build_recharge",
    "build_sales_orders",
    "build_service",
    "build_subscriber",
    "build_ticket",
    "build_voucher",
    "internet_content",
]
