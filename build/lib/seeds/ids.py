"""Identifier shapes as pure functions of a `random.Random` (every shape matches gladi.formats).

The Faker provider and the row builders share these, so a value drawn with a seeded
`random.Random` and one drawn through `Faker("id_ID")` have the same form.
"""

from datetime import datetime
from random import Random

from gladi.formats import MSISDN_PREFIXES, to_wib
from seeds.rand import pick

SID_GROUP_PREFIXES = ("300107201", "300109103", "300104511", "300112207")
POTS_AREA_DEFAULT = "021"
TICKET_KINDS = ("IN", "NN")
NPWP_HEADS = ("01", "02", "03", "07", "08", "09", "31", "66", "70")


def digits(rng: Random, n: int) -> str:
    """`n` random decimal digits (leading zeros allowed)."""
    value = int(rng.random() * 10**n) if n <= 15 else rng.randrange(10**n)
    return f"{value:0{n}d}"


def lead_digits(rng: Random, n: int) -> str:
    """`n` random decimal digits, the first one not zero."""
    low = 10 ** (n - 1)
    return str(low + (int(rng.random() * 9 * low) if n <= 15 else rng.randrange(9 * low)))


def msisdn(rng: Random) -> str:
    """A Telkomsel number in local form: a real prefix and 7 or 8 more digits."""
    return pick(rng, MSISDN_PREFIXES) + digits(rng, 8 if rng.random() < 0.8 else 7)


def sid(rng: Random) -> str:
    """A service ID: 9-10 digits (`835221950`) or grouped (`300107201-003092947`)."""
    if rng.random() < 0.25:
        return f"{pick(rng, SID_GROUP_PREFIXES)}-00{digits(rng, 7)}"
    return lead_digits(rng, 10 if rng.random() < 0.6 else 9)


def ao(rng: Random) -> str:
    """An NCXtools activation order: `1-` and 9 digits."""
    return "1-" + lead_digits(rng, 9)


def account_number(rng: Random) -> str:
    """A 7-digit billing account number."""
    return lead_digits(rng, 7)


def invoice_number(rng: Random) -> str:
    """A 6- or 7-digit TOS invoice number."""
    return lead_digits(rng, 6 if rng.random() < 0.3 else 7)


def npwp(rng: Random) -> str:
    """A tax ID as stored: 12 digits, a dot, the 3-digit branch code (`021163795092.000`)."""
    branch = "000" if rng.random() < 0.85 else digits(rng, 3)
    return f"{pick(rng, NPWP_HEADS)}{digits(rng, 10)}.{branch}"


def cidnas(rng: Random) -> str:
    """A CIDNAS customer ID: 8 digits."""
    return lead_digits(rng, 8)


def service_account(rng: Random) -> str:
    """A CABASA service account: 10 digits starting with 4."""
    return "4" + digits(rng, 9)


def voucher_serial(rng: Random) -> str:
    """A voucher serial number: 25 digits starting `02`."""
    return "02" + digits(rng, 23)


def mytelkomsel_trx_id(rng: Random, moment: datetime) -> str:
    """A MyTelkomsel transaction id: `MYT`, the WIB time `YYYYmmddHHMMSS`, 3 digits."""
    return f"MYT{to_wib(moment):%Y%m%d%H%M%S}{digits(rng, 3)}"


def indihome_number(rng: Random) -> str:
    """A 12-digit IndiHome number starting with 1 (`121517209330`)."""
    return "1" + lead_digits(rng, 11)


def pots_phone(rng: Random, area_code: str = POTS_AREA_DEFAULT) -> str:
    """A fixed-line (POTS) number: area code then digits, 11 digits in all (`02122693043`)."""
    return area_code + lead_digits(rng, 11 - len(area_code))


def group_id(rng: Random) -> str:
    """An IndiHome GroupID: 11 digits and ` (TSI)`."""
    return lead_digits(rng, 11) + " (TSI)"


def partner_ref_no(start: datetime, indihome: str) -> str:
    """UPoint partner ref_no: `disact-`, WIB time of the first purchase, the IndiHome number."""
    return f"disact-{to_wib(start):%Y%m%d%H%M%S}-{indihome}"


def upoint_trx_id(rng: Random) -> str:
    """A Telkom UPoint trx_id: `stbupoint` and 32 hex digits."""
    return f"stbupoint{rng.getrandbits(128):032x}"


def gol_order_id(rng: Random, moment: datetime) -> str:
    """A GraPARI Online order id: `GOL`, the WIB order date `yymmdd`, 6 digits."""
    return f"GOL{to_wib(moment):%y%m%d}{digits(rng, 6)}"


def ticket_id(rng: Random, kind: str = "IN") -> str:
    """A ticket id: `IN` (numbered) or `NN` (non numbering) and 9 digits."""
    return kind + lead_digits(rng, 9)


def employee_nik(rng: Random) -> str:
    """A Telkom employee number (NIK): 6 digits."""
    return lead_digits(rng, 6)


def payment_reference(rng: Random) -> str:
    """A bill payment reference as FA lists it: `PAY` and 13 digits."""
    return "PAY" + digits(rng, 13)


def luhn_digit(body: str) -> str:
    """The Luhn check digit that completes `body` (as IMEIs use)."""
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def imei(rng: Random, tac: str) -> str:
    """A 15-digit IMEI: the model's 8-digit TAC, a 6-digit serial and the Luhn digit."""
    body = tac + digits(rng, 6)
    return body + luhn_digit(body)


def device_serial(rng: Random, vendor_code: str) -> str:
    """A device serial number (SN): vendor code and 8 upper-case letters/digits."""
    return vendor_code + "".join(rng.choices("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", k=8))


RESI_FORMATS = {
    "JNE": lambda rng: "CGK" + digits(rng, 13),
    "SiCepat": lambda rng: "0040" + digits(rng, 8),
    "AnterAja": lambda rng: "1000" + digits(rng, 10),
    "GoSend": lambda rng: "GK-11-" + digits(rng, 9),
    "GrabExpress": lambda rng: "IN-" + digits(rng, 8) + "-GXP",
}


def resi(rng: Random, courier: str) -> str:
    """A courier tracking number (resi) in that courier's shape."""
    return RESI_FORMATS[courier](rng)
