"""Validated identifier types for path and query parameters.

Each type carries its pattern (so OpenAPI documents it: pydantic leaves a pattern out of the
schema of a type with a BeforeValidator, so it is added to the schema explicitly) and a human
description of what is expected, which the 422 handler repeats when a value does not fit.
"""

import re
from typing import Annotated

from fastapi import Path, Query
from pydantic import BeforeValidator

from gladi import formats as f

EPAYMENT_NUMBER_RE = re.compile(r"^(\d{7}|0\d{9,10}|1\d{11})$")
"""E-Payment's `Nomor jastel` box: an account number, a POTS phone or an IndiHome number."""
PHONE_RE = re.compile(r"^(\+?62|0)\d{7,12}$")
"""A phone number a caller gives (mobile or fixed line), spaces and dashes removed."""

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
    EPAYMENT_NUMBER_RE.pattern: "a jastel (POTS phone, 0 and 9-10 digits, e.g. 02122693043), "
    "an account number (7 digits, e.g. 4861675) or an IndiHome number (12 digits, "
    "e.g. 121517209330)",
    PHONE_RE.pattern: "a phone number: 0 or 62 then 7-12 digits, e.g. 081321123321 or 0215551234",
}


def expected_for(pattern: str | None) -> str | None:
    """The human description of a pattern, if it is one of ours."""
    return EXPECTED.get(pattern or "")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _phone(value: object) -> object:
    return "".join(value.split()).replace("-", "") if isinstance(value, str) else value


def _filled(value: object) -> object:
    """A required free-text box: stripped, and refused when blank."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("must be filled in (the form requires it)")
    return _strip(value)


def _msisdn(value: object) -> object:
    return f.normalize_msisdn(value) if isinstance(value, str) else value


def _email(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _documented(regex: re.Pattern[str], what: str) -> dict[str, object]:
    return {
        "pattern": regex.pattern,
        "description": EXPECTED[regex.pattern],
        "title": what,
        "json_schema_extra": {"pattern": regex.pattern},
    }


def _path(regex: re.Pattern[str], what: str) -> object:
    return Path(**_documented(regex, what))  # type: ignore[arg-type]


def _query(regex: re.Pattern[str], what: str) -> object:
    return Query(**_documented(regex, what))  # type: ignore[arg-type]


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
EpaymentNumberQuery = Annotated[str, Strip, _query(EPAYMENT_NUMBER_RE, "Nomor jastel")]
PhoneQuery = Annotated[str, BeforeValidator(_phone), _query(PHONE_RE, "Nomor telepon")]
AskerNameQuery = Annotated[
    str, BeforeValidator(_filled), Query(max_length=100, description="Nama penanya (required)")
]
AskerAddressQuery = Annotated[
    str, BeforeValidator(_filled), Query(max_length=200, description="Alamat penanya (required)")
]

# Support desk and UPoint inputs (interaction history, UPoint filters).
ANY_NUMBER_RE = re.compile(
    r"^(08(11|12|13|21|22|23|51|52|53)\d{6,8}|1\d{11}|0\d{9,10}|\d{7}|\d{9,10}|\d{9}-\d{9}"
    r"|GOL\d{12})$"
)
"""What a customer can be looked up by: MSISDN, IndiHome, POTS, account, SID or GOL order id."""
REGIONAL_RE = re.compile(r"^(all|all_item|[1-7])$")
EXPECTED.update(
    {
        ANY_NUMBER_RE.pattern: "an MSISDN (0812... or 62812...), an IndiHome number (12 digits), "
        "a POTS phone, an account number (7 digits), an SID (e.g. 835221950) or a GraPARI "
        "Online order id (GOL + 12 digits)",
        REGIONAL_RE.pattern: "'all' or a Telkom regional 1-7",
    }
)


def _any_number(value: object) -> object:
    """Strip spaces; `+62 812-...` / `62812...` / `0812-...` -> `0812...` (dashes only there)."""
    if not isinstance(value, str):
        return value
    text = "".join(value.split())
    phone_like = text.startswith(("0", "+62", "62")) and re.fullmatch(r"\+?\d+(-\d+)*", text)
    if phone_like and not re.fullmatch(r"\d{9}-\d{9}", text):
        text = text.replace("-", "")
    if text.startswith("+62") or re.fullmatch(r"628\d{8,10}", text):
        text = f.normalize_msisdn(text)
    return text.upper() if text.lower().startswith("gol") else text


AnyNumberQuery = Annotated[
    str, BeforeValidator(_any_number), _query(ANY_NUMBER_RE, "Nomor pelanggan")
]
RegionalQuery = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    Query(
        pattern=REGIONAL_RE.pattern,
        description=EXPECTED[REGIONAL_RE.pattern],
        json_schema_extra={"pattern": REGIONAL_RE.pattern},
    ),
]
