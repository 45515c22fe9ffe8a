"""Ticket field checks as stored in the key (`{"kind", "expected"}`) and how a value passes."""

import re
from datetime import date, datetime
from typing import Any

from gladi import formats as f
from scenarios import values as v
from scenarios.parsing.amounts import amounts_in


def passes(check: dict[str, Any], actual: Any, now: datetime | None = None) -> bool:
    """Whether a ticket field value passes its check (`now`: the episode's clock, for
    relative dates such as `kemarin`)."""
    if actual is None:
        return False
    text = str(actual)
    kind, expected = check["kind"], check["expected"]
    if kind == "nonempty":
        return bool(text.strip())
    if kind == "equals":
        return v.same_identifier(str(expected), text)
    if kind == "one_of":
        return v.norm(text) in {v.norm(x) for x in expected}
    if kind == "matches":
        pattern: re.Pattern[str] = getattr(f, expected)
        return pattern.match(text.strip()) is not None
    if kind == "contains":
        return bool(v.norm(expected)) and v.norm(expected) in v.norm(text)
    if kind == "date_of":
        return v.parse_date(text, now) == date.fromisoformat(str(expected)[:10])
    if kind == "amount":
        return v.parse_number(expected) in amounts_in(text)
    if kind == "all_of":
        got = v.norm(text)
        return all(any(_mentions(got, alt) for alt in str(term).split("|")) for term in expected)
    raise ValueError(f"unknown check kind {kind!r}")


def _mentions(got: str, alternative: str) -> bool:
    """Whether normalised text mentions an alternative; one that is only punctuation (`-`)
    matches only a text that is only punctuation."""
    wanted = v.norm(alternative)
    return wanted in got if wanted else not got


_WORDS = {
    "en": {
        "and": "and",
        "or": "or",
        "nonempty": "any non-empty value",
        "all_of": "mentions",
        "one_of": "one of",
        "matches": "the shape",
        "date_of": "the date",
        "amount": "the amount",
        "contains": "containing",
        "equals": "equal to",
    },
    "id": {
        "and": "dan",
        "or": "atau",
        "nonempty": "isian apa pun (tidak kosong)",
        "all_of": "menyebut",
        "one_of": "salah satu dari",
        "matches": "format",
        "date_of": "tanggal",
        "amount": "nominal",
        "contains": "memuat",
        "equals": "sama dengan",
    },
}
"""The words of a field check's description, in English and Indonesian."""


def describe(check: dict[str, Any], lang: str = "en") -> str:
    """A short description of what the field must hold (`lang`: en or id)."""
    words = _WORDS[lang]
    kind, expected = check["kind"], check["expected"]
    if kind == "nonempty":
        return words["nonempty"]
    if kind == "all_of":
        terms = (str(t).replace("|", f" {words['or']} ") for t in expected)
        return f"{words['all_of']} " + f" {words['and']} ".join(terms)
    if kind == "one_of":
        return f"{words['one_of']} " + ", ".join(map(str, expected))
    if kind == "amount":
        return f"{words['amount']} {f.rupiah(int(expected))}"
    shown = expected if kind in ("matches", "date_of") else repr(expected)
    return f"{words.get(kind, kind)} {shown}"
