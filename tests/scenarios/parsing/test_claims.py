"""Yes/no answers, paid/unpaid claims with qualifiers, service names with or without codes."""

import pytest

from scenarios.parsing.claims import bill_claim, parse_bool, service_key


@pytest.mark.parametrize(
    "text", ["ya", "Iya", "sudah", "udh", "yes", "true", True, "Sudah masuk ledger", "ada"]
)
def test_yes(text: object) -> None:
    assert parse_bool(text) is True


@pytest.mark.parametrize(
    "text", ["tidak", "gak", "nggak", "belum", "blm", "no", "false", False, "Tidak ada"]
)
def test_no(text: object) -> None:
    assert parse_bool(text) is False


@pytest.mark.parametrize("text", ["mungkin", "", "ya dan tidak", "sebagian"])
def test_neither(text: str) -> None:
    assert parse_bool(text) is None


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Lunas", "Lunas"),
        ("Sudah Lunas", "Lunas"),
        ("sudah dibayar", "Lunas"),
        ("Paid", "Lunas"),
        ("Lunas (total account)", "Lunas"),
        ("Belum Lunas", "Belum Lunas"),
        ("Belum Lunas (total account)", "Belum Lunas"),
        ("Belum", "Belum Lunas"),
        ("false", "Belum Lunas"),
        (False, "Belum Lunas"),
        ("unpaid", "Belum Lunas"),
        ("belum dibayar", "Belum Lunas"),
    ],
)
def test_bill_claims_with_qualifiers(text: object, claim: str) -> None:
    assert bill_claim(text) == claim


@pytest.mark.parametrize(
    "text",
    [
        "tidak bisa dipastikan dari E-Payment",
        "lunas/belum lunas tidak bisa jadi acuan",
        "tidak diketahui (account multi SID)",
        "unknown",
    ],
)
def test_saying_it_cannot_tell_is_no_claim(text: str) -> None:
    assert bill_claim(text) is None


def test_service_names_with_or_without_code() -> None:
    assert service_key("812 - Catchplay") == service_key("Catchplay") == "catchplay"
    assert service_key("799 - Disney") == "disney"
