"""Build the answer key of one instance (JSON-able; see scenarios/README.md, "Answer key")."""

from collections.abc import Mapping
from typing import Any

from scenarios.grading.version import GRADER_VERSION
from scenarios.keys import parts
from scenarios.keys import steps as st
from scenarios.keys.advice import advice_part, advice_to_submit
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
KEY_VERSION = GRADER_VERSION
"""The grader version a key is made for (reports carry it as `key_version`). 1: pass/fail on
score and fail reasons. 2: critical items, every ticket graded, disclosed facts, advice."""
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
        "questions": [question_spec(q) for q in need.questions],
        "reveals": parts.reveals(sop, case),
        "order": [p.model_dump() for p in sop.order],
        "facts": need.reported,
        "forbidden": parts.forbidden_specs(sop, facts),
        "wrong_operations": list(sop.wrong_lookups),
        "resolutions": {r.code: {"en": r.label_en, "id": r.label_id} for r in sop.resolutions},
        "advice": None,
        "decision": None,
        "escalation": None,
        "ticket": None,
    }


def _decision(
    sop: Sop, outcome: Outcome, key: dict[str, Any], need: Needs, facts: Mapping[str, Any]
) -> None:
    """Fill the decision, escalation and advice of a case's key (and its submission)."""
    rule = sop.rule(outcome.rule_id or "")
    depends = parts.depends(sop, rule.when if rule else {}, need, facts)
    key["grading"]["decision"] = {
        "resolution": outcome.resolution,
        "rule": outcome.rule_id,
        "label": outcome.rule_label,
        "ref": outcome.rule_ref,
        "depends": depends,
    }
    _add_depended_questions(sop, key, depends["questions"])
    advice = advice_part(sop, rule, outcome.resolution, facts)
    key["grading"]["advice"] = advice
    if submitted := advice_to_submit(advice, outcome.resolution):
        key["submit"]["advice"] = submitted
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


def question_spec(question: Any) -> dict[str, Any]:
    """The grader's view of a question."""
    return {
        "id": question.id,
        "text": question.text,
        "text_en": question.text_en,
        "reveals": list(question.reveals),
        "ref": question.ref,
    }


def _add_depended_questions(sop: Sop, key: dict[str, Any], depended: list[str]) -> None:
    """A question the decision rests on is graded (and in the key's steps) even where the SOP
    does not ask it of every customer (000:225: whether the AM answers)."""
    have = {q["id"] for q in key["grading"]["questions"]}
    for question_id in depended:
        question = sop.question(question_id)
        if question is None or question_id in have:
            continue
        key["grading"]["questions"].append(question_spec(question))
        key["steps"].append(
            {
                "id": f"question:{question.id}",
                "kind": "question",
                "question": question.text,
                "sop_ref": question.ref,
            }
        )
    key["steps"] = st.ordered(key["steps"], sop)


def _mark_critical_lookups(grading: dict[str, Any]) -> None:
    """A lookup the decision or a reported fact rests on is critical: without it the
    conclusion is not established."""
    needed = {f["lookup"] for f in grading["facts"]}
    if grading["decision"] is not None:
        needed |= set(grading["decision"]["depends"]["lookups"])
    for spec in grading["lookups"]:
        if spec["id"] in needed:
            spec["critical"] = True


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
        _decision(sop, outcome, key, need, facts)
    else:
        key["grading"]["advice"] = advice_part(sop, None, None, facts)
    _mark_critical_lookups(key["grading"])
    if outcome.kip:
        _ticket(sop, outcome, key, context)
    if reported:
        key["submit"]["facts"] = dict(reported)
    key["grading"]["passages"] = _passages(key, outcome, lines)
    return key
