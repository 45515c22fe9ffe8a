"""Comparing values a trainee types with what the tools show: text, numbers, dates, yes/no, sets.

The readings live in `scenarios.parsing` (Rupiah amounts, dates relative to the episode's clock,
yes/no and status claims); this module decides what "the same" means for each `compare` kind of
a reported fact and how the answer key writes the expected value.
"""

import re
from datetime import date, datetime
from typing import Any

from gladi import formats as f
from scenarios.parsing.amounts import parse_amount
from scenarios.parsing.claims import bill_claim, norm, parse_bool, service_key
from scenarios.parsing.moments import parse_date, parse_minute

__all__ = [
    "as_list",
    "as_set",
    "display",
    "norm",
    "parse_bool",
    "parse_date",
    "parse_minute",
    "parse_number",
    "same",
    "same_identifier",
]

parse_number = parse_amount
"""A Rupiah amount in any usual form -> whole Rupiah (None if the text is not one amount)."""

_SET_SYNONYMS = {
    "internet": "data",
    "data internet": "data",
    "paket data": "data",
    "telepon": "voice",
    "telpon": "voice",
    "panggilan": "voice",
    "suara": "voice",
    "call": "voice",
    "calls": "voice",
    "semua": "semuanya",
    "all": "semuanya",
}


_DIGITS = re.compile(r"\d{6,}")
_GROUPING = re.compile(r"[\s.-]")


def same_identifier(expected: str, actual: Any) -> bool:
    """Identifiers compare after MSISDN normalisation and trimming (`62812...` == `0812...`)."""
    a, e = str(actual).strip(), str(expected).strip()
    if f.MSISDN_RE.match(f.normalize_msisdn(e)):
        return f.normalize_msisdn(a) == f.normalize_msisdn(e)
    if _DIGITS.fullmatch(e):
        return _GROUPING.sub("", a) == _GROUPING.sub("", e)  # `0212 3456 ...` is the serial
    return norm(a) == norm(e)


def _set_item(item: Any) -> str:
    key = service_key(item)
    return _SET_SYNONYMS.get(key, key)


NONE_WORDS = frozenset({"tidak ada", "none", "kosong", "tidak ada layanan", "no", "nothing"})
"""What an agent writes for an empty set."""


def as_set(value: Any) -> frozenset[str]:
    """A list, or text separated by commas/slashes/'dan'/'and', as a set of normalised items
    (service codes dropped: `799 - Disney` is `disney`; `internet` is `data`; `tidak ada`,
    `-` or nothing is the empty set)."""
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
    else:
        items = re.split(r",|/|;|\n|\bdan\b|\band\b|&", str(value))
    return frozenset(n for item in items if (n := _set_item(item)) and n not in NONE_WORDS)


_LIST_SPLIT = {
    "datetimes": re.compile(r";|\n|,(?!\s*\d{1,2}[:.]\d{2})|\s+dan\s+|\s+and\s+", re.IGNORECASE),
    "numbers": re.compile(r";|\n|,\s+|\s+dan\s+|\s+and\s+", re.IGNORECASE),
}


def as_list(compare: str, value: Any, now: datetime | None = None) -> list[Any] | None:
    """The sorted parsed items of a `datetimes` / `numbers` value (None if one is unreadable).

    A list, or text split at `,` `;` `dan` `and` (`numbers`: at `, ` only, so `29,000` stays one
    number); brackets and quotes around items and blank items are dropped.
    """
    if isinstance(value, list | tuple):
        items = [x for x in value if str(x).strip()]
    else:
        parts = _LIST_SPLIT[compare].split(str(value))
        items = [x.strip(" []'\"") for x in parts if x.strip(" []'\"")]
    if compare == "datetimes":
        parsed: list[Any] = [parse_minute(str(x), now) for x in items]
    else:
        parsed = [parse_amount(x) for x in items]
    if any(p is None for p in parsed):
        return None
    return sorted(parsed)


def same(compare: str, expected: Any, actual: Any, now: datetime | None = None) -> bool:
    """Whether a reported value equals the expected one under the comparison `compare`
    (`now`: the episode's clock, for relative dates such as `kemarin jam 10`)."""
    if actual is None:
        return False
    if isinstance(actual, str) and not actual.strip() and compare not in _LIST_SPLIT:
        return False
    if compare == "bool":
        got = parse_bool(actual)
        return got is not None and got == parse_bool(expected)
    if compare == "number":
        got_number = parse_amount(actual)
        return got_number is not None and got_number == parse_amount(expected)
    if compare == "datetime":
        got_minute = parse_minute(str(actual), now)
        return got_minute is not None and got_minute == parse_minute(str(expected))
    if compare == "date":
        got_day = parse_date(str(actual), now)
        return got_day is not None and got_day == parse_date(str(expected))
    if compare == "set":
        return as_set(actual) == as_set(expected)
    if compare == "bill_status":
        claim = bill_claim(actual)
        return claim is not None and claim == bill_claim(expected)
    if compare in _LIST_SPLIT:
        items = as_list(compare, actual, now)
        return items is not None and items == as_list(compare, expected)
    return same_identifier(str(expected), actual)


def display(compare: str, value: Any) -> Any:
    """How the answer key writes a reported value."""
    if compare == "datetime":
        moment = parse_minute(str(value))
        if moment is None:
            return str(value)
        day, hour, minute = moment
        return f"{day.isoformat()} {hour:02d}:{minute:02d}"
    if compare == "date":
        day_value = value if isinstance(value, date) else parse_date(str(value))
        return day_value.isoformat() if day_value else str(value)
    if compare == "set":
        return sorted(str(v) for v in value) if isinstance(value, list | tuple) else value
    if compare == "bool":
        return bool(value)
    if compare == "datetimes":
        return [display("datetime", x) for x in sorted(value, key=str)]
    if compare == "numbers":
        return sorted(int(x) for x in value)
    return value
