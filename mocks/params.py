"""Validated identifier types for path and query parameters.

Each type carries its pattern (so OpenAPI documents it) and a human description of what is
expected, which the 422 handler repeats when a value does not fit.
"""

import re
from typing import Annotated

from fastapi import Path, Query
from pydantic import BeforeValidator

from gladi import formats as f

EXPECTED: dict[str, str] = {
    f.SID_RE.pattern: "an SID: 9-10 digits or NNNNNNNNN-NNNNNNNNN, e.g. 835221950",
    f.AO_RE.pattern: "an AO (order number): '1-' and 9 digits, e.g. 1-234567890",
    f.ACCOUNT_RE.pattern: "an account number: 7 digits, e.g. 4861675",
    f.PERIOD_RE.pattern: "a bill period YYYYMM, e.g. 202206",
    f.MSISDN_RE.pattern: "an MSISDN with a Telkomsel prefix, e.g. 081321123321 or 6281321123321",
    f.VOUCHER_SERIAL_RE.pattern: "a voucher serial: 25 digits starting 02",
    f.INDIHOME_RE.pattern: "an IndiHome number: 12 digits starting 1, e.g. 121517209330",
    f.GOL_ORDER_RE.pattern: "a GraPARI Online order id: GOL and 12 digits",
    f.TICKET_RE.pattern: "a ticket id: IN or NN and 9 digits",
    f.EMAIL_RE.pattern: "an e-mail address",
}


def expected_for(pattern: str | None) -> str | None:
    """The human description of a pattern, if it is one of ours."""
    return EXPECTED.get(pattern or "")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _msisdn(value: object) -> object:
    return f.normalize_msisdn(value) if isinstance(value, str) else value


def _email(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _path(regex: re.Pattern[str], what: str) -> object:
    return Path(pattern=regex.pattern, description=EXPECTED[regex.pattern], title=what)


def _query(regex: re.Pattern[str], what: str) -> object:
    return Query(pattern=regex.pattern, description=EXPECTED[regex.pattern], title=what)


Strip = BeforeValidator(_strip)
SidPath = Annotated[str, Strip, _path(f.SID_RE, "SID")]
SidQuery = Annotated[str | None, Strip, _query(f.SID_RE, "SID")]
AoPath = Annotated[str, Strip, _path(f.AO_RE, "AO")]
AoQuery = Annotated[str, Strip, _query(f.AO_RE, "AO")]
AccountQuery = Annotated[str, Strip, _query(f.ACCOUNT_RE, "Account Number")]
PeriodQuery = Annotated[str, Strip, _query(f.PERIOD_RE, "Bill Periode")]
MsisdnPath = Annotated[str, BeforeValidator(_msisdn), _path(f.MSISDN_RE, "MSISDN")]
MsisdnQuery = Annotated[str, BeforeValidator(_msisdn), _query(f.MSISDN_RE, "MSISDN")]
SerialPath = Annotated[str, Strip, _path(f.VOUCHER_SERIAL_RE, "Serial voucher")]
IndihomeQuery = Annotated[str, Strip, _query(f.INDIHOME_RE, "Nomor IndiHome")]
EmailQuery = Annotated[str, BeforeValidator(_email), _query(f.EMAIL_RE, "Email")]
GolOrderPath = Annotated[str, Strip, _path(f.GOL_ORDER_RE, "Order ID")]
TicketPath = Annotated[str, Strip, _path(f.TICKET_RE, "Ticket ID")]
