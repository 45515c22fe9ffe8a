"""Rupiah amounts in every usual form: `Rp50.000`, `Rp 50.000,-`, `IDR 50,000`, `50000`,
`50.000,00`, `50 ribu`, `50rb`, `50k`, `1,5 juta`, `20.580.000.00`.

The digits are read with Babel's strict number parser in the Indonesian and the English locale
(`50.000` / `50,000`); Rupiah are whole, so the reading whose decimals are at most two places
(and zero) wins. A word or letter after the number multiplies it (ribu, rb, k: x1,000; juta,
jt: x1,000,000).
"""

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal

_MULTIPLIERS = {"ribu": 1000, "rb": 1000, "k": 1000, "juta": 1_000_000, "jt": 1_000_000}
_TOKEN = re.compile(
    r"(?<!\d)(\d[\d.,]*)(?:\s*(ribu|rb|k|juta|jt)\b)?",
    re.IGNORECASE,
)
"""A number (digits with `.`/`,` separators) and an optional multiplier word right after it."""
_CURRENCY = re.compile(r"^\s*(rp\.?|idr)\s*", re.IGNORECASE)
_TAIL = re.compile(r"\s*(,-|\.-|rupiah|idr)\s*$", re.IGNORECASE)
_SCREEN_CENTS = re.compile(r"^(\d{1,3}(?:\.\d{3})+)\.(\d{2})$")
"""The TOS screens' `20.580.000.00`: Indonesian grouping and a dot before the cents."""


def _decimal(digits: str) -> Decimal | None:
    """The digits read in the locale that makes them a whole amount with at most 2 decimals."""
    if cents := _SCREEN_CENTS.match(digits):
        digits = cents[1] + "," + cents[2]
    readings = []
    for locale in ("id", "en"):
        try:
            readings.append(parse_decimal(digits, locale=locale, strict=True))
        except (NumberFormatError, InvalidOperation):
            continue
    fitting = [r for r in readings if int(r.as_tuple().exponent) >= -2]
    return fitting[0] if fitting else None


def _value(digits: str, multiplier: str | None) -> int | None:
    number = _decimal(digits.rstrip(".,"))
    if number is None:
        return None
    scaled = number * _MULTIPLIERS[multiplier.lower()] if multiplier else number
    return int(scaled) if scaled == scaled.to_integral_value() else None


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> int | None:
    body = _TAIL.sub("", _CURRENCY.sub("", text.strip()))
    match = _TOKEN.fullmatch(body.strip())
    return _value(match[1], match[2]) if match else None


def parse_amount(value: Any) -> int | None:
    """One Rupiah amount (the whole text must be the amount); None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    return _parse_text(str(value))


@lru_cache(maxsize=8192)
def amounts_in(text: str) -> frozenset[int]:
    """Every Rupiah amount a free text names (`isi 50 ribu, sisa Rp12.500` -> {50000, 12500})."""
    found = set()
    for digits, multiplier in _TOKEN.findall(text):
        value = _value(digits, multiplier or None)
        if value is not None:
            found.add(value)
    return frozenset(found)
