"""The advice part of a key: what the SOP has the agent tell the customer in this instance."""

from collections.abc import Mapping
from typing import Any

from scenarios.conditions import holds
from scenarios.models.sop import RuleDef, Sop


def rule_advice(rule: RuleDef, facts: Mapping[str, Any]) -> list[str]:
    """The advice codes a rule requires for these facts."""
    return [
        a if isinstance(a, str) else a.code
        for a in rule.advice
        if isinstance(a, str) or holds(a.when, facts)
    ]


def advice_part(
    sop: Sop, rule: RuleDef | None, resolution: str | None, facts: Mapping[str, Any]
) -> dict[str, Any]:
    """{known: {code: {id, en, ref}}, required: [codes], by_resolution: {resolution: [codes]}}.

    `required` is what the expected outcome asks for: what its resolution advises by itself,
    plus the rule's own `advice` (unless the case overrides the rule's resolution).
    """
    known = {a.code: {"id": a.label_id, "en": a.label_en, "ref": a.ref} for a in sop.advice}
    by_resolution = {r.code: list(r.advises) for r in sop.resolutions if r.advises}
    required: list[str] = []
    if rule is not None:
        own = rule_advice(rule, facts) if resolution == rule.resolution else []
        required = list(dict.fromkeys([*by_resolution.get(resolution or "", []), *own]))
    return {"known": known, "required": required, "by_resolution": by_resolution}


def advice_to_submit(part: dict[str, Any], resolution: str | None) -> list[str]:
    """What a perfect submission lists in `advice` (its resolution gives the rest)."""
    implied = set(part["by_resolution"].get(resolution or "", []))
    return [code for code in part["required"] if code not in implied]
