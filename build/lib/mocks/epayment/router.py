"""E-Payment / I-Payment routes: HTTP in, query out; nothing else."""

from mocks.context import ToolCtx
from mocks.epayment import queries
from mocks.epayment.models import EpaymentInquiry
from mocks.errors import ERROR_RESPONSES
from mocks.params import AskerAddressQuery, AskerNameQuery, EpaymentNumberQuery, PhoneQuery
from mocks.routing import ToolRouter

router = ToolRouter(prefix="/epayment", tags=["epayment"], responses=ERROR_RESPONSES)


@router.get("/inquiry", name="epayment.inquiry")
async def inquire_bills(
    ctx: ToolCtx,
    nomor: EpaymentNumberQuery,
    nama_penanya: AskerNameQuery,
    alamat_penanya: AskerAddressQuery,
    telepon_penanya: PhoneQuery,
) -> EpaymentInquiry:
    """Inquiry tagihan: bills of a jastel, account or IndiHome number, newest period first.

    Like the real form, the asker's name, address and phone number are required.
    """
    return ctx.run(
        queries.inquiry,
        detail=lambda result: {"kind": queries.number_kind(nomor), "rows": result.count},
        nomor=nomor,
        nama_penanya=nama_penanya,
        alamat_penanya=alamat_penanya,
        telepon_penanya=telepon_penanya,
    )
