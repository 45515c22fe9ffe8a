"""grade(events, submission, key) -> report: pure, deterministic, no I/O.

Score = points earned over points possible (0-100) minus penalties (hints, wrong-SOP lookups,
an unneeded ticket). A wrong resolution, a wrong or missing escalation, a forbidden move, or a
right resolution the trace does not establish ("guessed"), or a wrong or missing `critical`
reported fact fails whatever the score; an attempt
that neither looked anything up nor asked anything scores 0.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from scenarios.grading import events as ev
from scenarios.grading import outcome, steps
from scenarios.grading.forbidden import forbidden_items


def _guessed(grading: Mapping[str, Any], items: list[dict[str, Any]]) -> list[str]:
    """Lookups/questions the expected conclusion (and the facts reported) rest on, not done."""
    done = {i["id"] for i in items if i["status"] == "ok"}
    reported = {
        i["id"].removeprefix("fact:") for i in items if i["kind"] == "fact" and i["status"] == "ok"
    }
    needed = [f"lookup:{f['lookup']}" for f in grading["facts"] if f["id"] in reported]
    if grading["kind"] != "drill":
        # A case's reported fact rests on its lookup when that lookup is due in this instance.
        due = {f"lookup:{spec['id']}" for spec in grading["lookups"]}
        needed = [n for n in needed if n in due]
        depends = grading["decision"]["depends"]
        needed = [f"lookup:{x}" for x in depends["lookups"]] + needed
        needed += [f"question:{x}" for x in depends["questions"]]
    return [n for n in dict.fromkeys(needed) if n not in done]


def _mark_guessed(items: list[dict[str, Any]], missing: list[str], kind: str) -> None:
    target = "decision" if kind == "case" else "fact"
    shown = ", ".join(missing)
    for entry in items:
        if entry["kind"] == target and entry["status"] == "ok":
            entry["guessed"] = True
            entry["message"] += f" But it was not established: {shown} not done."
            entry["pesan"] += f" Namun tidak didasari pengecekan: {shown} belum dilakukan."


def _items(
    events: Sequence[ev.Event], submission: Mapping[str, Any], grading: Mapping[str, Any]
) -> list[dict[str, Any]]:
    items = steps.lookup_items(grading, events) + steps.question_items(grading, events)
    items += steps.order_items(grading, events)
    if grading["kind"] == "case":
        items.append(outcome.decision_item(grading, submission))
        escalation = outcome.escalation_item(grading, submission)
        if escalation is not None:
            items.append(escalation)
    items += outcome.ticket_items(grading, events) + outcome.fact_items(grading, submission)
    items += forbidden_items(grading, events, submission)
    return items + steps.extra_items(grading, events)


def _score(items: list[dict[str, Any]]) -> int:
    possible = sum(i["max_points"] for i in items)
    earned = sum(i["points"] for i in items if i["points"] > 0)
    penalty = -sum(i["points"] for i in items if i["points"] < 0)
    base = (200 * earned + possible) // (2 * possible) if possible else 0
    return max(0, min(100, base - penalty))


def _fail_reasons(items: list[dict[str, Any]], guessed: list[str]) -> list[str]:
    reasons = []
    for entry in items:
        if entry["kind"] == "decision" and entry["status"] == "wrong":
            reasons.append("wrong resolution")
        if entry["kind"] == "escalation" and entry["status"] in ("wrong", "missed"):
            reasons.append("wrong escalation")
        if entry["kind"] == "forbidden":
            reasons.append(f"forbidden move: {entry['id'].removeprefix('forbidden:')}")
        if entry.get("critical") and entry["status"] in ("wrong", "missed"):
            name = entry["id"].removeprefix("fact:")
            reasons.append(f"{entry['status']} fact: {name}")
    if guessed:
        reasons.append("guessed: not established by " + ", ".join(guessed))
    return reasons


def grade(
    events: Sequence[Mapping[str, Any]],
    submission: Mapping[str, Any] | None,
    key: Mapping[str, Any],
) -> dict[str, Any]:
    """The report of one attempt: score, passed, items (see the module docstring)."""
    grading = key["grading"]
    submission = submission or {}
    events = sorted(events, key=lambda e: (e.get("id") is None, e.get("id") or 0))
    items = _items(events, submission, grading)
    guessed = _guessed(grading, items)
    if guessed and any(i["status"] == "ok" for i in items if i["kind"] in ("decision", "fact")):
        _mark_guessed(items, guessed, grading["kind"])
    else:
        guessed = []
    reasons = _fail_reasons(items, guessed)
    score = _score(items) if ev.did_something(events) else 0
    if not ev.did_something(events):
        reasons.append("nothing was looked up or asked")
    passed = score >= grading["pass_score"] and not reasons
    return {
        "score": score,
        "passed": passed,
        "items": items,
        "fail_reasons": reasons,
        "key_version": grading["version"],
    }
