"""Normalising and comparing values a trainee types: text, numbers, dates, booleans, sets."""

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from gladi import formats as f

MONTHS = {
    "jan": 1,
    "januari": 1,
    "january": 1,
    "feb": 2,
    "februari": 2,
    "february": 2,
    "mar": 3,
    "maret": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "agu": 8,
    "agt": 8,
    "agustus": 8,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "october": 10,
    "nop": 11,
    "nov": 11,
    "november": 11,
    "des": 12,
    "desember": 12,
    "dec": 12,
    "december": 12,
}
TRUE = {"true", "ya", "yes", "sudah", "y", "1", "benar", "posted", "sudah masuk ledger"}
FALSE = {"false", "tidak", "no", "belum", "n", "0", "salah", "not posted", "belum masuk ledger"}


def norm(value: Any) -> str:
    """Lower case, punctuation to spaces, spaces collapsed ('Active - Collection' -> ...)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(value).lower()).split())


def same_identifier(expected: str, actual: Any) -> bool:
    """Identifiers compare after MSISDN normalisation and trimming (`62812...` == `0812...`)."""
    a, e = str(actual).strip(), str(expected).strip()
    if f.MSISDN_RE.match(f.normalize_msisdn(e)):
        return f.normalize_msisdn(a) == f.normalize_msisdn(e)
    return norm(a) == norm(e)


def _date_parts(text: str) -> tuple[int, int, int] | None:
    t = text.strip().lower()
    if m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", t):
        return int(m[1]), int(m[2]), int(m[3])
    if m := re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t):
        return int(m[3]), int(m[2]), int(m[1])
    if m := re.match(r"^(\d{1,2})[-\s]+([a-z]+)[-\s]+(\d{4})", t):
        month = MONTHS.get(m[2])
        return (int(m[3]), month, int(m[1])) if month else None
    return None


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """2026-10-14, 14-10-2026, 14/10/2026, 14 Oktober 2026, 14-Okt-2026 -> a date (WIB)."""
    parts = _date_parts(str(text))
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_minute(text: str) -> tuple[date, int, int] | None:
    """A date and time to the minute (WIB): `2026-10-14 13:05`, `14-10-2026 13.05`, ISO."""
    day = parse_date(text)
    if day is None:
        return None
    if "+" in text[10:] or text.endswith("Z"):
        try:
            moment = f.to_wib(datetime.fromisoformat(text.replace("Z", "+00:00")))
            return moment.date(), moment.hour, moment.minute
        except ValueError:
            pass
    match = re.search(r"(\d{1,2})[:.](\d{2})", str(text)[8:])
    if match is None:
        return None
    return day, int(match[1]), int(match[2])


def parse_bool(value: Any) -> bool | None:
    """true/false, ya/tidak, sudah/belum ... -> a bool (None if unclear)."""
    if isinstance(value, bool):
        return value
    text = norm(value)
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    return None


def parse_number(value: Any) -> int | None:
    """29000, '29.000', 'Rp29.000', '29,000.00' -> 29000 (whole Rupiah)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    text = str(value).strip().lower().removeprefix("rp").strip()
    text = re.sub(r"[.,]00$", "", text)
    digits = re.sub(r"[.,\s]", "", text)
    return int(digits) if digits.isdigit() else None


def as_set(value: Any) -> frozenset[str]:
    """A list, or text separated by commas/slashes/'dan'/'and', as a set of normalised items."""
    if isinstance(value, list | tuple):
        items = list(value)
    else:
        items = re.split(r",|/|;|\bdan\b|\band\b", str(value))
    return frozenset(n for item in items if (n := norm(item)))


_LIST_SPLIT = {
    "datetimes": re.compile(r";|\n|,|\s+dan\s+|\s+and\s+", re.IGNORECASE),
    "numbers": re.compile(r";|\n|,\s+|\s+dan\s+|\s+and\s+", re.IGNORECASE),
}
_LIST_PARSE = {"datetimes": lambda x: parse_minute(str(x)), "numbers": parse_number}


def as_list(compare: str, value: Any) -> list[Any] | None:
    """The sorted parsed items of a `datetimes` / `numbers` value (None if one is unreadable).

    A list, or text split at `,` `;` `dan` `and` (`numbers`: at `, ` only); brackets and
    quotes around items and blank items are dropped.
    """
    if isinstance(value, list | tuple):
        items = [x for x in value if str(x).strip()]
    else:
        parts = _LIST_SPLIT[compare].split(str(value))
        items = [x.strip(" []'\"") for x in parts if x.strip(" []'\"")]
    parsed = [_LIST_PARSE[compare](x) for x in items]
    if any(p is None for p in parsed):
        return None
    return sorted(parsed)


def same(compare: str, expected: Any, actual: Any) -> bool:
    """Whether a reported value equals the expected one under the comparison `compare`."""
    if actual is None:
        return False
    if compare == "bool":
        return parse_bool(actual) is not None and parse_bool(actual) == parse_bool(expected)
    if compare == "number":
        return parse_number(actual) is not None and parse_number(actual) == parse_number(expected)
    if compare == "datetime":
        got = parse_minute(str(actual))
        return got is not None and got == parse_minute(str(expected))
    if compare == "set":
        return as_set(actual) == as_set(expected)
    if compare in _LIST_PARSE:
        items = as_list(compare, actual)
        return items is not None and items == as_list(compare, expected)
    return norm(actual) == norm(expected)


def display(compare: str, value: Any) -> Any:
    """How the answer key writes a reported value."""
    if compare == "datetime":
        moment = parse_minute(str(value))
        if moment is None:
            return str(value)
        day, hour, minute = moment
        return f"{day.isoformat()} {hour:02d}:{minute:02d}"
    if compare == "set":
        return sorted(str(v) for v in value) if isinstance(value, list | tuple) else value
    if compare == "bool":
        return bool(value)
    if compare == "datetimes":
        return [display("datetime", x) for x in sorted(value, key=str)]
    if compare == "numbers":
        return sorted(int(x) for x in value)
    return value
