"""Yes/no answers, paid/unpaid claims and service names as people write them.

`parse_bool` reads ya/tidak, sudah/belum, yes/no, true/false, ada/tidak ada and their chat forms
(iya, gak, nggak, blm, udh). `bill_claim` reads whether a text claims a bill is paid (`Lunas`) or
unpaid (`Belum Lunas`), qualifiers in brackets and around it ignored (`Belum Lunas (total
account)` is still a claim); a text that names both or says it cannot tell is no claim.
`service_key` compares service names with or without their code (`812 - Catchplay` and
`Catchplay`).
"""

import re
from typing import Any

TRUE_WORDS = frozenset(
    [
        "true",
        "ya",
        "iya",
        "iyah",
        "yes",
        "y",
        "yup",
        "betul",
        "benar",
        "sudah",
        "udah",
        "udh",
        "sdh",
        "ada",
        "posted",
        "1",
        "ok",
        "oke",
    ]
)
FALSE_WORDS = frozenset(
    [
        "false",
        "tidak",
        "tdk",
        "gak",
        "ga",
        "nggak",
        "ngga",
        "enggak",
        "engga",
        "no",
        "n",
        "nope",
        "belum",
        "blm",
        "salah",
        "0",
        "not",
    ]
)
TRUE_PHRASES = frozenset(
    {
        "sudah masuk",
        "sudah masuk ledger",
        "ya sudah",
        "sudah ada",
        "ada pembelian",
        "sudah berhasil",
    }
)
FALSE_PHRASES = frozenset(
    {
        "tidak ada",
        "belum masuk",
        "belum masuk ledger",
        "not posted",
        "belum ada",
        "tidak ada pembelian",
        "no purchase",
        "belum berhasil",
    }
)
_PAID = re.compile(r"\b(lunas|sudah (?:di)?bayar|terbayar|paid|settled)\b")
_UNPAID = re.compile(
    r"\b(belum lunas|belum (?:di)?bayar|tidak lunas|blm lunas|unpaid|not paid|outstanding)\b"
)
_NO_CLAIM = re.compile(
    r"\b(tidak (?:bisa|dapat) (?:di)?(?:pastikan|tentukan|jadi acuan|diketahui)|tidak diketahui|"
    r"unknown|cannot (?:tell|say|be determined)|can ?not tell|n/?a|tidak tahu)\b"
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CODE = re.compile(r"^\d+\s+")


def norm(value: Any) -> str:
    """Lower case, punctuation to spaces, spaces collapsed ('Active - Collection' -> ...)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(value).lower()).split())


def parse_bool(value: Any) -> bool | None:
    """A yes/no value in any usual form -> a bool (None if it is not clearly one)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = norm(_BRACKETS.sub(" ", str(value)))
    if text in TRUE_WORDS or text in TRUE_PHRASES:
        return True
    if text in FALSE_WORDS or text in FALSE_PHRASES:
        return False
    return None


def bill_claim(value: Any) -> str | None:
    """'Lunas' or 'Belum Lunas' if the value claims a bill's status; None otherwise."""
    as_bool = parse_bool(value)
    if as_bool is not None:
        return "Lunas" if as_bool else "Belum Lunas"
    text = " ".join(str(value).lower().replace("/", " / ").split())
    if _NO_CLAIM.search(text):
        return None
    core = _BRACKETS.sub(" ", text)
    unpaid = bool(_UNPAID.search(core))
    paid = bool(_PAID.search(_UNPAID.sub(" ", core)))
    if unpaid == paid:
        return None
    return "Belum Lunas" if unpaid else "Lunas"


def service_key(value: Any) -> str:
    """A service name without its code: `799 - Disney` -> `disney`."""
    return _CODE.sub("", norm(value))
