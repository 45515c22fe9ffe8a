"""The SOP's decision applied to fact values: rule, resolution, escalation, ticket KIP."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenarios.conditions import holds
from scenarios.models.sop import RuleDef, Sop


class NoRuleApplies(ValueError):
    """No decision rule of the SOP holds for these facts."""


@dataclass(frozen=True)
class Decision:
    """What the SOP says to do for one set of facts."""

    rule: RuleDef
    resolution: str
    escalation: str | None
    kip: str | None
    kip_ref: str | None


def choose_kip(sop: Sop, rule: RuleDef, facts: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The KIP code (and its ref) of the ticket a rule requires; (None, None) for no ticket."""
    if rule.ticket is None:
        return None, None
    if rule.ticket.kip != "auto":
        return rule.ticket.kip, rule.ref
    for choice in sop.kips:
        if holds(choice.when, facts):
            return choice.kip, choice.ref
    raise NoRuleApplies(f"rule {rule.id}: no KIP choice of {sop.id} holds for these facts")


def decide(sop: Sop, facts: Mapping[str, Any]) -> Decision:
    """The first rule whose condition holds (NoRuleApplies if none does)."""
    for rule in sop.decision:
        if holds(rule.when, facts):
            kip, kip_ref = choose_kip(sop, rule, facts)
            return Decision(rule, rule.resolution, rule.escalation, kip, kip_ref)
    shown = ", ".join(f"{k}={v!r}" for k, v in sorted(facts.items()) if k in _mentioned(sop))
    raise NoRuleApplies(f"no decision rule of {sop.id} applies to {shown}")


def _mentioned(sop: Sop) -> set[str]:
    from scenarios.conditions import referenced

    names: set[str] = set()
    for rule in sop.decision:
        names |= referenced(rule.when)
    return names


def covered(sop: Sop, branch_id: str, facts: Mapping[str, Any], decision: Decision) -> bool:
    """Whether these facts and this decision go down the branch."""
    branch = next(b for b in sop.branches if b.id == branch_id)
    if branch.rule is not None and decision.rule.id != branch.rule:
        return False
    if branch.when is not None and not holds(branch.when, facts):
        return False
    return branch.kip is None or branch.kip == decision.kip
