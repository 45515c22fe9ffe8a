"""Fact tables of a SOP (with the implicit `channel` fact) and fact values of one case."""

from collections.abc import Mapping
from random import Random
from typing import Any

from scenarios import conditions
from scenarios.models.sop import FactDef, FactSource, Sop

CHANNELS = ["voice", "chat", "email", "social"]
IMPLICIT: dict[str, FactDef] = {
    "channel": FactDef(
        type="enum",
        values=list(CHANNELS),
        source=FactSource(case=True),
        label="Channel of the contact (the case's channel)",
        ref="000:1",
    ),
}


def fact_table(sop: Sop) -> dict[str, FactDef]:
    """The SOP's facts plus the implicit ones every SOP has."""
    return {**IMPLICIT, **sop.facts}


def derived_order(facts: Mapping[str, FactDef]) -> list[str]:
    """Derived facts in an order where each comes after the derived facts it uses.

    Raises ValueError naming a cycle.
    """
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ValueError("derived facts form a cycle: " + " -> ".join((*trail, name)))
        state[name] = 1
        for used in sorted(conditions.referenced(facts[name].derived)):
            if used in facts and facts[used].derived is not None:
                visit(used, (*trail, name))
        state[name] = 2
        order.append(name)

    for name in sorted(facts):
        if facts[name].derived is not None:
            visit(name, ())
    return order


def with_derived(facts: Mapping[str, FactDef], values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` plus every derived fact computed from them."""
    result = dict(values)
    for name in derived_order(facts):
        result[name] = conditions.holds(facts[name].derived, result)
    return result


def resolve(sop: Sop, conditions_: Mapping[str, Any], channel: str, rng: Random) -> dict[str, Any]:
    """Fact values of a case: its conditions, else SOP defaults, else a seeded cosmetic pick.

    Facts with no default that are not enums or booleans stay None: the materializer fills them.
    """
    table = fact_table(sop)
    values: dict[str, Any] = {"channel": channel}
    for name in sorted(sop.facts):
        fact = sop.facts[name]
        if fact.derived is not None:
            continue
        if name in conditions_:
            values[name] = conditions_[name]
        elif fact.default is not None:
            values[name] = fact.default
        elif fact.type == "enum":
            values[name] = rng.choice(fact.values) if fact.values else None
        elif fact.type == "bool":
            values[name] = rng.random() < 0.5
        else:
            values[name] = None
    return with_derived(table, values)


def decision_facts(sop: Sop) -> set[str]:
    """Facts some decision rule, KIP choice, branch, question or forbidden move depends on."""
    conds: list[Any] = [r.when for r in sop.decision] + [k.when for k in sop.kips]
    conds += [b.when for b in sop.branches] + [f.when for f in sop.forbidden]
    conds += [lk.when for lk in sop.lookups] + [r.when for r in sop.report_facts]
    conds += [lk.not_found_when for lk in sop.lookups]
    conds += [q.required for q in sop.questions if isinstance(q.required, dict)]
    names: set[str] = set()
    for cond in conds:
        names |= conditions.referenced(cond)
    return conditions.base_facts(names, fact_table(sop))
