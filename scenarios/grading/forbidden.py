"""Forbidden moves: detected in the submission or the trace; any one fails the attempt."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from gladi import formats as f
from scenarios import values
from scenarios.grading import events as ev
from scenarios.grading.item import item


def _committed(
    detect: Mapping[str, Any], events: Sequence[ev.Event], submission: Mapping[str, Any]
) -> tuple[bool, Any]:
    if "resolution_in" in detect:
        got = submission.get("resolution")
        return got in detect["resolution_in"], {"resolution": got}
    if "advice_in" in detect:
        advice = [a for a in (submission.get("advice") or []) if a in detect["advice_in"]]
        return bool(advice), {"advice": advice}
    if "fact_in" in detect:
        reported = submission.get("facts")
        name = detect["fact_in"]["fact"]
        got = reported.get(name) if isinstance(reported, Mapping) else None
        wanted = {values.norm(v) for v in detect["fact_in"]["values"]}
        return got is not None and values.norm(got) in wanted, {"fact": name, "reported": got}
    if "operation_in" in detect:
        found = [
            e
            for e in ev.tool_calls(events)
            if ev.matches_any(e.get("operation"), detect["operation_in"])
        ]
        return bool(found), ev.evidence(found)
    rule = detect["ticket_field"]
    pattern: re.Pattern[str] = getattr(f, rule["not_matches"])
    bad = [
        t
        for t in ev.tickets(events)
        if not pattern.match(
            str(((t.get("params") or {}).get("fields") or {}).get(rule["field"], "")).strip()
        )
    ]
    return bool(bad), ev.evidence(bad)


def forbidden_items(
    grading: Mapping[str, Any], events: Sequence[ev.Event], submission: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """An item (status wrong) for every forbidden move made."""
    items = []
    for move in grading["forbidden"]:
        made, evidence = _committed(move["detect"], events, submission)
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
                )
            )
    return items
