"""Comparing what a trainee types with what the tools show."""

from datetime import date

import pytest

from scenarios import values as v
from scenarios.grading.fieldcheck import passes


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-14",
        "14-10-2026",
        "14/10/2026",
        "14 Oktober 2026",
        "14-Okt-2026",
        "14 October 2026",
        "2026-10-14T09:00:00+07:00",
    ],
)
def test_dates_in_many_formats(text: str) -> None:
    assert v.parse_date(text) == date(2026, 10, 14)


def test_bad_dates() -> None:
    assert v.parse_date("31-02-2026") is None
    assert v.parse_date("kemarin") is None


def test_minutes_in_wib() -> None:
    expected = v.parse_minute("2026-10-14T13:05:00+07:00")
    assert expected == (date(2026, 10, 14), 13, 5)
    assert v.parse_minute("2026-10-14T06:05:59+00:00") == expected
    assert v.parse_minute("14/10/2026 13.05") == expected
    assert v.parse_minute("2026-10-14") is None


def test_same_by_comparison() -> None:
    assert v.same("bool", True, "sudah")
    assert not v.same("bool", True, "belum")
    assert v.same("number", 29000, "Rp29.000")
    assert v.same("number", 29000, "29,000.00")
    assert v.same("set", ["VOICE", "SMS"], "sms dan voice")
    assert not v.same("set", ["VOICE"], "voice, sms")
    assert v.same("text", "Active - Collection Block 1", "active collection block 1")
    assert not v.same("text", "x", None)


def test_field_checks() -> None:
    assert passes({"kind": "equals", "expected": "081234567890"}, "6281234567890")
    assert passes({"kind": "contains", "expected": "BCA"}, "Bank BCA (m-banking)")
    assert not passes({"kind": "contains", "expected": ""}, "anything")
    assert passes({"kind": "all_of", "expected": ["DATA|INTERNET"]}, "internet")
    assert not passes({"kind": "all_of", "expected": ["VOICE", "SMS"]}, "voice")
    assert passes({"kind": "matches", "expected": "VOUCHER_SERIAL_RE"}, "02" + "1" * 23)
    assert not passes({"kind": "matches", "expected": "VOUCHER_SERIAL_RE"}, "12345")
    assert passes({"kind": "one_of", "expected": ["Gold", "Silver"]}, "gold")
    assert passes({"kind": "date_of", "expected": "2026-10-14"}, "14 Oktober 2026")
    assert not passes({"kind": "nonempty", "expected": True}, "  ")
    with pytest.raises(ValueError):
        passes({"kind": "like", "expected": "x"}, "x")
