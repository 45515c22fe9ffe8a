"""The seeded fake world: SQLModel tables for every record the SOPs look up.

Every world table has `episode_id`: NULL for the shared background world, or the id of the
episode whose instantiated customer (or created ticket) the row belongs to. Tools show a caller
the background world plus the rows of the episode named in its `X-Gladi-Episode` header.
"""

from gladi.world.enterprise import (
    AccountManager,
    EnterpriseAccount,
    EnterpriseService,
    Invoice,
    InvoiceLine,
    SalesOrder,
)
from gladi.world.indihome import IndihomeCustomer, OttSubscription, OttTransaction
from gladi.world.mobile import (
    CallDetail,
    FaPayment,
    HlrService,
    Recharge,
    Subscriber,
    Voucher,
)
from gladi.world.orders import GolOrder
from gladi.world.payments import PaymentBill, PaymentBillLine
from gladi.world.support import Interaction, OutageNotice, Ticket, WorldInfo

WORLD_TABLES = [
    WorldInfo,
    AccountManager,
    EnterpriseAccount,
    EnterpriseService,
    SalesOrder,
    Invoice,
    InvoiceLine,
    PaymentBill,
    PaymentBillLine,
    Subscriber,
    FaPayment,
    HlrService,
    Recharge,
    Voucher,
    CallDetail,
    IndihomeCustomer,
    OttSubscription,
    OttTransaction,
    GolOrder,
    OutageNotice,
    Interaction,
    Ticket,
]

__all__ = [t.__name__ for t in WORLD_TABLES] + ["WORLD_TABLES"]
