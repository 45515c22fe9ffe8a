"""The real tools' identifier shapes and display formats (Rupiah, Indonesian dates, NPWP).

One place for every regex and formatter so the seeds, the mocks' input checks and the
scenario engine agree on what an SID, an AO or a voucher serial looks like.
"""

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

WIB = ZoneInfo("Asia/Jakarta")
LOCALE = "id_ID"

# The world's own "now": the background world is generated relative to this instant.
WORLD_NOW = datetime(2026, 10, 15, 3, 0, 0, tzinfo=UTC)  # 10:00 WIB

SID_RE = re.compile(r"^(\d{9,10}|\d{9}-\d{9})$")
AO_RE = re.compile(r"^1-\d{9}$")
ACCOUNT_RE = re.compile(r"^\d{7}$")
INVOICE_RE = re.compile(r"^\d{6,7}$")
NPWP_RE = re.compile(r"^\d{12}\.\d{3}$")
PERIOD_RE = re.compile(r"^\d{4}(0[1-9]|1[0-2])$")
MSISDN_RE = re.compile(r"^08(11|12|13|21|22|23|51|52|53)\d{6,8}$")
MSISDN_PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853")
VOUCHER_SERIAL_RE = re.compile(r"^02\d{23}$")
MYTSEL_TRX_RE = re.compile(r"^MYT\d{17}$")
INDIHOME_RE = re.compile(r"^1\d{11}$")
POTS_RE = re.compile(r"^0\d{9,10}$")
GOL_ORDER_RE = re.compile(r"^GOL\d{12}$")
TICKET_RE = re.compile(r"^(IN|NN)\d{9}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)

# E-Payment writes November as "Nop" (the real screen), Babel says "Nov".
_MONTH_FIX = {"Nov": "Nop"}


def normalize_msisdn(raw: str) -> str:
    """`62812...`, `+62812...` or `0812...` -> `0812...` (no validation)."""
    value = raw.strip().replace(" ", "").replace("-", "")
    if value.startswith("+"):
        value = value[1:]
    if value.startswith("62"):
        value = "0" + value[2:]
    return value


def rupiah(amount: int) -> str:
    """20580000 -> 'Rp20.580.000' (Indonesian grouping, no decimals)."""
    return "Rp" + format_decimal(amount, format="#,##0", locale=LOCALE)


def number_id(amount: int | float, decimals: int = 0) -> str:
    """1975800 -> '1.975.800'; with decimals=2 -> '1.975.800,00'."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(amount, format=pattern, locale=LOCALE)


def to_wib(moment: datetime) -> datetime:
    """An aware datetime in Western Indonesia Time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(WIB)


def epayment_datetime(moment: datetime) -> str:
    """'10-Mei-2022 07:07:20' in WIB, as the E-Payment screen writes it."""
    text = format_datetime(to_wib(moment), "dd-MMM-yyyy HH:mm:ss", locale=LOCALE)
    for wrong, right in _MONTH_FIX.items():
        text = text.replace(f"-{wrong}-", f"-{right}-")
    return text


def wib_datetime(moment: datetime) -> str:
    """'2022-01-02 09:21:22' in WIB (UPoint, DSC and ticket screens)."""
    return to_wib(moment).strftime("%Y-%m-%d %H:%M:%S")


def long_date(moment: date | datetime) -> str:
    """'10 Mei 2022'."""
    value = to_wib(moment) if isinstance(moment, datetime) else moment
    return format_date(value, "d MMMM yyyy", locale=LOCALE)


def period_label(period: str, short: bool = False) -> str:
    """'202206' -> 'Juni 2022' (or 'Jun 2022' short, with 'Nop' for November)."""
    day = date(int(period[:4]), int(period[4:]), 1)
    text = format_date(day, "MMM yyyy" if short else "MMMM yyyy", locale=LOCALE)
    return _MONTH_FIX.get(text[:3], text[:3]) + text[3:] if short else text


def period_of(moment: datetime) -> str:
    """The bill period 'YYYYMM' that contains `moment` (in WIB)."""
    return to_wib(moment).strftime("%Y%m")


def previous_period(period: str) -> str:
    """'202601' -> '202512'."""
    year, month = int(period[:4]), int(period[4:])
    return f"{year - 1}12" if month == 1 else f"{year}{month - 1:02d}"


def npwp_display(npwp: str) -> str:
    """'021163795092.000' -> '02.116.379.5-092.000'."""
    digits = npwp.replace(".", "")
    return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}.{digits[8]}-{digits[9:12]}.{digits[12:15]}"


def bandwidth_label(mbps: int | None) -> str:
    """40 -> '40MBPS', 1000 -> '1,000MBPS' (as on the TOS invoice), None -> '-'."""
    return "-" if mbps is None else f"{mbps:,}MBPS"


def hours_between(start: datetime, end: datetime) -> float:
    """Elapsed hours from start to end."""
    return (end - start) / timedelta(hours=1)
