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


def describe(check: dict[str, Any]) -> str:
    """A short English description of what the field must hold."""
    kind, expected = check["kind"], check["expected"]
    if kind == "nonempty":
        return "any non-empty value"
    if kind == "all_of":
        return "mentions " + " and ".join(str(t).replace("|", " or ") for t in expected)
    if kind == "one_of":
        return "one of " + ", ".join(map(str, expected))
    if kind == "matches":
        return f"the shape {expected}"
    if kind == "date_of":
        return f"the date {expected}"
    if kind == "amount":
        return f"the amount {f.rupiah(int(expected))}"
    return f"{kind} {expected!r}"


def describe_id(check: dict[str, Any]) -> str:
    """The same in Indonesian."""
    kind, expected = check["kind"], check["expected"]
    if kind == "nonempty":
        return "isian apa pun (tidak kosong)"
    if kind == "all_of":
        return "menyebut " + " dan ".join(str(t).replace("|", " atau ") for t in expected)
    if kind == "one_of":
        return "salah satu dari " + ", ".join(map(str, expected))
    if kind == "matches":
        return f"format {expected}"
    if kind == "date_of":
        return f"tanggal {expected}"
    if kind == "amount":
        return f"nominal {f.rupiah(int(expected))}"
    if kind == "contains":
        return f"memuat {expected!r}"
    return f"{expected!r}"
