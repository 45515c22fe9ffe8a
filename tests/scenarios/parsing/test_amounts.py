"""Rupiah amounts as agents type them, and the amounts a free-text ticket field names."""

import pytest

from scenarios.parsing.amounts import amounts_in, parse_amount


@pytest.mark.parametrize(
    "text",
    [
        "Rp50.000",
        "Rp 50.000,-",
        "Rp. 50.000",
        "IDR 50,000",
        "50000",
        "50.000",
        "50.000,00",
        "Rp50,000.00",
        "50 ribu",
        "50rb",
        "50 rb",
        "50k",
        "50K",
        "50.000 rupiah",
    ],
)
def test_fifty_thousand_in_every_usual_form(text: str) -> None:
    assert parse_amount(text) == 50_000


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("20.580.000.00", 20_580_000),  # the TOS screen's own format
        ("1,975,800", 1_975_800),
        ("5,186,144.00", 5_186_144),
        ("1,5 juta", 1_500_000),
        ("2jt", 2_000_000),
        ("Rp 35.000,-", 35_000),
        ("IDR 35,000", 35_000),
        ("35 ribu", 35_000),
        (29000, 29_000),
    ],
)
def test_other_amounts(text: object, amount: int) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    "text", ["", "abc", "12.5", "Rp", "lima puluh", True, None, "50.000 dan 20.000"]
)
def test_not_one_amount(text: object) -> None:
    assert parse_amount(text) is None


def test_amounts_named_in_a_sentence() -> None:
    assert amounts_in("isi 50 ribu tapi sisa pulsa Rp12.500, bukan 1.975.800") == {
        50_000,
        12_500,
        1_975_800,
    }
    assert amounts_in("isi pulsa lima puluh ribu") == frozenset()
