"""Build the answer key of one instance (JSON-able; see scenarios/README.md, "Answer key")."""

from collections.abc import Mapping
from typing import Any

from scenarios.keys import parts
from scenarios.keys import steps as st
from scenarios.keys.parts import Needs, Outcome
from scenarios.keys.ticket import ticket_part
from scenarios.models import Case, Sop
from scenarios.sources import passage

WEIGHTS = {
    "lookup": 10,
    "question": 5,
    "decision": 30,
    "escalation": 10,
    "kip": 10,
    "ticket_field": 2,
    "fact": 10,
    "order": 3,
    "hint": 5,
    "extra": 2,
    "extra_ticket": 10,
}
KEY_VERSION = 1
Context = Mapping[str, Mapping[str, Any]]

__all__ = ["KEY_VERSION", "WEIGHTS", "Outcome", "build_key"]


def _grading(
    sop: Sop, case: Case, facts: Mapping[str, Any], need: Needs, context: Context
) -> dict[str, Any]:
    """The grading section before the decision, escalation and ticket parts."""
    return {
        "version": KEY_VERSION,
        "kind": case.kind,
        "sop": sop.id,
        "case": case.id,
        "pass_score": sop.pass_score,
        "weights": dict(WEIGHTS),
        "lookups": parts.lookup_specs(need, context),
        "questions": [
            {"id": q.id, "text": q.text, "text_en": q.text_en, "ref": q.ref} for q in need.questions
        ],
        "order": [p.model_dump() for p in sop.order],
        "facts": need.reported,
        "forbidden": parts.forbidden_specs(sop, facts),
        "wrong_operations": list(sop.wrong_lookups),
        "resolutions": {r.code: {"en": r.label_en, "id": r.label_id} for r in sop.resolutions},
        "decision": None,
        "escalation": None,
        "ticket": None,
    }


def _decision(sop: Sop, outcome: Outcome, key: dict[str, Any], need: Needs) -> None:
    """Fill the decision and escalation of a case's key (and its submission)."""
    rule = sop.rule(outcome.rule_id or "")
    key["grading"]["decision"] = {
        "resolution": outcome.resolution,
        "rule": outcome.rule_id,
        "label": outcome.rule_label,
        "ref": outcome.rule_ref,
        "depends": parts.depends(sop, rule.when if rule else {}, need),
    }
    key["grading"]["escalation"] = {"expected": outcome.escalation, "ref": outcome.rule_ref}
    if outcome.escalation:
        key["submit"]["escalation"] = outcome.escalation
    key["submit"]["notes"] = outcome.rule_label or ""


def _ticket(sop: Sop, outcome: Outcome, key: dict[str, Any], context: Context) -> None:
    """Add the ticket: its grading spec, its expected fields, and the step that files it."""
    spec, body = ticket_part(
        sop,
        outcome.kip or "",
        outcome.kip_ref or "",
        outcome.escalation,
        outcome.rule_label or "",
        context,
    )
    key["grading"]["ticket"] = spec
    key["expected"]["ticket"] = {"kip": body["kip"], "fields": body["fields"]}
    key["steps"].append(
        {
            "id": "action:ticket",
            "kind": "action",
            "operation": "tickets.create",
            "request": st.request_for("tickets.create", {}, body),
            "sop_ref": outcome.kip_ref,
        }
    )


def _passages(key: dict[str, Any], outcome: Outcome, lines: tuple[str, ...]) -> dict[str, str]:
    grading = key["grading"]
    refs = [s["sop_ref"] for s in key["steps"]] + [outcome.rule_ref or ""]
    refs += [f["ref"] for f in (grading["ticket"] or {}).get("fields", [])]
    refs += [f["ref"] for f in grading["facts"]] + [p["ref"] for p in grading["order"]]
    return {r: passage(r, lines) for r in sorted(set(refs)) if r}


def build_key(
    sop: Sop,
    case: Case,
    facts: Mapping[str, Any],
    outcome: Outcome,
    context: Context,
    lines: tuple[str, ...],
) -> dict[str, Any]:
    """The key: submit body, steps, expected outcome and the grading section."""
    need = parts.needs(sop, case, facts, context)
    reported = {f["id"]: f["expected"] for f in need.reported}
    key: dict[str, Any] = {
        "submit": {"resolution": outcome.resolution or "report"},
        "steps": parts.steps_of(sop, need, context),
        "expected": {
            "resolution": outcome.resolution,
            "escalation": outcome.escalation,
            "ticket": None,
            "facts": reported,
            "branch": outcome.branches,
            "rule": outcome.rule_id,
        },
        "grading": _grading(sop, case, facts, need, context),
    }
    if case.kind == "case":
        _decision(sop, outcome, key, need)
    if outcome.kip:
        _ticket(sop, outcome, key, context)
    if reported:
        key["submit"]["facts"] = dict(reported)
    key["grading"]["passages"] = _passages(key, outcome, lines)
    return key
