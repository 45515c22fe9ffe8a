"""What an instance requires: lookups, questions, facts to report, and what a rule rests on."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gladi import catalog
from scenarios import conditions, values
from scenarios.expressions import resolve
from scenarios.facts import fact_table
from scenarios.keys import steps as st
from scenarios.models import Case, Sop
from scenarios.models.sop import LookupDef, QuestionDef


@dataclass(frozen=True)
class Outcome:
    """What the SOP rules (and the case's overrides) expect of this instance."""

    rule_id: str | None
    rule_ref: str | None
    rule_label: str | None
    resolution: str | None
    escalation: str | None
    kip: str | None
    kip_ref: str | None
    branches: list[str]


@dataclass(frozen=True)
class Needs:
    """The required lookups and questions of an instance, and the facts it must report."""

    lookups: list[LookupDef]
    questions: list[QuestionDef]
    reported: list[dict[str, Any]]
    not_found: frozenset[str] = frozenset()
    """Ids of the lookups whose tool answers 'not found' for this instance (not_found_when)."""


def _required(value: Any, facts: Mapping[str, Any]) -> bool:
    return value is True or (isinstance(value, dict) and conditions.holds(value, facts))


def _with_logins(sop: Sop, wanted: set[str]) -> set[str]:
    """`wanted` plus the SOP's login lookup (`<tool>.login`) of every tool a wanted lookup uses:
    a drill on UPoint Transactions Data cannot be done without logging in first."""
    tools = {catalog.BY_NAME[lk.operation].tool for lk in sop.lookups if lk.id in wanted}
    logins = {
        lk.id
        for lk in sop.lookups
        if lk.operation.endswith(".login") and catalog.BY_NAME[lk.operation].tool in tools
    }
    return wanted | logins


def _not_found(lookups: list[LookupDef], facts: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(
        lk.id
        for lk in lookups
        if lk.not_found_when is not None and conditions.holds(lk.not_found_when, facts)
    )


def needs(sop: Sop, case: Case, facts: Mapping[str, Any], context: Any) -> Needs:
    """A drill needs only its facts' lookups; a case needs what the SOP requires for its facts."""
    if case.kind == "drill":
        wanted = _with_logins(sop, {item.lookup for item in case.report_facts})
        lookups = [lk for lk in sop.lookups if lk.id in wanted]
        by_id = {r.id: r for r in sop.report_facts}
        chosen = [(by_id[d.fact], d.lookup) for d in case.report_facts]
        return Needs(lookups, [], _reported(chosen, context, True), _not_found(lookups, facts))
    lookups = [lk for lk in sop.lookups if conditions.holds(lk.when, facts)]
    questions = [q for q in sop.questions if _required(q.required, facts)]
    chosen = [
        (r, r.lookup) for r in sop.report_facts if r.in_cases and conditions.holds(r.when, facts)
    ]
    return Needs(lookups, questions, _reported(chosen, context), _not_found(lookups, facts))


def _reported(
    chosen: list[tuple[Any, str]], context: Any, drill: bool = False
) -> list[dict[str, Any]]:
    """The reported facts' specs (every fact a drill asks for is critical: finding it is what
    the drill is for)."""
    specs = []
    for r, lookup in chosen:
        spec = {
            "id": r.id,
            "label": r.label,
            "label_en": r.label_en,
            "compare": r.compare,
            "expected": values.display(r.compare, resolve(r.expr, context)),
            "lookup": lookup,
            "ref": r.ref,
        }
        if r.critical or drill:
            spec["critical"] = True
        specs.append(spec)
    return specs


def _presumed(table: Mapping[str, Any], name: str, facts: Mapping[str, Any]) -> bool:
    fact = table[name]
    return fact.presumed is not None and facts.get(name) == fact.presumed


def depends(
    sop: Sop, rule_when: Any, need: Needs, facts: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The required lookups and questions that establish the facts a rule's condition uses
    (facts at their SOP-presumed value need nothing), and per question the facts it is needed
    for (a fact the customer already disclosed needs no question)."""
    table = fact_table(sop)
    names = conditions.base_facts(conditions.referenced(rule_when), table)
    names = {n for n in names if facts is None or not _presumed(table, n, facts)}
    sources = {n: table[n].source for n in sorted(names) if table[n].source is not None}
    by_lookup = {s.lookup for s in sources.values() if s and s.lookup}
    by_question: dict[str, list[str]] = {}
    for name, source in sources.items():
        if source and source.question:
            by_question.setdefault(source.question, []).append(name)
    asked = [q.id for q in sop.questions if q.id in by_question]
    return {
        "lookups": [lk.id for lk in need.lookups if lk.id in by_lookup],
        "questions": asked,
        "facts_by_question": {q: by_question[q] for q in asked},
    }


def reveals(sop: Sop, case: Case) -> dict[str, list[str]]:
    """Question id -> the facts its answer gives, for the questions this customer can answer."""
    return {
        q.id: list(q.reveals)
        for q in sop.questions
        if q.reveals and q.id not in case.persona.does_not_know
    }


def lookup_specs(need: Needs, context: Any) -> list[dict[str, Any]]:
    """The grader's view of each required lookup: operation, label, identifier values."""
    specs = []
    for lk in need.lookups:
        spec: dict[str, Any] = {
            "id": lk.id,
            "operation": lk.operation,
            "label": lk.label or catalog.BY_NAME[lk.operation].label,
            "params": st.lookup_params(lk, context),
            "ref": lk.ref,
        }
        if lk.id in need.not_found:
            spec["not_found"] = True
        if lk.window is not None:
            spec["window"] = {
                "covers": str(resolve(lk.window.covers, context)),
                "today": str(resolve(lk.window.today, context)),
                "days": lk.window.days,
            }
        specs.append(spec)
    return specs


def forbidden_specs(sop: Sop, facts: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The forbidden moves that apply to this instance."""
    return [
        {
            "id": m.id,
            "detect": m.detect.model_dump(exclude_none=True, exclude_defaults=False),
            "message": m.message,
            "pesan": m.pesan,
            "ref": m.ref,
        }
        for m in sop.forbidden
        if conditions.holds(m.when, facts)
    ]


def steps_of(sop: Sop, need: Needs, context: Any) -> list[dict[str, Any]]:
    """The lookup and question steps in SOP order."""
    steps = [st.lookup_step(lk, context, lk.id in need.not_found) for lk in need.lookups]
    steps += [
        {"id": f"question:{q.id}", "kind": "question", "question": q.text, "sop_ref": q.ref}
        for q in need.questions
    ]
    return st.ordered(steps, sop)
