"""Forbidden moves: detected in the submission or the trace; any one fails the attempt.

Advice is read as given (in `submission.advice`, or by choosing a resolution that advises it),
so a forbidden advice is caught wherever it was given. A reported fact can be read as the
paid/unpaid claim it makes (`reading: bill_claim`), so qualifiers do not hide the claim.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from gladi import formats as f
from scenarios import values
from scenarios.grading import events as ev
from scenarios.grading.advice import given
from scenarios.grading.item import item
from scenarios.parsing.claims import bill_claim

Found = tuple[bool, dict[str, Any] | None]
_GROUPING = re.compile(r"[\s.-]")
"""Spaces, dots and dashes agents group long numbers with (`0212 3456 ...`)."""


def _fact_claimed(detect: Mapping[str, Any], submission: Mapping[str, Any]) -> Found:
    rule = detect["fact_in"]
    reported = submission.get("facts")
    got = reported.get(rule["fact"]) if isinstance(reported, Mapping) else None
    if got is None:
        return False, None
    if rule.get("reading") == "bill_claim":
        claim = bill_claim(got)
        wanted = {values.norm(v) for v in rule["values"]}
        made = claim is not None and values.norm(claim) in wanted
    else:
        made = values.norm(got) in {values.norm(v) for v in rule["values"]}
    return made, {"fact": rule["fact"], "reported": got}


def _ticket_field(detect: Mapping[str, Any], events: Sequence[ev.Event]) -> Found:
    rule = detect["ticket_field"]
    pattern: re.Pattern[str] = getattr(f, rule["not_matches"])
    bad = [
        t
        for t in ev.tickets(events)
        if not pattern.match(
            _GROUPING.sub(
                "", str(((t.get("params") or {}).get("fields") or {}).get(rule["field"], ""))
            )
        )
    ]
    return bool(bad), ev.evidence(bad)


def _committed(
    grading: Mapping[str, Any],
    detect: Mapping[str, Any],
    events: Sequence[ev.Event],
    submission: Mapping[str, Any],
) -> Found:
    if "resolution_in" in detect:
        got = submission.get("resolution")
        return got in detect["resolution_in"], {"resolution": got}
    if "advice_in" in detect:
        told = given(grading, submission)
        made = {code: how for code, how in told.items() if code in detect["advice_in"]}
        return bool(made), {"advice": sorted(made), "given_as": made}
    if "fact_in" in detect:
        return _fact_claimed(detect, submission)
    if "operation_in" in detect:
        found = [
            e
            for e in ev.tool_calls(events)
            if ev.matches_any(e.get("operation"), detect["operation_in"])
        ]
        return bool(found), ev.evidence(found)
    return _ticket_field(detect, events)


def forbidden_items(
    grading: Mapping[str, Any], events: Sequence[ev.Event], submission: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """An item (status wrong, critical) for every forbidden move made."""
    items = []
    for move in grading["forbidden"]:
        made, evidence = _committed(grading, move["detect"], events, submission)
        if made:
            items.append(
                item(
                    f"forbidden:{move['id']}",
                    "forbidden",
                    "wrong",
                    ref=move["ref"],
                    en=move["message"],
                    idn=move["pesan"],
                    evidence=evidence,
                    critical=True,
                )
            )
    return items


def forbidden_advice(grading: Mapping[str, Any]) -> set[str]:
    """Advice codes some forbidden move of this instance detects."""
    codes: set[str] = set()
    for move in grading["forbidden"]:
        codes |= set(move["detect"].get("advice_in") or ())
    return codes
