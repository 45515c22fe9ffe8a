"""grade(events, submission, key) -> report: pure, deterministic, no I/O.

Every item is critical (a miss fails the attempt whatever the score) or scored. Critical: the
resolution and the escalation; the lookups and questions the decision or a reported fact rests
on (a right answer they do not establish is a guess); a forbidden move; a required ticket, its
KIP, the number it is about, its identifying fields and the team it is routed to; the facts a
drill asks for and the SOP's critical facts. Scored: other lookups and questions, order, other
ticket fields, advice; penalties for hints, wrong-SOP lookups, unneeded or duplicate tickets and
advice that does not apply. Score = points earned over points possible (0-100) minus penalties;
passed = no failing critical item and score >= pass_score. An attempt that neither looked
anything up nor asked an SOP question scores 0. Dates are read on the episode's clock.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from scenarios.grading import events as ev
from scenarios.grading import outcome, steps
from scenarios.grading.advice import advice_items
from scenarios.grading.forbidden import forbidden_advice, forbidden_items
from scenarios.grading.item import FAILING
from scenarios.grading.reasons import NOTHING_DONE, fail_reasons
from scenarios.grading.tickets import ticket_items
from scenarios.grading.version import GRADER_VERSION


def _now(grading: Mapping[str, Any]) -> datetime | None:
    raw = grading.get("now")
    return datetime.fromisoformat(raw) if isinstance(raw, str) else None


def _items(
    events: Sequence[ev.Event], submission: Mapping[str, Any], grading: Mapping[str, Any]
) -> list[dict[str, Any]]:
    now = _now(grading)
    disclosed = ev.disclosed(events, grading.get("reveals") or {})
    items = steps.lookup_items(grading, events) + steps.question_items(grading, events, disclosed)
    items += steps.order_items(grading, events)
    if (ticket_order := steps.ticket_order_item(grading, events)) is not None:
        items.append(ticket_order)
    if grading["kind"] == "case":
        items.append(outcome.decision_item(grading, submission))
        escalation = outcome.escalation_item(grading, submission)
        if escalation is not None:
            items.append(escalation)
    items += ticket_items(grading, events, now) + outcome.fact_items(grading, submission, now)
    items += forbidden_items(grading, events, submission)
    items += advice_items(grading, submission, forbidden_advice(grading))
    return items + steps.extra_items(grading, events)


def _mark_guessed(items: list[dict[str, Any]], kind: str) -> None:
    """A right conclusion whose critical checks were not done is marked `guessed`."""
    missing = [
        i["id"]
        for i in items
        if i["kind"] in ("lookup", "question") and i["critical"] and i["status"] in FAILING
    ]
    if not missing:
        return
    target = "decision" if kind == "case" else "fact"
    shown = ", ".join(missing)
    for entry in items:
        if entry["kind"] == target and entry["status"] == "ok":
            entry["guessed"] = True
            entry["message"] += f" But it was not established: {shown} not done."
            entry["pesan"] += f" Namun tidak didasari pengecekan: {shown} belum dilakukan."


def _score(items: list[dict[str, Any]]) -> int:
    possible = sum(i["max_points"] for i in items)
    earned = sum(i["points"] for i in items if i["points"] > 0)
    penalty = -sum(i["points"] for i in items if i["points"] < 0)
    base = (200 * earned + possible) // (2 * possible) if possible else 0
    return max(0, min(100, base - penalty))


def grade(
    events: Sequence[Mapping[str, Any]],
    submission: Mapping[str, Any] | None,
    key: Mapping[str, Any],
) -> dict[str, Any]:
    """The report of one attempt (see the module docstring)."""
    grading = key["grading"]
    submission = submission or {}
    events = sorted(events, key=lambda e: (e.get("id") is None, e.get("id") or 0))
    items = _items(events, submission, grading)
    _mark_guessed(items, grading["kind"])
    items.sort(key=lambda i: not i["critical"])
    reasons = fail_reasons(items)
    did = ev.did_something(events)
    if not did:
        reasons.append(dict(NOTHING_DONE))
    score = _score(items) if did else 0
    return {
        "score": score,
        "passed": score >= grading["pass_score"] and not reasons,
        "items": items,
        "fail_reasons": reasons,
        "key_version": grading["version"],
        "grader_version": GRADER_VERSION,
    }
